"""Library entry point: read inputs, run the pipeline, join multi-page articles.

``extract(paths)`` is what ``kronik extract`` and ``kronik ingest`` call; it yields articles and input
errors in input order (pages of one article are held back until their last page is seen, then joined).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from kronik.data import Article
from kronik.errors import InputError
from kronik.pipeline import STAGES, Stage, run
from kronik.stages.identity import article_id
from kronik.stages.ingest import IngestOptions, read_inputs
from kronik.stages.language import EXTRACTED


def extract(
    paths: Iterable[str], options: IngestOptions | None = None, stages: tuple[Stage, ...] = STAGES
) -> Iterator[Article | InputError]:
    """Articles (and input errors) from ``paths``; all pages of a paginated article come out joined."""
    pending: dict[str, list[Article]] = {}
    for item in run(read_inputs(paths, options), stages):
        problem = not_an_article(item) if isinstance(item, Article) else None
        if problem:
            yield InputError(item.source, problem)
            continue
        if isinstance(item, Article) and item.page and item.page.of and item.page.of > 1:
            key = _page_key(item)
            pending.setdefault(key, []).append(item)
            pages = pending[key]
            if {p.page.number for p in pages if p.page} >= set(range(1, item.page.of + 1)):
                del pending[key]
                yield join_pages(pages)
            continue
        yield item
    for pages in pending.values():  # an article whose other pages were not given
        for p in pages:
            if p.page:
                p.warn(f"page {p.page.number} of {p.page.of}: the other pages were not given")
            yield p


_LANGUAGE_NAMES = {"fr": "French", "de": "German", "es": "Spanish", "nl": "Dutch", "ru": "Russian", "uk": "Ukrainian",
                   "ar": "Arabic", "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "vi": "Vietnamese", "th": "Thai",
                   "tl": "Tagalog"}  # fmt: skip


def not_an_article(article: Article) -> str | None:
    """Why a processed page is not an article kronik can use (None when it is one)."""
    if not article.paragraphs:
        return "no article body found (not an article page, or broken markup)"
    if article.language and article.language not in EXTRACTED:
        name = _LANGUAGE_NAMES.get(article.language, article.language)
        return f"page is in {name} ({article.language}), not Indonesian, English or Malay"
    return None


def _page_key(article: Article) -> str:
    title = re.sub(r"\W+", " ", (article.title or "").lower()).strip()
    title = re.sub(r"\s*(halaman|page|bagian)\s*\d+$", "", title)
    return f"{article.outlet.name}|{title}|{(article.published or '')[:10]}"


def join_pages(pages: list[Article]) -> Article:
    """One record from the pages of one article, in page order."""
    pages = sorted(pages, key=lambda a: a.page.number if a.page else 0)
    first = pages[0]
    for p in pages[1:]:
        first.paragraphs.extend(p.paragraphs)
        for r in p.removed:
            first.remove(r.kind, r.text)
        first.related_headlines.extend(h for h in p.related_headlines if h not in first.related_headlines)
        for name in ("authors", "editors", "photo_credits", "cited_media"):
            target = getattr(first, name)
            target.extend(x for x in getattr(p, name) if x not in target)
        for w in p.warnings:
            first.warn(w)
    first.joined_from = [p.source for p in pages]
    first.page = None  # the whole article: its pages are listed in joined_from
    first.id = article_id(first)
    return first
