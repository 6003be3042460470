"""Quotes, speakers, source chains and claims on synthetic pages (written for these tests)."""

from __future__ import annotations

import pytest

from kronik.corpus import extract
from kronik.data import Article
from kronik.ner.train import MODEL_DIR
from kronik.pipeline import STAGES, process
from kronik.store import Store

from .conftest import ROOT, need_shared

pytestmark = pytest.mark.skipif(
    not (MODEL_DIR / "meta.json").exists(), reason="no trained NER model in the package"
)

PAGE = """Surat Rahasia Jenderal Tolak Perintah Presiden

Senin, 6 Maret 2023 09:00 WIB
Penulis: Rina Lestari

JAKARTA, CONTOH.COM - Dilansir Contoh.com dari Reuters, Presiden Belarus Alexander Lukashenko mengatakan bahwa negaranya tidak akan mengirim pasukan ke Ukraina.

"Kami tidak akan ikut berperang. Tentara kami tetap di rumah," kata Lukashenko kepada kantor berita Belta pada hari Senin.

"Rakyat Belarus menginginkan perdamaian."

Ia juga membantah tuduhan bahwa wilayahnya dipakai untuk menyerang Kyiv.

Pasukan Rusia dapat mundur dari perbatasan jika perundingan berhasil, kata seorang pejabat Kementerian Luar Negeri Rusia.

Dalam wawancara dengan media pemerintah, Maria Ivanova mengatakan latihan bersama itu dirancang untuk mencegah eskalasi.

Menurut Andriy Kovalenko, Minsk sedang mencari jalan keluar dari perang.

Kovalenko menyebut keputusan itu "tidak mengejutkan" bagi para analis di kawasan.

Sebuah surat terbuka dari para jenderal yang belum diverifikasi beredar di media sosial.

Keaslian surat terbuka itu masih diperdebatkan oleh para pengamat.
"""


@pytest.fixture(scope="module")
def art(tmp_path_factory) -> Article:
    p = tmp_path_factory.mktemp("q") / "quotes.txt"
    p.write_text(PAGE, encoding="utf-8")
    (a,) = [x for x in extract([str(p)]) if isinstance(x, Article)]
    return a


def _by_start(art: Article, words: str) -> dict:
    hits = [q for q in art.quotes if q["text"].startswith(words)]
    assert hits, (words, [q["text"][:40] for q in art.quotes])
    return hits[0]


def test_direct_quote_with_cue_medium_and_time(art):
    q = _by_start(art, "Kami tidak akan ikut berperang")
    assert q["direct"] is True
    assert q["speaker"]["name"] == "Alexander Lukashenko"
    assert q["cue"] == "kata"
    assert q["medium"] == "Belta"
    assert q["said_when"] == "pada hari Senin"
    assert art.body[q["start"] : q["end"]] == q["text"]


def test_quote_carried_to_next_paragraph(art):
    q = _by_start(art, "Rakyat Belarus menginginkan perdamaian")
    assert q["direct"] and q["cue"] == "(continues previous quote)"
    assert q["speaker"]["name"] == "Alexander Lukashenko"


def test_indirect_speech_forms(art):
    q = _by_start(art, "negaranya tidak akan mengirim pasukan")
    assert not q["direct"] and q["speaker"]["name"] == "Alexander Lukashenko"
    assert q["speaker"]["role"] == "Presiden Belarus"
    q = _by_start(art, "tuduhan bahwa wilayahnya")  # "Ia … membantah": a pronoun and a denial
    assert q["speaker"]["name"] == "Alexander Lukashenko" and q["kind"] == "deny"
    q = _by_start(art, "Minsk sedang mencari jalan keluar")  # Menurut X, …
    assert q["speaker"]["name"].endswith("Kovalenko")


def test_unnamed_speaker_named_in_the_next_quote(art):
    q = _by_start(art, "Pasukan Rusia dapat mundur")
    assert q["cue"] == "kata"
    assert q["speaker"]["name"] == "Maria Ivanova"
    assert q["speaker"]["role"] == "pejabat Kementerian Luar Negeri Rusia"
    assert _by_start(art, "latihan bersama itu dirancang")["medium"] == "media pemerintah"


def test_partial_quote_stays_inside_indirect_speech(art):
    q = _by_start(art, "keputusan itu")
    assert not q["direct"] and q["partial_quotes"] == ["tidak mengejutkan"]
    assert not any(x["text"] == "tidak mengejutkan" for x in art.quotes)


