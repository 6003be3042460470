"""JSON API under ``/api``: thin routes over :mod:`kronik.web.queries`; lists are ``{items, total, limit, offset}``."""

from __future__ import annotations

import hmac
import json
import shutil
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import unquote, urlsplit

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi import Path as PathParam
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.formparsers import MultiPartException

from kronik.timeline import group_key
from kronik.web import queries as Q
from kronik.web import search as S
from kronik.web.index import ArticleIndex
from kronik.web.ingest import (
    MAX_FILE_BYTES,
    MAX_FILES,
    MAX_JSON_BYTES,
    MULTIPART_OVERHEAD,
    UPLOAD_PREFIX,
    safe_name,
    upload_dir,
)

router = APIRouter(prefix="/api")
# Read routes and their dependencies are ``async def`` although they block on SQLite: each then runs on the
# worker's event loop, one after another, where a plain ``def`` would be handed to a thread (two hand-offs a
# request with a dependency). A worker process has about one core anyway, and under 20 clients the hand-offs
# and the threads' fight for the GIL took about 40 % of its CPU (py-spy). Several workers serve in parallel.

#: A date or its prefix: 2023, 2023-02 or 2023-02-20; compared with ISO strings, bounds inclusive.
DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
DATE_HELP = "YYYY, YYYY-MM or YYYY-MM-DD (inclusive)"

