"""The article record: kronik's public data contract.

An :class:`Article` is what every stage reads and adds to, like a spaCy ``Doc``. Its JSON form
(:meth:`Article.to_dict`) is versioned by :data:`SCHEMA_VERSION` and described by
``kronik/data/article.schema.json`` and ``docs/record.md``. No I/O and no NLP live here.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = "1.3"

#: Kinds of text the cleaner takes out of a page; each removed piece carries one of them.
REMOVED_KINDS = (
    "navigation",
    "related_link",
    "photo_caption",
    "credit_line",
    "pagination",
    "footer",
    "share_follow",
    "advertisement",
    "tag_list",
    "comment",
    "lead",
    "title",
    "byline",
    "dateline",
    "date_line",
    "embed",
    "other",
)

#: Precision of a publication time, finest first.
PRECISIONS = ("minute", "day", "month", "year")


@dataclass
class Outlet:
    name: str | None = None
    domain: str | None = None
    network: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "domain": self.domain, "network": self.network}


@dataclass
class Removed:
    """A piece of the page that is not article body, kept with the reason it was taken out."""

    kind: str
    text: str

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "text": self.text}


@dataclass
class Page:
    number: int
    of: int | None = None

    def to_dict(self) -> dict[str, int | None]:
        return {"number": self.number, "of": self.of}


@dataclass
class Block:
    """One line or block of the input page, before the cleaner decides what it is.

    Not part of the JSON contract: a working view that stages share. ``hint`` carries what the
    markup said about the block (``p``, ``h1``, ``nav``, ``caption`` ...), empty for text dumps.
    """

    text: str
    index: int
    hint: str = ""
    kind: str = ""  # set by the cleaner: "body" or one of REMOVED_KINDS


@dataclass
class Article:
    """One news article. Fields are filled stage by stage; see ``docs/record.md``."""

    source: str
    id: str = ""
    url: str | None = None
    input_format: str = ""  # text | html | record
    language: str | None = None
    language_confidence: float | None = None
    title: str | None = None
    lead: str | None = None
    section: str | None = None
    outlet: Outlet = field(default_factory=Outlet)
    dateline_place: str | None = None
    published: str | None = None
    published_precision: str | None = None
    published_evidence: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    photo_credits: list[str] = field(default_factory=list)
    cited_media: list[str] = field(default_factory=list)
    page: Page | None = None
    joined_from: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    related_headlines: list[str] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    times: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    sources: dict[str, Any] = field(default_factory=dict)
    claims: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    headline: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # working state, not serialised
    raw_text: str = field(default="", repr=False)
    blocks: list[Block] = field(default_factory=list, repr=False)
    given: dict[str, Any] = field(default_factory=dict, repr=False)
    html_meta: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def remove(self, kind: str, text: str) -> None:
        """Record a piece of boilerplate; the same text of the same kind is kept once."""
        text = text.strip()
        if not text:
            return
        if any(r.kind == kind and r.text == text for r in self.removed):
            return
        self.removed.append(Removed(kind, text))

    def content_hash(self) -> str:
        payload = "\n".join([self.title or "", self.lead or "", self.body])
        return hashlib.sha1(payload.encode("utf-8")).hexdigest()

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "id": self.id,
            "source": self.source,
            "url": self.url,
            "input_format": self.input_format,
            "language": self.language,
            "language_confidence": self.language_confidence,
            "title": self.title,
            "lead": self.lead,
            "section": self.section,
            "outlet": self.outlet.to_dict(),
            "dateline_place": self.dateline_place,
            "published": self.published,
            "published_precision": self.published_precision,
            "published_evidence": list(self.published_evidence),
            "authors": list(self.authors),
            "editors": list(self.editors),
            "photo_credits": list(self.photo_credits),
            "cited_media": list(self.cited_media),
            "page": self.page.to_dict() if self.page else None,
            "joined_from": list(self.joined_from),
            "paragraphs": list(self.paragraphs),
            "body": self.body,
            "removed": [r.to_dict() for r in self.removed],
            "related_headlines": list(self.related_headlines),
            "entities": [dict(e) for e in self.entities],
            "times": [dict(t) for t in self.times],
            "quotes": [dict(q) for q in self.quotes],
            "sources": dict(self.sources),
            "claims": [dict(c) for c in self.claims],
            "events": [dict(e) for e in self.events],
            "headline": dict(self.headline),
            "warnings": list(self.warnings),
            "content_hash": self.content_hash(),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        """Rebuild an article from its JSON form (the inverse of :meth:`to_dict`)."""
        art = cls(source=d["source"])
        simple = [
            "id",
            "url",
            "input_format",
            "language",
            "language_confidence",
            "title",
            "lead",
            "section",
            "dateline_place",
            "published",
            "published_precision",
        ]
        for name in simple:
            setattr(art, name, d.get(name))
        for name in [
            "published_evidence",
            "authors",
            "editors",
            "photo_credits",
            "cited_media",
            "joined_from",
            "paragraphs",
            "related_headlines",
            "warnings",
        ]:
            setattr(art, name, list(d.get(name) or []))
        o = d.get("outlet") or {}
        art.outlet = Outlet(o.get("name"), o.get("domain"), o.get("network"))
        p = d.get("page")
        art.page = Page(p["number"], p.get("of")) if p else None
        art.removed = [Removed(r["kind"], r["text"]) for r in d.get("removed") or []]
        art.entities = [dict(e) for e in d.get("entities") or []]
        art.times = [dict(t) for t in d.get("times") or []]
        art.quotes = [dict(q) for q in d.get("quotes") or []]
        art.sources = dict(d.get("sources") or {})
        art.claims = [dict(c) for c in d.get("claims") or []]
        art.events = [dict(e) for e in d.get("events") or []]
        art.headline = dict(d.get("headline") or {})
        return art


_WS = re.compile(r"\s+")


def normalise_key(text: str) -> str:
    """Lower-cased, whitespace-collapsed text used for identity keys."""
    return _WS.sub(" ", text).strip().lower()
