"""The public awards list as rows (shared by the page and the exports), and its CSV and XLSX
exports: exactly the filtered rows, Vietnamese headers, constant memory."""

from django.conf import settings
from django.contrib import messages
from django.db.models import OuterRef
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse

from blocs.queries import bloc_name_in_year
from thidua.query_params import with_aliases
from thidua.spreadsheet import csv_response, xlsx_response

from . import queries
from .filters import PublicFilter

HEADERS = [
    "Năm",
    "Loại khen thưởng",
    "Đối tượng",
    "Khối đề nghị",
    "Tình trạng",
    "Căn cứ",
    "Ngày",
    "Tiền thưởng",
    "Ghi chú",
]
CHUNK = 500


# Other names of the list's parameters (thidua.query_params): the events list's `nam`.
ALIASES = {"nam": "year"}


def public_filter(params):
    """The bound filter of the public list; its `.qs` are awards, or proposals when the visitor
    asked for what blocs proposed, each with `bloc_name`: the bloc's name in the row's year (as
    the year and bloc pages, the API and the open data name it)."""
    params = with_aliases(params, ALIASES)
    awards = queries.public_awards().annotate(bloc_name=bloc_name_in_year(OuterRef("year")))
    probe = PublicFilter(params, queryset=awards)
    if probe.wants_proposals:
        proposals = queries.public_proposals().annotate(
            bloc_name=bloc_name_in_year(OuterRef("event__period_end"), "event__bloc")
        )
        return PublicFilter(params, queryset=proposals, proposals=True)
    return probe


def refused(filterset) -> bool:
    """A filter that cannot be read (?year=abc): the list shows nothing but the reason, and an
    export is not made, rather than every award as if nothing had been asked."""
    return filterset.is_bound and not filterset.is_valid()


def filtered_rows(filterset):
    return filterset.queryset.none() if refused(filterset) else filterset.qs


def _event_url(event):
    try:
        return event.get_absolute_url()
    except NoReverseMatch:  # the event pages are not installed
        return ""


def public_row(record, proposals: bool) -> dict:
    """One line of the public list (page and exports)."""
    if proposals:
        event = record.event
        return {
            "year": event.period_end,
            "award_type": record.award_type.name,
            "recipient": record.recipient_name,
            "bloc": record.bloc_name,
            "status": "Khối đề xuất",
            "basis": event.title,
            "date": event.held_on,
            "prize": "",
            "note": "",
            "revoked": False,
            "url": _event_url(event),
        }
    revoking = record.public_revocation
    revoked = revoking is not None
    note = record.prize_rank
    if revoked:
        note = f"Thu hồi theo {revoking.document}: {record.revocation_reason}"
    return {
        "year": record.year,
        "award_type": record.award_type.name,
        "recipient": record.recipient_name,
        "bloc": record.bloc_name,
        "status": "Đã bị thu hồi" if revoked else "Đã khen thưởng",
        "basis": str(record.decision.document),
        # Who decided and who signed (the decision's own columns: no query per row).
        "issuer": record.decision.document.issuer,
        "signer": ", ".join(
            p for p in [record.decision.signer_title, record.decision.signer_name] if p
        ),
        "date": record.decision.document.issued_on,
        "prize": record.prize_label,
        "note": note,
        "revoked": revoked,
        "url": queries.decision_url(record.decision_id),
        "verify_url": reverse("awards:verify", args=[record.verification_code]),
    }


def row_values(row) -> list:
    return [
        row["year"],
        row["award_type"],
        row["recipient"],
        row["bloc"],
        row["status"],
        row["basis"],
        row["date"],
        row["prize"],
        row["note"],
    ]


def _rows(filterset):
    for record in filterset.qs.iterator(chunk_size=CHUNK):
        yield row_values(public_row(record, filterset.proposals))


def _refused(request, filterset):
    """Back to the list, which names the fields to correct, instead of a file of every row."""
    if not refused(filterset):
        return None
    messages.error(
        request, "Chưa xuất được danh sách: bộ lọc có ô không hợp lệ, hãy sửa theo thông báo."
    )
    query = request.GET.urlencode()
    return redirect(reverse("awards:list") + (f"?{query}" if query else ""))


def _thousands(number):
    return f"{number:,}".replace(",", ".")  # Vietnamese digit grouping: 20.000


def _too_large(request, filterset):
    """An export is built row by row for an anonymous visitor: refuse one too large to be a
    reasonable request (a whole national history), and send the visitor back to narrow it."""
    limit = settings.THIDUA_EXPORT_MAX_ROWS
    total = filterset.qs.count()
    if total <= limit:
        return None
    messages.error(
        request,
        f"Danh sách đã lọc có {_thousands(total)} dòng, vượt giới hạn xuất {_thousands(limit)} "
        "dòng. Hãy lọc thêm theo năm, khối, đơn vị hoặc loại khen thưởng.",
    )
    query = request.GET.urlencode()
    return redirect(reverse("awards:list") + (f"?{query}" if query else ""))


def export_csv(request):
    filterset = public_filter(request.GET)
    if answer := _refused(request, filterset) or _too_large(request, filterset):
        return answer
    return csv_response(HEADERS, _rows(filterset), "khen-thuong.csv")


def export_xlsx(request):
    filterset = public_filter(request.GET)
    if answer := _refused(request, filterset) or _too_large(request, filterset):
        return answer
    return xlsx_response("Khen thưởng", HEADERS, _rows(filterset), "khen-thuong.xlsx")
