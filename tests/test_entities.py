"""Entities: recognised in the body, linked to one identity, with roles; nothing from boilerplate."""

from __future__ import annotations

import pytest

from kronik.corpus import extract
from kronik.data import Article
from kronik.ner.train import MODEL_DIR
from kronik.stages.entities.registry import load_registry

pytestmark = pytest.mark.skipif(
    not (MODEL_DIR / "meta.json").exists(), reason="no trained NER model in the package"
)

PAGE = """Beranda
Internasional

Lukasenko Tolak Kirim Pasukan, Moskow Kecewa

Senin, 6 Maret 2023 09:00 WIB
Penulis: Rina Lestari | Editor: Dodi Saputra
Foto: Twitter/@AndriyKovalenko

MINSK, CONTOH.COM - Presiden Belarus Alexander Lukashenko menolak mengirim pasukan ke Ukraina, kata juru bicaranya kepada kantor berita Belta pada Senin.

Moskow memperingatkan bahwa keputusan itu dapat merusak hubungan kedua negara, menurut pernyataan Kementerian Luar Negeri Rusia.

Andriy Kovalenko, seorang analis militer di Kyiv, mengatakan Lukasenko tidak ingin terseret lebih jauh ke dalam perang.

"Minsk tahu risikonya," kata Kovalenko kepada wartawan. Presiden Rusia Vladimir Putin belum memberikan tanggapan.

Baca juga: Zelensky Temui Pemimpin Uni Eropa di Brussels

Sementara itu, #Belarusia menjadi topik populer di media sosial sepanjang hari.
"""


@pytest.fixture(scope="module")
def art(tmp_path_factory) -> Article:
    p = tmp_path_factory.mktemp("e") / "lukashenko.txt"
    p.write_text(PAGE, encoding="utf-8")
    (a,) = [x for x in extract([str(p)]) if isinstance(x, Article)]
    return a


def _by_name(art: Article) -> dict[str, dict]:
    return {e["name"]: e for e in art.entities}


def test_canonical_names_and_spellings(art):
    ents = _by_name(art)
    luka = ents["Alexander Lukashenko"]
    assert luka["type"] == "PER"
    assert {m["text"] for m in luka["mentions"]} >= {"Alexander Lukashenko", "Lukasenko"}
    assert "Belarus" in ents and any(
        m["text"] == "#Belarusia" or m["text"] == "Belarusia" for m in ents["Belarus"]["mentions"]
    )
    assert ents["Vladimir Putin"]["wikidata"] == "Q7747"
    assert ents["Moskow"].get("stands_for") == "Rusia"


def test_short_name_resolved_in_document_and_roles(art):
    ents = _by_name(art)
    kov = ents["Andriy Kovalenko"]
    assert {m["text"] for m in kov["mentions"]} >= {"Andriy Kovalenko", "Kovalenko"}
    assert any("analis militer" in r for r in kov["roles"])
    assert "Presiden Rusia" in ents["Vladimir Putin"]["roles"]


def test_offsets_point_into_the_body(art):
    for e in art.entities:
        for m in e["mentions"]:
            assert art.body[m["start"] : m["end"]] == m["text"]


def test_nothing_from_related_headlines(art):
    names = {e["name"] for e in art.entities}
    assert "Zelensky" not in names and "Volodymyr Zelensky" not in names and "Brussels" not in names


def test_registry_has_cldr_countries_and_aliases():
    reg = load_registry()
    assert reg.lookup("Belarusia").name == "Belarus"
    assert reg.lookup("#Rusia").name == "Rusia"
    assert reg.lookup("AS").name == "Amerika Serikat"
    assert reg.lookup("Jepang").type == "LOC"
    assert reg.fuzzy("Zelenskyi", "PER").name == "Volodymyr Zelensky"
    assert reg.fuzzy("Australia", "LOC").name == "Australia"


