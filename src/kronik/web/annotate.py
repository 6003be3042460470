"""The article body cut into pieces for display: each piece knows which entity mention, quote, claim,
event trigger and time expression covers it. Pure functions over the record; no HTML is made here, the
templates escape every piece (article text is hostile input and is never marked up as HTML)."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from kronik.web.queries import CLAIM_STATUSES, ENTITY_TYPES, MODALITIES, side_of


@dataclass
class Piece:
    """A stretch of body text under one set of annotations."""

    text: str
    start: int
    entity: dict[str, Any] | None = None  # {id, name, type}
    quotes: list[int] = field(default_factory=list)
    claims: list[int] = field(default_factory=list)
    events: list[int] = field(default_factory=list)
    times: list[int] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)  # element ids starting here (q-0, c-2, e-1, t-3)
    classes: list[str] = field(default_factory=list)  # from a fixed vocabulary, never from the record
    titles: list[str] = field(default_factory=list)

    @property
    def marked(self) -> bool:
        return bool(self.quotes or self.claims or self.events or self.times)


@dataclass
class _Span:
    start: int
    end: int
    layer: str  # entity, quote, claim, event, time
    index: int
    data: dict[str, Any]


def paragraph_ranges(record: dict[str, Any]) -> list[tuple[int, int]]:
    """(start, end) of each paragraph in ``body`` (paragraphs joined by a blank line, record.md)."""
    body = record.get("body") or ""
    paragraphs = record.get("paragraphs") or []
    if "\n\n".join(paragraphs) != body:
        paragraphs = body.split("\n\n")
    ranges, pos = [], 0
    for p in paragraphs:
        ranges.append((pos, pos + len(p)))
        pos += len(p) + 2
    return ranges


def _spans(record: dict[str, Any]) -> list[_Span]:
    spans: list[_Span] = []
    for e in record.get("entities") or []:
        data = {"id": e.get("id"), "name": e.get("name"), "type": e.get("type")}
        for m in e.get("mentions") or []:
            spans.append(_Span(m["start"], m["end"], "entity", 0, data))
    for i, q in enumerate(record.get("quotes") or []):
        spans.append(_Span(q["start"], q["end"], "quote", i, q))
    for i, c in enumerate(record.get("claims") or []):
        spans.append(_Span(c["start"], c["end"], "claim", i, c))
    for i, ev in enumerate(record.get("events") or []):
        mentions = ev.get("mentions") or []
        if not mentions and ev.get("evidence"):
            mentions = [[ev["evidence"]["start"], ev["evidence"]["end"]]]
        for s, t in mentions:
            spans.append(_Span(s, t, "event", i, ev))
    for i, t in enumerate(record.get("times") or []):
        spans.append(_Span(t["start"], t["end"], "time", i, t))
    return [s for s in spans if isinstance(s.start, int) and isinstance(s.end, int) and 0 <= s.start < s.end]


def annotate(record: dict[str, Any]) -> list[list[Piece]]:
    """The body as paragraphs of pieces; a piece starts or ends wherever an annotation does."""
    body = record.get("body") or ""
    spans = _spans(record)
    out = []
    for p_start, p_end in paragraph_ranges(record):
        inside = [s for s in spans if s.start < p_end and s.end > p_start]
        cuts = sorted(
            {p_start, p_end} | {min(max(x, p_start), p_end) for s in inside for x in (s.start, s.end)}
        )
        pieces = []
        for a, b in pairwise(cuts):
            if a >= b:
                continue
            piece = Piece(body[a:b], a)
            for s in inside:
                if s.start <= a and s.end >= b:
                    _apply(piece, s, starts=s.start == a or (a == p_start and s.start < p_start))
            _style(piece)
            pieces.append(piece)
        out.append(pieces)
    return out


def _apply(piece: Piece, s: _Span, starts: bool) -> None:
    if s.layer == "entity":
        piece.entity = piece.entity or s.data
        return
    getattr(piece, s.layer + "s").append(s.index)
    if starts:
        piece.anchors.append(f"{s.layer[0]}-{s.index}")
    d = s.data
    if s.layer == "quote":
        who = (d.get("speaker") or {}).get("name") or (d.get("speaker") or {}).get("role") or "?"
        piece.titles.append(f"quote {s.index + 1}: {who} ({d.get('cue') or ''})")
    elif s.layer == "claim":
        piece.classes.append(claim_class(d.get("status")))
        piece.titles.append(f"claim {s.index + 1}: {d.get('status')}")
    elif s.layer == "event":
        piece.classes += [modality_class(d.get("modality")), side_class(d.get("family"))]
        piece.titles.append(f"event {s.index + 1}: {d.get('type')} [{d.get('modality')}]")
    else:
        piece.titles.append(f"time: {d.get('value') or '?'}")


def _style(piece: Piece) -> None:
    """CSS classes and hover titles; every class is picked from a fixed list, whatever the record says."""
    if piece.entity:
        t = piece.entity.get("type")
        piece.classes.append("ent-" + (t if t in ENTITY_TYPES else "X"))
    for layer in ("quote", "claim", "event", "time"):
        if getattr(piece, layer + "s"):
            piece.classes.append(layer)
    piece.classes = list(dict.fromkeys(piece.classes))


def claim_class(status: str | None) -> str:
    return "st-" + status if status in CLAIM_STATUSES else "st-other"


def modality_class(modality: str | None) -> str:
    return "mod-" + modality if modality in MODALITIES else "mod-other"


def side_class(family: str | None) -> str:
    return "side-" + side_of(family)
