"""Interface text in Indonesian and English: data, plus the rule that picks the language of a request."""

from __future__ import annotations

from collections.abc import Callable, Mapping

LANGUAGES = ("id", "en")
DEFAULT = "id"

#: key -> (Indonesian, English). Placeholders use str.format names.
STRINGS: dict[str, tuple[str, str]] = {
    "app_tagline": ("kronik — kronik berita yang dapat diperiksa", "kronik — a checkable news chronicle"),
    "nav_search": ("Cari", "Search"),
    "nav_timeline": ("Lini masa", "Timeline"),
    "nav_graph": ("Graf aktor", "Actor graph"),
    "nav_api": ("API", "API"),
    "skip": ("Langsung ke isi", "Skip to content"),
    "language": ("Bahasa", "Language"),
    "search_label": ("Kata yang dicari", "Words to find"),
    "search_button": ("Cari", "Search"),
    "search_placeholder": ("mis. Lukashenko latihan", "e.g. Lukashenko exercise"),
    "filters": ("Saringan", "Filters"),
    "published_from": ("Terbit sejak", "Published from"),
    "published_to": ("Terbit hingga", "Published to"),
    "event_from": ("Peristiwa sejak", "Events from"),
    "event_to": ("Peristiwa hingga", "Events to"),
    "outlet": ("Media", "Outlet"),
    "entity": ("Entitas", "Entity"),
    "event_type": ("Jenis peristiwa", "Event type"),
    "modality": ("Modalitas", "Modality"),
    "claim_status": ("Status klaim", "Claim status"),
    "language_facet": ("Bahasa artikel", "Article language"),
    "sort": ("Urutan", "Order"),
    "sort_relevance": ("Paling relevan", "Most relevant"),
    "sort_newest": ("Terbaru", "Newest"),
    "sort_oldest": ("Terlama", "Oldest"),
    "any": ("(semua)", "(any)"),
    "apply": ("Terapkan", "Apply"),
    "clear": ("Hapus saringan", "Clear filters"),
    "remove_filter": ("hapus saringan {name}", "remove filter {name}"),
    "results": ("{total} artikel", "{total} articles"),
    "results_range": ("{first}–{last} dari {total}", "{first}–{last} of {total}"),
    "order_note": (
        "Lebih dari {n} kecocokan: diurutkan dari yang terbaru, bukan menurut relevansi. Persempit pencarian "
        "untuk urutan relevansi.",
        "More than {n} matches: listed newest first, not by relevance. Narrow the "
        "search to rank by relevance.",
    ),
    "no_results": ("Tidak ada artikel yang cocok.", "No matching articles."),
    "facets": ("Faset", "Facets"),
    "facets_sampled": ("dihitung dari {n} hasil teratas", "counted over the top {n} results"),
    "counts": (
        "{e} entitas · {q} kutipan · {c} klaim · {v} peristiwa",
        "{e} entities · {q} quotes · {c} claims · {v} events",
    ),
    "prev": ("« Sebelumnya", "« Previous"),
    "next": ("Berikutnya »", "Next »"),
    "pagination": ("Halaman hasil", "Result pages"),
    "published": ("Terbit", "Published"),
    "precision": ("ketelitian", "precision"),
    "authors": ("Penulis", "Authors"),
    "editors": ("Editor", "Editors"),
    "section": ("Rubrik", "Section"),
    "dateline": ("Tempat berita", "Dateline"),
    "source_input": ("Dibaca dari", "Read from"),
    "original_url": ("URL asli", "Original URL"),
    "article_id": ("ID artikel", "Article id"),
    "version": ("Versi", "Version"),
    "lead": ("Teras", "Lead"),
    "body": ("Isi berita", "Body"),
    "layers": ("Tampilkan sorotan", "Show highlights"),
    "layer_entities": ("Entitas", "Entities"),
    "layer_quotes": ("Kutipan", "Quotes"),
    "layer_claims": ("Klaim", "Claims"),
    "layer_events": ("Peristiwa", "Events"),
    "layer_times": ("Waktu", "Times"),
    "entities": ("Entitas", "Entities"),
    "quotes": ("Kutipan", "Quotes"),
    "claims": ("Klaim", "Claims"),
    "events": ("Peristiwa", "Events"),
    "times": ("Ekspresi waktu", "Time expressions"),
    "none": ("Tidak ada.", "None."),
    "mentions": ("sebutan: {n}", "mentions: {n}"),
    "direct": ("langsung", "direct"),
    "indirect": ("tidak langsung", "indirect"),
    "unnamed": ("tanpa nama", "unnamed"),
    "cue": ("penanda", "cue"),
    "medium": ("media", "medium"),
    "via": ("lewat", "via"),
    "said_when": ("kapan", "when"),
    "chain": ("Rantai sumber", "Source chain"),
    "source_chain": ("Rantai sumber artikel", "The article's source chain"),
    "cited_media": ("Media yang dikutip", "Cited media"),
    "evidence": ("Bukti", "Evidence"),
    "speaker": ("Penutur", "Speaker"),
    "actor": ("Pelaku", "Actor"),
    "recipient": ("Sasaran", "Recipient"),
    "partner": ("Bersama", "With"),
    "date_happened": ("Tanggal kejadian", "Date happened"),
    "undated": ("tanpa tanggal", "undated"),
    "undated_published": ("tanpa tanggal (terbit {d})", "undated (published {d})"),
    "location": ("lokasi", "location"),
    "removed": ("Yang dibuang dari halaman", "Removed from the page"),
    "removed_note": (
        "Bukan bagian isi berita: menu, keterangan foto, tautan terkait, iklan, dst.",
        "Not body text: menus, captions, related links, advertisements and so on.",
    ),
    "related_headlines": ("Judul terkait", "Related headlines"),
    "headline": ("Judul", "Headline"),
    "hedged": ("berpagar", "hedged"),
    "overstates": ("melebih-lebihkan isi", "overstates the body"),
    "clickbait": ("umpan klik", "clickbait"),
    "warnings": ("Peringatan ekstraksi", "Extraction warnings"),
    "earlier_versions": ("Versi sebelumnya", "Earlier versions"),
    "record_json": ("Rekaman lengkap (JSON)", "The whole record (JSON)"),
    "entity_page": ("Entitas", "Entity"),
    "canonical_name": ("Nama kanonik", "Canonical name"),
    "type": ("Jenis", "Type"),
    "wikidata": ("Wikidata", "Wikidata"),
    "aliases": ("Ejaan yang ditemukan", "Spellings seen"),
    "roles": ("Peran", "Roles"),
    "spelling": ("Ejaan", "Spelling"),
    "mentions_h": ("Sebutan", "Mentions"),
    "articles_h": ("Artikel", "Articles"),
    "seen": ("Muncul di {n} artikel, {first} – {last}", "Seen in {n} articles, {first} – {last}"),
    "quotes_by": ("Kutipan oleh {name}", "Quotes by {name}"),
    "events_as_actor": ("Peristiwa sebagai pelaku", "Events as actor"),
    "events_as_recipient": ("Peristiwa sebagai sasaran", "Events as recipient"),
    "small_timeline": ("Lini masa singkat", "Small timeline"),
    "articles_naming": ("Artikel yang menyebut", "Articles naming it"),
    "see_all": ("Lihat semua di lini masa", "See all on the timeline"),
    "search_entity": ("Cari artikel dengan entitas ini", "Search articles with this entity"),
    "timeline_title": ("Lini masa peristiwa", "Timeline of events"),
    "timeline_intro": (
        "Peristiwa menurut tanggal kejadian (bukan tanggal terbit); yang tanpa tanggal di akhir.",
        "Events by the date they happened (not the publication date); undated ones last.",
    ),
    "actor_filter": ("Aktor (ID atau nama)", "Actor (id or name)"),
    "with_filter": ("Dengan (ID atau nama)", "With (id or name)"),
    "from": ("Dari", "From"),
    "to": ("Hingga", "To"),
    "family": ("Kelompok", "Family"),
    "events_count": ("{n} peristiwa", "{n} events"),
    "no_events": ("Tidak ada peristiwa yang cocok.", "No matching events."),
    "article": ("Artikel", "Article"),
    "graph_title": ("Graf aktor: siapa berbuat apa kepada siapa", "Actor graph: who does what to whom"),
    "graph_intro": (
        "Panah hijau: lebih banyak kerja sama; merah: lebih banyak konflik; jingga: seimbang; abu-abu: "
        "lainnya; garis putus-putus: bertindak bersama. Tebal garis: jumlah peristiwa. Peristiwa tanpa "
        "tanggal dihitung pada tanggal terbit artikelnya.",
        "Green arrows: mostly cooperation; red: mostly conflict; orange: as much of each; grey: other; "
        "dashed: acting together. Line width: number of events. Undated events count at their article's "
        "publication date.",
    ),
    "graph_table": ("Tabel hubungan", "Relations table"),
    "graph_empty": (
        "Tidak ada peristiwa dengan dua pihak pada periode ini.",
        "No events with two sides in this period.",
    ),
    "graph_more": (
        "{shown} dari {total} hubungan ditampilkan (yang terbanyak).",
        "{shown} of {total} relations shown (the heaviest).",
    ),
    "cooperation": ("kerja sama", "cooperation"),
    "conflict": ("konflik", "conflict"),
    "other": ("lainnya", "other"),
    "relation": ("hubungan", "relation"),
    "first_last": ("pertama – terakhir", "first – last"),
    "layout": ("Tata letak gaya (JS)", "Force layout (JS)"),
    "error": ("Kesalahan", "Error"),
    "not_found": ("Tidak ditemukan", "Not found"),
    "bad_request": ("Parameter tidak valid", "Invalid parameters"),
    "back_search": ("Kembali ke pencarian", "Back to search"),
    "api_title": ("Referensi API", "API reference"),
    "api_intro": (
        "Semua respons berupa JSON. Daftar memakai ?limit= (≤ 200) dan ?offset= dan mengembalikan "
        "{items, total, limit, offset}. Skema OpenAPI: ",
        "All responses are JSON. Lists take ?limit= (≤ 200) "
        "and ?offset= and return {items, total, limit, offset}. OpenAPI schema: ",
    ),
    "corpus": ("{a} artikel · {v} peristiwa · {q} kutipan", "{a} articles · {v} events · {q} quotes"),
    "open_article": ("Buka artikel", "Open article"),
    "legend": ("Keterangan", "Legend"),
}