def test_odd_inputs_give_a_result_or_a_clear_warning(tmp_path):
    caps = tmp_path / "caps.txt"
    caps.write_text(
        "BERANDA\n\nPRESIDEN TINJAU LOKASI BANJIR DI KALIMANTAN SELATAN\n\n"
        "BANJARMASIN, CONTOH.COM - PRESIDEN JOKO WIDODO MENINJAU LOKASI BANJIR DI KABUPATEN BANJAR PADA SENIN PAGI, "
        "DIDAMPINGI GUBERNUR DAN KEPALA BADAN NASIONAL PENANGGULANGAN BENCANA.\n\n"
        "RIBUAN WARGA MASIH MENGUNGSI DI SEKOLAH DAN MASJID KARENA AIR BELUM SURUT SEJAK PEKAN LALU.\n"
    )
    numbers = tmp_path / "numbers.txt"
    numbers.write_text("\n".join(f"{i} {i * 3} {i * 7}" for i in range(200)))
    big = tmp_path / "big.txt"
    para = "Pemerintah Kota Bandung membangun taman nomor {} di kawasan Dago, kata Wali Kota kepada wartawan di Balai Kota. "
    paragraphs = [para.format(i) + para.format(i + 5000) for i in range(60)] + [
        "".join(para.format(1000 + i) for i in range(250))
    ]
    big.write_text("Judul Artikel Panjang Sekali\n\n" + "\n\n".join(paragraphs))  # one paragraph of 27k chars
    items = list(extract([str(caps), str(numbers), str(big)]))
    by_source = {i.source.split("/")[-1]: i for i in items}
    assert isinstance(by_source["caps.txt"], Article) and not any(
        "entities" in w for w in by_source["caps.txt"].warnings
    )
    assert "no article body" in by_source["numbers.txt"].reason
    big_art = by_source["big.txt"]
    assert isinstance(big_art, Article) and len(big_art.body) > 40_000
    assert big_art.entities
    assert all(
        big_art.body[m["start"] : m["end"]] == m["text"] for e in big_art.entities for m in e["mentions"]
    )


def test_user_registry_extends_the_packaged_one(tmp_path, monkeypatch):
    reg = tmp_path / "mine.json"
    reg.write_text('{"entities": [{"name": "Dewan Kota Contoh", "type": "ORG", "aliases": ["DKC"]}]}')
    load_registry.cache_clear()
    extended = load_registry(str(reg))
    assert extended.lookup("DKC").name == "Dewan Kota Contoh"
    assert extended.lookup("Belarusia").name == "Belarus"


def test_a_name_the_recogniser_missed_somewhere_is_still_a_mention_there() -> None:
    from kronik.data import Article
    from kronik.stages.entities import _entities

    body = (
        "Pengusaha Elon Musk meluncurkan partai baru.\n\n"
        "Musk berselisih dengan Trump Tower soal dana. Kemudian Musk pergi.\n\n"
        "Presiden Musk bukan gelarnya."
    )
    art = Article(source="synthetic", paragraphs=body.split("\n\n"))
    spans = [(10, 19, "PER")]  # the recogniser found only the first "Elon Musk"
    _entities(art, spans)
    musk = next(e for e in art.entities if e["name"] == "Elon Musk")
    starts = [m["start"] for m in musk["mentions"]]
    assert body.index("Musk berselisih") in starts
    assert body.index("Musk pergi") in starts  # "Kemudian" is a common word, no name
    assert body.index("Musk bukan") in starts  # a title before the name


def test_a_short_name_typed_as_a_place_is_still_the_person() -> None:
    from kronik.data import Article
    from kronik.stages.entities import _entities

    body = "Ketua Fraksi Budi Santoso menyoroti sekolah.\n\nBudi menilai biaya naik."
    art = Article(source="synthetic", paragraphs=body.split("\n\n"))
    a = body.index("Budi Santoso")
    b = body.index("Budi menilai")
    _entities(art, [(a, a + 12, "PER"), (b, b + 4, "LOC")])  # the recogniser typed the short name LOC
    (budi,) = [e for e in art.entities if "Budi" in e["name"]]
    assert budi["name"] == "Budi Santoso" and budi["type"] == "PER"
    assert [m["start"] for m in budi["mentions"]] == [a, b]


