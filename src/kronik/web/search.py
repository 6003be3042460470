"""Article search for the web: full text (FTS5) plus filters on the article, its entities, events and claims,
paginated, with facets. Parameterised SQL only (user values are bound, never written into SQL).

Filters, orders, totals and facets are array operations on the process's column index
(:mod:`kronik.web.index`): each filter is a mask over article rowids, the masks are ANDed, and the matches
are listed by relevance (FTS5's BM25, ranked once per query and kept) or by publication time. Totals are
exact. SQLite is asked only for what arrays do not hold: full-text matches, the articles naming an entity,
the entities of the facet sample, and the rows and snippets of the page's hits.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass, replace
from typing import Any

import numpy as np

from kronik.errors import StoreError
from kronik.web.index import RANK_MAX_MATCHES, ArticleIndex, Mask, Rowids, rowids_of
from kronik.web.queries import FAMILIES, Page, upper_bound

SORTS = ("relevance", "newest", "oldest")
#: Facets are counted over at most this many of the first matches in the chosen order (a sample of the
#: whole when there are more; the page says so).
FACET_SAMPLE = 500
#: Values listed per facet.
FACET_VALUES = 12
#: Characters of the body shown for a hit found without words.
LEAD_CHARS = 280
# Snippet markers: control characters that cannot occur in stored text (the cleaner drops them), split
# out in Python so that matched words are highlighted without ever marking up article text as HTML.
MARK_OPEN, MARK_CLOSE = "\x02", "\x03"


@dataclass(frozen=True)
class SearchFilters:
    """Search over articles: full text plus filters on the article, its entities, events and claims."""

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


def _filter_mask(conn: sqlite3.Connection, index: ArticleIndex, f: SearchFilters) -> Mask | None:
    """The articles passing every filter but the words (None: no such filter)."""
    masks: list[Mask] = []
    if f.published_from or f.published_to:
        masks.append(
            index.published_between(f.published_from, f.published_to and upper_bound(f.published_to))
        )
    if f.outlet:
        masks.append(index.coded("outlet", f.outlet))
    if f.language:
        masks.append(index.coded("language", f.language))
    if f.entity:
        masks.append(index.entity(conn, f.entity))
    if f.event_type or f.modality or f.event_from or f.event_to:
        types = FAMILIES.get(f.event_type, [f.event_type]) if f.event_type else None
        masks.append(
            index.with_event(types, f.modality, f.event_from, f.event_to and upper_bound(f.event_to))
        )
    if f.claim_status:
        masks.append(index.claim_status(f.claim_status))
    if not masks:
        return None
    mask = masks[0]  # a fresh array: ANDed in place
    for other in masks[1:]:
        mask &= other
    return mask


def _listed(conn: sqlite3.Connection, index: ArticleIndex, f: SearchFilters) -> tuple[Rowids, str]:
    """Every matching rowid in the order used, and that order."""
    fts = fts_query(f.q) if f.q else None
    mask = _filter_mask(conn, index, f)
    order = f.sort if f.sort in SORTS else "relevance"
    if fts:
        found = index.matches(conn, fts, ranked=order == "relevance")
        if found.ranked is not None:
            return (found.ranked if mask is None else found.ranked[mask[found.ranked]]), order
        assert found.mask is not None
        mask = found.mask if mask is None else mask & found.mask  # never in place: the match mask is cached
    if order == "relevance":  # no words, or too many matches to rank
        order = "newest"
    return index.by_date(mask, newest=order == "newest"), order


def search(
    conn: sqlite3.Connection, index: ArticleIndex, f: SearchFilters, limit: int, offset: int,
    with_facets: bool = False,
) -> Page:  # fmt: skip
    """Articles matching ``f`` (by relevance, or by date), each with a snippet and counts of what it holds.

    ``extra`` carries ``order`` (the order used; relevance only up to :data:`RANK_MAX_MATCHES` matches),
    ``total_exact`` (always true now) and, with ``with_facets``, ``facets`` over the first
    :data:`FACET_SAMPLE` matches in that order."""
    if f.q and not fts_query(f.q):  # only punctuation: no words to look for
        f = replace(f, q=None)
    try:
        listed, order = _listed(conn, index, f)
        items = _hits(
            conn, fts_query(f.q) if f.q else None, [int(r) for r in listed[offset : offset + limit]]
        )
        extra: dict[str, Any] = {"order": order, "total_exact": True}
        if with_facets:
            extra["facets"] = _facets(conn, index, listed[:FACET_SAMPLE], len(listed))
    except sqlite3.OperationalError as err:
        raise StoreError(f"bad search query {f.q!r}: {err}") from err
    return Page(items, len(listed), limit, offset, extra)


def _hits(conn: sqlite3.Connection, fts: str | None, rowids: list[int]) -> list[dict[str, Any]]:
    """The page's articles from their summaries (small rows), with a snippet of the matched words, or the
    start of the body (both from the full-text table)."""
    if not rowids:
        return []
    marks = ",".join("?" * len(rowids))
    rows = {r["rowid"]: dict(r) for r in conn.execute(
        "SELECT rowid, id, title, outlet, published, language, source, n_entities, n_quotes, n_claims, n_events "
        f"FROM article_summary WHERE rowid IN ({marks})", rowids)}  # fmt: skip
    snippets: dict[int, str] = {}
    if fts:
        snippets = dict(conn.execute(
            f"SELECT rowid, snippet(articles_fts, 1, ?, ?, ' … ', 24) FROM articles_fts WHERE articles_fts MATCH ? "
            f"AND rowid IN ({marks})", (MARK_OPEN, MARK_CLOSE, fts, *rowids)).fetchall())  # fmt: skip
    if lead := [r for r in rowids if not snippets.get(r)]:
        snippets.update(conn.execute(f"SELECT rowid, substr(body, 1, ?) FROM articles_fts WHERE rowid IN "
                                     f"({','.join('?' * len(lead))})", (LEAD_CHARS, *lead)).fetchall())  # fmt: skip
    out = []
    for rowid in rowids:
        r = rows[rowid]
        out.append({"id": r["id"], "title": r["title"], "outlet": r["outlet"], "published": r["published"],
                    "language": r["language"], "source": r["source"], "snippet": snippets.get(rowid) or "",
                    "n_entities": r["n_entities"], "n_quotes": r["n_quotes"], "n_claims": r["n_claims"],
                    "n_events": r["n_events"]})  # fmt: skip
    return out


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


def _top(counts: list[tuple[str, int]]) -> list[dict[str, Any]]:
    """The :data:`FACET_VALUES` most frequent values, ties by value."""
    return [
        {"value": v, "count": n} for v, n in sorted(counts, key=lambda vn: (-vn[1], vn[0]))[:FACET_VALUES]
    ]


def _facets(conn: sqlite3.Connection, index: ArticleIndex, sample: Rowids, total: int) -> dict[str, Any]:
    """Counts of outlets, languages, entities, event types, modalities and claim statuses among ``sample``
    (the first matches): arrays for all but the entities, which come from ``article_entities``."""
    return {
        "outlet": _top(index.value_counts("outlet", sample)),
        "language": _top(index.value_counts("language", sample)),
        "entity": _entity_facet(conn, sample),
        "event_type": _top(index.event_counts("type", sample)),
        "modality": _top(index.event_counts("modality", sample)),
        "claim_status": _top(index.status_counts(sample)),
        "sampled": total > len(sample),
        "sample_size": len(sample),
    }


def _entity_facet(conn: sqlite3.Connection, sample: Rowids) -> list[dict[str, Any]]:
    """The entities most of ``sample`` names (ties by id): the entity keys of its articles are read in one
    string and counted by numpy (SQL's GROUP BY over the ~5,000 pairs of 500 articles took four times as
    long); names and ids are read only for the counts that can make the list."""
    keys = rowids_of(conn, "SELECT entity FROM article_entities WHERE article IN (SELECT value FROM json_each(?))",
                   (json.dumps(sample.tolist()),))  # fmt: skip
    found, counts = np.unique(keys, return_counts=True)
    if len(found) > FACET_VALUES:
        cutoff = np.partition(counts, -FACET_VALUES)[-FACET_VALUES]  # the count of the last place
        found, counts = found[counts >= cutoff], counts[counts >= cutoff]
    n = dict(zip(found.tolist(), counts.tolist(), strict=True))
    rows = conn.execute(f"SELECT key, id, name, type FROM entity_summary WHERE key IN ({','.join('?' * len(n))})",
                        list(n)).fetchall()  # fmt: skip
    rows.sort(key=lambda r: (-n[r[0]], r[1]))
    return [{"value": r[1], "count": n[r[0]], "name": r[2], "type": r[3]} for r in rows[:FACET_VALUES]]


__all__ = ["FAMILIES", "RANK_MAX_MATCHES", "SORTS", "SearchFilters", "search", "split_marks"]
