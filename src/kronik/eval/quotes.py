"""Scoring of quotes against gold in the format of shared/gold/seeds.gold.json.

The rules of shared/tools/score.py: a gold quote is found when the first 30 characters of its ``starts``
(normalised) occur within the first ``len + 160`` characters of a system quote's text, each system
quote matching one gold quote; found quotes are split by the gold's direct/indirect, unmatched system
quotes count against their own kind. The speaker is right when the names are near (ratio ≥ .88) or
share the last word. End to end = found with the right speaker.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kronik.eval.entities import same_name
from kronik.eval.extraction import PRF, extract_records, load_gold, norm, resolve_inputs

#: Characters of the gold ``starts`` compared, and how far into the system text they may start.
STARTS_CHARS = 30
STARTS_WINDOW = 160


@dataclass
class QuoteScores:
    span: dict[bool, PRF] = field(default_factory=lambda: {True: PRF(), False: PRF()})
    end_to_end: dict[bool, PRF] = field(default_factory=lambda: {True: PRF(), False: PRF()})
    speaker_right: dict[bool, list[int]] = field(default_factory=lambda: {True: [0, 0], False: [0, 0]})
    #: Speakers right when a gold name that is a short form or registry alias of the system's canonical
    #: name counts ("Prabowo", "Jokowi" for "Prabowo Subianto", "Joko Widodo"): gold conventions differ.
    same_person: dict[bool, int] = field(default_factory=lambda: {True: 0, False: 0})
    misses: list[str] = field(default_factory=list)


def _speaker_name(q: dict[str, Any]) -> str | None:
    sp = q.get("speaker")
    return sp.get("name") if isinstance(sp, dict) else sp


def speaker_matches(system: str | None, gold: str | None) -> bool:
    a, b = norm(system), norm(gold)
    return bool(a and b) and (same_name(a, b) or a.split()[-1] == b.split()[-1])


def same_person(system: str | None, gold: str | None, person: bool = True) -> bool:
    """``speaker_matches``, or the gold's name is part of a named person's canonical name or one of its
    aliases."""
    if speaker_matches(system, gold):
        return True
    a, b = norm(system), norm(gold)
    if not a or not b or not person:
        return False
    if set(b.split()) <= set(a.split()):
        return True
    from kronik.stages.entities.registry import active_registry

    entry = active_registry().lookup(gold or "")
    return entry is not None and norm(entry.name) == a


def score_quotes(gold: list[dict[str, Any]], records: dict[str, dict[str, Any]]) -> QuoteScores:
    sc = QuoteScores()
    for g in gold:
        if "quotes" not in g:
            continue
        rec = records.get(g["input"]) or {}
        system = rec.get("quotes") or []
        used: set[int] = set()
        for gq in g["quotes"]:
            st = norm(gq["starts"])[:STARTS_CHARS]
            d = bool(gq.get("direct"))
            hit = next(
                (
                    i
                    for i, s in enumerate(system)
                    if i not in used and st and st in norm(s.get("text"))[: len(st) + STARTS_WINDOW]
                ),
                None,
            )
            if hit is None:
                sc.span[d].fn += 1
                sc.end_to_end[d].fn += 1
                sc.misses.append(
                    f"{g['input']}: missed {'direct' if d else 'indirect'} quote of {gq.get('speaker')}: {gq['starts'][:50]}"
                )
                continue
            used.add(hit)
            sc.span[d].tp += 1
            sc.speaker_right[d][1] += 1
            said = _speaker_name(system[hit])
            sys_speaker = system[hit].get("speaker")
            named_person = isinstance(sys_speaker, dict) and sys_speaker.get("type") == "PER"
            if same_person(said, gq.get("speaker"), named_person):
                sc.same_person[d] += 1
            if speaker_matches(said, gq.get("speaker")):
                sc.speaker_right[d][0] += 1
                sc.end_to_end[d].tp += 1
            else:
                sc.end_to_end[d].fp += 1
                sc.end_to_end[d].fn += 1
                sc.misses.append(
                    f"{g['input']}: speaker {said!r}, gold {gq.get('speaker')!r}: {gq['starts'][:50]}"
                )
        for i, s in enumerate(system):
            if i not in used:
                d = bool(s.get("direct", True))
                sc.span[d].fp += 1
                sc.end_to_end[d].fp += 1
                sc.misses.append(
                    f"{g['input']}: extra {'direct' if d else 'indirect'} quote ({_speaker_name(s)}): {s.get('text', '')[:50]}"
                )
    return sc


def evaluate_quotes(gold_path: str | Path, root: str | Path | None = None) -> QuoteScores:
    """Extract the inputs of the gold articles that list quotes and score their quotes."""
    entries = [e for e in load_gold(gold_path) if "quotes" in e]
    base = resolve_inputs(entries, gold_path, root)
    paths = [str(base / e["input"]) for e in entries]  # "file.csv#N" reads record N alone
    return score_quotes(entries, {r["source"]: r for r in extract_records(paths, base)})
