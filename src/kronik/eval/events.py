"""Scoring of events against gold ``events`` lists (the format of shared/gold/seeds.gold.json).

The rules of shared/tools/score.py: a gold event is found when a system event of the article has its
type (or ``alt_type``), an actor whose name matches the gold actor's (the part before " (", ratio ≥ .88)
and, when the gold has a date, a date starting with it; modality is right when it equals ``modality`` or
``alt_modality``; gold events marked ``doubtful`` are not required, and a system event matching one is
not counted against precision. Besides: the same with types compared by PLOVER family, and the share
of found events whose recipient is right too (when the gold names one).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kronik.eval.entities import same_name
from kronik.eval.extraction import extract_records, load_gold, resolve_inputs


def _name(x: Any) -> str:
    return (x.get("name") if isinstance(x, dict) else x) or ""


@dataclass
class EventScores:
    gold: int = 0
    found: int = 0
    modality_right: int = 0
    target_right: int = 0
    target_gold: int = 0
    system: int = 0
    system_matched: int = 0
    found_family: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.system_matched / self.system if self.system else 0.0


def _match(g: dict[str, Any], s: dict[str, Any], family: dict[str, str] | None = None) -> bool:
    types = {g["type"]} | ({g["alt_type"]} if g.get("alt_type") else set())
    if family is not None:
        types = {family.get(t, t) for t in types}
        st = family.get(s.get("type") or "", s.get("type"))
    else:
        st = s.get("type")
    if st not in types or not same_name(_name(s.get("actor")), (g.get("actor") or "").split(" (")[0]):
        return False
    d = s.get("date")
    sd = str((d.get("value") if isinstance(d, dict) else d) or "")
    return not g.get("date") or sd[: len(g["date"][:10])] == g["date"][:10]


def score_events(gold: list[dict[str, Any]], records: dict[str, dict[str, Any]]) -> EventScores:
    from kronik.stages.events import _patterns

    family = _patterns()["family"]
    sc = EventScores()
    for g in gold:
        if "events" not in g:
            continue
        system = (records.get(g["input"]) or {}).get("events") or []
        used: set[int] = set()
        ignored: set[int] = set()
        used_family: set[int] = set()
        for ge in [e for e in g["events"] if not e.get("doubtful")]:
            sc.gold += 1
            hit = next((i for i, s in enumerate(system) if i not in used and _match(ge, s)), None)
            fam = next(
                (i for i, s in enumerate(system) if i not in used_family and _match(ge, s, family)), None
            )
            if fam is not None:
                used_family.add(fam)
                sc.found_family += 1
            if hit is None:
                sc.misses.append(
                    f"{g['input']}: missed {ge['type']} {ge.get('actor')} {ge.get('date')}: {ge.get('summary', '')[:60]}"
                )
                continue
            used.add(hit)
            sc.found += 1
            s = system[hit]
            if s.get("modality") in (ge.get("modality"), ge.get("alt_modality")):
                sc.modality_right += 1
            else:
                sc.misses.append(
                    f"{g['input']}: modality {s.get('modality')}, gold {ge.get('modality')}: {ge['type']} {ge.get('actor')}"
                )
            if ge.get("target"):
                sc.target_gold += 1
                if same_name(_name(s.get("target")), ge["target"].split(" (")[0]):
                    sc.target_right += 1
        for ge in [e for e in g["events"] if e.get("doubtful")]:
            hit = next(
                (i for i, s in enumerate(system) if i not in used and i not in ignored and _match(ge, s)),
                None,
            )
            if hit is not None:
                ignored.add(hit)
        sc.system += len(system) - len(ignored)
        sc.system_matched += len(used)
        for i, s in enumerate(system):
            if i not in used and i not in ignored:
                sc.misses.append(
                    f"{g['input']}: extra {s.get('type')} {_name(s.get('actor'))} -> {_name(s.get('target'))} "
                    f"{(s.get('date') or {}).get('value')} [{s.get('modality')}] {s.get('trigger')}"
                )
    return sc


def evaluate_events(gold_path: str | Path, root: str | Path | None = None) -> EventScores:
    entries = [e for e in load_gold(gold_path) if "events" in e]
    base = resolve_inputs(entries, gold_path, root)
    return score_events(
        entries, {r["source"]: r for r in extract_records([str(base / e["input"]) for e in entries], base)}
    )
