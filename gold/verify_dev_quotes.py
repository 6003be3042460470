#!/usr/bin/env python3
"""Check a quotes gold file (default gold/dev-quotes.gold.json) against the shared data it points to.

usage: python3 gold/verify_dev_quotes.py [SHARED_DIR] [--gold FILE]
  SHARED_DIR  default: ../shared from the repo root
  --gold      default: gold/dev-quotes.gold.json; e.g. --gold gold/test-quotes.gold.json

Inputs may name data/detik-summ-1000/data_berita.csv#N (title = judul, body = isi_berita, url = tautan) or
data/click-id/raw_articles.jsonl#N (title, body = content, url; N = the 1-based line number).

Checks, per gold article:
  - the JSON loads and every article / quote has the required keys and types;
  - 'input' is '<path>#N' and N names an existing data record (CSV header excluded, so N = the id column;
    JSONL: the line number);
  - no input key is a suffix of another (score.py matches system 'source' by suffix);
  - title equals the record's title (trimmed) and url, when given, equals the record's URL;
  - every quote's 'starts' occurs EXACTLY in the record's body, does not begin with a quotation mark,
    and the starts of an article occur in body order (each one after the previous one);
  - a continuation ('(continues previous quote)') is direct and has the same speaker as the quote before it.
Warns (does not fail) when two quotes of one article share the first 30 normalised characters of
'starts', the part score.py compares.
Exits 1 listing the problems; prints per-outlet and total counts otherwise.
"""
import argparse
import collections
import csv
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, "..", "..", "shared")
GOLD = os.path.join(HERE, "dev-quotes.gold.json")
CONT = "(continues previous quote)"
PRONOUNS = {"-nya", "dia", "ia", "beliau"}
QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019"


def norm(s):
    """The normalisation of ../shared/tools/score.py, to compare what it compares."""
    s = unicodedata.normalize("NFKC", s)
    s = s.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", s).strip().lower()


def load_records(path):
    full = os.path.join(SHARED, path)
    if path.endswith(".jsonl"):
        # one JSON object per line; record N is line N (1-based), as in the click-id inputs
        recs = []
        with open(full, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    recs.append(None)
                    continue
                r = json.loads(line)
                recs.append({"title": r["title"], "text": r["content"], "url": r["url"]})
        while recs and recs[-1] is None:
            recs.pop()
        return recs
    rows = list(csv.DictReader(open(full, encoding="utf-8")))
    return [{"title": r["judul"], "text": r["isi_berita"], "url": r["tautan"]} for r in rows]


def check_quotes(a, body):
    err, warn, pos, seen30 = [], [], -1, {}
    prev = None
    for i, q in enumerate(a["quotes"]):
        for k, typ in (("direct", bool), ("speaker", str), ("cue", str), ("starts", str)):
            if not isinstance(q.get(k), typ) or (typ is str and not q[k].strip()):
                err.append(f"quote {i}: missing or bad {k}")
        st = q.get("starts") or ""
        if st[:1] in QUOTE_MARKS:
            err.append(f"quote {i}: starts begins with a quotation mark: {st!r}")
        at = body.find(st, pos + 1)
        if at < 0:
            first = body.find(st)
            err.append(f"quote {i}: starts not in body: {st!r}" if first < 0
                       else f"quote {i}: starts out of body order: {st!r}")
        else:
            pos = at
        key = norm(st)[:30]
        if key in seen30:
            warn.append(f"quotes {seen30[key]} and {i} share the scored prefix {key!r}")
        seen30.setdefault(key, i)
        if q.get("cue") == CONT and (not q.get("direct") or prev is None or prev.get("speaker") != q.get("speaker")):
            err.append(f"quote {i}: continuation must be direct and follow a quote of the same speaker")
        prev = q
    return err, warn


def main():
    global SHARED
    ap = argparse.ArgumentParser(description="Check a quotes gold file against the shared data.")
    ap.add_argument("shared", nargs="?", default=SHARED, help="shared data directory (default: ../shared)")
    ap.add_argument("--gold", default=GOLD, help="gold file (default: gold/dev-quotes.gold.json)")
    args = ap.parse_args()
    SHARED = args.shared
    gold = json.load(open(args.gold, encoding="utf-8"))
    arts = gold["articles"]
    problems, warnings = [], []
    keys = [a["input"] for a in arts]
    for k1 in keys:
        for k2 in keys:
            if k1 != k2 and k2.endswith(k1):
                problems.append(f"input {k1!r} is a suffix of {k2!r}")
    if len(set(keys)) != len(keys):
        problems.append("duplicate input keys")
    cache = {}
    per_outlet = collections.Counter()
    tot = collections.Counter()
    for a in arts:
        err = [f"missing {k}" for k in ("input", "title", "quotes") if k not in a]
        if err:
            problems.append(f"{a.get('input')}: " + "; ".join(err))
            continue
        path, _, n = a["input"].partition("#")
        if path not in cache:
            cache[path] = load_records(path)
        recs = cache[path]
        if not n.isdigit() or not 1 <= int(n) <= len(recs) or recs[int(n) - 1] is None:
            problems.append(f"{a['input']}: no such record")
            continue
        r = recs[int(n) - 1]
        if a["title"] != r["title"].strip():
            err.append(f"title differs: {a['title']!r} vs {r['title']!r}")
        if a.get("url") and a["url"] != r["url"]:
            err.append("url differs from the record")
        qerr, qwarn = check_quotes(a, r["text"])
        err += qerr
        warnings += [f"{a['input']}: {w}" for w in qwarn]
        if err:
            problems.append(f"{a['input']}: " + "; ".join(err))
        per_outlet[a.get("outlet", "?")] += 1
        for q in a["quotes"]:
            tot["quotes"] += 1
            tot["direct" if q.get("direct") else "indirect"] += 1
            tot["unnamed"] += bool(q.get("unnamed"))
            m = q.get("speaker_mention")
            tot["pronoun speaker"] += bool(m) and m.lower() in PRONOUNS
            tot["epithet speaker"] += bool(m) and m.lower() not in PRONOUNS
            tot["continuations"] += q.get("cue") == CONT
            tot["with medium"] += "medium" in q
            tot["with via"] += "via" in q
    for w in warnings:
        print("warning:", w)
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    for outlet, c in sorted(per_outlet.items()):
        print(f"{outlet:18} {c}")
    print(f"OK: {len(arts)} articles; " + ", ".join(f"{k} {v}" for k, v in tot.items()))


if __name__ == "__main__":
    main()
