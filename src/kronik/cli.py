"""The ``kronik`` command: parse arguments, call the library, print with Rich, set the exit code."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.tree import Tree

from kronik.corpus import extract as extract_articles
from kronik.data import Article
from kronik.errors import InputError, KronikError
from kronik.stages.ingest import IngestOptions, iter_paths
from kronik.store import DEFAULT_DB, Store

app = typer.Typer(help="kronik: a checkable chronicle from Indonesian online news.", no_args_is_help=True)
eval_app = typer.Typer(
    help="Score a stage against gold data (precision, recall, F1, accuracy).", no_args_is_help=True
)
bench_app = typer.Typer(help="Measure a stage's throughput.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
train_app = typer.Typer(help="Train kronik's models from the data in ../shared.", no_args_is_help=True)
app.add_typer(bench_app, name="bench")
app.add_typer(train_app, name="train")
err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False)

Paths = Annotated[list[str], typer.Argument(help="Files, directories (read recursively), or - for stdin.")]
FieldOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--field", help="Map a record attribute to a column of JSONL/CSV input, e.g. text=isi_berita."
    ),
]
MonthFirst = Annotated[
    bool, typer.Option("--month-first", help="Read 10/21/2025 in record fields as month/day.")
]
DbOpt = Annotated[str, typer.Option("--db", help="SQLite database file.")]
#: Inputs above which ``ingest`` shows a progress bar.
PROGRESS_MIN_INPUTS = 20


def _options(fields: list[str] | None, month_first: bool) -> IngestOptions:
    mapping = {}
    for f in fields or []:
        if "=" not in f:
            raise typer.BadParameter(f"--field takes ATTRIBUTE=COLUMN, got {f!r}")
        k, v = f.split("=", 1)
        mapping[k.strip()] = v.strip()
    return IngestOptions(field_map=mapping, month_first=month_first)


def _fail(message: str) -> None:
    err.print(f"[red]error[/red] {message}")
    raise typer.Exit(2)


def _render(d: dict) -> str:
    """A record as readable text."""
    outlet = (d.get("outlet") or {}).get("name") or "-"
    lines = [
        f"[bold]{d.get('title') or '(no title)'}[/bold]",
        f"[dim]{d['source']}  id={d['id']}  language={d.get('language')}[/dim]",
        f"outlet: {outlet}   published: {d.get('published') or '-'} ({d.get('published_precision') or '-'})",
        f"authors: {', '.join(d.get('authors') or []) or '-'}   editors: {', '.join(d.get('editors') or []) or '-'}",
    ]
    if d.get("cited_media"):
        lines.append(f"cited media: {', '.join(d['cited_media'])}")
    if d.get("entities"):
        shown = ", ".join(f"{e['name']} ({e['type']}×{len(e['mentions'])})" for e in d["entities"][:15])
        lines.append(f"entities: {shown}")
    if d.get("lead"):
        lines.append(f"[italic]{d['lead']}[/italic]")
    lines.append("")
    lines += [f"  {p}" for p in d.get("paragraphs") or []]
    kinds = Counter(r["kind"] for r in d.get("removed") or [])
    lines.append("")
    lines.append(f"[dim]removed: {', '.join(f'{k} {n}' for k, n in kinds.most_common()) or 'nothing'}[/dim]")
    for w in d.get("warnings") or []:
        lines.append(f"[yellow]warning:[/yellow] {w}")
    return "\n".join(lines)


@app.command()
def extract(
    paths: Paths,
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, json or text.")] = "jsonl",
    field: FieldOpt = None,
    month_first: MonthFirst = False,
) -> None:
    """Print one clean article record per article found in PATHS.

    Example: kronik extract samples/pages --format text
    """
    if fmt not in ("jsonl", "json", "text"):
        raise typer.BadParameter("--format must be jsonl, json or text")
    failed = 0
    records = []
    for item in extract_articles(paths, _options(field, month_first)):
        if isinstance(item, InputError):
            failed += 1
            err.print(f"[red]failed[/red] {item.source}: {item.reason}")
            continue
        if fmt == "jsonl":
            sys.stdout.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
        elif fmt == "json":
            records.append(item.to_dict())
        else:
            out.print(_render(item.to_dict()))
            out.rule()
    if fmt == "json":
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    if failed:
        err.print(f"{failed} input(s) failed")
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: Paths,
    db: DbOpt = DEFAULT_DB,
    field: FieldOpt = None,
    month_first: MonthFirst = False,
) -> None:
    """Extract articles from PATHS and store them (idempotently) in the database.

    The same article twice is one record; a changed article is updated and its earlier version kept.
    Example: kronik ingest samples/pages --db kronik.db
    """
    counts: Counter[str] = Counter()
    failures: list[tuple[str, str]] = []
    files = list(iter_paths(paths))
    show = len(files) >= PROGRESS_MIN_INPUTS and err.is_terminal
    try:
        store = Store(db)
    except KronikError as e:
        _fail(str(e))
        return
    with store, Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, disable=not show, transient=True,
    ) as progress:  # fmt: skip
        task = progress.add_task("ingesting", total=len(files))
        seen_files: set[str] = set()
        for item in extract_articles(files, _options(field, month_first)):
            source = item.source
            base = source.split("#")[0]
            if base not in seen_files:
                seen_files.add(base)
                progress.advance(task)
            if isinstance(item, InputError):
                failures.append((item.source, item.reason))
                store.record_failure(item.source, item.reason)
                err.print(f"[red]failed[/red] {item.source}: {item.reason}")
                continue
            counts["read"] += 1
            counts[store.upsert(item)] += 1
            if counts["read"] % 500 == 0:
                store.commit()
        store.commit()
    table = Table(title=f"ingest into {db}", show_header=False)
    for label in ("read", "stored", "updated", "duplicate"):
        table.add_row(label, str(counts[label]))
    table.add_row("failed", str(len(failures)))
    err.print(table)
    if failures:
        reasons = Counter(r for _, r in failures)
        for reason, n in reasons.most_common(10):
            err.print(f"  {n} × {reason}")
        raise typer.Exit(1)


@app.command()
def show(
    article_id: Annotated[str, typer.Argument(help="Article id, or the source it was read from.")],
    db: DbOpt = DEFAULT_DB,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """Show one stored article."""
    with Store(db) as store:
        try:
            record = store.get(article_id)
        except KronikError as e:
            _fail(str(e))
            return
        versions = store.versions(record["id"])
    if fmt == "json":
        sys.stdout.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
        return
    out.print(_render(record))
    if versions:
        out.print(f"[dim]earlier versions: {', '.join(str(v['version']) for v in versions)}[/dim]")


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find in titles and bodies (FTS5 syntax allowed).")],
    db: DbOpt = DEFAULT_DB,
    limit: Annotated[int, typer.Option(help="Most results shown.")] = 20,
) -> None:
    """Full-text search of stored articles."""
    with Store(db) as store:
        try:
            hits = store.search(query, limit)
        except KronikError as e:
            _fail(str(e))
            return
    if not hits:
        err.print("no matches")
        raise typer.Exit(1)
    table = Table("id", "published", "outlet", "title / snippet")
    for h in hits:
        table.add_row(h.id, (h.published or "")[:16], h.outlet or "", f"[bold]{h.title}[/bold]\n{h.snippet}")
    out.print(table)


@app.command()
def stats(db: DbOpt = DEFAULT_DB) -> None:
    """Counts of what the database holds."""
    if not Path(db).exists():
        _fail(f"{db}: no such database (create it with kronik ingest)")
    with Store(db) as store:
        s = store.stats()
        failures = store.failures()
    table = Table(title=f"{db}", show_header=False)
    for key in ("articles", "earlier_versions", "sources", "failures"):
        table.add_row(key.replace("_", " "), str(s[key]))
    lo, hi = s["published_range"]
    table.add_row("published", f"{lo or '-'} … {hi or '-'}")
    table.add_row("outlets", ", ".join(f"{n} {c}" for n, c in s["outlets"]))
    table.add_row("languages", ", ".join(f"{n} {c}" for n, c in s["languages"]))
    out.print(table)
    for source, reason in failures[:20]:
        out.print(f"[red]failed[/red] {source}: {reason}")


@app.command("entities")
def list_entities(
    db: DbOpt = DEFAULT_DB,
    type_: Annotated[str | None, typer.Option("--type", help="PER, ORG or LOC.")] = None,
    name: Annotated[str | None, typer.Option(help="Part of a name or spelling.")] = None,
    limit: Annotated[int, typer.Option(help="Most entities shown.")] = 50,
) -> None:
    """Entities across the stored articles: type, spellings seen, article count, first and last seen."""
    if not Path(db).exists():
        _fail(f"{db}: no such database (create it with kronik ingest)")
    with Store(db) as store:
        rows = store.entities(type_, name, limit)
    if not rows:
        err.print("no entities")
        raise typer.Exit(1)
    table = Table("entity", "type", "id", "spellings seen", "articles", "first seen", "last seen")
    for r in rows:
        table.add_row(
            r["name"],
            r["type"],
            r["entity_id"],
            r["seen"],
            str(r["articles"]),
            (r["first"] or "")[:10],
            (r["last"] or "")[:10],
        )
    out.print(table)


@app.command("quotes")
def list_quotes(
    db: DbOpt = DEFAULT_DB,
    speaker: Annotated[str | None, typer.Option(help="Speaker's entity id or part of the name.")] = None,
    direct: Annotated[
        bool | None, typer.Option("--direct/--indirect", help="Only direct or only indirect quotes.")
    ] = None,
    limit: Annotated[int, typer.Option(help="Most quotes shown.")] = 50,
) -> None:
    """Quotes across the stored articles: who said what, where, and on whose word."""
    if not Path(db).exists():
        _fail(f"{db}: no such database (create it with kronik ingest)")
    with Store(db) as store:
        rows = store.quotes(speaker, direct, limit)
    if not rows:
        err.print("no quotes")
        raise typer.Exit(1)
    table = Table("speaker", "role", "quote", "cue", "medium / via", "when", "article")
    for r in rows:
        text = ("“" + r["text"] + "”") if r["direct"] else r["text"]
        table.add_row(
            r["speaker_name"] or "[dim]?[/dim]",
            r["speaker_role"] or "",
            text[:300],
            r["cue"] or "",
            " / ".join(x for x in (r["medium"], r["via"]) if x),
            r["said_when"] or (r["published"] or "")[:10],
            f"{r['article_id']}\n[dim]{r['outlet_name'] or ''}[/dim]",
        )
    out.print(table)


@app.command()
def serve(
    db: DbOpt = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to listen on (0.0.0.0: every interface).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="KRONIK_TOKEN",
            help="Bearer token for POST /api/ingest (or KRONIK_TOKEN); none: ingest off.",
        ),
    ] = None,
    workers: Annotated[int, typer.Option(help="Server processes (more serve reads on more cores).")] = 1,
) -> None:
    """Serve the web app and its JSON API over the database: search, articles, entities, timeline, actor graph.

    Example: kronik serve --db demo.db --port 8000
    """
    from kronik.web import serve as run_server

    if not Path(db).exists():
        err.print(
            f"{db}: no such database yet; serving an empty one (fill it with kronik ingest or POST /api/ingest)"
        )
    try:
        run_server(db, host, port, token, workers, announce=lambda line: out.print(f"[bold]{line}[/bold]"))
    except KronikError as e:
        _fail(str(e))


@app.command()
def timeline(
    db: DbOpt = DEFAULT_DB,
    actor: Annotated[
        str | None, typer.Option(help="Events with this actor (name or id) on either side.")
    ] = None,
    with_: Annotated[str | None, typer.Option("--with", help="… and this one on the other side.")] = None,
    between: Annotated[
        tuple[str, str] | None, typer.Option(help="From and to dates (YYYY-MM-DD), inclusive.")
    ] = None,
    type_: Annotated[str | None, typer.Option("--type", help="A PLOVER type (ASSAULT …) or family.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv, jsonl or pairs.")] = "table",
    graphml: Annotated[
        Path | None, typer.Option(help="Also write the actor-pair graph (GraphML) here.")
    ] = None,
    limit: Annotated[int, typer.Option(help="Most events.")] = 1000,
) -> None:
    """The chronicle: events by the date they happened, grouped by day (or coarser), with modality and sources."""
    from kronik.timeline import group_key, pair_graph, pair_summary, to_csv, to_jsonl

    if not Path(db).exists():
        _fail(f"{db}: no such database (create it with kronik ingest)")
    with Store(db) as store:
        rows = store.timeline(actor, with_, between, type_, limit)
    if graphml is not None:
        import networkx as nx

        nx.write_graphml(pair_graph(rows), graphml)
        err.print(f"actor-pair graph written to {graphml}")
    if fmt == "csv":
        sys.stdout.write(to_csv(rows))
        return
    if fmt == "jsonl":
        sys.stdout.write(to_jsonl(rows))
        return
    if fmt == "pairs":
        table = Table("actor", "other", "month", "cooperation", "conflict")
        for p in pair_summary(rows):
            table.add_row(p["actor"], p["other"], p["month"], str(p["cooperation"]), str(p["conflict"]))
        out.print(table)
        return
    if not rows:
        err.print("no events")
        raise typer.Exit(1)
    current = None
    for r in rows:
        key = group_key(r)
        if key != current:
            out.print(f"\n[bold]{key}[/bold]")
            current = key
        who = r["actor_name"] + (f" → {r['target_name']}" if r["target_name"] else "")
        if r["partner_name"]:
            who += f" (with {r['partner_name']})"
        src = " ← ".join(json.loads(r["chain"] or "[]")) or (r["outlet_name"] or "")
        out.print(
            f"  [cyan]{r['type']}[/cyan] {who} [magenta]\\[{r['modality']}][/magenta]"
            + (f" at {r['location']}" if r["location"] else "")
            + f"\n    [dim]{(r['evidence'] or '')[:160]}[/dim]\n    [dim]source: {src}[/dim]",
            highlight=False,
        )


@app.command()
def sources(
    article: Annotated[str, typer.Argument(help="Stored article id or source, or a file to read now.")],
    db: DbOpt = DEFAULT_DB,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """The source chains of one article: outlet ← cited media ← speaker, for the article and each quote."""
    record = _record_for(article, db)
    chains = {
        "article": record.get("sources") or {},
        "quotes": [
            {
                "speaker": (q.get("speaker") or {}).get("name"),
                "direct": q["direct"],
                "text": q["text"],
                "chain": q.get("chain") or [],
            }
            for q in record.get("quotes") or []
        ],
    }
    if fmt == "json":
        sys.stdout.write(json.dumps(chains, ensure_ascii=False, indent=2) + "\n")
        return
    src = chains["article"]
    tree = Tree(f"[bold]{record.get('title') or record['source']}[/bold]")
    head = tree.add(" ← ".join(src.get("chain") or [record.get("outlet", {}).get("name") or "?"]))
    for ev in src.get("evidence") or []:
        head.add(f"[dim]{ev}[/dim]")
    for q in chains["quotes"]:
        mark = "“…”" if q["direct"] else "…"
        head.add(f"{' ← '.join(q['chain'] or ['?'])}  [dim]{mark} {q['text'][:80]}[/dim]")
    out.print(tree)


def _record_for(article: str, db: Path) -> dict:
    """A stored record by id or source, else the record of the file ``article`` read now."""
    if Path(db).exists():
        with Store(db) as store:
            try:
                return store.get(article)
            except KronikError:
                pass
    if Path(article).exists() or "#" in article:
        for item in extract_articles([article]):
            if isinstance(item, Article):
                return item.to_dict()
            _fail(str(item))
    _fail(f"{article}: not in {db} and no such file")
    raise AssertionError  # _fail exits


@eval_app.command("extraction")
def eval_extraction(
    gold: Annotated[
        Path, typer.Option("--gold", help="Gold file in the format of shared/gold/seeds.gold.json.")
    ],
    root: Annotated[Path | None, typer.Option(help="Folder the gold's input paths are relative to.")] = None,
    inputs: Annotated[str, typer.Option(help="html, dump or both (for gold giving both forms).")] = "both",
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List the inputs each field got wrong.")
    ] = False,
) -> None:
    """Accuracy per field of extracted records against gold (and cited-media P/R/F1)."""
    from kronik.eval.extraction import evaluate

    if inputs not in ("html", "dump", "both"):
        raise typer.BadParameter("--inputs must be html, dump or both")
    try:
        report = evaluate(gold, root, inputs)
    except KronikError as e:
        _fail(str(e))
        return
    table = Table("field", "right", "of", "accuracy", title=f"extraction vs {gold}")
    for name, fs in report.fields.items():
        table.add_row(name, str(fs.right), str(fs.total), f"{fs.accuracy:.3f}")
    out.print(table)
    m = report.cited_media
    if m.tp + m.fp + m.fn:
        out.print(f"cited media: P={m.precision:.3f} R={m.recall:.3f} F1={m.f1:.3f}")
    if verbose:
        for name, fs in report.fields.items():
            for key in fs.misses:
                out.print(f"[yellow]{name}[/yellow] wrong: {key}")


@eval_app.command("entities")
def eval_entities(
    gold: Annotated[
        Path, typer.Option("--gold", help="Gold file listing entities per article (seeds.gold.json format).")
    ],
    root: Annotated[Path | None, typer.Option(help="Folder the gold's input paths are relative to.")] = None,
) -> None:
    """Document-level P/R/F1 of canonical entities against gold (name only, and name + type)."""
    from kronik.eval.entities import evaluate_entities

    try:
        untyped, typed = evaluate_entities(gold, root)
    except KronikError as e:
        _fail(str(e))
        return
    for label, m in (("name only", untyped), ("name + type", typed)):
        out.print(
            f"entities ({label}): P={m.precision:.3f} R={m.recall:.3f} F1={m.f1:.3f}  (tp {m.tp}, fp {m.fp}, fn {m.fn})"
        )


@eval_app.command("quotes")
def eval_quotes(
    gold: Annotated[
        Path, typer.Option("--gold", help="Gold file listing quotes per article (seeds.gold.json format).")
    ],
    root: Annotated[Path | None, typer.Option(help="Folder the gold's input paths are relative to.")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List every miss.")] = False,
) -> None:
    """Quotes against gold: span P/R/F1, speaker accuracy and end-to-end F1, direct and indirect apart."""
    from kronik.eval.quotes import evaluate_quotes

    try:
        sc = evaluate_quotes(gold, root)
    except KronikError as e:
        _fail(str(e))
        return
    for d, label in ((True, "direct"), (False, "indirect")):
        m, e2e, (ok, n) = sc.span[d], sc.end_to_end[d], sc.speaker_right[d]
        out.print(
            f"quotes {label}: span P={m.precision:.3f} R={m.recall:.3f} F1={m.f1:.3f}; speaker right {ok}/{n}"
            f"={ok / n if n else 0:.3f}; end-to-end P={e2e.precision:.3f} R={e2e.recall:.3f} F1={e2e.f1:.3f}"
        )
        extra = sc.same_person[d] - ok
        if extra:
            tp = e2e.tp + extra
            p_, r_ = tp / (tp + e2e.fp - extra), tp / (tp + e2e.fn - extra)
            out.print(
                f"  with the article's short names accepted (gold 'Prabowo' for 'Prabowo Subianto'): speaker right "
                f"{sc.same_person[d]}/{n}; end-to-end F1={2 * p_ * r_ / (p_ + r_):.3f}"
            )
    if verbose:
        for line in sc.misses:
            out.print(line, markup=False, highlight=False)


@eval_app.command("time")
def eval_time(
    gold: Annotated[
        Path, typer.Option("--gold", help="Gold file with 'times' per article (seeds.gold.json format).")
    ],
    root: Annotated[Path | None, typer.Option(help="Folder the gold's input paths are relative to.")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List every miss.")] = False,
) -> None:
    """Time expressions against gold: found, value right (overall and by precision), precision of what was found."""
    from kronik.eval.times import evaluate_times

    try:
        sc = evaluate_times(gold, root)
    except KronikError as e:
        _fail(str(e))
        return
    out.print(
        f"time expressions: found {sc.found}/{sc.gold} = {sc.found / max(sc.gold, 1):.3f}; "
        f"[bold]value right {sc.value_right}/{sc.gold} = {sc.accuracy:.3f}[/bold]; "
        f"system times matched to gold {sc.system_matched}/{sc.system} = {sc.system_matched / max(sc.system, 1):.3f}"
    )
    out.print(
        "by precision: "
        + ", ".join(f"{p} {sc.right_by_precision[p]}/{n}" for p, n in sc.by_precision.most_common())
    )
    if verbose:
        for line in sc.misses:
            out.print(line, markup=False, highlight=False)


@eval_app.command("events")
def eval_events(
    gold: Annotated[
        Path, typer.Option("--gold", help="Gold file with 'events' per article (seeds.gold.json format).")
    ],
    root: Annotated[Path | None, typer.Option(help="Folder the gold's input paths are relative to.")] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List every miss and extra event.")
    ] = False,
) -> None:
    """Events against gold: found (type + actor + date), modality right, precision; by type and by PLOVER family."""
    from kronik.eval.events import evaluate_events

    try:
        sc = evaluate_events(gold, root)
    except KronikError as e:
        _fail(str(e))
        return
    out.print(
        f"events: found {sc.found}/{sc.gold} = {sc.recall:.3f} (type + actor + date); modality right "
        f"{sc.modality_right}/{sc.found} of those; [bold]precision {sc.system_matched}/{sc.system} = {sc.precision:.3f}[/bold]; "
        f"recipient right {sc.target_right}/{sc.target_gold}; found with the type's family instead: {sc.found_family}/{sc.gold}"
    )
    if verbose:
        for line in sc.misses:
            out.print(line, markup=False, highlight=False)


@bench_app.command("extraction")
def bench_extraction(
    shared: Annotated[Path, typer.Option(help="The shared data folder.")] = Path("../shared"),
    limit: Annotated[int | None, typer.Option(help="Process at most this many text records.")] = None,
    repeat: Annotated[int, typer.Option(help="Rounds over the HTML pages.")] = 5,
) -> None:
    """Articles per second per core: click-id's text records, and HTML pages against trafilatura."""
    from kronik.bench.extraction import run_all

    if not shared.exists():
        _fail(f"{shared}: no such folder (pass --shared)")
    results = run_all(shared, limit, repeat, progress=lambda m: err.print(f"[dim]{m}[/dim]"))
    for r in results:
        rss = " → ".join(
            f"{mb:.0f}" for _, mb in (r.rss_mb[0], max(r.rss_mb[1:], key=lambda x: x[1]), r.rss_mb[-1])
        )
        out.print(
            f"{r.name}: {r.items} articles in {r.cpu_s:.1f} CPU s ({r.wall_s:.1f} s wall), "
            f"[bold]{r.per_core:.0f} articles/s per core[/bold], {r.failed} failed; RSS MB start → peak → end: {rss}"
        )
    html = {r.name: r for r in results if "HTML" in r.name}
    if len(html) == 2:
        k, t = html["kronik (HTML)"], html["trafilatura.extract (HTML)"]
        out.print(
            f"HTML: kronik {k.per_core:.1f}/s vs trafilatura {t.per_core:.1f}/s per core: ratio {k.per_core / t.per_core:.2f}"
        )


