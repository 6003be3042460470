"""Throughput of the quotes and claims stages (and of the time and event stages, :func:`bench_events`) on real article bodies (detik-summ-1000), with the stages
before them run first and not timed. Robustness cases are timed too: a 200-paragraph interview, and
an article with unbalanced quotation marks."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kronik.bench.extraction import _cpu
from kronik.data import Article
from kronik.pipeline import STAGES, process_batch
from kronik.stages.ingest import IngestOptions, read_inputs


@dataclass
class EventBench:
    articles: int
    events: int
    times: int
    times_cpu_s: float
    events_cpu_s: float


def bench_events(shared: Path, limit: int = 300) -> EventBench:
    """The time and event stages on detik-summ-1000 bodies, with the stages before them run first, untimed."""
    from kronik.stages.events import events
    from kronik.stages.times import times

    before = tuple(st for st in STAGES if st.name.split(".")[0] not in ("times", "events"))
    path = shared / "data" / "detik-summ-1000" / "data_berita.csv"
    raw = [a for a in read_inputs([str(path)], IngestOptions()) if isinstance(a, Article)][:limit]
    articles = process_batch(raw, before)
    c0 = _cpu()
    for a in articles:
        times(a)
    c1 = _cpu()
    for a in articles:
        events(a)
    c2 = _cpu()
    return EventBench(len(articles), sum(len(a.events) for a in articles), sum(len(a.times) for a in articles), c1 - c0, c2 - c1)


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
    from kronik.stages.claims import _score_headlines, claims
    from kronik.stages.quotes import quotes

    before = tuple(st for st in STAGES if st.name.split(".")[0] not in ("quotes", "claims"))
    path = shared / "data" / "detik-summ-1000" / "data_berita.csv"
    raw = [a for a in read_inputs([str(path)], IngestOptions()) if isinstance(a, Article)][:limit]
    articles = process_batch(raw, before)
    c0 = _cpu()
    for a in articles:
        quotes(a)
    c1 = _cpu()
    for a in articles:
        claims(a)
    c2 = _cpu()
    _score_headlines(articles)
    c3 = _cpu()
    return QuoteBench(
        len(articles), sum(len(a.paragraphs) for a in articles), sum(len(a.quotes) for a in articles),
        sum(len(a.claims) for a in articles), c1 - c0, c2 - c1, c3 - c2,
    )  # fmt: skip
