"""The chronicle over the store: events ordered by when they happened, exports (CSV, JSON Lines), and the
actor-pair summary (cooperation against conflict per month) as a graph for GraphML."""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from typing import Any

COOPERATION = ("verbal cooperation", "material cooperation")
CONFLICT = ("verbal conflict", "material conflict")
FIELDS = ("date_value", "date_precision", "type", "family", "actor_name", "target_name", "partner_name", "location",
          "modality", "speaker", "via", "outlet_name", "title", "article_id", "evidence")  # fmt: skip


def group_key(row: dict[str, Any]) -> str:
    """The heading an event is listed under: its day, or its coarser date, or "undated"."""
    v = row.get("date_value")
    if not v:
        return "undated (published " + (row.get("published") or "?")[:10] + ")"
    return v


def to_csv(rows: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=FIELDS, extrasaction="ignore")
    w.writeheader()
    for r in rows:
        w.writerow(r)
    return buf.getvalue()


def to_jsonl(rows: list[dict[str, Any]]) -> str:
    return "".join(json.dumps({k: r.get(k) for k in FIELDS}, ensure_ascii=False) + "\n" for r in rows)


def pair_summary(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per actor pair and month: how many cooperation and conflict events (undated events by publication month)."""
    agg: dict[tuple[str, str, str], dict[str, int]] = defaultdict(lambda: {"cooperation": 0, "conflict": 0})
    for r in rows:
        other = r.get("target_name") or r.get("partner_name")
        if not r.get("actor_name") or not other:
            continue
        month = (r.get("date_start") or r.get("published") or "")[:7] or "undated"
        side = (
            "cooperation"
            if r.get("family") in COOPERATION
            else "conflict"
            if r.get("family") in CONFLICT
            else None
        )
        if side:
            agg[(r["actor_name"], other, month)][side] += 1
    return [{"actor": a, "other": b, "month": m, **c} for (a, b, m), c in sorted(agg.items())]


def pair_graph(rows: list[dict[str, Any]]) -> Any:
    """A directed multigraph of actors; one edge per actor pair and month with cooperation and conflict counts."""
    import networkx as nx

    g = nx.MultiDiGraph()
    for p in pair_summary(rows):
        g.add_edge(p["actor"], p["other"], month=p["month"], cooperation=p["cooperation"], conflict=p["conflict"],
                   balance=p["cooperation"] - p["conflict"])  # fmt: skip
    return g
