"""Score extracted article records against gold, field by field.

Gold follows ``../shared/gold/seeds.gold.json``: one entry per article with ``input`` (or ``html`` and
``dump``, each scored as its own input), and whichever of title, outlet, published (or
published_date/published_time/timezone), authors, editors, body_first, body_last, must_contain,
must_not_contain, cited_media, section, lead, page, photo_credits it states. Comparison rules match
``shared/tools/score.py`` (normalised text; body bounds looked for within the first/last 400 chars).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kronik.errors import GoldError
from kronik.stages.ingest.encoding import repair_mojibake

#: How far into the body the first words, and how far back from its end the last words, may sit (chars).
BOUND_WINDOW = 400


def norm(s: Any) -> str:
    if s is None:
        return ""
    s = unicodedata.normalize("NFKC", str(s))
    s = s.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", s).strip().lower()


@dataclass
class FieldScore:
    right: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class ExtractionReport:
    fields: dict[str, FieldScore] = field(default_factory=dict)
    cited_media: PRF = field(default_factory=PRF)
    missing: list[str] = field(default_factory=list)

    def add(self, name: str, ok: bool, key: str) -> None:
        fs = self.fields.setdefault(name, FieldScore())
        fs.total += 1
        if ok:
            fs.right += 1
        else:
            fs.misses.append(key)


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """Gold entries, one per scored input (an entry with both ``html`` and ``dump`` gives two)."""
    try:
        data = json.loads(Path(path).read_text("utf-8"))
    except (OSError, ValueError) as err:
        raise GoldError(f"{path}: cannot read gold: {err}") from err
    entries = _mended(data["articles"] if isinstance(data, dict) else data)
    out = []
    for a in entries:
        if "input" in a:
            out.append(a)
            continue
        for form in ("html", "dump"):
            if a.get(form):
                b = {k: v for k, v in a.items() if k not in ("html", "dump")}
                b["input"], b["form"] = a[form], form
                out.append(b)
    return out


def _mended(value: Any) -> Any:
    """Gold strings with the mojibake repair ingest gives every record ("‚Äî" for "—"): an annotator
    who copied text from a mis-decoded dataset quoted it as it looked, the record holds it mended."""
    if isinstance(value, str):
        return repair_mojibake(value)
    if isinstance(value, list):
        return [_mended(v) for v in value]
    if isinstance(value, dict):
        return {k: _mended(v) for k, v in value.items()}
    return value


def resolve_inputs(gold: list[dict[str, Any]], gold_path: str | Path, root: str | Path | None = None) -> Path:
    """The folder the gold's input paths are relative to: ``root``, or the first that has them."""
    gold_dir = Path(gold_path).resolve().parent
    candidates = (
        [Path(root)] if root else [gold_dir.parent, gold_dir, Path.cwd(), Path.cwd().parent / "shared"]
    )
    for cand in candidates:
        first = gold[0]["input"].split("#")[0] if gold else ""
        if (cand / first).exists():
            return cand
    raise GoldError(
        f"cannot find the inputs of {gold_path} (tried {', '.join(map(str, candidates))}); use --root"
    )


def extract_alone(entry: dict[str, Any]) -> bool:
    """A gold entry for one page of a multi-page article is scored on that page read by itself."""
    page = entry.get("page") or {}
    return bool(page.get("of") and page["of"] > 1 and not entry.get("joined_from"))


def _find(records: list[dict[str, Any]], key: str) -> dict[str, Any] | None:
    for r in records:
        if str(r.get("source", "")).endswith(key):
            return r
    return None


def _names(values: Iterable[Any]) -> list[str]:
    return sorted(norm(v.get("name") if isinstance(v, dict) else v) for v in values or [])


