"""Credit lines: who wrote, edited and photographed an article.

Outlets print these as "Penulis: X | Editor: Y", "Pewarta: X", "Red: X", "Oleh : X", "By X",
"Laporan Wartawan Outlet.com, X", "X - detikNews", a name over a role line ("Dewi Kania" / "Jurnalis"),
a role line over a name ("Editor" / "iskandar's avatarIskandar"), or the author's name in capitals
right after the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kronik.lang.id.boilerplate import CREDIT_LABELS

_ROLE_OF_LABEL = {
    label: role for role in ("authors", "editors", "photo_credits") for label in CREDIT_LABELS[role]
}
_LABEL_ALT = "|".join(sorted((re.escape(k) for k in _ROLE_OF_LABEL), key=len, reverse=True))
_LABELLED = re.compile(rf"^(?P<label>{_LABEL_ALT})\s*[:：]\s*(?P<value>.+)$", re.IGNORECASE)
_BY = re.compile(r"^(?P<label>oleh|by|written by)\s*:?\s+(?P<value>[A-Z].{1,80})$", re.IGNORECASE)
# Trailing notes on who wrote or adapted a piece: "Artikel ini ditulis oleh X, peserta magang ...",
# "Diadaptasi oleh X dan Y", "*Penulis adalah X".
_NOTE = re.compile(
    r"^(?:\*?\s*artikel\s+ini\s+ditulis\s+oleh|diadaptasi\s+oleh|\*\s*penulis\s+adalah)\s+(?P<value>[^,]+)",
    re.I,
)
_REPORT = re.compile(
    r"^laporan\s+(?:wartawan|reporter|koresponden|kontributor)\s+[\w.]+(?:\s[\w.]+)?,\s*(?P<value>.+)$", re.I
)
_NAME_CHANNEL = re.compile(
    r"^(?P<value>[A-Z][\w'.]+(?:\s[A-Z][\w'.]+){0,4})\s+-\s+(?P<channel>detik\w*|[\w]+\.(?:com|co\.id|id))$"
)
# Several credits on one line: "Penulis: A | Editor: B", "Rep: A/ Red: B", "Oleh : A Editor : B".
_SEGMENT = re.compile(
    rf"\s+\|\s+|\s{{2,}}|\s*/\s*(?=(?:{_LABEL_ALT})\s*[:：])|\s+(?=(?:editor|penyunting|redaktur|red|pewarta|penulis|reporter|fotografer)\s*[:：])",
    re.I,
)
_ROLE_ALONE = re.compile(rf"^(?P<label>{_LABEL_ALT})$", re.IGNORECASE)
_AVATAR = re.compile(r"^\S+'s avatar", re.IGNORECASE)
_NAME_TOKEN = re.compile(r"^[A-Z][\w'’.-]*$|^(?:bin|binti|van|von|de|der|al|el|dan)$|^[A-Z]\.$")
_NOT_NAMES = {
    "baca", "juga", "berita", "terkait", "artikel", "komentar", "share", "foto", "video", "tag", "tags",
    "topik", "lainnya", "terpopuler", "terkini", "home", "index", "indeks", "editor", "penulis", "redaksi",
    "copyright", "reserved", "all", "rights", "news", "antara", "reuters", "afp", "ap", "jurnalis", "ini",
    "menarik", "follow", "tweet", "related", "popular", "rekomendasi", "halaman", "selengkapnya",
}  # fmt: skip
_PREFIXES = re.compile(r"^(?:kontributor|koresponden|tim|wartawan|reporter)\s+[\w .]+?,\s*", re.IGNORECASE)


@dataclass
class Credits:
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    photo_credits: list[str] = field(default_factory=list)
    cited_media: list[str] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # indices of blocks that were credit lines

    def add(self, role: str, names: list[str]) -> None:
        target: list[str] = getattr(self, role)
        for n in names:
            if n and n.lower() not in (t.lower() for t in target):
                target.append(n)


def _calendar_words() -> set[str]:
    from kronik.lang.id.calendar import MONTHS, WEEKDAYS

    return set(MONTHS) | set(WEEKDAYS)


_CALENDAR = _calendar_words()


def looks_like_name(text: str) -> bool:
    """Whether ``text`` reads as a person's name: 1–6 capitalised tokens, no digits, no stop words."""
    tokens = text.split()
    if not 1 <= len(tokens) <= 6 or any(ch.isdigit() for ch in text):
        return False
    if any(t.lower().strip(".,") in _NOT_NAMES or t.lower().strip(".,") in _CALENDAR for t in tokens):
        return False
    return all(_NAME_TOKEN.match(t) for t in tokens)


def split_names(value: str) -> list[str]:
    """Names in a credit value: "A, B dan C" -> [A, B, C]; role prefixes and trailing notes dropped."""
    value = _AVATAR.sub("", value.strip())
    value = _PREFIXES.sub("", value)
    value = re.split(r"\s*[(\[]|\s+[-–|@]\s+|\s+\d", value)[0]
    parts = re.split(r"\s*(?:,|;|&|\bdan\b|\band\b|/)\s*", value)
    return [p.strip(" .-–") for p in parts if looks_like_name(p.strip(" .-–"))]


