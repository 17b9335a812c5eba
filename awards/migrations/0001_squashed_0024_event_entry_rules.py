"""awards 0001–0024 squashed (Django's `replaces`): a fresh database gets the schema as it stands,
model by model in the order the replaced migrations created them (a column added later is added
here after the model it points to, so PostgreSQL's column order is the same), then, as one
RunPython and in their order, the data it needs from the replaced steps: the catalogue and rules
(0002), the law as it stands (0012), the award types' name keys (0021, whose unique constraint
comes after them, as there), and the name 0018 gave the verification code's unique constraint on
PostgreSQL. The other replaced data steps only fill or copy values of existing dossiers, awards
and tallies (0004, 0010, 0014, 0017, 0022, 0023): a fresh database has none, so they are left
out. A database part-way through 0001–0024 goes on with the replaced migrations, kept as they are.
"""

import datetime
import django.core.validators
import django.db.models.deletion
import django.db.models.expressions
import simple_history.models
import thidua.codes
import thidua.uploads
import thidua.years
from django.conf import settings
from django.db import migrations, models

from decimal import Decimal

from thidua.text import identity_key


def in_one_step(*steps: migrations.RunPython) -> migrations.RunPython:
    """The replaced migrations' RunPython steps, in their order, as one: Django renders the state
    of every model before each RunPython, which is most of the cost of a step here."""

    def forwards(apps, schema_editor):
        for step in steps:
            step.code(apps, schema_editor)

    def backwards(apps, schema_editor):
        for step in reversed(steps):
            if step.reverse_code is not None:
                step.reverse_code(apps, schema_editor)
        if schema_editor.connection.vendor == "postgresql":
            # Check the deletions' deferred foreign keys now: PostgreSQL cannot drop the tables
            # next, in the same transaction, with checks still pending.
            schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")

    return migrations.RunPython(forwards, backwards, elidable=False)


def postgresql_unique_name(table: str, column: str, name: str) -> migrations.RunPython:
    """`column`'s unique constraint, made with the table here, renamed on PostgreSQL (which calls
    it `<table>_<column>_key`) to the name Django gave it when a replaced migration made the
    existing column unique; nothing on SQLite (an unnamed UNIQUE in the table's definition)."""
    created = f"{table}_{column}_key"

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(
                f'ALTER TABLE "{table}" RENAME CONSTRAINT "{created}" TO "{name}"'
            )

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(
                f'ALTER TABLE "{table}" RENAME CONSTRAINT "{name}" TO "{created}"'
            )

    return migrations.RunPython(forwards, backwards, elidable=False)


# --- 0002_catalogue_and_rules: the award catalogue, the legal regimes and the legal rules -------
# Values that are understood but not yet checked against the official text carry "VERIFY" in their
# note: an administrator corrects them in the admin, no release needed.

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

