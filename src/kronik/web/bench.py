"""``kronik bench serve``: latency of the web app on a generated database of many articles.

The database is made from the records of a few real pages (``samples/pages``) copied with new ids, dates,
outlets and local entities, and a paragraph of generated words each so that the full-text index has a
realistic vocabulary; the NLP pipeline runs once per sample page, not once per article. The server runs
in a subprocess (``python -m kronik.web``, one uvicorn per worker process); ``clients`` concurrent
httpx clients (closed loop, no think time) then measure the search API and the rendering of each page
kind. Timings are wall clock on this machine, with the clients running on the same cores.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import hashlib
import itertools
import json
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from kronik.errors import KronikError

#: Bump when the generated data changes, so that a cached database is not reused.
GENERATOR_VERSION = 2
#: Generated articles per ``executemany`` batch (one transaction for all of them).
BATCH = 5000
#: Distinct ids a local entity of the samples is spread over (so local entities have realistic counts).
LOCAL_SPREAD = 2000
#: Size of the generated vocabulary of the extra paragraph, and its words per article.
VOCABULARY, EXTRA_WORDS = 40_000, 60
#: Publication dates are spread over these days from START.
START, DAYS = dt.date(2019, 1, 1), 7 * 365
#: A request taking longer than this many seconds counts as an error.
REQUEST_TIMEOUT_S = 30
OUTLETS = ["Kompas.com", "detikNews", "Tempo.co", "CNN Indonesia", "Republika", "Liputan6.com", "Okezone", "Suara.com",
           "kumparan", "VIVA", "ANTARA News", "Tribunnews.com", "TribunKaltim.co", "TribunLampung.co.id", "Sindonews",
           "Media Indonesia", "Jawa Pos", "Bisnis.com", "Kontan", "The Jakarta Post", "Tirto.id", "IDN Times", "Merdeka.com",
           "Inews.id", "JPNN.com", "Pikiran Rakyat", "Zona Pesisir", "Kabar Cenderawasih", "Berita Harian", "Tempo English"]  # fmt: skip
SEARCH_TERMS = ["Belarus", "Lukashenko", "Ukraina", "Rusia", "Zelensky", "banjir", "Samarinda", "gempa Jayapura",
                "drone", "KPU", "gandum", "F-16", "Bakhmut", "Wagner", "latihan militer", "sanksi", "Kyiv", "Minsk",
                "bulutangkis", "keamanan siber", "pasukan perbatasan", "harga terigu", "pilot", "Malaysia", "AMX-10",
                "Putin", "surat terbuka", "pengungsi", "BSSN", "listrik"]  # fmt: skip


def _syllable_words(n: int, rng: random.Random) -> list[str]:
    onsets = [
        "",
        "b",
        "d",
        "g",
        "h",
        "j",
        "k",
        "l",
        "m",
        "n",
        "p",
        "r",
        "s",
        "t",
        "w",
        "ng",
        "ny",
        "kr",
        "tr",
        "pr",
    ]
    vowels = ["a", "i", "u", "e", "o", "ai", "au"]
    codas = ["", "", "n", "ng", "r", "s", "k", "t", "h", "m"]
    words: set[str] = set()
    while len(words) < n:
        words.add(
            "".join(
                rng.choice(onsets) + rng.choice(vowels) + rng.choice(codas) for _ in range(rng.randint(2, 4))
            )
        )
    return sorted(words)


def sample_records(samples: Path) -> list[dict[str, Any]]:
    """Records of the sample pages, through the whole pipeline once."""
    from kronik.corpus import extract

    records = [a.to_dict() for a in extract([str(samples)]) if not isinstance(a, KronikError)]
    if not records:
        raise KronikError(f"{samples}: no sample articles to build the benchmark database from")
    return records


def _vary(
    t: dict[str, Any], i: int, rng: random.Random, words: list[str], weights: list[float]
) -> dict[str, Any]:
    """One generated article from template ``t``: new id, date, outlet, local entity ids and an extra paragraph."""
    r = dict(t)
    r["id"] = hashlib.sha1(f"bench:{i}".encode()).hexdigest()[:16]
    r["source"] = f"bench:{i}"
    r["url"] = None
    day = START + dt.timedelta(days=rng.randrange(DAYS))
    r["published"] = f"{day.isoformat()}T{rng.randrange(6, 23):02d}:{rng.randrange(60):02d}:00+07:00"
    r["published_precision"] = "minute"
    outlet = rng.choice(OUTLETS)
    r["outlet"] = {
        "name": outlet,
        "domain": outlet.lower().replace(" ", "") if "." in outlet else None,
        "network": None,
    }
    spread = rng.randrange(LOCAL_SPREAD)
    remap = {
        e["id"]: f"{e['id']}-{spread}" for e in t.get("entities") or [] if str(e["id"]).startswith("local:")
    }
    r["entities"] = [{**e, "id": remap.get(e["id"], e["id"])} for e in t.get("entities") or []]
    r["quotes"] = [{**q, "speaker": {**q["speaker"], "id": remap.get(q["speaker"].get("id"), q["speaker"].get("id"))}}
                   if q.get("speaker") else q for q in t.get("quotes") or []]  # fmt: skip
    events = []
    for e in t.get("events") or []:
        e = dict(e)
        for side in ("actor", "target", "partner"):
            if e.get(side):
                e[side] = {**e[side], "id": remap.get(e[side].get("id"), e[side].get("id"))}
        if e.get("date"):
            when = day - dt.timedelta(days=rng.randrange(21))
            e["date"] = {**e["date"], "value": when.isoformat(), "precision": "day"}
        events.append(e)
    r["events"] = events
    extra = " ".join(rng.choices(words, cum_weights=weights, k=EXTRA_WORDS)).capitalize() + "."
    r["paragraphs"] = [*t["paragraphs"], extra]
    r["body"] = t["body"] + "\n\n" + extra
    r["content_hash"] = hashlib.sha1(r["body"].encode()).hexdigest()
    return r


def _rows(r: dict[str, Any], rowid: int, now: str) -> dict[str, list[tuple]]:
    """Rows of every table for record ``r``, as ``Store.upsert`` writes them (kronik/store/sqlite.py)."""
    pub = r["published"]
    quotes = [(r["id"], i, q["text"], int(q["direct"]), (q.get("speaker") or {}).get("id"), (q.get("speaker") or {}).get("name"),
               (q.get("speaker") or {}).get("role"), q.get("cue"), q.get("kind"), q.get("medium"), q.get("via"),
               q.get("said_when"), q["start"], q["end"], pub) for i, q in enumerate(r["quotes"])]  # fmt: skip
    claims = [(r["id"], i, c["status"], c["text"], c.get("speaker"), c.get("quote"),
               json.dumps(c.get("evidence") or [], ensure_ascii=False)) for i, c in enumerate(r.get("claims") or [])]  # fmt: skip
    events = []
    for i, e in enumerate(r["events"]):
        a, t, p, d, s = (
            e.get("actor") or {},
            e.get("target") or {},
            e.get("partner") or {},
            e.get("date") or {},
            e.get("source") or {},
        )
        events.append((r["id"], i, e["type"], e.get("family"), a.get("id"), a.get("name"), t.get("id"), t.get("name"), p.get("name"),
                       d.get("value"), d.get("precision"), (d.get("value") or "")[:10] or None, e.get("location"), e["modality"],
                       s.get("speaker"), s.get("via"), json.dumps(s.get("chain") or [], ensure_ascii=False),
                       (e.get("evidence") or {}).get("text"), pub))  # fmt: skip
    return {
        "articles": [(rowid, r["id"], r["source"], r["url"], r["title"], r["outlet"]["name"], r["outlet"]["domain"], pub,
                      r["language"], r["content_hash"], json.dumps(r, ensure_ascii=False), 1, now, now)],
        "articles_fts": [(rowid, r["title"] or "", r["body"])],
        "sources": [(r["source"], r["id"], now)],
        "entity_mentions": [(r["id"], e["id"], e["name"], e["type"], m["text"], pub) for e in r["entities"] for m in e["mentions"]],
        "quotes": quotes,
        "claims": claims,
        "events": events,
    }  # fmt: skip


INSERTS = {
    "articles": "INSERT INTO articles (rowid, id, source, url, title, outlet_name, outlet_domain, published, language, "
    "content_hash, record, version, first_seen, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "articles_fts": "INSERT INTO articles_fts (rowid, title, body) VALUES (?,?,?)",
    "sources": "INSERT INTO sources (source, article_id, seen_at) VALUES (?,?,?)",
    "entity_mentions": "INSERT INTO entity_mentions (article_id, entity_id, name, type, mention, published) VALUES (?,?,?,?,?,?)",
    "quotes": "INSERT INTO quotes (article_id, idx, text, direct, speaker_id, speaker_name, speaker_role, cue, kind, medium, "
    'via, said_when, start, "end", published) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
    "claims": "INSERT INTO claims (article_id, idx, status, text, speaker, quote_idx, evidence) VALUES (?,?,?,?,?,?,?)",
    "events": "INSERT INTO events (article_id, idx, type, family, actor_id, actor_name, target_id, target_name, partner_name, "
    "date_value, date_precision, date_start, location, modality, speaker, via, chain, evidence, published) "
    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
}


def generate(
    path: Path, n_articles: int, samples: Path, seed: int = 7, progress: Callable[[str], None] = print
) -> Path:
    """Write a database of ``n_articles`` generated articles at ``path`` (one transaction, batched inserts)."""
    from kronik.store import Store

    templates = sample_records(samples)
    rng = random.Random(seed)
    words = _syllable_words(VOCABULARY, rng)
    weights = list(itertools.accumulate(1 / (k + 1) for k in range(len(words))))  # Zipf (cumulative)
    tmp = path.with_suffix(".partial")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    Store(tmp).close()  # kronik's tables and indexes, by its own migrations
    conn = sqlite3.connect(tmp, isolation_level=None)
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    started = time.perf_counter()
    conn.execute("BEGIN")
    for lo in range(0, n_articles, BATCH):
        batch: dict[str, list[tuple]] = {k: [] for k in INSERTS}
        for i in range(lo, min(lo + BATCH, n_articles)):
            for table, rows in _rows(
                _vary(templates[i % len(templates)], i, rng, words, weights), i + 1, now
            ).items():
                batch[table] += rows
        for table, rows in batch.items():
            conn.executemany(INSERTS[table], rows)
        progress(
            f"generated {min(lo + BATCH, n_articles):,} / {n_articles:,} articles ({time.perf_counter() - started:.0f} s)"
        )
    conn.execute("COMMIT")
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('optimize')")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    tmp.replace(path)
    return path


def bench_db(n_articles: int, samples: Path, work: Path, indexes: bool = True,
             progress: Callable[[str], None] = print) -> Path:  # fmt: skip
    """The generated database for ``n_articles``, made once and kept in ``work``; with ``indexes`` it has
    the web's proposed indexes (:data:`kronik.web.queries.PROPOSED_INDEXES`), without them it has only
    kronik's migrations."""
    from kronik.web.queries import PROPOSED_INDEXES

    work.mkdir(parents=True, exist_ok=True)
    path = work / f"serve-{n_articles}-v{GENERATOR_VERSION}.db"
    if not path.exists():
        generate(path, n_articles, samples, progress=progress)
    else:
        progress(f"reusing {path}")
    conn = sqlite3.connect(path)
    for sql in PROPOSED_INDEXES:
        name = sql.split(" ON ")[0].split()[-1]
        conn.execute(sql if indexes else f"DROP INDEX IF EXISTS {name}")
    conn.commit()
    conn.close()
    return path


