"""Time expressions normalised against publication (texts written for these tests)."""

from __future__ import annotations

import datetime as dt

from kronik.data import Article
from kronik.eval.times import evaluate_times
from kronik.stages.times import Anchor, find_times, times

from .conftest import ROOT, need_shared

PUB = Anchor(dt.date(2023, 1, 14), "+07:00", dt.date(2022, 2, 24))


def _values(text: str, anchor: Anchor = PUB) -> dict[str, tuple]:
    return {t["text"]: (t["value"], t["precision"], t["flags"]) for t in find_times(text, anchor)}


def test_explicit_and_relative_forms():
    v = _values(
        "Pada Sabtu (14/1/2023) hari ke-325 invasi, latihan digelar. Pada 10 Juni, ia berbicara. "
        "Februari tahun lalu pasukan masuk. Latihan akan digelar minggu depan. Sejak 24 Februari 2022 perang "
        "berlangsung. Kemarin pukul 14.30 WIB rapat dimulai. Harga naik selama dua tahun."
    )
    assert v["Sabtu (14/1/2023)"][:2] == ("2023-01-14", "day")
    assert v["hari ke-325"][:2] == ("2023-01-14", "day")
    assert v["10 Juni"][0] == "2022-06-10"  # no year: the nearest before publication
    assert v["Februari tahun lalu"][:2] == ("2022-02", "month")
    assert v["minggu depan"][:2] == ("2023-W03", "week")
    assert v["24 Februari 2022"][0] == "2022-02-24"
    assert v["Kemarin"][0] == "2023-01-13"
    assert v["pukul 14.30 WIB"][:2] == ("2023-01-13T14:30+07:00", "minute")  # on the day just told
    assert v["dua tahun"][:2] == ("P2Y", "year")


def test_future_context_takes_the_next_occurrence():
    v = _values("Pemilu akan digelar pada 14 Februari.")
    assert v["14 Februari"][0] == "2023-02-14"
    v = _values("Presiden akan berkunjung pada hari Jumat.")
    assert v["pada hari Jumat"][0] == "2023-01-20"


def test_odd_dates_are_flagged_not_fatal():
    v = _values("Surat itu bertanggal 31 Februari 2023 dan dikirim Senin (14/1/2023).")
    assert v["31 Februari 2023"][0] is None and "impossible_date" in v["31 Februari 2023"][2]
    assert "weekday_mismatch" in v["Senin (14/1/2023)"][2]
    v = _values("Kapal itu tenggelam pada 20 Maret 2023.")
    assert "after_publication" in v["20 Maret 2023"][2]


def test_no_publication_date():
    a = Article(source="x", paragraphs=["Rapat digelar kemarin dan berlanjut pada 3 Juli 2022."])
    times(a)
    t = {x["text"]: x for x in a.times}
    assert t["kemarin"]["value"] is None and "no_anchor" in t["kemarin"]["flags"]
    assert t["3 Juli 2022"]["value"] == "2022-07-03"
    assert any("no publication date" in w for w in a.warnings)


def test_year_in_a_name():
    v = _values("Aturan itu tercantum dalam UU Nomor 1 Tahun 2023.")
    assert "in_name" in v["Tahun 2023"][2]


def test_seeds_and_dev_gold():
    shared = need_shared()
    seeds = evaluate_times(shared / "gold" / "seeds.gold.json", shared)
    assert seeds.value_right == seeds.gold == 10, seeds.misses
    dev = evaluate_times(ROOT / "gold" / "dev-time.gold.json", shared)
    assert dev.accuracy >= 0.90, dev.misses[:20]


def test_a_typo_in_a_date_its_weekday_contradicts_is_mended_and_flagged():
    v = _values("Rapat digelar Jumat (13/1/2022). Sidang dibuka Senin (2/9).")
    assert v["Jumat (13/1/2022)"][0] == "2023-01-13"  # the year typed wrong: 13 Jan 2023 is a Friday
    assert {"weekday_mismatch", "corrected"} <= set(v["Jumat (13/1/2022)"][2])
    assert v["Senin (2/9)"][0] == "2023-01-02"  # "9" for "1": 2 Jan 2023 is the Monday near publication
    # near publication the weekday wins, as the golds read it: the Monday nearest the printed date
    v = _values("Senin (14/1/2023) rapat dimulai.")
    assert v["Senin (14/1/2023)"][0] == "2023-01-16" and "corrected" in v["Senin (14/1/2023)"][2]
    v = _values("Sidang pleno digelar Kamis (19/8).")  # the month typed wrong: Thursday 19 January
    assert v["Kamis (19/8)"][0] == "2023-01-19"
    # a statement cannot postdate publication: the weekday's last day before it
    v = _values('"Kami siap," kata Budi saat dihubungi, Kamis (21/1/2023).')
    assert v["Kamis (21/1/2023)"][0] == "2023-01-12"


