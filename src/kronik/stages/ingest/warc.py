"""WARC (and ARC) web archives via warcio: each HTML response record is one page, ``file.warc#N``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from kronik.data import Article
from kronik.errors import InputError

if TYPE_CHECKING:
    from kronik.stages.ingest import IngestOptions


def _truncated(record: object, payload_len: int) -> bool:
    """Whether a record ended early: its digest could not be checked, or its HTTP length is not met."""
    checker = getattr(record, "digest_checker", None)
    rec_headers = record.rec_headers  # type: ignore[attr-defined]
    has_digest = rec_headers.get_header("WARC-Block-Digest") or rec_headers.get_header("WARC-Payload-Digest")
    if has_digest and checker is not None and checker.passed is None:
        return True
    http = record.http_headers  # type: ignore[attr-defined]
    declared = http.get_header("Content-Length") if http else None
    return bool(declared and declared.isdigit() and payload_len < int(declared))


def read_warc(path: str, options: IngestOptions) -> Iterator[Article | InputError]:
    """Pages of the HTML response records of ``path``; N counts response records from 1."""
    from kronik.stages.ingest import page_article

    n = 0
    try:
        with open(path, "rb") as fh:
            archive = ArchiveIterator(fh, arc2warc=True, check_digests=True)
            for record in archive:
                if record.rec_type not in ("response", "resource"):
                    continue
                ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else None) or (
                    record.rec_headers.get_header("Content-Type") or ""
                )
                n += 1
                source = f"{path}#{n}"
                if "html" not in ctype.lower() and "text/plain" not in ctype.lower():
                    yield InputError(source, f"not an HTML page (Content-Type {ctype or 'missing'})")
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                try:
                    data = record.content_stream().read(options.max_page_bytes + 1)
                    archive.read_to_end(record)
                except Exception as err:  # a truncated record fails inside the decompressor
                    yield InputError(source, f"truncated or broken WARC record: {err}")
                    return
                if _truncated(record, len(data)):
                    yield InputError(source, "truncated WARC record (shorter than its headers say)")
                    continue
                if len(data) > options.max_page_bytes:
                    yield InputError(source, "page too large")
                    continue
                try:
                    yield page_article(
                        source, data, ("text/plain" in ctype.lower() and "text") or "html", url=url
                    )
                except InputError as err:
                    yield err
    except ArchiveLoadFailed as err:
        yield InputError(path, f"not a readable WARC file: {err}")
    except (EOFError, OSError, ValueError) as err:
        yield InputError(path, f"truncated or broken WARC file after {n} records: {err}")