def test_source_chain(art):
    assert art.sources["via"] == ["Reuters"]
    assert art.sources["chain"][-1] == "Reuters"
    q = _by_start(art, "Kami tidak akan ikut berperang")
    assert q["chain"][1:] == ["Reuters", "Belta", "Alexander Lukashenko"]


def test_claims_and_headline_flag(art):
    cue_claims = [c for c in art.claims if c["quote"] is None]
    assert len(cue_claims) == 1  # two sentences about the same letter are one claim
    c = cue_claims[0]
    assert c["status"] == "unverified"
    assert {e["cue"] for e in c["evidence"]} == {"belum diverifikasi", "diperdebatkan"}
    denial = next(c for c in art.claims if c["quote"] is not None and c["status"] == "denied")
    assert denial["speaker"] == "Alexander Lukashenko"
    assert art.headline["overstates_body"] is True and "unverified" in art.headline["why"]


def _article(paragraphs: list[str], title: str = "Judul") -> Article:
    a = Article(source="synthetic", title=title, paragraphs=paragraphs, language="id")
    stages = tuple(st for st in STAGES if st.name.split(".")[0] in ("entities", "quotes", "claims"))
    return process(a, stages)


def test_hedged_headline_is_not_flagged():
    a = _article(
        ["Kabar pengunduran diri menteri itu belum diverifikasi oleh istana."], "Menteri Diduga Mundur?"
    )
    assert a.headline["hedged"] is True and a.headline["overstates_body"] is False


def test_unbalanced_mark_does_not_swallow_the_article():
    a = _article(
        [
            '"Kami akan terus bekerja untuk rakyat, kata Budi Santoso di Jakarta.',
            "Paragraf berikutnya bercerita tentang cuaca yang cerah di kota itu.",
            "Sementara itu, Siti Aminah mengatakan bahwa harga beras akan turun bulan depan.",
        ]
    )
    assert all("cuaca" not in q["text"] for q in a.quotes)
    assert any("unbalanced quotation mark" in w for w in a.warnings)
    q = next(q for q in a.quotes if q["text"].startswith("harga beras"))
    assert q["speaker"]["name"] == "Siti Aminah"


def test_quote_with_no_speaker_is_kept_with_a_warning():
    a = _article(['"Semua warga diminta tetap tenang dan tidak panik menghadapi banjir ini."'])
    assert len(a.quotes) == 1 and a.quotes[0]["speaker"] is None
    assert any("no speaker" in w for w in a.warnings)


def test_long_interview():
    paras = []
    for i in range(100):
        paras.append(f"Wartawan bertanya tentang rencana nomor {i} untuk kota ini.")
        paras.append(
            f'"Rencana nomor {i} akan kami jalankan tahun depan bersama warga," kata Wali Kota Budi Santoso.'
        )
    a = _article(paras)
    assert len(a.quotes) == 100
    assert all(q["speaker"] and q["speaker"]["name"].endswith("Budi Santoso") for q in a.quotes)
    assert all("\n" not in q["text"] for q in a.quotes)


def test_store_lists_quotes_by_speaker(art, tmp_path):
    with Store(tmp_path / "k.db") as store:
        store.upsert(art)
        store.commit()
        rows = store.quotes(speaker="Lukashenko")
    assert {r["cue"] for r in rows} >= {"kata", "mengatakan"}
    assert all(r["speaker_name"] == "Alexander Lukashenko" for r in rows)


def test_seeds_quotes_and_dev_floor():
    from kronik.eval.quotes import evaluate_quotes

    shared = need_shared()
    sc = evaluate_quotes(shared / "gold" / "seeds.gold.json", shared)
    for d in (True, False):
        assert sc.end_to_end[d].f1 == 1.0, sc.misses
    dev = evaluate_quotes(ROOT / "gold" / "dev-quotes.gold.json", shared)
    assert dev.end_to_end[True].f1 >= 0.80 and dev.end_to_end[False].f1 >= 0.70, dev.misses[:20]


def test_entities_sharing_a_mention_do_not_break_the_stages():
    from kronik.stages.events import events
    from kronik.stages.quotes import quotes

    m = {"text": "Budi", "start": 0, "end": 4}
    a = Article(
        source="x", title="t", paragraphs=["Budi mengatakan bahwa harga beras akan turun bulan depan."]
    )
    a.entities = [
        {
            "id": "local:budi",
            "name": "Budi",
            "type": "PER",
            "wikidata": None,
            "mentions": [dict(m)],
            "roles": [],
        },
        {
            "id": "local:budi-2",
            "name": "Budi",
            "type": "ORG",
            "wikidata": None,
            "mentions": [dict(m)],
            "roles": [],
        },
    ]
    events(quotes(a))
    assert a.quotes and a.quotes[0]["speaker"]["name"] == "Budi"


