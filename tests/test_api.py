"""The web API (kronik.web): every endpoint, bad parameters, SQL injection in filters, tokens, upload limits,
and the escaping of hostile article text in the HTML pages."""

from __future__ import annotations

import json
import sqlite3
import warnings
from pathlib import Path

import pytest

from kronik import Store, extract
from kronik.data import Article

from .conftest import SAMPLES

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's TestClient warns about httpx versions
    from fastapi.testclient import TestClient

from kronik.web import create_app
from kronik.web.ingest import MAX_FILE_BYTES, MAX_FILES

TOKEN = "s3cret-test-token"
HOSTILE_ID_TITLE = 'Serangan <img src=x onerror="window.__pwned=1"> di Jakarta'
# A made-up record carrying markup in every field a page shows (title, URL, outlet, body, quotes).
HOSTILE = {
    "title": HOSTILE_ID_TITLE,
    "url": "javascript:window.__pwned=2",
    "outlet": "Portal <b>Uji</b>",
    "published": "2023-05-01T10:00:00+07:00",
    "text": (
        "JAKARTA - Peneliti keamanan Budi Santoso mengatakan bahwa halaman itu memuat <script>window.__pwned=3</script> "
        'dan tautan <a href="javascript:window.__pwned=4" onclick="window.__pwned=5">klik di sini</a> yang berbahaya.\n\n'
        '"Jangan pernah menampilkan <img src=x onerror=window.__pwned=6> tanpa escape," kata Budi kepada wartawan '
        "di Jakarta, Senin (1/5/2023).\n\nPemerintah Indonesia dilaporkan akan menjatuhkan sanksi kepada pengelola situs itu."
    ),
}


def build_db(path: Path, tmp: Path) -> list[dict]:
    """Ingest the sample pages and the hostile record through the library; returns the stored records."""
    hostile = tmp / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE, ensure_ascii=False) + "\n", encoding="utf-8")
    with Store(path) as store:
        for item in extract([str(SAMPLES), str(hostile)]):
            if isinstance(item, Article):
                store.upsert(item)
        store.commit()
        return list(store.iter_records())


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict]]:
    tmp = tmp_path_factory.mktemp("web")
    path = tmp / "web.db"
    return path, build_db(path, tmp)


@pytest.fixture(scope="module")
def client(corpus) -> TestClient:
    with TestClient(create_app(str(corpus[0]), token=TOKEN)) as c:
        yield c


@pytest.fixture(scope="module")
def records(corpus) -> dict[str, dict]:
    return {r["id"]: r for r in corpus[1]}


def by_title(records: dict[str, dict], start: str) -> dict:
    return next(r for r in records.values() if (r["title"] or "").startswith(start))


def assert_error(resp, status: int, *words: str) -> dict:
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert body["status"] == status and body["error"] and body["message"]
    for w in words:
        assert w in body["message"], body["message"]
    return body


# -- schema, search ----------------------------------------------------------------------------------


