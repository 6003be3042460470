"""Article search for the web: full text (FTS5) plus filters that join the entity, event and claim tables,
paginated, with facets. Parameterised SQL only (user values are bound, never written into SQL).

Records make ``articles`` rows large (tens of kB), so the plan avoids reading the row of every match:

- words only: FTS5 counts and ranks by itself;
- filters on the article's own columns become a set of rowids read from an index;
- a filter on entities, events or claims that matches few articles (*sparse*) is where the query starts;
- filters that match many (*dense*) are checked per candidate (``EXISTS``) while the query walks articles by
  date, or on the best-ranked candidates by relevance; their total is then estimated from a sample and
  marked as such (``total_exact: false``).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass
from typing import Any

from kronik.errors import StoreError
from kronik.web.queries import FAMILIES, EventFilters, Page, _event_sql, _one, index_names, upper_bound

SORTS = ("relevance", "newest", "oldest")
#: Above this many full-text matches, results are listed newest first instead of by relevance: BM25 scores
#: every match (about 1.6 µs each on one core), and the order of tens of thousands of matches of a common
#: word says little. The response says so (``order``).
RANK_MAX_MATCHES = 10_000
#: A filter on entities, events or claims matching at most this many articles is sparse: the query starts
#: from its ids.
SPARSE_MAX = 5_000
#: Best-ranked matches checked against dense filters first (the rest only when these leave the page short);
#: also the size of the sample a dense total is estimated from (±4 % at worst, and marked as an estimate).
CANDIDATES = 500
#: From this many candidates on, the check scans the articles_meta index (which holds the id) instead of
#: reading each candidate's large row: 100,000 index entries cost about what 4,000 row reads do.
CHECK_SCAN_MIN = 4_000
#: Facets are counted over at most this many of the first matches in the chosen order, so that a query
#: matching most of a 100,000-article corpus still answers in tens of milliseconds; the page says so.
FACET_SAMPLE = 500
#: Values listed per facet.
FACET_VALUES = 12
#: Characters of the body shown for a hit found without words.
LEAD_CHARS = 280
#: Indexes a walk over articles by publication date may take, best first (articles_meta holds the id too).
WALK_INDEXES = ("articles_meta", "articles_published")
# Snippet markers: control characters that cannot occur in stored text (the cleaner drops them), split
# out in Python so that matched words are highlighted without ever marking up article text as HTML.
MARK_OPEN, MARK_CLOSE = "\x02", "\x03"


@dataclass(frozen=True)
class SearchFilters:
    """Search over articles: full text plus filters that join the entity, event and claim tables."""

    q: str | None = None
    published_from: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD, inclusive
    published_to: str | None = None
    event_from: str | None = None  # when an event of the article happened
    event_to: str | None = None
    outlet: str | None = None
    entity: str | None = None  # entity id
    event_type: str | None = None  # a type (ASSAULT) or a family (material conflict)
    modality: str | None = None
    claim_status: str | None = None
    language: str | None = None
    sort: str = "relevance"

    def active(self) -> dict[str, str]:
        return {k: v for k, v in asdict(self).items() if v and k != "sort"}


def fts_query(q: str) -> str:
    """FTS5 query for what a user typed: bare words are quoted (so "Rusia-Ukraina" or "F-16" is no syntax
    error) and ANDed; a trailing * keeps prefix search; explicit OR / NOT / quotes are passed on."""
    q = q.strip()
    if any(op in q for op in ('"', " OR ", " NOT ", " AND ", "NEAR(")):
        return q
    terms = []
    for w in q.split():
        star = w.endswith("*") and len(w) > 1
        w = w.rstrip("*").replace('"', "")
        if w:
            terms.append(f'"{w}"' + ("*" if star else ""))
    return " ".join(terms)


@dataclass
class _Terms:
    """The filters of a search as SQL over ``articles a``."""

    fts: str | None  # the FTS5 query
    cols: list[str]  # terms on the article's own columns
    col_args: list[Any]
    sets: list[
        tuple[str, str, str, list[Any]]
    ]  # (table, condition for a set, condition per article, arguments)

    def in_terms(self) -> tuple[list[str], list[Any]]:
        """Id filters as ``a.id IN (…)``: one set built, then probed."""
        terms, args = [], []
        for table, cond, _, a in self.sets:
            terms.append(f"a.id IN (SELECT x.article_id FROM {table} AS x WHERE {cond})")
            args += a
        return terms, args

    def exists_terms(self) -> tuple[list[str], list[Any]]:
        """Id filters as ``EXISTS (…)``: checked per article, nothing built."""
        terms, args = [], []
        for table, _, cond, a in self.sets:
            terms.append(f"EXISTS (SELECT 1 FROM {table} AS x WHERE x.article_id = a.id AND {cond})")
            args += a
        return terms, args


def _terms(f: SearchFilters) -> _Terms:
    cols: list[str] = []
    col_args: list[Any] = []
    for cond, value in (("a.published >= ?", f.published_from), ("a.published <= ?", f.published_to and
                        upper_bound(f.published_to)), ("a.outlet_name = ?", f.outlet), ("a.language = ?", f.language)):  # fmt: skip
        if value:
            cols.append(cond)
            col_args.append(value)
    # Per article (EXISTS) every condition but the article's id is written "+x.…": SQLite then looks the
    # article's own rows up by the article_id index every table has (migrations 0002–0004), never every row
    # of an entity, type or status.
    sets: list[tuple[str, str, str, list[Any]]] = []
    if f.entity:
        sets.append(("entity_mentions", "x.entity_id = ?", "+x.entity_id = ?", [f.entity]))
    ev, ev_args = _event_sql(EventFilters(event_type=f.event_type, modality=f.modality, date_from=f.event_from,
                                          date_to=f.event_to), alias="x")  # fmt: skip
    if ev:
        sets.append(("events", " AND ".join(ev), " AND ".join("+" + c for c in ev), ev_args))
    if f.claim_status:
        sets.append(("claims", "x.status = ?", "+x.status = ?", [f.claim_status]))
    return _Terms(fts_query(f.q) or None if f.q else None, cols, col_args, sets)


def _sparse_size(conn: sqlite3.Connection, t: _Terms) -> int | None:
    """The number of articles of the narrowest id filter when it is at most :data:`SPARSE_MAX` (counted no
    further), else None."""
    sizes = []
    for table, cond, _, args in t.sets:
        sql = f"SELECT count(*) FROM (SELECT DISTINCT x.article_id FROM {table} AS x WHERE {cond} LIMIT ?)"
        sizes.append(_one(conn, sql, [*args, SPARSE_MAX + 1]))
    smallest = min(sizes, default=SPARSE_MAX + 1)
    return smallest if smallest <= SPARSE_MAX else None


def _walk_index(indexes: set[str], outlet: bool) -> str | None:
    """The index to walk articles by date on; none when only articles_published is there and an outlet is
    asked for (the planner then takes the narrower outlet index)."""
    for name in WALK_INDEXES:
        if name in indexes and not (name == "articles_published" and outlet):
            return name
    return None


@dataclass
class _Plan:
    terms: _Terms
    order: str  # relevance, newest or oldest
    dense: bool  # id filters checked per candidate
    walk: str | None  # INDEXED BY for the date walk
    fts_total: int
    sparse_size: int | None  # articles of the narrowest id filter, when sparse


def _plan(conn: sqlite3.Connection, f: SearchFilters, indexes: set[str]) -> _Plan:
    t = _terms(f)
    fts_total = (
        _one(conn, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", (t.fts,)) if t.fts else 0
    )
    sparse_size = _sparse_size(conn, t) if t.sets else None
    sparse = sparse_size is not None
    dense = bool(t.sets) and not sparse
    walk = _walk_index(indexes, bool(f.outlet)) if (t.fts or dense) and not sparse else None
    order = f.sort if f.sort in SORTS else "relevance"
    if order == "relevance" and (not t.fts or fts_total > RANK_MAX_MATCHES):
        order = "newest"
    return _Plan(t, order, dense, walk, fts_total, sparse_size)


def _where(p: _Plan, with_fts: bool = True) -> tuple[str, list[Any]]:
    """FROM … WHERE … of the matching articles for a date-ordered walk or a count."""
    t = p.terms
    terms, args = list(t.cols), list(t.col_args)
    if with_fts and t.fts:
        terms.insert(0, "a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        args.insert(0, t.fts)
    set_terms, set_args = t.exists_terms() if p.dense else t.in_terms()
    source = "articles a" + (f" INDEXED BY {p.walk}" if p.walk else "")
    where = terms + set_terms
    return source + (" WHERE " + " AND ".join(where) if where else ""), args + set_args


def _by_date(conn: sqlite3.Connection, p: _Plan, limit: int, offset: int) -> list[int]:
    source, args = _where(p)
    direction = "DESC" if p.order == "newest" else "ASC"
    sql = (
        f"SELECT a.rowid FROM {source} ORDER BY a.published {direction}, a.rowid {direction} LIMIT ? OFFSET ?"
    )
    return [r[0] for r in conn.execute(sql, (*args, limit, offset))]


def _ranked(conn: sqlite3.Connection, p: _Plan, limit: int, offset: int) -> list[int]:
    """Best first. Column filters and sparse id filters become a set of rowids the ranked matches are checked
    against ("+rowid": applied to FTS5's rows, not a per-rowid lookup inside it); dense id filters are checked
    on the ranked matches themselves, :data:`CANDIDATES` at a time, until the page is full."""
    t = p.terms
    rank = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rank MATCH 'bm25(5.0, 1.0)'"
    if not t.cols and not t.sets:
        return [r[0] for r in conn.execute(rank + " ORDER BY rank LIMIT ? OFFSET ?", (t.fts, limit, offset))]
    if p.dense:  # relevance order is only used up to RANK_MAX_MATCHES matches: all of them are listed
        best = [r[0] for r in conn.execute(rank + " ORDER BY rank LIMIT ?", (t.fts, RANK_MAX_MATCHES))]
        kept = _check(conn, p, best[:CANDIDATES])
        if len(kept) < offset + limit:
            kept += _check(conn, p, best[CANDIDATES:])
        return kept[offset : offset + limit]
    source, args = _where(p, with_fts=False)
    sql = f"{rank} AND +rowid IN (SELECT a.rowid FROM {source}) ORDER BY rank LIMIT ? OFFSET ?"
    return [r[0] for r in conn.execute(sql, (t.fts, *args, limit, offset))]


def _check(conn: sqlite3.Connection, p: _Plan, rowids: list[int]) -> list[int]:
    """Those of ``rowids`` (in their order) that pass the column and id filters."""
    t = p.terms
    set_terms, set_args = t.exists_terms()
    cond = "".join(" AND " + c for c in t.cols + set_terms)
    if not rowids:
        return []
    # with articles_meta (it holds the id), scanning it beats reading the large row of every candidate
    hint = " INDEXED BY articles_meta" if p.walk == "articles_meta" and len(rowids) >= CHECK_SCAN_MIN else ""
    rows = conn.execute(f"SELECT a.rowid FROM articles a{hint} WHERE a.rowid IN (SELECT value FROM json_each(?)){cond}",
                        (json.dumps(rowids), *t.col_args, *set_args))  # fmt: skip
    ok = {r[0] for r in rows}
    return [r for r in rowids if r in ok]


def _total(conn: sqlite3.Connection, p: _Plan) -> tuple[int, bool]:
    """How many articles match, and whether that is exact; dense id filters are applied to a sample of the
    matches of the other filters (the first :data:`CANDIDATES` by rowid) and the total scaled from it."""
    t = p.terms
    if not p.dense:
        if t.fts and not t.cols and not t.sets:
            return p.fts_total, True
        if not t.fts and not t.cols and len(t.sets) == 1 and p.sparse_size is not None:
            return p.sparse_size, True
        source, args = _where(p)
        if t.fts and not t.sets:  # count in the full-text table, against the rowids of the column filters
            sql = ("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ? AND +rowid IN (SELECT a.rowid FROM "
                   f"articles a WHERE {' AND '.join(t.cols)})")  # fmt: skip
            return _one(conn, sql, [t.fts, *t.col_args]), True
        if p.walk:
            source = source.replace(f" INDEXED BY {p.walk}", "", 1)  # counting: the planner's choice
        return _one(conn, f"SELECT count(*) FROM {source}", args), True
    if t.fts:  # the sample is of the full-text matches; the check applies the column filters too
        base = p.fts_total
        sample_sql, sample_args = (
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?",
            [t.fts, CANDIDATES],
        )
    else:
        cond = " WHERE " + " AND ".join(t.cols) if t.cols else ""
        base = _one(conn, f"SELECT count(*) FROM articles a{cond}", t.col_args)
        sample_sql, sample_args = f"SELECT a.rowid FROM articles a{cond} LIMIT ?", [*t.col_args, CANDIDATES]
    sample = [r[0] for r in conn.execute(sample_sql, sample_args)]
    kept = len(_check(conn, p, sample))
    if base <= len(sample):
        return kept, True
    return round(base * kept / max(len(sample), 1)), False


def search(
    conn: sqlite3.Connection, f: SearchFilters, limit: int, offset: int, with_facets: bool = False,
    indexes: set[str] | None = None,
) -> Page:  # fmt: skip
    """Articles matching ``f`` (by relevance, or by date), each with a snippet and counts of what it holds.

    ``extra`` carries ``order`` (the order used), ``total_exact`` and, with ``with_facets``, ``facets`` over
    the first :data:`FACET_SAMPLE` matches in that order."""
    if f.q and not fts_query(f.q):  # only punctuation: no words to look for
        f = SearchFilters(**{**asdict(f), "q": None})
    try:
        p = _plan(conn, f, indexes if indexes is not None else index_names(conn))
        total, exact = _total(conn, p)
        pick = _ranked if p.order == "relevance" else _by_date
        if with_facets and offset + limit <= FACET_SAMPLE:
            sample = pick(conn, p, FACET_SAMPLE, 0)
            rowids = sample[offset : offset + limit]
        else:
            rowids = pick(conn, p, limit, offset)
            sample = pick(conn, p, FACET_SAMPLE, 0) if with_facets else []
        items = _hits(conn, p.terms.fts, rowids)
    except (sqlite3.OperationalError, StoreError) as err:
        raise StoreError(f"bad search query {f.q!r}: {err}") from err
    extra: dict[str, Any] = {"order": p.order, "total_exact": exact}
    if with_facets:
        extra["facets"] = _facets(conn, sample, total)
    return Page(items, total, limit, offset, extra)


def articles(
    conn: sqlite3.Connection, f: SearchFilters, limit: int, offset: int, indexes: set[str] | None = None
) -> Page:
    """Stored articles, newest first unless ``f.sort`` says oldest (the search without words)."""
    return search(conn, SearchFilters(**{**asdict(f), "q": None}), limit, offset, indexes=indexes)


def _hits(conn: sqlite3.Connection, fts: str | None, rowids: list[int]) -> list[dict[str, Any]]:
    if not rowids:
        return []
    marks = ",".join("?" * len(rowids))
    rows = {r["rowid"]: dict(r) for r in conn.execute(
        "SELECT a.rowid AS rowid, a.id, a.title, a.outlet_name AS outlet, a.published, a.language, a.source "
        f"FROM articles a WHERE a.rowid IN ({marks})", rowids)}  # fmt: skip
    snippets: dict[int, str] = {}
    if fts:
        snippets = dict(conn.execute(
            f"SELECT rowid, snippet(articles_fts, 1, ?, ?, ' … ', 24) FROM articles_fts WHERE articles_fts MATCH ? "
            f"AND rowid IN ({marks})", (MARK_OPEN, MARK_CLOSE, fts, *rowids)).fetchall())  # fmt: skip
    out = []
    for rowid in rowids:
        r = rows[rowid]
        r["snippet"] = snippets.get(rowid) or _lead(conn, rowid)
        r.update(_counts(conn, r["id"]))
        del r["rowid"]
        out.append(r)
    return out


def _lead(conn: sqlite3.Connection, rowid: int) -> str:
    """The start of the body (from the full-text table: a smaller row than the record)."""
    return (
        _one(conn, "SELECT substr(body, 1, ?) FROM articles_fts WHERE rowid = ?", (LEAD_CHARS, rowid)) or ""
    )


def _counts(conn: sqlite3.Connection, article_id: str) -> dict[str, int]:
    """How many entities, quotes, claims and events an article holds (index lookups)."""
    row = conn.execute(
        "SELECT (SELECT count(DISTINCT entity_id) FROM entity_mentions WHERE article_id = ?1),"
        " (SELECT count(*) FROM quotes WHERE article_id = ?1), (SELECT count(*) FROM claims WHERE article_id = ?1),"
        " (SELECT count(*) FROM events WHERE article_id = ?1)",
        (article_id,),
    ).fetchone()
    return {"n_entities": row[0], "n_quotes": row[1], "n_claims": row[2], "n_events": row[3]}


def split_marks(snippet: str) -> list[tuple[str, bool]]:
    """A snippet as (text, matched) pieces, for templates that escape every piece."""
    pieces: list[tuple[str, bool]] = []
    for i, part in enumerate(snippet.split(MARK_OPEN)):
        if i == 0:
            pieces.append((part, False))
            continue
        hit, _, rest = part.partition(MARK_CLOSE)
        pieces += [(hit, True), (rest, False)]
    return [p for p in pieces if p[0]]


_FACETS = {
    "outlet": "SELECT outlet, NULL, count(*) FROM m WHERE outlet IS NOT NULL GROUP BY 1",
    "language": "SELECT language, NULL, count(*) FROM m WHERE language IS NOT NULL GROUP BY 1",
    "entity": "SELECT x.entity_id, max(x.name) || char(31) || max(x.type), count(DISTINCT x.article_id) "
    "FROM m CROSS JOIN entity_mentions x ON x.article_id = m.id GROUP BY 1",
    "event_type": "SELECT x.type, NULL, count(DISTINCT x.article_id) FROM m CROSS JOIN events x ON x.article_id = m.id "
    "GROUP BY 1",
    "modality": "SELECT x.modality, NULL, count(DISTINCT x.article_id) FROM m CROSS JOIN events x ON x.article_id = m.id "
    "GROUP BY 1",
    "claim_status": "SELECT x.status, NULL, count(DISTINCT x.article_id) FROM m CROSS JOIN claims x "
    "ON x.article_id = m.id GROUP BY 1",
}


def _facets(conn: sqlite3.Connection, sample: list[int], total: int) -> dict[str, Any]:
    """Counts of outlets, entities, event types, modalities, claim statuses and languages among ``sample``
    (rowids of the first matches)."""
    union = " UNION ALL ".join(
        f"SELECT * FROM (SELECT '{name}' AS facet, v.* FROM ({sql}) AS v ORDER BY 4 DESC, 2 LIMIT {FACET_VALUES})"
        for name, sql in _FACETS.items()
    )
    m = ("WITH m AS MATERIALIZED (SELECT a.id AS id, a.outlet_name AS outlet, a.language AS language "
         "FROM json_each(?) AS j JOIN articles a ON a.rowid = j.value) ")  # fmt: skip
    out: dict[str, Any] = {name: [] for name in _FACETS}
    for facet, value, extra, count in conn.execute(m + union, (json.dumps(sample),)):
        item: dict[str, Any] = {"value": value, "count": count}
        if facet == "entity":
            item["name"], _, item["type"] = (extra or "").partition("\x1f")
        out[facet].append(item)
    out["sampled"] = total > len(sample)
    out["sample_size"] = len(sample)
    return out


__all__ = ["FAMILIES", "SORTS", "SearchFilters", "articles", "search", "split_marks"]