def test_nicknames_and_sentence_openers() -> None:
    from kronik.data import Article
    from kronik.stages.entities import _entities

    body = (
        "Gibran menemui Ketua DPC, Hadi Rudyatmo atau Rudy yang juga wali kota.\n\n"
        "Semula Gibran mengaku bertemu dengan Rudy hanya untuk silaturahmi."
    )
    art = Article(source="synthetic", paragraphs=body.split("\n\n"))
    h = body.index("Hadi Rudyatmo")
    r1, r2 = body.index("Rudy "), body.rindex("Rudy")
    s = body.index("Semula Gibran")
    _entities(
        art, [(0, 6, "PER"), (h, h + 13, "PER"), (r1, r1 + 4, "PER"), (s, s + 13, "PER"), (r2, r2 + 4, "PER")]
    )
    names = {e["name"]: [m["text"] for m in e["mentions"]] for e in art.entities}
    assert names["Hadi Rudyatmo"] == ["Hadi Rudyatmo", "Rudy", "Rudy"]
    assert names["Gibran Rakabuming Raka"] == [
        "Gibran",
        "Gibran",
    ]  # "Semula" opens the sentence, it is no name


def _linked(body: str, spans: list[tuple[int, int, str]]) -> Article:
    """The entity stage over a synthetic body, given the recogniser's spans."""
    from kronik.stages.entities import _entities

    art = Article(source="synthetic", paragraphs=body.split("\n\n"))
    _entities(art, spans)
    return art


def _at(body: str, text: str, length: int | None = None, label: str = "PER") -> tuple[int, int, str]:
    """The span of ``text`` in ``body`` (its first ``length`` characters when given)."""
    i = body.index(text)
    return i, i + (len(text) if length is None else length), label


def test_first_names_printed_before_and_short_forms_of_a_first_name() -> None:
    body = (
        "Hakim Distrik A Beryl Howell memberi waktu.\n\nHowell menolak permintaan itu.\n\n"
        "Mensesneg Prasetyo Hadi hadir.\n\nPras mengatakan program berjalan."
    )
    art = _linked(body, [_at(body, "Howell menolak", 6), _at(body, "Prasetyo Hadi"), _at(body, "Pras ", 4)])
    names = {e["name"]: len(e["mentions"]) for e in art.entities if e["type"] == "PER"}
    assert names == {"Beryl Howell": 2, "Prasetyo Hadi": 2}


def test_institutions_taken_for_people_and_police_ranks() -> None:
    body = "Polres Grobogan memeriksa saksi.\n\nKasat Reskrim AKP Rizky Ari Budianto hadir."
    art = _linked(body, [(0, 15, "PER"), _at(body, "AKP", 22)])
    got = {e["name"]: e["type"] for e in art.entities}
    assert got == {"Polres Grobogan": "ORG", "Rizky Ari Budianto": "PER"}


def test_a_short_form_in_brackets_is_a_second_mention() -> None:
    body = "Mahkamah Kehormatan Dewan (MKD) meminta ketua partai tegas.\n\nMKD akan memanggil anggota."
    art = _linked(body, [(0, 31, "ORG")])
    (mkd,) = art.entities
    assert mkd["name"] == "MKD"  # the article goes on calling it MKD
    assert [m["text"] for m in mkd["mentions"]] == ["Mahkamah Kehormatan Dewan", "MKD", "MKD"]
    assert all(body[m["start"] : m["end"]] == m["text"] for m in mkd["mentions"])


