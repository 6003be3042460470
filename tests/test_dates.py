from kronik.stages.metadata.dates import find_dates, parse_field_date


def test_printed_forms_with_zones():
    cases = {
        "Kamis, 5 November 2015 14:56 WIB | 1.229 Views": "2015-11-05T14:56:00+07:00",
        "Rabu, 4 November 2015 | 21:04 WIB": "2015-11-04T21:04:00+07:00",
        "- 3 Juli 2022, 12:36 WIB": "2022-07-03T12:36:00+07:00",
        "Kamis, 05/11/2015 10:08 WIB": "2015-11-05T10:08:00+07:00",
        "on 16 Feb 2016 at 09:10 WIB": "2016-02-16T09:10:00+07:00",
        "Wednesday, 04 November, 2015 | 07:28 WIB": "2015-11-04T07:28:00+07:00",
        "Senin, 20 Februari 2023 10.15 WITA": "2023-02-20T10:15:00+08:00",
        "Rabu 15 Maret 2023 | 11.20 WIT": "2023-03-15T11:20:00+09:00",
        "Februari 24, 2023 @ 5:30pm": "2023-02-24T17:30:00",
    }
    for text, iso in cases.items():
        found = find_dates(text)
        assert found, text
        assert found[0].iso() == iso, text


def test_weekday_in_brackets_is_a_day():
    (d,) = find_dates("Update hari ke-325, Sabtu (14/1/2023): Moskow")
    assert d.iso() == "2023-01-14"
    assert d.text == "Sabtu (14/1/2023)"
    assert d.weekday_ok is True


def test_impossible_dates_and_numbers_are_not_times():
    assert find_dates("31 Februari 2023") == []
    (d,) = find_dates("pada 5 November 2015 12.000 warga")
    assert not d.has_time


def test_field_dates():
    assert parse_field_date("10/21/2025 20:43", month_first=True).iso() == "2025-10-21T20:43:00"
    assert parse_field_date("2019-09-10 00:00:00").iso() == "2019-09-10"
    assert parse_field_date("2023-07-24T17:12:00+07:00").iso() == "2023-07-24T17:12:00+07:00"
    assert parse_field_date("Selasa, 10 September 2019").iso() == "2019-09-10"
    assert parse_field_date("") is None