def test_no_stage_fails_on_the_pages(art):
    assert not [w for w in art.warnings if "failed" in w]


def test_a_pronoun_skips_the_object_of_a_pronoun_sentence_and_follows_the_newer_speaker():
    a = _article(
        [
            "Presiden Budi Santoso mengatakan kunjungan itu penting bagi kedua negara.",
            'Selain itu, dia berencana bertemu Presiden Filipina Andi Marcos. "Itu ide saya juga," katanya.',
            "Dukungan datang dari Senator Rudi Hartono yang mengatakan dia senang rencana itu berjalan.",
            'Dia menuturkan pembicaraan memang harus ditempuh. "Tetapi kami harus waspada," kecamnya.',
        ]
    )
    by_text = {q["text"][:12]: q["speaker"]["name"] for q in a.quotes}
    assert by_text["Itu ide saya"] == "Budi Santoso"  # "dia … bertemu Andi Marcos": Marcos is an object
    assert by_text["pembicaraan "] == "Rudi Hartono"  # spoke after Budi's last quote
    assert by_text["Tetapi kami "] == "Rudi Hartono"  # "kecamnya" closes a quote


def test_a_bare_role_names_the_one_person_it_was_printed_before():
    a = _article(
        [
            "Hakim Distrik Susan Illston memberikan waktu kepada Departemen Kehakiman hingga Rabu.",
            '"Kenyataannya adalah bahwa kementerian menghalangi," tulis hakim dalam putusannya.',
        ]
    )
    (q,) = a.quotes
    assert q["speaker"]["name"] == "Susan Illston" and not q["speaker"].get("unnamed")


def test_an_adverb_after_a_pronoun_speaker_is_no_name():
    a = _article(
        [
            "Menteri Budi Santoso mengatakan anggaran naik tahun ini.",
            "Ia juga mengatakan bahwa program itu akan diperluas ke seluruh provinsi.",
        ]
    )
    assert [q["speaker"]["name"] for q in a.quotes] == ["Budi Santoso", "Budi Santoso"]


def test_a_phrase_quoted_inside_reported_speech_is_not_a_quote_of_the_next_subject():
    a = _article(
        [
            "Taliban mengatakan kepada Amerika Serikat bahwa “pintu mereka terbuka” jika Washington ingin "
            "melanjutkan pembicaraan damai di masa mendatang."
        ]
    )
    assert all(q["speaker"]["name"] != "Washington" for q in a.quotes)


def test_same_person_accepts_short_names_of_a_named_person_only():
    from kronik.eval.quotes import same_person

    assert same_person("Prabowo Subianto", "Prabowo")
    assert same_person("Joko Widodo", "Jokowi")  # a registry alias
    assert not same_person("Kementerian Keuangan", "Keuangan Negara", person=False)
    assert same_person("Kementerian Keuangan", "Keuangan", person=True)  # a part of the name
    assert not same_person("Arse", "Ridho Al Hamdi")


def test_menurut_a_named_person_without_a_comma():
    from kronik.pipeline import STAGES, process
    from kronik.stages.ingest import IngestOptions, record_article

    text = (
        "Hakim Distrik Rina Marlina memutuskan perkara itu pada Jumat. "
        "Menurut Marlina DPR telah melakukan penyelidikan dengan benar dan sesuai aturan."
    )
    art = process(record_article("x.jsonl#1", {"title": "Putusan", "content": text}, IngestOptions()), STAGES)
    said = [(q["speaker"]["name"], q["text"]) for q in art.to_dict()["quotes"]]
    assert ("Rina Marlina", "DPR telah melakukan penyelidikan dengan benar dan sesuai aturan.") in said


def _run(paragraphs: list[str], published: str, cited_media: list[str] | None = None) -> Article:
    a = Article(source="x", title="t", language="id", published=published, paragraphs=paragraphs)
    a.cited_media = cited_media or []
    return process(a, tuple(st for st in STAGES if st.name.split(".")[0] in ("entities", "times", "quotes")))


def test_when_and_to_whom_between_the_verb_and_bahwa_and_a_pronoun_after_narration() -> None:
    a = _run(
        [
            "Kepala Kepolisian Peru, Jenderal Oscar Arriola, mengatakan pada Kamis (16/10) bahwa seorang polisi "
            "diyakini telah menembakkan peluru.",
            '"Saya sangat peduli dengan kota ini," kata Beth Zasloff.',
            "Diketahui, sejak kembali menjabat pada bulan Januari, Donald Trump telah menggunakan perintah "
            "eksekutif untuk membubarkan sebagian badan pemerintahan.",
            "Ia juga telah meminta para pejabat tinggi penegak hukum untuk mengadili musuh-musuhnya.",
        ],
        "2025-10-17",
    )
    first = a.quotes[0]
    assert first["text"].startswith("seorang polisi") and first["said_on"]["value"] == "2025-10-16"
    (req,) = [q for q in a.quotes if q["cue"] == "meminta"]
    assert req["speaker"]["name"] == "Donald Trump"


