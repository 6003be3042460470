"""Throughput of extraction: text records per second per core, and HTML pages against trafilatura.

Rates are per core: articles divided by the process's CPU seconds (kronik extracts on one core; CPU
time is what a second core would double). Resident memory is sampled along the run to show it stays flat.
"""

from __future__ import annotations

import resource
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kronik.data import Article
from kronik.errors import InputError
from kronik.pipeline import EXTRACTION_STAGES, process
from kronik.stages.ingest import IngestOptions, page_article, read_inputs


@dataclass
class BenchResult:
    name: str
    items: int
    cpu_s: float
    wall_s: float
    failed: int = 0
    rss_mb: list[tuple[int, float]] = field(default_factory=list)  # (items done, resident MB)

    @property
    def per_core(self) -> float:
        return self.items / self.cpu_s if self.cpu_s else 0.0


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed(name: str, work: Iterable[object], sample_every: int = 1000) -> BenchResult:
    c0, w0 = _cpu(), time.perf_counter()
    n = failed = 0
    samples = [(0, _rss_mb())]
    for item in work:
        n += 1
        if isinstance(item, InputError):
            failed += 1
        if n % sample_every == 0:
            samples.append((n, _rss_mb()))
    samples.append((n, _rss_mb()))
    return BenchResult(name, n, _cpu() - c0, time.perf_counter() - w0, failed, samples)


def bench_records(path: Path, limit: int | None = None) -> BenchResult:
    """Process the records of a JSONL/CSV file (e.g. click-id's 9,746 articles)."""

    def work() -> Iterable[object]:
        for i, item in enumerate(read_inputs([str(path)], IngestOptions())):
            if limit is not None and i >= limit:
                return
            yield item if isinstance(item, InputError) else process(item, EXTRACTION_STAGES)

    return _timed(f"text records ({path.name})", work())


def _html_pages(paths: list[Path]) -> list[tuple[str, bytes]]:
    return [(str(p), p.read_bytes()) for p in paths]


def bench_html(paths: list[Path], repeat: int = 5) -> tuple[BenchResult, BenchResult]:
    """kronik's whole pipeline and trafilatura's ``extract`` on the same HTML pages, ``repeat`` rounds."""
    import trafilatura

    pages = _html_pages(paths)

    def kronik_work() -> Iterable[object]:
        for _ in range(repeat):
            for source, data in pages:
                try:
                    yield process(page_article(source, data, "html"), EXTRACTION_STAGES)
                except InputError as err:
                    yield err

    def trafilatura_work() -> Iterable[object]:
        for _ in range(repeat):
            for _source, data in pages:
                yield trafilatura.extract(data, with_metadata=True)

    return _timed("kronik (HTML)", kronik_work(), 50), _timed(
        "trafilatura.extract (HTML)", trafilatura_work(), 50
    )


def run_all(
    shared: Path, limit: int | None = None, repeat: int = 5, progress: Callable[[str], None] = print
) -> list[BenchResult]:
    results = []
    records = shared / "data" / "click-id" / "raw_articles.jsonl"
    if records.exists():
        progress(f"processing {records} ...")
        results.append(bench_records(records, limit))
    html_dir = shared / "data" / "anpandu-news-html-fixtures" / "websites"
    pages = sorted(html_dir.rglob("*-singlepage.html"))
    if pages:
        progress(f"processing {len(pages)} HTML pages x {repeat} with kronik and with trafilatura ...")
        results.extend(bench_html(pages, repeat))
    return results


__all__ = ["Article", "BenchResult", "bench_html", "bench_records", "run_all"]
