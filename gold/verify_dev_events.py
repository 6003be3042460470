#!/usr/bin/env python3
"""Check an events gold file (default gold/dev-events.gold.json) against the shared data it points to.

usage: python3 gold/verify_dev_events.py [SHARED_DIR] [--gold FILE]
       (SHARED_DIR default: ../shared from the repo root; FILE default: gold/dev-events.gold.json;
        e.g. --gold gold/test-events.gold.json)

Inputs may be rows of data/detik-summ-1000/data_berita.csv ('...csv#N', N = the id column) or lines of
data/click-id/raw_articles.jsonl ('...jsonl#N', N = the 1-based line; title = the 'title' field, body = the
'content' field).

Checks, per gold article:
  - the JSON loads, has a non-empty 'about', and every article / event has the required keys and types;
  - 'input' is '<path>#N' and N names an existing data record (CSV header excluded, so N = the id column;
    JSONL line number);
  - no input key is a suffix of another (score.py matches system 'source' by suffix) and none repeats;
  - title equals the record's title (trimmed); 'published' is the record's publication time as
    YYYY-MM-DDTHH:MM:00+07:00 (WIB). detik: the tanggal field (M/D/YYYY H:MM). click-id: the date and time
    fields read per outlet as gold/README.md ("Caveats / Dates") explains: Kompas DD/MM/YYYY, or ISO with day
    and month swapped; Okezone and Fimela ISO; Sindonews ISO or 'D Bulan YYYY'; Tribunnews D-Mon-YY;
    KapanLagi 'D Bulan YYYY'; Pos Metro 'Bulan D, YYYY' without a time (then 'published' is the date only).
    For click-id the date is also checked against the URL's /YYYY/MM/DD/ where the URL has one (Kompas: the
    HHMM after the date too); Okezone may be one day after its URL date (CMS creation date), a warning;
  - every event's type / alt_type is one of the 16 PLOVER types or DENY / CHANGE_POLICY, and its modality /
    alt_modality one of asserted, reported, planned, conditional, threatened, hypothetical, denied (alt differs
    from the main value);
  - date is null, YYYY, YYYY-MM, YYYY-MM-DD (a real calendar date) or START/END (two real dates, START <= END);
    date_precision agrees with the form (year, month, day or absent, week = a Monday..Sunday interval, interval
    otherwise) and is absent when date is null; an asserted or reported event is not dated after publication;
  - every 'evidence' occurs EXACTLY in the record's body; 'doubtful', when present, is true; the actor's name
    (the part before ' (', the part score.py compares) is not empty.
Warns (does not fail) when evidence is longer than 6 words or when the evidences of an article are out of
body order (an event told twice may take its evidence from the later mention).
Exits 1 listing the problems; prints counts by type, modality and article otherwise.
"""

import argparse
import collections
import csv
import datetime
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
_ap = argparse.ArgumentParser(description="Check an events gold file against the shared data.")
_ap.add_argument("shared", nargs="?", default=os.path.join(HERE, "..", "..", "shared"), help="SHARED_DIR")
_ap.add_argument("--gold", default=os.path.join(HERE, "dev-events.gold.json"), help="gold file to check")
_args = _ap.parse_args()
SHARED = _args.shared
GOLD = _args.gold

TYPES = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
    "DENY",
    "CHANGE_POLICY",
]
MODALITIES = ["asserted", "reported", "planned", "conditional", "threatened", "hypothetical", "denied"]
PAST = {"asserted", "reported"}
KEYS = {
    "type",
    "alt_type",
    "actor",
    "target",
    "date",
    "date_precision",
    "modality",
    "alt_modality",
    "summary",
    "evidence",
    "doubtful",
    "actor_unnamed",
    "partner",
}


MONTHS_ID = {
    m: i + 1
    for i, m in enumerate(
        "januari februari maret april mei juni juli agustus september oktober november desember".split()
    )
}
MONTHS_EN = {m: i + 1 for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split())}


def load_records(path):
    full = os.path.join(SHARED, path)
    if path.endswith(".jsonl"):
        with open(full, encoding="utf-8") as f:
            recs = [json.loads(line) for line in f]
        out = []
        for r in recs:
            pub, note = click_published(r)
            out.append({"title": r["title"], "text": r["content"], "published": pub, "date_note": note})
        return out
    with open(full, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return [
        {"title": r["judul"], "text": r["isi_berita"], "published": iso_published(r["tanggal"]), "date_note": None}
        for r in rows
    ]


def iso_published(tanggal):
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4}) (\d{1,2}):(\d{2})", tanggal.strip())
    if not m:
        return None
    mo, d, y, h, mi = (int(x) for x in m.groups())
    return f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:00+07:00"


