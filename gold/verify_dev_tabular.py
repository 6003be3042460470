#!/usr/bin/env python3
"""Check gold/dev-tabular.gold.json against the shared CSV / JSON Lines it points to.

usage: python3 gold/verify_dev_tabular.py [SHARED_DIR]   (default: ../shared from the repo root)

Checks, per gold article:
  - the JSON loads and every entry has the required keys;
  - 'input' is '<path>#N' and N names an existing data record (CSV header excluded, JSONL line number);
  - no input key is a suffix of another (score.py matches system 'source' by suffix);
  - title equals the record's title (trimmed); outlet non-empty; date/time/timezone well-formed;
  - body_first, body_last and every must_not_contain string occur exactly in the record text,
    body_first before body_last, and no must_not_contain string overlaps them (boilerplate
    lying between them, e.g. 'SCROLL TO CONTINUE WITH CONTENT', is counted and allowed);
  - every author / editor name occurs in the record text.
Exits 1 on the first article with problems listed; prints per-outlet counts otherwise.
"""
import collections
import csv
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "shared")
GOLD = os.path.join(HERE, "dev-tabular.gold.json")


def load_records(path):
    full = os.path.join(SHARED, path)
    if path.endswith(".csv"):
        rows = list(csv.DictReader(open(full, encoding="utf-8")))
        return [{"title": r["judul"], "text": r["isi_berita"], "url": r["tautan"]} for r in rows]
    recs = [json.loads(line) for line in open(full, encoding="utf-8")]
    return [{"title": r["title"], "text": r["content"], "url": r["url"]} for r in recs]


def main():
    gold = json.load(open(GOLD, encoding="utf-8"))
    arts = gold["articles"]
    cache, problems = {}, []
    keys = [a["input"] for a in arts]
    for k1 in keys:
        for k2 in keys:
            if k1 != k2 and k2.endswith(k1):
                problems.append(f"input {k1!r} is a suffix of {k2!r}")
    counts = collections.Counter()
    inline = [0]
    for a in arts:
        err = []
        for k in ("input", "title", "outlet", "published_date", "body_first", "body_last", "must_not_contain", "notes"):
            if k not in a:
                err.append(f"missing {k}")
        path, _, n = a["input"].partition("#")
        if path not in cache:
            cache[path] = load_records(path)
        recs = cache[path]
        if not n.isdigit() or not 1 <= int(n) <= len(recs):
            problems.append(f"{a['input']}: no such record")
            continue
        r = recs[int(n) - 1]
        t = r["text"]
        if a.get("url") and a["url"] != r["url"]:
            err.append("url differs from the record")
        if a["title"] != r["title"].strip():
            err.append(f"title differs: {a['title']!r} vs {r['title']!r}")
        if not re.fullmatch(r"\d{4}-\d\d-\d\d", a["published_date"]):
            err.append("bad published_date")
        if "published_time" in a and not re.fullmatch(r"\d\d:\d\d", a["published_time"]):
            err.append("bad published_time")
        if "timezone" in a and a["timezone"] != "+07:00":
            err.append("unexpected timezone")
        bf, bl = t.find(a["body_first"]), t.rfind(a["body_last"])
        if bf < 0:
            err.append(f"body_first not in text: {a['body_first']!r}")
        if bl < 0:
            err.append(f"body_last not in text: {a['body_last']!r}")
        if bf >= 0 and bl >= 0 and bf > bl:
            err.append("body_first after body_last")
        for s in a["must_not_contain"]:
            if s not in t:
                err.append(f"must_not_contain string not in text: {s!r}")
            elif s in a["body_first"] or s in a["body_last"] or a["body_first"] in s or a["body_last"] in s:
                err.append(f"must_not_contain string overlaps body_first/body_last: {s!r}")
            elif bf >= 0 and bl >= 0 and s in t[bf:bl + len(a["body_last"])]:
                inline[0] += 1  # boilerplate inside the body span (SCROLL..., 'Baca juga:'): allowed
        for fld in ("authors", "editors"):
            for name in a.get(fld, []):
                if name not in t:
                    err.append(f"{fld[:-1]} {name!r} not in text")
        if err:
            problems.append(f"{a['input']}: " + "; ".join(err))
        counts[(path.split("/")[1], a["outlet"])] += 1
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    for (ds, outlet), c in sorted(counts.items()):
        print(f"{ds:16} {outlet:16} {c}")
    print(f"OK: {len(arts)} articles checked; {inline[0]} must_not_contain strings sit inside a body span (inline boilerplate)")


if __name__ == "__main__":
    main()
