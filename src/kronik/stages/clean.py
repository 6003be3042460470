"""Separate the article body from everything else printed on the page.

The page arrives as ordered blocks (lines of a text dump, or block elements of HTML with a hint of
what markup held them). The body is the densest run of prose: each block scores by its words when it
reads as prose and negatively otherwise, and the best-scoring contiguous run wins (the same idea as
the Body Text Extraction algorithm of Finn et al.). A dateline ("KOTA, OUTLET.COM -") moves the start
to it. Inside the run, related-story links, captions, credit lines and furniture are taken out, each
kept in ``removed`` with its kind; outside it, every block is kept in ``removed`` too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kronik.data import Article, Block
from kronik.lang.id.boilerplate import AGENCIES, FURNITURE, RELATED_HEADER, RELATED_PREFIX

_I = re.IGNORECASE
_RELATED_PREFIX = [re.compile(p, _I) for p in RELATED_PREFIX]
_RELATED_HEADER = [re.compile(p, _I) for p in RELATED_HEADER]
_FURNITURE = [(kind, re.compile(p, _I)) for kind, pats in FURNITURE.items() for p in pats]

# A sentence ends the block: . ! ? … optionally followed by closing quotes or brackets, or "***".
_PROSE_END = re.compile(r"[.!?…:;]\s*[\"”’'»)\]]*\s*(\*+)?$|[\"”]$")
_BULLET = re.compile(r"^\s*([•□▪►▸●◦·*]|-\s|\d{1,2}[.)]\s)")
_AGENCY_ALT = "|".join(re.escape(a) for a in sorted(AGENCIES, key=len, reverse=True))
# Photo credits that end a caption: "(ANTARA FOTO/Budi Setya)", "/Twitter /@handle", "(Foto: X)",
# "Foto: Grammy", "/©KapanLagi.com®/Nama", "Doc. uny.ac.id", "(ist)".
_CAPTION_CREDIT = re.compile(
    r"(\((?:(?:"
    + _AGENCY_ALT
    + r")(?:\s+FOTO)?/[^)]{2,60}|(?:foto|photo|dok|doc|sumber)\s*[:.]?\s*[^)]{1,60}|ist(?:imewa)?)\)\s*\.?$)"
    r"|(\s/\s?(?:twitter|instagram|facebook|tiktok)\s?/\s?@?\w+\s*$)"
    r"|(/©[^/]{2,40}/[^/]{2,60}$)"
    r"|((?:^|[\s.])(?:foto|photo|image|gambar)\s*:\s*[\w./@ -]{2,60}$)"
    r"|(\bdoc\.\s+\S+)"
    r"|(\[(?:foto|photo|gambar)\s*:\s*[^\]]{2,60}\]\s*$)"
    r"|(\s[-–]\s*(?:foto|photo|gambar)\s*:?\s*[\w/ .]{2,40}$)"
    r"|(©\s*[\w.]+/[\w. ]{2,40}$)"
    # "ANTARA/Nama Fotografer", "REUTERS/Name": capitals are capitals here ("kabupaten/kota." is no credit)
    r"|(\s(?:"
    + _AGENCY_ALT
    + r"|(?-i:[A-Z]{3,}))/(?-i:[A-Z])[\w.]+(?:\s(?-i:[A-Z])[\w.]+){0,3}(?:/(?-i:[a-z]{2,5}))?\.?$)"
    r"|(^[A-Z][A-Z.]+\.(?:COM|CO\.ID|ID)/[A-Z ]+\s)",
    _I,
)
# A credit line on its own: "AFP/Mikhail Klimentyev", "Antara/Teresia May", "Twitter/@AlexKokcharov".
_CREDIT_ONLY = re.compile(
    r"^(?!(?i:home|beranda|index|indeks)\b)(?:"
    + _AGENCY_ALT
    + r"|[A-Z][\w.]{1,20})(?:\s+FOTO)?\s?/\s?@?[A-Z][\w. @-]{1,50}$"
)
# Editor initials after the body: "(fyk/ash)", "(Cas/Isk)", "(ren)", "(kpl/pur/tch)", "(*)".
_INITIALS = re.compile(r"^\(\s*[\w*]{1,8}(\s*/\s*[\w*]{1,8}){0,4}\s*\)\s*\.?$")
# Datelines that open an article: "TRIBUNGORONTALO.COM -", "Jakarta (ANTARA) -", "Liputan6.com, Minsk -",
# "LHOKSEUMAWE, KOMPAS.com –", "REPUBLIKA.CO.ID, JAKARTA --", "ZONA PRIANGAN -", "Jakarta -".
DATELINE = re.compile(
    r"^(?P<head>"
    r"(?:[A-Z][\w.-]*(?:\s[A-Z][\w.-]*){0,3},\s*)?[\w-]+\.(?i:com|co\.id|id|net|co|info|tv|news)(?:\.\w\w)?(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,3})?"
    r"|[A-Z][\w.]*(?:[ ,]+[A-Z][\w.]*){0,4}\s*\((?:ANTARA(?:\s+News)?|Antara(?:News)?|[A-Z][\w.]{1,20}(?:\s[A-Z][\w.]*)?)\)"
    r"|[A-Z]{2,}(?:\s[A-Z]{2,}){0,3}"
    r"|[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2}"
    r")\s*(?:-{1,2}|–|—)(?:\s+|$)"
)

#: Weight of one prose word; a non-prose block costs a fixed amount (see _score).
_PENALTY_SHORT = 2.0  # 1–3 words: menu items, "Tweet", "0"
_PENALTY_HEADLINE = 4.0  # 4–20 words without a closing stop: another story's headline
_PENALTY_FURNITURE = 4.0
_PENALTY_DUPLICATE = 6.0  # printed twice on the page: captions, teasers, related lists
_PROSE_MIN_WORDS = 8
_LIST_ITEM_SCORE = 1.0  # an item of a list the body introduced: keeps the run going, adds little


@dataclass
class _Feat:
    words: int
    prose: bool
    furniture: str
    related: bool
    header: bool
    bullet: bool
    caption: bool
    dup: bool
    dateline: bool
    list_item: bool = False


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def furniture_kind(text: str) -> str:
    """The kind of page furniture a line is ('' when it is none)."""
    for kind, pat in _FURNITURE:
        if pat.search(text):
            return kind
    return ""


def related_headline(text: str) -> str | None:
    """The headline of a "Baca juga: ..." line, or None when the line is not one."""
    for pat in _RELATED_PREFIX:
        m = pat.match(text)
        if m:
            rest = text[m.end() :].strip(" :-–»")
            return rest
    return None


def is_credit_line(text: str) -> bool:
    """A labelled credit line ("Pewarta: X", "Editor: Y", "Sumber: Z") or a byline ("Oleh X")."""
    from kronik.stages.metadata.people import Credits, read_credit_line

    return bool(_SOURCE_LINE.match(text)) or read_credit_line(text, Credits())


_SOURCE_LINE = re.compile(r"^(sumber|source)\s*[:：]\s*\S.{0,60}$", re.IGNORECASE)


def is_dateline(text: str) -> bool:
    return bool(DATELINE.match(text))


#: Characters at each end of a block where a caption's credit can sit (credits open or close captions).
_CREDIT_REACH = 90
_CREDIT_MARKS = ("/", "(", "[", "©", "foto", "photo", "gambar", "doc.")


def is_caption(text: str) -> bool:
    tail = text[-_CREDIT_REACH:]
    low = tail.lower()
    if any(mark in low for mark in _CREDIT_MARKS) and _CAPTION_CREDIT.search(tail):
        return True
    return (
        len(text) > _CREDIT_REACH
        and "/" in text[:_CREDIT_REACH]
        and bool(_CAPTION_CREDIT.match(text[:_CREDIT_REACH]))
    )


def is_credit_only(text: str) -> bool:
    return bool(_CREDIT_ONLY.match(text.strip()))


def is_prose(text: str, words: int | None = None) -> bool:
    words = words if words is not None else len(text.split())
    return words >= _PROSE_MIN_WORDS and bool(_PROSE_END.search(text))


def _features(blocks: list[Block]) -> list[_Feat]:
    counts: dict[str, int] = {}
    for b in blocks:
        k = _norm(b.text)
        counts[k] = counts.get(k, 0) + 1
    feats = []
    for b in blocks:
        t = b.text
        words = len(t.split())
        half = len(t) // 2
        glued_twice = len(t) > 20 and t[:half].strip() == t[half:].strip()
        feats.append(
            _Feat(
                words=words,
                prose=is_prose(t, words),
                furniture=furniture_kind(t) if words <= 25 else "",
                related=related_headline(t) is not None,
                header=words <= 6 and any(p.match(t) for p in _RELATED_HEADER),
                bullet=bool(_BULLET.match(t)) or b.hint == "li",
                caption=b.hint == "caption" or glued_twice or (words >= 3 and is_caption(t)),
                dup=counts[_norm(t)] > 1 and words >= 3,
                dateline=is_dateline(t),
            )
        )
    for f, in_list in zip(feats, _list_items(blocks, feats), strict=True):
        f.list_item = in_list
    return feats


def _score(f: _Feat, hint: str) -> float:
    if f.list_item:
        return _LIST_ITEM_SCORE
    if hint in ("nav", "footer", "aside", "related", "share", "comment", "ad", "embed"):
        return -_PENALTY_FURNITURE
    if f.furniture or f.related or f.header:
        return -_PENALTY_FURNITURE
    if f.caption:
        return -_PENALTY_DUPLICATE
    if f.prose and not f.bullet:
        bonus = 1.5 if hint == "p" else 1.0
        return -_PENALTY_DUPLICATE if f.dup else min(f.words, 80) * bonus
    if f.dup:
        return -_PENALTY_DUPLICATE
    if f.words <= 3:
        return -_PENALTY_SHORT
    return -_PENALTY_HEADLINE


def _best_run(scores: list[float]) -> tuple[int, int]:
    """Start and end (inclusive) of the contiguous run with the largest sum (Kadane)."""
    best, best_span = float("-inf"), (0, -1)
    total, start = 0.0, 0
    for i, s in enumerate(scores):
        if total <= 0:
            total, start = s, i
        else:
            total += s
        if total > best:
            best, best_span = total, (start, i)
    return best_span


def find_body_span(blocks: list[Block], feats: list[_Feat]) -> tuple[int, int]:
    """Indices (inclusive) of the first and last body block; (0, -1) when there is no body."""
    if not blocks:
        return 0, -1
    start, end = _best_run([_score(f, b.hint) for f, b in zip(feats, blocks, strict=True)])
    if end < start or not any(f.prose for f in feats[start : end + 1]):
        return 0, -1  # no prose anywhere: a menu, a front page, or markup broken past recovery
    # A dateline opens the article: start there when one sits in the run's first part or just before it.
    window = range(max(0, start - 3), min(end + 1, start + max(4, (end - start) // 2)))
    for i in window:
        if feats[i].dateline and (feats[i].prose or _next_prose(feats, i)):
            start = i
            break
    else:
        while start < end and (
            not (feats[start].prose and not feats[start].caption and not feats[start].dup)
            or (start > 0 and is_credit_only(blocks[start - 1].text))  # the caption under a photo credit
        ):
            start += 1
    for i in range(start + 1, end + 1):  # a copyright line closes the article, whatever prose follows
        if feats[i].furniture == "footer" and not feats[i].caption:
            end = i - 1
            break
    while end > start and not _body_like(feats[end], blocks[end]):
        end -= 1
    while end + 1 < len(blocks) and (
        feats[end + 1].list_item or (_body_like(feats[end + 1], blocks[end + 1]) and not feats[end + 1].prose)
    ):
        end += 1  # a short closing line or a list item the scorer left out
    return start, end


_NUMBERED = re.compile(r"^\s*\d{1,2}[.)]\s+\S")
#: Longest list an introducing colon carries into the body, in items.
_MAX_LIST_ITEMS = 40
#: Smallest paragraph (words) whose closing colon opens a list; "Baca juga:" and box titles are shorter.
_LIST_INTRO_WORDS = 5


def _list_items(blocks: list[Block], feats: list[_Feat]) -> list[bool]:
    """Which blocks are items of a list a paragraph introduced with a colon ("... berikut:")."""
    out = [False] * len(blocks)
    i = 0
    while i < len(blocks):
        f, t = feats[i], blocks[i].text.rstrip()
        if t.endswith(":") and f.words >= _LIST_INTRO_WORDS and not (f.header or f.related or f.furniture):
            j, items = i + 1, 0
            while j < len(blocks) and j - i <= _MAX_LIST_ITEMS:
                if _list_item(blocks[j], feats[j]):
                    out[j], items = True, items + 1
                elif not (feats[j].related or feats[j].furniture) or (j - i > 3 and not items):
                    break  # an ad or "Baca juga" line may sit between the colon and its list
                j += 1
            i = max(j, i + 1)
        else:
            i += 1
    return out


def _list_item(b: Block, f: _Feat) -> bool:
    if (
        f.furniture
        or f.related
        or f.header
        or f.caption
        or f.prose
        or b.hint in ("nav", "footer", "related", "share")
    ):
        return False
    return (f.bullet or bool(_NUMBERED.match(b.text)) or 2 <= f.words <= 30) and f.words <= 60


def _next_prose(feats: list[_Feat], i: int) -> bool:
    return i + 1 < len(feats) and feats[i + 1].prose


def _body_like(f: _Feat, b: Block) -> bool:
    if f.caption or f.related or f.furniture or b.hint == "embed" or _INITIALS.match(b.text):
        return False
    # a short closing sentence ('"Setuju," jawab peserta rapat.') is body too
    opens = b.text[:1].isupper() or b.text[:1] in '"“'
    short_sentence = f.words >= 3 and opens and bool(_SENTENCE_END.search(b.text))
    return (
        f.prose
        or f.list_item
        or (short_sentence and not f.dup and not f.bullet and not is_credit_line(b.text))
    )


_SENTENCE_END = re.compile(r"[.!?]\s*[\"”’']?\s*$")


def clean(article: Article) -> Article:
    """Stage ``clean.v1``: fill ``paragraphs``, ``removed`` and ``related_headlines`` from ``blocks``."""
    blocks = article.blocks
    feats = _features(blocks)
    if article.input_format == "record":
        start, end = 0, len(blocks) - 1
    else:
        start, end = find_body_span(blocks, feats)
    if end < start and article.html_meta.get("_tree") is not None:
        start, end = _trafilatura_span(article, blocks)
    if end < start:
        article.warn("no article body found")
    _collect_related(article, blocks, feats)
    i = start
    while i <= end:
        i = _classify_in_body(article, blocks, feats, i, end)
    for j, b in enumerate(blocks):
        if (j < start or j > end) and not b.kind:
            b.kind = "outside"
    _merge_lone_dateline(blocks)
    _closing_credit(article, blocks)
    article.paragraphs = [b.text for b in blocks if b.kind == "body"]
    return article


def _closing_credit(article: Article, blocks: list[Block]) -> None:
    """The body's last line when it credits the writer ("(TribunJakarta.com/Nama)", a columnist's name and
    post, "Artikel ini ditulis oleh …"): a credit line, not body."""
    from kronik.stages.metadata.people import Credits, read_closing_credit

    body = [b for b in blocks if b.kind == "body"]
    if len(body) >= 2 and read_closing_credit(body[-1].text, Credits()):
        body[-1].kind = "credit_line"
        article.remove("credit_line", body[-1].text)


def _trafilatura_span(article: Article, blocks: list[Block]) -> tuple[int, int]:
    """Fallback for markup the prose scorer finds no body in: the span trafilatura's extractor keeps."""
    import copy

    import trafilatura

    try:
        doc = trafilatura.bare_extraction(copy.deepcopy(article.html_meta["_tree"]), include_comments=False)
    except Exception:  # trafilatura gives up on some trees; then there is no body
        return 0, -1
    text = getattr(doc, "text", None) or (doc.get("text") if isinstance(doc, dict) else None)
    if not text:
        return 0, -1
    kept = {line.strip() for line in text.splitlines() if len(line.split()) >= 4}
    hits = [b.index for b in blocks if b.text in kept]
    if not hits:
        return 0, -1
    article.warn("body found by trafilatura's extractor (kronik's own rules found none)")
    return hits[0], hits[-1]