@bench_app.command("entities")
def bench_entities(
    shared: Annotated[Path, typer.Option(help="The shared data folder.")] = Path("../shared"),
    limit: Annotated[int, typer.Option(help="Articles of detik-summ-1000 to run the stage on.")] = 300,
) -> None:
    """Tokens per second per core for the whole entity stage, and the model's load time."""
    from kronik.bench.entities import bench

    if not shared.exists():
        _fail(f"{shared}: no such folder (pass --shared)")
    r = bench(shared, limit)
    out.print(
        f"model load: {r.load_s:.2f} s; entity stage: {r.articles} articles, {r.tokens} tokens in {r.cpu_s:.1f} CPU s: "
        f"[bold]{r.tokens / r.cpu_s:.0f} tokens/s per core[/bold] ({r.articles / r.cpu_s:.1f} articles/s), "
        f"{r.entities} entities"
    )


@bench_app.command("quotes")
def bench_quotes(
    shared: Annotated[Path, typer.Option(help="The shared data folder.")] = Path("../shared"),
    limit: Annotated[int, typer.Option(help="Articles of detik-summ-1000 to run the stages on.")] = 300,
) -> None:
    """Articles per second per core for the quotes stage and the claims stage (headlines scored apart)."""
    from kronik.bench.quotes import bench

    if not shared.exists():
        _fail(f"{shared}: no such folder (pass --shared)")
    r = bench(shared, limit)
    out.print(
        f"quotes stage: {r.articles} articles ({r.paragraphs} paragraphs) in {r.cpu_s:.2f} CPU s: "
        f"[bold]{r.articles / r.cpu_s:.0f} articles/s per core[/bold], {r.quotes} quotes"
    )
    out.print(
        f"claims stage: {r.claims_cpu_s:.2f} CPU s: [bold]{r.articles / r.claims_cpu_s:.0f} articles/s per core[/bold], "
        f"{r.claims} claims; clickbait scoring of titles and related headlines: {r.clickbait_cpu_s:.2f} CPU s"
    )