def test_clock_times_keep_the_day_the_story_narrates_over_a_few_paragraphs():
    text = "Gempa terjadi Jumat (13/1/2023).\n\nWarga panik.\n\nPukul 10.30 WIB gempa susulan terjadi."
    assert _values(text)["Pukul 10.30 WIB"][0] == "2023-01-13T10:30+07:00"
    text = "Kasus bermula 3 Maret 2020.\n\nWarga panik.\n\nPukul 10.30 WIB polisi datang."
    assert _values(text)["Pukul 10.30 WIB"][0].startswith("2023-01-14")  # an old date is background


def test_lists_of_months_and_weeks_of_a_month():
    v = _values("Target pada bulan Oktober, November, dan Desember 2022 naik; rapat pekan ketiga Januari.")
    assert v["bulan Oktober, November, dan Desember 2022"][:2] == ("2022-10/2022-12", "month")
    assert v["pekan ketiga Januari"][:2] == ("2023-W03", "week")  # 15-21 January 2023


def test_ranges_of_dates_and_lists_of_days_are_intervals():
    v = _values(
        "Pendaftaran dibuka Senin, 9 Januari 2023 hingga Jumat, 13 Januari 2023. Libur pada 2, 3, 4 Januari."
    )
    assert v["Senin, 9 Januari 2023 hingga Jumat, 13 Januari 2023"][:2] == ("2023-01-09/2023-01-13", "day")
    assert v["2, 3, 4 Januari"][0] == "2023-01-02/2023-01-04"
    assert _values("Pesta pada Hari Kemerdekaan AS.")["Hari Kemerdekaan AS"][0] == "2022-07-04"


def test_month_ranges_a_range_takes_its_year_and_saturday_night():
    v = _values(
        "Kontrak berlaku Mei 2021-Desember 2022. Turnamen digelar 16 September hingga 3 Oktober 2024. "
        "Mereka bertemu malam Minggu. Rapat digelar petang nanti."
    )
    assert v["Mei 2021-Desember 2022"][:2] == ("2021-05/2022-12", "month")
    assert v["16 September hingga 3 Oktober 2024"][0] == "2024-09-16/2024-10-03"
    assert v["malam Minggu"][0] == "2023-01-14"  # Saturday night; 14 Jan 2023 is a Saturday
    assert v["petang nanti"][0] == "2023-01-14"


def test_the_outbreak_of_a_war_dates_what_followed_it():
    v = _values(
        "Negara itu melepaskan status netral tak lama setelah invasi Rusia ke Ukraina. Sejak invasi Rusia, harga "
        "gandum naik. Saat perang Ukraina berlangsung, ekspor turun. Sejak pecahnya perang di Gaza, bantuan tertahan."
    )
    assert v["tak lama setelah invasi Rusia ke Ukraina"][:2] == ("2022-02", "month")
    assert v["Sejak invasi Rusia"][:2] == ("2022-02-24", "day")
    assert v["Sejak pecahnya perang di Gaza"][0] == "2023-10-07"
    assert not any("perang Ukraina" in text for text in v)  # a war named, not its outbreak


def test_months_alone_two_months_apart_and_clock_times_without_pukul():
    v = _values(
        "Bank sentral akan memangkas bunga pada pertemuan Maret dan Mei mendatang. Inflasi Desember turun. "
        "April Jasmine hadir. Warga antre sampai 20.30 WIB, lalu tiga bulan pertama tahun ini dibahas."
    )
    assert v["Maret"][0] == "2023-03" and v["Mei mendatang"][0] == "2023-05"  # two meetings, not a span
    assert v["Desember"][0] == "2022-12"  # a month printed alone between lowercase words
    assert "April" not in v  # a name
    assert v["20.30 WIB"][0] == "2023-01-14T20:30+07:00"
    assert v["tiga bulan pertama tahun ini"][:2] == ("2023-Q1", "quarter")


