"""The summary tables of migration 0006, kept up to date by the one writer as it stores each record.

An article's part in them is computed from its record alone (:func:`parts`), so that replacing a record is
taking the old record's part out (:func:`remove`) and putting the new one's in (:func:`add`): counts go down
and up by exactly what the article brought, without re-aggregating the mentions of an entity named in tens of
thousands of articles. Only an entity's first and last seen are re-read when an article leaves, from the two
ends of its range in ``article_entities``. ``migrations.SUMMARY_FILL`` computes the same tables in bulk.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Parts:
    """What one record brings to the summaries."""

    entities: dict[str, tuple[str, str, int]] = field(default_factory=dict)  # id -> (name, type, mentions)
    aliases: Counter[tuple[str, str]] = field(default_factory=Counter)  # (entity id, spelling) -> mentions
    roles: Counter[tuple[str, str]] = field(default_factory=Counter)  # (entity id, role) -> times given


def parts(record: dict[str, Any]) -> Parts:
    """An entity counts when it has a mention (as in ``entity_mentions``); roles come from the record's
    entities and from its quotes' speakers (as ``SUMMARY_FILL`` reads them)."""
    out = Parts()
    for e in record.get("entities") or []:
        for m in e.get("mentions") or []:
            name, type_, n = out.entities.get(e["id"], (e["name"], e["type"], 0))
            out.entities[e["id"]] = (name, type_, n + 1)
            out.aliases[(e["id"], m["text"])] += 1
        for role in e.get("roles") or []:
            if isinstance(role, str):
                out.roles[(e["id"], role)] += 1
    for q in record.get("quotes") or []:
        speaker = q.get("speaker") or {}
        if speaker.get("id") is not None and speaker.get("role") is not None:
            out.roles[(speaker["id"], speaker["role"])] += 1
    return out


def add(conn: sqlite3.Connection, record: dict[str, Any], rowid: int) -> None:
    """Put the part of ``record`` (stored under ``rowid``) into the summaries."""
    p = parts(record)
    published = record.get("published")
    statuses = " ".join(sorted({c["status"] for c in record.get("claims") or []}))
    conn.execute(
        "INSERT OR REPLACE INTO article_summary (rowid, id, title, outlet, published, language, source, n_entities, "
        "n_quotes, n_claims, n_events, claim_statuses) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (rowid, record["id"], record.get("title"), (record.get("outlet") or {}).get("name"), published,
         record.get("language"), record.get("source"), len(p.entities), len(record.get("quotes") or []),
         len(record.get("claims") or []), len(record.get("events") or []), statuses),
    )  # fmt: skip
    for entity_id, (name, type_, n) in p.entities.items():
        conn.execute(
            "INSERT INTO entity_summary (id, name, type, articles, mentions, first_seen, last_seen) "
            "VALUES (?1, ?2, ?3, 1, ?4, ?5, ?5) ON CONFLICT(id) DO UPDATE SET articles = articles + 1, "
            "mentions = mentions + excluded.mentions, "
            "first_seen = CASE WHEN first_seen IS NULL OR excluded.first_seen < first_seen "
            "THEN excluded.first_seen ELSE first_seen END, "
            "last_seen = CASE WHEN last_seen IS NULL OR excluded.last_seen > last_seen "
            "THEN excluded.last_seen ELSE last_seen END",
            (entity_id, name, type_, n, published),
        )
        conn.execute(
            "INSERT INTO article_entities (entity, published, article, mentions) "
            "SELECT key, ?, ?, ? FROM entity_summary WHERE id = ?",
            (published or "", rowid, n, entity_id),
        )
    conn.executemany(
        "INSERT INTO entity_aliases (entity_id, text, mentions) VALUES (?, ?, ?) "
        "ON CONFLICT(entity_id, text) DO UPDATE SET mentions = mentions + excluded.mentions",
        [(e, text, n) for (e, text), n in p.aliases.items()],
    )
    conn.executemany(
        "INSERT INTO entity_roles (entity_id, role, n) VALUES (?, ?, ?) "
        "ON CONFLICT(entity_id, role) DO UPDATE SET n = n + excluded.n",
        [(e, role, n) for (e, role), n in p.roles.items()],
    )


def remove(conn: sqlite3.Connection, record: dict[str, Any], rowid: int) -> None:
    """Take the part of ``record`` (the version stored under ``rowid`` until now) out of the summaries."""
    p = parts(record)
    conn.execute("DELETE FROM article_entities WHERE article = ?", (rowid,))
    conn.execute("DELETE FROM article_summary WHERE rowid = ?", (rowid,))
    for entity_id, (_, _, n) in p.entities.items():
        conn.execute(
            "UPDATE entity_summary SET articles = articles - 1, mentions = mentions - ? WHERE id = ?",
            (n, entity_id),
        )
        conn.execute("DELETE FROM entity_summary WHERE id = ? AND articles <= 0", (entity_id,))
        conn.execute(
            "UPDATE entity_summary SET "
            "first_seen = (SELECT published FROM article_entities WHERE entity = key AND published > '' "
            "ORDER BY published LIMIT 1), "
            "last_seen = (SELECT nullif(published, '') FROM article_entities WHERE entity = key "
            "ORDER BY published DESC LIMIT 1) WHERE id = ?",
            (entity_id,),
        )
    for table, key, count, items in (("entity_aliases", "text", "mentions", p.aliases),
                                     ("entity_roles", "role", "n", p.roles)):  # fmt: skip
        conn.executemany(
            f"UPDATE {table} SET {count} = {count} - ? WHERE entity_id = ? AND {key} = ?",
            [(n, e, k) for (e, k), n in items.items()],
        )
        conn.executemany(
            f"DELETE FROM {table} WHERE entity_id = ? AND {key} = ? AND {count} <= 0", list(items)
        )