@bench_app.command("events")
def bench_events(
    shared: Annotated[Path, typer.Option(help="The shared data folder.")] = Path("../shared"),
    limit: Annotated[int, typer.Option(help="Articles of detik-summ-1000 to run the stages on.")] = 300,
) -> None:
    """Articles per second per core for the time stage and the event stage."""
    from kronik.bench.quotes import bench_events as run_bench

    if not shared.exists():
        _fail(f"{shared}: no such folder (pass --shared)")
    r = run_bench(shared, limit)
    out.print(
        f"time stage: {r.articles} articles, {r.times} expressions in {r.times_cpu_s:.2f} CPU s: "
        f"[bold]{r.articles / r.times_cpu_s:.0f} articles/s per core[/bold]"
    )
    out.print(
        f"event stage: {r.events} events in {r.events_cpu_s:.2f} CPU s: "
        f"[bold]{r.articles / r.events_cpu_s:.0f} articles/s per core[/bold]"
    )


@bench_app.command("serve")
def bench_serve(
    articles: Annotated[int, typer.Option(help="Articles in the generated database.")] = 100_000,
    clients: Annotated[int, typer.Option(help="Concurrent clients.")] = 20,
    requests: Annotated[
        int, typer.Option(help="Requests per measured kind (search API and each page).")
    ] = 1000,
    workers: Annotated[int | None, typer.Option(help="Server processes (default: one per CPU).")] = None,
    samples: Annotated[Path, typer.Option(help="Pages the generated articles are copied from.")] = Path(
        "samples/pages"
    ),
    work: Annotated[Path, typer.Option(help="Folder for the generated database (kept, reused).")] = Path(
        "build/bench"
    ),
    indexes: Annotated[
        bool,
        typer.Option("--indexes/--no-indexes", help="Give the database the web's indexes (migration 0005)."),
    ] = True,
    fresh: Annotated[
        bool,
        typer.Option("--fresh", help="Every request asks for a fresh answer (none from the response cache)."),
    ] = False,
) -> None:
    """Search p50/p95 latency and page render times of the web app, with concurrent clients, on a generated database."""
    from kronik.web.bench import bench, iter_lines

    try:
        result = bench(articles, clients=clients, requests=requests, workers=workers, samples=samples, work=work,
                       indexes=indexes, fresh=fresh, progress=lambda m: err.print(f"[dim]{m}[/dim]"))  # fmt: skip
    except KronikError as e:
        _fail(str(e))
        return
    for line in iter_lines(result):
        out.print(line, markup=False, highlight=False)


