"""The statistics of the public page (awards in effect from published decisions) and of the annual
report, shaped into tables. The public page reads the counts kept by awards.tallies: AwardTally
for a bloc, else its sums AwardTypeTally (no bloc: a few thousand rows) and AwardBlocTally (the
per-bloc tables, when no award type is chosen either) — never a scan of hundreds of thousands of
rows; the annual report groups one year's awards. Both go through the same functions, which take
either. Every chart is drawn from its table (awards.charts), so both always show the same numbers.
"""

from collections import defaultdict
from dataclasses import dataclass, field

import django_filters
from django.db.models import Count, F, OuterRef, Q, Sum
from django.db.models.functions import Coalesce
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from blocs.models import Bloc, LeadingUnit
from blocs.queries import bloc_name_in_year
from thidua.collation import vi_order
from thidua.years import RangeFilterForm, YearFilter
from units.models import UnitKind
from units.queries import unit_name_in_year

from .filters import _long_choice
from .models import Award, AwardBlocTally, AwardLevel, AwardTally, AwardType, AwardTypeTally
from .models.tallies import FLAG_SLUG_PREFIX

# The leading collectives listed at most (a bloc or a year range narrows the list).
LEADING_UNITS_MAX = 300
# The bars of a per-bloc chart: the blocs with the largest totals (the table lists them all).
CHART_BLOCS_MAX = 25
LEVEL_ORDER = [AwardLevel.STATE, AwardLevel.GOVERNMENT, AwardLevel.MINISTRY, AwardLevel.GRASSROOTS]
COLLECTIVE, INDIVIDUAL, TOTAL = "Tập thể", "Cá nhân", "Tổng"


@dataclass
class StatTable:
    """A table of the statistics: `headers[0]` labels the rows; the columns named in `series`
    are the numbers the chart draws (the others, e.g. a total, are shown in the table only)."""

    key: str
    title: str
    headers: list[str]
    rows: list[list] = field(default_factory=list)
    series: list[int] = field(default_factory=list)
    note: str = ""
    chart_rows: int = 0  # the chart draws the first rows only (the largest first); 0: all

    @property
    def has_chart(self) -> bool:
        return bool(self.series) and bool(self.rows)

    def body_html(self):
        """The table's rows as HTML, the first cell a row header: what the template would write,
        built here because a bloc × year grid is about 9,000 cells, and the template engine's
        per-cell lookups, localising and escaping took most of the page's time."""
        return mark_safe(
            "".join(
                f'<tr><th scope="row">{_cell(row[0])}</th>'
                + "".join(f"<td>{_cell(cell)}</td>" for cell in row[1:])
                + "</tr>"
                for row in self.rows
            )
        )


def _cell(value) -> str:
    # A count is written as it is (no thousands separator on the site); anything else as `{{ }}`.
    if type(value) is int:
        return str(value)
    return conditional_escape(localize(value))


class StatisticsFilterForm(RangeFilterForm):
    ranges = (("year_from", "year_to"),)


class StatisticsFilter(django_filters.FilterSet):
    """Year range, bloc and award type, kept in the URL (the same names as the public list)."""

    year_from = YearFilter(field_name="year", lookup_expr="gte", label="Từ năm")
    year_to = YearFilter(field_name="year", lookup_expr="lte", label="Đến năm")
    bloc = _long_choice(
        label="Khối", queryset=Bloc.objects.order_by(vi_order("name")), empty_label="Mọi khối"
    )
    award_type = django_filters.ModelChoiceFilter(
        label="Loại khen thưởng", queryset=AwardType.objects.all(), empty_label="Mọi loại"
    )

    class Meta:
        model = AwardTally
        fields = ["year_from", "year_to", "bloc", "award_type"]
        form = StatisticsFilterForm

    def value(self, name):
        # The valid fields only, as `qs` applies them: one refused field leaves the others.
        return _cleaned(self).get(name)


def awards_in_effect():
    """What the public statistics count: awards from published decisions, not revoked by a
    published decision."""
    return Award.objects.public().publicly_in_effect()


KEPT = (AwardTally, AwardTypeTally, AwardBlocTally)


def _measure(records):
    """(aggregate, its field, "is a collective", the unit kind's field) for kept tallies (a sum
    of their counts) or for awards (a count of rows)."""
    if records.model in KEPT:
        return Sum, "count", Q(collective=True), "unit_kind"
    return Count, "id", Q(unit__isnull=False), "unit__kind"


