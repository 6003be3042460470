"""What Indonesian news pages print around an article: data only, read by ``stages/clean.py``.

Each table maps a removed-text kind to regular expressions (case-insensitive, matched against one
stripped line or block). Patterns describe page furniture seen across outlets, not one page.
"""

from __future__ import annotations

#: A line that *starts* a related-story link: the headline follows on the same line or the next.
RELATED_PREFIX = (
    r"^(baca|simak|lihat|tonton|cek|klik)\s+(juga|pula|selengkapnya|berita\s+lainnya|artikel\s+lainnya)\b\s*[:：-]?\s*",
    r"^(berita|artikel)\s+(terkait|lainnya|pilihan|rekomendasi|menarik)\s*[:：-]?\s*",
    r"^(jangan\s+lewatkan|kumpulan\s+berita\s+terkait|related(\s+news|\s+articles?)?|read\s+also|see\s+also|also\s+read)\s*[:：-]?\s*",
    r"^(baca\s+artikel\s+menarik\s+lainnya|berita\s+rekomendasi|rekomendasi\s+untuk\s+anda)\s*[:：-]?\s*",
    r"^(terkait|lainnya|topik\s+terkait|artikel\s+terkait)\s*[:：]\s*",
    r"^baca\s*[:：]\s*",  # Malay outlets: "BACA: <headline>"
)

#: Headers of boxes whose following lines are other stories' headlines.
RELATED_HEADER = (
    r"^(baca|simak)\s+(juga|pula)\s*:?$",
    r"^(berita|artikel|video|foto)(\s+video)?\s+(terkait|lainnya|pilihan|terpopuler|terkini|rekomendasi|menarik)\s*:?$",
    r"^(terkait|terpopuler|terkini|populer|pilihan|lainnya|rekomendasi|trending|most\s+popular|popular|latest\s+news|related)\s*:?$",
    r"^(jangan\s+lewatkan|kumpulan\s+berita\s+terkait|related\s+news|top\s+news|fokus\s+berita|berita\s+utama|topik\s+pilihan)\s*:?$",
    r"^(artikel\s+pilihan|rekomendasi\s+untuk\s+anda|baca\s+artikel\s+menarik\s+lainnya|berita\s+rekomendasi|artis\s+terkait)\s*:?$",
    r"^(foto|video)\s+(video\s+)?terkait\s*:?$",
)

