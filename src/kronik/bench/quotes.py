"""Throughput of the quotes and claims stages (:func:`bench`) and of the time and event stages
(:func:`bench_events`) on real article bodies (detik-summ-1000); every other stage is run first and
not timed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kronik.bench.extraction import _cpu
from kronik.data import Article
from kronik.pipeline import STAGES, process_batch
from kronik.stages.ingest import IngestOptions, read_inputs


def _prepared(shared: Path, limit: int, timed: tuple[str, ...]) -> list[Article]:
    """``limit`` detik-summ-1000 articles through every stage but the ``timed`` ones."""
    others = tuple(st for st in STAGES if st.name.split(".")[0] not in timed)
    path = shared / "data" / "detik-summ-1000" / "data_berita.csv"
    raw = [a for a in read_inputs([str(path)], IngestOptions()) if isinstance(a, Article)][:limit]
    return process_batch(raw, others)


def _cpu_of(stage: Callable[[Article], Article], articles: list[Article]) -> float:
    c0 = _cpu()
    for a in articles:
        stage(a)
    return _cpu() - c0


@dataclass
class EventBench:
    articles: int
    events: int
    times: int
    times_cpu_s: float
    events_cpu_s: float


def bench_events(shared: Path, limit: int = 300) -> EventBench:
    """The time and event stages, each timed alone."""
    from kronik.stages.events import events
    from kronik.stages.times import times

    articles = _prepared(shared, limit, ("times", "events"))
    t = _cpu_of(times, articles)
    e = _cpu_of(events, articles)
    return EventBench(
        len(articles), sum(len(a.events) for a in articles), sum(len(a.times) for a in articles), t, e
    )


@dataclass
class QuoteBench:
    articles: int
    paragraphs: int
    quotes: int
    claims: int
    cpu_s: float  # quotes stage
    claims_cpu_s: float  # claims stage without the clickbait model
    clickbait_cpu_s: float  # scoring headlines (title + related) with the clickbait model


def bench(shared: Path, limit: int = 300) -> QuoteBench:
    """The quotes stage, the claims stage, and the headline scoring of the claims stage, each timed alone."""
    from kronik.stages.claims import _score_headlines, claims
    from kronik.stages.quotes import quotes

    articles = _prepared(shared, limit, ("quotes", "claims"))
    q = _cpu_of(quotes, articles)
    c = _cpu_of(claims, articles)
    c0 = _cpu()
    _score_headlines(articles)
    h = _cpu() - c0
    return QuoteBench(
        len(articles), sum(len(a.paragraphs) for a in articles), sum(len(a.quotes) for a in articles),
        sum(len(a.claims) for a in articles), q, c, h,
    )  # fmt: skip