@train_app.command("clickbait")
def train_clickbait(
    shared: Annotated[Path, typer.Option(help="The shared data folder.")] = Path("../shared"),
    work: Annotated[Path, typer.Option(help="Folder for training data and checkpoints.")] = Path(
        "build/clickbait"
    ),
    output: Annotated[
        Path | None, typer.Option(help="Where to install the model (default: inside the package).")
    ] = None,
) -> None:
    """Train the headline clickbait model on CLICK-ID's 15,000 labelled headlines and install it with its card."""
    from kronik.headlines.clickbait import MODEL_DIR, train

    if not shared.exists():
        _fail(f"{shared}: no such folder (pass --shared)")
    rep = train(shared, work, output or MODEL_DIR, progress=lambda m: err.print(m))
    out.print(
        f"clickbait model installed at {output or MODEL_DIR}: {json.dumps(rep.get('test', rep), default=str)[:300]}"
    )


@eval_app.command("clickbait")
def eval_clickbait(
    shared: Annotated[Path, typer.Option(help="The shared data folder.")] = Path("../shared"),
    split: Annotated[str, typer.Option(help="dev or test (the held-out split).")] = "test",
) -> None:
    """Clickbait P/R/F1 (clickbait class), macro-F1 and accuracy on CLICK-ID's held-out split."""
    from kronik.headlines.clickbait import evaluate

    if not shared.exists():
        _fail(f"{shared}: no such folder (pass --shared)")
    if split not in ("dev", "test"):
        _fail(f"--split must be dev or test, not {split!r}")
    for subset in ("all", "agree", "disagree"):
        m = evaluate(shared, split, subset=subset)
        out.print(
            f"clickbait {split} ({subset}, n={m['n']}): P={m['precision']:.3f} R={m['recall']:.3f} "
            f"[bold]F1={m['f1']:.3f}[/bold] macro-F1={m['macro_f1']:.3f} accuracy={m['accuracy']:.3f}"
        )
    out.print(
        "published: IndoBERT F1 .79 (Kurniawan et al. 2026, 80:20 split of the same 15,000); see docs/clickbait.md"
    )


