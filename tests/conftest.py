"""Shared fixtures: the ../shared data folder, an in-memory-like store, a made-up article page."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples" / "pages"


def need_shared() -> Path:
    """../shared, or fail under CI=true (CI has it beside the checkout), or skip on a developer's machine."""
    if SHARED.exists():
        return SHARED
    if os.environ.get("CI") == "true":
        pytest.fail(f"{SHARED} is missing: CI must have shared/ beside the checkout")
    pytest.skip(f"{SHARED} not found")


@pytest.fixture
def shared() -> Path:
    return need_shared()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


# A made-up page in the layout of a regional outlet: menus, byline, caption, inline related links, footer.
PAGE = """Beranda
Nasional
Internasional
Olahraga

Internasional

Warga Desa Sukamaju Gelar Festival Layang-Layang Terbesar di Jawa Barat

Penulis: Sari Wulandari | Editor: Bambang Prasetyo
Jumat, 10 Maret 2023 14:25 WIB
ANTARA FOTO/Andi Saputra
Anak-anak menerbangkan layang-layang di lapangan desa, Jumat (10/3/2023).

TRIBUNSUKAMAJU.COM, GARUT - Ribuan warga memadati lapangan Desa Sukamaju untuk menyaksikan festival layang-layang tahunan yang tahun ini diikuti lebih dari tiga ratus peserta.

Kepala desa setempat, Hendra Kusuma, mengatakan festival itu digelar untuk menghidupkan kembali permainan tradisional di kalangan anak-anak.

Baca juga: Harga Cabai di Garut Turun Menjelang Panen Raya

"Kami ingin anak-anak kembali bermain di luar rumah dan mengenal budaya sendiri," kata Hendra, dikutip dari Reuters.

Panitia menyiapkan hadiah untuk kategori layang-layang terbesar, terunik, dan terbang paling lama.

Halaman 1/1
Berita Terkait
Festival Kuliner Garut Kembali Digelar Pekan Depan
© 2023 TribunSukamaju.com Network. All Rights Reserved.
"""


@pytest.fixture
def page_file(tmp_path: Path) -> Path:
    p = tmp_path / "festival.txt"
    p.write_text(PAGE, encoding="utf-8")
    return p
