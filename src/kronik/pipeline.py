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
from kronik.stages.claims import claims, claims_batch
from kronik.stages.clean import clean
from kronik.stages.entities import entities, entities_batch
from kronik.stages.events import events
from kronik.stages.identity import identity
from kronik.stages.language import language
from kronik.stages.metadata import metadata
from kronik.stages.quotes import quotes
from kronik.stages.times import times


@dataclass(frozen=True)
class Stage:
    name: str
    func: Callable[[Article], Article]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    batch: Callable[[list[Article]], list[Article]] | None = None  # the same work over many articles at once


STAGES: tuple[Stage, ...] = (
    Stage("clean.v1", clean, ("blocks",), ("paragraphs", "removed", "related_headlines")),
    Stage("language.v1", language, ("paragraphs",), ("language", "language_confidence")),
    Stage(
        "metadata.v1",
        metadata,
        ("blocks", "paragraphs"),
        (
            "title",
            "lead",
            "section",
            "outlet",
            "dateline_place",
            "published",
            "published_precision",
            "published_evidence",
            "authors",
            "editors",
            "photo_credits",
            "cited_media",
            "page",
        ),
    ),
    Stage("identity.v1", identity, ("url", "title", "outlet", "published"), ("id",)),
    Stage("entities.v1", entities, ("paragraphs", "photo_credits"), ("entities",), batch=entities_batch),
    Stage("times.v1", times, ("paragraphs", "published"), ("times",)),
    Stage(
        "quotes.v1",
        quotes,
        ("paragraphs", "entities", "times", "outlet", "cited_media"),
        ("quotes", "sources"),
    ),
    Stage(
        "claims.v1",
        claims,
        ("paragraphs", "quotes", "entities", "title", "related_headlines"),
        ("claims", "headline"),
        batch=claims_batch,
    ),
    Stage("events.v1", events, ("paragraphs", "entities", "times", "quotes", "sources"), ("events",)),
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


#: Articles that go through a batching stage together (the recogniser is faster on larger batches).
BATCH_SIZE = 32


def _apply(st: Stage, article: Article) -> Article:
    try:
        return st.func(article)
    except Exception as err:
        article.warn(str(StageError(st.name, article.source, f"{type(err).__name__}: {err}")))
        return article


def _apply_batch(st: Stage, articles: list[Article]) -> list[Article]:
    assert st.batch is not None
    try:
        return st.batch(articles)
    except Exception:
        return [_apply(st, a) for a in articles]


def _finish(article: Article) -> Article:
    article.blocks = []
    article.html_meta = {k: v for k, v in article.html_meta.items() if k != "_tree"}
    return article


def process(article: Article, stages: Iterable[Stage] = STAGES) -> Article:
    """Run ``article`` through the stages; a failing stage is recorded in its warnings."""
    for st in stages:
        article = _apply(st, article)
    return _finish(article)


def process_batch(articles: list[Article], stages: Iterable[Stage] = STAGES) -> list[Article]:
    """Run several articles through the stages, batching the stages that can batch."""
    for st in stages:
        articles = _apply_batch(st, articles) if st.batch is not None else [_apply(st, a) for a in articles]
    return [_finish(a) for a in articles]


def run(
    items: Iterable[Article | InputError], stages: Iterable[Stage] = STAGES
) -> Iterator[Article | InputError]:
    """Process a stream of ingested articles in batches, passing input errors through in order."""
    stages = tuple(stages)
    pending: list[Article | InputError] = []
    for item in items:
        pending.append(item)
        if sum(isinstance(x, Article) for x in pending) >= BATCH_SIZE:
            yield from _flush(pending, stages)
            pending = []
    yield from _flush(pending, stages)


def _flush(pending: list[Article | InputError], stages: tuple[Stage, ...]) -> Iterator[Article | InputError]:
    done = iter(process_batch([x for x in pending if isinstance(x, Article)], stages))
    for item in pending:
        yield item if isinstance(item, InputError) else next(done)
