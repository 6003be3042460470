"""Events, their dates and modality, and the timeline over the store (texts written for these tests)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kronik.cli import app
from kronik.corpus import extract
from kronik.data import Article
from kronik.ner.train import MODEL_DIR
from kronik.store import Store

from .conftest import need_shared

pytestmark = pytest.mark.skipif(
    not (MODEL_DIR / "meta.json").exists(), reason="no trained NER model in the package"
)

PAGE = """Rusia dan Belarus Sepakat Perluas Latihan

Sabtu, 14 Januari 2023 10:00 WIB
Penulis: Rina Lestari

MINSK, CONTOH.COM - Rusia dan Belarus sepakat untuk memperluas kerja sama militer, kata kantor berita Belta pada Sabtu.

Moskow dan Minsk berencana mengadakan latihan militer bersama di Belarus minggu depan.

Rusia menginvasi Ukraina pada 24 Februari 2022.

Presiden Belarus Alexander Lukashenko membantah tuduhan bahwa wilayahnya dipakai untuk menyerang Kyiv.

Pada 10 Juni, Lukashenko memperingatkan Belarus mungkin terpaksa berperang jika NATO menyerang.

Ukraina akan membalas apabila Belarus menyerang, kata seorang analis.

Baca juga: Ukraina Menyerang Moskow dengan Drone
"""


@pytest.fixture(scope="module")
def art(tmp_path_factory) -> Article:
    p = tmp_path_factory.mktemp("ev") / "events.txt"
    p.write_text(PAGE, encoding="utf-8")
    (a,) = [x for x in extract([str(p)]) if isinstance(x, Article)]
    return a


def _find(art: Article, type_: str, actor: str) -> dict:
    hits = [e for e in art.events if e["type"] == type_ and e["actor"]["name"] == actor]
    assert len(hits) == 1, (type_, actor, [(e["type"], e["actor"]["name"]) for e in art.events])
    return hits[0]


def test_acts_with_actor_recipient_date_and_modality(art):
    e = _find(art, "AGREE", "Rusia")
    assert e["target"]["name"] == "Belarus" and e["modality"] == "asserted"
    e = _find(art, "MOBILIZE", "Rusia")  # Moskow stands for Rusia
    assert e["actor"]["agent"] == "Moskow" and e["partner"]["name"] == "Belarus"
    assert e["modality"] == "planned" and e["date"]["value"] == "2023-01-16/2023-01-22"
    assert e["location"] == "Belarus"
    e = _find(art, "ASSAULT", "Rusia")
    assert e["target"]["name"] == "Ukraina" and e["date"]["value"] == "2022-02-24"


def test_speech_events(art):
    e = _find(art, "DENY", "Alexander Lukashenko")
    assert e["modality"] == "asserted"
    e = _find(art, "THREATEN", "Alexander Lukashenko")
    assert e["modality"] == "conditional" and e["date"]["value"].startswith("2022-06-10")


def test_what_is_not_an_event(art):
    # the condition "apabila Belarus menyerang", the denied attack, the related headline
    assert not [e for e in art.events if e["type"] == "ASSAULT" and e["actor"]["name"] != "Rusia"]
    assert all(e["evidence"]["start"] < len(art.body) for e in art.events)
    assert all("Drone" not in e["evidence"]["text"] for e in art.events)


def test_timeline_cli(art, tmp_path):
    db = tmp_path / "k.db"
    with Store(db) as store:
        store.upsert(art)
        store.commit()
    r = CliRunner().invoke(app, ["timeline", "--db", str(db), "--actor", "Rusia", "--format", "jsonl"])
    assert r.exit_code == 0, r.output
    rows = [json.loads(line) for line in r.output.splitlines()]
    dated = [x["date_value"] for x in rows if x["date_value"]]
    assert dated == sorted(dated) and dated[0] == "2022-02-24"
    r = CliRunner().invoke(
        app, ["timeline", "--db", str(db), "--between", "2023-01-01", "2023-12-31", "--format", "csv"]
    )
    assert r.exit_code == 0 and "MOBILIZE" in r.output and "ASSAULT" not in r.output
    graph = tmp_path / "pairs.graphml"
    r = CliRunner().invoke(app, ["timeline", "--db", str(db), "--format", "pairs", "--graphml", str(graph)])
    assert r.exit_code == 0 and "<graphml" in graph.read_text()


def test_article_without_dates_and_impossible_ones():
    a = Article(
        source="x",
        title="t",
        language="id",
        paragraphs=["Polisi menangkap Budi Santoso pada 31 Februari 2023."],
    )
    from kronik.pipeline import STAGES, process

    a = process(
        a,
        tuple(
            st
            for st in STAGES
            if st.name.split(".")[0] in ("entities", "times", "quotes", "claims", "events")
        ),
    )
    assert any("impossible date" in w for w in a.warnings)
    assert all(e["date"] is None for e in a.events)


def test_seeds_events():
    from kronik.eval.events import evaluate_events

    shared = need_shared()
    sc = evaluate_events(shared / "gold" / "seeds.gold.json", shared)
    assert sc.found >= 9 and sc.modality_right == sc.found and sc.precision >= 0.9, sc.misses


def test_passive_act_with_named_agent():
    from kronik.pipeline import STAGES, process

    a = Article(source="x", title="t", language="id", published="2025-10-20",
                paragraphs=["Tersangka Budi Santoso ditahan oleh KPK pada Senin (20/10/2025).", "Ia ditahan di rumah."])  # fmt: skip
    a = process(
        a, tuple(st for st in STAGES if st.name.split(".")[0] in ("entities", "times", "quotes", "events"))
    )
    (e,) = a.events  # the second, agentless "ditahan" makes no event
    assert (e["type"], e["actor"]["name"], e["target"]["name"], e["date"]["value"]) == (
        "COERCE",
        "KPK",
        "Budi Santoso",
        "2025-10-20",
    )


def test_claims_reminders_and_disbelief_are_no_events() -> None:
    from kronik.pipeline import STAGES, process

    paragraphs = [
        "Presiden Budi Santoso mengklaim bahwa ekonomi Indonesia tumbuh pesat tahun ini.",
        "Budi Santoso juga mengingatkan bahwa para pejabat harus menjaga integritas.",
        '"Saya tidak pernah menyangka akan melihat ini," ujar Budi Santoso, Senin (13/1/2025).',
        '"Saya tidak tahu mengapa mereka menolak bantuan kami," imbuh Budi Santoso.',  # puzzlement, no denial
    ]
    a = Article(source="x", title="t", language="id", published="2025-01-14", paragraphs=paragraphs)
    a = process(
        a, tuple(st for st in STAGES if st.name.split(".")[0] in ("entities", "times", "quotes", "events"))
    )
    assert len(a.quotes) >= 2 and all(q["speaker"]["name"] == "Budi Santoso" for q in a.quotes)
    assert a.events == []


def test_an_official_who_voices_an_institution_acts_for_it() -> None:
    from kronik.stages.events import institution_of

    assert institution_of("Kapolda Sumut") == "Polda Sumut"
    assert institution_of("Kabid Humas Polda Sumut Kombes") == "Polda Sumut"
    assert institution_of("KSAD Jenderal") == "TNI AD" and institution_of("Panglima TNI") == "TNI"
    assert institution_of("Kepala Bidang Humas Polda Jawa Timur Komisaris Besar Polisi") == "Polda Jawa Timur"
    assert institution_of("Kapuspen TNI") == "TNI"
    assert institution_of("Presiden Rusia") is None


def test_a_city_or_a_street_crowd_is_no_state_actor() -> None:
    from kronik.pipeline import STAGES, process

    a = Article(
        source="x",
        title="t",
        language="id",
        published="2025-10-20",
        paragraphs=[
            "Ribuan warga Peru berunjuk rasa di Lima pada Senin (20/10/2025).",
            "Semarang menggelar aksi di depan balai kota pada Senin (20/10/2025).",
        ],
    )
    a = process(
        a, tuple(st for st in STAGES if st.name.split(".")[0] in ("entities", "times", "quotes", "events"))
    )
    assert [e for e in a.events if e["type"] == "PROTEST"] == []


def _run(paragraphs: list[str], published: str = "2025-10-22") -> Article:
    from kronik.pipeline import STAGES, process

    a = Article(source="x", title="t", language="id", published=published, paragraphs=paragraphs)
    return process(
        a, tuple(st for st in STAGES if st.name.split(".")[0] in ("entities", "times", "quotes", "events"))
    )


def test_a_recap_sentence_dates_what_was_said_and_done_before_it() -> None:
    a = _run(
        [
            "Presiden Budi Santoso meminta para penegak hukum serius menangani korupsi. Budi Santoso menegaskan "
            "tak ada pihak yang kebal hukum.",
            "Hal itu diungkap Budi Santoso dalam sidang kabinet di Istana Negara, Jakarta, Senin (20/10) lalu.",
        ]
    )
    assert [q["said_on"]["value"] for q in a.quotes if q["cue"] == "menegaskan"] == ["2025-10-20"]
    (req,) = [e for e in a.events if e["type"] == "REQUEST"]
    assert req["actor"]["name"] == "Budi Santoso" and req["date"]["value"] == "2025-10-20"


def test_a_state_referred_to_as_that_country_and_a_relative_clause() -> None:
    a = _run(
        [
            "Belarus sebelumnya mengatakan akan turun tangan untuk mendukung Rusia.",
            "Negara itu juga melepaskan status netralnya tak lama setelah invasi Rusia ke Ukraina.",
            "Presiden Amerika Serikat Joe Biden memuji Indonesia yang hendak mengirim bantuan ke Gaza.",
        ],
        published="2023-01-14",
    )
    (change,) = [e for e in a.events if e["type"] == "CHANGE_POLICY"]
    assert change["actor"]["name"] == "Belarus" and change["date"]["value"] == "2022-02"
    assert not [e for e in a.events if e["type"] == "AID"]  # Indonesia's plan is told in a relative clause


def test_a_warning_without_a_threat_is_no_threat() -> None:
    a = _run(
        [
            "Juru bicara UNRWA Adnan Abu Hasna memperingatkan bahwa ratusan ribu pengungsi masih hidup di tempat "
            "terbuka, Sabtu (18/10/2025).",
            "Menteri Pertahanan Rusia Sergei Shoigu memperingatkan bahwa Rusia akan membalas serangan itu, Sabtu "
            "(18/10/2025).",
        ]
    )
    assert [e["actor"]["name"] for e in a.events if e["type"] == "THREATEN"] == ["Sergei Shoigu"]


def test_a_ministry_named_with_its_state_acts_as_that_state_and_no_comment_is_no_refusal() -> None:
    a = _run(
        [
            "Kementerian Luar Negeri China membantah tuduhan itu pada Senin (20/10). Badan intelijen Australia "
            "menolak berkomentar.",
            "Parlemen mengancam kebebasan pers, kata aktivis.",
        ]
    )
    ents = {e["name"] for e in a.entities}
    assert "Kementerian Luar Negeri Rusia" not in ents  # "China" is no misspelling of "Rusia"
    assert not [e for e in a.events if e["type"] == "REJECT"]
    assert not [e for e in a.events if e["type"] == "THREATEN"]  # it endangers; it threatens no one


def test_what_an_accusation_alleges_is_not_an_act_of_the_accuser() -> None:
    a = _run(
        ["Para pejabat Afghanistan menuduh militer Pakistan menembakkan artileri ke wilayah Afghanistan."]
    )
    assert not [e for e in a.events if e["type"] == "ASSAULT"]


def test_a_verbal_attack_is_an_accusation_and_an_offer_is_an_agreement() -> None:
    a = _run(
        [
            "Budi Santoso dengan keras menyerang pendukung Partai Hijau karena mendukung undang-undang itu.",
            "Pemerintah Indonesia telah menawarkan untuk mengirim pasukan penjaga perdamaian ke Gaza.",
        ]
    )
    types = sorted(e["type"] for e in a.events)
    assert "ASSAULT" not in types and "ACCUSE" in types
    assert "AGREE" in types and "MOBILIZE" not in types  # what is offered is part of the offer


def test_a_year_naming_a_deal_dates_no_act_and_a_medium_or_holding_rates_is_no_act() -> None:
    a = _run(
        [
            "Presiden Iran Hassan Rouhani mengecam Donald Trump yang menarik diri dari kesepakatan nuklir 2015.",
            "The Fed menahan suku bunga acuan. Dalam tur bersama pemerintah, BBC mengunjungi empat lokasi.",
        ],
        published="2019-09-16",
    )
    assert "Hassan Rouhani" in {
        e["name"] for e in a.entities
    }  # the state before a full name is no first name
    assert not [e for e in a.events if (e.get("date") or {}).get("value") == "2015"]
    assert not [e for e in a.events if e["type"] == "COERCE"]
    assert not [e for e in a.events if e["actor"]["name"] == "BBC"]


def test_a_launch_that_hits_nothing_is_a_show_of_force_and_what_a_speaker_suggests_is_no_act() -> None:
    a = _run(
        [
            "Korea Utara menembakkan dua proyektil ke laut pada Selasa (10/9).",
            "Donald Trump mengisyaratkan bahwa Hassan Rouhani akan bertemu dengannya di Majelis Umum PBB.",
        ],
        published="2019-09-11",
    )
    types = [e["type"] for e in a.events]
    assert "MOBILIZE" in types and "ASSAULT" not in types
    assert "CONSULT" not in types  # suggested by Trump, not done by Rouhani


def test_the_people_of_a_state_wishes_and_the_dates_of_relative_clauses() -> None:
    a = _run(
        [
            "Banyak warga Irak menyalahkan konstitusi saat ini.",
            "Menurut dia, Angela Merkel seharusnya bisa lebih tegas menyerukan pemilu bebas.",
            "Ade Herlanda meminta bertemu dengan Adi Susanto.",
            "Presiden Budi Santoso mengecam undang-undang itu, yang disahkan pada 2005.",
        ],
        published="2019-10-25",
    )
    assert not [e for e in a.events if e["actor"]["name"] == "Irak"]
    assert not [
        e for e in a.events if e["type"] == "CONSULT"
    ]  # a meeting asked for is a request, not a meeting
    assert not [e for e in a.events if e["actor"]["name"] == "Angela Merkel"]  # what she should have done
    assert not [e for e in a.events if (e.get("date") or {}).get("value") == "2005"]


def test_a_leader_arriving_in_another_state_visits_it_and_criticism_is_an_accusation() -> None:
    a = _run(
        [
            "Presiden Prabowo Subianto tiba di Pakistan pada Senin (8/12/2025). Bantuan itu tiba di Medan.",
            "Hidayat Nur Wahid mengecam Israel yang membunuh ratusan atlet Gaza.",
        ],
        published="2025-12-08",
    )
    consult = [e for e in a.events if e["type"] == "CONSULT"]
    assert [(e["actor"]["name"], e["date"]["value"]) for e in consult] == [("Prabowo Subianto", "2025-12-08")]
    assert [e["actor"]["name"] for e in a.events if e["type"] == "ACCUSE"] == ["Hidayat Nur Wahid"]


def test_meeting_no_one_and_a_decision_in_a_relative_clause_are_no_acts() -> None:
    a = _run(
        [
            "Setiap rencana Amerika Serikat melawan Iran akan menemui pembalasan.",
            "Budi Santoso mencontohkan sosok Ani Wijaya yang memutuskan mundur dari jabatan wakil ketua.",
        ],
        published="2019-09-20",
    )
    assert not [e for e in a.events if e["type"] in ("CONSULT", "CONCEDE", "RETREAT")]


def test_a_meeting_in_a_game_is_play() -> None:
    a = _run(["Di semifinal, runner-up Singapore Open itu kembali bertemu wakil India, Sai Praneeth."])
    assert not [e for e in a.events if e["type"] == "CONSULT"]


def test_an_apology_is_no_request_and_an_examination_is_an_investigation() -> None:
    a = _run(
        [
            "Budi Santoso meminta maaf kepada para guru.",
            "Kejaksaan Tinggi (Kejati) Lampung memeriksa mantan Gubernur Lampung Arinal Djunaidi.",
        ],
        published="2025-09-05",
    )
    assert [e["type"] for e in a.events if e["actor"]["name"] == "Budi Santoso"] == ["CONCEDE"]
    assert [(e["type"], e["actor"]["name"]) for e in a.events if e["type"] != "CONCEDE"] == [
        ("ACCUSE", "Kejaksaan Tinggi Lampung")  # the short form printed once: the full name
    ]


def test_schoolmates_act_not_the_person_named_and_an_officer_acts_for_the_agency() -> None:
    a = _run(
        [
            "Para adik kelas Rudi Hartono menggelar aksi di halaman sekolah.",
            "Plt Deputi Penindakan KPK Asep Guntur Rahayu menahan tiga tersangka di Jakarta.",
        ],
        published="2025-10-20",
    )
    assert not [e for e in a.events if e["type"] == "PROTEST"]  # the schoolmates, unnamed
    (held,) = [e for e in a.events if e["type"] == "COERCE"]
    assert held["actor"]["name"] == "KPK" and held["actor"]["agent"] == "Asep Guntur Rahayu"


def test_refusing_to_say_is_no_rejection_and_a_name_with_anak_is_no_child() -> None:
    a = _run(
        [
            "Pentagon menolak mengatakan apakah akan ada aset militer tambahan.",
            "Ketua Yayasan Lentera Anak Lisda Sundar mengapresiasi langkah pemerintah.",
        ],
        published="2019-09-20",
    )
    assert not [e for e in a.events if e["type"] == "REJECT"]
    # the chair speaks for the foundation; "Anak" in its name makes no one a child
    assert [(e["actor"]["name"], e["actor"].get("agent")) for e in a.events if e["type"] == "SUPPORT"] == [
        ("Yayasan Lentera Anak", "Lisda Sundar")
    ]


def test_a_plea_for_prayers_is_no_demand_and_a_nickname_names_the_minister() -> None:
    a = _run(
        [
            "Kepala sekolah Ani Wijaya meminta doa dan dukungan agar kasus segera selesai.",
            "Gus Ipul meminta Teddy agar turut terlibat dalam komisi etik.",
        ]
    )
    assert [(e["type"], e["actor"]["name"]) for e in a.events] == [("REQUEST", "Saifullah Yusuf")]


def test_an_arrest_told_without_its_agent_is_the_agency_of_the_story() -> None:
    a = _run(
        [
            "Seorang kepala sekolah berinisial M ditetapkan sebagai tersangka. Pelaku langsung ditahan untuk "
            "penyidikan lebih lanjut.",
            "Kasat Reskrim Polres Mamuju AKP Budi Santoso mengatakan pelaku ditahan di Rutan Polres Mamuju sejak Senin "
            "(20/10).",
            "Sementara itu, tiga orang yang ditahan karena demonstrasi bulan lalu tidak ditahan lagi.",
        ]
    )
    coerce = [e for e in a.events if e["type"] == "COERCE"]
    assert coerce and {e["actor"]["name"] for e in coerce} == {"Polres Mamuju"}
    # the relative clause and the negation add no event (a denied mention would make the merged one denied)
    assert {e["modality"] for e in coerce} <= {"asserted", "reported"}


def test_kalau_after_a_verb_of_knowing_is_no_condition() -> None:
    a = _run(
        [
            "Dalam mobil itu terungkap kalau Andi Saputra sudah ditetapkan tersangka di Polda Riau pada 28 Agustus.",
        ]
    )
    (ev,) = [e for e in a.events if e["type"] == "COERCE"]
    assert ev["actor"]["name"] == "Polda Riau" and ev["modality"] == "asserted"


def test_the_day_a_press_release_came_in_does_not_date_the_event() -> None:
    a = _run(
        [
            "Indonesia dan Australia menjajaki kerja sama produk halal. Kegiatan ini berlangsung di Melbourne pada 10 "
            "Juli 2025.",
            "Dari keterangan tertulis yang diterima redaksi, Minggu (13/7/2025), pihak Australia menyatakan dukungan "
            "terhadap ketahanan pangan Indonesia.",
        ],
        published="2025-07-13",
    )
    (ev,) = [e for e in a.events if e["type"] == "SUPPORT"]
    assert ev["actor"]["name"] == "Australia" and ev["date"]["value"] == "2025-07-10"


def test_a_unit_named_after_the_passive_acts_and_a_regional_unit_before_the_force() -> None:
    a = _run(
        [
            "Kasus itu ditangani Polri bersama Polda Riau. Pelaku kini telah ditangkap Polres Kampar Timur.",
            "Tim Inafis mengamankan barang bukti. Rekan pelaku juga sudah diamankan.",
            "Seorang penadah kini ditahan di Rutan Polsek Bangkinang.",
            "Sementara itu, peran aktif Menlu RI dalam mendukung perdamaian dipuji.",
        ]
    )
    actors = {e["actor"]["name"] for e in a.events if e["type"] == "COERCE"}
    assert {"Polres Kampar Timur", "Polsek Bangkinang"} <= actors and "Polri" not in actors
    assert not [e for e in a.events if e["type"] == "SUPPORT"]  # a role described, no act


def test_an_act_inside_reported_speech_is_its_own_subjects_and_a_refused_meeting_is_a_refusal() -> None:
    a = _run(
        [
            "Wakil Presiden Amerika Serikat (AS) Mike Pence menolak untuk bertemu dengan pemimpin Kepulauan Solomon.",
            "Seorang pejabat senior pemerintah AS mengatakan Perdana Menteri Solomon Manasseh Sogavare telah meminta "
            "Pence untuk mengadakan pertemuan sejak Juli lalu.",
            "Kementerian Luar Negeri Iran mengatakan Presiden Iran Hassan Rouhani tidak akan bertemu dengan Presiden "
            "AS Donald Trump.",
            "Dia memperingatkan ekspektasi Korut untuk bisa berdialog dengan Washington menghilang.",
        ]
    )
    kinds = [(e["type"], e["actor"]["name"]) for e in a.events]
    assert ("REJECT", "Mike Pence") in kinds  # the entity stage finds him after the short form "(AS)"
    assert ("REQUEST", "Manasseh Sogavare") in kinds
    assert ("REJECT", "Hassan Rouhani") in kinds
    assert not [k for k in kinds if k[0] == "CONSULT"]  # refused, asked for or hoped for: no meeting


def test_police_named_by_their_trade_act_for_the_unit_of_the_story() -> None:
    a = _run(
        [
            "Polisi menangkap dua pria pemalak pengendara mobil di Jakarta Barat.",
            "Kedua tersangka ditangkap pada Senin (20/10/2025), kata Kepala Unit Kriminal Umum Polres Metro Jakarta "
            "Barat, Iptu Dimitri Mahendra. Polres Jakbar juga mengunggah videonya.",
            "Pada saat akan ditangkap, kedua pelaku berusaha melawan petugas.",
        ],
        published="2025-10-22",
    )
    (org,) = [e for e in a.entities if e["name"] == "Polres Metro Jakarta Barat"]
    assert "Polres Jakbar" in {m["text"] for m in org["mentions"]}  # one unit, full and short
    (ev,) = [e for e in a.events if e["type"] == "COERCE"]
    assert ev["actor"]["name"] == "Polres Metro Jakarta Barat"
    assert ev["date"]["value"] == "2025-10-20" and ev["modality"] == "asserted"  # not "planned"


def test_units_split_from_places_and_people_and_not_denying_is_no_denial() -> None:
    a = _run(
        [
            "Kanit Reskrim Polsek Sako Iptu Apriansyah mengatakan SR sudah ditahan.",
            "Kasat Reskrim Polrestabes Palembang AKBP Andrie Setiawan tak menampik kabar tersebut.",
        ]
    )
    names = {(e["name"], e["type"]) for e in a.entities}
    assert ("Polsek Sako", "ORG") in names and ("Apriansyah", "PER") in names
    assert not [e for e in a.events if e["type"] == "DENY"]


def test_a_name_after_kepada_is_asked_not_asking() -> None:
    # a letter's sender lost to a dropped link, then "kepada <the president> untuk meminta": the president
    # is asked, he makes no request
    from kronik.eval.extraction import extract_records

    shared = need_shared()
    (rec,) = extract_records([str(shared / "data/click-id/raw_articles.jsonl#4645")], shared)
    assert not [e for e in rec["events"] if e["actor"]["name"] == "Joko Widodo" and e["type"] == "REQUEST"]


def test_an_agency_head_acts_for_the_agency_and_a_foreign_minister_for_the_state() -> None:
    a = _run(
        [
            "Kepala Dinas Lingkungan Hidup (DLH) Kalteng Joni Saputra meminta warga tidak membakar lahan.",
            "Menteri Luar Negeri AS Mike Pompeo menuding Iran berada di balik serangan itu.",
        ],
        published="2019-09-16",
    )
    (asked,) = [e for e in a.events if e["type"] == "REQUEST"]
    assert (
        asked["actor"]["name"] == "Dinas Lingkungan Hidup Kalteng"
        and asked["actor"]["agent"] == "Joni Saputra"
    )
    (accused,) = [e for e in a.events if e["type"] == "ACCUSE"]
    assert accused["actor"]["name"] == "Amerika Serikat" and accused["actor"]["agent"] == "Mike Pompeo"


def test_an_organisation_acts_under_its_short_form_and_a_purpose_is_no_act() -> None:
    a = _run(
        [
            "Dewan Kehormatan Penyelenggara Pemilu (DKPP) memutuskan mencopot Budi Santoso dari jabatannya.",
            "Putusan DKPP itu dibacakan di Jakarta. Gerai itu juga dimaksudkan untuk membantu para pengemudi ojek.",
        ],
        published="2025-10-07",
    )
    orgs = [e for e in a.entities if e["type"] == "ORG"]
    assert [e["name"] for e in orgs].count("Dewan Kehormatan Penyelenggara Pemilu") == 1
    assert "DKPP" not in [e["name"] for e in orgs]  # the short form is a mention of the same body
    (fired,) = [e for e in a.events if e["type"] == "SANCTION"]
    assert fired["actor"]["name"] == "DKPP"
    assert not [e for e in a.events if e["type"] == "AID"]


def test_an_acronym_the_article_uses_names_the_body_and_neither_a_purpose_nor_anothers_act_is_done() -> None:
    a = _run(
        [
            "Puluhan massa dari Himpunan Pelajar Nusantara menggelar aksi unjuk rasa di depan kantor DPRD, Rabu (18/9/2019).",
            '"Kami menolak revisi itu," ujar Bambang, Ketua HPN Cirebon.',
            "Dandim kemudian mempertemukan AKBP Lalu dan Brigjen Subagyo untuk berdamai di hotel itu.",
            "Ketika itu Ryan sedang merekam aksi polisi menangkap provokator massa.",
        ],
        published="2019-09-18",
    )
    (protest,) = [e for e in a.events if e["type"] == "PROTEST"]
    assert protest["actor"]["name"] == "HPN"
    assert not [e for e in a.events if e["type"] in ("AGREE", "COERCE")]


def test_metro_units_of_two_places_stay_apart_and_a_chief_tells_his_own_units_act() -> None:
    a = _run(
        [
            "Tiga orang ditangkap, ujar Kasat Reskrim Polres Metro Jakarta Pusat AKBP Tahan Marpaung, Sabtu (26/10/2019).",
            "Polres Metro Jakarta Pusat akan berkoordinasi dengan Polres Metro Jakarta Barat dalam kasus ini.",
            "Kapolsek Metro Tanah Abang AKBP Lukman Cahyono mengatakan, ketiga orang tersebut sudah ditetapkan sebagai tersangka.",
        ],
        published="2019-10-26",
    )
    units = {e["name"] for e in a.entities if e["type"] == "ORG"}
    assert {"Polres Metro Jakarta Pusat", "Polres Metro Jakarta Barat"} <= units
    named = [e for e in a.events if e["trigger"].startswith("ditetapkan")]
    assert [e["actor"]["name"] for e in named] == ["Polsek Metro Tanah Abang"]
    assert named[0]["actor"]["agent"] == "Lukman Cahyono"


def test_what_is_asked_for_is_part_of_the_request_and_an_appeal_not_to_join_is_a_request() -> None:
    a = _run(
        [
            "Kementerian Energi dan Sumber Daya Mineral (ESDM) telah meminta badan usaha swasta menjalin kerja sama dengan PT Pertamina.",
            "Menteri ESDM Bahlil Lahadalia berbicara di Kementerian ESDM, Rabu (17/9/2025).",
            "Kapolda Sumut Irjen Agus Andrianto mengimbau agar para pelajar tidak mau ikut-ikutan dalam aksi demo tersebut.",
        ],
        published="2025-09-19",
    )
    types = sorted(e["type"] for e in a.events)
    assert "COOPERATE" not in types and "REJECT" not in types
    asked = [e for e in a.events if e["type"] == "REQUEST"]
    assert [e["actor"]["name"] for e in asked][:1] == ["Kementerian ESDM"]
    assert len(asked) == 2


def test_helping_to_do_a_thing_a_brand_and_a_common_noun_are_no_acts_of_aid_or_support() -> None:
    a = _run(
        [
            "Danone Indonesia juga mendukung program pameran pangan yang digelar Kementerian Perdagangan.",
            "Dana tersebut disalurkan untuk mendukung belanja pegawai kementerian.",
            "Brigadir Renita membantu mengonsep basis data kriminal. Andi tidak bisa membantu tetapi tertawa.",
            "Kevin Hendrawan mengunjungi 46 lokasi di seluruh negeri. Shandy menjawab pertanyaan netizen demi membela diri.",
            "Pemerintah Indonesia mendukung Palestina, Senin (20/10/2025). Jepang membantu korban banjir di Filipina.",
        ]
    )
    got = sorted((e["type"], e["actor"]["name"]) for e in a.events)
    assert got == [("AID", "Jepang"), ("SUPPORT", "Indonesia")]


def test_what_a_plea_asks_for_and_who_is_still_held_are_no_acts() -> None:
    a = _run(
        [
            "Para ibu juga mendesak agar Presiden Joko Widodo dan Kapolri Tito Karnavian segera membebaskan "
            "anak-anak mereka, Minggu (13/10/2019).",
            "Mereka menuntut Polda Metro Jaya membuka data pelajar yang masih ditahan.",
        ],
        published="2019-10-13",
    )
    assert not [e for e in a.events if e["type"] in ("RETREAT", "CONCEDE", "COERCE")]


def test_the_police_named_by_trade_are_no_prosecutors_office() -> None:
    a = _run(
        [
            "Kejari Subulussalam menahan Ketua Panwaslih Kota Subulussalam, Selasa (10/9/2019).",
            "Seperti diberitakan sebelumnya, aparat kepolisian menangkap Ketua Panwaslih itu pada Minggu (26/5/2019).",
        ],
        published="2019-09-10",
    )
    assert [e["date"]["value"] for e in a.events if e["actor"]["name"] == "Kejari Subulussalam"] == [
        "2019-09-10"
    ]


def test_an_attack_on_dignity_is_words() -> None:
    a = _run(
        ["Denny Siregar telah menyerang secara brutal harkat dan martabat rakyat Aceh, Kamis (5/9/2019)."]
    )
    assert [e["type"] for e in a.events] == ["ACCUSE"]


def test_acts_asked_of_others_words_about_an_attack_and_a_withdrawn_suit() -> None:
    a = _run(
        [
            "LIPI mendesak Presiden Joko Widodo untuk menolak revisi itu, Rabu (22/10/2025).",
            "Revisi itu dibahas DPR.",
            "Menteri Luar Negeri Iran menyalahkan Amerika Serikat atas serangan ke kilang minyak Sabtu dini hari "
            "(18/10/2025).",
            "Gubernur Anies Baswedan mencabut gugatan kasasi atas putusan pengadilan.",
            "Saat itu, Neneng diajak oleh Sekretaris Dinas PUPR Kabupaten Bekasi untuk bertemu pimpinan DPRD.",
            "Israel kembali menyerang Palestina di tengah gencatan senjata yang berlaku sejak 10 Oktober lalu.",
        ]
    )
    got = {(e["type"], e["actor"]["name"]): e["date"]["value"] for e in a.events}
    assert ("REJECT", "Joko Widodo") not in got  # asked for, not done
    assert not any(t == "CONSULT" for t, _ in got)  # a meeting one was invited to, not one the inviter held
    assert ("REQUEST", "LIPI") in got
    accuse = next(v for (t, _), v in got.items() if t == "ACCUSE")
    assert accuse == "2025-10-22"  # Saturday is the attack's day, not the blaming's
    assert got[("RETREAT", "Anies Baswedan")] == "2025-10-22"  # a withdrawal, as a report withdrawn
    assert got[("ASSAULT", "Israel")] == "2025-10-22"  # after the ceasefire began, not on its first day


def test_a_statement_dated_by_the_same_speaker_going_on_and_not_knowing_who_is_no_denial() -> None:
    a = _run(
        [
            "DPR merevisi undang-undang itu pada 5 Oktober 2025. LIPI mendesak Presiden Budi Santoso menolak "
            'revisi tersebut. "Kami mendesak Presiden agar menolak," ujar Peneliti LIPI Dian Aulia, Selasa '
            "(21/10/2025).",
            '"Kami tidak tahu (kepentingan) siapa di balik RUU ini," tandas Ketua AILA Rita Soebagio.',
        ]
    )
    (req,) = [e for e in a.events if e["type"] == "REQUEST" and e["actor"]["name"] == "LIPI"]
    assert req["date"]["value"] == "2025-10-21"
    assert [e for e in a.events if e["type"] == "DENY"] == []


def test_an_act_told_by_an_official_is_asserted_and_by_an_analyst_or_another_state_reported() -> None:
    a = _run(
        [
            "Kasat Reskrim Polres Mamuju AKP Budi Santoso mengatakan tersangka telah ditahan Polres Mamuju pada "
            "Senin (20/10).",
            "Rudi Hartono, seorang analis keamanan, mengatakan Bupati Mamuju Sutinah Suhardi telah menolak tawaran "
            "itu pada Selasa (21/10).",
            "Kementerian Luar Negeri Ukraina mengatakan Rusia menyerang Kharkiv pada Selasa (21/10).",
        ]
    )
    mods = {(e["type"], e["actor"]["name"]): e["modality"] for e in a.events}
    assert mods.get(("COERCE", "Polres Mamuju")) == "asserted", mods  # the police's own record of its act
    assert mods.get(("REJECT", "Sutinah Suhardi")) == "reported", mods  # an analyst's word on another's act
    assert mods.get(("ASSAULT", "Rusia")) == "reported", mods  # one side's word on the other's act


def test_stopping_an_act_is_not_doing_it() -> None:
    a = _run(
        [
            "Juru bicara Kementerian Luar Negeri China Geng Shuang mengecam langkah itu pada Kamis (16/10).",
            "Dirinya juga meminta AS untuk berhenti mendukung kelompok separatis dan berhenti mendukung setiap "
            "langkah yang merusak stabilitas Hong Kong.",
        ]
    )
    assert not [e for e in a.events if e["type"] == "SUPPORT"]
    assert [q["speaker"]["name"] for q in a.quotes][-1] == "Geng Shuang"  # "Dirinya": the one just named


def test_a_lawyer_acts_for_the_client_the_role_names() -> None:
    a = _run(
        [
            "Terdakwa Budi Santoso tidak hadir dalam sidang di Pengadilan Tipikor Jakarta, Rabu (22/10).",
            "Penasihat hukum Budi Santoso, Maqdir Ismail, meminta sidang untuk ditunda.",
        ]
    )
    (req,) = [e for e in a.events if e["type"] == "REQUEST"]
    assert req["actor"]["name"] == "Budi Santoso" and req["actor"]["agent"] == "Maqdir Ismail"


def test_the_chair_of_a_body_speaks_for_it_a_party_chair_in_his_own_name() -> None:
    a = _run(
        [
            "Ketua PP Muhammadiyah Dadang Kahmad mengimbau warga Muhammadiyah agar tidak berpolitik, Sabtu (26/10).",
            "Ketua NasDem Sumut Iskandar meminta polisi menangkap pelaku pemukulan, Sabtu (26/10).",
        ]
    )
    actors = {(e["actor"]["name"], e["actor"].get("agent")) for e in a.events if e["type"] == "REQUEST"}
    assert actors == {("Muhammadiyah", "Dadang Kahmad"), ("Iskandar", None)}, actors


def test_a_warning_of_what_may_follow_is_no_threat_and_a_budget_year_dates_nothing() -> None:
    a = _run(
        [
            "Dampak negatifnya, kata Kapolda Metro Jaya Gatot Eddy Pramono, dapat memicu konflik dan perang "
            "saudara jika banyak warga terpapar radikalisme.",
            "Juru bicara KPK Febri Diansyah mengatakan Hafisz diperiksa sebagai saksi kasus suap dana perimbangan "
            "APBN-P 2017.",
            "Sebanyak 29 karyawan Gedung Sarinah didakwa ikut membantu perusuh.",
        ]
    )
    assert not [e for e in a.events if e["type"] == "THREATEN"], a.events  # no side's act: a consequence
    dated = [e for e in a.events if (e.get("date") or {}).get("value") == "2017"]
    assert not dated, dated  # "APBN-P 2017" names the budget
    assert ("Gedung Sarinah", "LOC") in {(e["name"], e["type"]) for e in a.entities}  # a building, no person


def test_an_arrest_told_again_with_its_day_takes_that_day() -> None:
    a = _run(
        [
            "Mahdi (24), mahasiswa di Makassar, ditangkap Polrestabes Makassar setelah menggelapkan mobil rental.",
            "Korbannya mencapai puluhan orang yang masih didata.",
            "Mahdi menggadaikan mobil rental itu kepada orang lain.",
            "Kasat Reskrim Polrestabes Makassar AKBP Indraatmoko mengatakan, Polrestabes Makassar meringkus pelaku "
            "di Kecamatan Manggala, Jumat 13 September 2019.",
        ],
        published="2019-09-17",
    )
    (arrest,) = [e for e in a.events if e["type"] == "COERCE"]
    assert arrest["actor"]["name"] == "Polrestabes Makassar" and arrest["date"]["value"] == "2019-09-13"


def test_a_part_of_a_police_unit_acts_as_the_unit_and_an_institution_named_around_its_short_form() -> None:
    a = _run(
        [
            "Direktorat Narkoba Polda Metro Jaya meringkus sindikat pengedar sabu, Selasa (17/9/2019).",
            "Pemerintah Kabupaten (Pemkab) Pidie mengancam akan memecat seorang dokter yang membolos.",
            "Pemkab akan memanggil direktur rumah sakit.",
        ],
        published="2019-09-19",
    )
    actors = {e["type"]: (e["actor"]["name"], e["actor"].get("agent")) for e in a.events}
    assert actors["COERCE"] == ("Polda Metro Jaya", "Direktorat Narkoba Polda Metro Jaya")
    assert actors["THREATEN"][0] == "Pemkab Pidie"


def test_a_threat_of_what_will_be_done_is_asserted_and_a_session_year_dates_no_act() -> None:
    a = _run(
        [
            "Pemkab Pidie mengancam akan memecat seorang dokter spesialis yang membolos.",
            "Dewan Perwakilan Rakyat (DPR) resmi mengesahkan revisi UU Perkawinan dalam rapat paripurna Tahun "
            "sidang 2019-2020.",
        ],
        published="2019-09-19",
    )
    by_type = {e["type"]: e for e in a.events}
    assert by_type["THREATEN"]["modality"] == "asserted"  # "akan" belongs to what is threatened
    assert by_type["CHANGE_POLICY"]["date"]["value"] == "2019-09-19"  # not the session year "2019/2020"


def test_a_division_speaks_for_its_body_withdrawing_a_report_is_retreat_and_a_unit_named_before_a_rank() -> (
    None
):
    a = _run(
        [
            "Ketua MUI Bidang Pemberdayaan Ekonomi Umat Lukmanul Hakim menyarankan Kemendag memasukkan syarat "
            "halal, Senin (16/9/2019).",
            "Hinto Susanto mencabut laporannya di Polda Metro Jaya.",
            '"Keduanya kami tangkap di rumahnya," kata Kapolres Tebing Tinggi, AKBP Sunadi, Sabtu (14/9/2019).',
        ],
        published="2019-09-16",
    )
    actors = {e["type"]: e["actor"]["name"] for e in a.events}
    assert actors.get("REQUEST") == "MUI", a.events
    assert actors.get("RETREAT") == "Hinto Susanto", a.events
    assert all(not e["actor"]["name"].endswith(",") for e in a.events), a.events


def test_a_coordinator_or_representative_acts_for_the_group_and_hoped_for_acts_are_none() -> None:
    a = _run(
        [
            "Ratusan mahasiswa HMI menggelar aksi di depan DPRD Lhokseumawe, Selasa (10/9/2019).",
            "Dalam orasinya, koordinator aksi Muhammad Fadli meminta agar anggota DPRD baru melakukan pengawasan.",
            "Sementara itu perwakilan BKBH Fakultas Hukum Unram Yan Mangandar menyambut baik kedatangan warga.",
            "Febri berharap, DPR tak terlalu terburu-buru untuk mengesahkan UU KPK.",
            "Kemudian PKS juga ingin dalam hal penyadapan KPK tak perlu meminta izin ke dewan pengawas.",
        ],
        published="2019-09-10",
    )
    got = {(e["type"], e["actor"]["name"], e["actor"].get("agent")) for e in a.events}
    assert ("REQUEST", "HMI", "Muhammad Fadli") in got, got
    assert ("SUPPORT", "BKBH Fakultas Hukum Unram", "Yan Mangandar") in got, got
    assert not any(t == "CHANGE_POLICY" for t, _, _ in got), got  # hoped the DPR would not rush to pass it
    assert not any(actor == "PKS" for _, actor, _ in got), got  # that no permission need be asked


def test_a_court_named_by_its_head_an_election_body_by_its_place_and_a_helping_police_unit() -> None:
    a = _run(
        [
            "Mahkamah Konstitusi (MK) mengabulkan gugatan partai itu. Mahkamah memerintahkan KPU menghitung ulang "
            "suara di Kabupaten Toba Samosir, Jumat (9/8/2019).",
            "Sebelumnya, Bawaslu Toba Samosir sempat meminta saran ke Bawaslu Provinsi Sumut.",
            "Seorang pencuri sapi ditangkap polisi pada Sabtu (14/9/2019).",
            '"Setelah bekerja sama dengan Polres Dairi, tersangka berhasil kami ringkus," kata Kasat Reskrim '
            "Polres Karo, AKP Budi Santoso.",
        ],
        "2019-09-15",
    )
    names = {e["name"]: e["type"] for e in a.entities}
    assert "Mahkamah" not in names and names.get("Bawaslu Toba Samosir") == "ORG"
    assert names.get("Bawaslu Provinsi Sumut") == "ORG"
    acts = {(e["type"], e["actor"]["name"]) for e in a.events}
    assert ("REQUEST", "Bawaslu Toba Samosir") in acts
    assert ("COERCE", "Polres Karo") in acts and ("COERCE", "Polres Dairi") not in acts


def test_a_pronoun_is_not_the_person_named_right_after_its_verb() -> None:
    a = _run(
        [
            "Anies Baswedan menanggapi video seorang pria berkacamata yang beredar. Anies angkat bicara.",
            "Selain itu, dia mengajak Anies bersumpah untuk membuktikan tidak menerima uang.",
        ],
        "2019-07-25",
    )
    assert not [e for e in a.events if e["type"] == "REQUEST" and e["actor"]["name"] == "Anies Baswedan"]
