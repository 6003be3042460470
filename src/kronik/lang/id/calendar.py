"""Calendar words for Indonesian pages (and the Malay and English ones they quote): data only.

Month and weekday names come from CLDR through babel, so that spelling variants are not typed by
hand; the few printed variants CLDR lacks (Pebruari, Agt, Sept, Jum'at) are added below.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from babel.dates import get_day_names, get_month_names

LOCALES = ("id", "ms", "en")

#: Printed month spellings that CLDR does not list.
EXTRA_MONTHS = {
    "pebruari": 2,
    "peb": 2,
    "agt": 8,
    "ags": 8,
    "agus": 8,
    "sept": 9,
    "nop": 11,
    "nopember": 11,
    "juny": 6,
}

#: Printed weekday spellings that CLDR does not list.
EXTRA_WEEKDAYS = {"jum'at": 4, "jum’at": 4, "ahad": 6, "senen": 0}


def _names(getter: Callable[..., Mapping[int, str]], extra: dict[str, int]) -> dict[str, int]:
    """Lower-cased wide and abbreviated CLDR names of every locale -> their number, plus ``extra``."""
    names: dict[str, int] = {}
    for loc in LOCALES:
        for width in ("wide", "abbreviated"):
            for num, name in getter(width, locale=loc).items():
                names[name.lower().rstrip(".")] = num
    names.update(extra)
    return names


#: month name (lower case) -> month number 1-12
MONTHS: dict[str, int] = _names(get_month_names, EXTRA_MONTHS)
#: Indonesian month names in full (CLDR "id", wide), for a month printed alone ("pembacaan Agustus")
ID_MONTHS: list[str] = [name.lower() for name in get_month_names("wide", locale="id").values()]
#: weekday name (lower case) -> Python weekday (Monday = 0)
WEEKDAYS: dict[str, int] = _names(get_day_names, EXTRA_WEEKDAYS)

#: Indonesian time zones as printed after a clock time, with their UTC offsets.
TIMEZONES: dict[str, str] = {
    "wib": "+07:00",
    "wita": "+08:00",
    "wit": "+09:00",
    "was": "+03:00",  # Waktu Arab Saudi, in hajj reports
    "gmt+7": "+07:00",
    "gmt+07:00": "+07:00",
    "gmt+8": "+08:00",
    "gmt+9": "+09:00",
    "utc+7": "+07:00",
    "utc+8": "+08:00",
    "utc+9": "+09:00",
    "gmt": "+00:00",
    "utc": "+00:00",
}
