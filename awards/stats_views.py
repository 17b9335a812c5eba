"""The statistics pages: public (cached by the page cache like every public page) and staff,
with each table's CSV and XLSX download and the annual report workbook."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from thidua.numbers import parse_int
from thidua.spreadsheet import XLSX_CONTENT_TYPE, csv_bytes, download, xlsx_bytes
from thidua.staff import staff_page
from thidua.years import FIRST_YEAR, LAST_YEAR, current_year

from . import annual_report, staff_statistics, statistics
from .charts import bar_chart
from .permissions import can, explain


def _query(filterset) -> str:
    """The filter's query under the page's own names (an address with the English names it wrote
    before gets downloads with the Vietnamese ones)."""
    return filterset.data.urlencode() if filterset.is_bound else ""


def public_statistics(request):
    filterset = statistics.statistics_filter(request.GET)
    tables = statistics.public_statistics(filterset)
    # A filter that cannot be read shows no table, only its fields to correct (as the public
    # lists do), never the statistics of everything under an error.
    unreadable = statistics.refused(filterset)
    return render(
        request,
        "awards/statistics.html",
        {
            "filter": filterset,
            "sections": [(table, bar_chart(table)) for table in tables],
            "query": _query(filterset),
            "refused": unreadable,
            "refused_fields": ", ".join(
                f"«{filterset.form[name].label}»"
                for name in filterset.form.errors
                if name in filterset.form.fields
            )
            if unreadable
            else "",
        },
    )


FORMATS = ("csv", "xlsx")


def _table(tables, key, fmt):
    if fmt not in FORMATS:
        raise Http404("Chỉ tải được CSV hoặc XLSX.")
    for table in tables:
        if table.key == key:
            return table
    raise Http404("Không có bảng thống kê này.")


def public_table_download(request, key, fmt):
    filterset = statistics.statistics_filter(request.GET)
    if statistics.refused(filterset):
        # Back to the page, which names the fields to correct, instead of a file of everything
        # (no flash message: the public page is cached and sets no cookie).
        query = _query(filterset)
        return redirect(reverse("awards:statistics") + (f"?{query}" if query else ""))
    table = _table(statistics.public_statistics(filterset), key, fmt)
    filename = f"thong-ke-{table.key}.{fmt}"
    if fmt == "csv":
        return download(csv_bytes(table.headers, table.rows), "text/csv; charset=utf-8", filename)
    content = xlsx_bytes([(table.title, table.headers, table.rows)])
    return download(content, XLSX_CONTENT_TYPE, filename)


def _require_statistics(request):
    if not can(request.user, "awards.view_statistics"):
        raise PermissionDenied(explain(request.user, "awards.view_statistics"))


def _year(request) -> tuple[int, str]:
    """The staff statistics' year (`?year=`, this year without one) and, when it cannot be shown
    as asked, a note saying why and which year is shown instead."""
    text = (request.GET.get("year") or "").strip()
    if not text:
        return current_year(), ""
    year = parse_int(text)
    if year is None:
        shown, asked = current_year(), text if len(text) <= 20 else f"{text[:20]}…"
        return shown, f"«{asked}» không phải là một năm: đang hiển thị năm {shown}."
    shown = min(max(year, FIRST_YEAR), LAST_YEAR)
    if shown != year:
        return shown, (
            f"Năm {year} nằm ngoài khoảng {FIRST_YEAR}–{LAST_YEAR}: đang hiển thị năm {shown}."
        )
    return year, ""


@staff_page
def staff_statistics_page(request):
    _require_statistics(request)
    year, year_note = _year(request)
    tables = staff_statistics.staff_tables(year)
    return render(
        request,
        "awards/staff_statistics.html",
        {
            "year": year,
            "year_note": year_note,
            "query": f"year={year}",
            "sections": [(table, bar_chart(table)) for table in tables],
        },
    )


@staff_page
def staff_table_download(request, key, fmt):
    _require_statistics(request)
    year, _note = _year(request)
    table = _table(staff_statistics.staff_tables(year), key, fmt)
    filename = f"thong-ke-noi-bo-{table.key}.{fmt}"
    if fmt == "csv":
        return download(csv_bytes(table.headers, table.rows), "text/csv; charset=utf-8", filename)
    return download(
        xlsx_bytes([(table.title, table.headers, table.rows)]), XLSX_CONTENT_TYPE, filename
    )


@staff_page
def annual_report_download(request):
    _require_statistics(request)
    year, _note = _year(request)
    return download(
        xlsx_bytes(annual_report.sheets(year)),
        XLSX_CONTENT_TYPE,
        f"bao-cao-thi-dua-khen-thuong-{year}.xlsx",
    )
