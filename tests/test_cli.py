"""The command line: output formats, the ingest summary, exit codes, re-runs."""

import json

from typer.testing import CliRunner

from kronik.cli import app

runner = CliRunner()


def test_extract_jsonl_and_failure_exit_code(page_file, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = runner.invoke(app, ["extract", str(page_file), str(empty)])
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(records) == 1 and records[0]["title"].startswith("Warga Desa Sukamaju")
    assert "empty.txt: empty file" in result.stderr


def test_extract_text_and_json(page_file):
    result = runner.invoke(app, ["extract", str(page_file), "--format", "text"])
    assert result.exit_code == 0 and "Sari Wulandari" in result.stdout
    result = runner.invoke(app, ["extract", str(page_file), "--format", "json"])
    assert json.loads(result.stdout)[0]["editors"] == ["Bambang Prasetyo"]
    assert runner.invoke(app, ["extract", str(page_file), "--format", "xml"]).exit_code == 2


def test_ingest_rerun_show_search_stats(page_file, tmp_path, db_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("")
    first = runner.invoke(app, ["ingest", str(page_file), str(bad), "--db", str(db_path)])
    assert first.exit_code == 1
    assert "stored" in first.stderr and "empty file" in first.stderr
    bad.write_text((tmp_path / "festival.txt").read_text().replace("layang-layang", "perahu hias"))
    second = runner.invoke(app, ["ingest", str(page_file), str(bad), "--db", str(db_path)])
    assert second.exit_code == 0, second.stderr
    assert "duplicate" in second.stderr
    stats = runner.invoke(app, ["stats", "--db", str(db_path)])
    assert stats.exit_code == 0 and "failed" not in stats.stdout
    found = runner.invoke(app, ["search", "perahu", "--db", str(db_path)])
    assert found.exit_code == 0 and "Sukamaju" in found.stdout
    shown = runner.invoke(app, ["show", str(page_file), "--db", str(db_path), "--format", "json"])
    assert json.loads(shown.stdout)["authors"] == ["Sari Wulandari"]
    assert runner.invoke(app, ["show", "0000", "--db", str(db_path)]).exit_code == 2
