"""Read inputs into articles: text dumps, HTML, JSON Lines, CSV, WARC, directories and stdin.

:func:`read_inputs` yields one :class:`~kronik.data.Article` (with ``blocks`` ready for the cleaner)
per article found, or an :class:`~kronik.errors.InputError` per input or record that cannot be read,
so that a caller can go on with the rest and report every failure.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from charset_normalizer import from_bytes

from kronik.data import Article, Block
from kronik.errors import InputError
from kronik.stages.ingest.encoding import decode, looks_binary, repair_mojibake
from kronik.stages.ingest.html import html_blocks, html_meta, parse_html
from kronik.stages.ingest.text_dump import _ZERO_WIDTH, text_blocks

#: Largest single page (text dump or HTML) read, in bytes. Real article pages are under 2 MB; a
#: larger "page" is a dump of something else and would only slow the run down.
MAX_PAGE_BYTES = 10 * 1024 * 1024

#: Record fields looked up, in order, for each article attribute (first one present wins).
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body", "isi_berita", "isi", "article", "article_text", "maintext"),
    "html": ("html", "raw_html", "page_html"),
    "url": ("url", "link", "tautan", "canonical_url"),
    "title": ("title", "judul", "headline"),
    "published": ("published", "published_at", "date_publish", "datetime", "date", "tanggal", "pubdate"),
    "time": ("time", "jam", "waktu"),
    "outlet": ("outlet", "source", "media", "site", "sitename", "publisher"),
    "authors": ("authors", "author", "penulis", "reporter"),
    "editors": ("editors", "editor"),
    "section": ("section", "category", "kategori", "rubrik"),
}

_EXT_FORMAT = {
    ".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv", ".tsv": "csv",
    ".warc": "warc", ".arc": "warc",
}  # fmt: skip


@dataclass
class IngestOptions:
    """Settings of the ingest stage (defaults kept here, in one place)."""

    field_map: dict[str, str] = field(default_factory=dict)  # attribute -> column name, e.g. text=isi
    max_page_bytes: int = MAX_PAGE_BYTES
    month_first: bool = False  # read "10/21/2025" in record fields as month/day


def input_format(path: str, head: bytes = b"") -> str:
    """The format of an input, by extension, else by a look at its first bytes."""
    name = path.lower()
    for suffix in (".warc.gz", ".arc.gz"):
        if name.endswith(suffix):
            return "warc"
    if name.endswith(".gz"):
        name = name[:-3]
    fmt = _EXT_FORMAT.get(os.path.splitext(name)[1])
    if fmt:
        return fmt
    start = head.lstrip()[:512].lower()
    if start.startswith(b"warc/"):
        return "warc"
    if start.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in start or b"<head" in start:
        return "html"
    if start.startswith(b"{"):
        return "jsonl"
    return "text"


def iter_paths(paths: Iterable[str]) -> Iterator[str]:
    """Expand directories (recursively, sorted, hidden files skipped); ``-`` stands for stdin."""
    for p in paths:
        if p == "-":
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            for sub in sorted(path.rglob("*")):
                if sub.is_file() and not any(part.startswith(".") for part in sub.relative_to(path).parts):
                    yield str(sub)
        else:
            yield p


def read_inputs(paths: Iterable[str], options: IngestOptions | None = None) -> Iterator[Article | InputError]:
    """Yield an article for each one found in ``paths``, or an InputError for each failure."""
    options = options or IngestOptions()
    selected: dict[str, list[int]] = {}  # "file.csv#12": record 12 of file.csv only
    plain: list[str] = []
    for path in iter_paths(paths):
        base, n = split_selection(path)
        if n is None:
            plain.append(path)
        else:
            if base not in selected:
                plain.append(base)
            selected.setdefault(base, []).append(n)
    for path in plain:
        wanted = set(selected.get(path, ()))
        seen: set[int] = set()
        try:
            for item in _read_one(path, options):
                if not wanted:
                    yield item
                    continue
                n = split_selection(item.source)[1]
                if n in wanted:
                    seen.add(n)
                    yield item
        except InputError as err:
            yield err
        except OSError as err:
            yield InputError(path, f"cannot read: {err.strerror or err}")
        for n in sorted(wanted - seen):
            yield InputError(f"{path}#{n}", "no such record in the file")


def split_selection(path: str) -> tuple[str, int | None]:
    """``"data.csv#12"`` names record 12 of ``data.csv`` (when no file is named so): (path, 12)."""
    base, sep, n = path.rpartition("#")
    if sep and n.isdigit() and not Path(path).exists() and Path(base).is_file():
        return base, int(n)
    return path, None


def _read_bytes(path: str, limit: int | None) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    p = Path(path)
    if not p.exists():
        raise InputError(path, "no such file")
    size = p.stat().st_size
    if limit is not None and size > limit:
        raise InputError(path, f"file too large for one page ({size / 1e6:.1f} MB > {limit / 1e6:.0f} MB)")
    data = p.read_bytes()
    if path.endswith(".gz"):
        import gzip

        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as err:
            raise InputError(path, f"broken gzip file: {err}") from err
    return data


def _read_one(path: str, options: IngestOptions) -> Iterator[Article | InputError]:
    source = "<stdin>" if path == "-" else path
    if path != "-" and Path(path).exists():
        with open(path, "rb") as fh:
            head = fh.read(2048)
    else:
        head = b""
    fmt = input_format(path, head)
    if fmt == "warc":
        from kronik.stages.ingest.warc import read_warc

        yield from read_warc(path, options)
        return
    if fmt in ("jsonl", "csv") and path != "-" and not path.endswith(".gz"):
        yield from _stream_records(path, fmt, options)  # line by line: memory stays flat on big files
        return
    limit = options.max_page_bytes if fmt in ("text", "html") else None
    data = _read_bytes(path, limit)
    if path == "-":
        fmt = input_format("", data[:2048])
        if fmt in ("text", "html") and len(data) > options.max_page_bytes:
            raise InputError(source, "input too large for one page")
    if fmt in ("jsonl", "csv"):
        text, _ = decode(data, source)
        yield from read_records(source, io.StringIO(text, newline=""), fmt, options)
        return
    yield page_article(source, data, fmt)


#: Bytes looked at to choose the encoding of a JSONL/CSV file before streaming it.
_ENCODING_SNIFF_BYTES = 1 << 16


def _stream_records(path: str, fmt: str, options: IngestOptions) -> Iterator[Article | InputError]:
    with open(path, "rb") as fh:
        head = fh.read(_ENCODING_SNIFF_BYTES)
    if not head.strip():
        raise InputError(path, "empty file")
    if looks_binary(head):
        raise InputError(path, "binary file, not JSON Lines or CSV")
    try:
        head.decode("utf-8")
        encoding = "utf-8-sig" if head.startswith(b"\xef\xbb\xbf") else "utf-8"
    except UnicodeDecodeError as err:
        # a multi-byte character cut at the end of the sample is still UTF-8
        encoding = "utf-8" if err.start >= len(head) - 3 else (from_bytes(head).best() or _Latin1()).encoding
    with open(path, encoding=encoding, errors="replace", newline="") as stream:
        yield from read_records(path, stream, fmt, options)


class _Latin1:
    encoding = "cp1252"


def page_article(source: str, data: bytes, fmt: str, url: str | None = None) -> Article:
    """An article from one page's bytes (``fmt`` is ``text`` or ``html``)."""
    text, _encoding = decode(data, source)
    return page_article_from_text(source, text, fmt, url=url)