def test_hyphenated_first_names_dropped_link_text_titles_and_a_state_before_a_name() -> None:
    body = (
        "Presiden Komisi Jean-Claude Juncker hadir.\n\nMandat diserahkan kepada Presiden Joko Widodo ( ).\n\n"
        "Presiden Iran Hassan Rouhani mengecam.\n\nPerwira menengah itu menjelaskan."
    )
    spans = [
        _at(body, "Claude", 14),
        _at(body, "Joko", 13),
        _at(body, "Iran Hassan", 19),
        _at(body, "Perwira"),
    ]
    names = {e["name"] for e in _linked(body, spans).entities if e["type"] == "PER"}
    assert names == {"Jean-Claude Juncker", "Joko Widodo", "Hassan Rouhani"}


def test_a_noun_opening_a_sentence_is_no_part_of_the_name_after_it() -> None:
    body = "Keputusan Budi Santoso menuai kritik.\n\nKomentar Pompeo muncul kemarin.\n\nTim Cook hadir."
    spans = [_at(body, n) for n in ("Keputusan Budi Santoso", "Komentar Pompeo", "Tim Cook")]
    names = {e["name"] for e in _linked(body, spans).entities if e["type"] == "PER"}
    assert names == {"Budi Santoso", "Mike Pompeo", "Tim Cook"}


def test_a_short_form_inside_an_institution_name_names_it_with_its_place() -> None:
    body = (
        "Kejaksaan Negeri (Kejari) Sidoarjo menahan dua tersangka.\n\nKejari juga memeriksa saksi.\n\n"
        "Mahkamah Kehormatan Dewan (MKD) DPR RI meminta ketua partai tegas."
    )
    spans = [
        _at(body, "Kejaksaan Negeri", label="ORG"),
        _at(body, "Sidoarjo", label="LOC"),
        _at(body, "Kejari juga", 6, "ORG"),
        _at(body, "Mahkamah Kehormatan Dewan", label="ORG"),
        _at(body, "DPR RI", label="ORG"),
    ]
    got = {e["name"]: [m["text"] for m in e["mentions"]] for e in _linked(body, spans).entities}
    assert got["Kejari Sidoarjo"] == ["Kejaksaan Negeri (Kejari) Sidoarjo", "Kejari"]
    assert "Sidoarjo" not in got  # the place is part of the name
    assert "Mahkamah Kehormatan Dewan" in got  # "DPR RI" is the body it belongs to, not a place


def test_a_short_form_inside_a_name_however_the_recogniser_cut_it() -> None:
    body = "Pemerintah Kabupaten (Pemkab) Pidie mengancam memecat dokter.\n\nPemkab akan memanggil direktur."
    spans = [_at(body, "Pidie", label="PER")]  # the place taken for a person, the long name missed
    got = {e["name"]: e["type"] for e in _linked(body, spans).entities}
    assert got == {"Pemkab Pidie": "ORG"}  # the article goes on calling it "Pemkab"


def test_a_two_word_name_opening_a_longer_one_is_that_person() -> None:
    body = "Mahasiswa bernama Rudi Hartono Agung Putra diperiksa.\n\nRudi Hartono meminta maaf."
    full = _at(body, "Rudi Hartono Agung Putra")
    short = _at(body, "Rudi Hartono meminta", len("Rudi Hartono"))
    names = {
        e["name"]: len(e["mentions"]) for e in _linked(body, [full, short]).entities if e["type"] == "PER"
    }
    assert names == {"Rudi Hartono Agung Putra": 2}


def test_a_known_organisation_opening_a_persons_span_is_the_body_he_speaks_for() -> None:
    body = 'Serangan itu canggih," kata juru bicara Pentagon Jonathan Hoffman.\n\nPentagon menolak merinci.'
    art = _linked(body, [_at(body, "Pentagon Jonathan Hoffman"), _at(body, "Pentagon menolak", 8, "ORG")])
    got = {e["name"]: e["type"] for e in art.entities}
    assert got == {"Pentagon": "ORG", "Jonathan Hoffman": "PER"}