def test_vague_counts_anaphoric_days_and_seasons():
    v = _values(
        "Beberapa hari lalu ia datang, berminggu-minggu ia menunggu. Sidang digelar Selasa (10/1/2023). Pada hari "
        "yang sama jaksa hadir; hari sebelumnya hakim libur. Kurang lebih 15 menit kemudian ia pergi. Selama bulan "
        "Ramadan dan Natal dan Tahun Baru (Nataru) 2022 arus mudik naik. Muhammad Ramadhan Sebayang hadir."
    )
    assert v["Beberapa hari lalu"][:2] == (None, "none") and v["berminggu-minggu"][:2] == (None, "none")
    assert v["Pada hari yang sama"][0] == "2023-01-10" and v["hari sebelumnya"][0] == "2023-01-09"
    assert v["15 menit kemudian"][0] == "PT15M"
    assert v["bulan Ramadan"][0] == "2023-03-23/2023-04-21"  # to the day before Idul Fitri
    assert v["Natal dan Tahun Baru (Nataru) 2022"][0] == "2022-12-25/2023-01-01"
    assert not any("Ramadhan" in text for text in v)  # a name


def test_last_night_is_the_night_of_the_day_just_told_and_a_said_day_is_not_the_story():
    text = (
        'Kebakaran terjadi Kamis (12/1) pukul 20.30 WIB.\n\n"Tadi malam kami langsung turun," kata Kapolres.'
    )
    assert _values(text)["Tadi malam"][0] == "2023-01-12"
    text = (
        'Perkelahian terjadi pada Minggu (8/1) malam. "Kami pisahkan," kata Kepala Lapas saat dikonfirmasi, Selasa '
        "(10/1).\n\nLalu, keesokan harinya korban meninggal."
    )
    assert _values(text)["keesokan harinya"][0] == "2023-01-09"


def test_a_clock_time_after_a_date_and_future_words_in_what_was_said():
    v = _values(
        "Film diputar di festival pada jadwal berikut: 25 Januari 13.00 - Kineforum, Rp 13.000 per tiket."
    )
    assert v["13.00"][0] == "2023-01-25T13:00" and "13.000" not in " ".join(v)
    v = _values("Presiden dalam konferensi pers pada Jumat pagi mengatakan kasus itu akan diselidiki.")
    assert v["Jumat pagi"][0] == "2023-01-13"  # the statement was made; "akan" is in what was said


def test_a_holiday_of_this_or_last_year():
    v = _values("Lebaran tahun ini terasa berbeda. Natal tahun lalu kami di rumah.")
    assert v["Lebaran tahun ini"][:2] == ("2023-04-22", "day") and v["Natal tahun lalu"][0] == "2022-12-25"


def test_the_same_year_is_the_last_year_told_but_not_a_birth_year():
    text = "Foto itu diambil pada 2008. Pria kelahiran 15 Agustus 1983 itu tampil beda. Masih di tahun yang sama, ia rekaman."
    assert _values(text)["tahun yang sama"][:2] == ("2008", "year")
    v = _values("Esemka pertama kali lahir pada 2007, dan baru dikenalkan ke publik dua tahun kemudian.")
    assert v["dua tahun kemudian"][0] == "2009"


def test_durations_with_fractions_ranges_and_two_units():
    v = _values("Antrean 4-5 jam, lalu 1 jam 30 menit lagi; proyek itu butuh 1,5 tahun dan 2 hari 12 jam.")
    assert v["4-5 jam"][0] == "PT4H"  # a range counts from its lower end
    assert v["1 jam 30 menit"][0] == "PT1H30M"
    assert v["1,5 tahun"][0] == "P18M"
    assert v["2 hari 12 jam"][0] == "P2DT12H"


def test_listed_months_and_years_between_are_one_span_and_a_past_month_stays_past():
    v = _values(
        "Data Juli, Agustus dan September naik, transfer antara 2011 dan 2014, pada 12 dan 14 Januari."
    )
    assert v["Juli, Agustus dan September"][:2] == ("2022-07/2022-09", "month")
    assert v["2011 dan 2014"][:2] == ("2011/2014", "year")
    assert v["12 dan 14 Januari"][:2] == ("2023-01-12/2023-01-14", "day")
    later = _values(
        "Ia akan menjalani sanksi enam bulan atas tes yang gagal sebelum laga pada bulan Juni lalu."
    )
    assert later["bulan Juni lalu"][0] == "2022-06"