def test_unnamed_speakers_named_again_by_description_and_pronoun_and_appositions() -> None:
    a = _run(
        [
            "Pejabat berpangkat tinggi militer Rusia mengatakan kegagalan itu membuktikan bahwa senjata Amerika "
            "tidak seperti yang diiklankan.",
            "Menurut pejabat tersebut, Riyadh telah membangun sistem pertahanan udara paling kuat di kawasan. "
            "Namun, lanjut dia, efisiensi senjata pertahanan Amerika dipertanyakan.",
            "Ketua Umum Forum Budaya Nusantara (FBN) Atta Ul Karim mengungkapkan buku itu akan terbit bulan depan.",
            "Banyak yang penasaran terhadap isi buku tersebut, di tempat terpisah Atta menjelaskan bahwa buku "
            "itu akan menjadi sumber informasi terkini.",
            "Bill Adams, kepala ekonom di Comerica Bank memproyeksikan bank sentral tidak akan memangkas suku "
            "bunga tahun ini.",
        ],
        "2019-09-20",
    )
    names = [q["speaker"]["name"] for q in a.quotes]
    assert names[:3] == ["Pejabat berpangkat tinggi militer Rusia"] * 3
    assert names[3:5] == ["Atta Ul Karim"] * 2
    assert a.quotes[5]["speaker"]["name"] == "Bill Adams"
    assert a.quotes[5]["speaker"]["role"] == "kepala ekonom di Comerica Bank"


def test_anonymous_sources_numbers_of_officials_events_and_organisations_referred_to() -> None:
    a = _run(
        [
            "Pada Selasa, tiga pejabat AS mengatakan serangan itu melibatkan rudal jelajah dan drone.",
            "Serangan pada Sabtu itu telah mengungkapkan betapa lemahnya pertahanan udara kerajaan.",
            '"Serangan itu adalah pengubah permainan," kata seorang analis keamanan yang menolak disebutkan '
            "namanya, Kamis (19/9/2019).",
            '"Kami harus belajar banyak dari kejadian ini dan memperbaiki semuanya," lanjutnya.',
        ],
        "2019-09-20",
    )
    assert not any(e["name"] == "Selasa" for e in a.entities)
    names = [q["speaker"]["name"] for q in a.quotes]
    assert names == ["tiga pejabat AS"] + ["seorang analis keamanan yang menolak disebutkan namanya"] * 2


def test_a_pronoun_after_a_medium_is_the_person_named() -> None:
    a = _run(
        [
            "Wakil Menteri Pertahanan Gerd Hoofe mengatakan kepada komisi parlemen, jumlah ekstremis di satuan "
            'itu memerlukan "penyelidikan lebih lanjut," tulis "Der Spiegel".',
            "Dia juga mengatakan, penyelidikan itu telah menjadi prioritas bagi dinas intelijen militer.",
        ],
        "2019-09-11",
        cited_media=["Der Spiegel"],  # as the metadata stage reads it (lang/id/media.json)
    )
    (q,) = [q for q in a.quotes if q["text"].startswith("penyelidikan itu")]
    assert q["speaker"]["name"] == "Gerd Hoofe"


def test_mereka_is_a_group_and_a_document_speaks() -> None:
    a = _run(
        [
            "Anggota parlemen dari Partai Hijau menyerukan pemerintah Kanselir Budi Santoso untuk menghentikan "
            "pembiayaan itu. Mereka juga menuntut agar perjanjian tahun 1990 segera dibatalkan.",
            '"Pasukan asing tidak sesuai dengan konstitusi," bunyi dokumen yang diterbitkan parlemen.',
        ],
        "2025-10-22",
    )
    by_cue = {q["cue"]: (q["speaker"] or {}) for q in a.quotes}
    assert by_cue["menuntut"].get("name") != "Budi Santoso"  # "mereka" is many, never one person
    assert by_cue["menuntut"].get("unnamed")
    assert by_cue["bunyi"].get("name") == "dokumen"