#: Page furniture recognised by its wording, by kind.
FURNITURE: dict[str, tuple[str, ...]] = {
    "pagination": (
        r"^(halaman|page)\s+\d+\s*(/|dari|of)\s*\d+$",
        r"^(halaman|page)\s*:?\s*\d+(\s+\d+)*(\s+(selanjutnya|berikutnya|next)\s*[»›>]*)?$",
        r"^(halaman|page)\s+(selanjutnya|berikutnya|sebelumnya|next|\d+)\s*[»›>]*$",
        r"^(selanjutnya|berikutnya|sebelumnya|next|prev(ious)?|load more\.*|tampilkan semua|lihat semua)\s*[»›>«]*$",
        r"^[«‹<]?\s*\d+(\s+\d+){1,12}\s*[»›>]?$",
    ),
    "footer": (
        r"(©|\(c\)|&copy;|copyright\b).{0,120}$",
        r"\ball\s+rights?\s+reserved\b",
        r"^hak\s+cipta\b",
        r"^(pedoman\s+media\s+siber|kode\s+etik|disclaimer|privacy\s+policy|kebijakan\s+privasi|ketentuan\s+(layanan|penggunaan)|tentang\s+kami|about\s+us|karir|redaksi|kontak|info\s+iklan|sitemap)(\s*[|·•]\s*\w.*)?$",
        r"^redaksi\s*:",
        r"^a\s+subsidiary\s+of\b",
        r"dilindungi\s+(undang-undang\s+)?hak\s+cipta|hak\s+cipta\s+(terpelihara|dilindungi)|semua\s+hak\s+dilindungi",
        r"^artikel\s+ini\s+(telah\s+|sudah\s+|pertama\s+kali\s+)?(tayang|terbit|disiarkan|dimuat)\b",
    ),
    "share_follow": (
        r"^(bagikan|share|ikuti\s+kami(\s+di)?|follow\s+us|follow|tweet|like|facebook|twitter|whatsapp|telegram|line|email|copy\s+link|google\+|instagram|youtube|tiktok)\s*:?$",
        r"^\d+\s*(shares?|komentar|views?|dilihat|kali\s+dibaca)$",
        r"^(subscribe|berlangganan|langganan)\b.{0,80}$",
        r"^jangan\s+sampai\s+ketinggalan\b",
        r"^(dapatkan|simak)\s+(update|berita|informasi).{0,60}(google\s+news|whatsapp|telegram|channel)",
        r"^(rate\s+artikel\s+ini|like\s+\(\d+\)|dislike\s+\(\d+\))$",
        r"^(zoom\s+out|zoom\s+in|normal|a\s+a\s+a)(\s+(zoom\s+in|normal))*$",
        r"^(bagikan|share|ikuti\s+kami|follow\s+us)\b.{0,40}(facebook|twitter|whatsapp|instagram|telegram)",
    ),
    "comment": (
        r"^(komentar(\s+pembaca)?|berikan\s+komentar(\s+anda)?|login\s+untuk\s+komentar|tulis\s+komentar|komentari\s+artikel\s+ini|\d+\s+komentar(disclaimer)?)\s*:?$",
        r"^disclaimer\s*:\s*komentar\b",
    ),
    "advertisement": (
        r"^(advertisement|iklan|scroll\s+to\s+(continue|resume)\s+(with\s+)?content|sponsored|konten\s+sponsor|close\s+ads?\s*x?|ads?\s+by)\b.{0,40}$",
        r"^[\'\"‘“]?(simak|tonton|lihat|saksikan)\s+(juga\s+)?(video|live\s*detik).{0,200}$",
        r"^\[gambas:[^\]]*\]$",
        r"^loading\.*$",
        r"^#\w+(\s+with\s+\w+)?$",  # campaign hashtags closing a story: "#GrowFearless with FIMELA"
        r"^\(\s*(\*|rmol|bbs|dtk|ant|antara|net|int|okz|kmp|tribun\w*|\w{2,5}/\w{2,5})\s*\)\.?$",
        r"^\*{3,}$",  # a separator before a promotion
        r"^informasi\s+pemasangan\s+iklan$",
        r"^hubungi\s*:\s*sales\b",
    ),
    "tag_list": (
        r"^(tags?|topik|kata\s+kunci|keywords?|trending\s+tag)\s*:?\s*$",
        r"^(tags?|topik|kata\s+kunci)\s*:\s*\S.*$",
        r"^#\s?\w[\w\s]{0,40}$",
    ),
    "navigation": (
        r"^(home|beranda|index|indeks|kanal|menu|search|cari|login|register|sign\s+in|masuk|daftar)\s*[»›>|]*$",
        r"^(home|beranda)\s*[»›>/|].*$",
        r"^(back\s+to\s+top|kembali\s+ke\s+atas|selengkapnya|lihat\s+arsip.*|kanal\s+lainnya.*|berita\s+terbaru\s+index.*)$",
        r"^refresh\s*\(\d+\s*sec\)$",
    ),
}

#: Credit lines: who wrote, edited or photographed the article (read by the metadata stage, then removed).
CREDIT_LABELS: dict[str, tuple[str, ...]] = {
    "authors": (
        "penulis",
        "reporter",
        "pewarta",
        "wartawan",
        "jurnalis",
        "kontributor",
        "oleh",
        "by",
        "author",
        "laporan wartawan",
        "laporan reporter",
        "laporan koresponden",
        "laporan",
        "teks",
        "writer",
        "written by",
        "rep",
    ),
    "editors": ("editor", "penyunting", "redaktur", "red", "editing", "edited by", "penyelaras"),
    "photo_credits": (
        "foto",
        "fotografer",
        "pewarta foto",
        "photo",
        "photographer",
        "kredit foto",
        "sumber foto",
    ),
    "cited_media": ("sumber", "source", "dikutip dari", "dilansir dari"),
}

#: Photo and news agencies whose name appears in credit lines like "AFP/Nama" or "(ANTARA FOTO/Nama)".
AGENCIES = (
    "AFP",
    "AP",
    "AP Photo",
    "Reuters",
    "ANTARA",
    "ANTARA FOTO",
    "Antara",
    "EPA",
    "EPA-EFE",
    "Getty Images",
    "Xinhua",
    "Sputnik",
    "TASS",
    "Anadolu",
    "Shutterstock",
    "iStockphoto",
    "Freepik",
    "Pixabay",
    "Unsplash",
    "Dok.",
    "Dokumentasi",
    "Istimewa",
    "Ist",
)
