"""Time stage: every time expression of the body, normalised against the article's publication time.

Reads ``paragraphs``, ``published``, ``entities``; assigns ``times``. Each time is ``{text, start, end,
type (date, time, relative, duration, interval, set), value, precision, flags}`` with values as in
shared/gold/seeds.gold.json: day ``2023-01-14``, month ``2022-03``, year ``2022``, quarter ``2025-Q3``,
ISO week ``2023-W03``, minute ``2023-01-13T14:00+07:00``, hour ``2025-10-20T13``, durations ``P3Y``,
intervals ``START/END``; vague ones ("dalam waktu dekat") have value null and precision ``none``.

Rules are written here for the forms Indonesian news uses (weekday with a bracketed date, "pekan
lalu", "Februari tahun lalu", "awal Maret", "hari ke-325" of a war with a configurable day 1 …);
dateparser reads what they leave over ("3 hari yang lalu" with digits in unusual order, English dates).
A date with no year takes the year that puts it nearest before publication, or after it when the
sentence speaks of the future ("akan", "mendatang"). Flags: ``weekday_mismatch``, ``impossible_date``,
``after_publication`` (a past-tense date later than publication), ``no_anchor`` (nothing to resolve a
relative expression against).
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from kronik.data import Article
from kronik.lang.id.calendar import ID_MONTHS, MONTHS, TIMEZONES, WEEKDAYS
from kronik.stages.quotes.lexicon import lexicon

#: The step a relative word takes from the time it counts from ("Maret tahun lalu", "pekan depan").
_REL_SHIFT = {"lalu": -1, "kemarin": -1, "sebelumnya": -1, "depan": 1, "mendatang": 1}
#: Days a past-tense date may lie after publication before it is flagged (time zones, late edits).
FUTURE_SLACK_DAYS = 1


@lru_cache(maxsize=1)
def _vocab() -> dict[str, Any]:
    return json.loads(resources.files("kronik.lang.id").joinpath("time.json").read_text("utf-8"))


def _alt(words: Any) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_MONTH_NAMES = [m for m in MONTHS if len(m) >= 4 or m == "mei"]
_MONTH_ABBR = [m for m in MONTHS if len(m) == 3 and m != "mei"]
_M = rf"(?P<month>{_alt(_MONTH_NAMES)})"
_M_ANY = rf"(?P<month>{_alt(_MONTH_NAMES)}|(?:{_alt(_MONTH_ABBR)})\.?)"
_WD = rf"(?P<wd>{_alt([w for w in WEEKDAYS if len(w) >= 4])})"
_TZ = rf"(?:\s*(?P<tz>{_alt(TIMEZONES)}))?"
_NUM_WORDS = _vocab()["numbers"]
#: A count in figures, also with its words in brackets as legal texts write it ("24 (dua puluh empat) bulan").
_N = rf"(?P<n>\d+(?:[.,]\d+)?(?:\s+\((?:[a-z]+\s?){{1,4}}\))?|{_alt([w for w in _NUM_WORDS if w != 'se'])})"
_UNIT = rf"(?P<unit>{_alt(_vocab()['units'])})"
_PART = r"(?:\s+(?:pagi|siang|sore|malam|dini hari))?"
_YEAR = r"(?:19|20)\d\d"
#: A clock hour in words: "pukul satu siang", "jam dua belas malam".
_HOUR_WORDS = _alt(w for w, n in _NUM_WORDS.items() if w != "se" and float(n).is_integer() and 1 <= n <= 12)
#: A quarter's or half-year's number: "kuartal III", "triwulan kedua", "semester 1".
_Q = r"I{1,3}|IV|pertama|kedua|ketiga|keempat|empat|tiga|dua|satu|[1-4]"
#: What joins the ends of a range in the range rules: "9-13", "Mei hingga Juli", "9 s/d 13 Oktober".
_TO = r"-|–|—|hingga|sampai(?:\s+dengan)?|s\.d\.?|s/d"


def _rx(pattern: str) -> re.Pattern[str]:
    # a hyphen may open a match after a word in lower case ("31 Maret-10 April"), never after a digit or a
    # capital ("2019-10", "H-10", "COVID-19 Mei")
    return re.compile(rf"(?<![\w/.])(?<!(?-i:[\dA-Z])[-–])(?<!^[-–])(?:{pattern})(?![\w])", re.IGNORECASE)


# (name, pattern): tried on the whole body; where matches overlap the longest wins, then the earlier rule.
RULES: list[tuple[str, re.Pattern[str]]] = [
    (
        "wd_date",
        _rx(
            rf"(?:hari\s+)?{_WD}\s*,?\s*\(\s*(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})(?:/(?P<y>\d{{2,4}}))?\s*\)(?:\s+(?P<rel>kemarin|lalu|mendatang))?{_PART}"
        ),
    ),
    ("wd_dmy", _rx(rf"(?:hari\s+)?{_WD},?\s+(?:tanggal\s+)?(?P<d>\d{{1,2}})\s+{_M_ANY}\s+(?P<y>{_YEAR})")),
    ("mdy", _rx(rf"{_M_ANY}\s+(?P<d>\d{{1,2}}),?\s+(?P<y>{_YEAR})")),
    ("bracket_date", _rx(r"\((?P<d>\d{1,2})/(?P<m>\d{1,2})\)")),
    ("day_of_month", _rx(r"tanggal\s+(?P<d>\d{1,2})(?!\s*[/-]|\s+\w+\s+(?:19|20)\d\d)")),
    ("numeric_date", _rx(rf"(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})/(?P<y>{_YEAR})")),
    (
        "day_range",
        _rx(
            rf"(?P<open>\()?(?P<d1>\d{{1,2}})\s*(?:{_TO}|dan)\s*(?P<d>\d{{1,2}})(?(open)\))\s+{_M}(?:\s+(?P<y>{_YEAR}))?(?:\s+(?P<rel>lalu|mendatang))?"
        ),
    ),
    # "November 20-24": the month printed before its days, English-wise
    ("md_range", _rx(rf"{_M}\s+(?P<d1>\d{{1,2}})\s*[-–]\s*(?P<d>\d{{1,2}})(?:,?\s+(?P<y>{_YEAR}))?")),
    (
        "dmy",
        _rx(
            rf"(?:tanggal\s+)?(?P<d>\d{{1,2}})\s+{_M_ANY}(?:\s+(?:tahun\s+)?(?P<y>{_YEAR}))?(?:\s+(?P<rel>lalu|besok|kemarin|mendatang|ini))?"
        ),
    ),
    (
        "month_list",
        _rx(
            rf"(?:bulan\s+)?(?P<m1>{_alt(_MONTH_NAMES)})(?:\s*,\s*(?:{_alt(_MONTH_NAMES)}))+\s*,?\s*(?:(?:dan|hingga|sampai|serta)\s+)?{_M}(?:\s+(?:(?:di\s+|pada\s+)?tahun\s+)?(?P<y>{_YEAR}))?"
        ),
    ),
    (
        "week_of_month",
        _rx(
            rf"(?:pekan|minggu)\s+(?:ke-?\s?)?(?P<n>pertama|kesatu|kedua|ketiga|keempat|kelima|terakhir|[1-5])\s+(?:bulan\s+)?{_M}(?:\s+(?:tahun\s+)?(?P<y>{_YEAR}))?"
        ),
    ),
    (
        "month_year_range",
        _rx(
            rf"(?<!\d\s)(?:bulan\s+)?(?P<m1>{_alt(_MONTH_NAMES)})\s+(?:tahun\s+)?(?P<y1>{_YEAR})\s*(?:{_TO})\s*(?:bulan\s+)?{_M}\s+(?:tahun\s+)?(?P<y>{_YEAR})"
        ),
    ),
    (
        "month_range",
        _rx(
            rf"(?<!\d\s)(?:bulan\s+)?(?P<m1>{_alt(_MONTH_NAMES)})\s*(?:{_TO}|dan)\s*{_M}(?:\s+(?P<y>{_YEAR}))?"
        ),
    ),
    (
        "time",
        _rx(
            rf"(?:pukul|jam)\s+(?:(?P<h>\d{{1,2}})(?:[.:](?P<mi>\d\d)(?:[.:]\d\d)?)?|(?P<hw>{_HOUR_WORDS}))"
            rf"{_TZ}(?:\s+(?P<part>pagi|siang|sore|malam|dini hari)(?:\s+(?P<today>tadi|ini)(?![\w-]))?)?"
            rf"(?:\s+(?P<tz2>{_alt(TIMEZONES)})(?!\w))?"  # "pukul 01.45 dini hari WIB"
        ),
    ),
    (
        "quarter",
        _rx(
            rf"(?P<kind>kuartal|kwartal|triwulan|semester|paruh)\s+(?:ke[-\s]?)?(?P<q>{_Q})"
            rf"(?:\s*(?:{_TO}|atau|dan)\s*(?:(?:kuartal|kwartal|triwulan)\s+)?(?:ke[-\s]?)?(?P<q2>{_Q}))?"
            r"(?:\s*\((?:Q|Kw?|TW|S)[1-4]\))?"  # "kuartal kedua (Q2) 2020"
            rf"(?:\s*[-/]?\s*(?:tahun\s+)?(?P<y>{_YEAR})|\s+(?P<rel>tahun ini|tahun lalu|tahun depan|ini|lalu))?"
        ),
    ),
    (
        "year_range",
        _rx(rf"(?:tahun\s+)?(?P<y1>{_YEAR})\s*(?:{_TO}|/|dan)\s*(?:tahun\s+)?(?P<y>{_YEAR})(?!\s*[-–]\s*\d)"),
    ),
    (
        "month_rel",
        _rx(
            rf"(?:(?P<edge>awal|pertengahan|medio|akhir)\s+)?(?:bulan\s+)?{_M}\s+(?P<rel>tahun lalu|tahun ini|tahun depan|lalu|ini|mendatang|depan|kemarin)"
        ),
    ),
    (
        "month_year",
        _rx(
            rf"(?:(?P<edge>awal|pertengahan|medio|akhir)\s+)?(?:bulan\s+)?{_M},?\s+(?:tahun\s+)?(?P<y>{_YEAR})"
        ),
    ),
    (
        "month",
        _rx(
            rf"(?:(?P<edge>awal|pertengahan|medio|akhir)\s+(?:bulan\s+)?|bulan\s+|(?:pada|sejak|hingga|sampai|per|selama)\s+){_M}(?!\s+(?:tahun\s+)?(?:19|20)\d\d)"
        ),
    ),
    (
        "month_alone",  # a capitalised month name alone, between lowercase words: "pembacaan Agustus turun"
        re.compile(
            rf"(?<=[a-z,] )(?P<month>{'|'.join(m.capitalize() for m in ID_MONTHS)})(?![\w-])(?!\s+(?:[A-Z\d(]|tahun\s+\d))"
        ),
    ),
    (
        "clock",  # a clock time with its zone and no "pukul": "20.30 WIB"
        re.compile(
            rf"(?<![\w.:/,])(?:(?<![-–])|(?<=\d[.:][0-5]\d[-–]))(?P<h>[012]?\d)[.:](?P<mi>[0-5]\d)(?:[.:][0-5]\d)?\s*(?P<tz>{_alt([*TIMEZONES, *(t.upper() for t in TIMEZONES)])})(?![\w])"
        ),
    ),
    (
        "clock_dated",  # a clock time right after a date, no "pukul", no zone: "25 April 13.00 - Kineforum"
        re.compile(
            rf"(?<=\s)(?P<h>[012]?\d)[.:](?P<mi>[0-5]\d)(?![\w.,:/])(?!\s*(?:{_alt(t.upper() for t in TIMEZONES)})\b)"
        ),
    ),
    ("war_day", _rx(r"hari\s+ke-?\s?(?P<n>\d{1,4})")),
    (
        "war_start",
        _rx(
            r"(?P<rel>(?:(?:tak|tidak)\s+lama|segera|sesaat|beberapa\s+(?:hari|pekan|minggu))\s+(?:setelah|sesudah)|sejak|(?:pada\s+)?awal|saat|ketika)"
            r"\s+(?P<begun>(?:dimulainya|dimulai|pecahnya|meletusnya)\s+)?"
            rf"(?P<ev>{_alt(p for w in _vocab()['war_anchors'] for p in w.get('start_phrases', ()))})"
        ),
    ),
    ("vague", _rx(_alt(_vocab()["vague"]))),
    (
        "vague_count",
        _rx(
            r"(?:beberapa|belasan|puluhan|ratusan|ribuan|berpuluh-puluh|beratus-ratus)\s+(?:saat|detik|menit|jam|hari|pekan|minggu|bulan|tahun|dekade|abad)(?:\s+(?:(?:yang\s+)?lalu|kemudian|sebelumnya|setelahnya|ke\s+depan|lagi|mendatang|belakangan))?"
            r"|ber(?P<rep>jam|hari|minggu|pekan|bulan|tahun|abad)-(?P=rep)|(?P<many>hari|minggu|pekan|bulan|tahun)-(?P=many)\s+(?:selanjutnya|berikutnya|terakhir|belakangan|sebelumnya|mendatang)|belum\s+lama\s+(?:ini|berselang)"
        ),
    ),
    (
        "first_months",
        _rx(
            rf"{_N}\s+bulan\s+(?P<edge>pertama|terakhir)\s+(?:(?:pada|di)\s+)?(?:tahun\s+)?(?:(?P<y>{_YEAR})|(?P<rel>ini|lalu))"
        ),
    ),
    (
        "n_ago",
        _rx(
            rf"(?:{_N}(?:\s*[-–]\s*(?P<n2>\d+))?\s+{_UNIT}|(?P<one>se(?:tahun|bulan|pekan|minggu|windu|dekade|abad)))"
            r"\s+(?P<dir>(?:yang\s+)?lalu|sebelumnya|lagi|mendatang|ke\s+depan|kemudian|terakhir|belakangan(?:\s+ini)?|setelahnya)"
        ),
    ),
    (
        "set",
        _rx(
            rf"(?:setiap|tiap)\s+(?:(?P<n>\d+|{_alt([w for w in _NUM_WORDS if w != 'se'])})\s+)?{_UNIT}(?:nya)?(?:\s+sekali)?"
        ),
    ),
    (
        "duration",
        _rx(
            rf"(?:{_N}(?:\s*[-–]\s*\d+(?:[.,]\d+)?)?(?:\s+|(?<=\d)-){_UNIT}(?:nya)?(?:\s+(?P<n2>\d+|{_alt([w for w in _NUM_WORDS if w != 'se'])})\s+(?P<unit2>{_alt(_vocab()['units'])}))?|(?P<one>{_alt(_vocab()['one_units'])})|(?P<x>\d+)x24\s+jam)"
        ),
    ),
    (
        "day_after",
        _rx(
            r"(?P<w>sehari\s+(?:setelahnya|sesudahnya|sebelumnya|kemudian)|(?:keesokan|esok)\s+(?:hari|pagi|siang|sore|malam)nya|besoknya|hari\s+berikutnya|hari\s+sebelumnya|(?:pada\s+)?hari\s+yang\s+sama|hari\s+itu\s+juga)"
        ),
    ),
    (
        "same_period",  # not "dua bulan tersebut", "27 tahun tersebut": a span or an age told before
        _rx(
            r"(?:pada\s+)?"
            + "".join(
                rf"(?<!{w}\s)"
                for w in (
                    "\\d",
                    "satu",
                    "dua",
                    "tiga",
                    "empat",
                    "lima",
                    "enam",
                    "tujuh",
                    "delapan",
                    "sembilan",
                    "sepuluh",
                    "belas",
                    "puluh",
                    "beberapa",
                )
            )
            + r"(?P<unit>tahun|bulan)\s+(?:yang\s+sama|tersebut)"
        ),
    ),
    (
        "week_rel",
        _rx(
            r"(?:(?:akhir\s+)?(?:pekan|minggu)\s+(?P<rel>lalu|kemarin|depan|ini|mendatang|sebelumnya)|sepekan\s+(?P<rel2>ini|terakhir|lalu)|(?P<weekend>akhir\s+pekan)(?!\s+(?:hari|besok|nanti)))"
        ),
    ),
    (
        "month_word",
        _rx(
            r"(?:(?P<edge>awal|akhir|pertengahan)\s+)?bulan\s+(?P<rel>lalu|ini|depan|mendatang|sebelumnya|kemarin)"
            r"|(?P<edge2>awal|akhir|pertengahan)\s+bulan(?![\w-])"
        ),
    ),
    (
        "year_word",
        _rx(
            r"(?:(?P<edge>awal|akhir|pertengahan)(?:-awal)?\s+)?tahun\s+(?P<rel>lalu|ini|depan|mendatang|sebelumnya|kemarin)|(?P<edge2>awal|akhir)(?:-awal)?\s+tahun(?!\s+(?:19|20)\d\d)"
        ),
    ),
    (
        "day_word",
        _rx(
            r"(?:(?:pagi|siang|sore|malam)\s+)?(?P<w>dini hari tadi|tadi dini hari|dini hari nanti|nanti dini hari|hari ini|kemarin lusa|kemarin|kemaren|besok|lusa|semalam|tadi malam|tadi pagi|tadi siang|tadi sore|nanti malam|nanti sore|(?:malam|sore|petang|siang)\s+nanti)(?:\s+(?:pagi|siang|sore|malam))?"
        ),
    ),
    (
        "day_part",
        _rx(
            r"(?P<w>(?:pagi|siang|sore|petang|(?P<midnight>tengah\s+)?malam)(?:\s+(?:atau|dan)\s+(?:pagi|siang|sore|petang|malam))?(?:\s+hari(?:nya)?|(?P<that>nya))?(?:\s+(?P<rel>ini|tadi|itu))?|malam\s+tadi|hari\s+itu(?:\s+juga)?)"
        ),
    ),
    (
        "weekday",
        _rx(
            rf"(?:(?:pada\s+)?hari\s+|(?P<eve>malam)\s+)?{_WD}(?:\s+(?P<week>pekan|minggu)\s+(?P<wrel>lalu|kemarin|depan|mendatang)|\s+(?P<rel>lalu|kemarin|mendatang|depan|ini|besok)|,\s*(?P<past>kemarin|lalu))?{_PART}"
        ),
    ),
    ("year", _rx(rf"(?:tahun\s+)?(?P<y>{_YEAR})")),
    (  # a Hijri year with its Gregorian one: "haji 1446 H/2025 M" is the 2025 season
        "hijri_year",
        _rx(rf"(?:tahun\s+)?1[34]\d\d\s*H(?:ijriah|ijriyah)?\s*/\s*(?P<y>{_YEAR})(?:\s*M(?:asehi)?)?"),
    ),
    (  # a year before 1900 only where a word says it is one: "tahun 1871", "pada 1871", "sejak 1602"
        "old_year",
        re.compile(
            r"(?:(?<![\w-])[Tt]ahun\s+|(?<=\b[Pp]ada\s)|(?<=\b[Ss]ejak\s)|(?<=\b[Hh]ingga\s)|(?<=\b[Ss]ampai\s))"
            r"(?P<y>1[5-8]\d\d)(?![\w.,]\d|\s*(?:meter|km|orang|unit|persen|ton|kg|jiwa|ekor|mdpl|kali)\b)"
        ),
    ),
    ("new_year", _rx(rf"(?:hari\s+)?tahun\s+baru(?:\s+masehi)?\s+(?P<y>{_YEAR})")),
    (
        "season",
        _rx(
            rf"(?:(?:bulan\s+(?:suci\s+)?)?(?P<fast>ramadan|ramadhan)|bulan\s+(?:suci\s+)?(?P<fast2>puasa)"
            rf"|(?P<xmas>nataru|natal\s+dan\s+tahun\s+baru)(?:\s*\(nataru\))?)(?:\s+(?:tahun\s+)?(?P<y>{_YEAR}))?"
        ),
    ),
    (
        "holiday",
        _rx(
            rf"(?P<h>{_alt(list(_vocab()['holidays']['fixed']) + list(_vocab()['holidays']['moving']) + list(_vocab()['holidays']['aliases']))})(?:\s+(?P<y>{_YEAR})|\s+tahun\s+(?P<rel>ini|lalu|kemarin|depan))?"
        ),
    ),
]
_ORDER = {name: i for i, (name, _) in enumerate(RULES)}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_FUTURE = re.compile(rf"(?<![\w])(?:{_alt(_vocab()['future_cues'])})(?![\w])", re.IGNORECASE)
_AGE_BEFORE = re.compile(rf"(?:{_alt(_vocab()['age_before'])})\s*$", re.IGNORECASE)
_IN_NAME = re.compile(r"(?:nomor|no\.?)\s*\d+\s*(?:tahun\s*|/\s*)(?:19|20)\d\d$", re.IGNORECASE)


@dataclass
class Anchor:
    day: dt.date | None
    tz: str | None = None
    war_start: dt.date | None = None
    #: the publication's time of day, when the record gives one (a bare midnight is taken for none)
    clock: dt.time | None = None


@dataclass
class Found:
    rule: str
    start: int
    end: int
    m: re.Match[str]
    out: dict[str, Any] = field(default_factory=dict)


def times(article: Article) -> Article:
    anchor = Anchor(
        _day(article.published), _tz(article.published), war_anchor(article), _clock(article.published)
    )
    article.times = find_times(article.body, anchor)
    if anchor.day is None and any("no_anchor" in t["flags"] for t in article.times):
        article.warn("times: no publication date, so relative time expressions are left unresolved")
    for t in article.times:
        if "impossible_date" in t["flags"]:
            article.warn(f"times: impossible date {t['text']!r}")
    return article


def _day(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def _clock(published: str | None) -> dt.time | None:
    m = re.match(r"\d{4}-\d\d-\d\dT(\d\d):(\d\d)", published or "")
    if m is None or m.group(1, 2) == ("00", "00"):
        return None
    return dt.time(int(m.group(1)), int(m.group(2)))


def _tz(published: str | None) -> str | None:
    m = re.search(r"[+-]\d\d:\d\d$", published or "")
    return m.group() if m else None


def war_anchor(article: Article) -> dt.date | None:
    env = os.environ.get("KRONIK_WAR_ANCHOR")
    if env:
        return dt.date.fromisoformat(env)
    text = article.body + " " + (article.title or "")
    for war in _vocab()["war_anchors"]:
        if any(re.search(rf"\b{re.escape(c)}\b", text) for c in war["cues"]):
            return dt.date.fromisoformat(war["start"])
    return None


def _war_start(g: dict[str, Any]) -> dict[str, Any] | None:
    """ "sejak invasi Rusia" is the war's first day, "tak lama setelah invasi Rusia ke Ukraina" and "awal
    perang di Gaza" its first month; a war named without its outbreak ("saat perang Ukraina") is no date."""
    ev = g["ev"].casefold()
    start = next(
        dt.date.fromisoformat(w["start"])
        for w in _vocab()["war_anchors"]
        if ev in (p.casefold() for p in w.get("start_phrases", ()))
    )
    rel = re.sub(r"\s+", " ", g["rel"].casefold())
    if ev.startswith("perang") and not g.get("begun") and rel not in ("sejak", "awal", "pada awal"):
        return None
    if rel in ("sejak", "saat", "ketika"):
        return _res("date", start.isoformat(), "day", "war_start")
    return _res("date", start.isoformat()[:7], "month", "war_start")