def test_a_half_year_with_its_year_is_its_six_months_and_a_term_of_study_is_no_date():
    v = _values("Laporan semester pertama 2019 dan semester II tahun ini; ia mahasiswa semester dua.")
    assert v["semester pertama 2019"][:2] == ("2019-01/2019-06", "month")
    assert v["semester II tahun ini"][0] == "2023-07/2023-12"
    assert not [k for k in v if k.startswith("semester dua")]


def test_vague_spans_the_start_of_a_month_and_a_day_before_a_month_range():
    v = _values(
        "Film itu tayang Februari 2023. Awal bulan akan dibuka film lain. Tidak seperti tahun-tahun sebelumnya "
        "dan beberapa dekade lalu. Audit dilakukan mulai 1 Juli 2015 sampai Oktober 2015."
    )
    assert v["Awal bulan"][:2] == ("2023-02", "month")  # the month just told, when it is a near one
    assert v["tahun-tahun sebelumnya"][:2] == (None, "none")
    assert v["beberapa dekade lalu"][:2] == (None, "none")
    assert v["1 Juli 2015"][:2] == ("2015-07-01", "day")  # two ends of different precision: two entries
    assert v["Oktober 2015"][:2] == ("2015-10", "month")


def test_a_clock_time_later_than_publication_is_of_the_evening_the_story_told():
    anchor = Anchor(dt.date(2023, 1, 14), "+07:00", None, dt.time(8, 54))
    text = (
        "Hujan turun pada Jumat (13/1/2023) sore.\n\n"
        + "Warga mengungsi.\n\n" * 6
        + "Hingga pukul 21.45 WIB, air surut."
    )
    assert _values(text, anchor)["pukul 21.45 WIB"][0] == "2023-01-13T21:45+07:00"
    # no day of the story told: the clock stays on the publication day
    assert (
        _values("Toko buka hingga pukul 22.00 WIB.", anchor)["pukul 22.00 WIB"][0] == "2023-01-14T22:00+07:00"
    )


def test_a_past_date_a_few_days_after_publication_with_another_weekday_is_that_weekdays():
    anchor = Anchor(dt.date(2019, 9, 18), "+07:00")
    v = _values("Polisi membubarkan aksi demo di Kota Sorong, Selasa (19/9/2019).", anchor)
    assert v["Selasa (19/9/2019)"][0] == "2019-09-17" and "corrected" in v["Selasa (19/9/2019)"][2]
    ahead = _values("Sidang akan digelar Selasa (19/9/2019).", anchor)  # what is still to come keeps its date
    assert ahead["Selasa (19/9/2019)"][0] == "2019-09-19"


def test_forms_of_the_sixth_time_gold():
    v = _values(
        "Kloter 1 berangkat pukul 19.40 WAS, kloter 2 pada 20.10 WAS. Gempa terjadi pukul 14.06.31 WIB. "
        "Lomba digelar 9 s/d 13 Januari 2023. Hujan turun sejak Jumat (13/1) sore hingga siang ini. "
        "Sedangkan Kamis, kemarin indeks ditutup naik. Warung itu berdiri sejak puluhan tahun lalu. "
        "Angka itu turun dari periode yang sama tahun sebelumnya (Maret 2021). Stasiun dibuka pada 1871. "
        "Gedung diresmikan 1929. Kini, hampir 100 tahun kemudian, gedung masih dipakai. "
        "Pada Mei dan Juli 2022, bunga dipangkas."
    )
    assert v["pukul 19.40 WAS"][0] == "2023-01-14T19:40+03:00"
    assert v["20.10 WAS"][0] == "2023-01-14T20:10+03:00"
    assert v["pukul 14.06.31 WIB"][0] == "2023-01-14T14:06+07:00"
    assert v["9 s/d 13 Januari 2023"][0] == "2023-01-09/2023-01-13"
    assert v["Jumat (13/1) sore"][0] == "2023-01-13" and v["siang ini"][0] == "2023-01-14"
    assert v["Kamis, kemarin"][0] == "2023-01-12"  # the weekday wins over a loose "kemarin"
    assert v["puluhan tahun lalu"][0] is None
    assert v["tahun sebelumnya"][0] == "2021"  # glossed by the bracket, not the year told last
    assert v["1871"][0] == "1871"
    assert v["100 tahun kemudian"][:2] == ("P100Y", "year")  # a span up to now, not the year 2029
    assert v["Mei dan Juli 2022"][0] == "2022-05/2022-07"


