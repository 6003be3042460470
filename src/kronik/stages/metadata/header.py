"""The article's head: title, section, lead and the printed publication date line.

The title is the headline-like line nearest above the body that sits beside the date line, is printed
twice (headline plus image alt text or page title), or matches the page's own <title>/og:title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kronik.data import Block
from kronik.stages.clean import furniture_kind, is_caption, is_credit_only, is_prose, related_headline
from kronik.stages.metadata.dates import DateMatch, find_dates
from kronik.stages.metadata.people import Credits, read_credit_line

#: How far above the body the head is looked for, in blocks. Head furniture (byline, share buttons,
#: captions, a related box) takes at most ~25 blocks on the dev pages; menus above it are longer.
HEAD_WINDOW = 45
_SITE_SUFFIX = re.compile(r"\s+(?:[|–—:-]|::)\s+[^|–—:]{2,60}$")
_TITLE_MAX_WORDS = 30
# A date labelled as an update is not the publication date.
_UPDATED = re.compile(
    r"\b(diperbarui|diperbaharui|diupdate|update\s+terakhir|updated|last\s+updated|modified)\b", re.I
)
# A breadcrumb trail: "Beranda > Ekonomi > Bisnis", "Home/Internasional", "HOME » SHOWBIZ » FILM".
_GENERIC_CRUMBS = {"news", "berita", "home", "beranda", "index", "indeks", "read", "artikel"}
_CRUMBS = re.compile(r"^(?:home|beranda|index|indeks|news|berita)\s*(?:[>»›/|]\s*[^>»›/|]{2,40}){1,4}$", re.I)


@dataclass
class Head:
    title: int | None = None  # block index
    title_text: str | None = None
    section: int | None = None
    lead: int | None = None
    date_line: int | None = None
    date: DateMatch | None = None
    crumbs: list[str] | None = None


def strip_site_name(title: str, site_names: list[str]) -> str:
    """Drop a site-name suffix or prefix from a page title ("Judul - Kompas.com", "Okezone Judul")."""
    t = title.strip()
    for _ in range(2):
        m = _SITE_SUFFIX.search(t)
        if not m:
            break
        tail = m.group(0).lower()
        if any(s and s.lower() in tail for s in site_names) or len(tail.split()) <= 4:
            t = t[: m.start()].strip()
    return t


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def _is_candidate(block: Block) -> bool:
    t = block.text
    words = len(t.split())
    if not 2 <= words <= _TITLE_MAX_WORDS or len(t) > 250:
        return False
    if block.hint in ("nav", "footer", "share", "comment", "ad", "caption", "li", "related", "aside"):
        return False
    bare = t.rstrip("*")
    if bare.endswith(".") and not bare.endswith("..."):
        return False
    if furniture_kind(t) or related_headline(t) is not None or is_caption(t) or is_credit_only(t):
        return False
    if find_dates(t) and words <= 8:
        return False
    if read_credit_line(t, Credits()) or t.startswith(("•", "□", "*", "#", "http", "/")):
        return False
    return not re.fullmatch(r"[\d\s.,:/|-]+", t)


def find_head(blocks: list[Block], body_start: int, meta_titles: list[str]) -> Head:
    """Locate title, date line, section and lead among the blocks above ``body_start``."""
    head = Head()
    lo = max(0, body_start - HEAD_WINDOW)
    window = blocks[lo:body_start]
    # The publication date line: the date-bearing block nearest above the body, preferring one with a time.
    dated = [
        (b.index, d)
        for b in window
        for d in find_dates(b.text)[:1]
        if len(b.text.split()) <= 25 and not _UPDATED.search(b.text[: d.start + 1])
    ]
    if dated:
        with_time = [x for x in dated if x[1].has_time]
        head.date_line, head.date = (with_time or dated)[-1]
    counts: dict[str, int] = {}
    for b in blocks:
        k = _norm(b.text)
        counts[k] = counts.get(k, 0) + 1
    metas = [_norm(m) for m in meta_titles if m]
    best, best_score = None, 0.0
    for b in window:
        if not _is_candidate(b):
            continue
        words = len(b.text.split())
        score = 1.0 + (b.index - lo) / max(1, len(window))  # nearer the body is likelier
        key = _norm(b.text)
        if head.date_line is not None and abs(b.index - head.date_line) <= 3:
            score += 3
        if counts.get(key, 0) > 1 or any(key and key in _norm(o.text) and o.index != b.index for o in window):
            score += 2
        if b.hint == "h1":
            score += 5
        if metas and any(key == m or (len(key) > 15 and key in m) for m in metas):
            score += 6
        if 5 <= words <= 20:
            score += 1
        if words <= 3:
            score -= 2.5
        if b.text.isupper() and words <= 4:
            score -= 1
        if score > best_score:
            best, best_score = b, score
    for b in window[::-1]:
        if _CRUMBS.match(b.text) and (best is None or b.index < best.index):
            crumbs = [c.strip() for c in re.split(r"[>»›/|]", b.text)[1:] if c.strip()]
            head.crumbs = [c for c in crumbs if c.lower() not in _GENERIC_CRUMBS] or crumbs
            break
    if best is not None:
        key = _norm(best.text)
        first = next(b for b in window if _norm(b.text) == key)  # a headline reprinted as image alt text
        head.title, head.title_text = first.index, best.text
        _find_section_and_lead(blocks, head, body_start)
    return head


def _find_section_and_lead(blocks: list[Block], head: Head, body_start: int) -> None:
    assert head.title is not None
    i = head.title
    if i > 0:
        prev = blocks[i - 1]
        words = len(prev.text.split())
        if (
            1 <= words <= 4
            and not furniture_kind(prev.text)
            and not find_dates(prev.text)
            and prev.hint not in ("nav", "li")
            and not read_credit_line(prev.text, Credits())
            and prev.text[:1].isalpha()
        ):
            head.section = prev.index
    nxt = i + 1
    if nxt < body_start:
        b = blocks[nxt]
        if is_prose(b.text) and not is_caption(b.text) and b.hint not in ("caption", "nav", "related"):
            head.lead = b.index