def test_a_title_is_no_part_of_a_name_and_the_addressee_before_a_comma() -> None:
    a = _run(
        [
            "Menurut Terdakwa Budi Santoso, uang itu dikembalikan seluruhnya.",
            "Menteri Pertahanan Budi Santoso mengatakan kepada komisi pertahanan parlemen pada Rabu, jumlah "
            "ekstremis di pasukan khusus meningkat.",
        ],
        "2025-10-22",
    )
    (first, second) = a.quotes
    assert first["speaker"]["name"] == "Budi Santoso"  # "Terdakwa" is a role
    assert second["text"].startswith("jumlah ekstremis") and second["said_when"] == "Rabu"


def test_a_description_with_a_me_adjective_points_back_to_the_person() -> None:
    a = _run(
        [
            "Kabid Humas Polda Sumut Kombes Ferry Walintukan mengatakan polisi datang ke bandara.",
            "Perwira menengah polri itu menjelaskan bahwa personel Polrestabes itu telah memiliki data.",
        ],
        "2025-10-20",
    )
    assert [q["speaker"]["name"] for q in a.quotes] == ["Ferry Walintukan", "Ferry Walintukan"]


def test_a_person_introduced_as_speaking_with_an_adverb_is_the_next_pronoun() -> None:
    a = _run(
        [
            'Anggota Komisi XI Harris Turino mengatakan anggaran itu besar. "Kami akan mengawasi," terangnya.',
            "Lebih lanjut, ada juga Anggota Komisi XI Galih Kartasasmita, yang secara khusus menyoroti badan baru.",
            "Menurutnya, badan itu sangat penting bagi keuangan negara.",
        ],
        "2025-09-11",
    )
    assert a.quotes[-1]["speaker"]["name"] == "Galih Kartasasmita"


def test_a_call_to_someone_to_act_without_agar_is_reported_speech() -> None:
    a = _run(["Presiden Budi Santoso meminta para hakim berpihak kepada masyarakat kecil."], "2025-06-12")
    (q,) = a.quotes
    assert q["cue"] == "meminta" and q["text"].startswith("para hakim berpihak")


def test_the_spokesperson_referred_to_is_the_unnamed_one_described_before() -> None:
    a = _run(
        [
            "Seorang juru bicara Kedutaan Besar Vietnam mengaku telah dihubungi oleh keluarga korban.",
            '"Kami sedang menunggu jawaban polisi," kata juru bicara tersebut.',
        ],
        published="2019-10-25",
    )
    assert [q["speaker"]["name"] for q in a.quotes] == ["Seorang juru bicara Kedutaan Besar Vietnam"] * 2


def test_an_initial_in_the_speakers_name_is_no_sentence_end() -> None:
    text = '"Kami tidak punya pengumuman," kata Kolonel Angkatan Udara A. Patrick Ryder, juru bicara militer.'
    a = _run([text], "2019-09-20")
    assert a.quotes[0]["speaker"]["name"] == "Patrick Ryder"


def test_a_condition_after_the_verb_is_part_of_what_was_said() -> None:
    text = (
        "Said menekankan, jika evaluasi dilakukan secara terukur, para menteri tidak akan merasa dirugikan."
    )
    a = _run([text], "2025-10-20")
    assert a.quotes[0]["text"].startswith("jika evaluasi dilakukan")
    a = _run(["Budi Santoso mengatakan jika pihaknya akan memeriksa saksi."], "2025-10-20")
    assert a.quotes[0]["text"].startswith("pihaknya akan")  # "jika" for "bahwa": the complementiser


def test_a_cue_with_nya_in_the_middle_of_reported_speech() -> None:
    paras = [
        "Rosita Dewi mengatakan persoalan Papua tidak bisa diselesaikan dengan keamanan.",
        "Kompleksnya persoalan di Papua, lanjutnya, harus disentuh oleh pemerintah secara bersamaan.",
        "Selain itu, lanjutnya, guru juga sudah dilatih.",
    ]
    a = _run(paras, "2019-09-10")
    assert [(q["speaker"]["name"], q["text"].split()[0]) for q in a.quotes] == [
        ("Rosita Dewi", "persoalan"),
        ("Rosita Dewi", "harus"),
        ("Rosita Dewi", "guru"),
    ]


def test_a_crowd_of_drivers_or_students_speaks_as_itself() -> None:
    paras = [
        "Kabid Humas Polda Metro Jaya Kombes Ade Ary hadir di lokasi.",
        "Para pengemudi ojol berikrar siap menjadi mitra Polri dalam menjaga kamtibmas.",
    ]
    a = _run(paras, "2025-10-20")
    (q,) = a.quotes
    assert q["speaker"]["name"] == "Para pengemudi ojol" and q["speaker"].get("unnamed")