#: Labels of the record's vocabularies: (vocabulary, value) -> (Indonesian, English).
LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "modality": {
        "asserted": ("ditegaskan", "asserted"), "reported": ("dilaporkan", "reported"),
        "planned": ("direncanakan", "planned"), "conditional": ("bersyarat", "conditional"),
        "threatened": ("diancamkan", "threatened"), "hypothetical": ("hipotetis", "hypothetical"),
        "denied": ("dibantah", "denied"),
    },
    "claim_status": {
        "denied": ("dibantah", "denied"), "unverified": ("belum diverifikasi", "unverified"),
        "disputed": ("diperdebatkan", "disputed"), "alleged": ("diduga", "alleged"),
        "reported": ("dilaporkan", "reported"), "asserted": ("ditegaskan", "asserted"),
    },
    "family": {
        "verbal cooperation": ("kerja sama verbal", "verbal cooperation"),
        "material cooperation": ("kerja sama material", "material cooperation"),
        "verbal conflict": ("konflik verbal", "verbal conflict"),
        "material conflict": ("konflik material", "material conflict"),
    },
    "entity_type": {"PER": ("orang", "person"), "ORG": ("organisasi", "organisation"), "LOC": ("tempat", "place")},
    "removed": {
        "navigation": ("navigasi", "navigation"), "related_link": ("tautan terkait", "related link"),
        "photo_caption": ("keterangan foto", "photo caption"), "credit_line": ("baris kredit", "credit line"),
        "pagination": ("penomoran halaman", "pagination"), "footer": ("kaki halaman", "footer"),
        "share_follow": ("bagikan/ikuti", "share/follow"), "advertisement": ("iklan", "advertisement"),
        "tag_list": ("daftar tag", "tag list"), "comment": ("komentar", "comment"), "lead": ("teras", "lead"),
        "title": ("judul", "title"), "byline": ("nama penulis", "byline"), "dateline": ("tempat berita", "dateline"),
        "date_line": ("baris tanggal", "date line"), "embed": ("sematan", "embed"), "other": ("lainnya", "other"),
    },
    "language": {"id": ("Indonesia", "Indonesian"), "en": ("Inggris", "English"), "ms": ("Melayu", "Malay")},
}  # fmt: skip


def pick_language(query_lang: str | None, cookie_lang: str | None, accept_language: str | None) -> str:
    """``?lang=`` first, then the ``lang`` cookie, then the browser's Accept-Language, else Indonesian."""
    for lang in (query_lang, cookie_lang):
        if lang in LANGUAGES:
            return lang
    ranked = []
    for i, part in enumerate((accept_language or "").split(",")):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        primary = tag.strip().lower().split("-")[0]
        primary = "id" if primary in ("id", "in", "ms") else primary
        if primary in LANGUAGES and q > 0:
            ranked.append((-q, i, primary))
    return min(ranked)[2] if ranked else DEFAULT


def translator(lang: str) -> tuple[Callable[..., str], Callable[[str, str | None], str]]:
    """``t(key, **values)`` for interface text and ``label(vocabulary, value)`` for record values."""
    col = LANGUAGES.index(lang) if lang in LANGUAGES else 0

    def t(key: str, **values: object) -> str:
        text = STRINGS[key][col]
        return text.format(**values) if values else text

    def label(vocabulary: str, value: str | None) -> str:
        if value is None:
            return ""
        table: Mapping[str, tuple[str, str]] = LABELS.get(vocabulary, {})
        return table[value][col] if value in table else value

    return t, label
