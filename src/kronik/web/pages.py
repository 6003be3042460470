"""HTML pages: search, article, entity, timeline, actor graph, API reference. Jinja2 with autoescape on for
every template; article text only ever reaches HTML through it (no ``|safe`` on record values)."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from types import SimpleNamespace
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import ChainableUndefined, Environment, PackageLoader

from kronik.errors import NotFoundError
from kronik.timeline import group_key
from kronik.web import queries as Q
from kronik.web import search as S
from kronik.web.annotate import annotate, claim_class, modality_class, side_class
from kronik.web.api import (
    ArticleId,
    EntityId,
    EventFiltersDep,
    EventType,
    Filters,
    FromParam,
    Offset,
    ToParam,
    actor_graph,
    entity_articles_page,
    entity_profile,
    index,
    source_chains,
)
from kronik.web.i18n import LANGUAGES, pick_language, translator
from kronik.web.svg import graph_layout, month_bars

router = APIRouter(include_in_schema=False)  # async routes, as in api.py: run on the event loop, no thread
#: Items per page of the HTML lists.
PAGE_SIZE = 20
TIMELINE_PAGE = 100
PageLimit = Annotated[int, Query(ge=1, le=200)]
LANG_COOKIE_AGE = 365 * 24 * 3600


def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("kronik.web", "templates"),
        autoescape=True,  # every template, whatever its name
        undefined=ChainableUndefined,  # records leave optional fields out
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # templates ship with the package: no stat of each file on every render
    )
    env.globals.update(claim_class=claim_class, modality_class=modality_class, side_class=side_class,
                       split_marks=S.split_marks, group_key=group_key, qs=qs, LANGUAGES=LANGUAGES)  # fmt: skip
    env.filters["chain"] = lambda items: " ← ".join(str(x) for x in items or [] if x)
    env.filters["day"] = lambda v: (v or "")[:10]
    env.filters["minute"] = lambda v: (v or "").replace("T", " ")[:16]
    return env


def _rows(page: Q.Page) -> Q.Page:
    """``page`` with its items as objects: a template's ``e.name`` finds an attribute at once, where on a
    dict Jinja first fails to (an exception per lookup, thousands in a timeline page: a third of its time)."""
    page.items = [SimpleNamespace(**item) for item in page.items]  # type: ignore[misc]
    return page


def qs(params: dict[str, Any] | None = None, **changes: Any) -> str:
    """A query string from ``params`` with ``changes`` (None or "" drops a key); for links in templates."""
    merged = {**(params or {}), **changes}
    return urlencode([(k, v) for k, v in merged.items() if v not in (None, "", False)])


def render(request: Request, template: str, status: int = 200, headers: dict[str, str] | None = None,
           **context: Any) -> HTMLResponse:  # fmt: skip
    query_lang = request.query_params.get("lang")
    lang = pick_language(query_lang, request.cookies.get("lang"), request.headers.get("accept-language"))
    t, label = translator(lang)
    params = {k: v for k, v in request.query_params.items() if k != "lang"}
    state = request.app.state
    stats = state.cached("stats", lambda: Q.stats(state.db.conn())) if status < 400 else None
    html = state.templates.get_template(template).render(
        request=request,
        lang=lang,
        t=t,
        label=label,
        params=params,
        path=request.url.path,
        stats=stats,
        num=number_format(lang),
        **context,
    )
    response = HTMLResponse(html, status_code=status, headers=headers)
    if query_lang in LANGUAGES:
        response.set_cookie("lang", query_lang, max_age=LANG_COOKIE_AGE, samesite="lax", httponly=True)
    return response


def number_format(lang: str) -> Callable[[Any], Any]:
    """Thousands grouped as each language writes them: 38.897 (id), 38,897 (en)."""
    sep = "." if lang == "id" else ","
    return lambda n: f"{n:,}".replace(",", sep) if isinstance(n, int) else n


def error_page(request: Request, status: int, message: str, details: list[dict[str, Any]],
               headers: dict[str, str] | None = None) -> HTMLResponse:  # fmt: skip
    return render(request, "error.html", status=status, headers=headers, status_code=status, message=message,
                  details=details)  # fmt: skip


@router.get("/", response_class=HTMLResponse)
@router.get("/search", response_class=HTMLResponse)
async def search_page(
    request: Request, f: Filters, limit: PageLimit = PAGE_SIZE, offset: Offset = 0
) -> HTMLResponse:
    conn = request.app.state.db.conn()
    page = S.search(conn, index(request), f, limit, offset, with_facets=True)
    facets = page.extra["facets"]
    outlets = request.app.state.cached("outlets", lambda: Q.outlets(conn))
    entity_name = None
    if f.entity:
        try:
            entity_name = entity_profile(request, f.entity)["name"]
        except NotFoundError:
            entity_name = f.entity
    return render(request, "search.html", f=f, page=page, facets=facets, outlets=outlets, entity_name=entity_name,
                  event_types=Q.EVENT_TYPES, families=list(Q.FAMILIES), modalities=Q.MODALITIES,
                  statuses=Q.CLAIM_STATUSES, sorts=S.SORTS, rank_max=f"{S.RANK_MAX_MATCHES:,}")  # fmt: skip


@router.get("/article/{article_id}", response_class=HTMLResponse)
async def article_page(request: Request, article_id: ArticleId) -> HTMLResponse:
    conn = request.app.state.db.conn()
    record = Q.article(conn, article_id)
    removed: OrderedDict[str, list[str]] = OrderedDict()
    for r in record.get("removed") or []:
        removed.setdefault(r.get("kind") or "other", []).append(r.get("text") or "")
    return render(request, "article.html", r=record, paragraphs=annotate(record), removed=removed,
                  chains=source_chains(record), stored=record.get("_stored") or {})  # fmt: skip


@router.get("/entity/{entity_id}", response_class=HTMLResponse)
async def entity_page(request: Request, entity_id: EntityId) -> HTMLResponse:
    conn = request.app.state.db.conn()
    profile = entity_profile(request, entity_id)
    as_actor = _rows(Q.events(conn, Q.EventFilters(actor_id=entity_id), 50, 0))
    as_recipient = _rows(Q.events(conn, Q.EventFilters(target_id=entity_id), 50, 0))
    said = _rows(Q.quotes(conn, entity_id, None, None, 50, 0, exact=True))
    named_in = _rows(entity_articles_page(request, entity_id, PAGE_SIZE, 0))
    bars = month_bars(profile["months"])
    return render(request, "entity.html", e=profile, as_actor=as_actor, as_recipient=as_recipient, said=said,
                  named_in=named_in, bars=bars)  # fmt: skip


@router.get("/timeline", response_class=HTMLResponse)
async def timeline_page(
    request: Request, f: EventFiltersDep, limit: PageLimit = TIMELINE_PAGE, offset: Offset = 0
) -> HTMLResponse:
    conn = request.app.state.db.conn()
    page = Q.events(conn, f, limit, offset)
    groups: OrderedDict[str, list[SimpleNamespace]] = OrderedDict()
    for e in page.items:
        groups.setdefault(group_key(e), []).append(SimpleNamespace(**e))
    return render(request, "timeline.html", f=f, page=page, groups=groups, event_types=Q.EVENT_TYPES,
                  families=list(Q.FAMILIES), modalities=Q.MODALITIES)  # fmt: skip


@router.get("/graph", response_class=HTMLResponse)
async def graph_page(request: Request, date_from: FromParam = None, date_to: ToParam = None,
               family: Annotated[EventType | None, Query()] = None) -> HTMLResponse:  # fmt: skip
    g = actor_graph(request, date_from, date_to, family)
    return render(request, "graph.html", g=g, layout=graph_layout(g), date_from=date_from, date_to=date_to,
                  family=family, families=list(Q.FAMILIES), event_types=Q.EVENT_TYPES)  # fmt: skip


@router.get("/api/docs", response_class=HTMLResponse)
async def api_docs(request: Request) -> HTMLResponse:
    spec = request.app.openapi()
    endpoints = []
    for route, methods in spec["paths"].items():
        for method, op in methods.items():
            params = [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                       "description": p.get("description") or p.get("schema", {}).get("description") or "",
                       "schema": _schema_text(p.get("schema", {}))} for p in op.get("parameters", [])]  # fmt: skip
            endpoints.append(
                {"method": method.upper(), "path": route, "summary": op.get("summary", ""), "params": params}
            )
    return render(request, "api.html", endpoints=endpoints)


@router.get("/favicon.ico", include_in_schema=False)
async def favicon() -> RedirectResponse:
    return RedirectResponse("/static/favicon.svg")


def _schema_text(schema: dict[str, Any]) -> str:
    """A parameter's type in a few words: int 1–200, one of a|b, pattern …"""
    options = schema.get("anyOf") or [schema]
    parts = []
    for s in options:
        if s.get("type") == "null":
            continue
        if "enum" in s:
            parts.append("one of " + ", ".join(map(str, s["enum"])))
        elif "const" in s:
            parts.append(str(s["const"]))
        elif s.get("type") == "integer" and ("minimum" in s or "maximum" in s):
            parts.append(f"integer {s.get('minimum', '')}–{s.get('maximum', '')}")
        elif "pattern" in s:
            parts.append(f"{s.get('type', 'string')} matching {s['pattern']}")
        else:
            parts.append(s.get("type", "string") + (f" ≤ {s['maxLength']} chars" if "maxLength" in s else ""))
    default = schema.get("default")
    return " or ".join(parts) + (f" (default {default})" if default not in (None, "") else "")
