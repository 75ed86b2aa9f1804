"""Resident ID rules: checksum, dates, 15→18, normalisation, Excel number cells, masks, phones."""

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from enrollagent.core import ids
from enrollagent.errors import EnrollError, id_problem_text

TODAY = date(2023, 10, 1)


@st.composite
def valid_bodies(draw) -> str:
    province = draw(st.sampled_from(sorted(ids.PROVINCES)))
    rest = draw(st.from_regex(r"\A[0-9]{4}\Z"))
    born = draw(st.dates(min_value=date(1900, 1, 1), max_value=TODAY))
    seq = draw(st.from_regex(r"\A[0-9]{3}\Z"))
    return f"{province}{rest}{born:%Y%m%d}{seq}"


@given(valid_bodies())
def test_any_valid_body_with_its_check_character_validates(body):
    result = ids.check(body + ids.check_char(body), today=TODAY)
    assert result.valid, result
    assert result.birth_date == date(int(body[6:10]), int(body[10:12]), int(body[12:14]))
    assert result.sex == ("男" if int(body[16]) % 2 else "女")


@given(valid_bodies(), st.integers(0, 17), st.integers(1, 10))
def test_any_single_character_change_is_caught(body, position, delta):
    good = body + ids.check_char(body)
    alphabet = "0123456789X" if position == 17 else "0123456789"
    old = alphabet.index(good[position])
    changed = good[:position] + alphabet[(old + delta) % len(alphabet)] + good[position + 1 :]
    if changed != good:
        assert not ids.check(changed, today=TODAY).valid


def test_known_ids_and_their_reasons():
    assert ids.check("11010519491231002X").valid
    assert ids.check("11010519491231002X").sex == "女"
    assert ids.check("110105194912310021").problem == "id_checksum"
    assert ids.check("110105194902300025").problem == "id_date"
    assert ids.check("1101051949123100").problem == "id_length"
    assert ids.check("99010519491231002X").problem == "id_region"
    assert ids.check("11010519491231002").problem == "id_missing_check"
    assert ids.check("11010519491231002").suggestion == "11010519491231002X"
    assert ids.check("11010520990101001X", today=TODAY).problem in {"id_future", "id_checksum"}
    future = "110105" + "20240101" + "001"
    assert ids.check(future + ids.check_char(future), today=TODAY).problem == "id_future"
    assert ids.check("").problem == "id_empty"


def test_every_problem_has_a_chinese_sentence():
    for raw in (
        "",
        "1101051949123100",
        "110105194912310021",
        "110105194902300025",
        "99010519491231002X",
        "11010519491231002",
        "1101051949123100AB",
    ):
        r = ids.check(raw, today=TODAY)
        text = id_problem_text(
            r.problem, raw=raw, normalized=r.normalized, suggestion=r.suggestion or ""
        )
        assert text and text != r.problem and any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_normalisation_of_typing_noise():
    assert ids.check(" １１０１０５ 1949 1231 002ｘ").normalized == "11010519491231002X"
    assert ids.check("'11010519491231002x").valid
    assert ids.check("110105-19491231-002×").valid
    assert ids.check("\ufeff11010519491231002X\u200b").valid


def test_fifteen_digit_ids_are_upgraded():
    eighteen = ids.upgrade15("110105491231002")
    assert eighteen == "11010519491231002X"
    result = ids.check("110105491231002")
    assert result.valid and result.upgraded and result.normalized == eighteen


def test_number_cells_of_16_or_more_digits_are_never_trusted():
    # 4.11725194003086e+17 → 411725194003086016 passes the checksum, and must still be flagged.
    lucky = 4.11725194003086e17
    assert ids.check(str(int(lucky))).valid
    assert ids.check_cell(lucky).problem == "id_number_cell"
    assert ids.check_cell(4.11725e17).problem == "id_number_cell"
    assert ids.check_cell("4.11725E+17").problem == "id_number_cell"
    # A 15-digit legacy ID as a number cell is exact, so it is upgraded.
    assert ids.check_cell(110105491231002.0).normalized == "11010519491231002X"


def test_age():
    assert ids.age_at(date(2000, 3, 1), date(2023, 2, 28)) == 22
    assert ids.age_at(date(2000, 3, 1), date(2023, 3, 1)) == 23


def test_masks_never_show_the_middle():
    n = "411725196512197821"
    assert ids.mask(n) == "411725********7821"
    assert ids.mask(n, "front2back3") == "41*************821"
    assert ids.mask(n, "front3back4") == "411***********7821"
    assert "19651219" not in ids.mask(n)


def test_phones():
    assert ids.normalize_phone("138 0000 0000") == ("13800000000", True)
    assert ids.normalize_phone(13800000000.0) == ("13800000000", True)
    assert ids.normalize_phone("0374-7120085") == ("0374-7120085", True)
    assert ids.normalize_phone("12345")[1] is False
    try:
        raise EnrollError("phone_invalid", value="12345")
    except EnrollError as e:
        assert "12345" in e.message
