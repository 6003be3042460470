"""Geometry for the server-drawn SVG: the actor graph (a circle layout that graph.js may relax into a force
layout) and an entity's month bars. Numbers only; names reach the SVG through the escaping templates."""

from __future__ import annotations

import math
from typing import Any

GRAPH_W, GRAPH_H = 960, 640
#: Node radius in SVG units: base plus up to NODE_R_SCALE by the square root of its share of the busiest node's
#: events (area grows with the count).
NODE_R_MIN, NODE_R_SCALE = 6.0, 16.0
#: Curve offset (SVG units) that keeps A→B and B→A apart.
EDGE_BEND = 18.0


def graph_layout(g: dict[str, Any]) -> dict[str, Any]:
    """Nodes on a circle (busiest first, so the heavy ones spread out), edges as bent paths ending at the
    target's rim; each edge's class says whether cooperation or conflict dominates it."""
    nodes = [dict(n) for n in g["nodes"]]
    n = len(nodes)
    cx, cy = GRAPH_W / 2, GRAPH_H / 2
    radius = min(GRAPH_W, GRAPH_H) / 2 - 70
    busiest = max((node["events"] for node in nodes), default=1) or 1
    index = {}
    for i, node in enumerate(nodes):
        angle = 2 * math.pi * i / max(n, 1) - math.pi / 2
        node["x"] = round(cx + (radius if n > 1 else 0) * math.cos(angle), 1)
        node["y"] = round(cy + (radius if n > 1 else 0) * math.sin(angle), 1)
        node["r"] = round(NODE_R_MIN + NODE_R_SCALE * math.sqrt(node["events"] / busiest), 1)
        node["index"] = i
        node["anchor"] = "start" if node["x"] >= cx else "end"
        index[node["id"]] = node
    edges = []
    heaviest = max((e["cooperation"] + e["conflict"] + e["other"] for e in g["edges"]), default=1)
    for e in g["edges"]:
        s, t = index.get(e["source"]), index.get(e["target"])
        if s is None or t is None:
            continue
        total = e["cooperation"] + e["conflict"] + e["other"]
        coop, conf = e["cooperation"], e["conflict"]
        side = "cooperation" if coop > conf else "conflict" if conf > coop else "mixed" if coop else "other"
        edges.append({**e, "s": s["index"], "t": t["index"], "total": total, "side": side,
                      "width": round(1.2 + 5 * math.sqrt(total / heaviest), 2), "d": edge_path(s, t)})  # fmt: skip
    return {"nodes": nodes, "edges": edges, "width": GRAPH_W, "height": GRAPH_H}


def edge_path(s: dict[str, Any], t: dict[str, Any]) -> str:
    """A quadratic curve from the rim of ``s`` to the rim of ``t`` (a loop when they are one node)."""
    x1, y1, x2, y2 = s["x"], s["y"], t["x"], t["y"]
    dx, dy = x2 - x1, y2 - y1
    dist = math.hypot(dx, dy)
    if dist < 1e-6:
        r = s["r"]
        return f"M{x1:.1f},{y1 - r:.1f} C{x1 - 40:.1f},{y1 - 60:.1f} {x1 + 40:.1f},{y1 - 60:.1f} {x1:.1f},{y1 - r:.1f}"
    ux, uy = dx / dist, dy / dist
    mx, my = (x1 + x2) / 2 - uy * EDGE_BEND, (y1 + y2) / 2 + ux * EDGE_BEND
    sx, sy = x1 + ux * s["r"], y1 + uy * s["r"]
    # end at the target's rim along the direction from the control point, plus room for the arrow head
    ex, ey = x2 - mx, y2 - my
    ed = math.hypot(ex, ey) or 1.0
    pad = t["r"] + 3
    return f"M{sx:.1f},{sy:.1f} Q{mx:.1f},{my:.1f} {x2 - ex / ed * pad:.1f},{y2 - ey / ed * pad:.1f}"


def month_bars(months: list[dict[str, Any]], width: int = 640, height: int = 120) -> dict[str, Any]:
    """Bars per month: cooperation up from the middle line, conflict down, other events grey beside them."""
    months = [m for m in months if m["month"] != "?"]
    if not months:
        return {"bars": [], "labels": [], "width": width, "height": height, "mid": height / 2}
    peak = max(max(m["cooperation"] + m["other"], m["conflict"]) for m in months) or 1
    slot = min(48.0, (width - 20) / len(months))
    mid, half = height / 2, height / 2 - 16
    bars, labels = [], []
    for i, m in enumerate(months):
        x = 10 + i * slot
        w = max(slot * 0.7, 2.0)
        up = half * m["cooperation"] / peak
        other = half * m["other"] / peak
        down = half * m["conflict"] / peak
        if up:
            bars.append(
                {
                    "x": x,
                    "y": mid - up,
                    "w": w,
                    "h": up,
                    "cls": "cooperation",
                    "n": m["cooperation"],
                    "month": m["month"],
                }
            )
        if other:
            bars.append(
                {
                    "x": x,
                    "y": mid - up - other,
                    "w": w,
                    "h": other,
                    "cls": "other",
                    "n": m["other"],
                    "month": m["month"],
                }
            )
        if down:
            bars.append(
                {
                    "x": x,
                    "y": mid,
                    "w": w,
                    "h": down,
                    "cls": "conflict",
                    "n": m["conflict"],
                    "month": m["month"],
                }
            )
        if len(months) <= 12 or i % math.ceil(len(months) / 12) == 0:
            labels.append({"x": x + w / 2, "text": m["month"]})
    return {"bars": bars, "labels": labels, "width": width, "height": height, "mid": mid}