def test_a_mission_abroad_is_named_with_its_city() -> None:
    from kronik.stages.entities import _unit_and_place

    body = "PTRI Jenewa menegaskan sikap Indonesia."
    assert _unit_and_place(body, [(0, 4, "ORG"), (5, 11, "LOC")]) == [(0, 11, "ORG")]


def test_a_person_at_the_end_of_a_long_role_after_a_speech_verb_and_a_capital_that_insists() -> None:
    body = (
        '"Kami mengelola kanal informasi," kata Kabid Hubungan Media dan Kehumasan pada Puspenkum Kejagung RI '
        "Irwan Datuiding, Sabtu (6/9/2025).\n\nPyongyang selalu bersikeras jaminan keamanan dibutuhkan."
    )
    art = _linked(body, [_at(body, "Pyongyang", label="LOC")])
    names = _by_name(art)
    assert names["Irwan Datuiding"]["type"] == "PER"
    assert names["Pyongyang"].get("stands_for") == "Korea Utara"  # a capital speaking is its government


def test_a_one_word_name_shortened_and_a_surname_only_the_headline_gives() -> None:
    body = "Hal itu disampaikan Prasetyo di Istana.\n\nPras mengatakan perpres segera terbit."
    art = _linked(body, [_at(body, "Prasetyo"), _at(body, "Pras ", 4)])
    assert {e["name"]: len(e["mentions"]) for e in art.entities if e["type"] == "PER"} == {"Prasetyo": 2}
    body = "Fahri mengatakan partai itu masih dipersiapkan."
    art = Article(source="synthetic", title="Hengkang dari PKS, Fahri Hamzah Bergabung", paragraphs=[body])
    from kronik.stages.entities import _entities

    _entities(art, [_at(body, "Fahri")])
    assert [e["name"] for e in art.entities if e["type"] == "PER"] == ["Fahri Hamzah"]
    body = "Ganjar mengatakan sekolah itu akan ditindak."  # a verb of a title-case headline is no surname
    art = Article(source="synthetic", title="Ganjar Tindak Tegas", paragraphs=[body])
    _entities(art, [_at(body, "Ganjar")])
    assert [e["name"] for e in art.entities if e["type"] == "PER"] == ["Ganjar"]
    body = "Masinton mengatakan KPK harus belajar."  # a headline's bare verb is no surname either
    art = Article(source="synthetic", title="Masinton Tantang KPK Buka Data", paragraphs=[body])
    _entities(art, [_at(body, "Masinton")])
    assert [e["name"] for e in art.entities if e["type"] == "PER"] == ["Masinton"]


def test_a_military_commanders_title_is_no_name() -> None:
    body = "Pangdam XVII/Cenderawasih, Mayjen TNI Herman Asaribab hadir.\n\nPangdam mengimbau warga tetap tenang."
    art = _linked(body, [_at(body, "Herman Asaribab"), _at(body, "Pangdam mengimbau", 7)])
    assert [e["name"] for e in art.entities if e["type"] == "PER"] == ["Herman Asaribab"]


def test_an_honorific_after_a_short_form_and_what_people_call_a_person() -> None:
    body = (
        "Wasekjen PBNU KH Maksum Faqih atau Gus Maksum mendukung menteri.\n\n"
        "Gus Maksum menilai langkah itu wajar.\n\nPengasuh Ponpes Langitan Tuban ini menilai hal itu."
    )
    art = _linked(
        body,
        [
            _at(body, "PBNU KH Maksum Faqih", label="ORG"),
            _at(body, "Gus Maksum menilai", 10),
            _at(body, "Ponpes Langitan Tuban"),
        ],
    )
    kinds = {e["name"]: (e["type"], len(e["mentions"])) for e in art.entities}
    assert kinds["Maksum Faqih"] == ("PER", 3)
    assert kinds["Ponpes Langitan Tuban"][0] == "ORG"
    assert "Gus Maksum" not in kinds
    body = "Warga Jalan KH Ahmad Dahlan berkumpul."  # a street named after a person stays a street
    art = _linked(body, [_at(body, "Jalan KH Ahmad Dahlan", label="LOC")])
    assert [e["type"] for e in art.entities] == ["LOC"]


