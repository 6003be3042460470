"""SQLite store: one writer, idempotent upserts by article id, earlier versions kept, FTS5 search.

The only module that imports sqlite3. ``upsert`` is safe to re-run: the same article twice is one
record; a changed one replaces the current record and the old one moves to ``article_versions``.
Inputs that failed are kept in ``failures`` so that a later run can report what is still missing.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kronik.data import Article
from kronik.errors import NotFoundError, StoreError
from kronik.store import summaries
from kronik.store.migrations import migrate

DEFAULT_DB = "kronik.db"
#: rapidfuzz ratio (0–100) at which two local entities of one type in different articles are one entity:
#: one or two letters apart in a name of ten ("Kokcharox"/"Kokcharov" 89).
LOCAL_MERGE_MIN = 88


@dataclass
class SearchHit:
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Store:
    """A kronik database. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | Path = DEFAULT_DB) -> None:
        self.path = str(path)
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            migrate(self.conn)
        except sqlite3.Error as err:
            raise StoreError(f"{self.path}: cannot open database: {err}") from err
        self._in_tx = False
        self._locals: dict[str, dict[str, str]] = {}  # type -> local entity name -> id, for merging

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._in_tx:
            self.conn.execute("COMMIT")
            self._in_tx = False
        self.conn.close()

    # -- writing ------------------------------------------------------------------------------

    def begin(self) -> None:
        if not self._in_tx:
            self.conn.execute("BEGIN IMMEDIATE")
            self._in_tx = True

    def commit(self) -> None:
        if self._in_tx:
            self.conn.execute("COMMIT")
            self._in_tx = False

    def upsert(self, article: Article) -> str:
        """Store ``article``; returns "stored", "updated" or "duplicate"."""
        self._merge_local_entities(article)
        record = article.to_dict()
        digest = record["content_hash"]
        now = _now()
        self.begin()
        row = self.conn.execute(
            "SELECT rowid, content_hash, version, record FROM articles WHERE id = ?", (article.id,)
        ).fetchone()
        if row is not None and row["content_hash"] == digest:
            status = "duplicate"
        elif row is not None:
            self.conn.execute(
                "INSERT INTO article_versions (id, version, content_hash, record, replaced_at) VALUES (?, ?, ?, ?, ?)",
                (article.id, row["version"], row["content_hash"], row["record"], now),
            )
            summaries.remove(self.conn, json.loads(row["record"]), row["rowid"])
            self._write(article, record, digest, now, version=row["version"] + 1, rowid=row["rowid"])
            status = "updated"
        else:
            self._write(article, record, digest, now, version=1, rowid=None)
            status = "stored"
        self.conn.execute(
            "INSERT INTO sources (source, article_id, seen_at) VALUES (?, ?, ?) "
            "ON CONFLICT(source) DO UPDATE SET article_id = excluded.article_id, seen_at = excluded.seen_at",
            (article.source, article.id, now),
        )
        for src in article.joined_from:
            self.conn.execute(
                "INSERT OR REPLACE INTO sources (source, article_id, seen_at) VALUES (?, ?, ?)",
                (src, article.id, now),
            )
        self.conn.execute("DELETE FROM failures WHERE source = ?", (article.source,))
        return status

    def _write(
        self, article: Article, record: dict[str, Any], digest: str, now: str, version: int, rowid: int | None
    ) -> None:
        values = (
            article.id, article.source, article.url, article.title, article.outlet.name, article.outlet.domain,
            article.published, article.language, digest, json.dumps(record, ensure_ascii=False), version, now,
        )  # fmt: skip
        if rowid is None:
            cur = self.conn.execute(
                "INSERT INTO articles (id, source, url, title, outlet_name, outlet_domain, published, language, "
                "content_hash, record, version, updated_at, first_seen) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (*values, now),
            )
            rowid = cur.lastrowid
        else:
            self.conn.execute(
                "UPDATE articles SET id=?, source=?, url=?, title=?, outlet_name=?, outlet_domain=?, published=?, "
                "language=?, content_hash=?, record=?, version=?, updated_at=? WHERE rowid=?",
                (*values, rowid),
            )
            self.conn.execute("DELETE FROM articles_fts WHERE rowid = ?", (rowid,))
        self.conn.execute(
            "INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)",
            (rowid, article.title or "", article.body),
        )
        self._write_quotes_claims(article)
        self._write_events(article)
        self.conn.execute("DELETE FROM entity_mentions WHERE article_id = ?", (article.id,))
        self.conn.executemany(
            "INSERT INTO entity_mentions (article_id, entity_id, name, type, mention, published) VALUES (?,?,?,?,?,?)",
            [
                (article.id, e["id"], e["name"], e["type"], m["text"], article.published)
                for e in article.entities
                for m in e["mentions"]
            ],
        )
        assert rowid is not None
        summaries.add(self.conn, record, rowid)

    def _write_quotes_claims(self, article: Article) -> None:
        self.conn.execute("DELETE FROM quotes WHERE article_id = ?", (article.id,))
        self.conn.execute("DELETE FROM claims WHERE article_id = ?", (article.id,))
        self.conn.executemany(
            "INSERT INTO quotes (article_id, idx, text, direct, speaker_id, speaker_name, speaker_role, cue, kind, medium,"
            ' via, said_when, start, "end", published) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
            [
                (article.id, i, q["text"], int(q["direct"]), (q.get("speaker") or {}).get("id"),
                 (q.get("speaker") or {}).get("name"), (q.get("speaker") or {}).get("role"), q.get("cue"), q.get("kind"),
                 q.get("medium"), q.get("via"), q.get("said_when"), q["start"], q["end"], article.published)
                for i, q in enumerate(article.quotes)
            ],
        )  # fmt: skip
        self.conn.executemany(
            "INSERT INTO claims (article_id, idx, status, text, speaker, quote_idx, evidence) VALUES (?,?,?,?,?,?,?)",
            [
                (article.id, i, c["status"], c["text"], c.get("speaker"), c.get("quote"),
                 json.dumps(c.get("evidence") or [], ensure_ascii=False))
                for i, c in enumerate(article.claims)
            ],
        )  # fmt: skip

    def _write_events(self, article: Article) -> None:
        self.conn.execute("DELETE FROM events WHERE article_id = ?", (article.id,))
        rows = []
        for i, e in enumerate(article.events):
            actor, target, partner = e.get("actor") or {}, e.get("target") or {}, e.get("partner") or {}
            date = e.get("date") or {}
            src = e.get("source") or {}
            rows.append((
                article.id, i, e["type"], e.get("family"), actor.get("id"), actor.get("name"), target.get("id"),
                target.get("name"), partner.get("name"), date.get("value"), date.get("precision"),
                (date.get("value") or "")[:10] or None, e.get("location"), e["modality"], src.get("speaker"), src.get("via"),
                json.dumps(src.get("chain") or [], ensure_ascii=False), (e.get("evidence") or {}).get("text"), article.published,
                actor.get("for"),
            ))  # fmt: skip
        self.conn.executemany(
            "INSERT INTO events (article_id, idx, type, family, actor_id, actor_name, target_id, target_name, partner_name,"
            " date_value, date_precision, date_start, location, modality, speaker, via, chain, evidence, published,"
            " actor_for) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )

    def timeline(
        self,
        actor: str | None = None,
        with_: str | None = None,
        between: tuple[str, str] | None = None,
        type_: str | None = None,
        limit: int = 1000,
    ) -> list[dict[str, Any]]:
        """Events ordered by when they happened (undated ones last, by publication); filters match an actor by
        name or id (as actor, recipient or partner, or the state a person actor serves), ``with_`` the other side, ``between`` ISO dates inclusive."""
        where, args = [], []
        if actor:
            where.append(
                "(e.actor_name LIKE ? OR e.actor_id = ? OR e.target_name LIKE ? OR e.partner_name LIKE ?"
                " OR e.actor_for LIKE ?)"
            )
            args += [actor, actor, actor, actor, actor]
        if with_:
            where.append("(e.actor_name LIKE ? OR e.target_name LIKE ? OR e.partner_name LIKE ?)")
            args += [with_, with_, with_]
        if between:
            where.append("e.date_start BETWEEN ? AND ?")
            args += [between[0][:10], between[1][:10] + "~"]
        if type_:
            where.append("(e.type = ? OR e.family = ?)")
            args += [type_.upper(), type_]
        sql = (
            "SELECT e.*, a.title, a.outlet_name FROM events e JOIN articles a ON a.id = e.article_id "
            + ("WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY e.date_start IS NULL, e.date_start, e.published, e.article_id, e.idx LIMIT ?"
        )
        return [dict(r) for r in self.conn.execute(sql, (*args, limit))]

    def quotes(
        self, speaker: str | None = None, direct: bool | None = None, limit: int = 100
    ) -> list[dict[str, Any]]:
        """Stored quotes, newest articles first; ``speaker`` matches the speaker's id or a part of the name."""
        where, args = [], []
        if speaker:
            where.append("(q.speaker_id = ? OR q.speaker_name LIKE ?)")
            args += [speaker, f"%{speaker}%"]
        if direct is not None:
            where.append("q.direct = ?")
            args.append(int(direct))
        sql = (
            "SELECT q.*, a.title, a.outlet_name FROM quotes q JOIN articles a ON a.id = q.article_id "
            + ("WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY q.published DESC, q.article_id, q.idx LIMIT ?"
        )
        return [dict(r) for r in self.conn.execute(sql, (*args, limit))]

    def _merge_local_entities(self, article: Article) -> None:
        """Give an entity outside the registry the local id it already has in the corpus when the name is the
        same person, organisation or place spelled a little differently ("Kokcharox" / "Kokcharov")."""
        from rapidfuzz import fuzz, process

        for e in article.entities:
            if not str(e.get("id", "")).startswith("local:"):
                continue
            known = self._local_names(e["type"])
            if e["id"] in known.values():
                continue
            hit = process.extractOne(
                e["name"].casefold(), known.keys(), scorer=fuzz.ratio, score_cutoff=LOCAL_MERGE_MIN
            )
            if hit is not None:
                old, e["id"] = e["id"], known[hit[0]]
                for q in article.quotes:  # quotes and events name their actors by entity id
                    if (q.get("speaker") or {}).get("id") == old:
                        q["speaker"]["id"] = e["id"]
                for ev in article.events:
                    for side in ("actor", "target", "partner"):
                        if (ev.get(side) or {}).get("id") == old:
                            ev[side]["id"] = e["id"]
            known[e["name"].casefold()] = e["id"]

    def _local_names(self, type_: str) -> dict[str, str]:
        if type_ not in self._locals:
            rows = self.conn.execute(
                "SELECT DISTINCT name, entity_id FROM entity_mentions WHERE type = ? AND entity_id LIKE 'local:%'",
                (type_,),
            )
            self._locals[type_] = {r["name"].casefold(): r["entity_id"] for r in rows}
        return self._locals[type_]

    def record_failure(self, source: str, reason: str) -> None:
        self.begin()
        self.conn.execute(
            "INSERT INTO failures (source, reason, at) VALUES (?, ?, ?) "
            "ON CONFLICT(source) DO UPDATE SET reason = excluded.reason, at = excluded.at",
            (source, reason, _now()),
        )

    # -- reading ------------------------------------------------------------------------------

    def get(self, article_id: str) -> dict[str, Any]:
        row = self.conn.execute("SELECT record FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            row = self.conn.execute(
                "SELECT a.record FROM sources s JOIN articles a ON a.id = s.article_id WHERE s.source = ?",
                (article_id,),
            ).fetchone()
        if row is None:
            raise NotFoundError(f"no article with id or source {article_id!r}")
        return json.loads(row["record"])

    def versions(self, article_id: str) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT version, content_hash, replaced_at FROM article_versions WHERE id = ? ORDER BY version",
            (article_id,),
        )
        return [dict(r) for r in rows]

    def has_source(self, source: str) -> bool:
        return self.conn.execute("SELECT 1 FROM sources WHERE source = ?", (source,)).fetchone() is not None

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Full-text search over title and body (FTS5 syntax; plain words are ANDed)."""
        try:
            rows = self.conn.execute(
                "SELECT a.id, a.title, a.outlet_name, a.published, "
                "snippet(articles_fts, 1, '[', ']', ' … ', 12) AS snip "
                "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
                "WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 5.0, 1.0) LIMIT ?",
                (_fts_query(query), limit),
            ).fetchall()
        except sqlite3.OperationalError as err:
            raise StoreError(f"bad search query {query!r}: {err}") from err
        return [SearchHit(r["id"], r["title"], r["outlet_name"], r["published"], r["snip"]) for r in rows]

    def stats(self) -> dict[str, Any]:
        one = self.conn.execute
        return {
            "articles": one("SELECT count(*) FROM articles").fetchone()[0],
            "earlier_versions": one("SELECT count(*) FROM article_versions").fetchone()[0],
            "sources": one("SELECT count(*) FROM sources").fetchone()[0],
            "failures": one("SELECT count(*) FROM failures").fetchone()[0],
            "published_range": tuple(one("SELECT min(published), max(published) FROM articles").fetchone()),
            "outlets": [tuple(r) for r in one(
                "SELECT coalesce(outlet_name, '?'), count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20")],
            "languages": [tuple(r) for r in one(
                "SELECT coalesce(language, '?'), count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC")],
        }  # fmt: skip

    def entities(
        self, type_: str | None = None, name: str | None = None, limit: int = 100
    ) -> list[dict[str, Any]]:
        """Entities over all stored articles: canonical name, type, spellings seen, article count, first and last
        seen (from the summary tables the writer keeps, never by aggregating every mention)."""
        where, args = [], []
        if type_:
            where.append("s.type = ?")
            args.append(type_.upper())
        if name:
            where.append(
                "(s.name LIKE ? OR s.id IN (SELECT entity_id FROM entity_aliases WHERE text LIKE ?))"
            )
            args += [f"%{name}%", f"%{name}%"]
        sql = (
            "SELECT s.id AS entity_id, s.name, s.type, (SELECT group_concat(x.text) FROM entity_aliases x "
            "WHERE x.entity_id = s.id) AS seen, s.articles, s.first_seen AS first, s.last_seen AS last "
            "FROM entity_summary s "
            + ("WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY s.articles DESC, s.name LIMIT ?"
        )
        return [dict(r) for r in self.conn.execute(sql, (*args, limit))]

    def failures(self) -> list[tuple[str, str]]:
        return [
            (r["source"], r["reason"])
            for r in self.conn.execute("SELECT source, reason FROM failures ORDER BY source")
        ]

    def iter_records(self) -> Iterator[dict[str, Any]]:
        for row in self.conn.execute("SELECT record FROM articles ORDER BY published, id"):
            yield json.loads(row["record"])


def _fts_query(query: str) -> str:
    """Quote each bare word so that punctuation in user queries ("Rusia-Ukraina") is not FTS syntax."""
    if any(op in query for op in ('"', " OR ", " NOT ", " AND ", "*", "NEAR(")):
        return query
    return " ".join('"' + w.replace('"', "") + '"' for w in query.split() if w.strip())