Limit = Annotated[int, Query(ge=1, le=200, description="Items per page (1–200).")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip.")]
DateParam = Annotated[str | None, Query(pattern=DATE_PATTERN, description=DATE_HELP)]
FromParam = Annotated[str | None, Query(alias="from", pattern=DATE_PATTERN, description=DATE_HELP)]
ToParam = Annotated[str | None, Query(alias="to", pattern=DATE_PATTERN, description=DATE_HELP)]
EventType = Literal[(*Q.EVENT_TYPES, *Q.FAMILIES)]  # type: ignore[valid-type]
Modality = Literal[Q.MODALITIES]  # type: ignore[valid-type]
ClaimStatus = Literal[Q.CLAIM_STATUSES]  # type: ignore[valid-type]
EntityType = Literal[Q.ENTITY_TYPES]  # type: ignore[valid-type]
Family = Literal[tuple(Q.FAMILIES)]  # type: ignore[valid-type]
Sort = Literal[S.SORTS]  # type: ignore[valid-type]
Text = Annotated[str | None, Query(max_length=300)]
EntityText = Annotated[
    str | None, Query(max_length=200, description="Entity id, or a name as the events table has it.")
]
ArticleId = Annotated[str, PathParam(pattern=r"^[0-9a-f]{16}$", description="Article id: 16 hex digits.")]
EntityId = Annotated[
    str, PathParam(min_length=1, max_length=200, description="Entity id (Q42, country:UA, local:slug …).")
]


def db(request: Request) -> Any:
    return request.app.state.db.conn()


def index(request: Request) -> ArticleIndex:
    """The process's column index of the database as it is now (rebuilt when it changed)."""
    return request.app.state.index.get()


async def search_filters(
    q: Annotated[
        str | None, Query(max_length=500, description="Words to find in titles and bodies (FTS5).")
    ] = None,
    published_from: DateParam = None,
    published_to: DateParam = None,
    event_from: DateParam = None,
    event_to: DateParam = None,
    outlet: Text = None,
    entity: Annotated[
        str | None, Query(max_length=200, description="Entity id named in the article.")
    ] = None,
    event_type: Annotated[EventType | None, Query(description="Event type or PLOVER family.")] = None,
    modality: Annotated[Modality | None, Query(description="Modality of an event of the article.")] = None,
    claim_status: Annotated[
        ClaimStatus | None, Query(description="Status of a claim of the article.")
    ] = None,
    language: Annotated[str | None, Query(pattern=r"^[a-z]{2}$", description="ISO 639-1 code.")] = None,
    sort: Annotated[Sort, Query(description="relevance (with q), newest or oldest.")] = "relevance",
) -> S.SearchFilters:
    """The search filters of a request (shared by ``/api/search``, ``/api/articles`` and the search page)."""
    return S.SearchFilters(q=(q or "").strip() or None, published_from=published_from, published_to=published_to,
                           event_from=event_from, event_to=event_to, outlet=outlet, entity=entity,
                           event_type=event_type, modality=modality, claim_status=claim_status, language=language,
                           sort=sort)  # fmt: skip


async def event_filters(
    actor: EntityText = None,
    with_: Annotated[
        str | None, Query(alias="with", max_length=200, description="The other side (id or name).")
    ] = None,
    type_: Annotated[
        EventType | None, Query(alias="type", description="Event type or PLOVER family.")
    ] = None,
    modality: Annotated[Modality | None, Query()] = None,
    date_from: FromParam = None,
    date_to: ToParam = None,
    article: Annotated[
        str | None, Query(pattern=r"^[0-9a-f]{16}$", description="Events of one article.")
    ] = None,
) -> Q.EventFilters:
    """Timeline filters: ``actor``/``with`` match an entity id or name on either side of an event."""
    return Q.EventFilters(actor=actor, with_=with_, event_type=type_, modality=modality, date_from=date_from,
                          date_to=date_to, article=article)  # fmt: skip


Filters = Annotated[S.SearchFilters, Depends(search_filters)]
EventFiltersDep = Annotated[Q.EventFilters, Depends(event_filters)]


@router.get("/search", summary="Search articles: full text plus filters (facets on request)")
async def search(request: Request, f: Filters, limit: Limit = 20, offset: Offset = 0,
           facets: Annotated[bool, Query(description="Also count facets of the matches.")] = False) -> dict[str, Any]:  # fmt: skip
    page = S.search(db(request), index(request), f, limit, offset, with_facets=facets).to_dict()
    for item in page["items"]:
        item["snippet"], item["highlights"] = plain_snippet(item["snippet"])
    page["filters"] = f.active()
    return page


def plain_snippet(snippet: str) -> tuple[str, list[list[int]]]:
    """The snippet as plain text and the [start, end] character offsets of the matched words in it."""
    text, marks, pos = [], [], 0
    for piece, hit in S.split_marks(snippet):
        if hit:
            marks.append([pos, pos + len(piece)])
        text.append(piece)
        pos += len(piece)
    return "".join(text), marks


@router.get(
    "/articles", summary="Stored articles: the filters of search, newest first unless sort says otherwise"
)
async def articles(request: Request, f: Filters, limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
    if f.sort == "relevance" and not f.q:
        f = S.SearchFilters(**{**asdict(f), "sort": "newest"})
    page = S.search(db(request), index(request), f, limit, offset).to_dict()
    for item in page["items"]:
        item["snippet"], item["highlights"] = plain_snippet(item["snippet"])
    return page


@router.get("/articles/{article_id}", summary="One article record (record.md), with its stored versions")
async def article(request: Request, article_id: ArticleId) -> dict[str, Any]:
    return Q.article(db(request), article_id)


@router.get(
    "/articles/{article_id}/sources", summary="Source chains of one article and of each of its quotes"
)
async def article_sources(request: Request, article_id: ArticleId) -> dict[str, Any]:
    record = Q.article(db(request), article_id)
    return source_chains(record)


def source_chains(record: dict[str, Any]) -> dict[str, Any]:
    """The article's chain (outlet ← media it took the story from) and each quote's (… ← medium ← speaker)."""
    return {
        "article_id": record["id"],
        "article": record.get("sources") or {},
        "quotes": [
            {"index": i, "speaker": (q.get("speaker") or {}).get("name"), "speaker_id": (q.get("speaker") or {}).get("id"),
             "direct": q["direct"], "text": q["text"], "chain": q.get("chain") or []}
            for i, q in enumerate(record.get("quotes") or [])
        ],
    }  # fmt: skip


@router.get("/entities", summary="Entities over all articles: canonical name, type, counts")
async def entities(
    request: Request,
    name: Annotated[
        str | None, Query(max_length=200, description="Part of the name or of a spelling seen.")
    ] = None,
    type_: Annotated[EntityType | None, Query(alias="type")] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> dict[str, Any]:
    return Q.entities(db(request), name, type_, limit, offset).to_dict()


@router.get("/entities/{entity_id}", summary="One entity: name, spellings, roles, counts")
async def entity(request: Request, entity_id: EntityId) -> dict[str, Any]:
    return entity_profile(request, entity_id)


def entity_profile(request: Request, entity_id: str) -> dict[str, Any]:
    """The entity with its events per month; cached per process until the database changes."""

    def compute() -> dict[str, Any]:
        conn = db(request)
        return {**Q.entity(conn, entity_id), "months": Q.entity_months(conn, entity_id)}

    return request.app.state.cached("entity:" + entity_id, compute)


@router.get("/entities/{entity_id}/quotes", summary="Quotes by the entity")
async def entity_quotes(
    request: Request, entity_id: EntityId, limit: Limit = 20, offset: Offset = 0
) -> dict[str, Any]:
    conn = db(request)
    entity_profile(request, entity_id)  # 404 for an unknown entity
    return Q.quotes(conn, entity_id, None, None, limit, offset, exact=True).to_dict()


@router.get("/entities/{entity_id}/events", summary="Events with the entity as actor, recipient, or either")
async def entity_events(
    request: Request,
    entity_id: EntityId,
    role: Annotated[Literal["actor", "recipient", "any"], Query()] = "any",
    limit: Limit = 20,
    offset: Offset = 0,
) -> dict[str, Any]:
    conn = db(request)
    entity_profile(request, entity_id)
    f = {"actor": Q.EventFilters(actor_id=entity_id), "recipient": Q.EventFilters(target_id=entity_id),
         "any": Q.EventFilters(actor=entity_id)}[role]  # fmt: skip
    return Q.events(conn, f, limit, offset).to_dict()


@router.get("/entities/{entity_id}/articles", summary="Articles naming the entity, newest first")
async def entity_articles(
    request: Request, entity_id: EntityId, limit: Limit = 20, offset: Offset = 0
) -> dict[str, Any]:
    return entity_articles_page(request, entity_id, limit, offset).to_dict()


def entity_articles_page(request: Request, entity_id: str, limit: int, offset: int) -> Q.Page:
    """Articles naming the entity, newest first, each with how often it names it; the total is the profile's."""
    profile = entity_profile(request, entity_id)
    return Q.Page(
        Q.entity_articles(db(request), entity_id, limit, offset), profile["articles"], limit, offset
    )


@router.get("/quotes", summary="Quotes across articles, newest first")
async def quotes(
    request: Request,
    speaker: Annotated[
        str | None, Query(max_length=200, description="Speaker's entity id or part of the name.")
    ] = None,
    direct: Annotated[
        bool | None, Query(description="true: direct quotes only; false: indirect only.")
    ] = None,
    article: Annotated[str | None, Query(pattern=r"^[0-9a-f]{16}$")] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> dict[str, Any]:
    return Q.quotes(db(request), speaker, direct, article, limit, offset).to_dict()


@router.get("/events", summary="Events by the date they happened (undated last)")
async def events(
    request: Request, f: EventFiltersDep, limit: Limit = 20, offset: Offset = 0
) -> dict[str, Any]:
    return Q.events(db(request), f, limit, offset).to_dict()


@router.get("/timeline", summary="The chronicle: events by date, each with the heading it is listed under")
async def timeline(
    request: Request, f: EventFiltersDep, limit: Limit = 100, offset: Offset = 0
) -> dict[str, Any]:
    page = Q.events(db(request), f, limit, offset)
    for e in page.items:
        e["group"] = group_key(e)
    return page.to_dict()


@router.get("/graph", summary="Actor graph: cooperation and conflict per actor pair over a period")
async def graph(
    request: Request,
    date_from: FromParam = None,
    date_to: ToParam = None,
    family: Annotated[EventType | None, Query(description="Only this family or type.")] = None,
) -> dict[str, Any]:
    return actor_graph(request, date_from, date_to, family)


def actor_graph(
    request: Request, date_from: str | None, date_to: str | None, family: str | None
) -> dict[str, Any]:
    """The actor graph; the all-time one (the graph page's default) is cached per process."""
    if date_from or date_to or family:
        return Q.graph(db(request), date_from, date_to, family)
    return request.app.state.cached("graph:all", lambda: Q.graph(db(request), None, None, None))


@router.get("/sources", summary="Inputs read into the database and the article each became; failed inputs")
async def sources(
    request: Request,
    q: Annotated[str | None, Query(max_length=300, description="Part of the source path or URL.")] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> dict[str, Any]:
    return Q.sources(db(request), q, limit, offset).to_dict()


@router.get("/stats", summary="What the database holds")
async def stats(request: Request) -> dict[str, Any]:
    return request.app.state.cached("stats", lambda: Q.stats(db(request)))


# -- ingest ------------------------------------------------------------------------------------------


def authorise(request: Request) -> None:
    """403 when the server has no token (ingest off), 401 without the right ``Authorization: Bearer``."""
    token = request.app.state.token
    if not token:
        raise HTTPException(
            403, "ingest is disabled: the server has no token (set KRONIK_TOKEN or pass --token)"
        )
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise HTTPException(401, "missing or wrong token: send Authorization: Bearer <token>",
                            headers={"WWW-Authenticate": "Bearer"})  # fmt: skip


INGEST_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"description": "no or wrong token"},
    403: {"description": "ingest disabled (no token configured) or a path outside the allowed folders"},
    411: {"description": "no Content-Length"},
    413: {"description": "too many or too large files"},
    415: {"description": "neither multipart nor JSON"},
}


@router.post(
    "/ingest",
    summary="Ingest uploaded files (multipart, field 'files') or local files (JSON {\"paths\": [...]})",
    responses=INGEST_ERRORS,
)
async def ingest(request: Request) -> dict[str, Any]:
    authorise(request)
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "multipart/form-data":
        return await _ingest_uploads(request)
    if ctype == "application/json":
        paths = await _json_paths(request)
        report = await run_in_threadpool(request.app.state.writer.ingest_paths, paths)
        return report.to_dict()
    raise HTTPException(415, 'send multipart/form-data with files, or application/json with {"paths": [...]}')


def _content_length(request: Request, most: int) -> int:
    raw = request.headers.get("content-length")
    if raw is None:
        raise HTTPException(411, "Content-Length is required")
    try:
        n = int(raw)
    except ValueError:
        raise HTTPException(400, "Content-Length is not a number") from None
    if n > most:
        raise HTTPException(
            413, f"request too large: {n} bytes (at most {MAX_FILES} files of {MAX_FILE_BYTES} bytes)"
        )
    return n


async def _ingest_uploads(request: Request) -> dict[str, Any]:
    _content_length(request, MAX_FILES * MAX_FILE_BYTES + MULTIPART_OVERHEAD)
    try:
        form = await request.form(max_files=MAX_FILES, max_fields=MAX_FILES)
    except (MultiPartException, StarletteHTTPException) as err:  # starlette turns the first into the second
        reason = getattr(err, "detail", None) or str(err)
        too_many = "Too many" in reason
        raise HTTPException(
            413 if too_many else 400, f"{'too many files' if too_many else 'bad upload'}: {reason}"
        ) from err
    try:
        uploads = [v for _, v in form.multi_items() if hasattr(v, "filename") and hasattr(v, "read")]
        if not uploads:
            raise HTTPException(422, "no files: send them as multipart form field 'files'")
        with upload_dir() as tmp:
            rename, taken, paths = {}, set(), []
            for up in uploads:
                name = safe_name(up.filename or "upload", taken)
                target = Path(tmp) / name
                size = 0
                with target.open("wb") as out:
                    while chunk := await up.read(1024 * 1024):
                        size += len(chunk)
                        if size > MAX_FILE_BYTES:
                            raise HTTPException(
                                413, f"{up.filename}: file too large (more than {MAX_FILE_BYTES} bytes)"
                            )
                        out.write(chunk)
                rename[str(target)] = UPLOAD_PREFIX + name
                paths.append(str(target))
            report = await run_in_threadpool(request.app.state.writer.ingest_paths, paths, rename)
            shutil.rmtree(tmp, ignore_errors=True)
    finally:
        await form.close()
    return report.to_dict()


async def _json_paths(request: Request) -> list[str]:
    _content_length(request, MAX_JSON_BYTES)
    try:
        body = json.loads(await request.body())
    except (ValueError, UnicodeDecodeError) as err:
        raise HTTPException(400, f"body is not JSON: {err}") from err
    items = body.get("paths") if isinstance(body, dict) else body
    if not isinstance(items, list) or not items or not all(isinstance(p, str) and p for p in items):
        raise HTTPException(422, 'send {"paths": ["file", "file:///abs/file", ...]} with at least one path')
    if len(items) > MAX_FILES:
        raise HTTPException(413, f"too many files: {len(items)} (at most {MAX_FILES})")
    roots = request.app.state.ingest_roots
    paths = []
    for item in items:
        parts = urlsplit(item)
        if parts.scheme in ("http", "https", "ftp"):
            raise HTTPException(422, f"{item}: only local files can be ingested (the server fetches nothing)")
        path = Path(unquote(parts.path) if parts.scheme == "file" else item).expanduser()
        resolved = path.resolve()
        if not any(resolved.is_relative_to(r) for r in roots):
            raise HTTPException(
                403, f"{item}: outside the folders the server may read ({', '.join(map(str, roots))})"
            )
        if not resolved.is_file():
            raise HTTPException(422, f"{item}: no such file")
        if resolved.stat().st_size > MAX_FILE_BYTES:
            raise HTTPException(413, f"{item}: file too large (more than {MAX_FILE_BYTES} bytes)")
        paths.append(str(path))
    return paths
