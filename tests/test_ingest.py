"""Inputs of every kind, and bad input: a clear message naming the file, the run goes on."""

from __future__ import annotations

import gzip
import io
import json

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from kronik.corpus import extract
from kronik.data import Article
from kronik.errors import InputError
from kronik.stages.ingest import IngestOptions

from .conftest import PAGE

HTML = """<!DOCTYPE html><html><head><meta charset="iso-8859-1">
<title>Harga Kopi Naik Tajam di Pasar Dunia - Contoh.com</title>
<meta property="og:site_name" content="Contoh.com"></head><body>
<nav><a href="/">Beranda</a> <a href="/ekonomi">Ekonomi</a></nav>
<h1>Harga Kopi Naik Tajam di Pasar Dunia</h1>
<div class="date">Senin, 6 Maret 2023 09:00 WIB</div>
<div class="author">Oleh: Rini Astuti</div>
<p>JAKARTA, CONTOH.COM – Harga kopi arabika di pasar dunia naik tajam pekan ini karena panen di Brasil terganggu cuaca buruk, kata para pedagang.</p>
<p>“Kami belum pernah melihat kenaikan secepat ini dalam sepuluh tahun terakhir,” ujar seorang pedagang di Jakarta kepada wartawan.</p>
<div class="baca-juga">Baca juga: <a href="/x">Petani Kopi Gayo Panen Lebih Awal</a></div>
<p>Para pengusaha kafe di Indonesia memperkirakan harga secangkir kopi akan ikut naik dalam beberapa bulan ke depan.</p>
<footer>© 2023 Contoh.com. All Rights Reserved.</footer>
</body></html>"""


def _run(paths, options=None):
    items = list(extract([str(p) for p in paths], options))
    return [a for a in items if isinstance(a, Article)], [e for e in items if isinstance(e, InputError)]


def test_html_declared_latin1_but_utf8(tmp_path):
    p = tmp_path / "kopi.html"
    p.write_bytes(HTML.encode("utf-8"))
    (art,), errors = _run([p])
    assert not errors
    assert art.title == "Harga Kopi Naik Tajam di Pasar Dunia"
    assert "“Kami belum pernah" in art.body  # curly quotes decoded right
    assert "Baca juga" not in art.body
    assert "Petani Kopi Gayo Panen Lebih Awal" in art.related_headlines
    assert art.authors == ["Rini Astuti"]
    assert art.published == "2023-03-06T09:00:00+07:00"
    assert art.input_format == "html"


def test_bad_inputs_each_named_and_the_rest_goes_on(tmp_path, page_file):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as fh:
        fh.seek(50 * 1024 * 1024)
        fh.write(b"x")
    broken = tmp_path / "broken.html"
    broken.write_bytes(b"<html><body><p>Hanya <b>setengah")
    missing = tmp_path / "nope.txt"
    arts, errors = _run([empty, binary, huge, broken, missing, page_file])
    reasons = {e.source.split("/")[-1]: e.reason for e in errors}
    assert reasons["empty.txt"] == "empty file"
    assert "binary" in reasons["image.txt"]
    assert "too large" in reasons["huge.txt"]
    assert reasons["nope.txt"] == "no such file"
    assert "no article body found" in reasons["broken.html"]
    assert [a.source for a in arts] == [str(page_file)]


def test_jsonl_and_csv_records(tmp_path):
    rows = [
        {
            "judul": "Banjir Rob Landa Pesisir Semarang",
            "isi": "Banjir rob kembali merendam kawasan pesisir Semarang sejak Senin pagi, kata petugas.\nSCROLL TO CONTINUE WITH CONTENT\nWarga berharap tanggul segera diperbaiki sebelum musim hujan tiba tahun ini.",
            "tanggal": "2023-01-09 08:30",
            "url": "https://contoh.com/read/2023/01/09/banjir",
        },
        {"judul": "Tanpa isi", "isi": ""},
    ]
    jl = tmp_path / "a.jsonl"
    jl.write_text("\n".join(json.dumps(r) for r in rows) + "\n{broken\n")
    arts, errors = _run([jl], IngestOptions(field_map={"text": "isi"}))
    assert [a.source for a in arts] == [f"{jl}#1"]
    a = arts[0]
    assert a.title == "Banjir Rob Landa Pesisir Semarang"
    assert a.published.startswith("2023-01-09T08:30")
    assert "SCROLL TO CONTINUE" not in a.body and len(a.paragraphs) == 2
    assert {e.source for e in errors} == {f"{jl}#2", f"{jl}#3"}
    csv_path = tmp_path / "b.csv"
    csv_path.write_text("title,date\nSatu,2023-01-01\n")
    arts, errors = _run([csv_path])
    assert not arts and "no text or html column" in errors[0].reason and "title, date" in errors[0].reason


