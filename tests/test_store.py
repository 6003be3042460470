"""The store: idempotent upserts, versions kept, search, failures remembered until fixed."""

from kronik.corpus import extract
from kronik.data import Article
from kronik.store import Store

from .conftest import PAGE


def _articles(path):
    return [a for a in extract([str(path)]) if isinstance(a, Article)]


def test_upsert_is_idempotent_and_keeps_versions(tmp_path, page_file, db_path):
    (art,) = _articles(page_file)
    with Store(db_path) as store:
        assert store.upsert(art) == "stored"
        assert store.upsert(art) == "duplicate"
        store.commit()
        assert store.stats()["articles"] == 1
    page_file.write_text(PAGE.replace("tiga ratus peserta", "empat ratus peserta"))
    (changed,) = _articles(page_file)
    assert changed.id == art.id
    with Store(db_path) as store:
        assert store.upsert(changed) == "updated"
        store.commit()
        assert store.get(art.id)["paragraphs"][0].endswith("empat ratus peserta.")
        assert [v["version"] for v in store.versions(art.id)] == [1]
        assert store.stats()["earlier_versions"] == 1


def test_search_and_get_by_source(page_file, db_path):
    (art,) = _articles(page_file)
    with Store(db_path) as store:
        store.upsert(art)
        store.commit()
        hits = store.search("layang-layang festival")
        assert hits and hits[0].id == art.id
        assert store.get(str(page_file))["id"] == art.id
        assert store.search("kata-yang-tidak-ada") == []


def test_failures_cleared_when_fixed(db_path):
    with Store(db_path) as store:
        store.record_failure("a.txt", "empty file")
        store.commit()
        assert store.failures() == [("a.txt", "empty file")]


def test_local_entities_merge_across_articles(db_path):
    def art(n: int, name: str) -> Article:
        a = Article(source=f"a{n}.txt", id=f"{n:016x}", title=f"Judul {n}", paragraphs=[f"{name} berbicara."])
        a.entities = [
            {
                "id": f"local:{name.lower()}",
                "name": name,
                "type": "PER",
                "wikidata": None,
                "mentions": [{"text": name, "start": 0, "end": len(name)}],
                "roles": [],
            }
        ]
        return a

    with Store(db_path) as store:
        store.upsert(art(1, "Alex Kokcharov"))
        store.upsert(art(2, "Alex Kokcharox"))
        store.upsert(art(3, "Boris Ivanov"))
        store.commit()
        rows = {r["name"]: r for r in store.entities(type_="PER")}
    assert rows["Alex Kokcharov"]["articles"] == 2
    assert rows["Alex Kokcharov"]["entity_id"] == "local:alex kokcharov"
    assert rows["Boris Ivanov"]["articles"] == 1


def _summaries(path) -> dict[str, set]:
    """The summary tables' rows, entity keys replaced by entity ids (keys differ between fillings)."""
    import sqlite3

    with sqlite3.connect(path) as conn:
        return {
            "article_summary": set(conn.execute("SELECT * FROM article_summary")),
            "entity_summary": set(conn.execute("SELECT id, name, type, articles, mentions, first_seen, last_seen FROM entity_summary")),
            "article_entities": set(conn.execute("SELECT s.id, x.published, x.article, x.mentions FROM article_entities x "
                                                 "JOIN entity_summary s ON s.key = x.entity")),
            "entity_aliases": set(conn.execute("SELECT * FROM entity_aliases")),
            "entity_roles": set(conn.execute("SELECT * FROM entity_roles")),
        }  # fmt: skip


def test_summaries_kept_by_the_writer_equal_a_fresh_fill(tmp_path, db_path):
    """What upserts (new articles, a changed one, one that loses an entity) leave in the summary tables is
    what migration 0006 computes from the records' tables."""
    import dataclasses
    import shutil
    import sqlite3

    from kronik.store.migrations import fill_summaries

    from .conftest import SAMPLES

    arts = [a for a in extract([str(SAMPLES)]) if isinstance(a, Article)]
    with Store(db_path) as store:
        for a in arts:
            store.upsert(a)
        changed = dataclasses.replace(
            arts[0], paragraphs=[*arts[0].paragraphs, "Tambahan."], published="2031-01-01T10:00:00+07:00"
        )
        changed.entities = [e for e in arts[0].entities[1:]]  # the first entity leaves the article
        assert store.upsert(changed) == "updated"
        store.commit()
    kept = _summaries(db_path)
    assert kept["article_summary"] and kept["entity_summary"] and kept["entity_roles"]
    fresh = tmp_path / "fresh.db"
    shutil.copy(db_path, fresh)
    with sqlite3.connect(fresh) as conn:
        fill_summaries(conn)
    assert _summaries(fresh) == kept


def test_migration_0006_summarises_an_existing_database(tmp_path, db_path):
    """A database stored before migration 0006 gets, when next opened, the summary tables the writer would
    have kept."""
    import sqlite3

    from .conftest import SAMPLES

    with Store(db_path) as store:
        for a in extract([str(SAMPLES)]):
            if isinstance(a, Article):
                store.upsert(a)
        store.commit()
    kept = _summaries(db_path)
    with sqlite3.connect(db_path) as conn:  # back to the schema of 0005
        for table in (
            "article_summary",
            "entity_summary",
            "article_entities",
            "entity_aliases",
            "entity_roles",
        ):
            conn.execute(f"DROP TABLE {table}")
        conn.execute("DROP INDEX events_actor_order")
        conn.execute("DROP INDEX events_target_order")
        conn.execute("DELETE FROM _migrations WHERE name = '0006_summaries'")
    Store(db_path).close()
    assert _summaries(db_path) == kept


def test_a_state_timeline_shows_the_acts_of_the_people_who_serve_it(db_path):
    a = Article(
        source="a.txt", id="00000000000000aa", title="Judul", published="2023-02-15", paragraphs=["x"]
    )
    a.events = [
        {
            "type": "REJECT",
            "family": "verbal conflict",
            "actor": {"id": "Q1", "name": "Alexander Lukashenko", "type": "PER", "for": "Belarus"},
            "target": {"id": "country:UA", "name": "Ukraina", "type": "LOC"},
            "partner": None,
            "date": {"value": "2023-02-15", "precision": "day"},
            "location": None,
            "modality": "asserted",
            "source": {"speaker": None, "quote": None, "via": None, "chain": []},
            "trigger": "menolak",
            "evidence": {"text": "menolak", "start": 0, "end": 1},
        }
    ]
    with Store(db_path) as store:
        store.upsert(a)
        store.commit()
        rows = store.timeline(actor="Belarus")
    assert [(r["type"], r["actor_name"]) for r in rows] == [("REJECT", "Alexander Lukashenko")]
