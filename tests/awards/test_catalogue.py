import pytest

from awards.models import AwardType, LegalRegime, Rule, RuleKind

pytestmark = pytest.mark.django_db

CATALOGUE = [
    "Cờ thi đua của Chính phủ",
    "Cờ thi đua của Bộ Khoa học và Công nghệ",
    "Tập thể lao động xuất sắc",
    "Tập thể lao động tiên tiến",
    "Chiến sĩ thi đua toàn quốc",
    "Chiến sĩ thi đua cấp Bộ",
    "Chiến sĩ thi đua cơ sở",
    "Lao động tiên tiến",
    "Huân chương Lao động hạng Nhất",
    "Huân chương Lao động hạng Nhì",
    "Huân chương Lao động hạng Ba",
    "Bằng khen của Thủ tướng Chính phủ",
    "Bằng khen của Bộ trưởng Bộ Khoa học và Công nghệ",
    "Giấy khen",
]


def test_catalogue_is_loaded_in_display_order():
    assert list(AwardType.objects.values_list("name", flat=True)) == CATALOGUE


def test_government_level_types_are_forwarded_up():
    forwarded = set(AwardType.objects.filter(government_level=True).values_list("slug", flat=True))
    assert "co-thi-dua-chinh-phu" in forwarded
    assert "bang-khen-thu-tuong" in forwarded
    assert "co-thi-dua-bo" not in forwarded


def test_regimes_follow_each_other_and_rules_carry_their_basis():
    assert LegalRegime.objects.in_force_for_year(2015).get().code == "luat-2003-nd-42-2010"
    assert LegalRegime.objects.in_force_for_year(2020).get().code == "luat-2003-nd-91-2017"
    assert LegalRegime.objects.in_force_for_year(2024).get().code == "luat-2022-nd-98-2023"
    rule = Rule.objects.get(code="cstd-bo-phieu-nd91")
    assert rule.basis == "Nghị định 91/2017/NĐ-CP, Điều 45, khoản 8"
    assert rule.threshold_percent == 90


def test_rules_in_force_depend_on_the_year():
    codes_2015 = set(Rule.objects.in_force_for_year(2015).values_list("code", flat=True))
    codes_2024 = set(Rule.objects.in_force_for_year(2024).values_list("code", flat=True))
    assert "co-cp-can-co-bo-nd42" in codes_2015 and "co-cp-can-co-bo-nd42" not in codes_2024
    assert "co-bo-moi-khoi-luat2022" in codes_2024 and "co-bo-moi-khoi-luat2022" not in codes_2015
    assert Rule.objects.filter(kind=RuleKind.COUNCIL_VOTE).count() == 12  # NĐ 91, 98, 152
