"""The award catalogue, the legal regimes and the legal rules, as data.

Values that are understood but not yet checked against the official text carry "VERIFY" in their
note: an administrator corrects them in the admin, no release needed. Re-running is harmless
(update_or_create on slugs/codes), and the reverse step leaves the data in place.
"""

import datetime

from django.db import migrations

D = datetime.date

AWARD_TYPES = [
    # slug, name, short name, category, level, recipient kind, conferrer, government level, group
    (
        "co-thi-dua-chinh-phu",
        "Cờ thi đua của Chính phủ",
        "Cờ thi đua của Chính phủ",
        "danh_hieu",
        "chinh_phu",
        "unit",
        "Thủ tướng Chính phủ",
        True,
        "",
    ),
    (
        "co-thi-dua-bo",
        "Cờ thi đua của Bộ Khoa học và Công nghệ",
        "Cờ thi đua của Bộ",
        "danh_hieu",
        "bo",
        "unit",
        "Bộ trưởng Bộ Khoa học và Công nghệ",
        False,
        "",
    ),
    (
        "tap-the-lao-dong-xuat-sac",
        "Tập thể lao động xuất sắc",
        "",
        "danh_hieu",
        "bo",
        "unit",
        "Bộ trưởng Bộ Khoa học và Công nghệ",
        False,
        "danh-hieu-tap-the-nam",
    ),
    (
        "tap-the-lao-dong-tien-tien",
        "Tập thể lao động tiên tiến",
        "",
        "danh_hieu",
        "co_so",
        "unit",
        "Thủ trưởng đơn vị",
        False,
        "danh-hieu-tap-the-nam",
    ),
    (
        "chien-si-thi-dua-toan-quoc",
        "Chiến sĩ thi đua toàn quốc",
        "",
        "danh_hieu",
        "chinh_phu",
        "person",
        "Thủ tướng Chính phủ",
        True,
        "",
    ),
    (
        "chien-si-thi-dua-cap-bo",
        "Chiến sĩ thi đua cấp Bộ",
        "",
        "danh_hieu",
        "bo",
        "person",
        "Bộ trưởng Bộ Khoa học và Công nghệ",
        False,
        "",
    ),
    (
        "chien-si-thi-dua-co-so",
        "Chiến sĩ thi đua cơ sở",
        "",
        "danh_hieu",
        "co_so",
        "person",
        "Thủ trưởng đơn vị",
        False,
        "",
    ),
    (
        "lao-dong-tien-tien",
        "Lao động tiên tiến",
        "",
        "danh_hieu",
        "co_so",
        "person",
        "Thủ trưởng đơn vị",
        False,
        "",
    ),
    (
        "huan-chuong-lao-dong-hang-nhat",
        "Huân chương Lao động hạng Nhất",
        "",
        "hinh_thuc",
        "nha_nuoc",
        "both",
        "Chủ tịch nước",
        True,
        "",
    ),
    (
        "huan-chuong-lao-dong-hang-nhi",
        "Huân chương Lao động hạng Nhì",
        "",
        "hinh_thuc",
        "nha_nuoc",
        "both",
        "Chủ tịch nước",
        True,
        "",
    ),
    (
        "huan-chuong-lao-dong-hang-ba",
        "Huân chương Lao động hạng Ba",
        "",
        "hinh_thuc",
        "nha_nuoc",
        "both",
        "Chủ tịch nước",
        True,
        "",
    ),
    (
        "bang-khen-thu-tuong",
        "Bằng khen của Thủ tướng Chính phủ",
        "",
        "hinh_thuc",
        "chinh_phu",
        "both",
        "Thủ tướng Chính phủ",
        True,
        "",
    ),
    (
        "bang-khen-bo-truong",
        "Bằng khen của Bộ trưởng Bộ Khoa học và Công nghệ",
        "Bằng khen của Bộ trưởng",
        "hinh_thuc",
        "bo",
        "both",
        "Bộ trưởng Bộ Khoa học và Công nghệ",
        False,
        "",
    ),
    ("giay-khen", "Giấy khen", "", "hinh_thuc", "co_so", "both", "Thủ trưởng đơn vị", False, ""),
]