def test_a_year_before_hari_ini_a_month_reached_until_and_an_editors_gloss():
    v = _values("Rapat Koordinasi Daerah 2025 hari ini batal. Tarif berlaku hingga pertengahan Januari.")
    assert v["hari ini"][0] == "2023-01-14" and v["2025"][0] == "2025"
    assert v["pertengahan Januari"][0] == "2023-01"
    anchor = Anchor(dt.date(2023, 1, 17), "+07:00")  # a Tuesday
    v = _values(
        'Penyitaan dilakukan pekan lalu. "Kalau nggak hari Selasa, kami dititipi mobil," ujarnya.', anchor
    )
    assert v["hari Selasa"][0] == "2023-01-10"
    v = _values('"Besok (hari ini) dia dipanggil," ujar Rizki.')
    assert v["Besok"][0] == "2023-01-14"


def test_weekday_of_another_week_halves_and_the_sentence_year():
    # PUB is Saturday 14 January 2023
    v = _values("Institut itu pada hari Jumat pekan lalu memperbarui data. Ia datang Senin pekan depan.")
    assert v["pada hari Jumat pekan lalu"][:2] == ("2023-01-06", "day")
    assert v["Senin pekan depan"][:2] == ("2023-01-16", "day")
    v = _values("Kontraknya tiga setengah tahun, diteken setengah tahun lalu, kemaren diperpanjang.")
    assert v["tiga setengah tahun"][0] == "P42M"
    assert v["setengah tahun lalu"][:2] == ("2022-07", "month")
    assert v["kemaren"][0] == "2023-01-13"
    v = _values(
        "Pada tahun lalu mereka tampil di Bangkok (11 Maret) dan Manila (25 Maret). Rapat 21-23 Mei mendatang."
    )
    assert v["11 Maret"][0] == "2022-03-11" and v["25 Maret"][0] == "2022-03-25"
    assert v["21-23 Mei mendatang"][0] == "2023-05-21/2023-05-23"
    assert _values("Konser 25—26 November 2022.")["25—26 November 2022"][0] == "2022-11-25/2022-11-26"


def test_quarters_halves_year_lists_ranges_ago_and_spelled_hours():
    # PUB is Saturday 14 January 2023
    v = _values("Target kuartal I-2024 dan Kuartal III atau IV ini; paruh pertama tahun 2024; kwartal kedua.")
    assert v["kuartal I-2024"][:2] == ("2024-Q1", "quarter")
    assert v["Kuartal III atau IV ini"][0] == "2023-Q3/2023-Q4"
    assert v["paruh pertama tahun 2024"][:2] == ("2024-01/2024-06", "month")
    assert v["kwartal kedua"][0] == "2023-Q2"
    assert "paruh pertama" not in _values("Gol itu lahir di paruh pertama.")  # a match's half
    v = _values(
        "Pemilu 2019 dan 2024, bukan tahun 2029 dan 2021. Sewa 2-2,5 tahun, dibangun 10-7 tahun yang lalu."
    )
    assert v["2019 dan 2024"][0] == "2019/2024"
    assert v["tahun 2029"][0] == "2029" and v["2021"][0] == "2021"
    assert v["2-2,5 tahun"][0] == "P2Y"
    assert v["10-7 tahun yang lalu"][:2] == ("2013/2016", "year")
    v = _values("Ia tiba pukul satu siang, pulang pukul lima sore, tidur jam 12 malam. Haji 1444 H/2023 M.")
    assert v["pukul satu siang"][:2] == ("2023-01-14T13", "hour")
    assert v["pukul lima sore"][0] == "2023-01-14T17"
    assert v["jam 12 malam"][0] == "2023-01-15T00"
    assert v["1444 H/2023 M"][:2] == ("2023", "year")


