#!/usr/bin/env python3
"""Check gold/dev-time.gold.json (or another time gold given with --gold) against the shared CSV / JSON Lines it points to.

usage: python3 gold/verify_dev_time.py [SHARED_DIR] [--gold FILE]
       SHARED_DIR defaults to ../shared from the repo root; FILE defaults to gold/dev-time.gold.json
       (e.g. --gold gold/test-time.gold.json checks the test gold, which has the same format).

Checks, per gold article:
  - the JSON loads and every article and time entry has the required keys;
  - 'input' is '<path>#N' and N names an existing data record (CSV header excluded, JSONL line number);
  - no input key is a suffix of another (score.py matches system 'source' by suffix);
  - title equals the record's title (trimmed); 'published' is ISO 8601 (date, or date+time with offset);
  - every time 'text' occurs EXACTLY in the record body, and the texts occur in body order
    (each one is searched for after the end of the previous one);
  - precision and type come from the fixed lists; value is null exactly when precision is 'none';
    the value is well-formed for its precision and type (see FORMAT below), intervals run forward,
    ISO weeks exist, dates exist; alt_value (if any) is well-formed;
  - 'set': true exactly for type 'set'; 'in_name' is a boolean;
  - consistency of explicit dates: when a text names a weekday and the value is a single day, the
    value falls on that weekday; when a text spells out a full date ('Senin (20/10/2025)',
    '24 Juli 2025'), the value (or alt_value) is that date unless the note explains the
    discrepancy (a typo in the source).
Exits 1 with the problems listed; prints counts by precision and type otherwise.

FORMAT of values (as in ../shared/gold/seeds.gold.json):
  year YYYY | quarter YYYY-Qn | month YYYY-MM | week YYYY-Www (ISO) | day YYYY-MM-DD |
  hour YYYY-MM-DDTHH | minute YYYY-MM-DDTHH:MM[+HH:MM] | decade: durations only |
  interval START/END (each in the format of the precision) | duration ISO 8601 (P2Y, P3D, PT24H) |
  set: ISO duration (P1M) or a TIMEX3-style pattern with X for the free parts (XXXX-WXX-1,
  XXXX-XX-XXT06:00+07:00/XXXX-XX-XXT10:00+07:00) | none: null.
"""
import argparse
import collections
import csv
import datetime as dt
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, "..", "..", "shared")
GOLD = os.path.join(HERE, "dev-time.gold.json")


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description="Check a time-expression gold file against the shared data.")
    ap.add_argument("shared", nargs="?", default=SHARED, metavar="SHARED_DIR",
                    help="the shared data directory (default: ../shared from the repo root)")
    ap.add_argument("--gold", default=GOLD, metavar="FILE",
                    help="the gold file to check (default: gold/dev-time.gold.json)")
    return ap.parse_args(argv)


