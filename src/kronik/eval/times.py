"""Scoring of time expressions against gold ``times`` lists (the format of shared/gold/seeds.gold.json).

Stricter than shared/tools/score.py in two ways, so that the figure means what it says: gold and system
times are paired by position (the gold's texts are found in the body in order, and paired with the
system time overlapping most; a gold "Rabu (9/7)" is not paired with an earlier system "Rabu"), and
a system value of null is right only when the gold value is null. As in score.py, texts match when one
contains the other, a value is right when it equals ``value`` or ``alt_value`` or starts with
``value`` (a minute value with an offset), and gold entries marked ``set`` or ``in_name`` are skipped.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kronik.eval.extraction import extract_records, load_gold, norm, resolve_inputs


@dataclass
class TimeScores:
    gold: int = 0
    found: int = 0
    value_right: int = 0
    system: int = 0
    system_matched: int = 0
    by_precision: Counter[str] = field(default_factory=Counter)
    right_by_precision: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.value_right / self.gold if self.gold else 0.0


def _value_ok(sys_value: Any, g: dict[str, Any]) -> bool:
    v = None if sys_value is None else str(sys_value)
    gv, alt = g.get("value"), g.get("alt_value")
    if v is None:
        return gv is None
    return v in (gv, alt) or bool(gv and v.startswith(gv))


def score_times(gold: list[dict[str, Any]], records: dict[str, dict[str, Any]]) -> TimeScores:
    sc = TimeScores()
    for g in gold:
        if "times" not in g:
            continue
        rec = records.get(g["input"]) or {}
        body = rec.get("body") or ""
        system = [t for t in rec.get("times") or [] if "in_name" not in (t.get("flags") or [])]
        sc.system += len(system)
        cursor = 0
        used: set[int] = set()
        for gt in g["times"]:
            if gt.get("set") or gt.get("in_name"):
                continue
            sc.gold += 1
            sc.by_precision[gt["precision"]] += 1
            hit = None
            at = body.find(gt["text"], cursor)
            if at >= 0:  # the gold lists texts in body order: pair by position
                cursor = at + 1
                end = at + len(gt["text"])
                overlaps = [(min(end, t["end"]) - max(at, t["start"]), i) for i, t in enumerate(system)
                            if i not in used and t["start"] < end and at < t["end"]]  # fmt: skip
                hit = max(overlaps)[1] if overlaps else None
            else:  # the text is not in the extracted body as written: pair by text
                gtext = norm(gt["text"])
                free = [i for i in range(len(system)) if i not in used and norm(system[i].get("text"))]
                hit = next((i for i in free if gtext in norm(system[i].get("text"))), None)
            if hit is None:
                sc.misses.append(f"{g['input']}: missed {gt['text']!r} ({gt.get('value')})")
                continue
            used.add(hit)
            sc.found += 1
            if _value_ok(system[hit].get("value"), gt):
                sc.value_right += 1
                sc.right_by_precision[gt["precision"]] += 1
            else:
                sc.misses.append(
                    f"{g['input']}: {gt['text']!r} = {system[hit].get('value')}, gold {gt.get('value')}"
                )
        sc.system_matched += len(used)
    return sc


def evaluate_times(gold_path: str | Path, root: str | Path | None = None) -> TimeScores:
    entries = [e for e in load_gold(gold_path) if "times" in e]
    base = resolve_inputs(entries, gold_path, root)
    return score_times(
        entries, {r["source"]: r for r in extract_records([str(base / e["input"]) for e in entries], base)}
    )
