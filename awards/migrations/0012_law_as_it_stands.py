"""The law as it stands (DOMAIN.md): Nghị định 152/2025/NĐ-CP from 01/07/2025 after NĐ 98/2023;
the council's vote thresholds of NĐ 98/2023 Điều 30 khoản 7 and its quorum; the articles of the
consecutive-title rules (Luật 2022 Điều 21, 22); Thông tư 25/2025/TT-BKHCN Điều 7; prize
coefficients and the base salary as dated data.

Values still to be checked carry "VERIFY" in their note and stay editable in the admin.
Re-running is harmless (update_or_create on codes and dates); the reverse step removes what this
one added and reopens NĐ 98/2023.
"""

import datetime
from decimal import Decimal

from django.db import migrations

D = datetime.date
ND98_END = D(2025, 6, 30)
ND152_START = D(2025, 7, 1)
LAW2022_START = D(2024, 1, 1)
ND98 = "Nghị định 98/2023/NĐ-CP"
ND152 = "Nghị định 152/2025/NĐ-CP"
TT25 = "Thông tư 25/2025/TT-BKHCN"
LAW_2022 = "Luật Thi đua, khen thưởng số 06/2022/QH15"

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


RULES = [
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


def load(apps, schema_editor):
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
    for row in RULES:
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


def unload(apps, schema_editor):
    LegalRegime = apps.get_model("awards", "LegalRegime")
    Rule = apps.get_model("awards", "Rule")
    new_codes = [r["code"] for r in RULES if not r["code"].endswith("-nd98")]
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


class Migration(migrations.Migration):
    dependencies = [("awards", "0011_override_document_quorum_and_prizes")]

    operations = [migrations.RunPython(load, unload)]