def find_times(body: str, anchor: Anchor) -> list[dict[str, Any]]:
    cands: list[Found] = []
    for name, pat in RULES:
        for m in pat.finditer(body):
            if name == "duration" and _year_count(m):
                continue  # "Daerah 2025 hari ini": a year, then "hari ini", not 2025 days
            if name == "year_range" and int(m["y1"]) >= int(m["y"]):
                continue  # "tahun 2029 dan 2021": two years named, no span between them
            cands.append(_two_months(m) if name == "month_range" else Found(name, m.start(), m.end(), m))
    cands.sort(key=lambda f: (-(f.end - f.start), _ORDER[f.rule], f.start))
    taken: list[Found] = []
    for f in cands:
        if any(f.start < t.end and t.start < f.end for t in taken):
            continue
        taken.append(f)
    taken.sort(key=lambda f: f.start)
    out = []
    found: list[tuple[Found, bool]] = []
    ctx = Context()
    for f in taken:
        ctx.paragraph = body.count("\n\n", 0, f.start)
        future = bool(_FUTURE.search(_clause(body, f.start, f.end)))
        res = _normalise(f, anchor, future, ctx, body)
        if res is None:
            continue
        res.update({"text": body[f.start : f.end], "start": f.start, "end": f.end})
        if not _BORN.search(body, max(0, f.start - 30), f.start):  # a birth date is no time of the story
            ctx.remember(res, bool(_said_before().search(body, max(0, f.start - 160), f.start)))
        if (
            res["precision"] == "day"
            and res["value"]
            and anchor.day
            and not future
            and res["type"] in ("date", "relative")
            and dt.date.fromisoformat(res["value"][:10]) > anchor.day + dt.timedelta(days=FUTURE_SLACK_DAYS)
        ):
            res["flags"].append("after_publication")
        out.append({k: res[k] for k in ("text", "start", "end", "type", "value", "precision", "flags")})
        found.append((f, future))
    _glossed(body, out)
    _clock_before_day(body, out)
    _reanchor_quoted(body, out, found, anchor)
    return _ordinal_days(body, _join_ranges(body, out))


