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