CATALOGUE_RULES = [
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


def load_catalogue(apps, schema_editor):
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
    for row in CATALOGUE_RULES:
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


# --- 0012_law_as_it_stands: the law as it stands (see that migration's docstring) ---------------
# Values still to be checked carry "VERIFY" in their note and stay editable in the admin.

ND98_END = D(2025, 6, 30)
ND152_START = D(2025, 7, 1)
LAW2022_START = D(2024, 1, 1)
ND152 = "Nghị định 152/2025/NĐ-CP"
TT25 = "Thông tư 25/2025/TT-BKHCN"

ND152_REGIME = {
    "code": "luat-2022-nd-152-2025",
    "name": "Luật Thi đua, khen thưởng 2022 và Nghị định 152/2025/NĐ-CP",
    "decree": (
        "Nghị định 152/2025/NĐ-CP (ban hành 14/06/2025, hiệu lực 01/07/2025); Thông tư "
        "15/2025/TT-BNV (04/08/2025); Thông tư 25/2025/TT-BKHCN (31/10/2025) của Bộ Khoa học và "
        "Công nghệ, sau Thông tư 22/2023/TT-BKHCN (29/11/2023)"
    ),
    "valid_from": ND152_START,
    "valid_until": None,
    "note": "NĐ 98/2023/NĐ-CP và NĐ 28/2024/NĐ-CP hết hiệu lực từ 01/07/2025 (NĐ 152/2025 Điều 59).",
}

# (slug, short name, threshold %)
COUNCIL_TYPES = [
    ("chien-si-thi-dua-toan-quoc", "cstd-toan-quoc", 90, "Chiến sĩ thi đua toàn quốc"),
    ("chien-si-thi-dua-cap-bo", "cstd-bo", 90, "Chiến sĩ thi đua cấp Bộ"),
    ("chien-si-thi-dua-co-so", "cstd-co-so", 80, "Chiến sĩ thi đua cơ sở"),
    ("co-thi-dua-bo", "co-bo", 80, "Cờ thi đua của Bộ"),
    ("co-thi-dua-chinh-phu", "co-cp", 80, "Cờ thi đua của Chính phủ"),
]


def council_rules():
    rows = []
    for slug, short, percent, label in COUNCIL_TYPES:
        name = f"{label}: từ {percent} % tổng số thành viên Hội đồng đồng ý (bỏ phiếu kín)"
        common = dict(
            award_type=slug,
            kind="council_vote",
            threshold_percent=percent,
            vote_base="council_size",
            name=name,
        )
        rows.append(
            dict(
                common,
                code=f"{short}-phieu-nd98",
                regime="luat-2022-nd-98-2023",
                span=(LAW2022_START, ND98_END),
                legal_document=ND98,
                article="Điều 30",
                clause="khoản 7",
                note="",
            )
        )
        rows.append(
            dict(
                common,
                code=f"{short}-phieu-nd152",
                regime="luat-2022-nd-152-2025",
                span=(ND152_START, None),
                legal_document=ND152,
                article="",
                clause="",
                note="VERIFY: tỷ lệ và điều, khoản theo NĐ 152/2025; giữ tỷ lệ của NĐ 98/2023 "
                "Điều 30 khoản 7.",
            )
        )
        rows.append(
            dict(
                code=f"{short}-hop-hoi-dong-2-3",
                regime=None,
                span=(LAW2022_START, None),
                award_type=slug,
                kind="council_quorum",
                quorum_numerator=2,
                quorum_denominator=3,
                name=f"{label}: Hội đồng họp xét khi có từ 2/3 tổng số thành viên có mặt",
                legal_document=TT25,
                article="Điều 22–23",
                clause="",
                note="VERIFY: trước Thông tư 25/2025/TT-BKHCN, quy chế theo Thông tư "
                "22/2023/TT-BKHCN; đối chiếu điều, khoản tương ứng.",
            )
        )
    return rows


LAW_RULES = [
    *council_rules(),
    dict(
        code="bang-khen-bo-tap-the-lien-tuc-tt25",
        regime="luat-2022-nd-152-2025",
        span=(D(2025, 10, 31), None),
        award_type="bang-khen-bo-truong",
        recipient_kind="unit",
        kind="consecutive",
        required=["tap-the-lao-dong-xuat-sac"],
        count=2,
        name="Bằng khen của Bộ trưởng (tập thể): 2 năm liên tục đạt Tập thể lao động xuất sắc",
        legal_document=TT25,
        article="Điều 7",
        clause="",
        note="VERIFY: ngày có hiệu lực của Thông tư 25/2025/TT-BKHCN (ghi theo ngày ban hành "
        "31/10/2025); chuỗi năm có tính năm xét hay không.",
    ),
]

# Existing rules: the articles now known, the names that said «khối trưởng».
UPDATES = {
    "cstd-bo-lien-tuc-luat2022": dict(
        article="Điều 22", note="VERIFY: chuỗi năm có tính năm xét hay không."
    ),
    "cstd-toan-quoc-lien-tuc-luat2022": dict(
        article="Điều 21", note="VERIFY: chuỗi năm có tính năm xét hay không."
    ),
    "co-cp-dan-dau-khoi-luat2022": dict(
        name="Cờ thi đua của Chính phủ được xét trong số tập thể dẫn đầu các cụm, khối thi đua"
    ),
    "co-bo-dan-dau-khoi-luat2022": dict(
        name="Cờ thi đua của Bộ tặng tập thể dẫn đầu các cụm, khối thi đua của Bộ"
    ),
}

BASE_SALARIES = [
    (D(2019, 7, 1), 1_490_000, "Nghị định 38/2019/NĐ-CP"),
    (D(2023, 7, 1), 1_800_000, "Nghị định 24/2023/NĐ-CP"),
    (D(2024, 7, 1), 2_340_000, "Nghị định 73/2024/NĐ-CP"),
]
SALARY_NOTE = "VERIFY: mức và ngày áp dụng chưa đối chiếu với văn bản gốc."

TITLE_COEFFICIENTS = [
    ("co-thi-dua-chinh-phu", "unit", "12.0"),
    ("co-thi-dua-bo", "unit", "8.0"),
    ("tap-the-lao-dong-xuat-sac", "unit", "1.5"),
    ("tap-the-lao-dong-tien-tien", "unit", "0.8"),
    ("chien-si-thi-dua-toan-quoc", "person", "4.5"),
    ("chien-si-thi-dua-cap-bo", "person", "3.0"),
    ("chien-si-thi-dua-co-so", "person", "1.0"),
    ("lao-dong-tien-tien", "person", "0.3"),
]
CERTIFICATE_COEFFICIENTS = [
    ("bang-khen-thu-tuong", "person", "3.5"),
    ("bang-khen-thu-tuong", "unit", "7.0"),
    ("bang-khen-bo-truong", "person", "1.5"),
    ("bang-khen-bo-truong", "unit", "3.0"),
    ("giay-khen", "person", "0.3"),
    ("giay-khen", "unit", "0.6"),
]


def coefficients():
    for slug, kind, value in TITLE_COEFFICIENTS:
        yield slug, kind, value, LAW2022_START, ND98_END, ND98, "Điều 54"
        yield slug, kind, value, ND152_START, None, ND152, "Điều 50"
    for slug, kind, value in CERTIFICATE_COEFFICIENTS:
        yield slug, kind, value, ND152_START, None, ND152, "Điều 54"


def load_law(apps, schema_editor):
    AwardType = apps.get_model("awards", "AwardType")
    LegalRegime = apps.get_model("awards", "LegalRegime")
    Rule = apps.get_model("awards", "Rule")
    BaseSalary = apps.get_model("awards", "BaseSalary")
    PrizeCoefficient = apps.get_model("awards", "PrizeCoefficient")
    types = {t.slug: t for t in AwardType.objects.all()}
    nd98 = LegalRegime.objects.filter(code="luat-2022-nd-98-2023").first()
    if nd98 is None:
        return  # the catalogue was never loaded: nothing to amend
    nd98.valid_until = ND98_END
    nd98.note = "Hết hiệu lực từ 01/07/2025, thay bằng Nghị định 152/2025/NĐ-CP."
    nd98.save()
    # The same law as NĐ 98's regime: a new decree does not make 2024 historical.
    regimes = {"luat-2022-nd-98-2023": nd98}
    regimes[ND152_REGIME["code"]], _ = LegalRegime.objects.update_or_create(
        code=ND152_REGIME["code"],
        defaults={**{k: v for k, v in ND152_REGIME.items() if k != "code"}, "law": nd98.law},
    )
    for code, fields in UPDATES.items():
        Rule.objects.filter(code=code).update(**fields)
    for row in LAW_RULES:
        row = dict(row)
        code, span, required = row.pop("code"), row.pop("span"), row.pop("required", [])
        regime, slug = row.pop("regime"), row.pop("award_type")
        if slug not in types:
            continue
        rule, _ = Rule.objects.update_or_create(
            code=code,
            defaults=dict(
                row,
                regime=regimes[regime] if regime else None,
                award_type=types[slug],
                valid_from=span[0],
                valid_until=span[1],
            ),
        )
        rule.required_award_types.set([types[s] for s in required if s in types])
    for valid_from, amount, document in BASE_SALARIES:
        BaseSalary.objects.update_or_create(
            valid_from=valid_from,
            defaults={"amount": amount, "legal_document": document, "note": SALARY_NOTE},
        )
    for slug, kind, value, start, end, document, article in coefficients():
        if slug not in types:
            continue
        PrizeCoefficient.objects.update_or_create(
            award_type=types[slug],
            recipient_kind=kind,
            valid_from=start,
            defaults={
                "coefficient": Decimal(value),
                "valid_until": end,
                "legal_document": document,
                "article": article,
            },
        )


def unload_law(apps, schema_editor):
    LegalRegime = apps.get_model("awards", "LegalRegime")
    Rule = apps.get_model("awards", "Rule")
    new_codes = [r["code"] for r in LAW_RULES if not r["code"].endswith("-nd98")]
    Rule.objects.filter(code__in=new_codes).delete()
    Rule.objects.filter(
        code__in=["co-bo-phieu-nd98", "co-cp-phieu-nd98", "cstd-co-so-phieu-nd98"]
    ).delete()
    Rule.objects.filter(code__in=["cstd-bo-phieu-nd98", "cstd-toan-quoc-phieu-nd98"]).update(
        valid_until=None
    )
    apps.get_model("awards", "PrizeCoefficient").objects.all().delete()
    apps.get_model("awards", "BaseSalary").objects.all().delete()
    LegalRegime.objects.filter(code=ND152_REGIME["code"]).delete()
    LegalRegime.objects.filter(code="luat-2022-nd-98-2023").update(valid_until=None)


# --- 0021_award_type_name_key: each award type's name key ---------------------------------------


def fill_type_name_keys(apps, schema_editor):
    AwardType = apps.get_model("awards", "AwardType")
    for award_type in AwardType.objects.all():
        award_type.name_key = identity_key(award_type.name)
        award_type.save(update_fields=["name_key"])


class Migration(migrations.Migration):
    replaces = [
        ("awards", "0001_initial"),
        ("awards", "0002_catalogue_and_rules"),
        ("awards", "0003_admin_list_indexes"),
        ("awards", "0004_type_order_sort_key"),
        ("awards", "0005_transition_admin_order"),
        ("awards", "0006_award_decision_index"),
        ("awards", "0007_transition_action_choices"),
        ("awards", "0008_award_record_base"),
        ("awards", "0009_award_ordinal_and_honour"),
        ("awards", "0010_nomination_version_endorsement_assignment"),
        ("awards", "0011_override_document_quorum_and_prizes"),
        ("awards", "0012_law_as_it_stands"),
        ("awards", "0013_dates_within_range"),
        ("awards", "0014_award_source"),
        ("awards", "0015_award_outside_workflow_is_historical"),
        ("awards", "0016_dossier_log_protected"),
        ("awards", "0017_award_verification_code"),
        ("awards", "0018_award_verification_code_unique"),
        ("awards", "0019_certificate_layouts"),
        ("awards", "0020_date_range_prizes_overrides"),
        ("awards", "0021_award_type_name_key"),
        ("awards", "0022_award_tallies"),
        ("awards", "0023_statistics_tallies"),
        ("awards", "0024_event_entry_rules"),
    ]

    initial = True

    dependencies = [
        ("blocs", "0012_assessment"),
        ("units", "0008_unit_name_vietnamese_order_index"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="AwardType",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=255, unique=True, verbose_name="tên")),
                (
                    "short_name",
                    models.CharField(blank=True, max_length=100, verbose_name="tên ngắn"),
                ),
                ("slug", models.SlugField(max_length=120, unique=True, verbose_name="đường dẫn")),
                (
                    "category",
                    models.CharField(
                        choices=[
                            ("danh_hieu", "Danh hiệu thi đua"),
                            ("hinh_thuc", "Hình thức khen thưởng"),
                        ],
                        max_length=20,
                        verbose_name="nhóm",
                    ),
                ),
                (
                    "level",
                    models.CharField(
                        choices=[
                            ("nha_nuoc", "Nhà nước"),
                            ("chinh_phu", "Chính phủ"),
                            ("bo", "Bộ"),
                            ("co_so", "Cơ sở"),
                        ],
                        max_length=20,
                        verbose_name="cấp",
                    ),
                ),
                (
                    "recipient_kind",
                    models.CharField(
                        choices=[
                            ("unit", "Tập thể"),
                            ("person", "Cá nhân"),
                            ("both", "Tập thể hoặc cá nhân"),
                        ],
                        default="unit",
                        max_length=10,
                        verbose_name="đối tượng",
                    ),
                ),
                (
                    "conferrer",
                    models.CharField(
                        help_text="Ví dụ: Bộ trưởng Bộ KH&CN.",
                        max_length=255,
                        verbose_name="thẩm quyền quyết định",
                    ),
                ),
                (
                    "government_level",
                    models.BooleanField(
                        default=False,
                        help_text="Bộ chỉ đề nghị; hồ sơ được chuyển lên Thủ tướng/Chủ tịch nước quyết định.",
                        verbose_name="trình cấp trên",
                    ),
                ),
                (
                    "exclusive_group",
                    models.SlugField(
                        blank=True,
                        help_text="Các loại khen thưởng cùng nhóm không được trao cho cùng đối tượng trong một năm (ví dụ danh hiệu tập thể hằng năm).",
                        max_length=60,
                        verbose_name="nhóm loại trừ trong năm",
                    ),
                ),
                (
                    "order",
                    models.PositiveSmallIntegerField(default=100, verbose_name="thứ tự hiển thị"),
                ),
                ("description", models.TextField(blank=True, verbose_name="ghi chú")),
                ("is_active", models.BooleanField(default=True, verbose_name="đang sử dụng")),
                (
                    "name_key",
                    models.CharField(
                        default="", editable=False, max_length=255, verbose_name="khóa so tên"
                    ),
                ),
            ],
            options={
                "verbose_name": "loại khen thưởng",
                "verbose_name_plural": "danh mục khen thưởng",
                "ordering": ["order", "name"],
                "constraints": [],
            },
        ),
        migrations.CreateModel(
            name="Decision",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("grant", "Quyết định khen thưởng"),
                            ("revoke", "Quyết định thu hồi, hủy bỏ khen thưởng"),
                        ],
                        default="grant",
                        max_length=10,
                        verbose_name="loại quyết định",
                    ),
                ),
                (
                    "signer_name",
                    models.CharField(blank=True, max_length=150, verbose_name="người ký"),
                ),
                (
                    "signer_title",
                    models.CharField(blank=True, max_length=150, verbose_name="chức vụ người ký"),
                ),
                ("is_published", models.BooleanField(default=True, verbose_name="công khai")),
                ("note", models.TextField(blank=True, verbose_name="ghi chú")),
                (
                    "document",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="award_decision",
                        to="blocs.document",
                        verbose_name="văn bản",
                    ),
                ),
                (
                    "signer",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="signed_award_decisions",
                        to="units.person",
                        verbose_name="người ký (hồ sơ cá nhân)",
                    ),
                ),
            ],
            options={
                "verbose_name": "quyết định khen thưởng",
                "verbose_name_plural": "quyết định khen thưởng",
                "ordering": ["-document__issued_on", "pk"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalAwardType",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(db_index=True, max_length=255, verbose_name="tên")),
                (
                    "short_name",
                    models.CharField(blank=True, max_length=100, verbose_name="tên ngắn"),
                ),
                ("slug", models.SlugField(max_length=120, verbose_name="đường dẫn")),
                (
                    "category",
                    models.CharField(
                        choices=[
                            ("danh_hieu", "Danh hiệu thi đua"),
                            ("hinh_thuc", "Hình thức khen thưởng"),
                        ],
                        max_length=20,
                        verbose_name="nhóm",
                    ),
                ),
                (
                    "level",
                    models.CharField(
                        choices=[
                            ("nha_nuoc", "Nhà nước"),
                            ("chinh_phu", "Chính phủ"),
                            ("bo", "Bộ"),
                            ("co_so", "Cơ sở"),
                        ],
                        max_length=20,
                        verbose_name="cấp",
                    ),
                ),
                (
                    "recipient_kind",
                    models.CharField(
                        choices=[
                            ("unit", "Tập thể"),
                            ("person", "Cá nhân"),
                            ("both", "Tập thể hoặc cá nhân"),
                        ],
                        default="unit",
                        max_length=10,
                        verbose_name="đối tượng",
                    ),
                ),
                (
                    "conferrer",
                    models.CharField(
                        help_text="Ví dụ: Bộ trưởng Bộ KH&CN.",
                        max_length=255,
                        verbose_name="thẩm quyền quyết định",
                    ),
                ),
                (
                    "government_level",
                    models.BooleanField(
                        default=False,
                        help_text="Bộ chỉ đề nghị; hồ sơ được chuyển lên Thủ tướng/Chủ tịch nước quyết định.",
                        verbose_name="trình cấp trên",
                    ),
                ),
                (
                    "exclusive_group",
                    models.SlugField(
                        blank=True,
                        help_text="Các loại khen thưởng cùng nhóm không được trao cho cùng đối tượng trong một năm (ví dụ danh hiệu tập thể hằng năm).",
                        max_length=60,
                        verbose_name="nhóm loại trừ trong năm",
                    ),
                ),
                (
                    "order",
                    models.PositiveSmallIntegerField(default=100, verbose_name="thứ tự hiển thị"),
                ),
                ("description", models.TextField(blank=True, verbose_name="ghi chú")),
                ("is_active", models.BooleanField(default=True, verbose_name="đang sử dụng")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "name_key",
                    models.CharField(
                        default="", editable=False, max_length=255, verbose_name="khóa so tên"
                    ),
                ),
            ],
            options={
                "verbose_name": "historical loại khen thưởng",
                "verbose_name_plural": "historical danh mục khen thưởng",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalDecision",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("grant", "Quyết định khen thưởng"),
                            ("revoke", "Quyết định thu hồi, hủy bỏ khen thưởng"),
                        ],
                        default="grant",
                        max_length=10,
                        verbose_name="loại quyết định",
                    ),
                ),
                (
                    "signer_name",
                    models.CharField(blank=True, max_length=150, verbose_name="người ký"),
                ),
                (
                    "signer_title",
                    models.CharField(blank=True, max_length=150, verbose_name="chức vụ người ký"),
                ),
                ("is_published", models.BooleanField(default=True, verbose_name="công khai")),
                ("note", models.TextField(blank=True, verbose_name="ghi chú")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "document",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="blocs.document",
                        verbose_name="văn bản",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "signer",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="units.person",
                        verbose_name="người ký (hồ sơ cá nhân)",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical quyết định khen thưởng",
                "verbose_name_plural": "historical quyết định khen thưởng",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalLegalRegime",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=255, verbose_name="tên")),
                ("code", models.SlugField(max_length=60, verbose_name="mã")),
                ("law", models.CharField(max_length=255, verbose_name="luật")),
                (
                    "decree",
                    models.CharField(
                        blank=True, max_length=255, verbose_name="nghị định hướng dẫn"
                    ),
                ),
                (
                    "valid_from",
                    models.DateField(
                        validators=[thidua.years.DateRangeValidator()],
                        verbose_name="có hiệu lực từ",
                    ),
                ),
                (
                    "valid_until",
                    models.DateField(
                        blank=True,
                        null=True,
                        validators=[thidua.years.DateRangeValidator()],
                        verbose_name="hết hiệu lực",
                    ),
                ),
                ("note", models.TextField(blank=True, verbose_name="ghi chú (cần kiểm tra)")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical chế độ pháp lý",
                "verbose_name_plural": "historical chế độ pháp lý",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalProposal",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="thứ tự")),
                ("note", models.TextField(blank=True, verbose_name="ghi chú")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "award_type",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="awards.awardtype",
                        verbose_name="loại khen thưởng",
                    ),
                ),
                (
                    "event",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="blocs.event",
                        verbose_name="sự kiện",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="units.person",
                        verbose_name="cá nhân",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="units.unit",
                        verbose_name="tập thể",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical đề xuất khen thưởng tại sự kiện",
                "verbose_name_plural": "historical đề xuất khen thưởng tại sự kiện",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="LegalRegime",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=255, verbose_name="tên")),
                ("code", models.SlugField(max_length=60, unique=True, verbose_name="mã")),
                ("law", models.CharField(max_length=255, verbose_name="luật")),
                (
                    "decree",
                    models.CharField(
                        blank=True, max_length=255, verbose_name="nghị định hướng dẫn"
                    ),
                ),
                (
                    "valid_from",
                    models.DateField(
                        validators=[thidua.years.DateRangeValidator()],
                        verbose_name="có hiệu lực từ",
                    ),
                ),
                (
                    "valid_until",
                    models.DateField(
                        blank=True,
                        null=True,
                        validators=[thidua.years.DateRangeValidator()],
                        verbose_name="hết hiệu lực",
                    ),
                ),
                ("note", models.TextField(blank=True, verbose_name="ghi chú (cần kiểm tra)")),
            ],
            options={
                "verbose_name": "chế độ pháp lý",
                "verbose_name_plural": "chế độ pháp lý",
                "ordering": ["-valid_from"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("valid_until__isnull", True),
                            ("valid_until__gte", models.F("valid_from")),
                            _connector="OR",
                        ),
                        name="regime_dates_ordered",
                        violation_error_message="Ngày hết hiệu lực phải sau ngày có hiệu lực.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("valid_from__isnull", True),
                            models.Q(
                                ("valid_from__gte", datetime.date(1945, 1, 1)),
                                ("valid_from__lte", datetime.date(2100, 12, 31)),
                            ),
                            _connector="OR",
                        ),
                        name="regime_valid_from_in_range",
                        violation_error_message="Ngày phải trong khoảng 01/01/1945 – 31/12/2100.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("valid_until__isnull", True),
                            models.Q(
                                ("valid_until__gte", datetime.date(1945, 1, 1)),
                                ("valid_until__lte", datetime.date(2100, 12, 31)),
                            ),
                            _connector="OR",
                        ),
                        name="regime_valid_until_in_range",
                        violation_error_message="Ngày phải trong khoảng 01/01/1945 – 31/12/2100.",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="HistoricalRule",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("code", models.SlugField(max_length=80, verbose_name="mã")),
                ("name", models.CharField(max_length=300, verbose_name="tên quy định")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("prerequisite_award", "Điều kiện: đã có khen thưởng khác"),
                            ("bloc_leader", "Điều kiện: dẫn đầu khối thi đua"),
                            ("quota_per_bloc", "Số lượng tối đa mỗi khối trong năm"),
                            ("quota_share", "Tỷ lệ tối đa"),
                            ("consecutive", "Thành tích liên tục nhiều năm"),
                            ("council_vote", "Tỷ lệ phiếu Hội đồng"),
                            ("council_quorum", "Số thành viên Hội đồng có mặt tối thiểu"),
                            ("no_double_reward", "Không khen thưởng trùng"),
                        ],
                        max_length=30,
                        verbose_name="loại quy định",
                    ),
                ),
                (
                    "recipient_kind",
                    models.CharField(
                        choices=[
                            ("unit", "Tập thể"),
                            ("person", "Cá nhân"),
                            ("both", "Tập thể hoặc cá nhân"),
                        ],
                        default="both",
                        help_text="Ví dụ: điều kiện Huân chương cho tập thể khác điều kiện cho cá nhân.",
                        max_length=10,
                        verbose_name="áp dụng cho đối tượng",
                    ),
                ),
                (
                    "count",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="Số tối đa mỗi khối; số năm liên tục; số lần tối thiểu đã được khen.",
                        null=True,
                        verbose_name="số lượng / số năm",
                    ),
                ),
                (
                    "window_years",
                    models.PositiveSmallIntegerField(
                        default=0,
                        help_text="Điều kiện đã có khen thưởng: 0 = cùng năm (cùng đợt); n = trong n năm trước đó.",
                        verbose_name="trong số năm trước",
                    ),
                ),
                (
                    "include_current_year",
                    models.BooleanField(
                        default=True,
                        help_text="Thành tích liên tục: chuỗi năm kết thúc ở năm xét (có) hay năm trước đó (không).",
                        verbose_name="tính cả năm xét",
                    ),
                ),
                (
                    "share_percent",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        max_digits=5,
                        null=True,
                        verbose_name="tỷ lệ tối đa (%)",
                    ),
                ),
                (
                    "share_base",
                    models.CharField(
                        blank=True,
                        choices=[
                            (
                                "required_types",
                                "Số đối tượng được đề nghị/tặng các loại khen thưởng điều kiện",
                            ),
                            ("bloc_leaders", "Số tập thể dẫn đầu các khối thi đua"),
                        ],
                        max_length=20,
                        verbose_name="mẫu số của tỷ lệ",
                    ),
                ),
                (
                    "threshold_percent",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        max_digits=5,
                        null=True,
                        verbose_name="tỷ lệ phiếu tối thiểu (%)",
                    ),
                ),
                (
                    "vote_base",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("council_size", "Tổng số thành viên Hội đồng"),
                            ("present", "Số thành viên có mặt"),
                        ],
                        max_length=20,
                        verbose_name="tính trên",
                    ),
                ),
                (
                    "legal_document",
                    models.CharField(
                        help_text="Ví dụ: Nghị định 91/2017/NĐ-CP.",
                        max_length=255,
                        verbose_name="văn bản căn cứ",
                    ),
                ),
                ("article", models.CharField(blank=True, max_length=60, verbose_name="điều")),
                ("clause", models.CharField(blank=True, max_length=60, verbose_name="khoản")),
                (
                    "valid_from",
                    models.DateField(
                        validators=[thidua.years.DateRangeValidator()],
                        verbose_name="có hiệu lực từ",
                    ),
                ),
                (
                    "valid_until",
                    models.DateField(
                        blank=True,
                        null=True,
                        validators=[thidua.years.DateRangeValidator()],
                        verbose_name="hết hiệu lực",
                    ),
                ),
                (
                    "blocking",
                    models.BooleanField(
                        default=True,
                        help_text="Không đạt thì không nộp được. Bỏ chọn: chỉ cảnh báo cho chuyên viên thẩm định (vẫn chặn khi đề nghị khen thưởng).",
                        verbose_name="chặn khi nộp hồ sơ",
                    ),
                ),
                ("is_active", models.BooleanField(default=True, verbose_name="đang áp dụng")),
                (
                    "note",
                    models.TextField(blank=True, verbose_name="ghi chú (cần kiểm tra - VERIFY)"),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "award_type",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="Để trống: áp dụng cho mọi loại khen thưởng.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="awards.awardtype",
                        verbose_name="áp dụng cho loại khen thưởng",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "regime",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="awards.legalregime",
                        verbose_name="chế độ pháp lý",
                    ),
                ),
                (
                    "quorum_denominator",
                    models.PositiveSmallIntegerField(
                        blank=True, null=True, verbose_name="có mặt tối thiểu: mẫu số"
                    ),
                ),
                (
                    "quorum_numerator",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="Ví dụ 2 trong «2/3 tổng số thành viên Hội đồng» (phân số, tính chính xác).",
                        null=True,
                        verbose_name="có mặt tối thiểu: tử số",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical quy định khen thưởng",
                "verbose_name_plural": "historical quy định khen thưởng",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Nomination",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "year",
                    models.PositiveSmallIntegerField(
                        validators=[
                            django.core.validators.MinValueValidator(1945),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="năm thành tích",
                    ),
                ),
                ("achievements", models.TextField(blank=True, verbose_name="tóm tắt thành tích")),
                (
                    "achievement_report",
                    models.FileField(
                        blank=True,
                        upload_to="awards/reports/%Y/",
                        validators=[
                            thidua.uploads.UploadValidator(
                                ["pdf", "doc", "docx", "xls", "xlsx", "odt", "ods"]
                            )
                        ],
                        verbose_name="báo cáo thành tích",
                    ),
                ),
                (
                    "bloc_votes_for",
                    models.PositiveSmallIntegerField(
                        blank=True, null=True, verbose_name="số phiếu đồng ý của khối"
                    ),
                ),
                (
                    "bloc_votes_total",
                    models.PositiveSmallIntegerField(
                        blank=True, null=True, verbose_name="tổng số phiếu của khối"
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Dự thảo"),
                            ("submitted", "Đã gửi"),
                            ("in_review", "Đang thẩm định"),
                            ("returned", "Trả lại để bổ sung"),
                            ("recommended", "Đã đề nghị khen thưởng"),
                            ("forwarded", "Đã trình cấp trên"),
                            ("granted", "Đã được khen thưởng"),
                            ("rejected", "Không đề nghị"),
                            ("withdrawn", "Đã rút"),
                            ("revoked", "Đã bị thu hồi"),
                        ],
                        default="draft",
                        editable=False,
                        max_length=20,
                        verbose_name="trạng thái",
                    ),
                ),
                (
                    "is_historical",
                    models.BooleanField(
                        default=False,
                        help_text="Hồ sơ của năm trước chế độ pháp lý hiện hành hoặc nhập từ quyết định cũ: được chấp nhận, quy định hiện hành chỉ ghi chú.",
                        verbose_name="hồ sơ lịch sử",
                    ),
                ),
                ("note", models.TextField(blank=True, verbose_name="ghi chú")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="tạo lúc")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="cập nhật lúc")),
                (
                    "award_type",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="%(class)ss",
                        to="awards.awardtype",
                        verbose_name="loại khen thưởng",
                    ),
                ),
                (
                    "bloc",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="%(class)ss",
                        to="blocs.bloc",
                        verbose_name="khối đề nghị",
                    ),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="người tạo",
                    ),
                ),
                (
                    "event",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="nominations",
                        to="blocs.event",
                        verbose_name="tại sự kiện",
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="%(class)ss",
                        to="units.person",
                        verbose_name="cá nhân",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="%(class)ss",
                        to="units.unit",
                        verbose_name="tập thể",
                    ),
                ),
            ],
            options={
                "verbose_name": "hồ sơ đề nghị khen thưởng",
                "verbose_name_plural": "hồ sơ đề nghị khen thưởng",
                "ordering": ["-year", "type_order", "pk"],
                "indexes": [
                    models.Index(fields=["year", "status"], name="nomination_year_status"),
                    models.Index(fields=["status", "year"], name="nomination_status_year"),
                    models.Index(fields=["award_type", "year"], name="nomination_type_year"),
                    models.Index(fields=["bloc", "year"], name="nomination_bloc_year"),
                    models.Index(fields=["unit", "year"], name="nomination_unit_year"),
                    models.Index(fields=["person", "year"], name="nomination_person_year"),
                    models.Index(fields=["year", "id"], name="nomination_year_id"),
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("person__isnull", True), ("unit__isnull", False)),
                            models.Q(("person__isnull", False), ("unit__isnull", True)),
                            _connector="OR",
                        ),
                        name="nomination_recipient_unit_xor_person",
                        violation_error_message="Đối tượng khen thưởng là một tập thể hoặc một cá nhân (chọn đúng một).",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("bloc_votes_for__isnull", True),
                            ("bloc_votes_total__isnull", True),
                            ("bloc_votes_for__lte", models.F("bloc_votes_total")),
                            _connector="OR",
                        ),
                        name="nomination_bloc_votes_within_total",
                        violation_error_message="Số phiếu đồng ý không được lớn hơn tổng số phiếu.",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="HistoricalTransition",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "action",
                    models.CharField(
                        choices=[
                            ("create", "Tạo hồ sơ"),
                            ("submit", "Gửi hồ sơ"),
                            ("withdraw", "Rút hồ sơ"),
                            ("start_review", "Bắt đầu thẩm định"),
                            ("return", "Trả lại"),
                            ("recommend", "Đề nghị khen thưởng"),
                            ("reject", "Không đề nghị"),
                            ("forward", "Trình cấp trên"),
                            ("grant", "Khen thưởng theo quyết định"),
                            ("revoke", "Thu hồi khen thưởng"),
                            ("council_vote", "Ghi kết quả bỏ phiếu Hội đồng"),
                            ("override", "Cho phép ngoại lệ quy định"),
                            ("import", "Nhập hồ sơ lịch sử"),
                            ("assign", "Giao người thẩm định khác đơn vị"),
                        ],
                        max_length=30,
                        verbose_name="thao tác",
                    ),
                ),
                (
                    "from_status",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("draft", "Dự thảo"),
                            ("submitted", "Đã gửi"),
                            ("in_review", "Đang thẩm định"),
                            ("returned", "Trả lại để bổ sung"),
                            ("recommended", "Đã đề nghị khen thưởng"),
                            ("forwarded", "Đã trình cấp trên"),
                            ("granted", "Đã được khen thưởng"),
                            ("rejected", "Không đề nghị"),
                            ("withdrawn", "Đã rút"),
                            ("revoked", "Đã bị thu hồi"),
                        ],
                        max_length=20,
                        verbose_name="từ trạng thái",
                    ),
                ),
                (
                    "to_status",
                    models.CharField(
                        choices=[
                            ("draft", "Dự thảo"),
                            ("submitted", "Đã gửi"),
                            ("in_review", "Đang thẩm định"),
                            ("returned", "Trả lại để bổ sung"),
                            ("recommended", "Đã đề nghị khen thưởng"),
                            ("forwarded", "Đã trình cấp trên"),
                            ("granted", "Đã được khen thưởng"),
                            ("rejected", "Không đề nghị"),
                            ("withdrawn", "Đã rút"),
                            ("revoked", "Đã bị thu hồi"),
                        ],
                        max_length=20,
                        verbose_name="sang trạng thái",
                    ),
                ),
                (
                    "at",
                    models.DateTimeField(
                        validators=[thidua.years.DateRangeValidator()], verbose_name="thời điểm"
                    ),
                ),
                ("reason", models.TextField(blank=True, verbose_name="lý do / ghi chú")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "actor",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="người thực hiện",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "nomination",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="awards.nomination",
                        verbose_name="hồ sơ",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical bước xử lý hồ sơ",
                "verbose_name_plural": "historical nhật ký xử lý hồ sơ",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalCouncilVote",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "held_on",
                    models.DateField(
                        validators=[thidua.years.DateRangeValidator()], verbose_name="ngày họp"
                    ),
                ),
                ("votes_for", models.PositiveSmallIntegerField(verbose_name="số phiếu đồng ý")),
                (
                    "votes_against",
                    models.PositiveSmallIntegerField(
                        default=0, verbose_name="số phiếu không đồng ý"
                    ),
                ),
                ("present", models.PositiveSmallIntegerField(verbose_name="số thành viên có mặt")),
                (
                    "council_size",
                    models.PositiveSmallIntegerField(verbose_name="tổng số thành viên Hội đồng"),
                ),
                ("note", models.TextField(blank=True, verbose_name="ghi chú")),
                (
                    "recorded_at",
                    models.DateTimeField(blank=True, editable=False, verbose_name="ghi lúc"),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "recorded_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="người ghi",
                    ),
                ),
                (
                    "nomination",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="awards.nomination",
                        verbose_name="hồ sơ",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical kết quả bỏ phiếu Hội đồng",
                "verbose_name_plural": "historical kết quả bỏ phiếu Hội đồng",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalAward",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "year",
                    models.PositiveSmallIntegerField(
                        validators=[
                            django.core.validators.MinValueValidator(1945),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="năm thành tích",
                    ),
                ),
                (
                    "prize_rank",
                    models.CharField(
                        blank=True,
                        help_text="Chi tiết cũ, ví dụ hạng giải.",
                        max_length=100,
                        verbose_name="hạng, mức (nếu có)",
                    ),
                ),
                (
                    "is_historical",
                    models.BooleanField(
                        default=False,
                        help_text="Khen thưởng lịch sử nhập trực tiếp từ quyết định, không qua hồ sơ đề nghị (tự đánh dấu với các năm trước chế độ pháp lý hiện hành).",
                        verbose_name="nhập từ quyết định cũ",
                    ),
                ),
                ("note", models.TextField(blank=True, verbose_name="ghi chú")),
                ("revocation_reason", models.TextField(blank=True, verbose_name="lý do thu hồi")),
                (
                    "revoked_at",
                    models.DateTimeField(
                        blank=True,
                        null=True,
                        validators=[thidua.years.DateRangeValidator()],
                        verbose_name="thu hồi lúc",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "award_type",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="awards.awardtype",
                        verbose_name="loại khen thưởng",
                    ),
                ),
                (
                    "bloc",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="blocs.bloc",
                        verbose_name="khối đề nghị",
                    ),
                ),
                (
                    "decision",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="awards.decision",
                        verbose_name="quyết định",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="units.person",
                        verbose_name="cá nhân",
                    ),
                ),
                (
                    "revoked_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="awards.decision",
                        verbose_name="bị thu hồi theo quyết định",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="units.unit",
                        verbose_name="tập thể",
                    ),
                ),
                (
                    "nomination",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="awards.nomination",
                        verbose_name="hồ sơ đề nghị",
                    ),
                ),
                (
                    "type_order",
                    models.PositiveSmallIntegerField(
                        default=100, editable=False, verbose_name="thứ tự loại khen thưởng"
                    ),
                ),
                (
                    "honour",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="Dòng tôn vinh, biểu dương tại hội nghị ứng với khen thưởng này (nếu có).",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="blocs.honour",
                        verbose_name="tôn vinh tại sự kiện",
                    ),
                ),
                (
                    "ordinal",
                    models.PositiveIntegerField(
                        blank=True,
                        help_text="Số thứ tự của đối tượng trong quyết định, in là «số sổ vàng». Hiển thị công khai.",
                        null=True,
                        verbose_name="số thứ tự (số sổ vàng)",
                    ),
                ),
                (
                    "source",
                    models.CharField(
                        blank=True,
                        help_text="Bắt buộc với khen thưởng nhập trực tiếp: nơi lấy thông tin (bản lưu quyết định, báo cáo tổng kết, bài báo…).",
                        max_length=500,
                        verbose_name="nguồn tư liệu",
                    ),
                ),
                (
                    "verification_code",
                    models.CharField(
                        db_index=True,
                        default=thidua.codes.random_code,
                        editable=False,
                        max_length=16,
                        verbose_name="mã xác minh",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical khen thưởng đã quyết định",
                "verbose_name_plural": "historical khen thưởng đã quyết định",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Proposal",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="thứ tự")),
                ("note", models.TextField(blank=True, verbose_name="ghi chú")),
                (
                    "award_type",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="proposals",
                        to="awards.awardtype",
                        verbose_name="loại khen thưởng",
                    ),
                ),
                (
                    "event",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="proposals",
                        to="blocs.event",
                        verbose_name="sự kiện",
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="%(class)ss",
                        to="units.person",
                        verbose_name="cá nhân",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="%(class)ss",
                        to="units.unit",
                        verbose_name="tập thể",
                    ),
                ),
            ],
            options={
                "verbose_name": "đề xuất khen thưởng tại sự kiện",
                "verbose_name_plural": "đề xuất khen thưởng tại sự kiện",
                "ordering": ["event", "order", "pk"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("person__isnull", True), ("unit__isnull", False)),
                            models.Q(("person__isnull", False), ("unit__isnull", True)),
                            _connector="OR",
                        ),
                        name="proposal_recipient_unit_xor_person",
                        violation_error_message="Đối tượng khen thưởng là một tập thể hoặc một cá nhân (chọn đúng một).",
                    ),
                    models.UniqueConstraint(
                        fields=("event", "award_type", "unit"),
                        name="proposal_once_per_event_unit",
                        violation_error_message="Sự kiện đã ghi đề xuất loại khen thưởng này cho đối tượng này; mỗi đề xuất chỉ ghi một lần.",
                    ),
                    models.UniqueConstraint(
                        fields=("event", "award_type", "person"),
                        name="proposal_once_per_event_person",
                        violation_error_message="Sự kiện đã ghi đề xuất loại khen thưởng này cho đối tượng này; mỗi đề xuất chỉ ghi một lần.",
                    ),
                ],
            },
        ),
        migrations.AddField(
            model_name="nomination",
            name="proposal",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="nomination",
                to="awards.proposal",
                verbose_name="đề xuất tại sự kiện",
            ),
        ),
        migrations.AddField(
            model_name="nomination",
            name="type_order",
            field=models.PositiveSmallIntegerField(
                default=100, editable=False, verbose_name="thứ tự loại khen thưởng"
            ),
        ),
        migrations.AddField(
            model_name="nomination",
            name="assigned_reviewer",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="người thẩm định được giao",
            ),
        ),
        migrations.AddField(
            model_name="nomination",
            name="council_endorsed",
            field=models.BooleanField(
                default=False, editable=False, verbose_name="Hội đồng bỏ phiếu thông qua"
            ),
        ),
        migrations.AddField(
            model_name="nomination",
            name="version",
            field=models.PositiveIntegerField(default=1, editable=False, verbose_name="phiên bản"),
        ),
        migrations.AddIndex(
            model_name="nomination",
            index=models.Index(
                models.OrderBy(models.F("year"), descending=True),
                models.F("type_order"),
                models.F("id"),
                condition=models.Q(
                    ("status__in", ["submitted", "in_review", "recommended", "forwarded"])
                ),
                name="nomination_queue_order",
            ),
        ),
        migrations.AddIndex(
            model_name="nomination",
            index=models.Index(
                models.F("status"),
                models.OrderBy(models.F("year"), descending=True),
                models.F("type_order"),
                models.F("id"),
                name="nomination_status_order",
            ),
        ),
        migrations.CreateModel(
            name="HistoricalNomination",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "year",
                    models.PositiveSmallIntegerField(
                        validators=[
                            django.core.validators.MinValueValidator(1945),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="năm thành tích",
                    ),
                ),
                ("achievements", models.TextField(blank=True, verbose_name="tóm tắt thành tích")),
                (
                    "achievement_report",
                    models.TextField(
                        blank=True,
                        max_length=100,
                        validators=[
                            thidua.uploads.UploadValidator(
                                ["pdf", "doc", "docx", "xls", "xlsx", "odt", "ods"]
                            )
                        ],
                        verbose_name="báo cáo thành tích",
                    ),
                ),
                (
                    "bloc_votes_for",
                    models.PositiveSmallIntegerField(
                        blank=True, null=True, verbose_name="số phiếu đồng ý của khối"
                    ),
                ),
                (
                    "bloc_votes_total",
                    models.PositiveSmallIntegerField(
                        blank=True, null=True, verbose_name="tổng số phiếu của khối"
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Dự thảo"),
                            ("submitted", "Đã gửi"),
                            ("in_review", "Đang thẩm định"),
                            ("returned", "Trả lại để bổ sung"),
                            ("recommended", "Đã đề nghị khen thưởng"),
                            ("forwarded", "Đã trình cấp trên"),
                            ("granted", "Đã được khen thưởng"),
                            ("rejected", "Không đề nghị"),
                            ("withdrawn", "Đã rút"),
                            ("revoked", "Đã bị thu hồi"),
                        ],
                        default="draft",
                        editable=False,
                        max_length=20,
                        verbose_name="trạng thái",
                    ),
                ),
                (
                    "is_historical",
                    models.BooleanField(
                        default=False,
                        help_text="Hồ sơ của năm trước chế độ pháp lý hiện hành hoặc nhập từ quyết định cũ: được chấp nhận, quy định hiện hành chỉ ghi chú.",
                        verbose_name="hồ sơ lịch sử",
                    ),
                ),
                ("note", models.TextField(blank=True, verbose_name="ghi chú")),
                (
                    "created_at",
                    models.DateTimeField(blank=True, editable=False, verbose_name="tạo lúc"),
                ),
                (
                    "updated_at",
                    models.DateTimeField(blank=True, editable=False, verbose_name="cập nhật lúc"),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "award_type",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="awards.awardtype",
                        verbose_name="loại khen thưởng",
                    ),
                ),
                (
                    "bloc",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="blocs.bloc",
                        verbose_name="khối đề nghị",
                    ),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="người tạo",
                    ),
                ),
                (
                    "event",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="blocs.event",
                        verbose_name="tại sự kiện",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="units.person",
                        verbose_name="cá nhân",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="units.unit",
                        verbose_name="tập thể",
                    ),
                ),
                (
                    "proposal",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="awards.proposal",
                        verbose_name="đề xuất tại sự kiện",
                    ),
                ),
                (
                    "type_order",
                    models.PositiveSmallIntegerField(
                        default=100, editable=False, verbose_name="thứ tự loại khen thưởng"
                    ),
                ),
                (
                    "assigned_reviewer",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="người thẩm định được giao",
                    ),
                ),
                (
                    "council_endorsed",
                    models.BooleanField(
                        default=False, editable=False, verbose_name="Hội đồng bỏ phiếu thông qua"
                    ),
                ),
                (
                    "version",
                    models.PositiveIntegerField(
                        default=1, editable=False, verbose_name="phiên bản"
                    ),
                ),
            ],
            options={
                "verbose_name": "historical hồ sơ đề nghị khen thưởng",
                "verbose_name_plural": "historical hồ sơ đề nghị khen thưởng",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Rule",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("code", models.SlugField(max_length=80, unique=True, verbose_name="mã")),
                ("name", models.CharField(max_length=300, verbose_name="tên quy định")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("prerequisite_award", "Điều kiện: đã có khen thưởng khác"),
                            ("bloc_leader", "Điều kiện: dẫn đầu khối thi đua"),
                            ("quota_per_bloc", "Số lượng tối đa mỗi khối trong năm"),
                            ("quota_share", "Tỷ lệ tối đa"),
                            ("consecutive", "Thành tích liên tục nhiều năm"),
                            ("council_vote", "Tỷ lệ phiếu Hội đồng"),
                            ("council_quorum", "Số thành viên Hội đồng có mặt tối thiểu"),
                            ("no_double_reward", "Không khen thưởng trùng"),
                        ],
                        max_length=30,
                        verbose_name="loại quy định",
                    ),
                ),
                (
                    "recipient_kind",
                    models.CharField(
                        choices=[
                            ("unit", "Tập thể"),
                            ("person", "Cá nhân"),
                            ("both", "Tập thể hoặc cá nhân"),
                        ],
                        default="both",
                        help_text="Ví dụ: điều kiện Huân chương cho tập thể khác điều kiện cho cá nhân.",
                        max_length=10,
                        verbose_name="áp dụng cho đối tượng",
                    ),
                ),
                (
                    "count",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="Số tối đa mỗi khối; số năm liên tục; số lần tối thiểu đã được khen.",
                        null=True,
                        verbose_name="số lượng / số năm",
                    ),
                ),
                (
                    "window_years",
                    models.PositiveSmallIntegerField(
                        default=0,
                        help_text="Điều kiện đã có khen thưởng: 0 = cùng năm (cùng đợt); n = trong n năm trước đó.",
                        verbose_name="trong số năm trước",
                    ),
                ),
                (
                    "include_current_year",
                    models.BooleanField(
                        default=True,
                        help_text="Thành tích liên tục: chuỗi năm kết thúc ở năm xét (có) hay năm trước đó (không).",
                        verbose_name="tính cả năm xét",
                    ),
                ),
                (
                    "share_percent",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        max_digits=5,
                        null=True,
                        verbose_name="tỷ lệ tối đa (%)",
                    ),
                ),
                (
                    "share_base",
                    models.CharField(
                        blank=True,
                        choices=[
                            (
                                "required_types",
                                "Số đối tượng được đề nghị/tặng các loại khen thưởng điều kiện",
                            ),
                            ("bloc_leaders", "Số tập thể dẫn đầu các khối thi đua"),
                        ],
                        max_length=20,
                        verbose_name="mẫu số của tỷ lệ",
                    ),
                ),
                (
                    "threshold_percent",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        max_digits=5,
                        null=True,
                        verbose_name="tỷ lệ phiếu tối thiểu (%)",
                    ),
                ),
                (
                    "vote_base",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("council_size", "Tổng số thành viên Hội đồng"),
                            ("present", "Số thành viên có mặt"),
                        ],
                        max_length=20,
                        verbose_name="tính trên",
                    ),
                ),
                (
                    "legal_document",
                    models.CharField(
                        help_text="Ví dụ: Nghị định 91/2017/NĐ-CP.",
                        max_length=255,
                        verbose_name="văn bản căn cứ",
                    ),
                ),
                ("article", models.CharField(blank=True, max_length=60, verbose_name="điều")),
                ("clause", models.CharField(blank=True, max_length=60, verbose_name="khoản")),
                (
                    "valid_from",
                    models.DateField(
                        validators=[thidua.years.DateRangeValidator()],
                        verbose_name="có hiệu lực từ",
                    ),
                ),
                (
                    "valid_until",
                    models.DateField(
                        blank=True,
                        null=True,
                        validators=[thidua.years.DateRangeValidator()],
                        verbose_name="hết hiệu lực",
                    ),
                ),
                (
                    "blocking",
                    models.BooleanField(
                        default=True,
                        help_text="Không đạt thì không nộp được. Bỏ chọn: chỉ cảnh báo cho chuyên viên thẩm định (vẫn chặn khi đề nghị khen thưởng).",
                        verbose_name="chặn khi nộp hồ sơ",
                    ),
                ),
                ("is_active", models.BooleanField(default=True, verbose_name="đang áp dụng")),
                (
                    "note",
                    models.TextField(blank=True, verbose_name="ghi chú (cần kiểm tra - VERIFY)"),
                ),
                (
                    "award_type",
                    models.ForeignKey(
                        blank=True,
                        help_text="Để trống: áp dụng cho mọi loại khen thưởng.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="rules",
                        to="awards.awardtype",
                        verbose_name="áp dụng cho loại khen thưởng",
                    ),
                ),
                (
                    "regime",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="rules",
                        to="awards.legalregime",
                        verbose_name="chế độ pháp lý",
                    ),
                ),
                (
                    "required_award_types",
                    models.ManyToManyField(
                        blank=True,
                        help_text="Điều kiện/liên tục: một trong các loại này; tỷ lệ: mẫu số tính theo các loại này.",
                        related_name="required_by_rules",
                        to="awards.awardtype",
                        verbose_name="loại khen thưởng điều kiện",
                    ),
                ),
                (
                    "quorum_denominator",
                    models.PositiveSmallIntegerField(
                        blank=True, null=True, verbose_name="có mặt tối thiểu: mẫu số"
                    ),
                ),
                (
                    "quorum_numerator",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="Ví dụ 2 trong «2/3 tổng số thành viên Hội đồng» (phân số, tính chính xác).",
                        null=True,
                        verbose_name="có mặt tối thiểu: tử số",
                    ),
                ),
            ],
            options={
                "verbose_name": "quy định khen thưởng",
                "verbose_name_plural": "quy định khen thưởng",
                "ordering": ["award_type__order", "kind", "-valid_from"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("valid_until__isnull", True),
                            ("valid_until__gte", models.F("valid_from")),
                            _connector="OR",
                        ),
                        name="rule_dates_ordered",
                        violation_error_message="Ngày hết hiệu lực phải sau ngày có hiệu lực.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("valid_from__isnull", True),
                            models.Q(
                                ("valid_from__gte", datetime.date(1945, 1, 1)),
                                ("valid_from__lte", datetime.date(2100, 12, 31)),
                            ),
                            _connector="OR",
                        ),
                        name="rule_valid_from_in_range",
                        violation_error_message="Ngày phải trong khoảng 01/01/1945 – 31/12/2100.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("valid_until__isnull", True),
                            models.Q(
                                ("valid_until__gte", datetime.date(1945, 1, 1)),
                                ("valid_until__lte", datetime.date(2100, 12, 31)),
                            ),
                            _connector="OR",
                        ),
                        name="rule_valid_until_in_range",
                        violation_error_message="Ngày phải trong khoảng 01/01/1945 – 31/12/2100.",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="Override",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("reason", models.TextField(verbose_name="lý do")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="thời điểm")),
                (
                    "created_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="người quyết định",
                    ),
                ),
                (
                    "nomination",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="overrides",
                        to="awards.nomination",
                        verbose_name="hồ sơ",
                    ),
                ),
                (
                    "rule",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="overrides",
                        to="awards.rule",
                        verbose_name="quy định",
                    ),
                ),
                (
                    "document_date",
                    models.DateField(
                        null=True,
                        validators=[thidua.years.DateRangeValidator()],
                        verbose_name="ngày văn bản cho phép",
                    ),
                ),
                (
                    "document_number",
                    models.CharField(
                        default="",
                        help_text="Văn bản của cấp có thẩm quyền cho phép ngoại lệ, ví dụ 123/QĐ-BKHCN.",
                        max_length=100,
                        verbose_name="số văn bản cho phép",
                    ),
                ),
            ],
            options={
                "verbose_name": "ngoại lệ quy định",
                "verbose_name_plural": "ngoại lệ quy định",
                "ordering": ["nomination", "created_at"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("nomination", "rule"),
                        name="override_once_per_rule",
                        violation_error_message="Hồ sơ này đã có ngoại lệ cho quy định đó.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("document_date__isnull", True),
                            models.Q(
                                ("document_date__gte", datetime.date(1945, 1, 1)),
                                ("document_date__lte", datetime.date(2100, 12, 31)),
                            ),
                            _connector="OR",
                        ),
                        name="override_document_date_in_range",
                        violation_error_message="Ngày phải trong khoảng 01/01/1945 – 31/12/2100.",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="HistoricalRule_required_award_types",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "awardtype",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="awards.awardtype",
                    ),
                ),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="awards.historicalrule",
                    ),
                ),
                (
                    "rule",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="awards.rule",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalRule_required_award_types",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalOverride",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("reason", models.TextField(verbose_name="lý do")),
                (
                    "created_at",
                    models.DateTimeField(blank=True, editable=False, verbose_name="thời điểm"),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="người quyết định",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "nomination",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="awards.nomination",
                        verbose_name="hồ sơ",
                    ),
                ),
                (
                    "rule",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="awards.rule",
                        verbose_name="quy định",
                    ),
                ),
                (
                    "document_date",
                    models.DateField(
                        null=True,
                        validators=[thidua.years.DateRangeValidator()],
                        verbose_name="ngày văn bản cho phép",
                    ),
                ),
                (
                    "document_number",
                    models.CharField(
                        default="",
                        help_text="Văn bản của cấp có thẩm quyền cho phép ngoại lệ, ví dụ 123/QĐ-BKHCN.",
                        max_length=100,
                        verbose_name="số văn bản cho phép",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical ngoại lệ quy định",
                "verbose_name_plural": "historical ngoại lệ quy định",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Transition",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "action",
                    models.CharField(
                        choices=[
                            ("create", "Tạo hồ sơ"),
                            ("submit", "Gửi hồ sơ"),
                            ("withdraw", "Rút hồ sơ"),
                            ("start_review", "Bắt đầu thẩm định"),
                            ("return", "Trả lại"),
                            ("recommend", "Đề nghị khen thưởng"),
                            ("reject", "Không đề nghị"),
                            ("forward", "Trình cấp trên"),
                            ("grant", "Khen thưởng theo quyết định"),
                            ("revoke", "Thu hồi khen thưởng"),
                            ("council_vote", "Ghi kết quả bỏ phiếu Hội đồng"),
                            ("override", "Cho phép ngoại lệ quy định"),
                            ("import", "Nhập hồ sơ lịch sử"),
                            ("assign", "Giao người thẩm định khác đơn vị"),
                        ],
                        max_length=30,
                        verbose_name="thao tác",
                    ),
                ),
                (
                    "from_status",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("draft", "Dự thảo"),
                            ("submitted", "Đã gửi"),
                            ("in_review", "Đang thẩm định"),
                            ("returned", "Trả lại để bổ sung"),
                            ("recommended", "Đã đề nghị khen thưởng"),
                            ("forwarded", "Đã trình cấp trên"),
                            ("granted", "Đã được khen thưởng"),
                            ("rejected", "Không đề nghị"),
                            ("withdrawn", "Đã rút"),
                            ("revoked", "Đã bị thu hồi"),
                        ],
                        max_length=20,
                        verbose_name="từ trạng thái",
                    ),
                ),
                (
                    "to_status",
                    models.CharField(
                        choices=[
                            ("draft", "Dự thảo"),
                            ("submitted", "Đã gửi"),
                            ("in_review", "Đang thẩm định"),
                            ("returned", "Trả lại để bổ sung"),
                            ("recommended", "Đã đề nghị khen thưởng"),
                            ("forwarded", "Đã trình cấp trên"),
                            ("granted", "Đã được khen thưởng"),
                            ("rejected", "Không đề nghị"),
                            ("withdrawn", "Đã rút"),
                            ("revoked", "Đã bị thu hồi"),
                        ],
                        max_length=20,
                        verbose_name="sang trạng thái",
                    ),
                ),
                (
                    "at",
                    models.DateTimeField(
                        validators=[thidua.years.DateRangeValidator()], verbose_name="thời điểm"
                    ),
                ),
                ("reason", models.TextField(blank=True, verbose_name="lý do / ghi chú")),
                (
                    "actor",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="người thực hiện",
                    ),
                ),
                (
                    "nomination",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="transitions",
                        to="awards.nomination",
                        verbose_name="hồ sơ",
                    ),
                ),
            ],
            options={
                "verbose_name": "bước xử lý hồ sơ",
                "verbose_name_plural": "nhật ký xử lý hồ sơ",
                "ordering": ["nomination", "at", "pk"],
                "indexes": [
                    models.Index(fields=["nomination", "at"], name="transition_nomination_at"),
                    models.Index(fields=["-at", "-id"], name="transition_at_order"),
                ],
            },
        ),
        migrations.CreateModel(
            name="CouncilVote",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "held_on",
                    models.DateField(
                        validators=[thidua.years.DateRangeValidator()], verbose_name="ngày họp"
                    ),
                ),
                ("votes_for", models.PositiveSmallIntegerField(verbose_name="số phiếu đồng ý")),
                (
                    "votes_against",
                    models.PositiveSmallIntegerField(
                        default=0, verbose_name="số phiếu không đồng ý"
                    ),
                ),
                ("present", models.PositiveSmallIntegerField(verbose_name="số thành viên có mặt")),
                (
                    "council_size",
                    models.PositiveSmallIntegerField(verbose_name="tổng số thành viên Hội đồng"),
                ),
                ("note", models.TextField(blank=True, verbose_name="ghi chú")),
                ("recorded_at", models.DateTimeField(auto_now_add=True, verbose_name="ghi lúc")),
                (
                    "recorded_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="người ghi",
                    ),
                ),
                (
                    "nomination",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="council_votes",
                        to="awards.nomination",
                        verbose_name="hồ sơ",
                    ),
                ),
            ],
            options={
                "verbose_name": "kết quả bỏ phiếu Hội đồng",
                "verbose_name_plural": "kết quả bỏ phiếu Hội đồng",
                "ordering": ["nomination", "-held_on", "-pk"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("present__lte", models.F("council_size"))),
                        name="council_vote_present_within_size",
                        violation_error_message="Số thành viên có mặt không được lớn hơn tổng số thành viên.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            (
                                "present__gte",
                                django.db.models.expressions.CombinedExpression(
                                    models.F("votes_for"), "+", models.F("votes_against")
                                ),
                            )
                        ),
                        name="council_vote_ballots_within_present",
                        violation_error_message="Tổng số phiếu không được lớn hơn số thành viên có mặt.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("council_size__gt", 0)),
                        name="council_vote_size_positive",
                        violation_error_message="Hội đồng phải có ít nhất một thành viên.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("held_on__isnull", True),
                            models.Q(
                                ("held_on__gte", datetime.date(1945, 1, 1)),
                                ("held_on__lte", datetime.date(2100, 12, 31)),
                            ),
                            _connector="OR",
                        ),
                        name="council_vote_held_on_in_range",
                        violation_error_message="Ngày phải trong khoảng 01/01/1945 – 31/12/2100.",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="Award",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "year",
                    models.PositiveSmallIntegerField(
                        validators=[
                            django.core.validators.MinValueValidator(1945),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="năm thành tích",
                    ),
                ),
                (
                    "prize_rank",
                    models.CharField(
                        blank=True,
                        help_text="Chi tiết cũ, ví dụ hạng giải.",
                        max_length=100,
                        verbose_name="hạng, mức (nếu có)",
                    ),
                ),
                (
                    "is_historical",
                    models.BooleanField(
                        default=False,
                        help_text="Khen thưởng lịch sử nhập trực tiếp từ quyết định, không qua hồ sơ đề nghị (tự đánh dấu với các năm trước chế độ pháp lý hiện hành).",
                        verbose_name="nhập từ quyết định cũ",
                    ),
                ),
                ("note", models.TextField(blank=True, verbose_name="ghi chú")),
                ("revocation_reason", models.TextField(blank=True, verbose_name="lý do thu hồi")),
                (
                    "revoked_at",
                    models.DateTimeField(
                        blank=True,
                        null=True,
                        validators=[thidua.years.DateRangeValidator()],
                        verbose_name="thu hồi lúc",
                    ),
                ),
                (
                    "bloc",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="%(class)ss",
                        to="blocs.bloc",
                        verbose_name="khối đề nghị",
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="%(class)ss",
                        to="units.person",
                        verbose_name="cá nhân",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="%(class)ss",
                        to="units.unit",
                        verbose_name="tập thể",
                    ),
                ),
                (
                    "award_type",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="%(class)ss",
                        to="awards.awardtype",
                        verbose_name="loại khen thưởng",
                    ),
                ),
                (
                    "decision",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="awards",
                        to="awards.decision",
                        verbose_name="quyết định",
                    ),
                ),
                (
                    "revoked_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="revoked_awards",
                        to="awards.decision",
                        verbose_name="bị thu hồi theo quyết định",
                    ),
                ),
                (
                    "nomination",
                    models.OneToOneField(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="award",
                        to="awards.nomination",
                        verbose_name="hồ sơ đề nghị",
                    ),
                ),
                (
                    "type_order",
                    models.PositiveSmallIntegerField(
                        default=100, editable=False, verbose_name="thứ tự loại khen thưởng"
                    ),
                ),
                (
                    "honour",
                    models.ForeignKey(
                        blank=True,
                        help_text="Dòng tôn vinh, biểu dương tại hội nghị ứng với khen thưởng này (nếu có).",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="awards",
                        to="blocs.honour",
                        verbose_name="tôn vinh tại sự kiện",
                    ),
                ),
                (
                    "ordinal",
                    models.PositiveIntegerField(
                        blank=True,
                        help_text="Số thứ tự của đối tượng trong quyết định, in là «số sổ vàng». Hiển thị công khai.",
                        null=True,
                        verbose_name="số thứ tự (số sổ vàng)",
                    ),
                ),
                (
                    "source",
                    models.CharField(
                        blank=True,
                        help_text="Bắt buộc với khen thưởng nhập trực tiếp: nơi lấy thông tin (bản lưu quyết định, báo cáo tổng kết, bài báo…).",
                        max_length=500,
                        verbose_name="nguồn tư liệu",
                    ),
                ),
                (
                    "verification_code",
                    models.CharField(
                        default=thidua.codes.random_code,
                        editable=False,
                        max_length=16,
                        unique=True,
                        verbose_name="mã xác minh",
                    ),
                ),
            ],
            options={
                "verbose_name": "khen thưởng đã quyết định",
                "verbose_name_plural": "khen thưởng đã quyết định",
                "ordering": ["-year", "type_order", "pk"],
                "indexes": [
                    models.Index(fields=["year", "award_type"], name="award_year_type"),
                    models.Index(fields=["award_type", "year"], name="award_type_year"),
                    models.Index(fields=["unit", "year"], name="award_unit_year"),
                    models.Index(fields=["person", "year"], name="award_person_year"),
                    models.Index(fields=["bloc", "year"], name="award_bloc_year"),
                    models.Index(fields=["year", "id"], name="award_year_id"),
                    models.Index(
                        models.OrderBy(models.F("year"), descending=True),
                        models.F("type_order"),
                        models.F("id"),
                        name="award_public_order",
                    ),
                    models.Index(fields=["decision", "year", "id"], name="award_decision_order"),
                    models.Index(
                        fields=["decision", "ordinal", "id"], name="award_decision_ordinal"
                    ),
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("person__isnull", True), ("unit__isnull", False)),
                            models.Q(("person__isnull", False), ("unit__isnull", True)),
                            _connector="OR",
                        ),
                        name="award_recipient_unit_xor_person",
                        violation_error_message="Đối tượng khen thưởng là một tập thể hoặc một cá nhân (chọn đúng một).",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("revoked_by__isnull", True),
                            models.Q(("revocation_reason", ""), _negated=True),
                            _connector="OR",
                        ),
                        name="award_revocation_has_reason",
                        violation_error_message="Thu hồi khen thưởng phải ghi lý do.",
                    ),
                    models.UniqueConstraint(
                        condition=models.Q(("ordinal__isnull", False)),
                        fields=("decision", "ordinal"),
                        name="award_ordinal_once_per_decision",
                        violation_error_message="Số thứ tự này đã có trong quyết định.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("revoked_at__isnull", True),
                            models.Q(
                                (
                                    "revoked_at__gte",
                                    datetime.datetime(1945, 1, 1, 0, 0, tzinfo=datetime.UTC),
                                ),
                                (
                                    "revoked_at__lte",
                                    datetime.datetime(
                                        2100, 12, 31, 23, 59, 59, tzinfo=datetime.UTC
                                    ),
                                ),
                            ),
                            _connector="OR",
                        ),
                        name="award_revoked_at_in_range",
                        violation_error_message="Ngày phải trong khoảng 01/01/1945 – 31/12/2100.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("nomination__isnull", False),
                            models.Q(
                                ("is_historical", True), models.Q(("source", ""), _negated=True)
                            ),
                            _connector="OR",
                        ),
                        name="award_outside_workflow_is_historical",
                        violation_error_message="Khen thưởng không qua hồ sơ đề nghị chỉ được nhập như khen thưởng lịch sử: đánh dấu «nhập từ quyết định cũ» và ghi nguồn tư liệu.",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="FormSubmission",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("token", models.CharField(max_length=64, unique=True, verbose_name="mã biểu mẫu")),
                ("form", models.CharField(max_length=60, verbose_name="biểu mẫu")),
                ("at", models.DateTimeField(auto_now_add=True, verbose_name="gửi lúc")),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="người gửi",
                    ),
                ),
            ],
            options={
                "verbose_name": "lần gửi biểu mẫu",
                "verbose_name_plural": "lần gửi biểu mẫu",
            },
        ),
        migrations.CreateModel(
            name="BaseSalary",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "amount",
                    models.PositiveIntegerField(verbose_name="mức lương cơ sở (đồng/tháng)"),
                ),
                (
                    "valid_from",
                    models.DateField(
                        unique=True,
                        validators=[thidua.years.DateRangeValidator()],
                        verbose_name="áp dụng từ ngày",
                    ),
                ),
                ("legal_document", models.CharField(max_length=255, verbose_name="văn bản căn cứ")),
                (
                    "note",
                    models.TextField(blank=True, verbose_name="ghi chú (cần kiểm tra - VERIFY)"),
                ),
            ],
            options={
                "verbose_name": "mức lương cơ sở",
                "verbose_name_plural": "mức lương cơ sở",
                "ordering": ["-valid_from"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("valid_from__isnull", True),
                            models.Q(
                                ("valid_from__gte", datetime.date(1945, 1, 1)),
                                ("valid_from__lte", datetime.date(2100, 12, 31)),
                            ),
                            _connector="OR",
                        ),
                        name="base_salary_valid_from_in_range",
                        violation_error_message="Ngày phải trong khoảng 01/01/1945 – 31/12/2100.",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="HistoricalBaseSalary",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "amount",
                    models.PositiveIntegerField(verbose_name="mức lương cơ sở (đồng/tháng)"),
                ),
                (
                    "valid_from",
                    models.DateField(
                        db_index=True,
                        validators=[thidua.years.DateRangeValidator()],
                        verbose_name="áp dụng từ ngày",
                    ),
                ),
                ("legal_document", models.CharField(max_length=255, verbose_name="văn bản căn cứ")),
                (
                    "note",
                    models.TextField(blank=True, verbose_name="ghi chú (cần kiểm tra - VERIFY)"),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical mức lương cơ sở",
                "verbose_name_plural": "historical mức lương cơ sở",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPrizeCoefficient",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "recipient_kind",
                    models.CharField(
                        choices=[
                            ("unit", "Tập thể"),
                            ("person", "Cá nhân"),
                            ("both", "Tập thể hoặc cá nhân"),
                        ],
                        default="both",
                        max_length=10,
                        verbose_name="đối tượng",
                    ),
                ),
                (
                    "coefficient",
                    models.DecimalField(
                        decimal_places=2, max_digits=5, verbose_name="hệ số (× mức lương cơ sở)"
                    ),
                ),
                (
                    "valid_from",
                    models.DateField(
                        validators=[thidua.years.DateRangeValidator()],
                        verbose_name="áp dụng từ ngày",
                    ),
                ),
                (
                    "valid_until",
                    models.DateField(
                        blank=True,
                        null=True,
                        validators=[thidua.years.DateRangeValidator()],
                        verbose_name="đến ngày",
                    ),
                ),
                ("legal_document", models.CharField(max_length=255, verbose_name="văn bản căn cứ")),
                ("article", models.CharField(blank=True, max_length=60, verbose_name="điều")),
                (
                    "note",
                    models.TextField(blank=True, verbose_name="ghi chú (cần kiểm tra - VERIFY)"),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "award_type",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="awards.awardtype",
                        verbose_name="loại khen thưởng",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical hệ số tiền thưởng",
                "verbose_name_plural": "historical hệ số tiền thưởng",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="PrizeCoefficient",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "recipient_kind",
                    models.CharField(
                        choices=[
                            ("unit", "Tập thể"),
                            ("person", "Cá nhân"),
                            ("both", "Tập thể hoặc cá nhân"),
                        ],
                        default="both",
                        max_length=10,
                        verbose_name="đối tượng",
                    ),
                ),
                (
                    "coefficient",
                    models.DecimalField(
                        decimal_places=2, max_digits=5, verbose_name="hệ số (× mức lương cơ sở)"
                    ),
                ),
                (
                    "valid_from",
                    models.DateField(
                        validators=[thidua.years.DateRangeValidator()],
                        verbose_name="áp dụng từ ngày",
                    ),
                ),
                (
                    "valid_until",
                    models.DateField(
                        blank=True,
                        null=True,
                        validators=[thidua.years.DateRangeValidator()],
                        verbose_name="đến ngày",
                    ),
                ),
                ("legal_document", models.CharField(max_length=255, verbose_name="văn bản căn cứ")),
                ("article", models.CharField(blank=True, max_length=60, verbose_name="điều")),
                (
                    "note",
                    models.TextField(blank=True, verbose_name="ghi chú (cần kiểm tra - VERIFY)"),
                ),
                (
                    "award_type",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="prize_coefficients",
                        to="awards.awardtype",
                        verbose_name="loại khen thưởng",
                    ),
                ),
            ],
            options={
                "verbose_name": "hệ số tiền thưởng",
                "verbose_name_plural": "hệ số tiền thưởng",
                "ordering": ["award_type__order", "recipient_kind", "-valid_from"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("valid_until__isnull", True),
                            ("valid_until__gte", models.F("valid_from")),
                            _connector="OR",
                        ),
                        name="prize_coefficient_dates_ordered",
                        violation_error_message="Ngày kết thúc phải sau ngày áp dụng.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("coefficient__gt", 0)),
                        name="prize_coefficient_positive",
                        violation_error_message="Hệ số tiền thưởng phải lớn hơn 0.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("valid_from__isnull", True),
                            models.Q(
                                ("valid_from__gte", datetime.date(1945, 1, 1)),
                                ("valid_from__lte", datetime.date(2100, 12, 31)),
                            ),
                            _connector="OR",
                        ),
                        name="prize_coefficient_valid_from_in_range",
                        violation_error_message="Ngày phải trong khoảng 01/01/1945 – 31/12/2100.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("valid_until__isnull", True),
                            models.Q(
                                ("valid_until__gte", datetime.date(1945, 1, 1)),
                                ("valid_until__lte", datetime.date(2100, 12, 31)),
                            ),
                            _connector="OR",
                        ),
                        name="prize_coefficient_valid_until_in_range",
                        violation_error_message="Ngày phải trong khoảng 01/01/1945 – 31/12/2100.",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="CertificateLayout",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=150, verbose_name="tên mẫu")),
                (
                    "mode",
                    models.CharField(
                        choices=[
                            ("design", "Thiết kế đầy đủ (in trên giấy trắng)"),
                            ("blank_form", "In trên phôi (chỉ in phần thay đổi)"),
                        ],
                        default="design",
                        max_length=20,
                        verbose_name="cách in",
                    ),
                ),
                (
                    "is_default",
                    models.BooleanField(
                        default=False,
                        help_text="Dùng cho các loại khen thưởng chưa có mẫu riêng (mỗi cách in một mẫu mặc định).",
                        verbose_name="mẫu mặc định",
                    ),
                ),
                (
                    "issuer_title",
                    models.CharField(
                        blank=True,
                        help_text="Ví dụ: BỘ TRƯỞNG BỘ KHOA HỌC VÀ CÔNG NGHỆ. Để trống: thẩm quyền quyết định của loại khen thưởng.",
                        max_length=200,
                        verbose_name="chức danh người tặng",
                    ),
                ),
                ("note", models.TextField(blank=True, verbose_name="ghi chú")),
                (
                    "award_types",
                    models.ManyToManyField(
                        blank=True,
                        help_text="Để trống nếu là mẫu mặc định của cách in này.",
                        related_name="certificate_layouts",
                        to="awards.awardtype",
                        verbose_name="dùng cho loại khen thưởng",
                    ),
                ),
            ],
            options={
                "verbose_name": "mẫu in bằng khen, giấy khen",
                "verbose_name_plural": "mẫu in bằng khen, giấy khen",
                "ordering": ["mode", "name"],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("is_default", True)),
                        fields=("mode",),
                        name="certificate_layout_one_default_per_mode",
                        violation_error_message="Mỗi cách in chỉ có một mẫu mặc định.",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="CertificateField",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "element",
                    models.CharField(
                        choices=[
                            ("national_title", "Quốc hiệu"),
                            ("motto", "Tiêu ngữ"),
                            ("issuer_title", "Chức danh người tặng"),
                            ("gives", "Chữ «TẶNG»"),
                            ("recipient", "Tên tập thể, cá nhân"),
                            ("recipient_detail", "Chức vụ, đơn vị của cá nhân"),
                            ("award", "Tên danh hiệu, hình thức khen thưởng"),
                            ("achievement", "Dòng thành tích"),
                            ("place_date", "Địa danh, ngày tháng"),
                            ("signer_title", "Chức vụ người ký"),
                            ("signer_name", "Họ tên người ký"),
                            ("decision_line", "Số quyết định, ngày"),
                            ("ledger_line", "Số sổ vàng"),
                            ("qr", "Mã QR trang xác minh"),
                            ("verify_line", "Địa chỉ trang xác minh"),
                        ],
                        max_length=30,
                        verbose_name="thành phần",
                    ),
                ),
                (
                    "x_mm",
                    models.DecimalField(
                        decimal_places=1,
                        max_digits=5,
                        validators=[
                            django.core.validators.MinValueValidator(0),
                            django.core.validators.MaxValueValidator(297),
                        ],
                        verbose_name="x (mm)",
                    ),
                ),
                (
                    "y_mm",
                    models.DecimalField(
                        decimal_places=1,
                        max_digits=5,
                        validators=[
                            django.core.validators.MinValueValidator(0),
                            django.core.validators.MaxValueValidator(297),
                        ],
                        verbose_name="y (mm)",
                    ),
                ),
                (
                    "font_size",
                    models.DecimalField(
                        decimal_places=1,
                        default=14,
                        max_digits=4,
                        validators=[
                            django.core.validators.MinValueValidator(6),
                            django.core.validators.MaxValueValidator(80),
                        ],
                        verbose_name="cỡ chữ (pt) / cạnh mã QR (mm)",
                    ),
                ),
                (
                    "max_width_mm",
                    models.DecimalField(
                        blank=True,
                        decimal_places=1,
                        help_text="Dòng dài hơn được thu nhỏ chữ cho vừa.",
                        max_digits=5,
                        null=True,
                        verbose_name="rộng tối đa (mm)",
                    ),
                ),
                (
                    "align",
                    models.CharField(
                        choices=[
                            ("left", "Trái (x là điểm đầu dòng)"),
                            ("center", "Giữa (x là tâm dòng)"),
                            ("right", "Phải (x là điểm cuối dòng)"),
                        ],
                        default="center",
                        max_length=10,
                        verbose_name="căn lề",
                    ),
                ),
                ("bold", models.BooleanField(default=False, verbose_name="đậm")),
                ("italic", models.BooleanField(default=False, verbose_name="nghiêng")),
                (
                    "color",
                    models.CharField(
                        default="#000000",
                        help_text="Mã màu dạng #RRGGBB, ví dụ #C00000 (đỏ).",
                        max_length=7,
                        verbose_name="màu",
                    ),
                ),
                ("is_printed", models.BooleanField(default=True, verbose_name="có in")),
                (
                    "layout",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="fields",
                        to="awards.certificatelayout",
                        verbose_name="mẫu",
                    ),
                ),
            ],
            options={
                "verbose_name": "vị trí thành phần",
                "verbose_name_plural": "vị trí các thành phần",
                "ordering": ["layout", "y_mm", "x_mm"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("layout", "element"),
                        name="certificate_field_once_per_layout",
                        violation_error_message="Mỗi thành phần chỉ đặt một vị trí trong một mẫu.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("color__regex", "^#[0-9A-Fa-f]{6}$")),
                        name="certificate_field_color_hex",
                        violation_error_message="Màu phải có dạng #RRGGBB, ví dụ #C00000.",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="HistoricalCertificateLayout",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=150, verbose_name="tên mẫu")),
                (
                    "mode",
                    models.CharField(
                        choices=[
                            ("design", "Thiết kế đầy đủ (in trên giấy trắng)"),
                            ("blank_form", "In trên phôi (chỉ in phần thay đổi)"),
                        ],
                        default="design",
                        max_length=20,
                        verbose_name="cách in",
                    ),
                ),
                (
                    "is_default",
                    models.BooleanField(
                        default=False,
                        help_text="Dùng cho các loại khen thưởng chưa có mẫu riêng (mỗi cách in một mẫu mặc định).",
                        verbose_name="mẫu mặc định",
                    ),
                ),
                (
                    "issuer_title",
                    models.CharField(
                        blank=True,
                        help_text="Ví dụ: BỘ TRƯỞNG BỘ KHOA HỌC VÀ CÔNG NGHỆ. Để trống: thẩm quyền quyết định của loại khen thưởng.",
                        max_length=200,
                        verbose_name="chức danh người tặng",
                    ),
                ),
                ("note", models.TextField(blank=True, verbose_name="ghi chú")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical mẫu in bằng khen, giấy khen",
                "verbose_name_plural": "historical mẫu in bằng khen, giấy khen",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="AwardTally",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("year", models.PositiveSmallIntegerField(verbose_name="năm")),
                ("collective", models.BooleanField(verbose_name="tập thể")),
                (
                    "unit_kind",
                    models.CharField(blank=True, max_length=20, verbose_name="loại đơn vị"),
                ),
                ("count", models.PositiveIntegerField(verbose_name="số khen thưởng")),
                (
                    "award_type",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="awards.awardtype",
                    ),
                ),
                (
                    "bloc",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="blocs.bloc",
                    ),
                ),
            ],
            options={
                "verbose_name": "số khen thưởng (thống kê)",
                "verbose_name_plural": "số khen thưởng (thống kê)",
                "indexes": [
                    models.Index(
                        models.F("year"), models.F("award_type"), name="award_tally_year_type"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="DecisionTimeTally",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("year", models.PositiveSmallIntegerField(unique=True, verbose_name="năm")),
                ("count", models.PositiveIntegerField(verbose_name="số hồ sơ có kết quả")),
                ("mean", models.DurationField(verbose_name="thời gian trung bình")),
                ("longest", models.DurationField(verbose_name="thời gian lâu nhất")),
            ],
            options={
                "verbose_name": "thời gian xử lý hồ sơ (thống kê)",
                "verbose_name_plural": "thời gian xử lý hồ sơ (thống kê)",
            },
        ),
        migrations.CreateModel(
            name="NominationTally",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("year", models.PositiveSmallIntegerField(verbose_name="năm")),
                ("status", models.CharField(max_length=20, verbose_name="trạng thái")),
                ("count", models.PositiveIntegerField(verbose_name="số hồ sơ")),
            ],
            options={
                "verbose_name": "số hồ sơ theo trạng thái (thống kê)",
                "verbose_name_plural": "số hồ sơ theo trạng thái (thống kê)",
                "indexes": [
                    models.Index(
                        models.F("year"), models.F("status"), name="nomination_tally_year_status"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="AwardBlocTally",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("year", models.PositiveSmallIntegerField(verbose_name="năm")),
                ("collective", models.BooleanField(verbose_name="tập thể")),
                ("flag", models.BooleanField(verbose_name="cờ thi đua")),
                ("count", models.PositiveIntegerField(verbose_name="số khen thưởng")),
                (
                    "bloc",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="blocs.bloc",
                    ),
                ),
            ],
            options={
                "verbose_name": "số khen thưởng theo khối (thống kê)",
                "verbose_name_plural": "số khen thưởng theo khối (thống kê)",
                "indexes": [
                    models.Index(
                        models.F("year"), models.F("bloc"), name="award_bloc_tally_year_bloc"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="AwardTypeTally",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("year", models.PositiveSmallIntegerField(verbose_name="năm")),
                ("collective", models.BooleanField(verbose_name="tập thể")),
                (
                    "unit_kind",
                    models.CharField(blank=True, max_length=20, verbose_name="loại đơn vị"),
                ),
                ("count", models.PositiveIntegerField(verbose_name="số khen thưởng")),
                (
                    "award_type",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="awards.awardtype",
                    ),
                ),
            ],
            options={
                "verbose_name": "số khen thưởng theo loại (thống kê)",
                "verbose_name_plural": "số khen thưởng theo loại (thống kê)",
                "indexes": [
                    models.Index(
                        models.F("year"), models.F("award_type"), name="award_type_tally_year_type"
                    )
                ],
            },
        ),
        in_one_step(
            # 0002_catalogue_and_rules
            migrations.RunPython(load_catalogue, migrations.RunPython.noop),
            # 0012_law_as_it_stands
            migrations.RunPython(load_law, unload_law),
            # 0018_award_verification_code_unique: made unique after the column was added
            postgresql_unique_name(
                "awards_award", "verification_code", "awards_award_verification_code_87ba17a5_uniq"
            ),
            # 0021_award_type_name_key
            migrations.RunPython(fill_type_name_keys, migrations.RunPython.noop),
        ),
        migrations.AddConstraint(
            model_name="awardtype",
            constraint=models.UniqueConstraint(
                fields=("name_key",),
                name="award_type_name_key_unique",
                violation_error_message="Tên loại khen thưởng trùng với một loại đã có (không kể bảng mã Unicode, vị trí dấu thanh, chữ hoa/thường và khoảng trắng).",
            ),
        ),
    ]