def test_a_name_lost_with_a_dropped_link_is_the_person_named_next() -> None:
    a = _article(
        [
            "Kepolisian menetapkan puluhan tersangka dalam kasus pembakaran lahan.",
            "Karopenmas Divisi Humas Polri Brigjen Pol , mengatakan pihaknya menetapkan 75 tersangka hingga bulan ini.",
            '"Jumlah tersangka perorangan ada 75 orang," ujar Rudi Hartono di Jakarta.',
            "Lanjut ke wilayah Jambi, sudah ada 14 tersangka individu.",
        ]
    )
    first = next(q for q in a.quotes if q["cue"] == "mengatakan")
    assert first["speaker"]["name"] == "Rudi Hartono"
    assert first["speaker"]["role"] == "Karopenmas Divisi Humas Polri Brigjen Pol"
    assert not [
        q for q in a.quotes if q["cue"].lower() == "lanjut"
    ]  # "lanjut ke wilayah …" moves on, says nothing


def test_a_cue_left_without_its_name_is_the_person_the_article_quotes_most() -> None:
    a = _article(
        [
            "Bambang Wijaya mengatakan partainya siap mengawal kebijakan pemerintah.",
            '"Saya mengharapkan semua kader lebih aktif," ujar , dalam rapat fraksi di Senayan.',
            "Bambang Wijaya menegaskan konsolidasi partai terus berjalan.",
        ]
    )
    lost = next(q for q in a.quotes if q["direct"])
    assert lost["speaker"]["name"] == "Bambang Wijaya"


def test_a_date_cut_off_by_a_dropped_link_is_no_speaker_and_a_sentence_opening_no_role() -> None:
    a = _article(
        [
            "Presiden Filipina Rodrigo Duterte menawarkan hadiah bagi warga yang menangkap penjahat,Presiden, "
            "seperti dikutip dari",
            "Jumat (20/9/2019), menekankan bahwa dia tidak mengharapkan warganya berbelas kasih.",
            "Ini bukan pertama kalinya Duterte menyarankan warganya untuk bertindak sebagai pasukan.",
        ]
    )
    a = process(a, tuple(st for st in STAGES if st.name.split(".")[0] == "times"))
    a = process(a, tuple(st for st in STAGES if st.name.split(".")[0] == "quotes"))
    said = {q["cue"]: q["speaker"] for q in a.quotes}
    assert said["menekankan"]["name"] == "Rodrigo Duterte"
    assert said["menyarankan"]["name"] == "Rodrigo Duterte"
    assert said["menyarankan"]["role"] != "Ini bukan pertama kalinya"


def test_a_speakers_role_goes_on_past_pada_to_the_name_that_closes_it() -> None:
    from kronik.pipeline import STAGES, process

    a = Article(
        source="x",
        title="t",
        language="id",
        published="2025-09-06",
        paragraphs=[
            '"Kami mengelola media sosial kejaksaan," kata Kabid Hubungan Media dan Kehumasan pada Puspenkum '
            "Kejagung RI Irwan Datuiding, Sabtu (6/9/2025).",
            '"Kampus tidak menolerir kekerasan," kata Suharnomo di Muladi Dome, Jumat (17/10).',
            '"Itu jadi beban tersendiri buat saya," kata Bu Titik lagi.',
        ],
    )
    a = process(a, tuple(st for st in STAGES if st.name.split(".")[0] in ("entities", "times", "quotes")))
    assert [q["speaker"]["name"] for q in a.quotes] == ["Irwan Datuiding", "Suharnomo", "Bu Titik"]


def test_a_person_from_a_body_named_before_the_body_after_a_comma() -> None:
    a = _article(
        [
            "Budi Santoso dari Lembaga Kajian Hukum, Pengurus Besar Serikat Tani Nasional (LKH-PBSTN) "
            "menyatakan, pemerintah harus menolak rencana itu."
        ]
    )
    (q,) = [q for q in a.quotes if not q["direct"]]
    assert q["speaker"]["name"] == "Budi Santoso"


def test_a_sentence_glued_to_the_last_and_a_nickname_after_the_name() -> None:
    a = _run(
        [
            "Menteri Sosial Saifullah Yusuf (Gus Ipul) mengatakan bantuan sosial mulai tepat sasaran.",
            "Hal itu ia sampaikan usai rapat di Istana, Senin (20/10).Ia menjelaskan data kini terpadu.",
        ],
        "2025-10-21",
    )
    first, second = a.quotes
    assert first["speaker"]["name"] == "Saifullah Yusuf"
    assert (
        first["speaker"]["role"] == "Menteri Sosial"
    )  # before the first of his names, not "Saifullah Yusuf ("
    assert second["text"].startswith("data kini terpadu")
    assert second["speaker"]["name"] == "Saifullah Yusuf"  # "Ia", not "Senin (20/10).Ia"