def _role(label: str) -> str:
    return _ROLE_OF_LABEL.get(label.lower().strip(), "")


def read_credit_line(text: str, credits: Credits) -> bool:
    """Read one line's credits into ``credits``; True when the line was a credit line."""
    found = False
    for segment in _SEGMENT.split(text):
        segment = segment.strip()
        m = _LABELLED.match(segment)
        if m:
            role = _role(m.group("label"))
            value = m.group("value")
            if role == "photo_credits":
                if len(value.split()) > 6 or "," in value:  # "FOTO: <a headline>" labels a photo story
                    continue
                credits.add(role, [value.strip()])
            else:
                credits.add(role, split_names(value))
            found = True
            continue
        m = _REPORT.match(segment) or _BY.match(segment) or _NOTE.match(segment)
        if m:
            names = split_names(m.group("value"))
            if names:
                credits.add("authors", names)
                found = True
            continue
        m = _NAME_CHANNEL.match(segment)
        if m and looks_like_name(m.group("value")):
            credits.add("authors", [m.group("value")])
            found = True
    return found


# Credits that close an article: "(TribunJakarta.com/Dwi Putra Kesuma)", and a columnist's line "Sugiat
# Santoso.Anggota DPR RI Fraksi Partai Gerindra." / "Rilo Pambudi. S, Pengajar Hukum Tata Negara …".
_CLOSING_CHANNEL = re.compile(
    r"^\((?P<channel>[\w-]+\.(?:com|co\.id|id|net))\s*/\s*(?P<value>[A-Z][\w'. -]{2,50})\)\.?$"
)
_COLUMNIST = re.compile(
    r"^(?P<value>[A-Z][a-z'’-]+(?:\s[A-Z][a-z'’-]+){0,3})(?:\.\s?[A-Z][A-Za-z.]{0,6}(?=\s?,))?\s?[.,]\s?"
    r"(?P<role>(?:Anggota|Ketua|Wakil|Pengajar|Dosen|Peneliti|Mahasiswa|Guru|Pemerhati|Pengamat|Penulis|Direktur|"
    r"Fraksi|Alumni|Praktisi|Advokat|Kandidat|Staf|Analis|Dokter|Koordinator|Sekretaris|Pendiri|Founder|CEO|"
    r"Kepala|Ekonom|Jurnalis|Wartawan|Aktivis|Pegiat)\b[^.!?]{0,150}\.?)$"
)


def read_closing_credit(text: str, credits: Credits) -> bool:
    """A credit line that only makes sense as the article's last line (True when ``text`` is one)."""
    text = text.strip()
    m = _CLOSING_CHANNEL.match(text)
    if m and looks_like_name(m.group("value").strip()):
        credits.add("authors", [m.group("value").strip()])
        return True
    m = _COLUMNIST.match(text)
    if m and len(text.split()) <= 25:
        credits.add("authors", [m.group("value")])
        return True
    return read_credit_line(text, credits) and len(text.split()) <= 40


def read_credits(texts: list[str], start: int = 0) -> Credits:
    """Credits from a run of non-body lines (``start`` offsets the recorded line indices)."""
    credits = Credits()
    texts = [t.strip().lstrip("•□▪·*- ").strip() for t in texts]
    i = 0
    while i < len(texts):
        text = texts[i].strip()
        nxt = texts[i + 1].strip() if i + 1 < len(texts) else ""
        if read_credit_line(text, credits):
            credits.lines.append(start + i)
            i += 1
            continue
        role_alone = _ROLE_ALONE.match(text)
        role = _role(role_alone.group("label")) if role_alone else ""
        if role in ("authors", "editors") and nxt and not any(ch.isdigit() for ch in nxt):
            # "Editor" / "iskandar's avatarIskandar" or ": Nama" (a date line after "Jurnalis" is no name)
            names = split_names(nxt.lstrip(":： "))
            if names:
                credits.add(role, names)
                credits.lines.extend([start + i, start + i + 1])
                i += 2
                continue
        next_role = _ROLE_ALONE.match(nxt)
        if next_role and looks_like_name(text) and _role(next_role.group("label")) in ("authors", "editors"):
            after = texts[i + 2].strip() if i + 2 < len(texts) else ""
            if not split_names(after.lstrip(":： ")):  # "Dewi Kania" / "Jurnalis", not "Author" / "Nama"
                credits.add(_role(next_role.group("label")), [text])
                credits.lines.extend([start + i, start + i + 1])
                i += 2
                continue
        i += 1
    return credits


def capitals_signature(text: str) -> str | None:
    """An author's name printed in capitals after the body ("DINI TEJA"), else None."""
    t = text.strip()
    tokens = t.split()
    if (
        2 <= len(tokens) <= 4
        and t.isupper()
        and all(tok.isalpha() for tok in tokens)
        and not any(tok.lower() in _NOT_NAMES for tok in tokens)
    ):
        return t
    return None