def score(
    gold: list[dict[str, Any]], records: list[dict[str, Any]], alone: dict[str, dict[str, Any]] | None = None
) -> ExtractionReport:
    """Compare ``records`` (article dicts) with ``gold`` entries; ``alone`` holds pages read by themselves."""
    rep = ExtractionReport()
    alone = alone or {}
    for g in gold:
        key = g["input"]
        r = alone.get(key) if extract_alone(g) else _find(records, key)
        if r is None:
            rep.missing.append(key)
            r = {}
        rep.add("found", bool(r), key)
        body = norm(r.get("body") or "\n\n".join(r.get("paragraphs") or []))
        if "title" in g:
            rep.add("title", norm(r.get("title")) == norm(g["title"]), key)
        if "outlet" in g:
            rep.add("outlet", norm((r.get("outlet") or {}).get("name")) == norm(g["outlet"]), key)
        _score_published(rep, g, r, key)
        for name in ("authors", "editors"):
            if name in g:
                rep.add(name, _names(g[name]) == _names(r.get(name)), key)
        if "photo_credits" in g:
            rep.add("photo_credits", _names(g["photo_credits"]) == _names(r.get("photo_credits")), key)
        if "section" in g:
            rep.add("section", norm(r.get("section")) == norm(g["section"]), key)
        if "lead" in g:
            rep.add("lead", norm(r.get("lead")) == norm(g["lead"]), key)
        if "page" in g:
            rep.add("page", (r.get("page") or None) == (g["page"] or None), key)
        if "body_first" in g:
            first = norm(g["body_first"])
            rep.add("body_first", first in body[: max(BOUND_WINDOW, len(first) + 200)], key)
        if "body_last" in g:
            last = norm(g["body_last"])
            rep.add("body_last", last in body[-max(BOUND_WINDOW, len(last) + 200) :], key)
        if "must_contain" in g:
            rep.add("keeps_body", all(norm(s) in body for s in g["must_contain"]), key)
        if "must_not_contain" in g:
            rep.add("no_leak", bool(body) and not any(norm(s) in body for s in g["must_not_contain"]), key)
        if "cited_media" in g:
            _score_media(rep.cited_media, g["cited_media"], r.get("cited_media") or [])
    return rep


def extract_records(
    paths: list[str], base: Path, stages: tuple[Any, ...] | None = None
) -> list[dict[str, Any]]:
    """Records of ``paths`` with their ``source`` relative to ``base`` (as gold names inputs), "#N" kept."""
    from kronik.corpus import extract
    from kronik.data import Article
    from kronik.pipeline import STAGES

    out = []
    for a in extract(paths, stages=stages or STAGES):
        if isinstance(a, Article):
            d = a.to_dict()
            path, _, n = d["source"].partition("#")
            d["source"] = str(Path(path).resolve().relative_to(base.resolve())) + (f"#{n}" if n else "")
            out.append(d)
    return out


def evaluate(gold_path: str | Path, root: str | Path | None = None, form: str = "both") -> ExtractionReport:
    """Extract the gold's inputs (from ``root`` or where they are found) and score the records."""
    from kronik.pipeline import EXTRACTION_STAGES

    entries = [e for e in load_gold(gold_path) if form == "both" or e.get("form", form) == form]
    base = resolve_inputs(entries, gold_path, root)
    batch = sorted(
        {
            str(base / p.split("#")[0])
            for e in entries
            if not extract_alone(e)
            for p in [e["input"], *(e.get("joined_from") or [])]
        }
    )
    alone = {
        e["input"]: next(iter(extract_records([str(base / e["input"])], base, EXTRACTION_STAGES)), {})
        for e in entries
        if extract_alone(e)
    }
    return score(entries, extract_records(batch, base, EXTRACTION_STAGES), alone)


def _score_published(rep: ExtractionReport, g: dict[str, Any], r: dict[str, Any], key: str) -> None:
    gp = g.get("published") or g.get("published_date")
    if not gp:
        return
    sp = str(r.get("published") or "")
    rep.add("date", sp[:10] == gp[:10], key)
    gt = g.get("published_time") or (gp[11:16] if len(gp) > 10 else None)
    if gt:
        rep.add("time", sp[11:16] == gt, key)
        gtz = g.get("timezone") or (gp[19:] if len(gp) > 19 else None)
        if gtz:
            rep.add("timezone", sp.endswith(gtz), key)


def _score_media(prf: PRF, gold: list[str], found: list[Any]) -> None:
    names = [norm(x.get("name") if isinstance(x, dict) else x) for x in found]
    used: set[int] = set()
    for g in gold:
        hit = next((i for i, s in enumerate(names) if i not in used and s == norm(g)), None)
        if hit is None:
            prf.fn += 1
        else:
            used.add(hit)
            prf.tp += 1
    prf.fp += len(names) - len(used)