def _warc(records: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for url, payload in records:
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        writer.write_record(
            writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=headers)
        )
    return buf.getvalue()


def test_warc_and_truncated_warc(tmp_path):
    data = _warc(
        [
            ("https://contoh.com/a", HTML.encode()),
            ("https://contoh.com/b", HTML.replace("Kopi", "Teh").encode()),
        ]
    )
    good = tmp_path / "pages.warc.gz"
    good.write_bytes(data)
    arts, errors = _run([good])
    assert not errors and [a.source for a in arts] == [f"{good}#1", f"{good}#2"]
    assert arts[0].url == "https://contoh.com/a"
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) - 300])
    arts, errors = _run([cut])
    assert errors and all(str(cut) in e.source for e in errors)
    assert "truncated" in errors[0].reason or "broken" in errors[0].reason


def test_directory_recursion_and_gzip(tmp_path):
    sub = tmp_path / "d" / "e"
    sub.mkdir(parents=True)
    (sub / "p.txt").write_text(PAGE)
    (tmp_path / "d" / "q.html.gz").write_bytes(gzip.compress(HTML.encode()))
    (tmp_path / "d" / ".hidden.txt").write_text("tersembunyi")
    arts, errors = _run([tmp_path / "d"])
    assert not errors and len(arts) == 2


def test_english_page_is_extracted_and_marked(tmp_path):
    p = tmp_path / "en.txt"
    p.write_text(
        "Home\nWorld\n\nJakarta Flood Victims Receive Aid From City Government\n\nMonday, 6 March 2023 10:00 WIB\n\n"
        "JAKARTA, CONTOH.COM - Thousands of residents affected by floods in East Jakarta received food and clean water on Monday, officials said.\n\n"
        "The city government said the aid would continue until the water receded and families could return to their homes.\n\n"
        "© 2023 Contoh.com\n"
    )
    (art,), _ = _run([p])
    assert art.language == "en"
    assert art.title == "Jakarta Flood Victims Receive Aid From City Government"


def test_other_language_is_reported_and_stdin_is_read(tmp_path, monkeypatch):
    fr = tmp_path / "fr.txt"
    fr.write_text(
        "Accueil\n\nLes agriculteurs bretons manifestent contre la hausse des prix\n\n"
        "RENNES - Plusieurs centaines d'agriculteurs ont manifesté mardi devant la préfecture pour dénoncer la hausse "
        "du prix des engrais et du carburant, selon les organisateurs.\n\n"
        "Les manifestants demandent au gouvernement une aide d'urgence avant la fin du mois, ont-ils déclaré.\n"
    )
    arts, errors = _run([fr])
    assert not arts and "French (fr)" in errors[0].reason
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(PAGE.encode("utf-8"))))
    items = list(extract(["-"]))
    assert [type(i).__name__ for i in items] == ["Article"] and items[0].source == "<stdin>"


def test_a_record_with_mojibake_and_dateline_residue_is_mended(tmp_path) -> None:
    from kronik.stages.ingest import IngestOptions, record_article

    text = (
        ", - Ketua panitia, Budi Santoso mengatakan, acara berjalan lancar hingga malam hari tanpa kendala. "
        * 4
        + ",‚ÄúKami senang,‚Äù ucapnya.,Acara ditutup dengan doa bersama."
    )
    art = record_article("x.jsonl#1", {"title": "Acara ‚Äì lancar", "content": text}, IngestOptions())
    body = "\n\n".join(b.text for b in art.blocks)
    assert body.startswith("Ketua panitia")
    assert "“Kami senang,” ucapnya." in body and "‚Äú" not in body
    assert art.raw_text == text  # what was given is kept as it was