LAW_2003 = "Luật Thi đua, khen thưởng 2003 (sửa đổi 2005, 2013)"
LAW_2022 = "Luật Thi đua, khen thưởng số 06/2022/QH15"
ND42 = "Nghị định 42/2010/NĐ-CP"
ND91 = "Nghị định 91/2017/NĐ-CP"
ND98 = "Nghị định 98/2023/NĐ-CP"

REGIMES = [
    {
        "code": "luat-2003-nd-42-2010",
        "name": "Luật Thi đua, khen thưởng 2003 và Nghị định 42/2010/NĐ-CP",
        "law": LAW_2003,
        "decree": "Nghị định 42/2010/NĐ-CP (ban hành 15/04/2010), sửa đổi bởi Nghị định 39/2012/NĐ-CP; Nghị định 65/2014/NĐ-CP",
        "valid_from": D(2010, 6, 1),
        "valid_until": D(2017, 9, 14),
        "note": "VERIFY: ngày có hiệu lực của NĐ 42/2010 (01/06/2010) và ngày NĐ 91/2017 thay thế (15/09/2017).",
    },
    {
        "code": "luat-2003-nd-91-2017",
        "name": "Luật Thi đua, khen thưởng 2003 và Nghị định 91/2017/NĐ-CP",
        "law": LAW_2003,
        "decree": "Nghị định 91/2017/NĐ-CP (ban hành 31/07/2017)",
        "valid_from": D(2017, 9, 15),
        "valid_until": D(2023, 12, 31),
        "note": "VERIFY: ngày có hiệu lực của NĐ 91/2017 (15/09/2017).",
    },
    {
        "code": "luat-2022-nd-98-2023",
        "name": "Luật Thi đua, khen thưởng 2022 và Nghị định 98/2023/NĐ-CP",
        "law": f"{LAW_2022} (ban hành 15/06/2022, hiệu lực 01/01/2024)",
        "decree": "Nghị định 98/2023/NĐ-CP (ban hành 31/12/2023, hiệu lực 01/01/2024)",
        "valid_from": D(2024, 1, 1),
        "valid_until": None,
        "note": "VERIFY: một nghị định mới (được nêu là 152/2025/NĐ-CP, từ 01/07/2025) có thể thay thế NĐ 98/2023.",
    },
]

ND42_SPAN = (D(2010, 6, 1), D(2017, 9, 14))
ND91_SPAN = (D(2017, 9, 15), D(2023, 12, 31))
LAW2003_SPAN = (D(2010, 6, 1), D(2023, 12, 31))
LAW2022_SPAN = (D(2024, 1, 1), None)