_ORDINAL_DAY = re.compile(
    rf"\bhari\s+(?:pertama|ke(?P<n>{_alt(w for w, n in _NUM_WORDS.items() if float(n).is_integer() and 2 <= n <= 10)}))\b",
    re.IGNORECASE,
)
_DAY_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _ordinal_days(body: str, out: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """ "hari kedua" (the second day of a festival, a session, a streak) is dated by a day told beside it
    in its sentence ("pada hari pertama, 28 September 2019" is one expression; "hari ketiga berturut-turut
    pada … Senin (9/9/2019)"; "hari kedua setelah …" that day counted on), else counted from the first day
    of a span of dates told before it ("3 sampai 4 Agustus … di hari kedua" is 4 August); with neither it
    is no expression (the day it counts from is rarely the last day told)."""
    added: list[dict[str, Any]] = []
    for m in _ORDINAL_DAY.finditer(body):
        if any(t["start"] <= m.start() < t["end"] for t in out):
            continue
        n = int(_NUM_WORDS[m.group("n").lower()]) if m.group("n") else 1
        stop = re.search(r"[.!?](?:\s|$)|\n", body[m.end() :])
        sent_end = m.end() + (stop.start() if stop else len(body) - m.end())
        beside = next(
            (
                t
                for t in out
                if m.end() <= t["start"] < min(sent_end, m.end() + 90)
                and _DAY_ONLY.fullmatch(t["value"] or "")
            ),
            None,
        )
        if beside is not None:
            if re.fullmatch(r"\s*,\s*", body[m.end() : beside["start"]]):  # "hari pertama, 28 September 2019"
                beside.update(text=body[m.start() : beside["end"]], start=m.start())
                continue
            value = beside["value"]
            if re.match(r"\s+(?:setelah|sesudah|sejak)\b", body[m.end() : beside["start"]]):
                # "hari kedua setelah mengonsumsi MBG di hari Selasa": the day after that Tuesday
                value = (dt.date.fromisoformat(value) + dt.timedelta(days=n - 1)).isoformat()
        else:
            # a span of dates ("6-10 Oktober 2025"), not of weekdays ("setiap Senin hingga Jumat")
            spans = [
                t
                for t in out
                if t["end"] <= m.start()
                and t["type"] == "interval"
                and re.search(r"\d", t["text"])
                and re.fullmatch(r"[\d-]{10}/[\d-]{10}", t["value"] or "")
            ]
            if not spans:
                continue
            first, last = (dt.date.fromisoformat(v) for v in spans[-1]["value"].split("/"))
            day = first + dt.timedelta(days=n - 1)
            if day > last:
                continue
            value = day.isoformat()
        added.append({"text": m.group(), "start": m.start(), "end": m.end(), "type": "date", "value": value,
                      "precision": "day", "flags": ["ordinal_day"]})  # fmt: skip
    return sorted(out + added, key=lambda t: t["start"])


_PRECISION_CHARS = {"year": 4, "month": 7, "day": 10}


def _glossed(body: str, out: list[dict[str, Any]]) -> None:
    """A relative expression glossed by a date in brackets right after it takes the date's value at its
    own precision: "periode yang sama tahun sebelumnya (Maret 2024)" is 2024, whatever year was told last;
    "Besok (hari ini)", the editor's gloss in a quote of the day before, is the day of writing."""
    for t, nxt in itertools.pairwise(out):
        cut = _PRECISION_CHARS.get(t["precision"])
        if (
            t["type"] == "relative"
            and cut
            and nxt["type"] in ("date", "relative")
            and nxt["value"]
            and len(nxt["value"]) >= cut
            and re.fullmatch(r"\s*\(\s*", body[t["end"] : nxt["start"]])
            and re.match(r"\s*\)", body[nxt["end"] :])
        ):
            t["value"] = nxt["value"][:cut]
        elif (
            t["type"] == "relative"
            and t["precision"] in ("day", "week")
            and nxt["type"] == "date"
            and nxt["precision"] == "day"
            and nxt["value"]
            and re.search(r"\d", nxt["text"])
            and _APPOSED.fullmatch(body, t["end"], nxt["start"])
        ):
            t["value"], t["precision"] = nxt["value"], "day"  # "Keesokan harinya, pada 30 Agustus 2019"


#: Between a relative day and the date that spells it out: "keesokan harinya, pada 30 Agustus 2019",
#: "akhir pekan kemarin, Minggu (8/9/2019)", "keesokan harinya yakni Sabtu (21/9)".
_APPOSED = re.compile(r"\s*,?\s*(?:(?:pada|yakni|yaitu|tepatnya)\s+)?(?:hari\s+)?", re.IGNORECASE)
_THEN_DAY = re.compile(r"\s*,?\s*(?:pada\s+)?(?:hari\s+)?", re.IGNORECASE)


def _clock_before_day(body: str, out: list[dict[str, Any]]) -> None:
    """A clock time written before its day ("pukul 10.00 pagi pada hari Jumat (25/10/2019)") is on that day,
    not on the day told before it or the day of publication."""
    for t, nxt in itertools.pairwise(out):
        if (
            t["type"] == "time"
            and t["value"]
            and nxt["type"] == "date"
            and nxt["precision"] == "day"
            and nxt["value"]
            and _THEN_DAY.fullmatch(body[t["end"] : nxt["start"]])
        ):
            t["value"] = nxt["value"][:10] + t["value"][10:]


_WEEK_AGO = re.compile(r"\b(?:pekan|minggu)\s+lalu\b", re.IGNORECASE)


def _year_count(m: re.Match[str]) -> bool:
    """A count that is a year printed before a unit of time other than years ("(29/8/2025) hari ini")."""
    n = _num(m.group("n"))
    return n is not None and 1900 <= n <= 2100 and (m.group("unit") or "").lower() != "tahun"


_ONE_MONTH = re.compile(rf"(?:bulan\s+)?{_M}", re.IGNORECASE)


def _two_months(m: re.Match[str]) -> Found:
    """ "Juni dan Juli" is a span of two months, "Oktober dan Desember" two months apart: the first is then
    read alone (the second, with what follows it, "Desember mendatang", is found by its own rule), unless
    a year closes both ("Mei dan Juli 2025": the span they bound)."""
    m1, m2 = _month(m.group("m1")), _month(m.group("month"))
    joiner = m.string[m.end("m1") : m.start("month")].strip().lower()
    if joiner != "dan" or m2 == m1 % 12 + 1 or m.group("y"):
        return Found("month_range", m.start(), m.end(), m)
    first = _ONE_MONTH.match(m.string, m.start(), m.end("m1"))
    assert first is not None
    return Found("month", first.start(), first.end(), first)


#: What joins the two ends of a range of dates: "19 Oktober 2025 hingga 8 Desember 2025", "12 Agustus-6 September".
_RANGE_JOIN = re.compile(
    r"\s*(?:hingga|sampai(?:\s+dengan)?|s\.?d\.?|-|–|—)\s*(?:(?:hari\s+)?\w+,\s*)?(?:(?:tanggal|tgl\.?)\s+)?",
    re.IGNORECASE,
)
#: Days listed before their month: "5, 6, 7, 8 Juni" (the last of them is the date found).
_DAY_LIST = re.compile(r"(?<![\d/.])(\d{1,2})(?:\s*,\s*\d{1,2})*(?:\s*,\s*|\s*,?\s+(?:dan|atau)\s+|\s*&\s*)$")
#: What lists months or years: "Januari, Februari, Maret", "Juli, Agustus dan September", "2011 dan 2014".
_LIST_JOIN = re.compile(r"\s*,\s*(?:(?:dan|atau)\s+)?|\s+(?:dan|atau)\s+", re.IGNORECASE)
_BETWEEN = re.compile(r"\bantara\s+(?:tahun\s+)?$", re.IGNORECASE)


def _join_ranges(body: str, out: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Two dates of a day joined as a range become one interval; days listed before one month
    ("5, 6, 7, 8 Juni") become the interval from the first to the last."""
    joined: list[dict[str, Any]] = []
    for t in out:
        prev = joined[-1] if joined else None
        same_grain = prev is not None and (
            (_is_day(prev) and _is_day(t) and not _DAY_PART_END.search(t["text"]))
            or (_is_month(prev) and _is_month(t))
        )
        if prev is not None and same_grain and _RANGE_JOIN.fullmatch(body[prev["end"] : t["start"]]):
            n = 10 if _is_day(t) else 7
            first, last = prev["value"][:n], t["value"][:n]
            if not _YEAR_IN.search(prev["text"]) and _YEAR_IN.search(t["text"]):
                # "16 September hingga 3 Oktober 2020": the first date takes the year written after it
                year = int(last[:4]) - (first[5:] > last[5:])
                first = f"{year}{first[4:]}"
            if first < last:
                joined[-1] = {**prev, "text": body[prev["start"] : t["end"]], "end": t["end"], "type": "interval",
                              "value": f"{first}/{last}", "flags": prev["flags"] + t["flags"]}  # fmt: skip
                continue
        if (
            prev is not None
            and _LIST_JOIN.fullmatch(body[prev["end"] : t["start"]])
            and _lists(body, prev, t)
        ):
            # consecutive months listed ("Juli, Agustus dan September") or two years "antara 2011 dan 2014":
            # the span from the first to the last
            first = prev["value"].split("/")[0]
            joined[-1] = {**prev, "text": body[prev["start"] : t["end"]], "end": t["end"], "type": "interval",
                          "value": f"{first}/{t['value']}", "flags": prev["flags"] + t["flags"]}  # fmt: skip
            continue
        days = (
            _DAY_LIST.search(body[max(0, t["start"] - 40) : t["start"]])
            if _is_day(t) and t["text"][:1].isdigit()
            else None
        )
        if days is not None and int(days.group(1)) < int(t["value"][8:10]):
            start = t["start"] - len(days.group(0))
            first = f"{t['value'][:8]}{int(days.group(1)):02d}"
            t = {
                **t,
                "text": body[start : t["end"]],
                "start": start,
                "type": "interval",
                "value": f"{first}/{t['value'][:10]}",
            }
        joined.append(t)
    return joined


_YEAR_IN = re.compile(rf"(?<!\d){_YEAR}(?!\d)")
#: A part of a day closing a range ("Minggu (19/10) sore hingga siang ini"): two times, not a span of days.
_DAY_PART_END = re.compile(
    r"\b(?:pagi|siang|sore|petang|malam)(?:\s+(?:hari\s+)?(?:ini|tadi|itu))?$", re.IGNORECASE
)


def _lists(body: str, prev: dict[str, Any], t: dict[str, Any]) -> bool:
    """``t`` continues a list that ``prev`` (a month, a year, or a listed span of them) opens."""
    last = (prev.get("value") or "").split("/")[-1]
    v = t.get("value") or ""
    if "in_name" in prev["flags"] or "in_name" in t["flags"] or t["type"] not in ("date", "relative"):
        return False
    if t["precision"] == "month" and len(v) == 7 and re.fullmatch(r"\d{4}-\d\d", last):
        y, m = int(last[:4]), int(last[5:])
        return v == (f"{y}-{m + 1:02d}" if m < 12 else f"{y + 1}-01")
    if t["precision"] == "year" and re.fullmatch(r"\d{4}", v) and re.fullmatch(r"\d{4}", last):
        between = prev["type"] != "interval" and _BETWEEN.search(
            body[max(0, prev["start"] - 16) : prev["start"]]
        )
        return between is not None and int(v) > int(last)  # years listed ("2023 dan 2024") stay apart
    return False


def _is_month(t: dict[str, Any]) -> bool:
    return (
        t["precision"] == "month"
        and bool(t.get("value"))
        and len(t["value"]) == 7
        and t["type"] != "interval"
    )


def _is_day(t: dict[str, Any]) -> bool:
    return (
        t["precision"] == "day"
        and t["type"] in ("date", "relative")
        and bool(t["value"])
        and len(t["value"]) == 10
    )


_QUOTE_MARKS = re.compile(r"[\"“”]")


def _reanchor_quoted(
    body: str, out: list[dict[str, Any]], found: list[tuple[Found, bool]], anchor: Anchor
) -> None:
    """A relative expression inside a quotation ("Kemarin kami …") is resolved against the date the
    quote was given on when its paragraph says so after the quote ('…," kata X, Senin (5/5/2025)')."""
    for i, t in enumerate(out):
        if t["type"] != "relative" or t["precision"] not in ("day", "week"):
            continue
        p0 = body.rfind("\n", 0, t["start"]) + 1
        p1 = body.find("\n", t["end"])
        p1 = len(body) if p1 < 0 else p1
        if len(_QUOTE_MARKS.findall(body, p0, t["start"])) % 2 == 0:
            continue  # not inside a quotation
        close = _QUOTE_MARKS.search(body, t["end"], p1)
        if close is None:
            continue
        said = next((u for u in out if close.end() <= u["start"] < p1 and u["type"] == "date" and u["precision"] == "day"
                     and u["value"] and not u["flags"]), None)  # fmt: skip
        if said is None and _BARE_CUE.match(body, close.end()):
            said = _said_earlier(body, out, t["start"])
        if said is None:
            continue
        f, future = found[i]
        res = _normalise(
            f,
            Anchor(dt.date.fromisoformat(said["value"]), anchor.tz, anchor.war_start),
            future,
            Context(),
            body,
        )
        if res and res["value"]:
            t["value"] = res["value"]
            t["flags"] = [x for x in t["flags"] if x != "after_publication"] + ["quote_date"]


#: A quotation closed by a cue alone ('…," ucapnya.'): the speaker goes on, with no new date of saying.
_BARE_CUE = re.compile(
    r"\s*,?\s*[\"“”]?\s*(?:\w+nya|kata\s+(?:dia|ia|beliau))\s*[.!]?\s*(?:\n|$)", re.IGNORECASE
)


def _said_earlier(body: str, out: list[dict[str, Any]], at: int) -> dict[str, Any] | None:
    """The day a speaker was quoted on a few paragraphs before ('…," kata Bobby …, Selasa (21/10/2025).'),
    when no other day is told between: a later quotation of that speaker closed by a bare "ucapnya" was
    said the same day."""
    days = [
        u for u in out if u["end"] <= at and u["precision"] == "day" and u["value"] and u["type"] == "date"
    ]
    if not days or days[-1]["flags"] or body.count("\n\n", days[-1]["end"], at) > 3:
        return None
    u = days[-1]
    return u if _said_before().search(body, max(0, u["start"] - 160), u["start"]) else None


#: A day named this many paragraphs back, within this many days of publication, is still the one narrated.
NARRATION_PARAGRAPHS = 5
NARRATION_DAYS = 7


@dataclass
class Context:
    """What the text last dated, for anaphoric expressions ("bulan sebelumnya", "sehari setelahnya") and
    clock times ("pukul 14.00 WIB" on the day the paragraph narrates)."""

    paragraph: int = 0
    day: dt.date | None = None
    day_paragraph: int = -1
    #: the last day narrated, leaving out the days statements were made on ('…," kata X, Selasa (7/10)')
    story_day: dt.date | None = None
    month: tuple[int, int] | None = None
    year: int | None = None

    def remember(self, res: dict[str, Any], said: bool = False) -> None:
        v = res["value"]
        if not v or res["type"] not in ("date", "relative") or "in_name" in res["flags"]:
            return
        if res["precision"] == "day":
            self.day, self.day_paragraph = dt.date.fromisoformat(v[:10]), self.paragraph
            if not said:
                self.story_day = self.day
        if res["precision"] in ("day", "month") and re.match(r"\d{4}-\d\d", v):
            self.month = (int(v[:4]), int(v[5:7]))
        if re.match(r"\d{4}", v):
            self.year = int(v[:4])

    def day_here(self, published: dt.date | None = None) -> dt.date | None:
        """The day this paragraph narrates: one dated in it, or one of the last few paragraphs when that
        is a day of the story's week (a story told over several paragraphs of the day before
        publication); an older date named a few paragraphs back is background, not the narration."""
        if self.day is None or self.paragraph < self.day_paragraph:
            return None
        if self.paragraph == self.day_paragraph:
            return self.day
        recent = published is not None and abs((self.day - published).days) <= NARRATION_DAYS
        return self.day if recent and self.paragraph - self.day_paragraph <= NARRATION_PARAGRAPHS else None


#: What stands before the date a statement was made on: '…," kata Rindra saat dikonfirmasi detikSumut, '.
#: The cue words are the quotes lexicon's post-quote cues ("kata", "ujarnya", …).
_ASKED = r"\b(?:dikonfirmasi|dihubungi|diwawancarai|ditemui|keterangan(?:nya)?\s+tertulis)\b"


@lru_cache(maxsize=1)
def _said_before() -> re.Pattern[str]:
    cue = lexicon().post_cue.pattern
    return re.compile(
        rf"(?:{cue}|{_ASKED})" + r"[^.!?\n\"“”]{0,120},\s*(?:pada\s+)?(?:hari\s+)?$", re.IGNORECASE
    )


def _clause(body: str, start: int, end: int) -> str:
    """The clause around an expression: from the last comma, quotation mark or sentence end before it to
    the next one after it, or to a speech verb or "bahwa" after it (so that "akan" inside a quote or in what
    was said, "pada Jumat pagi mengatakan pembebasan itu akan diselidiki", does not make it future)."""
    before = body[max(0, start - 200) : start]
    cut = max(before.rfind(c) for c in (",", ". ", "\n", '"', "“", "”", ";"))
    after = body[end : end + 200]
    stops = [i for i in (after.find(c) for c in (",", ". ", "\n", '"', "“", "”", ";")) if i >= 0]
    said = lexicon().verb.search(after) or re.search(r"\bbahwa\b", after)
    if said:
        stops.append(said.start())
    return before[cut + 1 :] + body[start:end] + after[: min(stops) if stops else len(after)]


#: Before a date of birth in a person's epithet ("pria kelahiran 15 Agustus 1983"); "Esemka pertama kali
#: lahir pada 2007" is a story's date and stays one.
_BORN = re.compile(r"\bkelahiran\s+$", re.IGNORECASE)


#: What stands right before a clock time with no "pukul" for it to be one: a day and month ("25 April ").
_DATE_BEFORE = re.compile(rf"\b\d{{1,2}}\s+{_M}(?:\s+(?:19|20)\d\d)?,?\s+$", re.IGNORECASE)


#: "tahun depan" / "tahun lalu" earlier in the sentence: the year its bare dates fall in ("pada tahun depan
#: mereka tampil di Bangkok (11 Januari), Manila (25 Januari)").
_YEAR_WORD_BEFORE = re.compile(
    r"\btahun\s+(depan|lalu|mendatang|kemarin|ini)\b(?![^.!?\n]*\btahun\b)", re.IGNORECASE
)


def _sentence_year(body: str, start: int, anchor: dt.date) -> int | None:
    before = body[max(0, start - 300) : start]
    cut = max(before.rfind(". "), before.rfind("\n"), before.rfind("? "), before.rfind("! "))
    m = _YEAR_WORD_BEFORE.search(before, cut + 1)
    return anchor.year + _REL_SHIFT.get(m[1].lower(), 0) if m else None


def _num(text: str | None) -> float | None:
    if text is None:
        return None
    t = re.sub(r"\s*\(.*\)$", "", text.lower().strip())  # "24 (dua puluh empat)"
    if t in _NUM_WORDS:
        return _NUM_WORDS[t]
    try:
        return float(t.replace(",", "."))
    except ValueError:
        return None


def _quarter(text: str | None) -> int | None:
    if not text:
        return None
    t = text.lower()
    return _ROMAN.get(t) or _vocab()["ordinals"].get(t) or _vocab()["ordinals"].get(text)


def _month(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


def _year(y: str | None) -> int | None:
    if not y:
        return None
    n = int(y)
    return n + 2000 if n < 100 else n


def _date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


#: Before a half-year with no year: one of the calendar ("masa-masa di semester II dan akhir tahun"),
#: not of study or play ("mahasiswa semester dua", "di paruh pertama laga").
_HALF_OF_YEAR = re.compile(r"(?i)(?<!\w)(?:di|pada|hingga|sampai|selama|sepanjang)\s+$")
_STUDY_OR_PLAY = re.compile(
    r"(?i)\b(?:siswa|mahasiswa|kuliah|kelas|sekolah|laga|babak|pertandingan|latihan|ujian)\b"
)


def _typo_fix(
    d: dt.date, weekday: int, anchor: dt.date | None, said: bool = False, future: bool = False
) -> dt.date | None:
    """A weekday that disagrees with its date is a typo in the date. A statement dated (up to 45 days) after
    publication was made on the weekday's last day before it ('ujar X ketika dihubungi, Kamis (19/9/2025)'
    out on Thursday the 11th). The month mistyped: the one date within 45 days of publication with the
    same day of the month and that weekday, if there is exactly one and it lies nearer publication
    ("Kamis (19/8)" in a story of 20 September is Thursday the 19th; "Rabu (18/9/2018)" in a 2019
    article). Near publication, the day mistyped: the weekday nearest the printed date ("Selasa
    (19/9/2019)" is Tuesday the 17th, "Senin (13/10)" Monday the 14th), unless that is past and the
    clause speaks of the future ("akan digelar Selasa (19/9/2019)" out on the 18th keeps its date). A date
    after publication whose weekday fits only one year differing from it in one digit, before publication,
    has that year ("Senin (12/11/2028)" in 2025 is Monday 12 November 2018)."""
    if anchor is None:
        return None
    if said and 0 < (d - anchor).days <= 45:
        return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)
    near = [anchor + dt.timedelta(days=k) for k in range(-45, 46)]
    fits = [x for x in near if x.day == d.day and x.weekday() == weekday]
    if len(fits) == 1 and abs((fits[0] - anchor).days) < abs((d - anchor).days):
        return fits[0]
    if abs((d - anchor).days) <= 45:
        near_day = d + dt.timedelta(days=(weekday - d.weekday() + 3) % 7 - 3)
        return None if future and near_day < anchor else near_day  # what is still to come keeps its date
    if len(fits) == 1:
        return fits[0]
    if d > anchor:  # "Senin (12/11/2028)" in a 2025 article: one digit of the year mistyped (Monday in 2018)
        years = {int(f"{d.year}"[:i] + c + f"{d.year}"[i + 1 :]) for i in range(4) for c in "0123456789"}
        past = [x for y in sorted(years) if 1900 < y <= anchor.year and (x := _date(y, d.month, d.day)) is not None
                and x <= anchor and x.weekday() == weekday]  # fmt: skip
        return past[0] if len(past) == 1 else None
    return None


def _infer_year(month: int, day: int | None, anchor: dt.date, future: bool, even: bool = False) -> int:
    """The year that puts month/day nearest publication, a date after it counting eight times its distance
    unless the clause speaks of the future ("akan", "mendatang"), then one before it counting so; with
    ``even``, both ways count the same."""

    def cost(y: int) -> float:
        d = _date(y, month, min(day or 15, 28)) or dt.date(y, month, 1)
        gap = (d - anchor).days
        if day is None:  # a month: its whole span counts as now
            start, end = dt.date(y, month, 1), dt.date(y + (month == 12), month % 12 + 1, 1)
            gap = 0 if start <= anchor < end else gap
        ahead = gap > 0
        return abs(gap) * (8 if ahead != future and gap != 0 and not even else 1)

    return min((anchor.year - 1, anchor.year, anchor.year + 1), key=cost)


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _res(type_: str, value: str | None, precision: str, *flags: str) -> dict[str, Any]:
    return {"type": type_, "value": value, "precision": precision, "flags": list(flags)}


def _normalise(f: Found, a: Anchor, future: bool, ctx: Context, body: str) -> dict[str, Any] | None:
    g = f.m.groupdict()
    r = f.rule
    A = a.day
    if r == "mdy":  # an English date ("January 13, 2023"): dateparser reads it
        import dateparser

        parsed = dateparser.parse(f.m.group(), languages=["en", "id"], settings={"STRICT_PARSING": True})
        return (
            _res("date", parsed.date().isoformat(), "day")
            if parsed
            else _res("date", None, "day", "impossible_date")
        )
    if r == "holiday":  # "Lebaran tahun ini": the holiday of the year the words give
        rel = (g.get("rel") or "").lower()
        year = _year(g.get("y")) or (A.year + _REL_SHIFT.get(rel, 0) if A and rel else None)
        return _holiday(g["h"].lower(), year, A, future)
    if r == "new_year":
        return _res("date", f"{g['y']}-01-01", "day")
    if r == "season":
        if g.get("fast") and not f.m.group().lower().startswith("bulan"):
            before = re.search(r"(\S+)\s*$", body[max(0, f.start - 30) : f.start])
            after = body[f.end : f.end + 2].strip()
            named = before and before.group(1)[:1].isupper() and before.group(1)[-1] not in ",.;:"
            if named or after[:1].isupper():
                return None  # "Muhammad Ramadhan", "Ramadhan Sebayang": a name
        return _season(bool(g.get("xmas")), _year(g.get("y")), A, future)
    if r == "day_of_month":
        if ctx.month is None and A is None:
            return _res("date", None, "day", "no_anchor")
        y, m = ctx.month or (A.year, A.month)  # type: ignore[union-attr]
        d = _date(y, m, int(g["d"]))
        return _res("date", d.isoformat(), "day") if d else _res("date", None, "day", "impossible_date")
    if r == "day_part":
        text = f.m.group().lower()
        if not (
            g.get("rel")
            or g.get("midnight")
            or g.get("that")
            or "hari" in text
            or text.startswith("malam tadi")
        ):
            return None  # a bare "pagi" or "malam" is too often not a time of this story
        if text.startswith("malam tadi") or (g.get("rel") == "tadi" and "malam" in text):
            base = A - dt.timedelta(days=1) if A else None
        elif (g.get("rel") or "").lower() in ("ini", "tadi"):
            base = A  # "siang ini", "pagi tadi": the day of writing, whatever day the paragraph told before
        else:
            base = ctx.day_here(A) or A
        return (
            _res("relative", base.isoformat(), "day") if base else _res("relative", None, "day", "no_anchor")
        )
    if r == "md_range" and int(g["d1"]) >= int(g["d"]):
        return None  # "Juni 2-1" is no span
    if r in ("wd_date", "wd_dmy", "numeric_date", "dmy", "day_range", "md_range", "bracket_date"):
        month = int(g["m"]) if g.get("m") else _month(g["month"])
        day = int(g["d"])
        year = _year(g.get("y"))
        if year is None:
            if A is None:
                return _res("date", None, "day", "no_anchor")
            year = _sentence_year(body, f.start, A) or _infer_year(
                month, day, A, future or g.get("rel") in ("besok", "mendatang")
            )
        d = _date(year, month, day)
        if d is None:
            return _res("date", None, "day", "impossible_date")
        flags = []
        if g.get("wd") and WEEKDAYS[g["wd"].lower()] != d.weekday():
            flags.append("weekday_mismatch")
            said = bool(_said_before().search(body, max(0, f.start - 160), f.start))
            fixed = _typo_fix(d, WEEKDAYS[g["wd"].lower()], A, said, future)
            if fixed is not None:
                d = fixed
                flags.append("corrected")
        if r in ("day_range", "md_range"):
            d1 = _date(year, month, int(g["d1"]))
            return _res("interval", f"{d1}/{d}" if d1 else None, "day", *([] if d1 else ["impossible_date"]))
        return _res("date", d.isoformat(), "day", *flags)
    if r == "week_of_month":
        month = _month(g["month"])
        year = _year(g.get("y")) or (_infer_year(month, None, A, future) if A else None)
        if year is None:
            return _res("date", None, "week", "no_anchor")
        n = g["n"].lower()
        if n == "terakhir":
            last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
            day = last - 3
        else:
            day = min(7 * ((int(n) if n.isdigit() else _vocab()["ordinals"][n]) - 1) + 4, 28)
        return _res("date", _week(dt.date(year, month, day)), "week")
    if r == "month_year_range":  # "Mei 2021-Desember 2022"
        return _res("interval", f"{g['y1']}-{_month(g['m1']):02d}/{g['y']}-{_month(g['month']):02d}", "month")
    if r in ("month_range", "month_list"):
        m1, m2 = _month(g["m1"]), _month(g["month"])
        year = _year(g.get("y")) or (_infer_year(m1, None, A, future) if A else None)
        if year is None:
            return _res("interval", None, "month", "no_anchor")
        if m2 < m1:  # "November hingga Februari": the span runs into the next year
            if g.get("y"):
                return _res("interval", f"{year - 1}-{m1:02d}/{year}-{m2:02d}", "month")
            return _res("interval", f"{year}-{m1:02d}/{year + 1}-{m2:02d}", "month")
        return _res("interval", f"{year}-{m1:02d}/{year}-{m2:02d}", "month")
    if r in ("month_rel", "month_year", "month", "month_alone"):
        month = _month(g["month"])
        year = _year(g.get("y"))
        rel = (g.get("rel") or "").lower()
        if year is None:
            if A is None:
                return _res("date", None, "month", "no_anchor")
            if rel == "tahun lalu":
                year = A.year - 1
            elif rel == "tahun depan":
                year = A.year + 1
            elif rel in ("tahun ini", "ini"):
                year = A.year
            else:  # "sampai Januari" may reach forward as well as back
                until = re.match(r"(?i)(?:hingga|sampai)\b", f.m.group()) or re.search(
                    r"(?i)\b(?:hingga|sampai)\s+$", body[max(0, f.start - 10) : f.start]
                )  # ("hingga pertengahan Oktober")
                ahead = (future and rel not in ("lalu", "kemarin")) or rel in ("mendatang", "depan")
                year = _infer_year(
                    month, None, A, ahead, even=bool(until)
                )  # "Juni lalu" is past, whatever the clause
        return _res("relative" if rel else "date", f"{year}-{month:02d}", "month")
    if r == "clock_dated" and not _DATE_BEFORE.search(body, max(0, f.start - 30), f.start):
        return None
    if r in ("time", "clock", "clock_dated"):
        h = int(g["h"]) if g.get("h") else int(_NUM_WORDS[g["hw"].lower()])
        mi = int(g["mi"]) if g.get("mi") else None
        part = (g.get("part") or "").lower()
        if (part == "sore" and h < 12) or (part == "malam" and 5 < h < 12) or (part == "siang" and h < 11):
            h += 12  # "pukul satu siang" 13, "pukul 10 malam" 22, "pukul 11 siang" 11
        midnight = part == "malam" and h == 12  # "pukul 12 malam": the midnight that ends the day

        if h > 24 or (mi is not None and mi > 59):
            return None
        told = None if g.get("today") else ctx.day_here(A)  # "jam 03.00 pagi tadi": the day of writing
        day = told or A
        if (
            not g.get("today")
            and told is None
            and A is not None
            and a.clock is not None
            and not future
            and (h, mi or 0) > (a.clock.hour + 1, a.clock.minute)
        ):
            # "Hingga pukul 21.45 WIB, air mulai surut" in a story out at 08:54 that told of "Selasa (21/10)"
            # sore: that evening, not one still to come (with no such day told, it stays on the publication day)
            back = ctx.story_day
            day = back if back is not None and 0 < (A - back).days <= 2 else day
        tz = TIMEZONES.get((g.get("tz") or g.get("tz2") or "").lower(), "")
        if midnight and day is not None:
            h, day = 0, day + dt.timedelta(days=1)
        if day is None:
            return _res("time", None, "minute" if mi is not None else "hour", "no_anchor")
        if mi is None:
            return _res("time", f"{day.isoformat()}T{h:02d}{tz}", "hour")
        return _res("time", f"{day.isoformat()}T{h:02d}:{mi:02d}{tz}", "minute")
    if r == "quarter":
        q, q2 = _quarter(g["q"]), _quarter(g.get("q2"))
        if not q or (g.get("q2") and not (q2 and q2 > q)):
            return None
        kind = g["kind"].lower()
        half = kind in ("semester", "paruh")
        if half and (
            max(q, q2 or 0) > 2
            or not (
                g.get("y")
                or g.get("rel")
                or (
                    kind == "semester"
                    and _HALF_OF_YEAR.search(body, max(0, f.start - 12), f.start)
                    and not _STUDY_OR_PLAY.search(body, max(0, f.start - 50), f.end + 40)
                )
            )
        ):
            return None  # "mahasiswa semester dua" is a term of study, "paruh pertama" a match's half
        rel = (g.get("rel") or "").lower()
        year = _year(g.get("y")) or (
            A.year - 1
            if A and "lalu" in rel
            else A.year + 1
            if A and "depan" in rel
            else A.year
            if A
            else None
        )
        if half:  # "semester pertama 2019", "paruh pertama tahun 2026": the months of that half-year
            if year is None:
                return _res("interval", None, "month", "no_anchor")
            return _res("interval", f"{year}-{6 * q - 5:02d}/{year}-{6 * (q2 or q):02d}", "month")
        if year is None:
            return _res("date", None, "quarter", "no_anchor")
        if q2:  # "kuartal III atau IV ini": either quarter, written as the span of both
            return _res("interval", f"{year}-Q{q}/{year}-Q{q2}", "quarter")
        return _res("date", f"{year}-Q{q}", "quarter")
    if r == "year_range":
        return _res("interval", f"{g['y1']}/{g['y']}", "year")
    if r in ("year", "old_year", "hijri_year"):
        flags = ["in_name"] if _IN_NAME.search(body[max(0, f.start - 25) : f.end]) else []
        return _res("date", g["y"], "year", *flags)
    if r == "war_day":
        if a.war_start is None:
            return None
        d = a.war_start + dt.timedelta(days=int(g["n"]) - 1)
        return _res("date", d.isoformat(), "day", "war_day")
    if r == "war_start":
        return _war_start(g)
    if r == "vague":
        return _res("relative", None, "none")
    if r == "vague_count":  # "beberapa hari lalu", "berminggu-minggu": no value to give
        text = f.m.group().lower()
        counted = text.startswith("ber") or text.split()[-1] in (
            "jam",
            "hari",
            "pekan",
            "minggu",
            "bulan",
            "tahun",
        )
        return _res("duration" if counted else "relative", None, "none")
    if r == "first_months":  # "tiga bulan pertama tahun ini" is the first quarter
        n = _num(g["n"])
        rel = (g.get("rel") or "").lower()
        year = _year(g.get("y")) or (A.year - (rel == "lalu") if A else None)
        if n is None or not 1 <= n <= 12 or year is None:
            return None
        first = g["edge"].lower() == "pertama"
        lo, hi = (1, int(n)) if first else (13 - int(n), 12)
        if int(n) == 3:
            return _res("date", f"{year}-Q{1 if first else 4}", "quarter")
        return _res("interval", f"{year}-{lo:02d}/{year}-{hi:02d}", "month")
    if r == "n_ago":  # "3 tahun lalu", "setahun kemudian"
        n = 1 if g.get("one") else _num(g["n"])
        unit = (
            _vocab()["one_units"][g["one"].lower()] if g.get("one") else _vocab()["units"][g["unit"].lower()]
        )
        direction = g["dir"].lower()
        if n is None:
            return None
        if direction in ("terakhir", "mendatang", "ke depan") or direction.startswith("belakangan"):
            # "3 tahun mendatang": for the next three years; "satu tahun belakangan ini": the last one
            return _res("duration", _duration(n, unit), _unit_precision(unit))
        sign = -1 if ("lalu" in direction or direction == "sebelumnya") else 1
        told = direction in ("sebelumnya", "kemudian", "setelahnya")  # counted from the time just told
        base = (_told(ctx, unit) or A) if told else A
        if told and unit in ("S", "MIN", "H"):  # "15 menit kemudian": the time it counts from is rarely told
            return _res("duration", _duration(n, unit), _unit_precision(unit))
        if base is None:
            return _res("relative", None, _unit_precision(unit), "no_anchor")
        res = _shift(base, unit, sign * n)
        n2 = _num(g.get("n2"))
        if n2 is not None and res["value"]:  # "10-7 tahun yang lalu": from the farther to the nearer
            other = _shift(base, unit, sign * n2)["value"]
            if other and other != res["value"]:
                return _res("interval", "/".join(sorted((res["value"], other))), res["precision"])
        if (
            told
            and sign > 0
            and A is not None
            and not future
            and res["value"]
            and res["value"][:4] > str(A.year)
        ):
            # "Kini, hampir 100 tahun kemudian" after 1929: the span up to now, not a year still to come
            return _res("duration", _duration(n, unit), _unit_precision(unit))
        return res
    if r == "day_after":
        told = ctx.story_day if ctx.story_day and ctx.day and ctx.story_day <= ctx.day else ctx.day
        base = told or A
        if base is None:
            return _res("relative", None, "day", "no_anchor")
        text = f.m.group().lower()
        shift = 0 if text.endswith(("sama", "juga")) else -1 if "sebelum" in text else 1
        return _res("relative", (base + dt.timedelta(days=shift)).isoformat(), "day")
    if r == "same_period":  # "pada tahun yang sama", "bulan tersebut": the year (month) the text last gave
        unit = "Y" if g["unit"].lower() == "tahun" else "M"
        base = _told(ctx, unit) or A
        if base is None:
            return _res("relative", None, _unit_precision(unit), "no_anchor")
        return _res("relative", str(base.year) if unit == "Y" else f"{base:%Y-%m}", _unit_precision(unit))
    if r == "set":
        unit = _vocab()["units"][g["unit"].lower()]
        n = _num(g.get("n")) or 1
        return _res("set", _duration(n, unit), _unit_precision(unit))
    if r == "duration":
        if _AGE_BEFORE.search(body[max(0, f.start - 12) : f.start]):
            return None
        if g.get("x"):
            return _res("duration", f"PT{int(g['x']) * 24}H", "hour")
        if g.get("one"):
            unit = _vocab()["one_units"][g["one"].lower()]
            return _res("duration", _duration(1, unit), _unit_precision(unit))
        n = _num(g["n"])
        if n is None:
            return None
        unit = _vocab()["units"][g["unit"].lower()]
        value = _duration(n, unit)
        if g.get("unit2"):  # "1 tahun 6 bulan" P1Y6M, "1 jam 30 menit" PT1H30M, "2 hari 12 jam" P2DT12H
            more = _duration(_num(g["n2"]) or 0, _vocab()["units"][g["unit2"].lower()])
            value += more[2:] if value.startswith("PT") and more.startswith("PT") else more[1:]
        return _res("duration", value, _unit_precision(unit))
    if r == "week_rel":
        rel = (g.get("rel") or g.get("rel2") or "").lower()
        if A is None:
            return _res("relative", None, "week", "no_anchor")
        if rel == "terakhir":  # "dalam sepekan terakhir": the seven days up to now
            return _res("duration", "P1W", "week")
        shift = _REL_SHIFT.get(rel, 0)
        if g.get("weekend") and not future and A.weekday() < 4:
            shift = (
                -1
            )  # "akhir pekan" told Monday to Thursday: the weekend just gone (on Friday, the coming one)
        return _res("relative", _week(A + dt.timedelta(weeks=shift)), "week")
    if r == "month_word":
        rel = (g.get("rel") or "").lower()
        if A is None:
            return _res("relative", None, "month", "no_anchor")
        if (
            not rel
        ):  # "Awal bulan akan dibuka oleh …": the month the text is about, if a near one, else this one
            near = (
                ctx.month is not None and abs(ctx.month[0] * 12 + ctx.month[1] - A.year * 12 - A.month) <= 2
            )
            y, m = ctx.month if near and ctx.month else (A.year, A.month)
            return _res("relative", f"{y}-{m:02d}", "month")
        shift = _REL_SHIFT.get(rel, 0)
        base = (ctx.month[0], ctx.month[1]) if rel == "sebelumnya" and ctx.month else (A.year, A.month)
        y, m = divmod(base[0] * 12 + base[1] - 1 + shift, 12)
        return _res("relative", f"{y}-{m + 1:02d}", "month")
    if r == "year_word":
        rel = (g.get("rel") or "ini").lower()
        if A is None:
            return _res("relative", None, "year", "no_anchor")
        shift = _REL_SHIFT.get(rel, 0)
        base_year = ctx.year if rel == "sebelumnya" and ctx.year else A.year
        return _res("relative", str(base_year + shift), "year")
    if r == "day_word":
        w = g["w"].lower().replace("kemaren", "kemarin")  # the spoken form
        if A is None:
            return _res("relative", None, "day", "no_anchor")
        shift = {
            "kemarin": -1,
            "semalam": -1,
            "tadi malam": -1,
            "besok": 1,
            "lusa": 2,
            "kemarin lusa": -2,
            "dini hari nanti": 1,
            "nanti dini hari": 1,
        }.get(w, 0)
        if w == "semalam" and not re.match(r"(?i)semalam\b", body[f.start : f.end]):
            shift = -1
        here = ctx.day_here(A)
        if w in ("semalam", "tadi malam") and here and 1 <= (A - here).days <= 3:
            return _res("relative", here.isoformat(), "day")  # the night of the day being told
        return _res("relative", (A + dt.timedelta(days=shift)).isoformat(), "day")
    if r == "weekday":
        if A is None:
            return _res("relative", None, "day", "no_anchor")
        wd = WEEKDAYS[g["wd"].lower()]
        rel = (g.get("rel") or "").lower()
        text = body[f.start : f.end]
        if (
            g["wd"].lower() == "minggu"
            and not text[:1].isupper()
            and not text.lower().startswith(("hari", "pada"))
            and not (g.get("eve") and g["wd"][:1].isupper())
        ):
            return None  # "minggu" is also "week"
        if g.get("eve"):  # "malam Minggu" is Saturday night, "malam Jumat" Thursday night
            wd = (wd - 1) % 7
        # "Jumat, kemarin" is the Friday just gone, however loosely "kemarin" is used
        ahead = (
            not g.get("past")
            and rel not in ("lalu", "kemarin")
            and (future or rel in ("mendatang", "depan", "besok"))
        )
        if g.get("week"):  # "hari Jumat pekan lalu": that weekday of the week before (or after) this one
            monday = A - dt.timedelta(days=A.weekday())
            weeks = 1 if g["wrel"].lower() in ("depan", "mendatang") else -1
            return _res("relative", (monday + dt.timedelta(weeks=weeks, days=wd)).isoformat(), "day")
        told = _OR_WEEKDAY.search(body, max(0, f.start - 40), f.start)
        # "Selasa (17/9/2019) atau Rabu dini hari WIB": the same night in WIB, the weekday on or after the date
        if told and not rel and not g.get("week"):
            y = _year(told.group("y")) or A.year
            day = _date(y, int(told.group("m")), int(told.group("d")))
            if day is not None:
                return _res(
                    "relative", (day + dt.timedelta(days=(wd - day.weekday()) % 7)).isoformat(), "day"
                )
        delta = (wd - A.weekday()) % 7 if ahead else -((A.weekday() - wd) % 7)
        if delta == 0 and not ahead and not rel and _WEEK_AGO.search(body, max(0, f.start - 400), f.start):
            delta = -7  # "pekan lalu … hari Selasa" out on a Tuesday: last week's
        return _res("relative", (A + dt.timedelta(days=delta)).isoformat(), "day")
    return None


#: A bracketed date and "atau" before a weekday: the same night told in two time zones, the weekday on or
#: after the date ("Selasa (17/9/2019) atau Rabu dini hari WIB").
_OR_WEEKDAY = re.compile(r"\((?P<d>\d{1,2})/(?P<m>\d{1,2})(?:/(?P<y>\d{2,4}))?\)\s+atau\s+$")


def _years_near(year: int | None, anchor: dt.date | None) -> list[int]:
    """The years a yearly date may fall in: the one given, else the years around publication."""
    return [year] if year else ([anchor.year - 1, anchor.year, anchor.year + 1] if anchor else [])


def _nearest(
    spans: list[tuple[dt.date, dt.date]], anchor: dt.date | None, future: bool
) -> tuple[dt.date, dt.date]:
    """The span nearest publication; one on the wrong side (past in future context, or the reverse) counts
    three times as far."""

    def cost(span: tuple[dt.date, dt.date]) -> float:
        if anchor is None or span[0] <= anchor <= span[1]:
            return 0
        gap = (span[0] - anchor).days if span[0] > anchor else (span[1] - anchor).days
        return abs(gap) * (3 if (gap > 0) != future else 1)

    return min(spans, key=cost)


def _holiday(name: str, year: int | None, anchor: dt.date | None, future: bool) -> dict[str, Any]:
    """A holiday's date: given its year, else the occurrence nearest publication (after it in future context)."""
    hol = _vocab()["holidays"]
    name = hol["aliases"].get(name, name)
    dates = []
    for y in _years_near(year, anchor):
        if name in hol["fixed"]:
            dates.append(dt.date.fromisoformat(f"{y}-{hol['fixed'][name]}"))
        elif str(y) in hol["moving"].get(name, {}):
            dates.append(dt.date.fromisoformat(hol["moving"][name][str(y)]))
    if not dates:
        return _res("date", None, "day", "no_anchor")
    day, _ = _nearest([(d, d) for d in dates], anchor, future)
    return _res("date", day.isoformat(), "day")


def _season(xmas: bool, year: int | None, anchor: dt.date | None, future: bool) -> dict[str, Any] | None:
    """Ramadan (to the day before Idul Fitri) or the Christmas-New Year holidays of a year, else the one
    nearest publication (after it in future context)."""
    spans = []
    for y in _years_near(year, anchor):
        if xmas:
            spans.append((dt.date(y, 12, 25), dt.date(y + 1, 1, 1)))
        elif str(y) in _vocab()["ramadan"] and str(y) in _vocab()["holidays"]["moving"]["idul fitri"]:
            fitri = dt.date.fromisoformat(_vocab()["holidays"]["moving"]["idul fitri"][str(y)])
            spans.append((dt.date.fromisoformat(_vocab()["ramadan"][str(y)]), fitri - dt.timedelta(days=1)))
    if not spans:
        return _res("interval", None, "day", "no_anchor")
    lo, hi = _nearest(spans, anchor, future)
    return _res("interval", f"{lo}/{hi}", "day")


def _told(ctx: Context, unit: str) -> dt.date | None:
    """The date an anaphoric count starts from: the last day, month or year the text gave."""
    if unit in ("D", "W") and ctx.day:
        return ctx.day
    if unit == "M" and ctx.month:
        return dt.date(ctx.month[0], ctx.month[1], 1)
    if unit in ("Y", "DEC") and ctx.year:
        return dt.date(ctx.year, 1, 1)
    return None


def _unit_precision(unit: str) -> str:
    return {"S": "second", "MIN": "minute", "H": "hour", "D": "day", "W": "week", "M": "month", "Y": "year",
            "DEC": "decade", "WINDU": "year", "CENT": "year"}[unit]  # fmt: skip


#: Units counted in years: a decade, a windu (eight years), a century.
_YEARS = {"DEC": 10, "WINDU": 8, "CENT": 100}
#: A fractional count in the next smaller unit: "1,5 tahun" is P18M, "2,5 jam" PT150M, "1,5 hari" PT36H.
_SMALLER = {"Y": (12, "M"), "W": (7, "D"), "D": (24, "H"), "H": (60, "MIN"), "MIN": (60, "S")}


def _duration(n: float, unit: str) -> str:
    if not float(n).is_integer() and unit in _SMALLER and float(n * _SMALLER[unit][0]).is_integer():
        factor, smaller = _SMALLER[unit]
        return _duration(n * factor, smaller)
    k = int(n) if float(n).is_integer() else n
    if unit in _YEARS:
        return f"P{int(n * _YEARS[unit])}Y"
    if unit in ("S", "MIN", "H"):
        return f"PT{k}{ {'S': 'S', 'MIN': 'M', 'H': 'H'}[unit] }"
    return f"P{k}{unit}"


def _shift(base: dt.date, unit: str, n: float) -> dict[str, Any]:
    if unit in _YEARS:  # "setengah abad lalu": fifty years ago
        return _shift(base, "Y", n * _YEARS[unit])
    if not float(n).is_integer() and unit in _SMALLER:  # "setengah tahun lalu": six months ago
        factor, smaller = _SMALLER[unit]
        return _shift(base, smaller, n * factor)
    k = int(n)
    if unit == "D":
        return _res("relative", (base + dt.timedelta(days=k)).isoformat(), "day")
    if unit == "W":
        return _res("relative", _week(base + dt.timedelta(weeks=k)), "week")
    if unit == "M":
        y, m = divmod(base.year * 12 + base.month - 1 + k, 12)
        return _res("relative", f"{y}-{m + 1:02d}", "month")
    if unit == "Y":
        return _res("relative", str(base.year + k), "year")
    return _res("relative", None, _unit_precision(unit))