def test_openapi_lists_every_endpoint(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    for p in ("/api/search", "/api/articles", "/api/articles/{article_id}", "/api/articles/{article_id}/sources",
              "/api/entities", "/api/entities/{entity_id}", "/api/entities/{entity_id}/quotes",
              "/api/entities/{entity_id}/events", "/api/entities/{entity_id}/articles", "/api/quotes", "/api/events",
              "/api/timeline", "/api/graph", "/api/sources", "/api/stats", "/api/ingest"):  # fmt: skip
        assert p in paths, p
    assert client.get("/docs").status_code == 404  # Swagger UI would load from a CDN: not served
    assert "GET /api/search" in client.get("/api/docs").text


def test_search_full_text(client, records):
    page = client.get("/api/search", params={"q": "Lukashenko"}).json()
    assert set(page) >= {"items", "total", "limit", "offset"}
    expected = {i for i, r in records.items() if "lukashenko" in ((r["title"] or "") + r["body"]).lower()}
    assert {h["id"] for h in page["items"]} == expected
    assert page["total"] == len(expected)
    hit = page["items"][0]
    for s, e in hit["highlights"]:
        assert hit["snippet"][s:e].lower() == "lukashenko"
    assert "\x02" not in hit["snippet"]


def test_search_filters_match_records(client, records):
    outlet = by_title(records, "Belarus dan Rusia")["outlet"]["name"]
    items = client.get("/api/search", params={"outlet": outlet}).json()["items"]
    assert items and all(h["outlet"] == outlet for h in items)

    items = client.get(
        "/api/search", params={"published_from": "2023-02", "published_to": "2023-02-28"}
    ).json()["items"]
    assert {h["id"] for h in items} == {
        i for i, r in records.items() if (r["published"] or "")[:7] == "2023-02"
    }

    items = client.get("/api/search", params={"entity": "kronik:alexander-lukashenko"}).json()["items"]
    assert {h["id"] for h in items} == {
        i for i, r in records.items() if any(e["id"] == "kronik:alexander-lukashenko" for e in r["entities"])
    }

    items = client.get(
        "/api/search", params={"event_type": "verbal conflict", "modality": "conditional"}
    ).json()["items"]
    assert {h["id"] for h in items} == {
        i for i, r in records.items()
        if any(e["family"] == "verbal conflict" and e["modality"] == "conditional" for e in r["events"])
    }  # fmt: skip

    items = client.get("/api/search", params={"claim_status": "unverified"}).json()["items"]
    assert {h["id"] for h in items} == {
        i for i, r in records.items() if any(c["status"] == "unverified" for c in r["claims"])
    }

    items = client.get("/api/search", params={"event_from": "2023-02-01", "event_to": "2023-02-28"}).json()[
        "items"
    ]
    assert {h["id"] for h in items} == {
        i
        for i, r in records.items()
        if any((e.get("date") or {}).get("value", "")[:7] == "2023-02" for e in r["events"])
    }

    items = client.get("/api/search", params={"language": "en"}).json()["items"]
    assert [h["title"] for h in items] == [r["title"] for r in records.values() if r["language"] == "en"]


def test_search_sort_pagination_and_facets(client, records):
    newest = client.get("/api/search", params={"sort": "newest", "limit": 200}).json()
    dates = [h["published"] for h in newest["items"] if h["published"]]
    assert dates == sorted(dates, reverse=True) and newest["total"] == len(records)
    first = client.get("/api/search", params={"sort": "oldest", "limit": 5}).json()
    second = client.get("/api/search", params={"sort": "oldest", "limit": 5, "offset": 5}).json()
    assert first["limit"] == 5 and second["offset"] == 5
    assert not {h["id"] for h in first["items"]} & {h["id"] for h in second["items"]}
    facets = client.get("/api/search", params={"q": "Belarus", "facets": "true"}).json()["facets"]
    assert set(facets) >= {"outlet", "entity", "event_type", "modality", "claim_status", "language"}
    by = {f["value"]: f["count"] for f in facets["entity"]}
    assert by["country:BY"] >= 1 and facets["sampled"] is False


def test_blank_parameters_count_as_absent(client):
    assert client.get("/api/search?q=&outlet=&published_from=&event_type=").status_code == 200


@pytest.mark.parametrize(
    ("params", "param"),
    [
        ({"limit": 0}, "limit"), ({"limit": 201}, "limit"), ({"limit": "abc"}, "limit"), ({"offset": -1}, "offset"),
        ({"published_from": "2023-13"}, "published_from"), ({"published_to": "yesterday"}, "published_to"),
        ({"event_from": "2023-02-30x"}, "event_from"), ({"event_type": "BOMBING"}, "event_type"),
        ({"modality": "probably"}, "modality"), ({"claim_status": "true"}, "claim_status"), ({"sort": "random"}, "sort"),
        ({"q": "x" * 501}, "q"), ({"language": "indonesian"}, "language"), ({"facets": "maybe"}, "facets"),
    ],
)  # fmt: skip
def test_search_bad_parameters_are_422(client, params, param):
    body = assert_error(client.get("/api/search", params=params), 422, param)
    assert body["details"][0]["param"] == param


@pytest.mark.parametrize(
    "params",
    [
        {"outlet": "x' OR '1'='1"}, {"entity": "' OR 1=1 --"}, {"outlet": "Okezone'; DROP TABLE articles; --"},
        {"q": "Belarus') OR 1=1 --"}, {"q": "*"}, {"q": "NEAR(a b"}, {"language": "id"},
    ],
)  # fmt: skip
def test_sql_injection_in_filters_is_inert(client, corpus, params):
    resp = client.get("/api/search", params=params)
    assert resp.status_code in (200, 400), resp.text  # 400: not valid FTS5 syntax, said so
    if resp.status_code == 200 and ("outlet" in params or "entity" in params):
        assert resp.json()["total"] == 0
    for url, p in (("/api/events", {"actor": "Rusia' OR '1'='1"}), ("/api/quotes", {"speaker": "%' OR 1=1 --"}),
                   ("/api/entities", {"name": "%_%' --"}), ("/api/sources", {"q": "' UNION SELECT record FROM articles --"})):  # fmt: skip
        assert client.get(url, params=p).json()["total"] == 0
    with sqlite3.connect(corpus[0]) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == len(corpus[1])


def test_fts_syntax_error_is_400(client):
    assert_error(client.get("/api/search", params={"q": '"unbalanced'}), 400, "search query")


# -- articles, entities, quotes, events ---------------------------------------------------------------


def test_articles_and_one_article(client, records):
    page = client.get("/api/articles", params={"limit": 3}).json()
    assert page["total"] == len(records) and len(page["items"]) == 3
    r = by_title(records, "Belarus dan Rusia")
    got = client.get(f"/api/articles/{r['id']}").json()
    assert {k: v for k, v in got.items() if k != "_stored"} == r
    assert got["_stored"]["version"] == 1 and r["source"] in got["_stored"]["read_from"]
    sources = client.get(f"/api/articles/{r['id']}/sources").json()
    assert sources["article"]["chain"] == r["sources"]["chain"]
    assert [q["chain"] for q in sources["quotes"]] == [q["chain"] for q in r["quotes"]]


@pytest.mark.parametrize(
    "url", ["/api/articles/zz", "/api/articles/0123456789abcdeg", "/api/articles/1'%20OR%20'1"]
)
def test_bad_article_id_is_422(client, url):
    assert_error(client.get(url), 422, "article_id")


def test_unknown_article_and_entity_are_404(client):
    assert_error(client.get("/api/articles/0000000000000000"), 404, "0000000000000000")
    assert_error(client.get("/api/entities/local:nobody"), 404, "local:nobody")
    assert_error(client.get("/api/entities/local:nobody/events"), 404)
    assert_error(client.get("/api/nothing-here"), 404)


def test_entities(client, records):
    page = client.get("/api/entities", params={"type": "PER", "limit": 200}).json()
    assert page["items"] and all(e["type"] == "PER" for e in page["items"])
    names = client.get("/api/entities", params={"name": "Lukash"}).json()["items"]
    assert [e["id"] for e in names] == ["kronik:alexander-lukashenko"]
    assert_error(client.get("/api/entities", params={"type": "PERSON"}), 422, "type")

    e = client.get("/api/entities/kronik:alexander-lukashenko").json()
    mentions = [
        m["text"]
        for r in records.values()
        for x in r["entities"]
        if x["id"] == e["id"]
        for m in x["mentions"]
    ]
    assert e["name"] == "Alexander Lukashenko" and e["type"] == "PER"
    assert {a["text"]: a["mentions"] for a in e["aliases"]} == {m: mentions.count(m) for m in set(mentions)}
    assert e["articles"] == sum(any(x["id"] == e["id"] for x in r["entities"]) for r in records.values())
    assert any(r["role"] == "Presiden Belarus" for r in e["roles"])
    assert sum(m["conflict"] + m["cooperation"] + m["other"] for m in e["months"]) == e["events_as_actor"] + e[
        "events_as_recipient"
    ] - sum(1 for r in records.values() for v in r["events"]
            if (v.get("actor") or {}).get("id") == e["id"] and (v.get("target") or {}).get("id") == e["id"])  # fmt: skip


def test_entity_quotes_events_articles(client, records):
    eid = "kronik:alexander-lukashenko"
    quotes = client.get(f"/api/entities/{eid}/quotes", params={"limit": 200}).json()
    assert quotes["total"] == sum(
        (q.get("speaker") or {}).get("id") == eid for r in records.values() for q in r["quotes"]
    )
    assert all(q["speaker_id"] == eid for q in quotes["items"])
    as_actor = client.get(f"/api/entities/{eid}/events", params={"role": "actor", "limit": 200}).json()
    assert as_actor["total"] == sum(
        (v.get("actor") or {}).get("id") == eid for r in records.values() for v in r["events"]
    )
    as_target = client.get("/api/entities/country:RU/events", params={"role": "recipient"}).json()
    assert all(v["target_id"] == "country:RU" for v in as_target["items"]) and as_target["total"] >= 1
    assert_error(client.get(f"/api/entities/{eid}/events", params={"role": "victim"}), 422, "role")
    arts = client.get(f"/api/entities/{eid}/articles").json()
    assert arts["total"] == client.get(f"/api/entities/{eid}").json()["articles"]


def test_quotes(client, records):
    every = client.get("/api/quotes", params={"limit": 200}).json()
    assert every["total"] == sum(len(r["quotes"]) for r in records.values())
    direct = client.get("/api/quotes", params={"direct": "true", "limit": 200}).json()
    assert direct["total"] == sum(q["direct"] for r in records.values() for q in r["quotes"])
    assert all(q["direct"] for q in direct["items"])
    r = by_title(records, "Celah Keamanan")
    mine = client.get("/api/quotes", params={"article": r["id"]}).json()["items"]
    assert [q["text"] for q in mine] == [q["text"] for q in r["quotes"]]
    assert_error(client.get("/api/quotes", params={"direct": "sometimes"}), 422, "direct")


def test_events_and_timeline(client, records):
    every = client.get("/api/events", params={"limit": 200}).json()
    assert every["total"] == sum(len(r["events"]) for r in records.values())
    dated = [e["date_start"] for e in every["items"] if e["date_start"]]
    assert dated == sorted(dated)
    assert all(e["date_start"] for e in every["items"][: len(dated)])  # undated last
    conflict = client.get("/api/events", params={"type": "verbal conflict", "limit": 200}).json()["items"]
    assert conflict and all(e["family"] == "verbal conflict" for e in conflict)
    ranged = client.get("/api/events", params={"from": "2023-02", "to": "2023-02-28"}).json()["items"]
    assert ranged and all(e["date_start"].startswith("2023-02") for e in ranged)
    with_by = client.get("/api/events", params={"actor": "Rusia", "with": "Belarus"}).json()["items"]
    assert with_by and all(
        {"Rusia", "Belarus"} <= {e["actor_name"], e["target_name"], e["partner_name"]} for e in with_by
    )
    tl = client.get("/api/timeline", params={"limit": 5}).json()
    assert all("group" in e and e["modality"] for e in tl["items"])
    assert_error(client.get("/api/events", params={"from": "2023/01/01"}), 422, "from")
    assert_error(client.get("/api/timeline", params={"type": "war"}), 422, "type")


def test_graph(client, records):
    g = client.get("/api/graph").json()
    assert g["nodes"] and g["edges"]
    ids = {n["id"] for n in g["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in g["edges"])
    pairs = {(e["source"], e["target"]) for e in g["edges"] if e["relation"] == "target"}
    assert ("kronik:alexander-lukashenko", "country:RU") in pairs
    total = sum(e["cooperation"] + e["conflict"] + e["other"] for e in g["edges"])
    assert total == sum(
        1
        for r in records.values()
        for v in r["events"]
        if v.get("actor") and (v.get("target") or v.get("partner"))
    )
    narrow = client.get("/api/graph", params={"from": "2023-01-13", "to": "2023-01-13"}).json()
    assert narrow["period"] == {"from": "2023-01-13", "to": "2023-01-13"}
    assert all(e["first"] == "2023-01-13" for e in narrow["edges"])
    coop = client.get("/api/graph", params={"family": "verbal cooperation"}).json()
    assert all(e["conflict"] == 0 for e in coop["edges"])
    assert_error(client.get("/api/graph", params={"family": "friendship"}), 422, "family")


def test_sources_and_stats(client, records):
    page = client.get("/api/sources", params={"q": "okezone"}).json()
    assert [s["source"] for s in page["items"]] == [
        "samples/pages/17_okezone_xss.html".replace("samples/pages", str(SAMPLES))
    ] or (page["items"][0]["source"].endswith("17_okezone_xss.html"))
    assert "failures" in page
    stats = client.get("/api/stats").json()
    assert stats["articles"] == len(records)
    assert stats["events"] == sum(len(r["events"]) for r in records.values())


# -- ingest: token, limits ---------------------------------------------------------------------------


@pytest.fixture
def writable(tmp_path: Path) -> TestClient:
    with TestClient(create_app(str(tmp_path / "new.db"), token=TOKEN, ingest_roots=[str(SAMPLES)])) as c:
        yield c


AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_ingest_refused_without_configured_token(tmp_path):
    with TestClient(create_app(str(tmp_path / "x.db"))) as c:
        assert_error(c.post("/api/ingest", json={"paths": ["a"]}, headers=AUTH), 403, "no token")


def test_ingest_refused_without_or_with_wrong_token(writable):
    files = {"files": ("a.txt", b"x", "text/plain")}
    resp = writable.post("/api/ingest", files=files)
    assert_error(resp, 401, "token")
    assert resp.headers["www-authenticate"] == "Bearer"
    assert_error(writable.post("/api/ingest", files=files, headers={"Authorization": "Bearer wrong"}), 401)
    assert_error(writable.post("/api/ingest", files=files, headers={"Authorization": TOKEN}), 401)
    assert writable.get("/api/stats").json()["articles"] == 0


def test_ingest_upload_stores_and_serves(writable):
    page = (SAMPLES / "05_kompas_banjir.txt").read_bytes()
    files = [
        ("files", ("../../etc/05 kompas.txt", page, "text/plain")),
        ("files", ("empty.txt", b"", "text/plain")),
    ]
    resp = writable.post("/api/ingest", files=files, headers=AUTH)
    assert resp.status_code == 200, resp.text
    report = resp.json()
    assert report["read"] == 1 and report["stored"] == 1
    assert report["articles"][0]["source"] == "upload:05_kompas.txt"
    assert [f["source"] for f in report["failed"]] == ["upload:empty.txt"]
    hit = writable.get("/api/search", params={"q": "Samarinda"}).json()
    assert hit["total"] == 1 and hit["items"][0]["id"] == report["articles"][0]["id"]
    again = writable.post("/api/ingest", files=files[:1], headers=AUTH).json()
    assert again["duplicate"] == 1 and again["articles"][0]["id"] == report["articles"][0]["id"]  # stable id


def test_ingest_upload_limits(writable):
    too_many = [("files", (f"p{i}.txt", b"x", "text/plain")) for i in range(MAX_FILES + 1)]
    assert_error(writable.post("/api/ingest", files=too_many, headers=AUTH), 413, str(MAX_FILES))
    big = [("files", ("big.txt", b"a" * (MAX_FILE_BYTES + 1), "text/plain"))]
    assert_error(writable.post("/api/ingest", files=big, headers=AUTH), 413, "big.txt")
    assert_error(writable.post("/api/ingest", files={"note": (None, "x")}, headers=AUTH), 422, "no files")
    broken = {**AUTH, "Content-Type": "multipart/form-data; boundary=b"}
    assert_error(writable.post("/api/ingest", content=b"not multipart", headers=broken), 400, "bad upload")
    assert_error(
        writable.post("/api/ingest", content=b"x", headers={**AUTH, "Content-Type": "text/plain"}), 415
    )
    chunked = writable.post("/api/ingest", content=iter([b"--b--"]), headers={**AUTH, "Content-Type": "multipart/form-data; boundary=b"})  # fmt: skip
    assert_error(chunked, 411)
    assert writable.get("/api/stats").json()["articles"] == 0


def test_ingest_local_paths(writable):
    sample = SAMPLES / "07_papua_gempa_wit.txt"
    resp = writable.post(
        "/api/ingest", json={"paths": [str(sample), sample.resolve().as_uri()]}, headers=AUTH
    )
    assert resp.status_code == 200, resp.text
    assert resp.json()["read"] == 2 and resp.json()["stored"] == 1
    assert_error(writable.post("/api/ingest", json={"paths": ["/etc/passwd"]}, headers=AUTH), 403, "outside")
    assert_error(
        writable.post("/api/ingest", json={"paths": ["https://example.org/a.html"]}, headers=AUTH),
        422,
        "local",
    )
    assert_error(
        writable.post("/api/ingest", json={"paths": [str(SAMPLES / "nope.txt")]}, headers=AUTH),
        422,
        "no such",
    )
    assert_error(
        writable.post("/api/ingest", json={"paths": [str(sample)] * (MAX_FILES + 1)}, headers=AUTH), 413
    )
    assert_error(writable.post("/api/ingest", json={"paths": []}, headers=AUTH), 422)
    assert_error(
        writable.post(
            "/api/ingest", content=b"{not json", headers={**AUTH, "Content-Type": "application/json"}
        ),
        400,
    )


# -- pages: escaping, language, headers ---------------------------------------------------------------


def test_pages_render(client, records):
    r = by_title(records, "Belarus dan Rusia")
    for url in (
        "/",
        "/search?q=Belarus",
        f"/article/{r['id']}",
        "/entity/country:BY",
        "/timeline",
        "/graph",
        "/api/docs",
    ):
        resp = client.get(url)
        assert resp.status_code == 200, url
        assert resp.headers["content-type"].startswith("text/html")
        assert "script-src 'self'" in resp.headers["content-security-policy"]
        assert resp.headers["x-content-type-options"] == "nosniff"
    paged = client.get("/search", params={"limit": 5, "offset": 5, "lang": "en"}).text
    assert f"6–10 of {len(records)}" in paged and 'rel="next"' in paged and 'rel="prev"' in paged
    assert "1–5 dari" in client.get("/timeline", params={"limit": 5, "lang": "id"}).text
    client.cookies.clear()
    assert client.get("/article/zz").status_code == 422
    assert client.get("/entity/local:nobody").status_code == 404
    assert "limit" in client.get("/search?limit=999").text


def test_hostile_record_is_escaped(client, records):
    r = by_title(records, "Serangan <img")
    html = client.get(f"/article/{r['id']}").text
    assert "<script>window.__pwned" not in html and "<img src=x" not in html
    assert "&lt;script&gt;window.__pwned=3&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&#34;window.__pwned=1&#34;&gt;" in html  # the title
    assert 'href="javascript:' not in html and "Portal &lt;b&gt;Uji&lt;/b&gt;" in html
    okezone = client.get(f"/article/{by_title(records, 'Celah Keamanan')['id']}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in okezone and "<script>alert" not in okezone
    reflected = client.get("/search", params={"q": '"><script>alert(1)</script>'}).text
    assert "<script>alert(1)" not in reflected


def test_language_choice(client):
    client.cookies.clear()  # a ?lang= of an earlier test is remembered in a cookie
    assert '<html lang="id">' in client.get("/").text
    english = client.get("/", headers={"Accept-Language": "en-GB,en;q=0.9"}).text
    assert '<html lang="en">' in english and "Timeline" in english
    resp = client.get("/timeline?lang=en")
    assert "Timeline of events" in resp.text and resp.cookies.get("lang") == "en"
    assert "Lini masa peristiwa" in client.get("/timeline?lang=id").text
    assert '<html lang="id">' in client.get("/", headers={"Accept-Language": "fr, ms;q=0.5"}).text


def plain_sql_search(conn: sqlite3.Connection, params: dict) -> list[str]:
    """The articles a search should list, in its order, by the plainest SQL over the records' own tables (the
    oracle the column index is checked against)."""
    from kronik.web.queries import FAMILIES, upper_bound
    from kronik.web.search import fts_query

    where, args = [], []
    if params.get("q"):
        where.append("a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        args.append(fts_query(params["q"]))
    for key, cond in (("published_from", "a.published >= ?"), ("published_to", "a.published <= ?"),
                      ("outlet", "a.outlet_name = ?"), ("language", "a.language = ?")):  # fmt: skip
        if params.get(key):
            where.append(cond)
            args.append(upper_bound(params[key]) if key == "published_to" else params[key])
    if params.get("entity"):
        where.append("EXISTS (SELECT 1 FROM entity_mentions m WHERE m.article_id = a.id AND m.entity_id = ?)")
        args.append(params["entity"])
    ev, ev_args = [], []
    if params.get("event_type"):
        types = FAMILIES.get(params["event_type"], [params["event_type"]])
        ev.append("e.type IN (" + ",".join("?" * len(types)) + ")")
        ev_args += types
    for key, cond in (
        ("modality", "e.modality = ?"),
        ("event_from", "e.date_start >= ?"),
        ("event_to", "e.date_start <= ?"),
    ):
        if params.get(key):
            ev.append(cond)
            ev_args.append(upper_bound(params[key]) if key == "event_to" else params[key])
    if ev:
        where.append("EXISTS (SELECT 1 FROM events e WHERE e.article_id = a.id AND " + " AND ".join(ev) + ")")
        args += ev_args
    if params.get("claim_status"):
        where.append("EXISTS (SELECT 1 FROM claims c WHERE c.article_id = a.id AND c.status = ?)")
        args.append(params["claim_status"])
    sort = params.get("sort", "relevance")
    if sort == "relevance" and params.get("q"):
        order = "(SELECT rank FROM articles_fts WHERE articles_fts MATCH ? AND rank MATCH 'bm25(5.0, 1.0)' AND rowid = a.rowid)"
        args.append(fts_query(params["q"]))
    else:
        order = "a.published DESC, a.rowid DESC" if sort != "oldest" else "a.published, a.rowid"
    sql = (
        "SELECT a.id FROM articles a"
        + (" WHERE " + " AND ".join(where) if where else "")
        + f" ORDER BY {order}"
    )
    return [r[0] for r in conn.execute(sql, args)]


@pytest.mark.parametrize(
    "params",
    [
        {"q": "Rusia", "event_type": "verbal conflict"}, {"q": "Belarus", "claim_status": "asserted", "sort": "newest"},
        {"entity": "country:UA"}, {"entity": "country:RU", "event_type": "material conflict", "sort": "oldest"},
        {"q": "Ukraina", "entity": "country:UA", "published_from": "2023"}, {"q": "Rusia OR Belarus"},
        {"event_type": "REJECT", "modality": "asserted"}, {"event_from": "2023-02", "event_to": "2023-02-20"},
        {"event_to": "2023-01"}, {"published_to": "2023-02", "sort": "oldest"}, {"language": "en", "q": "the"},
        {"claim_status": "reported", "published_from": "2023-01-15", "published_to": "2023-03"},
        {"outlet": "detikNews", "sort": "newest"}, {"entity": "local:nobody"}, {"outlet": "nowhere"},
    ],
)  # fmt: skip
def test_search_agrees_with_plain_sql(client, corpus, params):
    """Search on the column index lists exactly the articles, in exactly the order, that the plainest SQL over
    the records' tables gives, and its total is theirs (exact: no estimates)."""
    with sqlite3.connect(corpus[0]) as conn:
        expected = plain_sql_search(conn, params)
    page = client.get("/api/search", params={**params, "limit": 200}).json()
    assert [h["id"] for h in page["items"]] == expected
    assert page["total"] == len(expected) and page["total_exact"] is True
    second = client.get("/api/search", params={**params, "limit": 3, "offset": 2}).json()
    assert [h["id"] for h in second["items"]] == expected[2:5]


def test_search_facets_count_the_listed_articles(client, records):
    """Facets count, among the listed articles, those with each outlet, entity, event type, modality, claim
    status and language."""
    page = client.get("/api/search", params={"q": "Rusia", "facets": "true", "limit": 200}).json()
    listed = [records[h["id"]] for h in page["items"]]
    facets = page["facets"]
    outlets = {f["value"]: f["count"] for f in facets["outlet"]}
    assert outlets == {o: sum(r["outlet"]["name"] == o for r in listed) for o in outlets}
    for f in facets["entity"]:
        assert f["count"] == sum(
            any(e["id"] == f["value"] and e["mentions"] for e in r["entities"]) for r in listed
        )
    for f in facets["event_type"]:
        assert f["count"] == sum(any(e["type"] == f["value"] for e in r["events"]) for r in listed)
    for f in facets["modality"]:
        assert f["count"] == sum(any(e["modality"] == f["value"] for e in r["events"]) for r in listed)
    for f in facets["claim_status"]:
        assert f["count"] == sum(any(c["status"] == f["value"] for c in r["claims"]) for r in listed)
    assert sum(f["count"] for f in facets["language"]) == len(listed)


def test_web_indexes_change_speed_not_results(corpus, client, tmp_path):
    """Without the indexes of migration 0005 the same searches give the same answers."""
    from kronik.web.queries import PROPOSED_INDEXES

    indexed = tmp_path / "indexed.db"
    with sqlite3.connect(corpus[0]) as src, sqlite3.connect(indexed) as dst:
        src.backup(dst)
        for sql in PROPOSED_INDEXES:
            dst.execute(f"DROP INDEX {sql.split(' ON ')[0].split()[-1]}")
    cases = [{"q": "Belarus"}, {"q": "Rusia", "event_type": "verbal conflict", "sort": "newest"},
             {"entity": "country:UA", "published_from": "2023-02"}, {"q": "Ukraina", "outlet": "detikNews"},
             {"claim_status": "reported", "sort": "oldest"}]  # fmt: skip
    with TestClient(create_app(str(indexed))) as other:
        for params in cases:
            a = client.get("/api/search", params=params).json()
            b = other.get("/api/search", params=params).json()
            assert [h["id"] for h in a["items"]] == [h["id"] for h in b["items"]], params
            assert a["total"] == b["total"]
        for url in ("/api/timeline?type=verbal+conflict", "/api/graph?from=2023-01&to=2023-03",
                    "/api/entities/country:BY/events?role=actor"):  # fmt: skip
            assert client.get(url).json() == other.get(url).json(), url