@bench_app.command("clickbait")
def bench_clickbait(
    shared: Annotated[Path, typer.Option(help="The shared data folder.")] = Path("../shared"),
) -> None:
    """Headlines per second per core for the clickbait model, and its load time."""
    from kronik.headlines.clickbait import bench

    r = bench(shared if shared.exists() else None)
    out.print(", ".join(f"{k}: {v:.3g}" if isinstance(v, float) else f"{k}: {v}" for k, v in r.items()))


@train_app.command("ner")
def train_ner(
    shared: Annotated[Path, typer.Option(help="The shared data folder.")] = Path("../shared"),
    work: Annotated[Path, typer.Option(help="Folder for training data and checkpoints.")] = Path("build/ner"),
    output: Annotated[
        Path | None, typer.Option(help="Where to install the model (default: inside the package).")
    ] = None,
    corpus: Annotated[list[str] | None, typer.Option("--corpus", help="Train on these corpora only.")] = None,
    max_epochs: Annotated[int | None, typer.Option(help="Override the config's epoch limit.")] = None,
    pretrain: Annotated[
        bool, typer.Option(help="First pretrain the tok2vec on raw news text (slower, better).")
    ] = False,
    init_tok2vec: Annotated[
        Path | None, typer.Option(help="Start from these pretrained tok2vec weights.")
    ] = None,
    vectors: Annotated[
        bool,
        typer.Option(help="Train floret word vectors on the news text first and use them (the default)."),
    ] = True,
) -> None:
    """Train the Indonesian NER model (PER, ORG, LOC) on the NER corpora and install it with its model card."""
    from kronik.ner.train import DEFAULT_TRAIN, MODEL_DIR, train

    if not shared.exists():
        _fail(f"{shared}: no such folder (pass --shared)")
    rep = train(
        shared, work, output or MODEL_DIR, corpus or DEFAULT_TRAIN, max_epochs,
        progress=lambda m: err.print(m), init_tok2vec=init_tok2vec, do_pretrain=pretrain, vectors=vectors,
    )  # fmt: skip
    out.print(
        f"trained on {rep.train_sentences} sentences in {rep.seconds / 60:.1f} min; model at {output or MODEL_DIR}"
    )


