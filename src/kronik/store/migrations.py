"""Named schema migrations, applied once each and recorded in ``_migrations`` (as sqlite-utils does).

Never edit one that has shipped: add the next. Statements are split on ";", so none may hold one in a literal.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

#: Summary tables the one writer keeps up to date beside the records (``Store.upsert``), so that the web reads
#: small rows instead of 15 kB records and counts instead of aggregating mentions:
#:
#: - ``article_summary``: one small row per article under the article's rowid (that of ``articles`` and
#:   ``articles_fts``): what a list shows (title, outlet, time, counts) and the claim statuses it holds;
#: - ``entity_summary``: one row per entity id (``key`` is a small integer for ``article_entities``): the name
#:   and type it was first stored with, articles and mentions naming it, first and last publication seen;
#: - ``article_entities``: which articles name which entity, how often, ordered by publication, so an entity's
#:   articles are read newest first from the primary key and its first and last seen from its ends;
#: - ``entity_aliases``: the spellings of an entity with their mention counts;
#: - ``entity_roles``: the roles the records give an entity plus the roles its quotes give it as a speaker.
#:
#: and two indexes that list an entity's events in timeline order (an entity page's events as actor and as
#: recipient, its events per month) from the index alone, without reading and sorting thousands of rows.
SUMMARY_TABLES = """
    CREATE TABLE article_summary (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        title TEXT,
        outlet TEXT,
        published TEXT,
        language TEXT,
        source TEXT,
        n_entities INTEGER NOT NULL,
        n_quotes INTEGER NOT NULL,
        n_claims INTEGER NOT NULL,
        n_events INTEGER NOT NULL,
        claim_statuses TEXT NOT NULL
    );
    CREATE TABLE entity_summary (
        key INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        articles INTEGER NOT NULL,
        mentions INTEGER NOT NULL,
        first_seen TEXT,
        last_seen TEXT
    );
    CREATE INDEX entity_summary_rank ON entity_summary(articles DESC, name, id);
    CREATE TABLE article_entities (
        entity INTEGER NOT NULL,
        published TEXT NOT NULL,
        article INTEGER NOT NULL,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (entity, published, article)
    ) WITHOUT ROWID;
    CREATE INDEX article_entities_article ON article_entities(article, entity, mentions);
    CREATE TABLE entity_aliases (
        entity_id TEXT NOT NULL,
        text TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (entity_id, text)
    ) WITHOUT ROWID;
    CREATE TABLE entity_roles (
        entity_id TEXT NOT NULL,
        role TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (entity_id, role)
    ) WITHOUT ROWID;
    CREATE INDEX events_actor_order ON events(actor_id, date_start, published, article_id, idx, family);
    CREATE INDEX events_target_order ON events(target_id, date_start, published, article_id, idx, family, actor_id)
"""

#: The summary tables computed from the records' own tables: run once by migration 0006 on a database that
#: already holds articles (and by ``kronik bench serve`` on the rows it generates). An entity's name and
#: type are those of its first stored mention; ``published`` in ``article_entities`` is '' when unknown.
SUMMARY_FILL = """
    INSERT INTO article_summary (rowid, id, title, outlet, published, language, source, n_entities, n_quotes,
        n_claims, n_events, claim_statuses)
    SELECT a.rowid, a.id, a.title, a.outlet_name, a.published, a.language, a.source,
        (SELECT count(DISTINCT m.entity_id) FROM entity_mentions m WHERE m.article_id = a.id),
        (SELECT count(*) FROM quotes q WHERE q.article_id = a.id),
        (SELECT count(*) FROM claims c WHERE c.article_id = a.id),
        (SELECT count(*) FROM events e WHERE e.article_id = a.id),
        coalesce((SELECT group_concat(s.status, ' ') FROM (SELECT DISTINCT c.status FROM claims c
                  WHERE c.article_id = a.id ORDER BY c.status) AS s), '')
    FROM articles a;
    INSERT INTO entity_summary (id, name, type, articles, mentions, first_seen, last_seen)
    SELECT g.entity_id, f.name, f.type, g.articles, g.mentions, g.first_seen, g.last_seen
    FROM (SELECT entity_id, min(rowid) AS first_row, count(DISTINCT article_id) AS articles, count(*) AS mentions,
                 min(published) AS first_seen, max(published) AS last_seen
          FROM entity_mentions GROUP BY entity_id) AS g
    JOIN entity_mentions f ON f.rowid = g.first_row;
    INSERT INTO article_entities (entity, published, article, mentions)
    SELECT s.key, coalesce(a.published, ''), a.rowid, g.n
    FROM (SELECT entity_id, article_id, count(*) AS n FROM entity_mentions GROUP BY entity_id, article_id) AS g
    JOIN entity_summary s ON s.id = g.entity_id JOIN article_summary a ON a.id = g.article_id;
    INSERT INTO entity_aliases (entity_id, text, mentions)
    SELECT entity_id, mention, count(*) FROM entity_mentions GROUP BY entity_id, mention;
    INSERT INTO entity_roles (entity_id, role, n)
    SELECT entity_id, role, sum(n) FROM (
        SELECT json_extract(e.value, '$.id') AS entity_id, r.value AS role, count(*) AS n
        FROM articles a, json_each(a.record, '$.entities') AS e, json_each(e.value, '$.roles') AS r
        WHERE r.type = 'text' GROUP BY 1, 2
        UNION ALL
        SELECT speaker_id, speaker_role, count(*) FROM quotes
        WHERE speaker_id IS NOT NULL AND speaker_role IS NOT NULL GROUP BY 1, 2
    ) WHERE entity_id IS NOT NULL GROUP BY entity_id, role
"""

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
    ("0006_summaries", SUMMARY_TABLES + ";" + SUMMARY_FILL),
    (
        "0007_event_actor_for",
        # the state a person actor serves (record 1.3: events[].actor.for), filled from the stored records
        "ALTER TABLE events ADD COLUMN actor_for TEXT;"
        "UPDATE events SET actor_for = (SELECT json_extract(a.record, '$.events[' || events.idx || '].actor.for')"
        " FROM articles a WHERE a.id = events.article_id);"
        "CREATE INDEX events_actor_for ON events(actor_for) WHERE actor_for IS NOT NULL",
    ),
]


def fill_summaries(conn: sqlite3.Connection) -> None:
    """Compute the summary tables afresh from the records' tables (in the caller's transaction)."""
    for table in ("article_summary", "entity_summary", "article_entities", "entity_aliases", "entity_roles"):
        conn.execute(f"DELETE FROM {table}")
    for statement in SUMMARY_FILL.split(";"):
        if statement.strip():
            conn.execute(statement)


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