def page_article_from_text(source: str, text: str, fmt: str, url: str | None = None) -> Article:
    art = Article(source=source, url=url, input_format=fmt, raw_text=text)
    if fmt == "html" or (fmt == "text" and _looks_like_html(text)):
        try:
            root = parse_html(text)
        except (ValueError, Exception) as err:  # lxml raises its own error types on hopeless input
            raise InputError(source, f"broken HTML that cannot be parsed: {err}") from err
        art.input_format = "html"
        art.html_meta = html_meta(root)
        art.html_meta["_tree"] = root
        art.blocks = html_blocks(root)
    else:
        art.blocks = text_blocks(text)
    if not art.blocks:
        raise InputError(source, "no text in the page")
    return art


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:1024].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text[:20000])


# -- JSON Lines and CSV --------------------------------------------------------------------------

# Scrapers that join paragraphs with commas leave ".,Next" seams, and ",,," (", ," round a no-break space)
# where an embed was cut out.
_COMMA_JOINED = re.compile(
    r"(?<=[.!?\"”])\s*,(?=\s*(?:[A-Z(]|[\"“”](?!\s)))|\s*,(?:\u00a0\s*,|,)+\s*|\s*,\s*(?=(?:Penulis|Editor|Reporter|Baca [Jj]uga|loading\.\.\.|#\w|\(\w{2,5}(?:/\w{2,5})?\)))"
)


