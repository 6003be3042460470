"""Ingest for the web app: uploaded files or local paths go through the library (``kronik.corpus.extract``
and ``Store.upsert``), one request at a time: the server holds the one write connection."""

from __future__ import annotations

import re
import tempfile
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kronik.corpus import extract
from kronik.errors import InputError
from kronik.stages.identity import article_id
from kronik.store import Store

#: Most files one ingest request may carry (uploads or paths).
MAX_FILES = 20
#: Largest file accepted, in bytes; the extractor refuses pages over 10 MB too (docs/cli.md).
MAX_FILE_BYTES = 10 * 1024 * 1024
#: Room for multipart boundaries and headers on top of the files themselves, in bytes.
MULTIPART_OVERHEAD = 256 * 1024
#: Largest JSON body (a list of paths), in bytes.
MAX_JSON_BYTES = 256 * 1024
#: Prefix of the source of an uploaded file, in place of the temporary path it was read from.
UPLOAD_PREFIX = "upload:"


@dataclass
class IngestReport:
    counts: Counter[str] = field(default_factory=Counter)
    failed: list[dict[str, str]] = field(default_factory=list)
    articles: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            **{k: self.counts[k] for k in ("read", "stored", "updated", "duplicate")},
            "failed": self.failed,
            "articles": self.articles,
        }


def safe_name(name: str, taken: set[str]) -> str:
    """A file name without folders or odd characters, unique among ``taken`` (the suffix is kept: it
    tells the reader HTML from a text dump)."""
    base = re.sub(r"[^\w.\-]+", "_", Path(name or "upload").name).strip("._") or "upload"
    base = base[:100]
    candidate, n = base, 1
    while candidate in taken:
        stem, dot, ext = base.rpartition(".")
        candidate = f"{stem}-{n}.{ext}" if dot else f"{base}-{n}"
        n += 1
    taken.add(candidate)
    return candidate


class Writer:
    """The app's one writer: ingest requests take a thread lock and a file lock beside the database (so that
    several server processes never write at the same time either) around ``Store``."""

    def __init__(self, db_path: str | Path) -> None:
        self.db_path = str(db_path)
        self._lock = threading.Lock()

    def ingest_paths(self, paths: list[str], rename: dict[str, str] | None = None) -> IngestReport:
        """Extract and store ``paths``; ``rename`` maps a temporary path to the source name to record."""
        rename = rename or {}
        report = IngestReport()
        with self._lock, _process_lock(self.db_path + ".ingest-lock"), Store(self.db_path) as store:
            for item in extract(paths):
                if isinstance(item, InputError):
                    source = _renamed(item.source, rename)
                    store.record_failure(source, item.reason)
                    report.failed.append({"source": source, "reason": item.reason})
                    continue
                if rename:
                    item.source = _renamed(item.source, rename)
                    item.joined_from = [_renamed(s, rename) for s in item.joined_from]
                    item.id = article_id(
                        item
                    )  # an id resting on the source must not rest on a temporary path
                report.counts["read"] += 1
                status = store.upsert(item)
                report.counts[status] += 1
                report.articles.append(
                    {"id": item.id, "source": item.source, "title": item.title, "status": status}
                )
            store.commit()
        return report


@contextmanager
def _process_lock(path: str) -> Iterator[None]:
    """An exclusive lock on ``path`` across server processes (POSIX ``flock``; elsewhere the thread lock only)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover (Windows)
        yield
        return
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _renamed(source: str, rename: dict[str, str]) -> str:
    base, sep, rest = source.partition("#")
    return rename.get(base, base) + sep + rest


def upload_dir() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="kronik-upload-")