# -- load --------------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_server(db: Path, port: int, workers: int) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "KRONIK_TOKEN"}
    cmd = [
        sys.executable,
        "-m",
        "kronik.web",
        "--db",
        str(db),
        "--port",
        str(port),
        "--workers",
        str(workers),
    ]
    return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _wait_ready(base: str, proc: subprocess.Popen, timeout: float = 60.0) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise KronikError(
                f"server exited: {proc.stderr.read().decode(errors='replace') if proc.stderr else ''}"
            )
        try:
            if httpx.get(base + "/api/stats", timeout=30).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise KronikError("server did not start in time")


def _plan(conn: sqlite3.Connection, rng: random.Random) -> dict[str, list[str]]:
    """Requests per kind: a mix of words, filters and pages over what the database holds."""
    ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY random() LIMIT 400")]
    ents = [r[0] for r in conn.execute("SELECT entity_id FROM entity_mentions ORDER BY random() LIMIT 300")]
    actors = [
        r[0]
        for r in conn.execute("SELECT DISTINCT actor_id FROM events WHERE actor_id IS NOT NULL LIMIT 100")
    ]
    search, page_search = [], []
    for _ in range(400):
        term = rng.choice(SEARCH_TERMS)
        year = rng.randrange(START.year, START.year + DAYS // 365)
        variant = rng.choice([
            {"q": term},
            {"q": term, "outlet": rng.choice(OUTLETS)},
            {"q": term, "published_from": f"{year}-01", "published_to": f"{year}-06"},
            {"q": term, "event_type": rng.choice(["verbal conflict", "material conflict", "THREATEN", "REJECT"])},
            {"q": term, "claim_status": rng.choice(["reported", "unverified", "denied"])},
            {"entity": rng.choice(ents)},
            {"event_type": "material conflict", "modality": "asserted", "event_from": f"{year}-03", "event_to": f"{year}-05"},
            {"q": term, "sort": "newest", "offset": str(rng.choice([0, 20, 100]))},
        ])  # fmt: skip
        query = "&".join(f"{k}={v}" for k, v in variant.items())
        search.append("/api/search?" + query)
        page_search.append("/search?" + query)
    timeline, graph = [], []
    for _ in range(200):
        year = rng.randrange(START.year, START.year + DAYS // 365)
        timeline.append(rng.choice([f"/timeline?from={year}-01&to={year}-03", f"/timeline?actor={rng.choice(actors)}",
                                    f"/timeline?type=verbal+conflict&from={year}", "/timeline"]))  # fmt: skip
        month = rng.randrange(1, 10)
        graph.append(f"/graph?from={year}-{month:02d}&to={year}-{month + 2:02d}")
    return {
        "search_api": search,
        "search_page": page_search,
        "article_page": [f"/article/{i}" for i in ids],
        "entity_page": [f"/entity/{e}" for e in ents],
        "timeline_page": timeline,
        "graph_page": graph,
    }


async def _load(base: str, urls: list[str], clients: int, requests: int) -> tuple[list[float], float, int]:
    """``requests`` GETs spread over ``clients`` concurrent closed-loop clients; latencies in ms, wall s, errors."""
    import httpx

    latencies: list[float] = []
    errors = 0
    counter = iter(range(requests))

    async def client(http: httpx.AsyncClient) -> None:
        nonlocal errors
        for k in counter:
            url = urls[k % len(urls)]
            t0 = time.perf_counter()
            try:
                ok = (await http.get(url)).status_code == 200
            except httpx.TimeoutException:  # counted as an error, at the time it took
                ok = False
            latencies.append((time.perf_counter() - t0) * 1000)
            errors += not ok

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=REQUEST_TIMEOUT_S, limits=limits) as http:
        started = time.perf_counter()
        await asyncio.gather(*(client(http) for _ in range(clients)))
        return latencies, time.perf_counter() - started, errors


def _summary(latencies: list[float], wall: float, errors: int) -> dict[str, float]:
    q = statistics.quantiles(latencies, n=100, method="inclusive")
    return {"requests": len(latencies), "errors": errors, "p50_ms": round(q[49], 1), "p95_ms": round(q[94], 1),
            "p99_ms": round(q[98], 1), "mean_ms": round(statistics.fmean(latencies), 1),
            "per_s": round(len(latencies) / wall, 1)}  # fmt: skip


def _single(base: str, urls: list[str], n: int) -> dict[str, float]:
    """Render time with no other load: one client, sequential requests (server time plus loopback)."""
    import httpx

    out = []
    with httpx.Client(base_url=base, timeout=REQUEST_TIMEOUT_S) as http:
        for url in urls[:n]:
            t0 = time.perf_counter()
            with contextlib.suppress(httpx.TimeoutException):  # counted at the time it took
                http.get(url)
            out.append((time.perf_counter() - t0) * 1000)
    q = statistics.quantiles(out, n=100, method="inclusive")
    return {"p50_ms": round(q[49], 1), "p95_ms": round(q[94], 1)}


def bench(
    n_articles: int = 100_000,
    clients: int = 20,
    requests: int = 1000,
    workers: int | None = None,
    samples: str | Path = "samples/pages",
    work: str | Path = "build/bench",
    indexes: bool = True,
    progress: Callable[[str], None] = print,
) -> dict[str, Any]:
    """Search p50/p95 and page render times with ``clients`` concurrent clients over ``n_articles`` articles.

    Args:
        n_articles (int): generated articles (the database is kept in ``work`` and reused).
        clients (int): concurrent closed-loop clients.
        requests (int): requests per measured kind (search API; each page kind).
        workers (int | None): uvicorn worker processes (default: the CPU count).
        samples (str | Path): pages the generated articles are copied from.
        work (str | Path): folder for the generated database.
        indexes (bool): give the database the web's proposed indexes (see queries.PROPOSED_INDEXES).
    RETURNS (dict): database size, per kind ``{requests, errors, p50_ms, p95_ms, p99_ms, mean_ms, per_s}`` under
        load, and ``unloaded`` p50/p95 per kind with one client.
    """
    samples, work = Path(samples), Path(work)
    if not samples.exists():
        raise KronikError(f"{samples}: no such folder (run from the repository root or pass --samples)")
    db = bench_db(n_articles, samples, work, indexes, progress)
    workers = workers or os.cpu_count() or 1
    rng = random.Random(11)
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        plan = _plan(conn, rng)
    for urls in plan.values():
        rng.shuffle(urls)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    proc = _start_server(db, port, workers)
    try:
        _wait_ready(base, proc)
        progress(f"server up ({workers} worker(s)); warming up")
        for urls in plan.values():
            asyncio.run(_load(base, urls, min(clients, 4), 40))
        result: dict[str, Any] = {"articles": n_articles, "db_mb": round(db.stat().st_size / 2**20), "clients": clients,
                                  "workers": workers, "cpus": os.cpu_count(), "proposed_indexes": indexes,
                                  "load_average": os.getloadavg()[0], "kinds": {}, "unloaded": {}}  # fmt: skip
        for kind, urls in plan.items():
            progress(f"measuring {kind}: {requests} requests, {clients} clients")
            result["kinds"][kind] = _summary(*asyncio.run(_load(base, urls, clients, requests)))
        for kind, urls in plan.items():
            result["unloaded"][kind] = _single(base, urls, 60)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    return result


def iter_lines(result: dict[str, Any]) -> Iterator[str]:
    """The bench result as printed lines."""
    yield (f"{result['articles']:,} articles ({result['db_mb']:,} MB, proposed indexes "
           f"{'on' if result['proposed_indexes'] else 'off'}), {result['clients']} concurrent clients, "
           f"{result['workers']} uvicorn worker(s) on {result['cpus']} CPU(s), load average before: "
           f"{result['load_average']:.1f}")  # fmt: skip
    for kind, s in result["kinds"].items():
        alone = result["unloaded"].get(kind, {})
        yield (f"{kind:14} p50 {s['p50_ms']:7.1f} ms  p95 {s['p95_ms']:7.1f} ms  p99 {s['p99_ms']:7.1f} ms  "
               f"{s['per_s']:6.1f} req/s  errors {s['errors']}  | one client: p50 {alone.get('p50_ms', 0):.1f} ms, "
               f"p95 {alone.get('p95_ms', 0):.1f} ms")  # fmt: skip
