"""``kronik bench serve``: latency of the web app on a generated database of many articles.

The database is made from the records of a few real pages (``samples/pages``) copied with new ids, dates,
outlets and local entities, and a paragraph of generated words each so that the full-text index has a
realistic vocabulary; the NLP pipeline runs once per sample page, not once per article. The server runs
in a subprocess (``python -m kronik.web``, one uvicorn per worker process); ``clients`` concurrent
closed-loop clients (no think time, one keep-alive connection each) then measure the search API and the
rendering of each page kind, then one client alone. Timings are wall clock on this machine, with the clients
running on the same cores, so the clients are a few lines of asyncio (:class:`_Client`, about 0.2 ms of CPU
a request) rather than httpx (about 4 ms, more than the server's own work). The server says which answers
came from its response cache (``x-kronik-cache``): the share is reported, with the latencies of the others.
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
from urllib.parse import quote

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
    from kronik.store.migrations import fill_summaries

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
    progress("summarising (article and entity summary tables)")
    fill_summaries(conn)  # what Store.upsert keeps up to date, computed once for the rows inserted here
    conn.execute("COMMIT")
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('optimize')")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    tmp.replace(path)
    return path


def bench_db(n_articles: int, samples: Path, work: Path, indexes: bool = True,
             progress: Callable[[str], None] = print) -> Path:  # fmt: skip
    """The generated database for ``n_articles``, made once and kept in ``work`` and brought up to kronik's
    migrations; with ``indexes`` it has the web's indexes (migration 0005,
    :data:`kronik.web.queries.PROPOSED_INDEXES`), without them the same database lacks them."""
    from kronik.store import Store
    from kronik.web.queries import PROPOSED_INDEXES

    work.mkdir(parents=True, exist_ok=True)
    path = work / f"serve-{n_articles}-v{GENERATOR_VERSION}.db"
    if not path.exists():
        generate(path, n_articles, samples, progress=progress)
    else:
        progress(f"reusing {path}")
    conn = sqlite3.connect(path)
    for sql in PROPOSED_INDEXES:
        conn.execute(sql)
    # Databases generated before 0005 was a migration got its indexes here, by hand: record it as applied
    # (its CREATE INDEX statements would fail), so that the later migrations run.
    conn.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    conn.execute("INSERT OR IGNORE INTO _migrations (name, applied_at) VALUES ('0005_web_indexes', ?)",
                 (dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),))  # fmt: skip
    conn.commit()
    conn.close()
    started = time.perf_counter()
    Store(path).close()  # the migrations it lacks (0006 summarises 100,000 articles in about a minute)
    progress(f"migrated ({time.perf_counter() - started:.0f} s)")
    if not indexes:
        conn = sqlite3.connect(path)
        for sql in PROPOSED_INDEXES:
            conn.execute(f"DROP INDEX IF EXISTS {sql.split(' ON ')[0].split()[-1]}")
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


class _Client:
    """One keep-alive HTTP/1.1 connection that sends a GET and reads the whole answer (Content-Length or
    chunked). A few lines of asyncio instead of httpx: httpx costs about 4 ms of CPU per request on the
    development machine, more than the server's own work, and the clients share the server's cores."""

    def __init__(self, host: str, port: int, fresh: bool = False) -> None:
        self.host, self.port = host, port
        # Cache-Control: no-cache asks the server for a fresh answer, not one from its response cache
        self.extra = "Cache-Control: no-cache\r\n" if fresh else ""
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, url: str) -> tuple[int, dict[str, str]]:
        """Status and headers (lower-case names) of ``GET url``; the body is read and dropped."""
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        target = quote(url, safe="/?&=:+%,*")
        self.writer.write(f"GET {target} HTTP/1.1\r\nHost: {self.host}\r\n{self.extra}\r\n".encode())
        head = (await self.reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        status = int(head[0].split()[1])
        headers = {k.strip().lower(): v.strip() for k, _, v in (h.partition(":") for h in head[1:] if h)}
        if headers.get("transfer-encoding", "").lower() == "chunked":
            while size := int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16):
                await self.reader.readexactly(size + 2)
            await self.reader.readuntil(b"\r\n")
        else:
            await self.reader.readexactly(int(headers.get("content-length", 0)))
        if headers.get("connection", "").lower() == "close":
            await self.close()
        return status, headers

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(OSError):
                await self.writer.wait_closed()
        self.reader = self.writer = None


async def _load(
    base: str, urls: list[str], clients: int, requests: int, fresh: bool = False
) -> tuple[list[tuple[float, bool]], float, int]:
    """``requests`` GETs spread over ``clients`` concurrent closed-loop clients, each on its own keep-alive
    connection (``fresh``: asking for answers not from the response cache); per request its latency in ms
    and whether the answer came from the server's response cache, the wall time in s, and the errors."""
    host, _, port = base.removeprefix("http://").partition(":")
    done: list[tuple[float, bool]] = []
    errors = 0
    counter = iter(range(requests))

    async def client() -> None:
        nonlocal errors
        conn = _Client(host, int(port), fresh)
        try:
            for k in counter:
                t0 = time.perf_counter()
                try:
                    status, headers = await asyncio.wait_for(conn.get(urls[k % len(urls)]), REQUEST_TIMEOUT_S)
                except (TimeoutError, OSError, ValueError, asyncio.IncompleteReadError):
                    status, headers = 0, {}  # counted as an error, at the time it took
                    await conn.close()
                done.append(((time.perf_counter() - t0) * 1000, headers.get("x-kronik-cache") == "hit"))
                errors += status != 200
        finally:
            await conn.close()

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    return done, time.perf_counter() - started, errors


