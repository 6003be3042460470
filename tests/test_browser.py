"""End-to-end tests in headless Chromium (Debian's, driven by Playwright): search → article → entity →
timeline → graph on the sample pages, each page checked against the stored records, and a hostile page
that must execute nothing. Screenshots are kept in build/screenshots/."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import ROOT
from .test_api import HOSTILE, build_db

CHROMIUM = os.environ.get("KRONIK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip
SHOTS = ROOT / "build" / "screenshots"
# Any of these set by article text would mean a script from the record ran.
PWNED = "window.__pwned"


def _need_browser() -> None:
    """Skip on a developer's machine without Chromium or Playwright; fail under CI=true."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        reason = "playwright is not installed (pip install playwright; Chromium comes from apt)"
    else:
        reason = (
            ""
            if shutil.which(CHROMIUM) or Path(CHROMIUM).exists()
            else f"{CHROMIUM} not found (apt-get install chromium)"
        )
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict]]:
    _need_browser()
    tmp = tmp_path_factory.mktemp("browser")
    path = tmp / "browser.db"
    return path, {r["id"]: r for r in build_db(path, tmp)}


@pytest.fixture(scope="module")
def server(corpus) -> Iterator[str]:
    """The app under uvicorn on a free localhost port, in a thread."""
    import uvicorn

    from kronik.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(
        uvicorn.Config(create_app(str(corpus[0])), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    _need_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, request):
    """A fresh page in Indonesian (the default interface language) that records dialogs and script errors."""
    context = browser.new_context(locale="id-ID", viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.dialogs = []
    pg.errors = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    context.close()


def shot(pg, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def by_title(records: dict[str, dict], start: str) -> dict:
    return next(r for r in records.values() if (r["title"] or "").startswith(start))


def test_search_article_entity_timeline_graph(server, corpus, page):
    records = corpus[1]
    pg = page
    pg.goto(server + "/")
    assert pg.locator("html").get_attribute("lang") == "id"
    pg.fill("#q", "Lukashenko")
    pg.press("#q", "Enter")
    pg.wait_for_url("**/search?*q=Lukashenko*")
    expected = {r["title"] for r in records.values() if "lukashenko" in (r["title"] + r["body"]).lower()}
    shown = set(pg.locator("ol.hits h3 a").all_inner_texts())
    assert shown == expected
    assert pg.locator("#results-h").inner_text().startswith(f"{len(expected)} artikel")
    assert pg.locator("ol.hits mark").count() >= len(expected)  # the word is highlighted in the snippets
    shot(pg, "01-search")

    # facet: narrowing by an outlet shows only that outlet's articles
    article = by_title(records, "Lukashenko Disebut Tolak")
    outlet = article["outlet"]["name"]
    pg.locator("ul.facet[data-facet=outlet] a", has_text=outlet).click()
    pg.wait_for_url("**outlet=*")
    assert pg.locator("ol.hits h3 a").all_inner_texts() == [article["title"]]

    # the article: title, outlet, body, the numbers of entities, quotes, claims and events, removed text apart
    pg.locator("ol.hits h3 a").first.click()
    pg.wait_for_url(f"**/article/{article['id']}")
    assert pg.locator("h1#title").inner_text() == article["title"]
    assert pg.locator("dd.outlet").inner_text().startswith(outlet)
    assert pg.locator("time.published").inner_text() == article["published"]
    assert pg.locator("#body p").all_inner_texts() == article["paragraphs"]
    assert pg.locator("ul.entities > li").count() == len(article["entities"])
    assert pg.locator("ol.quotes > li").count() == len(article["quotes"])
    assert pg.locator("ol.claims > li").count() == len(article["claims"])
    assert pg.locator("ol.events > li").count() == len(article["events"])
    mentions = sum(len(e["mentions"]) for e in article["entities"])
    assert pg.locator("#body a.ent").count() >= mentions  # every mention is a link (a split one counts twice)
    assert pg.locator(".main-chain").inner_text() == " ← ".join(article["sources"]["chain"])
    removed = [x.strip() for x in pg.locator("section.removed details li").all_text_contents()]
    assert sorted(removed) == sorted(r["text"] for r in article["removed"])
    assert pg.locator("section.removed details").count() == len({r["kind"] for r in article["removed"]})
    assert not set(removed) & set(article["paragraphs"])  # boilerplate apart from the body
    for ev in article["events"]:
        assert ev["type"] in pg.locator("ol.events").inner_text()
    # the layer switches (JS) hide and show the quote highlights
    pg.locator("fieldset.layers input[data-layer=quotes]").uncheck()
    assert "show-quotes" not in pg.locator("#body").get_attribute("class")
    pg.locator("fieldset.layers input[data-layer=quotes]").check()
    shot(pg, "02-article")

    # follow the entity
    lukashenko = next(e for e in article["entities"] if e["name"] == "Alexander Lukashenko")
    pg.locator("ul.entities a", has_text="Alexander Lukashenko").click()
    pg.wait_for_url("**/entity/kronik*alexander-lukashenko")
    assert pg.locator("h1#entity-name").inner_text() == lukashenko["name"]
    assert pg.locator("code.entity-id").inner_text() == lukashenko["id"]
    spellings = {
        m["text"]
        for r in records.values()
        for e in r["entities"]
        if e["id"] == lukashenko["id"]
        for m in e["mentions"]
    }
    assert set(pg.locator("table.aliases tbody td:first-child").all_inner_texts()) == spellings
    as_actor = [(r["id"], i) for r in records.values() for i, v in enumerate(r["events"])
                if (v.get("actor") or {}).get("id") == lukashenko["id"]]  # fmt: skip
    assert pg.locator("ol[data-role=actor] > li.event").count() == len(as_actor)
    said = [
        q
        for r in records.values()
        for q in r["quotes"]
        if (q.get("speaker") or {}).get("id") == lukashenko["id"]
    ]
    assert pg.locator("#said-h .count").inner_text() == str(len(said))
    assert pg.locator("svg.months rect").count() >= 1
    shot(pg, "03-entity")

    # its timeline: the entity's events by date, with modality
    pg.locator("a", has_text="Lihat semua di lini masa").click()
    pg.wait_for_url("**/timeline?actor=*")
    involved = [v for r in records.values() for v in r["events"]
                if lukashenko["id"] in ((v.get("actor") or {}).get("id"), (v.get("target") or {}).get("id"))]  # fmt: skip
    items = pg.locator("ol.timeline-list > li.event")
    assert items.count() == len(involved)
    times = [
        t
        for t in pg.locator("ol.timeline-list time").evaluate_all(
            "els => els.map(e => e.getAttribute('datetime'))"
        )
    ]
    assert times == sorted(times)
    shown_modalities = pg.locator("ol.timeline-list .badge").all_inner_texts()
    assert len(shown_modalities) == len(involved)
    shot(pg, "04-timeline")

    # the graph: who does what to whom, drawn and tabled
    pg.locator("header.site a", has_text="Graf aktor").click()
    pg.wait_for_url("**/graph")
    assert pg.locator("#actor-graph g.node").count() >= 2
    rows = pg.locator("table.relations tbody tr").all_inner_texts()
    assert any("Alexander Lukashenko" in r and "Rusia" in r for r in rows)
    pairs = [(v["actor"]["name"], (v.get("target") or v.get("partner"))["name"]) for r in records.values()
             for v in r["events"] if v.get("actor") and (v.get("target") or v.get("partner"))]  # fmt: skip
    total = sum(int(x) for x in pg.locator("table.relations td.num").all_inner_texts())
    assert total == len(pairs)
    pg.wait_for_timeout(300)  # let the force layout move
    shot(pg, "05-graph")
    assert not pg.errors, pg.errors


def test_language_switch(server, page):
    page.goto(server + "/timeline")
    assert page.locator("h1").inner_text() == "Lini masa peristiwa"
    page.locator(".langs a", has_text="EN").click()
    page.wait_for_url("**lang=en*")
    assert page.locator("h1").inner_text() == "Timeline of events"
    page.goto(server + "/graph")  # the choice is remembered
    assert page.locator("h1").inner_text().startswith("Actor graph")
    shot(page, "06-english")


@pytest.mark.parametrize("which", ["jsonl", "okezone"])
def test_hostile_article_executes_nothing(server, corpus, page, which):
    records = corpus[1]
    r = by_title(records, "Serangan <img" if which == "jsonl" else "Celah Keamanan")
    pg = page
    pg.add_init_script("window.__pwned = undefined;")
    pg.goto(f"{server}/article/{r['id']}")
    pg.wait_for_load_state("networkidle")
    assert pg.evaluate(PWNED) is None
    assert pg.dialogs == []
    # the markup is shown as text, never as elements
    assert pg.locator("h1#title").inner_text() == r["title"]
    assert pg.locator("#body script, #body img, #body iframe, main img").count() == 0
    assert pg.locator("a[href^='javascript:' i]").count() == 0
    handlers = pg.evaluate(
        "Array.from(document.querySelectorAll('*')).flatMap(e => Array.from(e.attributes))"
        ".filter(a => a.name.startsWith('on')).map(a => a.name)"
    )
    assert handlers == []
    body_text = "\n\n".join(pg.locator("#body p").all_inner_texts())
    assert body_text == r["body"]
    if which == "jsonl":
        assert "<script>window.__pwned=3</script>" in body_text
        assert pg.locator("dd.url code").inner_text() == HOSTILE["url"]  # shown, not linked
        assert "Portal <b>Uji</b>" in pg.locator("dd.outlet").inner_text()
    else:
        assert "<script>alert(1)</script>" in body_text
    shot(pg, f"07-hostile-{which}")

    # the hostile text reflected through search is inert too
    pg.goto(server + "/search?q=" + "%22%3E%3Cscript%3Ewindow.__pwned%3D9%3C%2Fscript%3E")
    pg.goto(server + "/search?q=pwned")
    assert pg.evaluate(PWNED) is None and pg.dialogs == []
    assert pg.locator("ol.hits h3 a").count() >= 1
