"""The staff statistics: nominations by status and year, the reasons of returns and refusals,
the time from submission to decision, and each bloc's quota use (awards.eligibility). The two
trend tables read the counts kept by awards.tallies (NominationTally, DecisionTimeTally): a few
rows per year, where counting hundreds of thousands of nominations and transitions took seconds."""

from collections import defaultdict

from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from blocs.models import Bloc, BlocName

from .eligibility import bloc_quotas
from .models import Action, DecisionTimeTally, NominationTally, Status, Transition
from .statistics import TOTAL, StatTable

REASONS_MAX = 50
TREND_YEARS = 5  # the trend tables show the chosen year and the four before it


def _window(year):
    """The years a trend table shows: `year` and the ones before it (a range of the (year, …)
    indexes, never every row of the table)."""
    return (year - TREND_YEARS + 1, year)


def by_status_and_year(year) -> StatTable:
    counts = NominationTally.objects.filter(year__range=_window(year)).values_list(
        "year", "status", "count"
    )
    per_year = defaultdict(lambda: defaultdict(int))
    present = set()
    for row_year, status, n in counts:
        per_year[row_year][status] += n
        present.add(status)
    statuses = [s for s in Status.values if s in present]
    rows = []
    for year in sorted(per_year):
        values = [per_year[year][s] for s in statuses]
        rows.append([year, *values, sum(values)])
    return StatTable(
        "ho-so-theo-trang-thai",
        f"Hồ sơ đề nghị theo trạng thái và năm ({_window(year)[0]}–{year})",
        ["Năm", *[Status(s).label for s in statuses], TOTAL],
        rows,
        series=list(range(1, len(statuses) + 1)),
    )


def reasons(year) -> StatTable:
    """The returns and refusals of `year`'s nominations, grouped by their (identical) reason."""
    counts = (
        Transition.objects.filter(action__in=[Action.RETURN, Action.REJECT], nomination__year=year)
        .order_by()
        .values("action", "reason")
        .annotate(n=Count("id"))
        .order_by("-n", "action", "reason")[:REASONS_MAX]
    )
    labels = dict(Action.choices)
    rows = [
        [row["reason"].strip() or "(không ghi lý do)", labels[row["action"]], row["n"]]
        for row in counts
    ]
    return StatTable(
        "ly-do-tra-lai-khong-de-nghi",
        f"Hồ sơ năm {year} bị trả lại hoặc không đề nghị, theo lý do",
        ["Lý do", "Thao tác", "Số lần"],
        rows,
        series=[2],
        note=f"Các lý do giống nhau được gộp; tối đa {REASONS_MAX} lý do nhiều nhất.",
    )


def _days(duration):
    return round(duration.total_seconds() / 86400, 1) if duration is not None else ""


def time_to_decision(year) -> StatTable:
    """Days from a nomination's first submission to its grant or refusal, per nomination year."""
    counts = DecisionTimeTally.objects.filter(year__range=_window(year)).order_by("year")
    rows = [[row.year, row.count, _days(row.mean), _days(row.longest)] for row in counts]
    return StatTable(
        "thoi-gian-xu-ly",
        f"Thời gian từ khi gửi hồ sơ đến khi có kết quả (ngày, {_window(year)[0]}–{year})",
        ["Năm", "Số hồ sơ có kết quả", "Trung bình (ngày)", "Lâu nhất (ngày)"],
        rows,
        series=[2],
        note="Kết quả: được khen thưởng theo quyết định hoặc không đề nghị.",
    )


def _bloc_name_then(year):
    """An expression: the name the bloc bore in `year` (BlocName), read in the same query."""
    former = BlocName.objects.filter(
        Q(valid_from__isnull=True) | Q(valid_from__lte=year),
        Q(valid_until__isnull=True) | Q(valid_until__gte=year),
        bloc=OuterRef("pk"),
    ).order_by("valid_from")
    return Coalesce(Subquery(former.values("name")[:1]), F("name"))


def quota_use(year) -> StatTable:
    blocs = (
        Bloc.objects.filter(years__year=year)
        .select_related("organiser")
        .annotate(name_then=_bloc_name_then(year))
        .order_by("name")
    )
    quotas = bloc_quotas(blocs, year)
    rows, over = [], 0
    for bloc in blocs:
        for row in quotas.get(bloc.pk, []):
            limit = "—" if row.limit is None else row.limit
            over += row.limit is not None and row.used > row.limit
            rows.append([bloc.name_then, row.label, limit, row.used, row.left])
    note = ""
    if over:
        note = (
            f"Có {over} dòng đã dùng vượt số lượng tối đa: cột «Còn lại» ghi «Vượt n» khi đã "
            "dùng nhiều hơn số tối đa n khen thưởng."
        )
    return StatTable(
        "su-dung-chi-tieu",
        f"Sử dụng số lượng khen thưởng tối đa của các khối năm {year}",
        ["Khối", "Quy định", "Tối đa", "Đã dùng", "Còn lại"],
        rows,
        note=note,
    )


def staff_tables(year) -> list[StatTable]:
    return [by_status_and_year(year), reasons(year), time_to_decision(year), quota_use(year)]
