"""Document-level scoring of canonical entities against gold (the format of shared/gold/seeds.gold.json).

A gold entity is found when a system entity of the article shares a name with it: its canonical name
or any of its mentions against the gold name or any gold mention, compared case-folded with a
similarity ratio of at least 0.88 (the rule of shared/tools/score.py). Typed scoring also needs the type.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from kronik.eval.extraction import PRF, extract_records, load_gold, norm, resolve_inputs

#: Similarity at which two spellings are one name (shared/tools/score.py uses the same).
NAME_MATCH = 0.88


def same_name(a: str | None, b: str | None) -> bool:
    """Two spellings of one name, as shared/tools/score.py compares them (case-folded, ratio ≥ .88)."""
    a, b = norm(a), norm(b)
    return bool(a and b) and (a == b or SequenceMatcher(None, a, b).ratio() >= NAME_MATCH)


def _names(e: dict[str, Any]) -> list[str]:
    ms = [m.get("text") if isinstance(m, dict) else m for m in e.get("mentions", [])]
    return [x for x in [e.get("name"), *ms] if x]


def score_entities(gold: list[dict[str, Any]], records: dict[str, dict[str, Any]]) -> tuple[PRF, PRF]:
    """(name-only, name+type) P/R/F1 over all gold articles that list entities."""
    untyped, typed = PRF(), PRF()
    for g in gold:
        if "entities" not in g:
            continue
        system = (records.get(g["input"]) or {}).get("entities") or []
        used: set[int] = set()
        for ge in [e for e in g["entities"] if not e.get("boilerplate_only")]:
            hit = next(
                (
                    i
                    for i, se in enumerate(system)
                    if i not in used and any(same_name(x, y) for x in _names(ge) for y in _names(se))
                ),
                None,
            )
            if hit is None:
                untyped.fn += 1
                typed.fn += 1
                continue
            used.add(hit)
            untyped.tp += 1
            if system[hit].get("type") == ge["type"]:
                typed.tp += 1
            else:
                typed.fn += 1
                typed.fp += 1
        extra = len(system) - len(used)
        untyped.fp += extra
        typed.fp += extra
    return untyped, typed


def evaluate_entities(gold_path: str | Path, root: str | Path | None = None) -> tuple[PRF, PRF]:
    """Extract the inputs of the gold articles that list entities and score their entities."""
    entries = load_gold(gold_path)
    base = resolve_inputs(entries, gold_path, root)
    paths = sorted({str(base / e["input"].split("#")[0]) for e in entries if "entities" in e})
    return score_entities(entries, {r["source"]: r for r in extract_records(paths, base)})
