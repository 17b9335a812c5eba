"""Staff downloads of the award documents (Word) and certificates (PDF), and the page that lists
them. Every view asks awards.permissions (no superuser shortcut) and streams its file."""

import datetime

from django.conf import settings
from django.contrib import messages
from django.db.models import Count, Max, Q
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from blocs.queries import holder
from thidua.numbers import parse_int
from thidua.paper import kinds as paper_kinds
from thidua.paper.responses import DOCX, PDF, file_response
from thidua.slugs import slug_base
from thidua.staff import staff_page

from .. import certificates, queries
from ..filters import QueueFilter
from ..models import Award, CertificateMode, CouncilVote, Decision, DecisionKind, Nomination
from ..views import PAGE_SIZE, _bloc_year_or_404, _page, _require
from . import contexts, kinds, records


def _docx(kind, context, filename):
    return file_response(
        lambda handle: paper_kinds.render(kind, context, handle), f"{filename}.docx", DOCX
    )


def _mode(request):
    return CertificateMode.BLANK_FORM if request.GET.get("phoi") else CertificateMode.DESIGN


def _decision(pk):
    return get_object_or_404(Decision.objects.select_related("document", "signer"), pk=pk)


# --- Word documents ------------------------------------------------------------------------------


@staff_page
def bloc_submission(request, bloc_slug, year):
    """The bloc's tờ trình and list for `year`: the staff of the bloc's leader unit that year,
    the reviewers and the secretariat."""
    bloc = _bloc_year_or_404(bloc_slug, year)  # the dossier form's years: no empty tờ trình
    _require(request, "awards.view_dossier", Nomination(bloc=bloc, year=year))
    leader = holder(bloc, year)
    issuer = leader.unit.name_in(year) if leader else bloc.name
    context = contexts.bloc_submission(bloc, year, queries.bloc_nominations([bloc], year), issuer)
    return _docx(kinds.SUBMISSION, context, f"to-trinh-{bloc.slug}-{year}")


@staff_page
def review_submission(request):
    """The reviewing department's tờ trình to the council: the queue as filtered."""
    _require(request, "awards.open_review_queue")
    filterset = QueueFilter(request.GET, queryset=queries.review_queue())
    limit = settings.THIDUA_EXPORT_MAX_ROWS
    nominations = list(filterset.qs[: limit + 1])
    if len(nominations) > limit:
        messages.error(
            request,
            f"Danh sách có hơn {limit} hồ sơ: hãy lọc theo năm, khối hoặc loại khen thưởng "
            "trước khi lập tờ trình.",
        )
        return redirect(f"{reverse('awards:queue')}?{request.GET.urlencode()}")
    return _docx(kinds.SUBMISSION, contexts.review_submission(nominations), "to-trinh-hoi-dong")


@staff_page
def council_minutes(request, held_on):
    _require(request, "awards.open_review_queue")
    try:
        day = datetime.date.fromisoformat(held_on)
    except ValueError:
        raise Http404("Ngày họp không hợp lệ.") from None
    if not CouncilVote.objects.filter(held_on=day).exists():
        raise Http404("Hội đồng không có phiên họp nào ngày này.")
    return _docx(kinds.COUNCIL_MINUTES, contexts.council_minutes(day), f"bien-ban-hoi-dong-{day}")


@staff_page
def decision_annex(request, pk):
    _require(request, "awards.open_review_queue")
    decision = _decision(pk)
    name = f"danh-sach-kem-theo-{_number_slug(decision)}"
    return _docx(kinds.DECISION_ANNEX, contexts.decision_annex(decision), name)


@staff_page
def achievement_report(request, pk):
    nomination = get_object_or_404(
        Nomination.objects.select_related("award_type", "unit", "person", "bloc"), pk=pk
    )
    _require(request, "awards.view_dossier", nomination)
    context = contexts.achievement_report(nomination)
    return _docx(kinds.ACHIEVEMENT_REPORT, context, f"bao-cao-thanh-tich-{nomination.pk}")


# --- certificates --------------------------------------------------------------------------------


@staff_page
def award_certificate(request, pk):
    _require(request, "awards.open_review_queue")
    award = get_object_or_404(records.award_for_certificate(), pk=pk)
    if award.revoked_by_id:
        messages.error(request, f"«{award}» đã bị thu hồi: không in bằng, giấy khen.")
        return redirect("awards:documents")
    number = records.ledger_number(award)
    base_url = records.public_base_url(request)

    def write(handle):
        certificates.write_certificates(
            handle, [(number, award)], mode=_mode(request), base_url=base_url, title=str(award)
        )

    return file_response(write, f"bang-khen-{award.verification_code}.pdf", PDF)