# What a scraper leaves of a dateline it cut out: ", - ", " -  , ", "- ".
_LEAD_RESIDUE = re.compile(r"^[\s,]*[-–—][\s,]*(?=\S)|^[\s,]+(?=\S)")


def _pick(row: dict[str, Any], attr: str, options: IngestOptions) -> Any:
    if attr in options.field_map:
        return row.get(options.field_map[attr])
    lowered = {str(k).strip().lower(): v for k, v in row.items()}
    for name in FIELD_NAMES[attr]:
        v = lowered.get(name)
        if v not in (None, ""):
            return v
    return None


def read_records(
    source: str, stream: io.TextIOBase, fmt: str, options: IngestOptions
) -> Iterator[Article | InputError]:
    """Articles from a JSON Lines or CSV stream; record N is ``source#N`` (1-based, header excluded)."""
    if fmt == "csv" and not options.month_first and stream.seekable():
        if _month_first_column(stream, options):
            options = IngestOptions(
                field_map=options.field_map, max_page_bytes=options.max_page_bytes, month_first=True
            )
        stream.seek(0)
    rows = _csv_rows(source, stream, options) if fmt == "csv" else _jsonl_rows(stream)
    for n, row, problem in rows:
        rsource = f"{source}#{n}"
        if row is None:
            yield InputError(rsource, problem)
            continue
        try:
            yield record_article(rsource, row, options)
        except InputError as err:
            yield err


#: Rows looked at to tell whether a file writes numeric dates month first (10/21/2025).
_DATE_SNIFF_ROWS = 500
_NUMERIC_DATE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/\d{4}")


def _month_first_column(stream: io.TextIOBase, options: IngestOptions) -> bool:
    """Whether the file's date column reads month/day: some value has a second number over 12, none a first."""
    csv.field_size_limit(sys.maxsize)
    first_over = second_over = False
    for i, row in enumerate(csv.DictReader(stream, delimiter=_delimiter(stream))):
        if i >= _DATE_SNIFF_ROWS:
            break
        m = _NUMERIC_DATE.match(str(_pick(row, "published", options) or ""))
        if m:
            first_over |= int(m.group(1)) > 12
            second_over |= int(m.group(2)) > 12
    return second_over and not first_over


def _delimiter(stream: io.TextIOBase) -> str:
    """Tab or comma, by the first line of a seekable stream (comma when it cannot be told)."""
    if not stream.seekable():
        return ","
    pos = stream.tell()
    first = stream.readline()
    stream.seek(pos)
    return "\t" if first.count("\t") > first.count(",") else ","


def _jsonl_rows(stream: io.TextIOBase) -> Iterator[tuple[int, dict[str, Any] | None, str]]:
    first = stream.read(1)
    while first and first.isspace():
        first = stream.read(1)
    if first == "[":  # a JSON array of records: read whole
        try:
            data = json.loads(first + stream.read())
        except ValueError as err:
            yield 1, None, f"invalid JSON: {err}"
            return
        for n, row in enumerate(data, 1):
            yield n, row if isinstance(row, dict) else None, "record is not a JSON object"
        return
    n = 0
    pending = first
    for line in stream:  # a text stream splits on \n, \r and \r\n only, never on U+2028 inside strings
        line, pending = pending + line, ""
        if not line.strip():
            continue
        n += 1
        try:
            row = json.loads(line)
        except ValueError as err:
            yield n, None, f"invalid JSON line: {err.msg} at column {err.colno}"
            continue
        yield n, row if isinstance(row, dict) else None, "record is not a JSON object"
    if pending.strip():
        n += 1
        yield n, None, "invalid JSON line: truncated"