RULES = [
    # --- Cờ thi đua của Chính phủ ---------------------------------------------------------
    dict(
        code="co-cp-can-co-bo-nd42",
        regime="luat-2003-nd-42-2010",
        span=ND42_SPAN,
        award_type="co-thi-dua-chinh-phu",
        kind="prerequisite_award",
        required=["co-thi-dua-bo"],
        window_years=0,
        count=1,
        name="Cờ thi đua của Chính phủ được xét trong số tập thể đã được đề nghị/tặng Cờ thi đua của Bộ cùng đợt",
        legal_document=ND42,
        article="Điều 16",
        clause="khoản 2",
        note="",
    ),
    dict(
        code="co-cp-can-co-bo-nd91",
        regime="luat-2003-nd-91-2017",
        span=ND91_SPAN,
        award_type="co-thi-dua-chinh-phu",
        kind="prerequisite_award",
        required=["co-thi-dua-bo"],
        window_years=0,
        count=1,
        name="Cờ thi đua của Chính phủ được xét trong số tập thể đạt tiêu chuẩn Cờ thi đua của Bộ",
        legal_document=ND91,
        article="Điều 11",
        clause="khoản 1",
        note="VERIFY: tiêu chuẩn Cờ thi đua cấp bộ được hiểu là đã được đề nghị/tặng Cờ thi đua của Bộ cùng năm.",
    ),
    dict(
        code="co-cp-ty-le-nd91",
        regime="luat-2003-nd-91-2017",
        span=ND91_SPAN,
        award_type="co-thi-dua-chinh-phu",
        kind="quota_share",
        required=["co-thi-dua-bo"],
        share_percent=20,
        share_base="required_types",
        name="Số Cờ thi đua của Chính phủ không quá 20 % số tập thể đạt tiêu chuẩn Cờ thi đua của Bộ",
        legal_document=ND91,
        article="Điều 11",
        clause="khoản 1",
        note="VERIFY: mẫu số được tính là số tập thể được đề nghị/tặng Cờ thi đua của Bộ trong năm.",
    ),
    dict(
        code="co-cp-ty-le-cv5007",
        regime="luat-2003-nd-91-2017",
        span=(D(2023, 9, 5), None),
        award_type="co-thi-dua-chinh-phu",
        kind="quota_share",
        share_percent=20,
        share_base="bloc_leaders",
        name="Số đề nghị Cờ thi đua của Chính phủ không quá 20 % số tập thể dẫn đầu các cụm, khối thi đua",
        legal_document="Công văn 5007/BNV-TĐKT ngày 05/9/2023",
        article="",
        clause="",
        note="VERIFY: còn áp dụng sau 01/01/2024 hay không; tỷ lệ theo NĐ 98/2023.",
    ),
    dict(
        code="co-cp-dan-dau-khoi-luat2022",
        regime="luat-2022-nd-98-2023",
        span=LAW2022_SPAN,
        award_type="co-thi-dua-chinh-phu",
        kind="bloc_leader",
        name="Cờ thi đua của Chính phủ được xét trong số tập thể dẫn đầu (khối trưởng) các cụm, khối thi đua",
        legal_document=LAW_2022,
        article="Điều 25",
        clause="khoản 1",
        note="VERIFY: khoản 2, 3 (khối do Hội đồng Trung ương tổ chức; phong trào của Thủ tướng) chưa được mô hình hóa.",
    ),
    # --- Cờ thi đua của Bộ ------------------------------------------------------------------
    dict(
        code="co-bo-dan-dau-khoi-luat2022",
        regime="luat-2022-nd-98-2023",
        span=LAW2022_SPAN,
        award_type="co-thi-dua-bo",
        kind="bloc_leader",
        name="Cờ thi đua của Bộ tặng tập thể dẫn đầu (khối trưởng) các cụm, khối thi đua của Bộ",
        legal_document=LAW_2022,
        article="Điều 26",
        clause="",
        note="VERIFY: khoản cụ thể của Điều 26.",
    ),
    dict(
        code="co-bo-moi-khoi-luat2022",
        regime="luat-2022-nd-98-2023",
        span=LAW2022_SPAN,
        award_type="co-thi-dua-bo",
        kind="quota_per_bloc",
        count=1,
        name="Mỗi khối thi đua đề nghị tối đa 1 Cờ thi đua của Bộ trong năm",
        legal_document=LAW_2022,
        article="Điều 26",
        clause="",
        note="VERIFY: số lượng mỗi khối do Bộ quy định hằng năm (quy chế thi đua của Bộ).",
    ),
    # --- Chiến sĩ thi đua ---------------------------------------------------------------------
    dict(
        code="cstd-bo-lien-tuc-luat2003",
        regime=None,
        span=LAW2003_SPAN,
        award_type="chien-si-thi-dua-cap-bo",
        kind="consecutive",
        required=["chien-si-thi-dua-co-so"],
        count=3,
        name="Chiến sĩ thi đua cấp Bộ: 3 lần liên tục đạt Chiến sĩ thi đua cơ sở",
        legal_document=LAW_2003,
        article="Điều 22",
        clause="",
        note="VERIFY: số điều; chuỗi năm có tính năm xét hay không.",
    ),
    dict(
        code="cstd-bo-lien-tuc-luat2022",
        regime="luat-2022-nd-98-2023",
        span=LAW2022_SPAN,
        award_type="chien-si-thi-dua-cap-bo",
        kind="consecutive",
        required=["chien-si-thi-dua-co-so"],
        count=3,
        name="Chiến sĩ thi đua cấp Bộ: 3 lần liên tục đạt Chiến sĩ thi đua cơ sở",
        legal_document=LAW_2022,
        article="",
        clause="",
        note="VERIFY: điều, khoản của Luật 2022 và số năm.",
    ),
    dict(
        code="cstd-toan-quoc-lien-tuc-luat2003",
        regime=None,
        span=LAW2003_SPAN,
        award_type="chien-si-thi-dua-toan-quoc",
        kind="consecutive",
        required=["chien-si-thi-dua-cap-bo"],
        count=2,
        name="Chiến sĩ thi đua toàn quốc: 2 lần liên tục đạt Chiến sĩ thi đua cấp Bộ",
        legal_document=LAW_2003,
        article="Điều 21",
        clause="",
        note="VERIFY: số điều; chuỗi năm có tính năm xét hay không.",
    ),
    dict(
        code="cstd-toan-quoc-lien-tuc-luat2022",
        regime="luat-2022-nd-98-2023",
        span=LAW2022_SPAN,
        award_type="chien-si-thi-dua-toan-quoc",
        kind="consecutive",
        required=["chien-si-thi-dua-cap-bo"],
        count=2,
        name="Chiến sĩ thi đua toàn quốc: 2 lần liên tục đạt Chiến sĩ thi đua cấp Bộ",
        legal_document=LAW_2022,
        article="",
        clause="",
        note="VERIFY: điều, khoản của Luật 2022 và số năm.",
    ),
    dict(
        code="cstd-bo-phieu-nd91",
        regime="luat-2003-nd-91-2017",
        span=ND91_SPAN,
        award_type="chien-si-thi-dua-cap-bo",
        kind="council_vote",
        threshold_percent=90,
        vote_base="council_size",
        name="Chiến sĩ thi đua cấp Bộ: từ 90 % tổng số thành viên Hội đồng đồng ý (bỏ phiếu kín)",
        legal_document=ND91,
        article="Điều 45",
        clause="khoản 8",
        note="",
    ),
    dict(
        code="cstd-toan-quoc-phieu-nd91",
        regime="luat-2003-nd-91-2017",
        span=ND91_SPAN,
        award_type="chien-si-thi-dua-toan-quoc",
        kind="council_vote",
        threshold_percent=90,
        vote_base="council_size",
        name="Chiến sĩ thi đua toàn quốc: từ 90 % tổng số thành viên Hội đồng đồng ý (bỏ phiếu kín)",
        legal_document=ND91,
        article="Điều 45",
        clause="khoản 8",
        note="",
    ),
    dict(
        code="cstd-bo-phieu-nd98",
        regime="luat-2022-nd-98-2023",
        span=LAW2022_SPAN,
        award_type="chien-si-thi-dua-cap-bo",
        kind="council_vote",
        threshold_percent=90,
        vote_base="council_size",
        name="Chiến sĩ thi đua cấp Bộ: từ 90 % tổng số thành viên Hội đồng đồng ý (bỏ phiếu kín)",
        legal_document=ND98,
        article="",
        clause="",
        note="VERIFY: tỷ lệ và điều, khoản theo NĐ 98/2023 (giữ như NĐ 91/2017 Điều 45 khoản 8).",
    ),
    dict(
        code="cstd-toan-quoc-phieu-nd98",
        regime="luat-2022-nd-98-2023",
        span=LAW2022_SPAN,
        award_type="chien-si-thi-dua-toan-quoc",
        kind="council_vote",
        threshold_percent=90,
        vote_base="council_size",
        name="Chiến sĩ thi đua toàn quốc: từ 90 % tổng số thành viên Hội đồng đồng ý (bỏ phiếu kín)",
        legal_document=ND98,
        article="",
        clause="",
        note="VERIFY: tỷ lệ và điều, khoản theo NĐ 98/2023 (giữ như NĐ 91/2017 Điều 45 khoản 8).",
    ),
    # --- Huân chương Lao động hạng Ba cho tập thể (Luật 2003 Điều 44) ------------------------------
    dict(
        code="hcld3-tap-the-lien-tuc-luat2003",
        regime=None,
        span=LAW2003_SPAN,
        award_type="huan-chuong-lao-dong-hang-ba",
        recipient_kind="unit",
        kind="consecutive",
        required=["tap-the-lao-dong-xuat-sac"],
        count=5,
        name="Huân chương Lao động hạng Ba (tập thể): 5 năm liên tục đạt Tập thể lao động xuất sắc",
        legal_document=LAW_2003,
        article="Điều 44",
        clause="",
        note="VERIFY: chuỗi năm có tính năm xét hay không.",
    ),
    dict(
        code="hcld3-tap-the-co-hoac-bang-khen-luat2003",
        regime=None,
        span=LAW2003_SPAN,
        award_type="huan-chuong-lao-dong-hang-ba",
        recipient_kind="unit",
        kind="prerequisite_award",
        required=["co-thi-dua-bo", "bang-khen-thu-tuong"],
        window_years=5,
        count=1,
        name="Huân chương Lao động hạng Ba (tập thể): đã được tặng 1 Cờ thi đua của Bộ hoặc 1 Bằng khen của Thủ tướng Chính phủ trong 5 năm",
        legal_document=LAW_2003,
        article="Điều 44",
        clause="",
        note="VERIFY: khoảng thời gian xét.",
    ),
    # --- Không khen thưởng trùng -----------------------------------------------------------------
    dict(
        code="khong-trung-luat2003",
        regime=None,
        span=LAW2003_SPAN,
        award_type=None,
        kind="no_double_reward",
        blocking=False,
        name="Không khen thưởng hai lần cho cùng một thành tích (cùng đối tượng, cùng năm)",
        legal_document=LAW_2003,
        article="Điều 6",
        clause="",
        note="VERIFY: điều khoản về nguyên tắc khen thưởng của Luật 2003.",
    ),
    dict(
        code="khong-trung-luat2022",
        regime="luat-2022-nd-98-2023",
        span=LAW2022_SPAN,
        award_type=None,
        kind="no_double_reward",
        blocking=False,
        name="Một thành tích không khen thưởng hai lần hoặc bằng nhiều hình thức (cùng đối tượng, cùng năm)",
        legal_document=LAW_2022,
        article="Điều 5",
        clause="",
        note="VERIFY: điều, khoản về nguyên tắc khen thưởng của Luật 2022.",
    ),
]