def _classify_in_body(article: Article, blocks: list[Block], feats: list[_Feat], i: int, end: int) -> int:
    """Decide what block ``i`` inside the body run is; returns the next index to look at."""
    b, f = blocks[i], feats[i]
    headline = related_headline(b.text)
    if headline is not None:
        b.kind = "related_link"
        if headline:
            article.related_headlines.append(headline)
            article.remove("related_link", headline)
        elif i + 1 <= end and not feats[i + 1].prose:  # "Baca juga:" then the headline on the next line
            blocks[i + 1].kind = "related_link"
            article.related_headlines.append(blocks[i + 1].text.strip("•- "))
            article.remove("related_link", blocks[i + 1].text.strip("•- "))
            return i + 2
        return i + 1
    if f.header or b.hint == "related":
        b.kind = "related_link"
        j = i + 1
        while j <= end and not (feats[j].prose and not feats[j].bullet) and feats[j].words <= 25:
            blocks[j].kind = "related_link"
            text = blocks[j].text.strip("•□-* ")
            if text and feats[j].words >= 3:
                article.related_headlines.append(text)
                article.remove("related_link", text)
            j += 1
        return j
    kind = ""
    if _INITIALS.match(b.text) or (f.words <= 12 and is_credit_line(b.text)):
        kind = "credit_line"
    elif f.caption or (
        i + 1 <= end and feats[i + 1].caption and not f.prose and f.words <= 15
    ):  # an image's alt text printed above its caption
        kind = "photo_caption"
    elif f.furniture:
        kind = f.furniture
    elif b.hint in ("nav", "footer", "aside", "share", "comment", "ad", "embed"):
        kind = {"aside": "related_link", "ad": "advertisement", "share": "share_follow"}.get(b.hint, b.hint)
    elif f.list_item:
        kind = ""  # an item of a list the article introduced ("... berikut:")
    elif f.bullet and not f.prose:
        kind = "related_link" if f.words >= 4 else "navigation"
    elif f.dup and not f.prose:
        kind = "photo_caption"
    if kind:
        b.kind = kind
        article.remove(kind, _caption_text(b.text) if kind == "photo_caption" else b.text)
    else:
        b.kind = "body"
        b.text = re.sub(r"\s*\*{2,}$", "", b.text)  # "...wilayah Belarus.***" end marks
        b.text = _INLINE_RELATED.sub(lambda m: _related_aside(article, m), b.text)
    return i + 1


