"""Throughput of the entity stage (recogniser + linker) on real article bodies, and the model's load time."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from kronik.bench.extraction import _cpu
from kronik.data import Article
from kronik.pipeline import EXTRACTION_STAGES, process
from kronik.stages.ingest import IngestOptions, read_inputs


@dataclass
class EntityBench:
    load_s: float
    articles: int
    tokens: int
    cpu_s: float
    entities: int


def bench(shared: Path, limit: int = 300) -> EntityBench:
    from kronik.ner.evaluate import load_model
    from kronik.pipeline import BATCH_SIZE
    from kronik.stages.entities import entities_batch

    load_model.cache_clear()
    t0 = time.perf_counter()
    nlp = load_model()
    load_s = time.perf_counter() - t0
    path = shared / "data" / "detik-summ-1000" / "data_berita.csv"
    articles: list[Article] = []
    for item in read_inputs([str(path)], IngestOptions()):
        if isinstance(item, Article):
            articles.append(process(item, EXTRACTION_STAGES))
        if len(articles) >= limit:
            break
    tokens = sum(len(nlp.tokenizer(a.body)) for a in articles)
    c0 = _cpu()
    found = 0
    for i in range(0, len(articles), BATCH_SIZE):  # as the pipeline runs it: BATCH_SIZE articles at a time
        found += sum(len(a.entities) for a in entities_batch(articles[i : i + BATCH_SIZE]))
    return EntityBench(load_s, len(articles), tokens, _cpu() - c0, found)
