"""Media an article cites as its source: "Dilansir X dari Al Jazeera", "Dikutip Express", "mengutip
AFP", "seperti dilaporkan Reuters", "kepada TASS", "kantor berita negara Belarus Belta", "ke Twitter",
"Sumber: Express". Known media (``lang/id/media.json``) are named canonically; an unknown medium
after a strong cue ("dilansir dari", "Sumber:") is kept as printed.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

_CUE = (
    r"(?:dilansir|melansir|dikutip|mengutip|seperti\s+dikutip|sebagaimana\s+dikutip|seperti\s+dilansir|"
    r"(?:seperti|sebagaimana)\s+(?:dilaporkan|diberitakan|dilansir)|dilaporkan|diberitakan|laporan|menurut\s+laporan|"
    r"lapor|tulis|dari\s+laman|dari\s+situs|reported\s+by|according\s+to|citing|quoted\s+by)"
)
_SOURCE_WORDS = r"(?:laman\s+|situs\s+|media\s+|kantor\s+berita\s+)?"
# "Dilansir TribunGorontalo.com dari Al Jazeera": the medium follows "dari", the citing outlet sits between.
_VIA_FROM = re.compile(
    _CUE + r"\s+(?:[\w.]+\s+){0,3}?(?:dari|from)\s+" + _SOURCE_WORDS + r"(?P<rest>.{2,80})", re.I
)
# "Dikutip Express, ...", "mengutip AFP": the medium follows the cue.
_VIA = re.compile(_CUE + r"\s+" + _SOURCE_WORDS + r"(?P<rest>.{2,80})", re.IGNORECASE)
_TO = re.compile(
    r"\b(?:kepada|to|told)\s+(?:kantor\s+berita\s+|media\s+|stasiun\s+televisi\s+)?(?P<rest>.{2,60})"
)
_AGENCY = re.compile(r"\bkantor\s+berita\s+(?:\w+\s+){0,3}?(?P<rest>[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,3})")
_PLATFORM = re.compile(
    r"\b(?:ke|di|melalui|lewat|via|dalam\s+unggahan\s+di|akun)\s+(?:akun\s+)?(?P<rest>Twitter|Instagram|Facebook|YouTube|TikTok|Telegram|X)\b"
)
# A cheap first look: a paragraph with none of these words cites no medium.
_ANY_CUE = re.compile(
    r"dilansir|melansir|dikutip|mengutip|dilaporkan|diberitakan|laporan|lapor|tulis|laman|situs|kepada|kantor\s+berita"
    r"|twitter|instagram|facebook|youtube|tiktok|telegram|\bX\b|according|citing|quoted|reported|\bto\b|told",
    re.IGNORECASE,
)
_CUE_WORDS = re.compile(
    r"dilansir|melansir|dikutip|mengutip|dilaporkan|diberitakan|laporan|lapor|tulis|laman|situs|according|citing|quoted|reported"
)
_PLATFORM_WORDS = re.compile(r"Twitter|Instagram|Facebook|YouTube|TikTok|Telegram|\bX\b")
_SOURCE_LINE = re.compile(r"^(?:sumber|source)\s*[:：]\s*(?P<rest>.{2,80})$", re.IGNORECASE)
_CAPITALISED = re.compile(r"^(?P<name>[A-Z][\w.&'-]*(?:\s(?:[A-Z][\w.&'-]*|of|the)){0,3})")


@lru_cache(maxsize=1)
def _known() -> list[tuple[re.Pattern[str], str]]:
    data = json.loads(resources.files("kronik.lang.id").joinpath("media.json").read_text("utf-8"))
    pats = []
    for forms in data["media"]:
        canonical = forms[0]
        for form in sorted(forms, key=len, reverse=True):
            # Case matters: "Express" is a newspaper, "to express" is not.
            for variant in {form, form.upper()}:
                pats.append((re.compile(r"^" + re.escape(variant) + r"(?![\w])"), canonical))
    pats.sort(key=lambda p: -len(p[0].pattern))
    return pats


def known_media() -> frozenset[str]:
    """The canonical names of every known medium and platform."""
    return frozenset(canonical for _pat, canonical in _known())


def known_medium(text: str) -> str | None:
    """The canonical name of the known medium that ``text`` starts with."""
    for pat, canonical in _known():
        if pat.match(text):
            return canonical
    return None


def _name_at(rest: str, strong: bool) -> str | None:
    rest = rest.strip(" \"“'")
    known = known_medium(rest)
    if known:
        return known
    if not strong:
        return None
    m = _CAPITALISED.match(rest)
    if m:
        name = m.group("name").rstrip(".,")
        if len(name) >= 2 and name.lower() not in {"dia", "ia", "mereka", "pihak", "the"}:
            return name
    return None


def _agency_name(run: str) -> str | None:
    """ "Belarus Belta" -> "Belta": a known medium anywhere in the run, else its last word."""
    tokens = run.split()
    for i in range(len(tokens)):
        known = known_medium(" ".join(tokens[i:]))
        if known:
            return known
    if not tokens:
        return None
    last = tokens[-1].rstrip(".,")
    return None if last.lower() in _country_names() else last


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """Country names in Indonesian and English (CLDR via babel): "negara Rusia" names no medium."""
    from babel import Locale

    names = set()
    for loc in ("id", "en"):
        names.update(n.lower() for n in Locale.parse(loc).territories.values())
    return frozenset(names)


def find_cited_media(
    paragraphs: list[str], credit_lines: list[str], own_outlet: str | None = None
) -> list[str]:
    """Media cited in the body and the credit lines, canonical names, in order of first mention."""
    found: list[str] = []
    own = (own_outlet or "").lower()

    def add(name: str | None) -> None:
        if name and name.lower() != own and name not in found:
            found.append(name)

    for line in credit_lines:
        m = _SOURCE_LINE.match(line.strip())
        if m:
            add(_name_at(m.group("rest"), strong=True))
    for para in paragraphs:
        if not _ANY_CUE.search(para):
            continue
        low = para.lower()
        hits: list[tuple[int, str | None]] = []
        if _CUE_WORDS.search(low):
            for m in _VIA.finditer(para):
                via = _VIA_FROM.match(para, m.start())
                if via:
                    hits.append((m.start(), _name_at(via.group("rest"), strong=True)))
                else:
                    hits.append((m.start(), _name_at(m.group("rest"), strong=False)))
        if "kantor berita" in low:
            for m in _AGENCY.finditer(para):
                hits.append((m.start(), _agency_name(m.group("rest"))))
        if "kepada" in low or " to" in low or "told" in low:
            for m in _TO.finditer(para):
                hits.append((m.start(), _name_at(m.group("rest"), strong=False)))
        if _PLATFORM_WORDS.search(para):
            for m in _PLATFORM.finditer(para):
                hits.append((m.start(), _name_at(m.group("rest"), strong=False)))
        for _, name in sorted(hits, key=lambda h: h[0]):
            add(name)
    return found
