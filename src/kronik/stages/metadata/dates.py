"""Find printed dates and clock times in a line of an Indonesian page.

Handles the forms outlets print: "Kamis, 5 November 2015 14:56 WIB", "Rabu, 4 November 2015 | 21:04
WIB", "- 3 Juli 2022, 12:36 WIB", "Kamis, 05/11/2015 10:08 WIB", "on 16 Feb 2016 at 09:10 WIB",
"Wednesday, 04 November, 2015 | 07:28 WIB", "Sabtu (14/1/2023)", ISO 8601. Free-form field values
(CSV/JSONL columns) go through :func:`parse_field_date`, which hands unusual forms to dateparser.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kronik.lang.id.calendar import MONTHS, TIMEZONES, WEEKDAYS

_MONTH_ALT = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_WEEKDAY_ALT = "|".join(sorted((re.escape(w) for w in WEEKDAYS), key=len, reverse=True))
_TZ_ALT = "|".join(sorted((re.escape(t) for t in TIMEZONES), key=len, reverse=True))

_WEEKDAY = rf"(?:(?P<wd>{_WEEKDAY_ALT})\.?,?\s*(?:\(\s*)?)?"
# "5 November 2015", "05 Nov. 2015", "04 November, 2015"
_DMY_NAME = rf"(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH_ALT})\.?,?\s+(?P<y1>(?:19|20)\d\d)"
# "February 16, 2016"
_MDY_NAME = rf"(?P<m3>{_MONTH_ALT})\.?\s+(?P<d3>\d{{1,2}}),?\s+(?P<y3>(?:19|20)\d\d)"
# "05/11/2015", "14/1/2023", "5-11-2015"
_DMY_NUM = r"(?P<d2>\d{1,2})[/.-](?P<m2>\d{1,2})[/.-](?P<y2>(?:19|20)\d\d)"
# "2015-11-05"
_ISO = r"(?P<y4>(?:19|20)\d\d)-(?P<m4>\d\d)-(?P<d4>\d\d)"
_TIME = (
    r"(?:\s*(?:\)\s*)?(?:,|\||-|–|@|at|pukul|jam|T)?\s*(?:pukul\s*)?"
    r"(?P<hh>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?!\d)"
    r"(?:\s*(?P<ampm>[ap]\.?m\.?)(?![a-z]))?"
    rf"(?:\s*(?P<tz>{_TZ_ALT})\b|(?P<off>[+-]\d\d:?\d\d|Z))?)?"
)

DATE_RE = re.compile(
    rf"(?<![\w/]){_WEEKDAY}(?:{_DMY_NAME}|{_MDY_NAME}|{_DMY_NUM}|{_ISO})(?!\d){_TIME}",
    re.IGNORECASE,
)


@dataclass
class DateMatch:
    """A date (and maybe a clock time) printed in a text."""

    text: str
    start: int
    end: int
    date: dt.date
    hour: int | None = None
    minute: int | None = None
    offset: str | None = None  # "+07:00", or None when the page names no zone
    weekday_ok: bool | None = None  # None when no weekday was printed

    @property
    def has_time(self) -> bool:
        return self.hour is not None

    def iso(self) -> str:
        """ISO 8601: a date, or a date-time with the page's offset when it gives one."""
        if self.hour is None:
            return self.date.isoformat()
        stamp = f"{self.date.isoformat()}T{self.hour:02d}:{self.minute:02d}:00"
        return stamp + (self.offset or "")


def _to_date(m: re.Match[str]) -> dt.date | None:
    g = m.groupdict()
    try:
        if g["d1"]:
            return dt.date(int(g["y1"]), MONTHS[g["m1"].lower().rstrip(".")], int(g["d1"]))
        if g["d3"]:
            return dt.date(int(g["y3"]), MONTHS[g["m3"].lower().rstrip(".")], int(g["d3"]))
        if g["d2"]:
            return dt.date(int(g["y2"]), int(g["m2"]), int(g["d2"]))
        return dt.date(int(g["y4"]), int(g["m4"]), int(g["d4"]))
    except (ValueError, KeyError):
        return None  # impossible dates such as 31 Februari are not dates