def test_told_days_after_and_midnight_the_last_weeks_and_vague_spans():
    v = _values("Warung rugi Kamis (12/1/2023). Besoknya ada yang tutup. Razia digelar tengah malam tadi.")
    assert v["Besoknya"][:2] == ("2023-01-13", "day")
    assert v["tengah malam tadi"][0] == "2023-01-13"
    v = _values("Dalam sepekan terakhir dan satu tahun belakangan ini. Tak lama kemudian, berabad-abad lalu.")
    assert v["sepekan terakhir"][0] == "P1W"
    assert v["satu tahun belakangan ini"][0] == "P1Y"
    assert v["Tak lama kemudian"][0] is None and v["berabad-abad"][0] is None
    friday = Anchor(dt.date(2023, 1, 13), "+07:00")
    assert _values("Rupiah melemah menyambut akhir pekan.", friday)["akhir pekan"][0] == "2023-W02"
    tuesday = Anchor(dt.date(2023, 1, 10), "+07:00")
    assert _values("Serangan selama akhir pekan.", tuesday)["akhir pekan"][0] == "2023-W01"


def test_ordinal_days_a_clock_before_its_day_and_contract_months():
    v = _values("Festival digelar 3 sampai 4 Januari 2023. Komedian tampil di hari kedua penyelenggaraan.")
    assert v["hari kedua"] == ("2023-01-04", "day", ["ordinal_day"])
    v = _values("Band itu tampil pada hari pertama, 7 Januari 2023, lalu pulang.")
    assert v["hari pertama, 7 Januari 2023"][0] == "2023-01-07"
    v = _values("Emas jatuh untuk hari ketiga berturut-turut pada perdagangan Senin (9/1/2023).")
    assert v["hari ketiga"][0] == "2023-01-09"
    assert "hari kedua" not in _values("Sejak hari kedua sekolah, ia murung.")  # no day to count from
    v = _values("Kapal itu berlayar tepat setelah pukul 10.00 pagi pada hari Jumat (6/1/2023).")
    assert v["pukul 10.00 pagi"][0] == "2023-01-06T10:00"
    v = _values("Kontrak emas untuk pengiriman Februari naik, obligasi 10-tahun turun.")
    assert v["Februari"][0] == "2023-02" and v["10-tahun"][0] == "P10Y"


def test_month_ranges_over_new_year_quarters_with_a_bracketed_code_and_the_month_told_before():
    v = _values("Pelatih khawatir soal jadwal November hingga Februari.")
    assert v["November hingga Februari"][0] == "2022-11/2023-02"  # the span runs into the next year
    v = _values("Pembaruan dijadwalkan pada kuartal kedua (Q2) 2024 mendatang.")
    assert v["kuartal kedua (Q2) 2024"][0] == "2024-Q2"
    v = _values("Distribusi berlanjut pada Maret 2022. Tiga ponsel kebagian pada bulan tersebut.")
    assert v["pada bulan tersebut"][0] == "2022-03"
    v = _values("Capaian dua bulan tersebut melewati target; pemain 27 tahun tersebut absen.")
    assert "bulan tersebut" not in v and "tahun tersebut" not in v


def test_a_mistyped_year_its_weekday_betrays_and_a_half_year_of_the_calendar() -> None:
    july = Anchor(dt.date(2025, 7, 4), "+07:00", None)
    v = _values("Pesan itu disampaikan pada Senin (12/11/2028), dikutip dari laman resmi.", july)
    assert v["Senin (12/11/2028)"][0] == "2018-11-12" and "corrected" in v["Senin (12/11/2028)"][2]
    v = _values("Terlebih, masa-masa di semester II dan akhir tahun merupakan musim panen.")
    assert v["semester II"][0] == "2023-07/2023-12"
    assert "semester dua" not in _values("Ia mahasiswa semester dua di kampus itu.")
    assert "paruh pertama" not in _values("Gol tercipta di paruh pertama laga.")


def test_a_day_spelt_out_after_a_relative_one_a_speaker_going_on_and_months_printed_first() -> None:
    sept = Anchor(dt.date(2019, 9, 20), "+07:00", None)
    v = _values(
        "Ia tiba pada 29 Agustus 2019. Keesokan harinya, pada 30 Agustus 2019, ia menerima telepon.", sept
    )
    assert v["Keesokan harinya"][0] == "2019-08-30"
    body = (
        '"Saldo kita hari ini Rp 990 miliar," kata Bobby di Medan, Selasa (17/9/2019).\n\n'
        "Ia mengaku akan mengecek data itu.\n\n"
        '"Namun di hari ini di rekening silakan dicek," ucapnya.'
    )
    got = [(t["text"], t["value"]) for t in find_times(body, sept)]
    assert got == [
        ("hari ini", "2019-09-17"),
        ("Selasa (17/9/2019)", "2019-09-17"),
        ("hari ini", "2019-09-17"),
    ]
    v = _values(
        "Tahun ini, tur akan digelar pada November 20-24, serta bulan Maret, Mei, dan Juni di tahun 2020.",
        sept,
    )
    assert v["November 20-24"][0] == "2019-11-20/2019-11-24"
    assert v["bulan Maret, Mei, dan Juni di tahun 2020"][0] == "2020-03/2020-06"


