import pytest

from thidua.text import fold, search_terms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thi đua", "thi dua"),
        ("Khu Công nghệ cao Hòa Lạc", "khu cong nghe cao hoa lac"),
        ("ĐỔI MỚI SÁNG TẠO", "doi moi sang tao"),
        ("Cục Thông tin KH&CN Quốc gia", "cuc thong tin khoa hoc va cong nghe quoc gia"),
        ("Vụ TĐKT", "vu thi dua khen thuong"),
        ("Vụ Thi đua - Khen thưởng", "vu thi dua khen thuong"),
        ("HỢP TÁC–SÁNG TẠO–HỘI NHẬP", "hop tac sang tao hoi nhap"),
    ],
)
def test_fold_removes_diacritics_and_expands_abbreviations(text, expected):
    assert fold(text) == expected


def test_abbreviation_and_full_form_fold_alike():
    assert fold("KH&CN") == fold("Khoa học và Công nghệ")
    assert fold("TĐKT") == fold("Thi đua - Khen thưởng")


def test_abbreviation_inside_a_word_is_left_alone():
    assert fold("tdktx") == "tdktx"


def test_search_terms_of_an_unaccented_query_match_the_folded_text():
    folded = fold("Ban Quản lý Khu Công nghệ cao Hòa Lạc")
    assert all(term in folded for term in search_terms("hoa lac"))
    assert search_terms("  ") == []
