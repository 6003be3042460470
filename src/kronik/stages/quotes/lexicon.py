"""The reported-speech vocabulary of ``lang/id/speech.json``, compiled once into the patterns the
quotes and claims stages use. Data lives in the JSON file; this module only turns it into regexes."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

#: A name-like run of capitalised words (a medium, a person, a platform), at most five words.
CAPITALISED = r"[A-Z][\w.&'’-]*(?:\s(?:[A-Z0-9][\w.&'’-]*|de|al|bin|binti|van|von|of|the)){0,4}"


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


def _fill(pattern: str, fill: dict[str, str]) -> str:
    for key, value in fill.items():
        pattern = pattern.replace("{" + key + "}", value)
    return pattern


@dataclass(frozen=True)
class Lexicon:
    verb_kind: dict[str, str]
    needs_clause: frozenset[str]
    verb: re.Pattern[str]  # a speech verb as a whole word
    post_cue: re.Pattern[str]  # a cue written after the quoted content
    according: re.Pattern[str]
    pronoun: re.Pattern[str]
    adverbs_tail: re.Pattern[str]
    connectors_head: re.Pattern[str]
    unnamed: re.Pattern[str]
    anaphoric: re.Pattern[str]
    indefinite: re.Pattern[str]
    platforms: frozenset[str]
    medium: tuple[re.Pattern[str], ...]
    via: tuple[re.Pattern[str], ...]
    claim_cues: tuple[tuple[str, re.Pattern[str]], ...]
    hedges: re.Pattern[str]
    role_synonyms: dict[str, str]
    anaphoric_orgs: dict[str, str]  # "perusahaan" (itu) -> ORG, "negara" (itu) -> LOC


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = json.loads(resources.files("kronik.lang.id").joinpath("speech.json").read_text("utf-8"))
    verb_kind = {v: kind for kind, verbs in data["verbs"].items() for v in verbs}
    media = CAPITALISED
    platforms = _alt(data["platforms"])
    fill = {"media": media, "platforms": platforms}
    return Lexicon(
        verb_kind=verb_kind,
        needs_clause=frozenset(data["verb_needs_clause"]),
        verb=re.compile(rf"(?<![\w-])(?:{_alt(list(verb_kind))})(?![\w-])", re.IGNORECASE),
        post_cue=re.compile(rf"(?<![\w-])(?P<cue>{_alt(data['post_cues'])})(?![\w-])", re.IGNORECASE),
        according=re.compile(rf"(?<![\w-])(?:{_alt(data['according_to'])})(?![\w-])", re.IGNORECASE),
        pronoun=re.compile(rf"^(?:{_alt([p for p in data['pronouns'] if p != 'nya'])})$", re.IGNORECASE),
        adverbs_tail=re.compile(rf"(?:[\s,]+(?:{_alt(data['speaker_adverbs'])}))+\s*$", re.IGNORECASE),
        connectors_head=re.compile(
            rf"^(?:(?:{_alt(data['connectors'] + data['speaker_adverbs'])})[\s,]+)+", re.IGNORECASE
        ),
        unnamed=re.compile(rf"(?<![\w-])(?:{_alt(data['unnamed_heads'])})(?![\w-])", re.IGNORECASE),
        anaphoric=re.compile(rf"^(?:{_alt(data['anaphoric_heads'])})(?![\w-])", re.IGNORECASE),
        anaphoric_orgs=dict(data["anaphoric_organisations"]),
        indefinite=re.compile(rf"^(?:{_alt(data['indefinite'])})\s", re.IGNORECASE),
        platforms=frozenset(data["platforms"]),
        medium=tuple(re.compile(_fill(p, fill)) for p in data["medium_patterns"]),
        via=tuple(re.compile(_fill(p, fill)) for p in data["via_patterns"]),
        claim_cues=tuple(
            (status, re.compile(rf"(?<![\w-])(?:{_alt(cues)})(?![\w-])", re.IGNORECASE))
            for status, cues in data["claim_cues"].items()
        ),
        hedges=re.compile(
            rf"(?<![\w-])(?:{_alt([h for h in data['headline_hedges'] if h != '?'])})(?![\w-])|\?",
            re.IGNORECASE,
        ),
        role_synonyms=dict(data["role_synonyms"]),
    )
