"""Extraction of a made-up page: body, boilerplate kept aside, metadata."""

from kronik.corpus import extract
from kronik.data import Article


def _one(path) -> Article:
    (art,) = [a for a in extract([str(path)]) if isinstance(a, Article)]
    return art


def test_body_bounds_and_removed_kinds(page_file):
    art = _one(page_file)
    assert art.paragraphs[0].startswith("TRIBUNSUKAMAJU.COM, GARUT - Ribuan warga")
    assert art.paragraphs[-1].startswith("Panitia menyiapkan hadiah")
    assert len(art.paragraphs) == 4
    body = art.body
    for leak in ("Baca juga", "Halaman 1/1", "All Rights Reserved", "Penulis:", "Anak-anak menerbangkan"):
        assert leak not in body
    kinds = {r.kind for r in art.removed}
    assert {"related_link", "photo_caption", "credit_line", "pagination", "footer", "navigation"} <= kinds
    assert "Harga Cabai di Garut Turun Menjelang Panen Raya" in art.related_headlines


def test_metadata(page_file):
    art = _one(page_file)
    assert art.title == "Warga Desa Sukamaju Gelar Festival Layang-Layang Terbesar di Jawa Barat"
    assert art.published == "2023-03-10T14:25:00+07:00"
    assert art.published_precision == "minute"
    assert art.authors == ["Sari Wulandari"]
    assert art.editors == ["Bambang Prasetyo"]
    assert art.photo_credits == ["ANTARA FOTO/Andi Saputra"]
    assert art.outlet.name == "TribunSukamaju.com"
    assert art.outlet.network == "Tribun Network (KG Media)"
    assert art.dateline_place == "Garut"
    assert art.section == "Internasional"
    assert art.cited_media == ["Reuters"]
    assert art.language == "id"
    assert len(art.id) == 16


def test_nothing_read_is_lost(page_file):
    """Every line of the page is in the body, the title, or removed."""
    art = _one(page_file)
    kept = set(art.paragraphs) | {r.text for r in art.removed} | {art.title, art.lead}
    for line in page_file.read_text().splitlines():
        line = line.strip()
        if line.startswith("Baca juga: "):  # the label goes, the headline is kept
            line = line.removeprefix("Baca juga: ")
        if line:
            assert any(line in k for k in kept if k), line


def test_same_page_twice_same_id(page_file, tmp_path):
    copy = tmp_path / "copy.txt"
    copy.write_text(page_file.read_text())
    a, b = (x for x in extract([str(page_file), str(copy)]) if isinstance(x, Article))
    assert a.id == b.id
    assert a.content_hash() == b.content_hash()