def click_published(r):
    """(published, problem-or-warning) for a click-id record, per the outlet rules of gold/README.md."""
    src, date, time_, url = r.get("source", ""), (r.get("date") or "").strip(), (r.get("time") or "").strip(), r.get("url") or ""
    day = None
    m_iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2}) 00:00:00", date)
    m_dmy = re.fullmatch(r"(\d{2})/(\d{2})/(\d{4})", date)
    m_id = re.fullmatch(r"(\d{1,2}) ([A-Za-z]+) (\d{4})", date)
    m_tri = re.fullmatch(r"(\d{1,2})-([A-Za-z]{3})-(\d{2})", date)
    m_pm = re.fullmatch(r"([A-Za-z]+) (\d{1,2}), (\d{4})", date)
    try:
        if src == "Kompas.com" and m_iso:  # Excel swapped day and month
            y, a, b = (int(x) for x in m_iso.groups())
            day = datetime.date(y, b, a)
        elif m_iso:
            day = datetime.date(*(int(x) for x in m_iso.groups()))
        elif m_dmy:
            d, mo, y = (int(x) for x in m_dmy.groups())
            day = datetime.date(y, mo, d)
        elif m_id and m_id.group(2).lower() in MONTHS_ID:
            day = datetime.date(int(m_id.group(3)), MONTHS_ID[m_id.group(2).lower()], int(m_id.group(1)))
        elif m_tri and m_tri.group(2).lower() in MONTHS_EN:
            day = datetime.date(2000 + int(m_tri.group(3)), MONTHS_EN[m_tri.group(2).lower()], int(m_tri.group(1)))
        elif m_pm and m_pm.group(1).lower() in MONTHS_ID:
            day = datetime.date(int(m_pm.group(3)), MONTHS_ID[m_pm.group(1).lower()], int(m_pm.group(2)))
    except ValueError:
        day = None
    if day is None:
        return None, f"unreadable date field {date!r}"
    note = None
    mu = re.search(r"/(\d{4})/(\d{2})/(\d{2})/(\d{4})?", url)
    if mu:
        try:
            uday = datetime.date(int(mu.group(1)), int(mu.group(2)), int(mu.group(3)))
        except ValueError:
            uday = None
        if uday and uday != day:
            if src == "okezone.com" and (day - uday).days == 1:
                note = f"warning: URL date {uday} one day before the date field {day} (Okezone creation date)"
            else:
                note = f"date field {day} disagrees with the URL date {uday}"
    mt = re.match(r"(\d{1,2}):(\d{2})", time_)
    if not mt:
        return day.isoformat(), note
    h, mi = int(mt.group(1)), int(mt.group(2))
    if src == "Kompas.com" and mu and mu.group(4) and mu.group(4) != f"{h:02d}{mi:02d}" and not note:
        note = f"warning: Kompas URL time code {mu.group(4)} differs from the time field {time_!r}"
    return f"{day.isoformat()}T{h:02d}:{mi:02d}:00+07:00", note


def real_day(s):
    try:
        return datetime.date.fromisoformat(s) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s) else None
    except ValueError:
        return None


def check_date(e, pub_day):
    """Problems with date / date_precision; also the earliest day the date stands for (for the future check)."""
    d, p = e.get("date"), e.get("date_precision")
    if d is None:
        return ([] if p is None else ["date_precision without a date"]), None
    if not isinstance(d, str):
        return ["date is not a string or null"], None
    if re.fullmatch(r"\d{4}", d):
        return ([] if p == "year" else [f"date {d!r} needs date_precision 'year'"]), datetime.date(
            int(d), 1, 1
        )
    if re.fullmatch(r"\d{4}-\d{2}", d):
        y, m = int(d[:4]), int(d[5:])
        if not 1 <= m <= 12:
            return [f"bad month in {d!r}"], None
        return ([] if p == "month" else [f"date {d!r} needs date_precision 'month'"]), datetime.date(y, m, 1)
    if "/" in d:
        a, _, b = d.partition("/")
        da, db = real_day(a), real_day(b)
        if not da or not db or da > db:
            return [f"bad interval {d!r}"], None
        if p == "week":
            if da.weekday() != 0 or (db - da).days != 6:
                return [f"week {d!r} is not a Monday..Sunday interval"], da
            return [], da
        return ([] if p == "interval" else [f"interval {d!r} needs date_precision 'week' or 'interval'"]), da
    day = real_day(d)
    if not day:
        return [f"bad date {d!r}"], None
    return ([] if p in (None, "day") else [f"day date {d!r} with date_precision {p!r}"]), day