#: A related story's link inside a paragraph, in brackets ("… di Indonesia. (Baca juga: Judul Lain)").
_INLINE_RELATED = re.compile(r"\s*\((?:baca|simak|lihat)\s+(?:juga|pula)\s*:(?P<headline>[^()]{0,200})\)", _I)


def _related_aside(article: Article, m: re.Match[str]) -> str:
    """Take an in-paragraph related link out of the body, kept as a related headline."""
    headline = m.group("headline").strip(" ,.-–")
    if headline:
        article.related_headlines.append(headline)
    article.remove("related_link", m.group().strip())
    return ""


def _caption_text(text: str) -> str:
    half = len(text) // 2
    if len(text) > 20 and text[:half].strip() == text[half:].strip():
        text = text[:half].strip()
    return text


def _collect_related(article: Article, blocks: list[Block], feats: list[_Feat]) -> None:
    """Headlines listed in related-story boxes anywhere on the page ("Baca Juga", "Berita Terkait")."""
    n = len(blocks)
    for i, f in enumerate(feats):
        if not f.header:
            continue
        j = i + 1
        while j < n and j <= i + 12 and not feats[j].prose and not feats[j].header and feats[j].words <= 25:
            text = blocks[j].text.strip("•□-* ")
            if feats[j].words >= 3 and not feats[j].furniture and text not in article.related_headlines:
                article.related_headlines.append(text)
            j += 1


def _merge_lone_dateline(blocks: list[Block]) -> None:
    """Join a dateline printed alone ("Jakarta -") to the paragraph that follows it."""
    body = [b for b in blocks if b.kind == "body"]
    if (
        len(body) >= 2
        and body[0].text.split()
        and len(body[0].text.split()) <= 4
        and is_dateline(body[0].text)
    ):
        body[1].text = body[0].text.rstrip() + " " + body[1].text
        body[0].kind = "dateline"