def load(apps, schema_editor):
    AwardType = apps.get_model("awards", "AwardType")
    LegalRegime = apps.get_model("awards", "LegalRegime")
    Rule = apps.get_model("awards", "Rule")
    types = {}
    for order, row in enumerate(AWARD_TYPES, start=1):
        slug, name, short, category, level, kind, conferrer, gov, group = row
        types[slug], _ = AwardType.objects.update_or_create(
            slug=slug,
            defaults=dict(
                name=name,
                short_name=short,
                category=category,
                level=level,
                recipient_kind=kind,
                conferrer=conferrer,
                government_level=gov,
                exclusive_group=group,
                order=order * 10,
            ),
        )
    regimes = {}
    for row in REGIMES:
        regimes[row["code"]], _ = LegalRegime.objects.update_or_create(
            code=row["code"], defaults={k: v for k, v in row.items() if k != "code"}
        )
    for row in RULES:
        row = dict(row)
        code, span, required = row.pop("code"), row.pop("span"), row.pop("required", [])
        regime, award_type = row.pop("regime"), row.pop("award_type")
        rule, _ = Rule.objects.update_or_create(
            code=code,
            defaults=dict(
                row,
                regime=regimes[regime] if regime else None,
                award_type=types[award_type] if award_type else None,
                valid_from=span[0],
                valid_until=span[1],
            ),
        )
        rule.required_award_types.set([types[slug] for slug in required])


class Migration(migrations.Migration):
    dependencies = [("awards", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