def _recipient_counts(records):
    how, field, collective, _ = _measure(records)
    return {
        "units": Coalesce(how(field, filter=collective), 0),
        "people": Coalesce(how(field, filter=~collective), 0),
    }


def type_year_counts(awards) -> list[dict]:
    """[{year, award_type_id, units, people}]: one GROUP BY on (year, award_type)."""
    return list(
        awards.order_by()
        .values("year", "award_type_id")
        .annotate(**_recipient_counts(awards))
        .order_by("year", "award_type_id")
    )


def _level_label(level):
    return AwardLevel(level).label if level in AwardLevel.values else level


def by_year_and_level(counts, types) -> StatTable:
    levels = [level for level in LEVEL_ORDER if any(t.level == level for t in types.values())]
    per_year = defaultdict(lambda: defaultdict(int))
    for row in counts:
        level = types[row["award_type_id"]].level
        per_year[row["year"]][level] += row["units"] + row["people"]
    rows = []
    for year in sorted(per_year):
        values = [per_year[year][level] for level in levels]
        rows.append([year, *values, sum(values)])
    return StatTable(
        "theo-nam-va-cap",
        "Khen thưởng theo năm và cấp khen thưởng",
        ["Năm", *[f"Cấp {_level_label(level)}" for level in levels], TOTAL],
        rows,
        series=list(range(1, len(levels) + 1)),
    )


def by_award_type(counts, types) -> StatTable:
    totals = defaultdict(lambda: [0, 0])
    for row in counts:
        totals[row["award_type_id"]][0] += row["units"]
        totals[row["award_type_id"]][1] += row["people"]
    ordered = sorted(totals, key=lambda pk: (types[pk].order, types[pk].name))
    rows = [[types[pk].name, *totals[pk], sum(totals[pk])] for pk in ordered]
    return StatTable(
        "theo-loai",
        "Khen thưởng theo loại khen thưởng",
        ["Loại khen thưởng", COLLECTIVE, INDIVIDUAL, TOTAL],
        rows,
        series=[1, 2],
    )


def by_year_and_recipient(counts) -> StatTable:
    per_year = defaultdict(lambda: [0, 0])
    for row in counts:
        per_year[row["year"]][0] += row["units"]
        per_year[row["year"]][1] += row["people"]
    rows = [[year, *per_year[year], sum(per_year[year])] for year in sorted(per_year)]
    return StatTable(
        "tap-the-ca-nhan",
        "Khen thưởng tập thể và cá nhân theo năm",
        ["Năm", COLLECTIVE, INDIVIDUAL, TOTAL],
        rows,
        series=[1, 2],
    )


def by_bloc(awards, names) -> StatTable:
    """`names`: {bloc id: name} (grouping by the id alone, not joining every row to its bloc)."""
    counts = (
        awards.filter(bloc__isnull=False)
        .order_by()
        .values("bloc_id")
        .annotate(**_recipient_counts(awards))
    )
    rows = [
        [names[row["bloc_id"]], row["units"], row["people"], row["units"] + row["people"]]
        for row in counts
    ]
    rows.sort(key=lambda row: (-row[3], row[0]))
    return StatTable(
        "theo-khoi",
        "Khen thưởng theo khối đề nghị",
        ["Khối", COLLECTIVE, INDIVIDUAL, TOTAL],
        rows,
        series=[1, 2],
        note="Chỉ tính khen thưởng có ghi khối đề nghị.",
        chart_rows=CHART_BLOCS_MAX,
    )


def by_unit_kind(awards) -> StatTable:
    how, field, collective, kind = _measure(awards)
    counts = (
        awards.filter(collective)
        .order_by()
        .values(kind=F(kind))
        .annotate(n=how(field))
        .order_by("kind")
    )
    labels = dict(UnitKind.choices)
    rows = [[labels.get(row["kind"], row["kind"]), row["n"]] for row in counts]
    rows.sort(key=lambda row: (-row[1], row[0]))
    return StatTable(
        "theo-loai-don-vi",
        "Khen thưởng tập thể theo loại đơn vị",
        ["Loại đơn vị", "Số khen thưởng"],
        rows,
        series=[1],
    )


