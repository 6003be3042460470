"""The ``kronik`` command: parse arguments, call the library, print with Rich, set the exit code."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from kronik.corpus import extract as extract_articles
from kronik.data import Article
from kronik.errors import InputError
from kronik.stages.ingest import IngestOptions

app = typer.Typer(help="kronik: a checkable chronicle from Indonesian online news.", no_args_is_help=True)
err_console = Console(stderr=True)
out = Console()

FieldOpt = Annotated[
    list[str] | None,
    typer.Option("--field", help="Map a record attribute to a column: text=isi_berita, published=tanggal ..."),
]


def _options(fields: list[str] | None, month_first: bool) -> IngestOptions:
    mapping = {}
    for f in fields or []:
        if "=" not in f:
            raise typer.BadParameter(f"--field takes ATTRIBUTE=COLUMN, got {f!r}")
        k, v = f.split("=", 1)
        mapping[k.strip()] = v.strip()
    return IngestOptions(field_map=mapping, month_first=month_first)


def _text(article: Article) -> str:
    d = article
    lines = [
        f"[bold]{d.title or '(no title)'}[/bold]",
        f"[dim]{d.source}[/dim]  id={d.id}  lang={d.language}",
        f"outlet: {d.outlet.name or '-'}  published: {d.published or '-'} ({d.published_precision or '-'})",
        f"authors: {', '.join(d.authors) or '-'}  editors: {', '.join(d.editors) or '-'}",
    ]
    if d.cited_media:
        lines.append(f"cited: {', '.join(d.cited_media)}")
    if d.lead:
        lines.append(f"[italic]{d.lead}[/italic]")
    for p in d.paragraphs:
        lines.append("  " + p)
    lines.append(f"[dim]removed {len(d.removed)} pieces; {len(d.related_headlines)} related headlines[/dim]")
    for w in d.warnings:
        lines.append(f"[yellow]warning: {w}[/yellow]")
    return "\n".join(lines)


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, json or text")] = "jsonl",
    field: FieldOpt = None,
    month_first: Annotated[bool, typer.Option(help="Read 10/21/2025 in record fields as month/day.")] = False,
) -> None:
    """Extract one clean article record per article and print it.

    Example: kronik extract samples/pages --format text
    """
    if fmt not in ("jsonl", "json", "text"):
        raise typer.BadParameter("--format must be jsonl, json or text")
    failed = 0
    records = []
    for item in extract_articles(paths, _options(field, month_first)):
        if isinstance(item, InputError):
            failed += 1
            err_console.print(f"[red]error[/red] {item}", highlight=False)
            continue
        if fmt == "jsonl":
            sys.stdout.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
        elif fmt == "json":
            records.append(item.to_dict())
        else:
            out.print(_text(item), highlight=False)
            out.print()
    if fmt == "json":
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    if failed:
        err_console.print(f"{failed} input(s) failed")
        raise typer.Exit(1)


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
_ = Path
