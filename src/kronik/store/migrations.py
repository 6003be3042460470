"""Named schema migrations, applied once each and recorded in ``_migrations`` (as sqlite-utils does)."""

from __future__ import annotations

import datetime as dt
import sqlite3

MIGRATIONS: list[tuple[str, str]] = [
    (
        "0001_articles",
        """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            url TEXT,
            title TEXT,
            outlet_name TEXT,
            outlet_domain TEXT,
            published TEXT,
            language TEXT,
            content_hash TEXT NOT NULL,
            record TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 1,
            first_seen TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX articles_published ON articles(published);
        CREATE INDEX articles_outlet ON articles(outlet_name);
        CREATE TABLE article_versions (
            id TEXT NOT NULL,
            version INTEGER NOT NULL,
            content_hash TEXT NOT NULL,
            record TEXT NOT NULL,
            replaced_at TEXT NOT NULL,
            PRIMARY KEY (id, version)
        );
        CREATE TABLE sources (
            source TEXT PRIMARY KEY,
            article_id TEXT NOT NULL,
            seen_at TEXT NOT NULL
        );
        CREATE TABLE failures (
            source TEXT PRIMARY KEY,
            reason TEXT NOT NULL,
            at TEXT NOT NULL
        );
        CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
        """,
    ),
    (
        "0002_entity_mentions",
        """
        CREATE TABLE entity_mentions (
            article_id TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            mention TEXT NOT NULL,
            published TEXT
        );
        CREATE INDEX entity_mentions_entity ON entity_mentions(entity_id);
        CREATE INDEX entity_mentions_article ON entity_mentions(article_id);
        """,
    ),
    (
        "0003_quotes_claims",
        """
        CREATE TABLE quotes (
            article_id TEXT NOT NULL,
            idx INTEGER NOT NULL,
            text TEXT NOT NULL,
            direct INTEGER NOT NULL,
            speaker_id TEXT,
            speaker_name TEXT,
            speaker_role TEXT,
            cue TEXT,
            kind TEXT,
            medium TEXT,
            via TEXT,
            said_when TEXT,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            published TEXT,
            PRIMARY KEY (article_id, idx)
        );
        CREATE INDEX quotes_speaker ON quotes(speaker_id);
        CREATE INDEX quotes_speaker_name ON quotes(speaker_name);
        CREATE TABLE claims (
            article_id TEXT NOT NULL,
            idx INTEGER NOT NULL,
            status TEXT NOT NULL,
            text TEXT NOT NULL,
            speaker TEXT,
            quote_idx INTEGER,
            evidence TEXT NOT NULL,
            PRIMARY KEY (article_id, idx)
        );
        CREATE INDEX claims_status ON claims(status);
        """,
    ),
    (
        "0004_events",
        """
        CREATE TABLE events (
            article_id TEXT NOT NULL,
            idx INTEGER NOT NULL,
            type TEXT NOT NULL,
            family TEXT,
            actor_id TEXT,
            actor_name TEXT,
            target_id TEXT,
            target_name TEXT,
            partner_name TEXT,
            date_value TEXT,
            date_precision TEXT,
            date_start TEXT,
            location TEXT,
            modality TEXT NOT NULL,
            speaker TEXT,
            via TEXT,
            chain TEXT,
            evidence TEXT,
            published TEXT,
            PRIMARY KEY (article_id, idx)
        );
        CREATE INDEX events_date ON events(date_start);
        CREATE INDEX events_actor ON events(actor_name);
        CREATE INDEX events_target ON events(target_name);
        """,
    ),
    (
        "0005_web_indexes",
        """
        CREATE INDEX articles_meta ON articles(published, id, outlet_name, language);
        CREATE INDEX entity_mentions_entity_article ON entity_mentions(entity_id, article_id, published, mention);
        CREATE INDEX events_type_date ON events(type, date_start, article_id);
        CREATE INDEX events_actor_date ON events(actor_id, date_start);
        CREATE INDEX events_target_date ON events(target_id, date_start);
        CREATE INDEX events_when ON events(coalesce(date_start, substr(published, 1, 10)));
        CREATE INDEX claims_status_article ON claims(status, article_id);
        CREATE INDEX quotes_speaker_published ON quotes(speaker_id, published);
        """,
    ),
]


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply the migrations not yet applied; returns their names."""
    conn.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    done = {r[0] for r in conn.execute("SELECT name FROM _migrations")}
    applied = []
    for name, sql in MIGRATIONS:
        if name in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in sql.split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute(
                "INSERT INTO _migrations (name, applied_at) VALUES (?, ?)",
                (name, dt.datetime.now(dt.UTC).isoformat(timespec="seconds")),
            )
            conn.execute("COMMIT")
        except sqlite3.Error:
            conn.execute("ROLLBACK")
            raise
        applied.append(name)
    return applied
