"""The one ordered list of stages an article passes through, and the loop that runs it.

Each stage is a function ``Article -> Article`` with a versioned name and the fields it requires and
assigns (checked by :func:`check_pipeline`, like spaCy's ``analyze_pipes``). A stage that fails leaves
the article with a warning naming the stage; the run goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from kronik.data import Article
from kronik.errors import InputError, StageError
from kronik.stages.clean import clean
from kronik.stages.entities import entities
from kronik.stages.identity import identity
from kronik.stages.language import language
from kronik.stages.metadata import metadata


@dataclass(frozen=True)
class Stage:
    name: str
    func: Callable[[Article], Article]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


STAGES: tuple[Stage, ...] = (
    Stage("clean.v1", clean, ("blocks",), ("paragraphs", "removed", "related_headlines")),
    Stage("language.v1", language, ("paragraphs",), ("language", "language_confidence")),
    Stage(
        "metadata.v1",
        metadata,
        ("blocks", "paragraphs"),
        ("title", "lead", "section", "outlet", "dateline_place", "published", "published_precision",
         "published_evidence", "authors", "editors", "photo_credits", "cited_media", "page"),
    ),
    Stage("identity.v1", identity, ("url", "title", "outlet", "published"), ("id",)),
    Stage("entities.v1", entities, ("paragraphs", "photo_credits"), ("entities",)),
)
#: The stages of article extraction alone (issue 2's record), without the NLP stages that follow.
EXTRACTION_STAGES: tuple[Stage, ...] = STAGES[:4]

_INGEST_ASSIGNS = ("blocks", "source", "url", "input_format")


def check_pipeline(stages: Iterable[Stage] = STAGES) -> list[str]:
    """Problems with the stage order: a stage that requires a field no earlier stage assigns."""
    have = set(_INGEST_ASSIGNS)
    problems = []
    for st in stages:
        missing = [f for f in st.requires if f not in have]
        if missing:
            problems.append(f"{st.name} requires {', '.join(missing)}, which no earlier stage assigns")
        have.update(st.assigns)
    return problems


def process(article: Article, stages: Iterable[Stage] = STAGES) -> Article:
    """Run ``article`` through the stages; a failing stage is recorded in its warnings."""
    for st in stages:
        try:
            article = st.func(article)
        except Exception as err:
            failure = StageError(st.name, article.source, f"{type(err).__name__}: {err}")
            article.warn(str(failure))
    article.blocks = []
    article.html_meta = {k: v for k, v in article.html_meta.items() if k != "_tree"}
    return article


def run(items: Iterable[Article | InputError], stages: Iterable[Stage] = STAGES) -> Iterator[Article | InputError]:
    """Process a stream of ingested articles, passing input errors through unchanged."""
    stages = tuple(stages)
    for item in items:
        yield item if isinstance(item, InputError) else process(item, stages)
