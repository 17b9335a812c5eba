"""The statistics of the public page (awards in effect from published decisions) and of the annual
report, shaped into tables. The public page reads the counts kept by awards.tallies: AwardTally
for a bloc, else its sums AwardTypeTally (no bloc: a few thousand rows) and AwardBlocTally (the
per-bloc tables, when no award type is chosen either) — never a scan of hundreds of thousands of
rows; the annual report groups one year's awards. Both go through the same functions, which take
either. Every chart is drawn from its table (awards.charts), so both always show the same numbers.

The public page's filter has Vietnamese names (`tu_nam`, `den_nam`, `khoi` and `loai`: the bloc's
and the award type's slugs, as `khoi` and `loai` are codes on the events list) and still reads
the English ones it wrote before (`year_from`, `year_to`, `bloc` and `award_type`: ids), so that
shared addresses keep working (thidua.query_params). A filter that cannot be read shows no table:
each field in error says which rule it breaks, never the statistics of everything.
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
from thidua.numbers import parse_int
from thidua.query_params import with_aliases
from thidua.years import FIRST_YEAR, LAST_YEAR, RangeFilterForm, YearFilter
from units.models import UnitKind
from units.queries import unit_name_in_year

from .exports import refused
from .filters import LongSelect
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


# The English names the page wrote before its Vietnamese ones; `bloc` and `award_type` were ids.
ALIASES = {"year_from": "tu_nam", "year_to": "den_nam"}
ID_ALIASES = {"bloc": "khoi", "award_type": "loai"}

# What each field of the filter requires, said after its label when a value breaks it.
YEAR_RULES = {
    "invalid": "phải là một năm gồm 4 chữ số, như 2015.",
    "min_value": f"phải là một năm từ {FIRST_YEAR} đến {LAST_YEAR}.",
    "max_value": f"phải là một năm từ {FIRST_YEAR} đến {LAST_YEAR}.",
}
FIELD_RULES = {
    "tu_nam": YEAR_RULES,
    "den_nam": YEAR_RULES,
    "khoi": {"invalid_choice": "không có khối nào như vậy; hãy chọn một khối trong danh sách."},
    "loai": {
        "invalid_choice": "không có loại khen thưởng nào như vậy; hãy chọn một loại trong danh sách."
    },
}


class StatisticsFilterForm(RangeFilterForm):
    """Each field's errors name it and its rule: «Từ năm: phải là một năm gồm 4 chữ số, như
    2015.», not Django's «Nhập một số nguyên.» beside whichever field."""

    ranges = (("tu_nam", "den_nam"),)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, rules in FIELD_RULES.items():
            field = self.fields[name]
            field.error_messages = {
                **field.error_messages,
                **{code: f"{field.label}: {rule}" for code, rule in rules.items()},
            }


class StatisticsFilter(django_filters.FilterSet):
    """Year range, bloc and award type, kept in the URL under the page's Vietnamese names.

    The blocs and the award types are read once each, when the filter is made: the same rows
    give the old ids' slugs, check the chosen slug, fill the two <select>s and name the tables'
    rows (a ModelChoiceFilter would read each model three or four times)."""

    tu_nam = YearFilter(field_name="year", lookup_expr="gte", label="Từ năm")
    den_nam = YearFilter(field_name="year", lookup_expr="lte", label="Đến năm")
    khoi = django_filters.ChoiceFilter(
        label="Khối thi đua", empty_label="Mọi khối", widget=LongSelect, method="by_bloc"
    )
    loai = django_filters.ChoiceFilter(
        label="Loại khen thưởng", empty_label="Mọi loại", method="by_award_type"
    )

    class Meta:
        model = AwardTally
        fields = ["tu_nam", "den_nam", "khoi", "loai"]
        form = StatisticsFilterForm

    def __init__(self, data=None, *args, **kwargs):
        blocs = list(Bloc.objects.order_by(vi_order("name")).values_list("pk", "slug", "name"))
        self.types = {t.pk: t for t in AwardType.objects.all()}
        self.bloc_names = {pk: name for pk, _slug, name in blocs}
        self.bloc_ids = {slug: pk for pk, slug, _name in blocs}
        self.type_ids = {t.slug: pk for pk, t in self.types.items()}
        if data is not None:
            slugs = {
                "bloc": {pk: slug for pk, slug, _name in blocs},
                "award_type": {pk: t.slug for pk, t in self.types.items()},
            }
            data = own_names(data, slugs)
        super().__init__(data or None, *args, **kwargs)
        self.filters["khoi"].extra["choices"] = [(slug, name) for _pk, slug, name in blocs]
        self.filters["loai"].extra["choices"] = [(t.slug, t.name) for t in self.types.values()]

    def by_bloc(self, queryset, name, value):
        return queryset.filter(bloc_id=self.bloc_ids[value])

    def by_award_type(self, queryset, name, value):
        return queryset.filter(award_type_id=self.type_ids[value])

    def value(self, name):
        return _cleaned(self).get(name)


def own_names(params, slugs: dict[str, dict[int, str]]):
    """The query under the page's own names: `year_from` and `year_to` read as `tu_nam` and
    `den_nam`, `bloc` and `award_type` (ids, given their slugs by `slugs`) as `khoi` and `loai`;
    the page's own name wins when both are given. An id nothing has stays as written, and the
    filter refuses it by name."""
    params = with_aliases(params, ALIASES)
    for alias, name in ID_ALIASES.items():
        if params.get(alias) and not any(v != "" for v in params.getlist(name)):
            params[name] = slugs[alias].get(parse_int(params[alias])) or params[alias]
        params.pop(alias, None)
    return params


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
    if (value := filterset.value("tu_nam")) is not None:
        qs = qs.filter(bloc_year__year__gte=value)
    if (value := filterset.value("den_nam")) is not None:
        qs = qs.filter(bloc_year__year__lte=value)
    if bloc := filterset.value("khoi"):
        qs = qs.filter(bloc_year__bloc_id=filterset.bloc_ids[bloc])
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
    """The filter's values (only when every one is valid: see public_statistics)."""
    if not filterset.is_bound:
        return {}
    filterset.form.is_valid()  # fills cleaned_data with the valid fields
    return filterset.form.cleaned_data


def _kept(model, filterset):
    """`model`'s rows narrowed exactly as `filterset.qs` narrows AwardTally's."""
    records = model.objects.all()
    return filterset.filter_queryset(records) if _cleaned(filterset) else records


def public_statistics(filterset) -> list[StatTable]:
    """Every table of the public page, in a constant number of queries (five, besides the
    filter's two), from the smallest kept tallies that hold the chosen filters; none when a
    filter cannot be read (its errors say why), rather than the tables of everything or of the
    fields that could be read."""
    if refused(filterset):
        return []
    awards, chosen = filterset.qs, _cleaned(filterset)
    by_type = per_bloc = awards
    if not chosen.get("khoi"):
        by_type = _kept(AwardTypeTally, filterset)
        if not chosen.get("loai"):
            per_bloc = _kept(AwardBlocTally, filterset)
    types, blocs = filterset.types, filterset.bloc_names
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
    """The public page's filter of `params` (the page's names, or the English ones it wrote
    before)."""
    return StatisticsFilter(params or None, queryset=AwardTally.objects.all())