def _ledger_range(request, last_number):
    """The «số sổ vàng» range asked (?tu=&den=), or the whole decision."""
    first = parse_int(request.GET.get("tu") or "1")
    last = parse_int(request.GET.get("den") or str(last_number))
    if first is None or last is None or first < 1 or last < first:
        return None
    if first > last_number:  # past the decision's last number: nothing would be printed
        return None
    return first, min(last, last_number)


@staff_page
def decision_certificates(request, pk):
    """Every certificate of a decision in one PDF, or a range of its ledger numbers."""
    _require(request, "awards.open_review_queue")
    decision = _decision(pk)
    if decision.kind != DecisionKind.GRANT:
        raise Http404("Quyết định thu hồi không có bằng khen.")
    total, last_number = Award.objects.filter(decision=decision).count(), decision.ledger_last
    asked = _ledger_range(request, last_number)
    back = f"{reverse('awards:documents')}#qd-{decision.pk}"
    if asked is None:
        messages.error(
            request,
            "Khoảng số sổ vàng không hợp lệ: «từ» và «đến» là số, «từ» không lớn hơn «đến»"
            + (
                f", trong khoảng từ 1 đến {last_number} (quyết định có {total} khen thưởng)."
                if total
                else "; quyết định chưa có khen thưởng nào."
            ),
        )
        return redirect(back)
    first, last = asked
    limit = settings.THIDUA_CERTIFICATE_BATCH_MAX
    if last - first + 1 > limit:
        messages.error(
            request,
            f"Mỗi lần in tối đa {limit} bằng; quyết định có {total} khen thưởng — hãy in theo "
            "khoảng số sổ vàng (từ … đến …).",
        )
        return redirect(back)
    # Revoked awards get no certificate (write_certificates skips them): a range of revoked
    # awards only would be a blank PDF. Their flags alone, at most the batch limit.
    revoked = records.ledger_range_revoked(decision, first, last)
    if not revoked or all(revoked):
        whole = (first, last) == (1, last_number)
        which = (
            f"Mọi khen thưởng ({total}) của «{decision}»"
            if whole
            else f"Các khen thưởng số sổ vàng từ {first} đến {last} của «{decision}»"
        )
        state = "đã bị thu hồi" if revoked else "không có trong quyết định (số sổ vàng bị bỏ trống)"
        messages.error(request, f"{which} {state}: không in bằng, giấy khen.")
        return redirect(back)
    base_url = records.public_base_url(request)
    mode = _mode(request)

    def write(handle):
        numbered = records.ledger_range(decision, first, last)
        certificates.write_certificates(
            handle, numbered, mode=mode, base_url=base_url, title=str(decision)
        )

    return file_response(write, f"bang-khen-{_number_slug(decision)}-{first}-{last}.pdf", PDF)


def _number_slug(decision):
    """«123/QĐ-BKHCN» -> «123-qd-bkhcn»: the number as a file name keeps every part of it."""
    return slug_base(decision.document.number.replace("/", " "), 60, f"quyet-dinh-{decision.pk}")


# --- the staff page that lists them ----------------------------------------------------------------


@staff_page
def documents(request):
    """Decisions (annex, certificates) and council sessions (minutes), newest first."""
    _require(request, "awards.open_review_queue")
    decisions = _page(
        request,
        Decision.objects.filter(kind=DecisionKind.GRANT)
        .select_related("document")
        .annotate(
            award_count=Count("awards"),
            # The highest «số sổ vàng» (Decision.ledger_last): the range a batch prints.
            last_number=Coalesce(Max("awards__ordinal"), 0)
            + Count("awards", filter=Q(awards__ordinal__isnull=True)),
        )
        .order_by("-document__issued_on", "-pk"),
    )
    sessions = (
        CouncilVote.objects.values("held_on")
        .annotate(votes=Count("pk"))
        .order_by("-held_on")[:PAGE_SIZE]
    )
    return render(
        request,
        "awards/documents.html",
        {
            "page_obj": decisions,
            "sessions": sessions,
            "batch_max": settings.THIDUA_CERTIFICATE_BATCH_MAX,
            "query": "",
        },
    )