def test_ranges_across_months_in_brackets_listed_with_ampersand_and_clock_ranges() -> None:
    anchor = Anchor(dt.date(2019, 9, 18), "+07:00")
    v = _values(
        "Festival digelar (31 Maret-10 April) di Bima. Rapat pada 19 & 21 September 2019 dan (15-17) September "
        "2019. Operasi dari tanggal 15 September 2019 sampai dengan tgl 17 Sept ini. Pesawat terbang pukul "
        "13.30-15.45 WIB. Tim tiba H-10 Lebaran.",
        anchor,
    )
    assert v["31 Maret-10 April"][0] == "2019-03-31/2019-04-10"
    assert v["19 & 21 September 2019"][0] == "2019-09-19/2019-09-21"
    assert v["(15-17) September 2019"][0] == "2019-09-15/2019-09-17"
    assert v["tanggal 15 September 2019 sampai dengan tgl 17 Sept ini"][0] == "2019-09-15/2019-09-17"
    assert v["15.45 WIB"][0].endswith("T15:45+07:00")  # the end of a clock range is a time, too
    assert "10 Lebaran" not in v  # "H-10": ten days before, no tenth of a month


def test_the_told_days_parts_the_night_in_two_zones_and_a_year_written_with_tahun() -> None:
    anchor = Anchor(dt.date(2019, 9, 17), "+07:00")
    v = _values(
        "Polisi menangkap pelaku pada Senin (9/9/2019). Malamnya pelaku diperiksa, sore harinya dilepas. "
        "Laga digelar Selasa (17/9/2019) atau Rabu dini hari WIB. Kami bekerja sampai jam 03.00 pagi tadi. "
        "Program berlaku tanggal 16 September tahun 2019 sampai dengan 30 Desember tahun 2019. "
        "Kemarin-kemarin sepi; itu terjadi berpuluh-puluh tahun lalu.",
        anchor,
    )
    assert v["Malamnya"][:2] == ("2019-09-09", "day")  # the night of the day just told
    assert v["sore harinya"][:2] == ("2019-09-09", "day")
    # the same night in WIB: the day after the date, not a week ago
    assert v["Rabu dini hari"][0] == "2019-09-18"
    assert v["jam 03.00 pagi tadi"][0] == "2019-09-17T03:00"  # "tadi": the day of writing, not the day told
    assert (
        v["tanggal 16 September tahun 2019 sampai dengan 30 Desember tahun 2019"][0]
        == "2019-09-16/2019-12-30"
    )
    assert v["Kemarin-kemarin"][0] is None  # "lately", no day
    assert v["berpuluh-puluh tahun lalu"][0] is None  # decades ago, not last year
    assert "tahun lalu" not in v


def test_a_count_with_its_words_in_brackets() -> None:
    anchor = Anchor(dt.date(2019, 9, 17), "+07:00")
    v = _values(
        "Iuran tertunggak paling banyak 24 (dua puluh empat) bulan; ia divonis 3 (tiga) tahun.", anchor
    )
    assert v["24 (dua puluh empat) bulan"][0] == "P24M"
    assert v["3 (tiga) tahun"][0] == "P3Y"


def test_a_zone_after_the_part_of_day_a_month_and_year_with_a_comma_and_a_year_later() -> None:
    v = _values(
        "Laga dimulai Minggu (22/9/2019) pukul 02.30 dini hari WIB. Pada Juni, 1985 ia merekam album. "
        "Band itu dibentuk tahun 1996 dan bubar setahun kemudian.",
        Anchor(dt.date(2019, 9, 20), "+07:00"),
    )
    assert v["pukul 02.30 dini hari WIB"][0] == "2019-09-22T02:30+07:00"
    assert v["Juni, 1985"][0] == "1985-06"
    assert v["setahun kemudian"][0] == "1997"