def find_dates(text: str) -> list[DateMatch]:
    """All dates printed in ``text``, in order, each with its clock time and zone when given."""
    found = []
    for m in DATE_RE.finditer(text):
        day = _to_date(m)
        if day is None:
            continue
        g = m.groupdict()
        end = m.end()
        if "(" in m.group(0) and ")" not in m.group(0) and text[end : end + 1] == ")":
            end += 1  # "Sabtu (14/1/2023)": keep the closing bracket in the evidence
        hit = DateMatch(text=text[m.start() : end].strip(" ,|-–"), start=m.start(), end=end, date=day)
        if g["hh"] is not None:
            hit.hour, hit.minute = int(g["hh"]), int(g["mi"])
            if g["ampm"] and hit.hour < 12 and g["ampm"].lower().startswith("p"):
                hit.hour += 12
            elif g["ampm"] and hit.hour == 12 and g["ampm"].lower().startswith("a"):
                hit.hour = 0
            if g["tz"]:
                hit.offset = TIMEZONES[g["tz"].lower()]
            elif g["off"]:
                off = g["off"]
                hit.offset = "+00:00" if off == "Z" else f"{off[:3]}:{off[-2:]}"
        if g["wd"]:
            hit.weekday_ok = WEEKDAYS[g["wd"].lower().rstrip(".")] == day.weekday()
        found.append(hit)
    return found


_FIELD_NUMERIC = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+(\d{1,2}):(\d{2}))?\s*$")


def parse_field_date(value: str, *, month_first: bool = False) -> DateMatch | None:
    """Parse a date given in a CSV/JSONL field: ISO, printed Indonesian forms, or what dateparser reads.

    Args:
        value (str): the field's text.
        month_first (bool): read "10/21/2025" as month/day (US order) when both readings are possible.
    RETURNS (DateMatch | None): the date, or None when nothing can be read.
    """
    value = (value or "").strip()
    if not value:
        return None
    m = _FIELD_NUMERIC.match(value)
    if m:
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        day_, month_ = (b, a) if (month_first and a <= 12) or b > 12 else (a, b)
        try:
            date = dt.date(y, month_, day_)
        except ValueError:
            return None
        hit = DateMatch(text=value, start=0, end=len(value), date=date)
        if m.group(4):
            hit.hour, hit.minute = int(m.group(4)), int(m.group(5))
        return hit
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        parsed = None
    if parsed is not None:
        hit = DateMatch(text=value, start=0, end=len(value), date=parsed.date())
        if "T" in value or ":" in value:
            hit.hour, hit.minute = parsed.hour, parsed.minute
            if (hit.hour, hit.minute) == (0, 0) and parsed.second == 0 and " 00:00:00" in value:
                hit.hour = hit.minute = None  # a spreadsheet's midnight means "no time"
        if parsed.tzinfo is not None:
            off = parsed.strftime("%z")
            hit.offset = f"{off[:3]}:{off[3:]}"
        return hit
    printed = find_dates(value)
    if printed:
        return printed[0]
    return _dateparser(value)


def _dateparser(value: str) -> DateMatch | None:
    import dateparser  # slow to import; only free-form field values need it

    parsed = dateparser.parse(
        value, languages=["id", "en", "ms"], settings={"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first"}
    )
    if parsed is None:
        return None
    hit = DateMatch(text=value, start=0, end=len(value), date=parsed.date())
    if re.search(r"\d[:.]\d\d", value):
        hit.hour, hit.minute = parsed.hour, parsed.minute
    return hit


def find_time_zone(text: str) -> str | None:
    """The UTC offset of the first Indonesian zone name (WIB/WITA/WIT) in ``text``."""
    m = re.search(rf"\b({_TZ_ALT})\b", text, re.IGNORECASE)
    return TIMEZONES[m.group(1).lower()] if m else None
