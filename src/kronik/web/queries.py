"""All read SQL of the web app: parameterised statements on read-only SQLite connections.

Every value a user sends reaches SQLite as a bound parameter; the only SQL text built at run time is
the choice among fixed fragments (which filters are on), so filters cannot inject SQL. Connections are
opened with ``mode=ro`` and ``PRAGMA query_only``: the web's readers can never write; ingest goes
through :class:`kronik.store.Store`, the one writer.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kronik.errors import NotFoundError, StoreError
from kronik.stages.claims import STATUS_ORDER
from kronik.stages.events import MODALITIES as EVENT_MODALITIES
from kronik.stages.events import families
from kronik.timeline import CONFLICT, COOPERATION

#: PLOVER families and their event types, modalities and claim statuses: the stages' own lists.
FAMILIES: dict[str, list[str]] = families()
EVENT_TYPES: tuple[str, ...] = tuple(t for types in FAMILIES.values() for t in types)
MODALITIES = EVENT_MODALITIES
CLAIM_STATUSES = STATUS_ORDER
ENTITY_TYPES = ("PER", "ORG", "LOC")
#: What an entity id looks like (record.md): a Wikidata id, country:XX, kronik:slug or local:slug.
ENTITY_ID = re.compile(r"^(Q\d+|(country|kronik|local):\S+)$")

#: The indexes of migration ``0005_web_indexes`` (kronik/store/migrations.py), as statements that may be re-run:
#: queries are right without them, only slower on large databases (``kronik bench serve --no-indexes``).
PROPOSED_INDEXES = (
    # the article columns filters and date order need, with the id: walks that never read a record
    "CREATE INDEX IF NOT EXISTS articles_meta ON articles(published, id, outlet_name, language)",
    "CREATE INDEX IF NOT EXISTS entity_mentions_entity_article ON entity_mentions(entity_id, article_id, published, mention)",
    "CREATE INDEX IF NOT EXISTS events_type_date ON events(type, date_start, article_id)",
    "CREATE INDEX IF NOT EXISTS events_actor_date ON events(actor_id, date_start)",
    "CREATE INDEX IF NOT EXISTS events_target_date ON events(target_id, date_start)",
    # when an event counts in the actor graph: when it happened, else when its article was published
    "CREATE INDEX IF NOT EXISTS events_when ON events(coalesce(date_start, substr(published, 1, 10)))",
    "CREATE INDEX IF NOT EXISTS claims_status_article ON claims(status, article_id)",
    "CREATE INDEX IF NOT EXISTS quotes_speaker_published ON quotes(speaker_id, published)",
)

#: Edges drawn at most in the actor graph (the heaviest first); more is unreadable.
GRAPH_MAX_EDGES = 80


@dataclass
class Page:
    """One page of a list: ``{items, total, limit, offset}`` in JSON."""

    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "items": self.items,
            "total": self.total,
            "limit": self.limit,
            "offset": self.offset,
            **self.extra,
        }


@dataclass(frozen=True)
class EventFilters:
    """Events by when they happened; ``actor`` is an entity id or a name on either side."""

    actor: str | None = None
    with_: str | None = None
    event_type: str | None = None
    modality: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    article: str | None = None
    actor_id: str | None = None  # exact: the entity acting
    target_id: str | None = None  # exact: the entity acted on


class ReadOnlyDB:
    """Per-thread read-only connections to one kronik database (threads of the server's pool reuse theirs)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise StoreError(f"{self.path}: no such database (create it with kronik ingest)")
        self._uri = self.path.resolve().as_uri() + "?mode=ro"
        self._stamped = (str(self.path), str(self.path) + "-wal")
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()

    def conn(self) -> sqlite3.Connection:
        c = getattr(self._local, "conn", None)
        if c is None:
            try:
                c = sqlite3.connect(self._uri, uri=True, check_same_thread=False)
                c.execute("PRAGMA query_only = 1")
            except sqlite3.Error as err:
                raise StoreError(f"{self.path}: cannot open database: {err}") from err
            c.row_factory = sqlite3.Row
            self._local.conn = c
            with self._lock:
                self._all.append(c)
        return c

    def generation(self) -> tuple[int, ...]:
        """Changes whenever the database is written (its file or its write-ahead log), for caches; checked by
        every request, so two plain ``os.stat`` calls."""
        stamps: list[int] = []
        for name in self._stamped:
            try:
                st = os.stat(name)
            except OSError:
                stamps += [0, 0]
            else:
                stamps += [st.st_mtime_ns, st.st_size]
        return tuple(stamps)

    def close(self) -> None:
        with self._lock:
            for c in self._all:
                c.close()
            self._all.clear()


def _rows(conn: sqlite3.Connection, sql: str, args: tuple | list = ()) -> list[dict[str, Any]]:
    try:
        return [dict(r) for r in conn.execute(sql, tuple(args))]
    except sqlite3.OperationalError as err:
        raise StoreError(f"query failed: {err}") from err


def _one(conn: sqlite3.Connection, sql: str, args: tuple | list = ()) -> Any:
    try:
        row = conn.execute(sql, tuple(args)).fetchone()
    except sqlite3.OperationalError as err:
        raise StoreError(f"query failed: {err}") from err
    return row[0] if row is not None else None


def upper_bound(date_prefix: str) -> str:
    """The inclusive upper bound of a date prefix against ISO strings: "2023-02" covers "2023-02-28T23:59…"."""
    return date_prefix + "~"  # "~" sorts after every character an ISO date or time holds


# -- articles ----------------------------------------------------------------------------------------


def article(conn: sqlite3.Connection, article_id: str) -> dict[str, Any]:
    """The stored record, with its version and when kronik first and last stored it."""
    rows = _rows(
        conn, "SELECT record, version, first_seen, updated_at FROM articles WHERE id = ?", (article_id,)
    )
    if not rows:
        raise NotFoundError(f"no article with id {article_id!r}")
    record = json.loads(rows[0]["record"])
    record["_stored"] = {
        "version": rows[0]["version"],
        "first_seen": rows[0]["first_seen"],
        "updated_at": rows[0]["updated_at"],
        "earlier_versions": _rows(
            conn, "SELECT version, content_hash, replaced_at FROM article_versions WHERE id = ? ORDER BY version",
            (article_id,),
        ),
        "read_from": [record.get("source"), *[s for s in record.get("joined_from") or [] if s != record.get("source")]],
    }  # fmt: skip
    return record


# -- entities ----------------------------------------------------------------------------------------


def entities(conn: sqlite3.Connection, name: str | None, type_: str | None, limit: int, offset: int) -> Page:
    """Entities over all articles: canonical name, type, article count, first and last seen (the writer's
    summary rows: no mention is aggregated here)."""
    where, args = [], []
    if type_:
        where.append("s.type = ?")
        args.append(type_)
    if name:
        where.append("(s.name LIKE ? ESCAPE '\\' OR s.id IN (SELECT entity_id FROM entity_aliases WHERE text LIKE ? "
                     "ESCAPE '\\'))")  # fmt: skip
        pattern = "%" + name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        args += [pattern, pattern]
    cond = " WHERE " + " AND ".join(where) if where else ""
    total = _one(conn, f"SELECT count(*) FROM entity_summary s{cond}", args)
    items = _rows(
        conn,
        "SELECT s.id, s.name, s.type, s.articles, s.mentions, s.first_seen, s.last_seen FROM entity_summary s"
        f"{cond} ORDER BY s.articles DESC, s.name, s.id LIMIT ? OFFSET ?",
        [*args, limit, offset],
    )
    return Page(items, total, limit, offset)


def entity(conn: sqlite3.Connection, entity_id: str) -> dict[str, Any]:
    """One entity: canonical name, type, spellings seen, roles, how often it is named, quoted, and acts."""
    rows = _rows(conn, "SELECT id, name, type, articles, first_seen, last_seen FROM entity_summary WHERE id = ?",
                 (entity_id,))  # fmt: skip
    if not rows:
        raise NotFoundError(f"no entity with id {entity_id!r}")
    row = rows[0]
    wikidata = entity_id if entity_id.startswith("Q") and entity_id[1:].isdigit() else None
    aliases = "SELECT text, mentions FROM entity_aliases WHERE entity_id = ? ORDER BY mentions DESC, text"
    roles = "SELECT role, n AS count FROM entity_roles WHERE entity_id = ? ORDER BY n DESC, role"
    return {
        "id": entity_id,
        "name": row["name"],  # the name it was first stored with
        "type": row["type"],
        "wikidata": wikidata,
        "aliases": _rows(conn, aliases, (entity_id,)),
        "roles": _rows(conn, roles, (entity_id,)),  # from the records and from its quotes as a speaker
        "articles": row["articles"],
        "first_seen": row["first_seen"],
        "last_seen": row["last_seen"],
        "quotes": _one(conn, "SELECT count(*) FROM quotes WHERE speaker_id = ?", (entity_id,)),
        "events_as_actor": _one(conn, "SELECT count(*) FROM events WHERE actor_id = ?", (entity_id,)),
        "events_as_recipient": _one(conn, "SELECT count(*) FROM events WHERE target_id = ?", (entity_id,)),
    }


def entity_articles(
    conn: sqlite3.Connection, entity_id: str, limit: int, offset: int
) -> list[dict[str, Any]]:
    """Articles naming the entity, newest first (ties by rowid, undated last, as search lists them), each
    with how often it names it: read in order from ``article_entities``'s primary key."""
    return _rows(
        conn,
        "SELECT a.id, a.title, a.outlet, a.published, x.mentions FROM article_entities x "
        "JOIN article_summary a ON a.rowid = x.article "
        "WHERE x.entity = (SELECT key FROM entity_summary WHERE id = ?) "
        "ORDER BY x.published DESC, x.article DESC LIMIT ? OFFSET ?",
        (entity_id, limit, offset),
    )


# -- quotes ------------------------------------------------------------------------------------------


def quotes(
    conn: sqlite3.Connection,
    speaker: str | None,
    direct: bool | None,
    article_id: str | None,
    limit: int,
    offset: int,
    exact: bool = False,
) -> Page:
    """Quotes, newest articles first; ``speaker`` is an entity id or a part of a name (an id only when ``exact``)."""
    where, args = [], []
    if speaker and exact:
        where.append("q.speaker_id = ?")
        args.append(speaker)
    elif speaker:
        where.append("(q.speaker_id = ? OR q.speaker_name LIKE ? ESCAPE '\\')")
        args += [speaker, "%" + speaker.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"]
    if direct is not None:
        where.append("q.direct = ?")
        args.append(int(direct))
    if article_id:
        where.append("q.article_id = ?")
        args.append(article_id)
    cond = " WHERE " + " AND ".join(where) if where else ""
    total = _one(conn, f"SELECT count(*) FROM quotes q{cond}", args)
    items = _rows(
        conn,
        "SELECT q.article_id, q.idx, q.text, q.direct, q.speaker_id, q.speaker_name, q.speaker_role, q.cue, q.kind, "
        f'q.medium, q.via, q.said_when, q.start, q."end", q.published, a.title, a.outlet FROM quotes q '
        f"JOIN article_summary a ON a.id = q.article_id{cond} ORDER BY q.published DESC, q.article_id, q.idx LIMIT ? OFFSET ?",
        [*args, limit, offset],
    )
    for q in items:
        q["direct"] = bool(q["direct"])
        q["id"] = f"{q['article_id']}:q{q['idx']}"
    return Page(items, total, limit, offset)


# -- events and the timeline -------------------------------------------------------------------------


def _event_sql(f: EventFilters, split: bool = False) -> tuple[list[str], list[Any], str | None]:
    """WHERE terms over ``events e`` for ``f``, with their arguments; with ``split``, the first actor or
    ``with`` that is an entity id is left out and returned instead, for :func:`_arms`."""
    e = "e"
    where: list[str] = []
    args: list[Any] = []
    pivot = None
    for who in (f.actor, f.with_):
        if who and ENTITY_ID.match(who) and split and pivot is None:
            pivot = who
        elif who and ENTITY_ID.match(who):  # an id: the indexed id columns (a partner has a name only)
            where.append(f"({e}.actor_id = ? OR {e}.target_id = ?)")
            args += [who] * 2
        elif who:
            where.append(f"({e}.actor_name = ? OR {e}.target_name = ? OR {e}.partner_name = ?)")
            args += [who] * 3
    if f.event_type:  # a family is its types, so that one index on the type serves both
        types = FAMILIES.get(f.event_type, [f.event_type])
        where.append(f"{e}.type IN (" + ",".join("?" * len(types)) + ")")
        args += types
    if f.modality:
        where.append(f"{e}.modality = ?")
        args.append(f.modality)
    if f.date_from:
        where.append(f"{e}.date_start >= ?")
        args.append(f.date_from)
    if f.date_to:
        where.append(f"{e}.date_start <= ?")
        args.append(upper_bound(f.date_to))
    if f.article:
        where.append(f"{e}.article_id = ?")
        args.append(f.article)
    if f.actor_id:
        where.append(f"{e}.actor_id = ?")
        args.append(f.actor_id)
    if f.target_id:
        where.append(f"{e}.target_id = ?")
        args.append(f.target_id)
    return where, args, pivot


def _arms(f: EventFilters) -> list[tuple[str, list[Any]]]:
    """The conditions of ``f`` as one or two disjoint parts (``e.… AND …``), to be read apart and joined with
    UNION ALL. An entity on either side ("actor_id = X OR target_id = X") is read as "actor_id = X" plus
    "target_id = X AND actor_id IS NOT X": each part then walks its own index in timeline order, where the OR
    made SQLite read and sort every event of the entity (60 ms for a country, 1 ms so)."""
    where, args, pivot = _event_sql(f, split=True)
    if pivot is None:
        return [(" AND ".join(where) or "1", args)]
    return [(" AND ".join([*where, "e.actor_id = ?"]), [*args, pivot]),
            (" AND ".join([*where, "e.target_id = ?", "e.actor_id IS NOT ?"]), [*args, pivot, pivot])]  # fmt: skip


def _union(select: str, arms: list[tuple[str, list[Any]]], tail: str = "") -> tuple[str, list[Any]]:
    """``select`` (ending in WHERE) over each arm, joined with UNION ALL, then ``tail`` (ORDER BY, LIMIT)."""
    sql = " UNION ALL ".join(f"{select} {cond}" for cond, _ in arms)
    return sql + tail, [a for _, args in arms for a in args]


# The columns the order uses are named (AS), so that ORDER BY names them alike in one SELECT and in a UNION.
_EVENT_COLUMNS = (
    "SELECT e.article_id AS article_id, e.idx AS idx, e.type, e.family, e.actor_id, e.actor_name, e.target_id, "
    "e.target_name, e.partner_name, e.date_value, e.date_precision, e.date_start AS date_start, e.location, e.modality, "
    "e.speaker, e.via, e.chain, e.evidence, e.published AS published, a.title, a.outlet "
    "FROM events e{hint} JOIN article_summary a ON a.id = e.article_id WHERE"
)


def events(conn: sqlite3.Connection, f: EventFilters, limit: int, offset: int) -> Page:
    """Events ordered by when they happened (undated ones last, by publication), each with its article.

    Dated and undated events are read apart so that the dated part can walk an index on ``date_start``
    (forced when no actor narrows the events: a type or family alone matches too many to sort); an entity on
    either side is read in two parts (:func:`_arms`) that SQLite merges in order."""
    arms = _arms(f)
    narrow = f.actor or f.with_ or f.article or f.actor_id or f.target_id
    hint = "" if narrow else " INDEXED BY events_date"
    sql, args = _union("SELECT count(*) AS n, count(e.date_start) AS d FROM events e WHERE", arms)
    total, dated = conn.execute(f"SELECT sum(n), sum(d) FROM ({sql})", args).fetchone()
    items: list[dict[str, Any]] = []
    if offset < dated:
        sql, args = _union(_EVENT_COLUMNS.format(hint=hint) + " e.date_start IS NOT NULL AND", arms,
                           " ORDER BY date_start, published, article_id, idx LIMIT ? OFFSET ?")  # fmt: skip
        items += _rows(conn, sql, [*args, limit, offset])
    if len(items) < limit and offset + len(items) < total:
        sql, args = _union(_EVENT_COLUMNS.format(hint="") + " e.date_start IS NULL AND", arms,
                           " ORDER BY published, article_id, idx LIMIT ? OFFSET ?")  # fmt: skip
        items += _rows(conn, sql, [*args, limit - len(items), max(0, offset - dated)])
    for e in items:
        e["chain"] = json.loads(e["chain"] or "[]")
        e["id"] = f"{e['article_id']}:e{e['idx']}"
        e["side"] = side_of(e["family"])
    return Page(items, total, limit, offset)


def side_of(family: str | None) -> str:
    return "cooperation" if family in COOPERATION else "conflict" if family in CONFLICT else "other"


def entity_months(conn: sqlite3.Connection, entity_id: str) -> list[dict[str, Any]]:
    """Per month (when the events happened, else published): the entity's cooperation and conflict events
    (as actor, plus as recipient of another's: each part read from its own index alone)."""
    rows = _rows(
        conn,
        "SELECT month, family, sum(n) AS n FROM ("
        "SELECT substr(coalesce(date_start, published), 1, 7) AS month, family, count(*) AS n FROM events "
        "WHERE actor_id = ?1 GROUP BY 1, 2 UNION ALL "
        "SELECT substr(coalesce(date_start, published), 1, 7), family, count(*) FROM events "
        "WHERE target_id = ?1 AND actor_id IS NOT ?1 GROUP BY 1, 2) GROUP BY 1, 2 ORDER BY 1",
        (entity_id,),
    )
    months: dict[str, dict[str, Any]] = {}
    for r in rows:
        m = months.setdefault(
            r["month"] or "?", {"month": r["month"] or "?", "cooperation": 0, "conflict": 0, "other": 0}
        )
        m[side_of(r["family"])] += r["n"]
    return list(months.values())


def graph(
    conn: sqlite3.Connection, date_from: str | None, date_to: str | None, family: str | None
) -> dict[str, Any]:
    """Who does what to whom: one edge per (actor, other, relation) with cooperation and conflict counts over
    the period; an undated event counts at its article's publication date, as in ``kronik timeline --format pairs``."""
    where = ["e.actor_name IS NOT NULL", "coalesce(e.target_name, e.partner_name) IS NOT NULL"]
    args: list[Any] = []
    when = "coalesce(e.date_start, substr(e.published, 1, 10))"
    if date_from:
        where.append(f"{when} >= ?")
        args.append(date_from)
    if date_to:
        where.append(f"{when} <= ?")
        args.append(upper_bound(date_to))
    if family:
        where.append("(e.family = ? OR e.type = ?)")
        args += [family, family]
    rows = _rows(
        conn,
        "SELECT coalesce(e.actor_id, 'name:' || e.actor_name) AS source, e.actor_name AS source_name, "
        "coalesce(e.target_id, 'name:' || coalesce(e.target_name, e.partner_name)) AS target, "
        "coalesce(e.target_name, e.partner_name) AS target_name, CASE WHEN e.target_name IS NULL THEN 'partner' "
        "ELSE 'target' END AS relation, e.family, e.type, count(*) AS n, min("
        + when
        + ") AS first, max("
        + when
        + ") AS last "
        "FROM events e WHERE " + " AND ".join(where) + " GROUP BY 1, 3, 5, 6, 7",
        args,
    )
    # a partner has a name only: give it the id its name has as an actor or recipient elsewhere in the period
    known = {r["source_name"]: r["source"] for r in rows if not r["source"].startswith("name:")}
    known.update({r["target_name"]: r["target"] for r in rows if not r["target"].startswith("name:")})
    for r in rows:
        for side in ("source", "target"):
            if r[side].startswith("name:") and r[side + "_name"] in known:
                r[side] = known[r[side + "_name"]]
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    nodes: dict[str, dict[str, Any]] = {}
    for r in rows:
        key = (r["source"], r["target"], r["relation"])
        e = edges.setdefault(key, {"source": r["source"], "target": r["target"], "relation": r["relation"],
                                   "cooperation": 0, "conflict": 0, "other": 0, "types": {}, "first": r["first"],
                                   "last": r["last"]})  # fmt: skip
        e[side_of(r["family"])] += r["n"]
        e["types"][r["type"]] = e["types"].get(r["type"], 0) + r["n"]
        e["first"], e["last"] = min(e["first"], r["first"]), max(e["last"], r["last"])
        for nid, name in ((r["source"], r["source_name"]), (r["target"], r["target_name"])):
            node = nodes.setdefault(
                nid, {"id": nid, "name": name, "entity": not nid.startswith("name:"), "events": 0}
            )
            node["events"] += r["n"]
    ranked = sorted(
        edges.values(),
        key=lambda e: (-(e["cooperation"] + e["conflict"] + e["other"]), e["source"], e["target"]),
    )
    kept = ranked[:GRAPH_MAX_EDGES]
    used = {e["source"] for e in kept} | {e["target"] for e in kept}
    return {
        "nodes": sorted(
            (n for n in nodes.values() if n["id"] in used), key=lambda n: (-n["events"], n["name"])
        ),
        "edges": kept,
        "edges_total": len(edges),
        "period": {"from": date_from, "to": date_to},
    }


# -- sources and the corpus --------------------------------------------------------------------------


def sources(conn: sqlite3.Connection, q: str | None, limit: int, offset: int) -> Page:
    """Inputs read into the database (file, URL, ``path#N``) with the article each became, and the inputs that failed."""
    where, args = "", []
    if q:
        where = " WHERE s.source LIKE ? ESCAPE '\\'"
        args.append("%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
    total = _one(conn, f"SELECT count(*) FROM sources s{where}", args)
    items = _rows(
        conn,
        f"SELECT s.source, s.article_id, s.seen_at, a.title, a.outlet FROM sources s "
        f"LEFT JOIN article_summary a ON a.id = s.article_id{where} ORDER BY s.source LIMIT ? OFFSET ?",
        [*args, limit, offset],
    )
    failed = _rows(conn, "SELECT source, reason, at FROM failures ORDER BY source LIMIT 100")
    return Page(items, total, limit, offset, {"failures": failed})


def stats(conn: sqlite3.Connection) -> dict[str, Any]:
    one = _one
    lo_hi = conn.execute("SELECT min(published), max(published) FROM articles").fetchone()
    ev = conn.execute("SELECT min(date_start), max(date_start) FROM events").fetchone()
    return {
        "articles": one(conn, "SELECT count(*) FROM articles"),
        "entities": one(conn, "SELECT count(*) FROM entity_summary"),
        "quotes": one(conn, "SELECT count(*) FROM quotes"),
        "claims": one(conn, "SELECT count(*) FROM claims"),
        "events": one(conn, "SELECT count(*) FROM events"),
        "published_range": [lo_hi[0], lo_hi[1]],
        "events_range": [ev[0], ev[1]],
    }


def outlets(conn: sqlite3.Connection) -> list[str]:
    return [r["outlet"] for r in _rows(conn, "SELECT DISTINCT outlet FROM article_summary WHERE outlet IS NOT NULL "
                                             "ORDER BY 1 LIMIT 500")]  # fmt: skip