PRECISIONS = ("minute", "hour", "day", "week", "month", "quarter", "year", "decade", "none")
TYPES = ("date", "time", "duration", "set", "relative", "interval")
WEEKDAYS = {"senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "sabtu": 5, "minggu": 6}
MONTHS = {m: i + 1 for i, m in enumerate(
    "januari februari maret april mei juni juli agustus september oktober november desember".split())}

POINT = {
    "year": r"\d{4}",
    "quarter": r"\d{4}-Q[1-4]",
    "month": r"\d{4}-(0[1-9]|1[0-2])",
    "week": r"\d{4}-W\d\d",
    "day": r"\d{4}-\d\d-\d\d",
    "hour": r"\d{4}-\d\d-\d\dT\d\d",
    "minute": r"\d{4}-\d\d-\d\dT\d\d:\d\d([+-]\d\d:\d\d)?",
}
DURATION = r"P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?"
PATTERN = r"[\dX]{4}(-(Q[1-4X]|W[\dX]{2}(-[1-7])?|[\dX]{2}(-[\dX]{2}(T\d\d:\d\d([+-]\d\d:\d\d)?)?)?))?"
SET = rf"({DURATION}|{PATTERN}(/{PATTERN})?)"
DURATION_UNIT = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour"}


def load_records(path):
    full = os.path.join(SHARED, path)
    if path.endswith(".csv"):
        rows = list(csv.DictReader(open(full, encoding="utf-8")))
        return [{"title": r["judul"], "text": r["isi_berita"]} for r in rows]
    recs = [json.loads(line) for line in open(full, encoding="utf-8")]
    return [{"title": r["title"], "text": r["content"]} for r in recs]


def point_ok(v, precision):
    """A single point value: format of its precision, and the calendar object exists."""
    if precision not in POINT or not re.fullmatch(POINT[precision], v):
        return False
    try:
        if precision == "week":
            y, w = int(v[:4]), int(v[6:8])
            dt.date.fromisocalendar(y, w, 1)
        elif precision in ("day", "hour", "minute"):
            dt.date.fromisoformat(v[:10])
            if precision != "day" and not 0 <= int(v[11:13]) <= 23:
                return False
            if precision == "minute" and not 0 <= int(v[14:16]) <= 59:
                return False
    except ValueError:
        return False
    return True


def point_start(v, precision):
    """A sortable date for the start of a point, to check that intervals run forward."""
    if precision == "year":
        return dt.date(int(v), 1, 1)
    if precision == "quarter":
        return dt.date(int(v[:4]), 3 * int(v[6]) - 2, 1)
    if precision == "month":
        return dt.date(int(v[:4]), int(v[5:7]), 1)
    if precision == "week":
        return dt.date.fromisocalendar(int(v[:4]), int(v[6:8]), 1)
    return dt.datetime.fromisoformat(v[:16] if len(v) >= 16 else v[:10])


def value_ok(v, precision, typ):
    """None if fine, else a message."""
    if precision == "none":
        return None if v is None else "precision 'none' needs value null"
    if not isinstance(v, str):
        return "value must be a string (null only with precision 'none')"
    if typ == "set":
        return None if re.fullmatch(SET, v) else f"bad set value {v!r}"
    if typ == "duration":
        if not re.fullmatch(DURATION, v):
            return f"bad duration {v!r}"
        units = {DURATION_UNIT.get(u) for u in re.findall(r"\d+([YMWDH])", v.replace("T", " T"))}
        if precision == "decade":
            return None if re.fullmatch(r"P\d+0Y", v) else f"decade duration must be whole decades in years: {v!r}"
        if "T" in v:  # PT24H -> hour
            units = {"hour" if "H" in v else "minute"}
        return None if precision in units else f"duration {v!r} does not match precision {precision}"
    if typ == "interval":
        parts = v.split("/")
        if len(parts) != 2 or not all(point_ok(p, precision) for p in parts):
            return f"bad interval {v!r} for precision {precision}"
        if point_start(parts[0], precision) > point_start(parts[1], precision):
            return f"interval runs backwards: {v!r}"
        return None
    return None if point_ok(v, precision) else f"bad {precision} value {v!r}"


def any_value_ok(v):
    if v is None:
        return True
    if not isinstance(v, str):
        return False
    if re.fullmatch(DURATION, v):
        return True
    for p in POINT:
        if point_ok(v, p):
            return True
        parts = v.split("/")
        if len(parts) == 2 and all(point_ok(x, p) for x in parts):
            return True
    return False


def explicit_date(text):
    """A full date spelled out in the text ('(20/10/2025)', '24 Juli 2025'), or None."""
    m = re.search(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b", text)
    if m:
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = re.search(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4})\b", text, re.I)
        if not m:
            return None
        d, mo, y = int(m.group(1)), MONTHS[m.group(2).lower()], int(m.group(3))
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return "invalid"


def main():
    global SHARED, GOLD
    args = parse_args()
    SHARED, GOLD = args.shared, args.gold
    gold = json.load(open(GOLD, encoding="utf-8"))
    arts = gold["articles"]
    problems = []
    if not isinstance(gold.get("about"), str) or not gold["about"]:
        problems.append("missing 'about'")
    keys = [a.get("input", "") for a in arts]
    for k1 in keys:
        for k2 in keys:
            if k1 != k2 and k2.endswith(k1):
                problems.append(f"input {k1!r} is a suffix of {k2!r}")
    dup = [k for k, c in collections.Counter(keys).items() if c > 1]
    if dup:
        problems.append(f"duplicate inputs: {dup}")
    cache = {}
    by_prec, by_type, by_src = collections.Counter(), collections.Counter(), collections.Counter()
    scored = skipped = alts = nulls = 0
    for a in arts:
        err = []
        for k in ("input", "title", "published", "times"):
            if k not in a:
                err.append(f"missing {k}")
        if err:
            problems.append(f"{a.get('input')}: " + "; ".join(err))
            continue
        path, _, n = a["input"].partition("#")
        if path not in cache:
            if not os.path.exists(os.path.join(SHARED, path)):
                problems.append(f"{a['input']}: no such file under {SHARED}")
                continue
            cache[path] = load_records(path)
        recs = cache[path]
        if not n.isdigit() or not 1 <= int(n) <= len(recs):
            problems.append(f"{a['input']}: no such record")
            continue
        r = recs[int(n) - 1]
        body = r["text"]
        if a["title"] != r["title"].strip():
            err.append(f"title differs: {a['title']!r} vs {r['title']!r}")
        if not re.fullmatch(r"\d{4}-\d\d-\d\d(T\d\d:\d\d[+-]\d\d:\d\d)?", a["published"]):
            err.append(f"bad published {a['published']!r}")
        if not a["times"]:
            err.append("no times")
        pos = 0
        for i, t in enumerate(a["times"]):
            where = f"times[{i}] {t.get('text')!r}"
            miss = [k for k in ("text", "value", "precision", "type") if k not in t]
            if miss:
                err.append(f"{where}: missing {miss}")
                continue
            extra = set(t) - {"text", "value", "alt_value", "precision", "type", "note", "set", "in_name"}
            if extra:
                err.append(f"{where}: unknown keys {sorted(extra)}")
            text, v, prec, typ = t["text"], t["value"], t["precision"], t["type"]
            if not text or text != text.strip():
                err.append(f"{where}: empty text or outer whitespace")
            at = body.find(text, pos)
            if at < 0:
                err.append(f"{where}: " + ("not in body" if text not in body else "out of body order"))
            else:
                pos = at + len(text)
            if prec not in PRECISIONS:
                err.append(f"{where}: bad precision {prec!r}")
                continue
            if typ not in TYPES:
                err.append(f"{where}: bad type {typ!r}")
                continue
            msg = value_ok(v, prec, typ)
            if msg:
                err.append(f"{where}: {msg}")
            if "alt_value" in t and not any_value_ok(t["alt_value"]):
                err.append(f"{where}: bad alt_value {t['alt_value']!r}")
            if bool(t.get("set")) != (typ == "set"):
                err.append(f"{where}: 'set': true goes with type 'set' and only with it")
            if "in_name" in t and not isinstance(t["in_name"], bool):
                err.append(f"{where}: in_name must be a boolean")
            if "note" in t and not (isinstance(t["note"], str) and t["note"]):
                err.append(f"{where}: empty note")
            # explicit dates and weekdays must agree with the value
            if prec == "day" and not msg and typ in ("date", "relative"):
                day = dt.date.fromisoformat(v)
                wd = [WEEKDAYS[w.lower()] for w in re.findall(r"\b(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu)\b", text, re.I)]
                if wd and day.weekday() != wd[0]:
                    err.append(f"{where}: {v} is not a {text.split()[0]}")
                ex = explicit_date(text)
                if ex == "invalid":
                    err.append(f"{where}: the text's date does not exist")
                elif ex and ex != day and str(ex) != t.get("alt_value") and "typo" not in t.get("note", "") \
                        and "disagree" not in t.get("note", ""):
                    err.append(f"{where}: text says {ex}, value {v}, and no note explains it")
            if t.get("set") or t.get("in_name"):
                skipped += 1
            else:
                scored += 1
            alts += "alt_value" in t
            nulls += v is None
            by_prec[prec] += 1
            by_type[typ] += 1
        if err:
            problems.append(f"{a['input']}: " + "; ".join(err))
        by_src[path.split("/")[1]] += 1
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    total = sum(by_prec.values())
    print("articles: " + ", ".join(f"{s} {c}" for s, c in sorted(by_src.items())) + f"; total {len(arts)}")
    print(f"expressions: {total} ({scored} scored by score.py, {skipped} skipped as set/in_name; "
          f"{alts} with alt_value, {nulls} with value null)")
    print("by precision: " + ", ".join(f"{p} {by_prec[p]}" for p in PRECISIONS if by_prec[p]))
    print("by type:      " + ", ".join(f"{t} {by_type[t]}" for t in TYPES if by_type[t]))
    print("OK")


if __name__ == "__main__":
    main()
