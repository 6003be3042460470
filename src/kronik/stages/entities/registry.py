"""The registry of canonical entities: countries and territories from CLDR (babel), extended and joined
by the curated list in ``lang/id/entities.json`` and by any file a user gives.

Lookup is by normalised alias (case-folded, "#"/"@" dropped, spaces collapsed); near misses go through
rapidfuzz (transliterations and misspellings: Zelenskyy/Zelensky, Lukasenko/Lukashenko).
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rapidfuzz import fuzz, process

#: Lowest rapidfuzz ratio (0–100) at which a mention is taken as a misspelling of a registry alias.
#: 88 accepts "Lukasenko"/"Lukashenko" (one letter dropped) and rejects "Austria"/"Australia".
FUZZY_MIN = 88
#: Aliases in capitals up to this length are acronyms, matched only as printed in capitals.
ACRONYM_MAX = 4
#: Aliases shorter than this are matched exactly only (fuzzy matching of "AS" or "UE" finds anything).
FUZZY_MIN_LEN = 6


@dataclass
class Entry:
    id: str
    name: str
    type: str
    wikidata: str | None = None
    aliases: set[str] = field(default_factory=set)
    capital_of: str | None = None
    serves: str | None = None  # the state a person leads or speaks for ("Belarus" for Lukashenko)


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lstrip("#@").replace("’", "'")).casefold()


class Registry:
    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        self.by_alias: dict[str, Entry] = {}
        self.acronyms: dict[str, Entry] = {}  # "AS", "UE", "PBB": matched in capitals only ("As" is a word)
        for e in entries:
            for a in {e.name, *e.aliases}:
                if a.isupper() and len(a) <= ACRONYM_MAX:
                    self.acronyms.setdefault(a, e)
                else:
                    self.by_alias.setdefault(norm(a), e)
        self._fuzzy_keys = [k for k in self.by_alias if len(k) >= FUZZY_MIN_LEN]

    def lookup(self, text: str) -> Entry | None:
        bare = text.strip().lstrip("#@")
        return self.acronyms.get(bare) or self.by_alias.get(norm(text))

    def fuzzy(self, text: str, type_: str | None = None) -> Entry | None:
        key = norm(text)
        if len(key) < FUZZY_MIN_LEN:
            return None
        hit = process.extractOne(key, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN)
        if hit is None:
            return None
        if not _word_by_word(key, hit[0]):
            return None
        entry = self.by_alias[hit[0]]
        return entry if type_ is None or entry.type == type_ else None


#: Lowest rapidfuzz ratio of each word of a many-word name against its counterpart in a near alias
#: ("Vladimir"/"Volodymyr" 59); words shorter than ``WORD_FUZZY_MIN_LEN`` must be equal ("Iran"/"Irak").
WORD_FUZZY_MIN = 55
WORD_FUZZY_MIN_LEN = 6


def _word_by_word(a: str, b: str) -> bool:
    """A misspelt name misspells its words, it does not swap one: "Kementerian Luar Negeri China" is close to
    "… Rusia" as a whole, but "china" is not a spelling of "rusia", nor "iran" of "irak"."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb):
        return len(wa) == 1 or len(wb) == 1  # "Zelenskyy"/"Zelensky" or glued words: the whole ratio decides
    return all(
        x == y or (min(len(x), len(y)) >= WORD_FUZZY_MIN_LEN and fuzz.ratio(x, y) >= WORD_FUZZY_MIN)
        for x, y in zip(wa, wb, strict=True)
    )


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def _cldr_countries() -> dict[str, Entry]:
    from babel import Locale

    ids, ens = Locale.parse("id").territories, Locale.parse("en").territories
    out = {}
    for code, name in ids.items():
        if len(code) != 2 or not code.isalpha() or code in ("ZZ", "XA", "XB", "EU", "EZ", "UN", "QO"):
            continue
        e = Entry(id=f"country:{code}", name=name, type="LOC", aliases={name})
        if code in ens:
            e.aliases.add(ens[code])
        out[code] = e
    return out


def _read_curated(data: dict, countries: dict[str, Entry], entries: list[Entry]) -> None:
    by_name = {e.name: e for e in entries}
    for item in data.get("entities", []):
        code = item.get("country")
        e = countries.get(code) if code else by_name.get(item["name"])
        if e is None:
            e = Entry(
                id=item.get("wikidata") or f"kronik:{_slug(item['name'])}",
                name=item["name"],
                type=item["type"],
            )
            entries.append(e)
            by_name[e.name] = e
        e.name = item["name"]
        e.aliases.update([item["name"], *item.get("aliases", [])])
        e.wikidata = item.get("wikidata") or e.wikidata
        e.capital_of = item.get("capital_of")
        e.serves = item.get("serves")


def _read_media(entries: list[Entry]) -> None:
    """News media and platforms of lang/id/media.json, as organisations (those not curated already)."""
    data = json.loads(resources.files("kronik.lang.id").joinpath("media.json").read_text("utf-8"))
    known = {norm(a) for e in entries for a in {e.name, *e.aliases}}
    for forms in data["media"]:
        usable = [f for f in forms if len(f) >= 3 or (f.isupper() and len(f) >= 2)]  # not "X", not "RT" alone
        if not usable or norm(forms[0]) in known:
            continue
        entries.append(Entry(id=f"kronik:{_slug(forms[0])}", name=forms[0], type="ORG", aliases=set(usable)))


def active_registry() -> Registry:
    """The registry the stages read: the packaged one, extended by the file ``KRONIK_REGISTRY`` names."""
    return load_registry(os.environ.get("KRONIK_REGISTRY") or None)


@lru_cache(maxsize=4)
def load_registry(extra: str | None = None) -> Registry:
    """CLDR countries + the packaged curated list + ``extra`` (a JSON file in the same format)."""
    countries = _cldr_countries()
    entries = list(countries.values())
    _read_curated(
        json.loads(resources.files("kronik.lang.id").joinpath("entities.json").read_text("utf-8")),
        countries,
        entries,
    )
    _read_media(entries)
    if extra:
        _read_curated(json.loads(Path(extra).read_text("utf-8")), countries, entries)
    return Registry(entries)