def test_a_role_with_a_bracketed_short_form_and_the_role_alone_name_the_person() -> None:
    a = _run(
        [
            '"Warga desa pasti mencari kerja di kota," kata Kepala Dinas Sosial (Dinsos) Kota Mataram, '
            "Rudi Hartono saat ditemui, Kamis (7/8/2025).",
            "Bupati Ogan Komering Ilir (OKI) Andi Pratama menanggapi penangkapan itu.",
            '"Ini bukti koordinasi antarlembaga berjalan efektif," ujar Bupati.',
        ],
        "2025-08-08",
    )
    first, *_, last = [q for q in a.quotes if q["direct"]]
    assert first["speaker"]["name"] == "Rudi Hartono"  # the phrase goes on past "(Dinsos)"
    assert last["speaker"]["name"] == "Andi Pratama"  # "ujar Bupati": the one Bupati named


def test_an_organisation_speaks_under_the_name_its_phrase_prints() -> None:
    a = _run(
        [
            "Peneliti menyebut Indonesia Corruption Watch (ICW) rutin memantau kasus korupsi.",
            "Menurut ICW, sikap presiden atas revisi undang-undang itu sangat mengecewakan.",
        ],
        "2019-09-10",
    )
    (q,) = [q for q in a.quotes if q["text"].startswith("sikap presiden")]
    assert q["speaker"]["name"] == "ICW"


def test_the_medium_a_government_spoke_through_is_no_part_of_the_speaker() -> None:
    a = _run(
        [
            "Pemerintah Belgia dalam sebuah pernyataan kemudian menuturkan bahwa ucapan menteri itu pendapat pribadi."
        ],
        "2019-09-10",
    )
    (q,) = a.quotes
    assert q["speaker"]["role"] == "Pemerintah Belgia" and "pernyataan" not in (
        q["speaker"].get("descriptor") or ""
    )


def test_a_name_before_yang_an_epithet_with_a_relative_clause_a_mother_and_a_glued_comma() -> None:
    a = _run(
        [
            'Keluarga menangis. "Maafin saya ya Bu," ucap salah satu terdakwa sambil mencium tangan ibunya. '
            '"Iya, yang tabah ya Nak," jawab sang ibu di ruang pengadilan.',
            "Tangis kebahagiaan juga ditunjukkan Entin yang mengaku bersyukur karena vonis sudah dibacakan.",
            "Asops KSAL Laksamana Muda Didik Setiyono mengatakan, ancaman di selat itu nyata.",
            "“Oleh karena itu, Indonesia perlu mengambil langkah antisipasi,” katanya,Di antaranya dari sisi "
            "kedaulatan maritim.",
        ],
        "2019-09-17",
    )
    who = {q["text"][:12]: q["speaker"]["name"] for q in a.quotes}
    assert who["Maafin saya "] == "salah satu terdakwa" and who["Iya, yang ta"] == "sang ibu"
    assert who["bersyukur ka"] == "Entin"
    assert who["Oleh karena "] == "Didik Setiyono"


def test_a_cue_after_an_opening_adverb_and_a_name_with_no_comma_after_it() -> None:
    a = _run(
        [
            "Direktur Eksekutif Walhi Riau, Riko Kurniawan mengatakan, rencana tersebut baik dilakukan.",
            "Sayangnya kata dia, hingga hari ini itu belum dilakukan.",
            "Untuk itu lanjut Riko, pengawasan hukum terkait pembakaran hutan itu harus dilakukan secara simultan.",
        ],
        "2019-09-17",
    )
    got = {q["text"][:14]: (q["cue"], q["speaker"]["name"]) for q in a.quotes}
    assert got["hingga hari in"] == ("kata", "Riko Kurniawan")
    assert got["pengawasan huk"] == ("lanjut", "Riko Kurniawan")


def test_an_office_with_an_ordinal_is_the_holder_already_named() -> None:
    a = _run(
        [
            "Presiden AS Donald Trump menyatakan perundingan dengan kelompok itu sudah berakhir.",
            "Presiden ke-45 dalam sejarah AS itu menyatakan serangan kepada gerilyawan kembali sengit.",
            "Presiden ke-45 dalam sejarah AS menyatakan pasukan akan tetap bertahan.",
        ],
        "2019-09-10",
    )
    assert {q["speaker"]["name"] for q in a.quotes} == {"Donald Trump"}