def _csv_rows(
    source: str, stream: io.TextIOBase, options: IngestOptions
) -> Iterator[tuple[int, dict[str, Any] | None, str]]:
    csv.field_size_limit(sys.maxsize)
    delimiter = "\t" if source.lower().endswith(".tsv") else _delimiter(stream)
    reader = csv.DictReader(stream, delimiter=delimiter)
    columns = [c.strip().lower() for c in (reader.fieldnames or [])]
    wanted = {options.field_map.get(a, "").lower() for a in ("text", "html")} - {""}
    has_body = bool(wanted & set(columns)) or any(
        c in columns for c in FIELD_NAMES["text"] + FIELD_NAMES["html"]
    )
    if not has_body:
        raise InputError(
            source,
            f"CSV has no text or html column (columns: {', '.join(columns) or 'none'}); "
            "name one with --field text=COLUMN",
        )
    try:
        for n, row in enumerate(reader, 1):
            yield n, row, ""
    except csv.Error as err:
        yield reader.line_num, None, f"broken CSV: {err}"


def record_article(source: str, row: dict[str, Any], options: IngestOptions) -> Article:
    """An article from one JSON/CSV record of already-extracted text (or of raw HTML)."""
    as_given = {attr: _pick(row, attr, options) for attr in FIELD_NAMES}
    given = {k: repair_mojibake(v) if isinstance(v, str) and k != "html" else v for k, v in as_given.items()}
    url = str(given["url"]).strip() if given["url"] else None
    if given["html"] and not given["text"]:
        art = page_article_from_text(source, str(given["html"]), "html", url=url)
    else:
        body = given["text"]
        if not body or not str(body).strip():
            raise InputError(source, "record has no text")
        art = Article(source=source, url=url, input_format="record", raw_text=str(as_given["text"]))
        art.blocks = _record_blocks(str(body))
        if not art.blocks:
            raise InputError(source, "record has no text")
    art.given = {k: v for k, v in given.items() if v not in (None, "") and k not in ("text", "html")}
    art.given["_month_first"] = options.month_first
    return art


# Where a scraper dropped a link's tags it may glue the words around it: "dariReuters", "DilansirAFP",
# "Lahadaliamengatakan".
_GLUED = re.compile(
    r"\b(dari|kepada|melalui|pada|[Dd]ilansir|[Dd]ikutip|[Mm]elansir|[Mm]engutip)(?=[A-Z]|detik)"
    r"|\b([A-Z][a-z]{2,40}?)(?=(?:mengatakan|menjelaskan|menyampaikan|mengungkapkan|menegaskan)\b)"
)


# Tails a scraper glued to the last paragraph: ",#GrowFearless with FIMELA", ". (rmol)", "(*),Artikel ini
# telah tayang di …", ",***,": split off so the clean stage files them as furniture.
_TAIL_SEAM = re.compile(
    r"\s*,\s*(?=#\w)"
    r"|(?<=[.!?\"”])\s*,?\s*(?=\((?:\*|[a-z]{2,6}(?:/[a-z]{1,6})?)\)\s*(?:,|$))"
    r"|(?<=\(\*\))\s*,\s*"
    r"|\s*,\s*(?=\*{3})|(?<=\*{3})\s*,\s*"
    r"|\s*,\s*(?=Artikel ini (?:telah |sudah )?tayang)"
)


def _unglue(text: str) -> str:
    return _GLUED.sub(lambda m: (m.group(1) or m.group(2)) + " ", text)


def _record_blocks(body: str) -> list[Block]:
    """Paragraphs of given text: one per line, or split where a scraper joined them with commas."""
    body = _unglue(_LEAD_RESIDUE.sub("", _ZERO_WIDTH.sub("", body)))
    lines = [ln for ln in body.splitlines() if ln.strip(" ,")]
    if sum(len(ln) > 600 and len(_COMMA_JOINED.findall(ln)) >= 2 for ln in lines) * 2 >= len(lines):
        # most lines hold several paragraphs joined with commas (a stray line break does not stop it)
        lines = [part for ln in lines for part in _COMMA_JOINED.split(ln) if part and part.strip(" ,")]
    lines = [part for ln in lines for part in _TAIL_SEAM.split(ln) if part and part.strip(" ,")]
    return text_blocks("\n".join(lines))