def test_a_place_the_recogniser_marked_is_no_first_name() -> None:
    body = "Wakil Wali Kota Bandung Erwin menginstruksikan jajarannya.\n\nErwin mengatakan sampah harus diangkut."
    art = _linked(
        body, [_at(body, "Bandung", label="LOC"), _at(body, "Erwin"), _at(body, "Erwin mengatakan", 5)]
    )
    assert {e["name"]: e["type"] for e in art.entities} == {"Bandung": "LOC", "Erwin": "PER"}


def test_a_name_with_a_middle_initial_closing_an_organisations_span() -> None:
    body = "Komisioner Lembaga Hukum Rakyat Budi T Siregar menyebut laporan itu rampung."
    art = _linked(body, [_at(body, "Komisioner Lembaga Hukum Rakyat Budi T Siregar", label="ORG")])
    assert ("Budi T Siregar", "PER") in {(e["name"], e["type"]) for e in art.entities}
    body = "Majelis Pengadilan Militer Tinggi I Medan memutus perkara itu."  # a Roman numeral is no initial
    art = _linked(body, [_at(body, "Majelis Pengadilan Militer Tinggi I Medan", label="ORG")])
    assert [e["type"] for e in art.entities] == ["ORG"]


def test_a_defined_short_form_opening_a_person_span_is_the_organisation() -> None:
    body = (
        "Himpunan Pengusaha Muda Nusantara (Hipmun) menilai ekonomi membaik.\n\n"
        "Ketua Umum Hipmun Bagas Rahmat Wijaya menyebut investasi naik.\n\n"
        "Pondok Pesantren (Ponpes) di desa itu berdiri lama.\n\nPonpes Santri Jaya menggelar doa."
    )
    spans = [
        _at(body, "Himpunan Pengusaha Muda Nusantara", label="ORG"),
        _at(body, "Hipmun"),
        _at(body, "Hipmun Bagas Rahmat Wijaya"),
        _at(body, "Ponpes Santri Jaya"),
    ]
    names = {(e["type"], e["name"]) for e in _linked(body, spans).entities}
    assert ("PER", "Bagas Rahmat Wijaya") in names
    assert not any("Hipmun" in n for t, n in names if t == "PER")  # the bracketed short form is no person
    assert ("PER", "Santri Jaya") not in names  # an institution head stays whole


def test_a_royal_word_opening_an_officials_name_and_a_nickname_from_inside_a_name() -> None:
    body = "Wali Kota Palembang, Ratu Sekar menyambut baik. Kata Ratu Sekar, semua siap."
    second = body.rindex("Ratu Sekar")
    art = _linked(body, [_at(body, "Ratu Sekar"), (second, second + len("Ratu Sekar"), "PER")])
    people = {e["name"]: len(e["mentions"]) for e in art.entities if e["type"] == "PER"}
    assert people.get("Ratu Sekar") == 2 and "Sekar" not in people
    body = "Raja Salman menerima tamu."  # a king's title is no part of his name
    assert [e["name"] for e in _linked(body, [_at(body, "Raja Salman")]).entities] == ["Salman"]
    body = "Caleg itu, Sy Abdurrahim Alkadri, menyesal. Walaupun begitu, kata Sy Rahim, proses hukum jalan."
    art = _linked(body, [_at(body, "Abdurrahim Alkadri"), _at(body, "Rahim")])
    people = [e for e in art.entities if e["type"] == "PER"]
    assert [e["name"] for e in people] == ["Abdurrahim Alkadri"] and len(people[0]["mentions"]) == 2