def test_comma_joined_paragraphs_are_split_across_a_stray_line_break() -> None:
    from kronik.stages.ingest import IngestOptions, record_article

    para = "Menteri itu mengatakan bahwa rapat berjalan lancar dan semua pihak sepakat dengan hasilnya. "
    text = (
        para * 7 + ",Dia menambahkan rapat berikutnya digelar pekan depan." + ",Rapat ditutup sore hari.\n"
    ) * 2
    art = record_article("x.jsonl#1", {"title": "Rapat", "content": text}, IngestOptions())
    assert len(art.blocks) == 6


def test_a_quote_opened_with_a_right_mark_after_a_seam_and_direction_marks() -> None:
    from kronik.stages.ingest import IngestOptions, record_article

    para = "Menteri itu mengatakan bahwa rapat berjalan lancar dan semua pihak sepakat dengan hasilnya. "
    text = (
        para * 7
        + ",\u201dMasih ada perbedaan,\u201d kata Budi.,\u200eApa-apaan ini?,\u201d tutur Ani.,Rapat usai."
    )
    art = record_article("x.jsonl#1", {"title": "Rapat", "content": text}, IngestOptions())
    texts = [b.text for b in art.blocks]
    assert texts[-3].startswith("\u201dMasih") and texts[-2].startswith("Apa-apaan")
    assert texts[-2].endswith("tutur Ani.")  # a closing mark after the comma is no seam


def test_a_records_glued_tail_and_closing_credit_leave_the_body() -> None:
    from kronik.pipeline import STAGES
    from kronik.stages.ingest import IngestOptions, record_article

    text = (
        "Bupati itu mengatakan jalan desa rusak parah dan perbaikan dimulai bulan depan di 12 kabupaten/kota.\n"
        "Kata dia, warga dariReuters diminta bersabar. (rmol)\n"
        "Budi Santoso.Anggota DPR RI Fraksi Partai Contoh."
    )
    art = record_article("x.jsonl#1", {"title": "Jalan desa", "content": text}, IngestOptions())
    for stage in STAGES[:3]:  # clean, language, metadata
        art = stage.func(art)
    body = "\n\n".join(art.paragraphs)
    assert "kabupaten/kota." in body  # a sentence ending "x/y." is no photo caption
    assert "dari Reuters" in body and "(rmol)" not in body and "Anggota DPR" not in body
    assert "Budi Santoso" in art.authors
    assert {"(rmol)", "Budi Santoso.Anggota DPR RI Fraksi Partai Contoh."} <= {r.text for r in art.removed}


def test_a_related_link_inside_a_paragraph_is_taken_out_and_kept() -> None:
    from kronik.data.article import Block
    from kronik.stages.clean import clean

    art = Article(source="x", input_format="record")
    art.blocks = [
        Block(index=0, text="Petani mulai menanam padi. (Baca juga: Harga Pupuk Naik Lagi) Hujan turun.")
    ]
    clean(art)
    assert art.paragraphs == ["Petani mulai menanam padi. Hujan turun."]
    assert art.related_headlines == ["Harga Pupuk Naik Lagi"]
    assert any(r.kind == "related_link" and "Harga Pupuk" in r.text for r in art.removed)


def test_a_seam_of_two_commas_round_a_no_break_space_splits_but_a_hole_between_commas_does_not() -> None:
    from kronik.stages.ingest import record_article

    para = "Menteri itu mengatakan bahwa rapat berjalan lancar dan semua pihak sepakat dengan hasilnya. " * 6
    text = (
        para
        + 'Ia bicara di Bantul, Minggu (15/9/2019).,\u00ac\u2020,"Semua harus berubah di lembaga itu," kata Budi.'
        ",Ketua Umum , , meminta kadernya mengawal kebijakan itu."
    )  # "¬†": a no-break space written in UTF-8 and read as Mac Roman
    art = record_article("x.jsonl#1", {"title": "Rapat", "content": text}, IngestOptions())
    blocks = [b.text for b in art.blocks]
    assert blocks[1].startswith('"Semua harus berubah')
    assert blocks[2].startswith("Ketua Umum") and "meminta kadernya" in blocks[2]