@eval_app.command("ner")
def eval_ner(
    dataset: Annotated[
        str, typer.Option(help="idner-news-2k, nerui, nerugm, nergrit, nerp, or all.")
    ] = "all",
    split: Annotated[str, typer.Option(help="dev or test.")] = "test",
    shared: Annotated[Path, typer.Option(help="The shared data folder.")] = Path("../shared"),
    model: Annotated[Path | None, typer.Option(help="A model folder (default: the packaged one).")] = None,
) -> None:
    """Entity-level precision, recall and F1 (exact span and type) on a corpus split."""
    from kronik.ner.corpora import CORPORA, LABELS
    from kronik.ner.evaluate import evaluate

    names = list(CORPORA) if dataset == "all" else [dataset]
    if any(n not in CORPORA for n in names) or split not in ("dev", "test", "train"):
        raise typer.BadParameter(f"--dataset is one of {', '.join(CORPORA)} or all; --split dev or test")
    for name in names:
        try:
            sc = evaluate(shared, name, split, str(model) if model else None, lower=CORPORA[name].lowercased)
        except FileNotFoundError as e:
            _fail(str(e))
            return
        p, r, f = sc.prf
        per_type = "  ".join(f"{lab} {sc.type_prf(lab)[2]:.3f}" for lab in LABELS)
        published = f"  (published: {CORPORA[name].published})" if CORPORA[name].published else ""
        out.print(f"{name:14} {split:5} P={p:.3f} R={r:.3f} [bold]F1={f:.3f}[/bold]  {per_type}{published}")


if __name__ == "__main__":  # pragma: no cover
    app()