def test_balinese_names_religious_titles_and_a_town_between_a_title_and_a_name() -> None:
    from kronik.stages.entities import find_mentions
    from kronik.stages.entities.registry import active_registry

    body = "Asisten I Setda Kabupaten Tabanan I Made Agus Hartawiguna hadir. Wakil Ketua I Ahmad Muzani juga."
    spans = [
        _at(body, "Kabupaten Tabanan I", label="LOC"),
        _at(body, "Agus Hartawiguna"),
        _at(body, "Ahmad Muzani"),
    ]
    got = [(body[a:b], t) for a, b, t in find_mentions([body], active_registry(), spans)]
    assert ("Kabupaten Tabanan", "LOC") in got and ("I Made Agus Hartawiguna", "PER") in got
    assert ("Ahmad Muzani", "PER") in got  # "I" after "Wakil Ketua" is a number
    body = (
        "Buya Syafii Maarif bertemu Wali Kota Palu Hidayat dan Kabag Hukum Setda Kota Palu Romi, Kamis. Gempa "
        "melanda Kota Palu setahun silam. Ketua DPP Bambang Wuryanto hadir. Pria yang akrab disapa Pacul itu "
        "mengatakan partainya siap. Wali Kota David Navarro dari Clarin tewas."
    )
    spans = [
        _at(body, "Buya Syafii Maarif"),
        _at(body, "Palu Hidayat"),
        _at(body, "Kabag Hukum Setda Kota Palu Romi"),
        _at(body, "Bambang Wuryanto"),
        _at(body, "Pacul", label="LOC"),
        _at(body, "David Navarro"),
    ]
    people = {
        e["name"]: [m["text"] for m in e["mentions"]]
        for e in _linked(body, spans).entities
        if e["type"] == "PER"
    }
    assert set(people) == {"Syafii Maarif", "Hidayat", "Romi", "Bambang Wuryanto", "David Navarro"}
    assert people["Bambang Wuryanto"] == ["Bambang Wuryanto", "Pacul"]


def test_bracketed_nickname_middle_initial_and_words_that_are_no_names() -> None:
    body = (
        "Pendiri yayasan itu, Bijaksana Junerosano (Sano), menilai sampah belum tertangani.\n\n"
        "Menurut Sano, warga perlu dilibatkan. Ketua Umum Relawan Maju JP Viktor S Sirait ikut hadir.\n\n"
        "Kasus itu dibawa ke pengadilan oleh Mantan Kepala Desa."
    )
    art = _linked(
        body,
        [
            _at(body, "Sano)", 4),
            _at(body, "Sano,", 4),
            _at(body, "JP Viktor", 9),  # the recogniser ran a short form into the name
            _at(body, "Sirait", label="LOC"),  # and took the surname for a place
            _at(body, "pengadilan", label="LOC"),
            _at(body, "Mantan"),
        ],
    )
    names = {e["name"]: [m["text"] for m in e["mentions"]] for e in art.entities}
    assert names.get("Bijaksana Junerosano") == ["Bijaksana Junerosano", "Sano", "Sano"], names
    assert "Viktor S Sirait" in names and "Sirait" not in names
    assert "pengadilan" not in names and "Mantan" not in names


def test_one_word_listed_with_a_place_is_a_place() -> None:
    body = "Ia anggota DPR dari Dapil Kota Bogor dan Cianjur ini."
    spans = [_at(body, "Kota Bogor", label="LOC"), _at(body, "Cianjur", label="PER")]
    got = {e["name"]: e["type"] for e in _linked(body, spans).entities}
    assert got.get("Cianjur") == "LOC", got


def test_a_one_word_name_run_into_the_place_of_a_role_before_a_speech_verb() -> None:
    body = (
        "Pihak Kemenag Kota Bandar Lampung hadir.\n\n"
        "Staf Penyelenggara Zakat dan Wakaf Kemenag Bandar Lampung Azhari mengatakan sinergi menjadi kunci."
    )
    spans = [
        _at(body, "Bandar Lampung", label="LOC"),
        _at(body, "Staf Penyelenggara Zakat dan Wakaf Kemenag", label="ORG"),
        _at(body, "Bandar Lampung Azhari", label="LOC"),
    ]
    got = {e["name"]: e["type"] for e in _linked(body, spans).entities}
    assert got.get("Azhari") == "PER" and got.get("Bandar Lampung") == "LOC", got


