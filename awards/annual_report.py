"""The annual report workbook (.xlsx): the counts the yearly emulation statistics ask for —
awards by form and by recipient kind, by level and by unit kind — of one year's awards in effect,
read by the same grouped queries as the statistics page."""

from django.utils import timezone

from .models import Award, AwardCategory, AwardLevel, AwardType
from .statistics import (
    COLLECTIVE,
    INDIVIDUAL,
    LEVEL_ORDER,
    TOTAL,
    by_unit_kind,
    type_year_counts,
)


def sheets(year) -> list:
    """[(sheet title, headers, rows)] of the year's awards in effect (every recorded decision,
    published or not: the ministry reports what it decided)."""
    awards = Award.objects.in_effect().filter(year=year)
    types = {t.pk: t for t in AwardType.objects.all()}
    counts = type_year_counts(awards)
    by_type = {}
    for row in counts:
        units, people = by_type.get(row["award_type_id"], (0, 0))
        by_type[row["award_type_id"]] = (units + row["units"], people + row["people"])
    categories = dict(AwardCategory.choices)
    levels = dict(AwardLevel.choices)
    form_rows = []
    for pk in sorted(by_type, key=lambda pk: (types[pk].order, types[pk].name)):
        award_type = types[pk]
        units, people = by_type[pk]
        form_rows.append(
            [
                award_type.name,
                categories.get(award_type.category, award_type.category),
                levels.get(award_type.level, award_type.level),
                units,
                people,
                units + people,
            ]
        )
    level_rows = []
    for level in LEVEL_ORDER:
        units = sum(by_type[pk][0] for pk in by_type if types[pk].level == level)
        people = sum(by_type[pk][1] for pk in by_type if types[pk].level == level)
        level_rows.append([levels[level], units, people, units + people])
    totals = [sum(r[3] for r in form_rows), sum(r[4] for r in form_rows)]
    kinds = by_unit_kind(awards)
    return [
        (
            "Thông tin",
            ["Mục", "Nội dung"],
            [
                ["Báo cáo", f"Thống kê thi đua, khen thưởng năm {year}"],
                ["Phạm vi", "Khen thưởng còn hiệu lực theo các quyết định đã ghi nhận"],
                ["Lập ngày", timezone.localdate().strftime("%d/%m/%Y")],
                [f"Tổng số ({COLLECTIVE})", totals[0]],
                [f"Tổng số ({INDIVIDUAL})", totals[1]],
                [TOTAL, sum(totals)],
            ],
        ),
        (
            "Theo hình thức",
            ["Hình thức, danh hiệu", "Nhóm", "Cấp", COLLECTIVE, INDIVIDUAL, TOTAL],
            form_rows,
        ),
        ("Theo cấp", ["Cấp", COLLECTIVE, INDIVIDUAL, TOTAL], level_rows),
        ("Theo loại đơn vị", kinds.headers, kinds.rows),
    ]