def flags_by_bloc(awards, names) -> StatTable:
    how, field, _, _ = _measure(awards)
    if awards.model is AwardBlocTally:
        flags = awards.filter(flag=True)
    else:
        flags = awards.filter(award_type__slug__startswith=FLAG_SLUG_PREFIX, bloc__isnull=False)
    # Tuples, not dicts: a bloc × year grid is thousands of rows.
    counts = flags.order_by().values_list("bloc_id", "year").annotate(n=how(field))
    years, per_bloc = set(), defaultdict(dict)
    for bloc_id, year, n in counts:
        years.add(year)
        per_bloc[bloc_id][year] = n
    years = sorted(years)
    rows = []
    for pk, by_year in per_bloc.items():
        values = [by_year.get(year, 0) for year in years]
        rows.append([names[pk], *values, sum(values)])
    rows.sort(key=lambda row: (-row[-1], row[0]))
    return StatTable(
        "co-thi-dua-theo-khoi",
        "Cờ thi đua của các khối qua các năm",
        ["Khối", *[str(year) for year in years], TOTAL],
        rows,
        # The chart shows each bloc's total; the table gives the years.
        series=[len(years) + 1] if years else [],
        note="Cờ thi đua của Bộ và Cờ thi đua của Chính phủ, theo năm thành tích.",
        chart_rows=CHART_BLOCS_MAX,
    )


def leading_units(filterset) -> StatTable:
    """Each year's leading collectives, the bloc and the unit under the names they bore that year
    (as the bloc and unit pages and the public awards list name them)."""
    year = OuterRef("bloc_year__year")
    qs = LeadingUnit.objects.annotate(
        bloc_name=bloc_name_in_year(year, "bloc_year__bloc"),
        unit_name=unit_name_in_year(year),
    ).order_by("-bloc_year__year", "bloc_name", "unit_name")
    if (value := filterset.value("year_from")) is not None:
        qs = qs.filter(bloc_year__year__gte=value)
    if (value := filterset.value("year_to")) is not None:
        qs = qs.filter(bloc_year__year__lte=value)
    if bloc := filterset.value("bloc"):
        qs = qs.filter(bloc_year__bloc=bloc)
    found = list(
        qs.values_list("bloc_year__year", "bloc_name", "unit_name")[: LEADING_UNITS_MAX + 1]
    )
    rows = [list(lead) for lead in found[:LEADING_UNITS_MAX]]
    note = ""
    if len(found) > LEADING_UNITS_MAX:
        note = f"Hiển thị {LEADING_UNITS_MAX} dòng mới nhất; hãy lọc theo khối hoặc năm."
    return StatTable(
        "dan-dau-khoi",
        "Tập thể dẫn đầu khối thi đua",
        ["Năm", "Khối", "Tập thể dẫn đầu"],
        rows,
        note=note,
    )


def _cleaned(filterset) -> dict:
    """The filter's valid values: `filterset.qs` applies those and leaves out the invalid ones."""
    if not filterset.is_bound:
        return {}
    filterset.form.is_valid()  # fills cleaned_data with the valid fields
    return filterset.form.cleaned_data


def _kept(model, filterset):
    """`model`'s rows narrowed exactly as `filterset.qs` narrows AwardTally's."""
    records = model.objects.all()
    return filterset.filter_queryset(records) if _cleaned(filterset) else records


def public_statistics(filterset) -> list[StatTable]:
    """Every table of the public page, in a constant number of queries (seven), from the smallest
    kept tallies that hold the chosen filters."""
    awards, chosen = filterset.qs, _cleaned(filterset)
    by_type = per_bloc = awards
    if not chosen.get("bloc"):
        by_type = _kept(AwardTypeTally, filterset)
        if not chosen.get("award_type"):
            per_bloc = _kept(AwardBlocTally, filterset)
    types = {t.pk: t for t in AwardType.objects.all()}
    blocs = dict(Bloc.objects.order_by().values_list("pk", "name"))
    counts = type_year_counts(by_type)
    return [
        by_year_and_level(counts, types),
        by_award_type(counts, types),
        by_year_and_recipient(counts),
        by_bloc(per_bloc, blocs),
        by_unit_kind(by_type),
        flags_by_bloc(per_bloc, blocs),
        leading_units(filterset),
    ]


def statistics_filter(params):
    return StatisticsFilter(params or None, queryset=AwardTally.objects.all())