def test_a_name_then_a_comma_and_a_role_is_the_speaker_not_the_body_in_the_role() -> None:
    a = _article(
        [
            "Di lain kesempatan, Hendropriyono, Mantan Kepala BIN menyatakan bahwa pemilihan menteri adalah hak "
            "prerogatif presiden."
        ]
    )
    (q,) = a.quotes
    assert q["speaker"]["name"] == "Hendropriyono" and q["speaker"]["role"] == "Mantan Kepala BIN"


def test_a_speaker_after_sekaligus_or_two_connectors_and_an_english_organisation_in_the_role() -> None:
    a = _run(
        [
            "Sekjen PPP Arsul Sani mengatakan capim sulit terpilih.",
            "Ia sekaligus memastikan bahwa sikap capim bukan pertimbangan dominan.",
            "Namun yang pasti menurut Arsul, partainya tidak setuju revisi yang melemahkan KPK.",
            "Menurut Ary Ginanjar Agustian, yang juga CEO ESQ Leadership Training Center, mengatakan bahwa bangsa "
            "perlu kecerdasan emosional.",
            "National Oceanic and Atmospheric Administration mengatakan gas metana terus naik.",
        ],
        "2019-09-10",
    )
    speakers = [(q["speaker"] or {}).get("name") for q in a.quotes]
    assert speakers == [
        "Arsul Sani",
        "Arsul Sani",  # "Ia sekaligus": the pronoun, an adverb after it
        "Arsul Sani",  # "Namun yang pasti menurut …,": two connectors before the cue
        "Ary Ginanjar Agustian",  # the centre in his role is an organisation, no person
        "National Oceanic and Atmospheric Administration",  # the English name whole, past its "and"
    ], speakers


def test_closing_and_remembering_verbs_after_a_quote_name_its_speaker() -> None:
    a = _run(
        [
            "Ketua MPR Bambang Soesatyo hadir dalam acara itu.",
            '"Kita tidak boleh membiarkan demokrasi dikendalikan modal," tutup Bambang.',
            '"Saya masih ingat hari itu," kenangnya.',
        ],
        "2025-10-20",
    )
    assert [(q["direct"], (q["speaker"] or {}).get("name")) for q in a.quotes] == [
        (True, "Bambang Soesatyo"),
        (True, "Bambang Soesatyo"),
    ]


def test_an_aide_named_before_his_chiefs_title_and_a_minister_called_by_his_office() -> None:
    a = _run(
        [
            "Tito memastikan program pusat sampai ke warga. Senada, Yohanes Wenda, Staf Khusus Presiden Jokowi "
            "Bidang Papua, meminta warga tetap tenang.",
            '"Jangan mudah terpancing kabar bohong," kata dia.',
            "Hal itu ditegaskan Mendagri Tito Karnavian di Jayapura. Mendagri juga meminta jajarannya "
            "memeriksa anggaran daerah.",
            '"Kiai Hasyim berpesan agar santri tetap belajar," ujar Kiai Hasyim.',
            "Ketua PBNU KH Hasyim Muzadi Ramli hadir dalam acara itu.",
        ],
        "2019-10-25",
    )
    speakers = [(q["direct"], (q["speaker"] or {}).get("name")) for q in a.quotes]
    assert speakers == [(True, "Yohanes Wenda"), (False, "Tito Karnavian"), (True, "Hasyim Muzadi Ramli")]
    people = {e["name"] for e in a.entities if e["type"] == "PER"}
    assert "Tito Karnavian" in people and len([e for e in a.entities if e["name"] == "Tito Karnavian"]) == 1
    assert "Kiai Hasyim" not in people  # what santri call him: the same man as KH Hasyim Muzadi Ramli


def test_kata_opening_a_sentence_a_verb_without_prefix_and_an_appeal_that_holds_a_bahwa() -> None:
    a = _run(
        [
            "Ketua PBNU Robikin Emhas hadir di sana.",
            "Menurut dia, aturan itu lahir dari budaya kita. Katanya, aturan itu juga sudah lama dibahas.",
            "Robikin mengimbau kepada seluruh warga untuk tidak termakan opini bahwa aturan itu melemahkan desa.",
        ],
        "2019-09-19",
    )
    texts = [(q["direct"], q["text"], (q["speaker"] or {}).get("name")) for q in a.quotes]
    assert (False, "aturan itu lahir dari budaya kita.", "Robikin Emhas") in texts
    assert (False, "aturan itu juga sudah lama dibahas.", "Robikin Emhas") in texts
    assert any(t.startswith("kepada seluruh warga untuk") for _d, t, _s in texts)
