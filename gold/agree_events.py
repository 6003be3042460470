#!/usr/bin/env python3
"""Agreement of two independent event annotations of the same articles, scored the way kronik is judged.

usage: python3 gold/agree_events.py SHARED GOLD_A GOLD_B

Each annotation's scored (not doubtful) events are turned into a system's records and scored against
the other with SHARED/tools/score.py: type (or alt_type), actor (the name before ' (') and date must
agree. The two lines printed are B read as a system against A, then A against B; their precision is
what a second careful annotator reaches, the ceiling for a system's precision on such golds.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path


def as_records(gold: Path, shared: Path) -> list[dict]:
    data = json.loads(gold.read_text(encoding="utf-8"))
    articles = data["articles"] if isinstance(data, dict) else data
    return [
        {
            "source": str(shared / a["input"]),
            "events": [
                {
                    "type": e["type"],
                    "actor": {"name": (e.get("actor") or "").split(" (")[0]},
                    "date": {"value": e.get("date")},
                    "modality": e.get("modality"),
                }
                for e in a.get("events", [])
                if not e.get("doubtful")
            ],
        }
        for a in articles
    ]


def score(shared: Path, gold: Path, system: Path) -> str:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for r in as_records(system, shared):
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    out = subprocess.run(
        [sys.executable, str(shared / "tools" / "score.py"), str(gold), f.name], capture_output=True, text=True
    ).stdout
    Path(f.name).unlink()
    return next((line for line in out.splitlines() if line.startswith("events")), "no events scored")


def main() -> None:
    shared, a, b = (Path(x) for x in sys.argv[1:4])
    print(f"{b.name} as a system against {a.name}: {score(shared, a, b)}")
    print(f"{a.name} as a system against {b.name}: {score(shared, b, a)}")


if __name__ == "__main__":
    main()