def check_event(i, e, body, pub_day):
    err, warn = [], []
    for k in e:
        if k not in KEYS:
            err.append(f"event {i}: unknown key {k!r}")
    for k in ("type", "actor", "modality", "summary", "evidence"):
        if not isinstance(e.get(k), str) or not e[k].strip():
            err.append(f"event {i}: missing or empty {k}")
    for k in ("target", "date"):
        if k not in e:
            err.append(f"event {i}: missing key {k} (null when unknown)")
    if e.get("target") is not None and (not isinstance(e["target"], str) or not e["target"].strip()):
        err.append(f"event {i}: target must be a non-empty string or null")
    if e.get("type") not in TYPES:
        err.append(f"event {i}: type {e.get('type')!r} not allowed")
    if "alt_type" in e and (e["alt_type"] not in TYPES or e["alt_type"] == e.get("type")):
        err.append(f"event {i}: bad alt_type {e['alt_type']!r}")
    if e.get("modality") not in MODALITIES:
        err.append(f"event {i}: modality {e.get('modality')!r} not allowed")
    if "alt_modality" in e and (
        e["alt_modality"] not in MODALITIES or e["alt_modality"] == e.get("modality")
    ):
        err.append(f"event {i}: bad alt_modality {e['alt_modality']!r}")
    if "doubtful" in e and e["doubtful"] is not True:
        err.append(f"event {i}: doubtful must be true when present")
    if isinstance(e.get("actor"), str) and not e["actor"].split(" (")[0].strip():
        err.append(f"event {i}: empty actor name before ' ('")
    derr, first_day = check_date(e, pub_day)
    err += [f"event {i}: {x}" for x in derr]
    if first_day and pub_day and first_day > pub_day and e.get("modality") in PAST:
        err.append(f"event {i}: {e.get('modality')} event dated after publication ({e['date']})")
    ev = e.get("evidence") or ""
    if ev and ev not in body:
        err.append(f"event {i}: evidence not in body: {ev!r}")
    if len(ev.split()) > 6:
        warn.append(f"event {i}: evidence longer than 6 words: {ev!r}")
    return err, warn


def main():
    with open(GOLD, encoding="utf-8") as f:
        gold = json.load(f)
    problems, warnings = [], []
    if not isinstance(gold.get("about"), str) or not gold["about"].strip():
        problems.append("gold: missing 'about'")
    arts = gold.get("articles") or []
    keys = [a.get("input", "") for a in arts]
    for k, n in collections.Counter(keys).items():
        if n > 1:
            problems.append(f"{k}: input repeated {n} times")
    for k1 in set(keys):
        for k2 in set(keys):
            if k1 != k2 and k2.endswith(k1):
                problems.append(f"input key {k1!r} is a suffix of {k2!r}")
    cache = {}
    by_type, by_mod, by_type_scored = collections.Counter(), collections.Counter(), collections.Counter()
    n_doubt = n_alt_type = n_alt_mod = n_null_date = 0
    per_article = []
    for a in arts:
        key = a.get("input", "")
        m = re.fullmatch(r"(.+)#(\d+)", key)
        if not m:
            problems.append(f"{key}: input is not '<path>#N'")
            continue
        path, n = m.group(1), int(m.group(2))
        if path not in cache:
            if not os.path.exists(os.path.join(SHARED, path)):
                problems.append(f"{key}: no such file under {SHARED}")
                continue
            cache[path] = load_records(path)
        recs = cache[path]
        if not 1 <= n <= len(recs):
            problems.append(f"{key}: record {n} out of range 1..{len(recs)}")
            continue
        rec = recs[n - 1]
        if a.get("title") != rec["title"].strip():
            problems.append(
                f"{key}: title differs from the record's: {a.get('title')!r} vs {rec['title'].strip()!r}"
            )
        want = rec["published"]
        if rec.get("date_note"):
            if rec["date_note"].startswith("warning: "):
                warnings.append(f"{key}: {rec['date_note'][9:]}")
            else:
                problems.append(f"{key}: {rec['date_note']}")
        if a.get("published") != want:
            problems.append(f"{key}: published {a.get('published')!r}, record says {want!r}")
        pub_day = real_day((a.get("published") or "")[:10])
        body = rec["text"]
        events = a.get("events")
        if not isinstance(events, list) or not events:
            problems.append(f"{key}: no events")
            continue
        last = -1
        for i, e in enumerate(events):
            err, warn = check_event(i, e, body, pub_day)
            problems += [f"{key}: {x}" for x in err]
            warnings += [f"{key}: {x}" for x in warn]
            at = body.find(e.get("evidence") or "\0")
            if at >= 0:
                if at < last:
                    warnings.append(f"{key}: event {i} evidence lies before the previous event's")
                last = max(last, at)
            by_type[e.get("type")] += 1
            by_mod[e.get("modality")] += 1
            if e.get("doubtful"):
                n_doubt += 1
            else:
                by_type_scored[e.get("type")] += 1
            n_alt_type += "alt_type" in e
            n_alt_mod += "alt_modality" in e
            n_null_date += e.get("date") is None
        per_article.append((key.rsplit("#", 1)[-1], len(events), sum(1 for e in events if e.get("doubtful"))))
    for w in warnings:
        print("warning:", w)
    if problems:
        for p in problems:
            print("PROBLEM:", p)
        print(f"{len(problems)} problem(s)")
        sys.exit(1)
    total = sum(by_type.values())
    print(
        f"OK: {len(arts)} articles, {total} events ({total - n_doubt} scored, {n_doubt} doubtful); "
        f"{n_alt_type} with alt_type, {n_alt_mod} with alt_modality, {n_null_date} with date null"
    )
    print("by type (all / scored):")
    for t in TYPES:
        if by_type[t]:
            print(f"  {t:<14}{by_type[t]:>4}{by_type_scored[t]:>5}")
    print("by modality:")
    for mo in MODALITIES:
        if by_mod[mo]:
            print(f"  {mo:<14}{by_mod[mo]:>4}")
    print("per article (#N events/doubtful): " + ", ".join(f"#{k} {n}/{d}" for k, n, d in per_article))


if __name__ == "__main__":
    main()