def _cpu_seconds(pid: int) -> float:
    """CPU seconds used so far by process ``pid`` and its descendants (Linux ``/proc``; 0 elsewhere)."""
    pids, total, tick = [pid], 0.0, os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    for p in pids:
        with contextlib.suppress(OSError):
            for children in Path(f"/proc/{p}/task").glob("*/children"):
                pids += [int(c) for c in children.read_text().split()]
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def _quantiles(values: list[float]) -> tuple[float, float, float]:
    if len(values) < 2:
        return (values[0],) * 3 if values else (0.0, 0.0, 0.0)
    q = statistics.quantiles(values, n=100, method="inclusive")
    return round(q[49], 1), round(q[94], 1), round(q[98], 1)


def _summary(done: list[tuple[float, bool]], wall: float, errors: int) -> dict[str, float]:
    """Quantiles of all answers, and of those computed afresh (not from the response cache)."""
    latencies = [ms for ms, _ in done]
    p50, p95, p99 = _quantiles(latencies)
    fresh = _quantiles([ms for ms, hit in done if not hit])
    return {"requests": len(done), "errors": errors, "p50_ms": p50, "p95_ms": p95, "p99_ms": p99,
            "mean_ms": round(statistics.fmean(latencies), 1), "per_s": round(len(done) / wall, 1),
            "cached": round(sum(hit for _, hit in done) / max(len(done), 1), 2),
            "fresh_p50_ms": fresh[0], "fresh_p95_ms": fresh[1]}  # fmt: skip


def _single(base: str, urls: list[str], n: int) -> dict[str, float]:
    """Render time with no other load: one client, sequential requests (server time plus loopback), each
    asking for a fresh answer (not from the server's response cache)."""
    summary = _summary(*asyncio.run(_load(base, urls[:n], 1, min(n, len(urls)), fresh=True)))
    return {"p50_ms": summary["p50_ms"], "p95_ms": summary["p95_ms"]}


def bench(
    n_articles: int = 100_000,
    clients: int = 20,
    requests: int = 1000,
    workers: int | None = None,
    samples: str | Path = "samples/pages",
    work: str | Path = "build/bench",
    indexes: bool = True,
    fresh: bool = False,
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
        fresh (bool): every loaded request asks for a fresh answer (``Cache-Control: no-cache``), so none
            comes from the server's response cache.
    RETURNS (dict): database size, per kind ``{requests, errors, p50_ms, p95_ms, p99_ms, mean_ms, per_s, cached,
        fresh_p50_ms, fresh_p95_ms, server_cpu_ms, client_cpu_ms}`` under load (cached: the share of answers from
        the response cache; fresh_*: latencies of the other answers; CPU per request), and ``unloaded`` p50/p95
        per kind with one client asking for fresh answers.
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
                                  "fresh": fresh, "load_average": os.getloadavg()[0], "kinds": {}, "unloaded": {}}  # fmt: skip
        for kind, urls in plan.items():
            progress(f"measuring {kind}: {requests} requests, {clients} clients")
            server, client = _cpu_seconds(proc.pid), time.process_time()
            result["kinds"][kind] = s = _summary(*asyncio.run(_load(base, urls, clients, requests, fresh)))
            s["server_cpu_ms"] = round((_cpu_seconds(proc.pid) - server) * 1000 / requests, 2)
            s["client_cpu_ms"] = round((time.process_time() - client) * 1000 / requests, 2)
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
           f"{'on' if result['proposed_indexes'] else 'off'}), {result['clients']} concurrent clients"
           f"{' asking for fresh answers' if result.get('fresh') else ''}, {result['workers']} uvicorn worker(s) on "
           f"{result['cpus']} CPU(s), load average before: {result['load_average']:.1f}")  # fmt: skip
    for kind, s in result["kinds"].items():
        alone = result["unloaded"].get(kind, {})
        yield (f"{kind:14} p50 {s['p50_ms']:7.1f} ms  p95 {s['p95_ms']:7.1f} ms  p99 {s['p99_ms']:7.1f} ms  "
               f"{s['per_s']:6.1f} req/s  errors {s['errors']}  | from the response cache {s.get('cached', 0):.0%}, "
               f"the others p50 {s.get('fresh_p50_ms', 0):.1f} / p95 {s.get('fresh_p95_ms', 0):.1f} ms | CPU a request: "
               f"server {s.get('server_cpu_ms', 0):.1f} ms, clients {s.get('client_cpu_ms', 0):.1f} ms | one client: "
               f"p50 {alone.get('p50_ms', 0):.1f} ms, p95 {alone.get('p95_ms', 0):.1f} ms")  # fmt: skip
