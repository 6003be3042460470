"""Every CLI command and every record field is documented."""

import typer.main

from kronik.cli import app
from kronik.data import Article

from .conftest import ROOT


def _commands(group, prefix=""):
    click_group = typer.main.get_command(group)
    for name, cmd in click_group.commands.items():
        sub = getattr(cmd, "commands", None)
        if sub:
            for sub_name in sub:
                yield f"{prefix}{name} {sub_name}"
        else:
            yield f"{prefix}{name}"


def test_every_command_in_cli_docs():
    doc = (ROOT / "docs" / "cli.md").read_text()
    for command in _commands(app):
        assert f"kronik {command}" in doc, command


def test_every_record_field_in_record_docs():
    doc = (ROOT / "docs" / "record.md").read_text()
    for field in Article(source="x").to_dict():
        assert f"`{field}`" in doc, field