def test_a_body_and_the_person_after_it_cut_in_the_wrong_place() -> None:
    body = (
        "Kasi Intel Kejaksaan Negeri Kuantan Singingi Soenardi mengatakan tersangka ditahan.\n\n"
        "Kepala Kejaksaan Negeri Kuantan Singingi, Sahroni, hadir.\n\n"
        "Kepala Kejaksaan Tinggi Sumsel Yulianto menambahkan, pembangunan berjalan.\n\n"
        "Sebelumnya, Pemprov Sumsel telah bekerja sama dengan pelaku industri."
    )
    spans = [
        _at(body, "Kejaksaan Negeri Kuantan", label="ORG"),
        _at(body, "Soenardi"),
        _at(body, "Kejaksaan Negeri Kuantan Singingi,", length=33, label="ORG"),
        _at(body, "Sahroni"),
        _at(body, "Kejaksaan Tinggi Sumsel Yulianto", label="ORG"),
        _at(body, "Pemprov", label="ORG"),
        _at(body, "Sumsel telah", length=6, label="LOC"),
    ]
    got = {e["name"]: e["type"] for e in _linked(body, spans).entities}
    # the place's last word is the body's ("Kejaksaan Negeri Kuantan Singingi" is printed alone), not a first name
    assert got.get("Kejaksaan Negeri Kuantan Singingi") == "ORG" and got.get("Soenardi") == "PER", got
    assert "Kejaksaan Negeri Kuantan" not in got and "Singingi Soenardi" not in got, got
    # a one-word name run into a body right before a speech verb, "Sumsel" a known place
    assert got.get("Kejaksaan Tinggi Sumsel") == "ORG" and got.get("Yulianto") == "PER", got
    assert got.get("Pemprov Sumsel") == "ORG", got  # a local government's head and its place


def test_a_nickname_made_from_a_one_word_name_a_short_form_before_a_name_and_a_weekday_surname() -> None:
    body = (
        "Sidang mantan Ketua Umum PPP Romahurmuziy atau Romi ditunda.\n\nRomi mengaku sakit.\n\n"
        "Anies atau Ganjar belum memutuskan.\n\n"
        "Mantan Bendahara Kementerian Pemuda dan Olahraga (Kemenpora) Supriyono membenarkan, Deputi IV "
        "Kemenpora Mulyana meminta mobil.\n\n"
        "Pengamat hukum Margarito Kamis mengatakan uji materi itu biasa.\n\n"
        '"Itu biasa," kata Margarito, Kamis (19/9/2019).'
    )
    spans = [
        _at(body, "Romahurmuziy"),
        _at(body, "Romi ditunda", length=4),
        _at(body, "Romi mengaku", length=4),
        _at(body, "Anies"),
        _at(body, "Ganjar"),
        _at(body, "Kementerian Pemuda dan Olahraga", label="ORG"),
        _at(body, "Supriyono"),
        _at(body, "Kemenpora Mulyana"),
        _at(body, "Margarito,", length=9),
    ]
    got = {e["name"]: [m["text"] for m in e["mentions"]] for e in _linked(body, spans).entities}
    assert got.get("Romahurmuziy") == ["Romahurmuziy", "Romi", "Romi"], got
    assert got.get("Anies Baswedan") == ["Anies"] and "Ganjar" in got, got  # a choice of two people
    assert "Mulyana" in got and "Kemenpora Mulyana" not in got, list(got)
    assert "Margarito Kamis" in got and "Margarito" not in got, got  # "Kamis (19/9/2019)" is the day
