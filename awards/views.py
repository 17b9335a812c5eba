"""Pages of the awards app. Thin: every change goes through awards.services, every permission is
asked of awards.permissions (no superuser shortcut), every refusal is shown in Vietnamese."""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from blocs.models import Bloc, Event
from blocs.queries import blocs_led_by
from thidua.numbers import page_number, parse_int
from thidua.query_params import requested_page, without_page
from thidua.staff import staff_page
from thidua.years import FIRST_YEAR, LAST_YEAR

from . import eligibility, queries, services, workflow
from .exports import (  # noqa: F401
    export_csv,
    export_xlsx,
    filtered_rows,
    public_filter,
    public_row,
    refused,
)
from .filters import PUBLIC_PROPOSED
from .forms import ConfirmForm, NominationForm, OverrideForm, add_service_error
from .models import Award, AwardType, Decision, Nomination, Status
from .models.dossiers import NO_BLOC_MESSAGE
from .permissions import can, explain, remember_leadership

PAGE_SIZE = 25


def _require(request, perm, obj=None):
    """A refusal says why (templates/403.html shows the reason), never only "forbidden"."""
    if not can(request.user, perm, obj):
        raise PermissionDenied(explain(request.user, perm, obj))


def _posted(request):
    """The POST data (even empty, so that a bare POST shows the errors), or None on GET."""
    return request.POST if request.method == "POST" else None


def _page(request, items):
    # The list's own `page`, or `trang` as the other public lists name it.
    return Paginator(items, PAGE_SIZE).get_page(requested_page(request.GET, own="page"))


# Far beyond any real list, well within the database's OFFSET range.
MAX_OFFSET = 2**31


class _CountlessPaginator:
    """Pages of the unfiltered public list without a COUNT(*) over every published award (a
    sequential scan of the whole table, ~100 ms at a million rows): one extra row tells whether
    a next page exists. `count` and `num_pages` are None (the templates then omit them), except
    on a page asked past the end: the last page is shown then, as Paginator.get_page does."""

    count = num_pages = None

    def __init__(self, items, per_page):
        self.items, self.per_page = items, per_page

    def get_page(self, number):
        number = page_number(str(number or ""))
        start = (number - 1) * self.per_page
        rows = list(self.items[start : start + self.per_page + 1]) if start <= MAX_OFFSET else []
        if not rows and number > 1:
            return self._last_page()
        return _CountlessPage(rows[: self.per_page], number, self, len(rows) > self.per_page)

    def _last_page(self):
        """The last page, for a number past the end (an old link, a typed number): only then
        are the rows counted, so that page also says how many there are."""
        self.count = self.items.count()
        self.num_pages = max(-(-self.count // self.per_page), 1)
        start = (self.num_pages - 1) * self.per_page
        rows = list(self.items[start : start + self.per_page])
        return _CountlessPage(rows, self.num_pages, self, False)


@dataclass
class _CountlessPage:
    object_list: list
    number: int
    paginator: _CountlessPaginator
    more: bool

    def has_next(self):
        return self.more

    def has_previous(self):
        return self.number > 1

    def next_page_number(self):
        return self.number + 1

    def previous_page_number(self):
        return self.number - 1


def _query_without_page(request):
    return without_page(request.GET)


def _nomination(pk):
    try:
        return queries.dossier(pk)
    except Nomination.DoesNotExist as exc:
        raise Http404("Không có hồ sơ này.") from exc


# --- public ----------------------------------------------------------------------------------


def award_list(request):
    """Granted awards (revoked ones marked) and, on request, what blocs proposed at published
    events. Never a draft, a nomination's workflow or a reviewer's note."""
    filterset = public_filter(request.GET)
    # A filter that cannot be read (?year=abc) lists nothing but the fields to correct, as the
    # events list does, and its exports are refused: never every award under an error.
    unreadable = refused(filterset)
    unfiltered = (
        not filterset.proposals
        and not unreadable
        and not any(v not in (None, "") for v in filterset.form.cleaned_data.values())
    )
    if unfiltered:
        page = _CountlessPaginator(filterset.qs, PAGE_SIZE).get_page(
            requested_page(request.GET, own="page")
        )
    else:
        page = _page(request, filtered_rows(filterset))
    rows = [public_row(record, filterset.proposals) for record in page.object_list]
    return render(
        request,
        "awards/list.html",
        {
            "filter": filterset,
            "page_obj": page,
            "rows": rows,
            "refused": unreadable,
            "refused_fields": ", ".join(
                f"«{filterset.form[name].label}»"
                for name in filterset.form.errors
                if name in filterset.form.fields
            ),
            "query": _query_without_page(request),
            # The decided awards are the default view; say that published proposals exist too.
            "proposals_waiting": None
            if filterset.proposals
            else queries.public_proposals().count(),
            "proposed_status": PUBLIC_PROPOSED,
            "can_dashboard": can(request.user, "awards.open_bloc_dashboard"),
            "can_queue": can(request.user, "awards.open_review_queue"),
        },
    )


DECISION_PAGE_SIZE = 100


def decision_detail(request, pk):
    """A published decision: number, date, issuer, signer, and every recipient in the
    decision's order (số thứ tự), paginated for a decision of thousands."""
    try:
        decision = queries.public_decision(pk)
    except Decision.DoesNotExist:
        raise Http404("Không có quyết định công khai này.") from None
    page = Paginator(queries.decision_awards(decision), DECISION_PAGE_SIZE).get_page(
        requested_page(request.GET, own="page")
    )
    return render(
        request,
        "awards/decision.html",
        {
            "decision": decision,
            "document": decision.document,
            "award_types": queries.decision_award_types(decision),
            "page_obj": page,
            "query": "",
        },
    )


# --- bloc leader -------------------------------------------------------------------------------


@staff_page
def dashboard(request):
    led = list(blocs_led_by(request.user.unit_id).order_by("-year", "bloc_year__bloc__name"))
    remember_leadership(request.user, led)  # before the check, which then reads no more
    _require(request, "awards.open_bloc_dashboard")
    years = sorted({m.year for m in led}, reverse=True)
    year = parse_int(request.GET.get("nam")) or years[0]
    if year not in years:
        raise Http404("Đơn vị của bạn không là khối trưởng khối nào trong năm này.")
    blocs = []
    led_now = [m.bloc_year.bloc for m in led if m.year == year]
    dossiers = list(queries.bloc_nominations(led_now, year))  # led_now: one bloc at least
    by_bloc = {bloc.pk: [n for n in dossiers if n.bloc_id == bloc.pk] for bloc in led_now}
    events = queries.events_with_open_proposals(led_now, year)
    quotas, checks = eligibility.bloc_overview(led_now, year, dossiers)
    for bloc in led_now:
        nominations = by_bloc[bloc.pk]
        for nomination in nominations:
            # The buttons of each row: the registry's bloc-side steps this user may take now.
            nomination.offered = workflow.offered(
                nomination, request.user, checks=checks[nomination.pk], side=workflow.BLOC
            )
        blocs.append(
            {
                "bloc": bloc,
                "nominations": nominations,
                "quotas": quotas[bloc.pk],
                "events": events.get(bloc.pk, []),
            }
        )
    return render(
        request,
        "awards/dashboard.html",
        {"year": year, "years": years, "blocs": blocs},
    )


def _save_nomination(request, form):
    if not form.is_valid():
        return False
    nomination = form.save(commit=False)
    if "version" in form.cleaned_data:
        nomination.version = form.cleaned_data["version"]  # the version the editor loaded
    try:
        services.save_draft(nomination, request.user, token=form.cleaned_data.get("form_token"))
    except ValidationError as error:
        add_service_error(form, error)
        return False
    for warning in eligibility.draft_warnings(nomination):
        messages.warning(request, warning)
    return True


def _bloc_year_or_404(bloc_slug, year):
    """The bloc of a dossier form and its year: a year the system records (FIRST_YEAR to
    LAST_YEAR) in which the bloc has members to propose, else 404 (never a 500, never a form
    with nothing to choose)."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404(f"Năm {year} nằm ngoài khoảng năm của hệ thống ({FIRST_YEAR}–{LAST_YEAR}).")
    bloc = get_object_or_404(Bloc, slug=bloc_slug)
    if not bloc.years.filter(year=year).exists():
        raise Http404(f"Khối «{bloc}» không có năm thi đua {year}: chưa lập được hồ sơ.")
    return bloc


def _came_from(request, fallback):
    """The page the user came from (same site, not the form itself), else `fallback`."""
    referer = request.headers.get("referer", "")
    if (
        referer
        and referer != request.build_absolute_uri()
        and url_has_allowed_host_and_scheme(
            referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return referer
    return fallback


def _after_create(request, nomination):
    """Where a new dossier's author lands: its page when they may read it, else the bloc's
    dashboard when they may open it, else where they came from — never a 403."""
    if can(request.user, "awards.view_dossier", nomination):
        return reverse("awards:detail", args=[nomination.pk])
    if can(request.user, "awards.open_bloc_dashboard"):
        return f"{reverse('awards:dashboard')}?nam={nomination.year}"
    return _came_from(request, reverse("awards:list"))


@staff_page
def nomination_create(request, bloc_slug, year):
    bloc = _bloc_year_or_404(bloc_slug, year)
    probe = Nomination(bloc=bloc, year=year)
    _require(request, "awards.prepare_nomination", probe)
    form = NominationForm(_posted(request), request.FILES or None, instance=probe)
    if request.method == "POST" and _save_nomination(request, form):
        messages.success(request, f"Đã lập hồ sơ dự thảo «{form.instance}».")
        return redirect(_after_create(request, form.instance))
    return render(
        request,
        "awards/nomination_form.html",
        {"form": form, "bloc": bloc, "year": year, "nomination": None},
    )


@staff_page
def nomination_edit(request, pk):
    # The proposal and its event: named on the fields a proposal fixed (NominationForm).
    nomination = get_object_or_404(
        Nomination.objects.select_related("bloc", "proposal__event"), pk=pk
    )
    _require(request, "awards.prepare_nomination", nomination)
    refusal = services.edit_refusal(nomination)
    if refusal:
        messages.error(request, refusal)
        return redirect("awards:detail", pk=pk)
    if not nomination.bloc_id:
        # This form offers the bloc's members of the year: a dossier saved without a bloc (an
        # earlier admin entry) gets its bloc on the admin's page first.
        messages.error(request, f"{NO_BLOC_MESSAGE} Chọn khối cho hồ sơ ở trang quản trị.")
        return redirect("admin:awards_nomination_change", pk)
    form = NominationForm(_posted(request), request.FILES or None, instance=nomination)
    if request.method == "POST" and _save_nomination(request, form):
        messages.success(request, f"Đã lưu hồ sơ «{form.instance}».")
        return redirect("awards:detail", pk=pk)
    return render(
        request,
        "awards/nomination_form.html",
        {"form": form, "bloc": nomination.bloc, "year": nomination.year, "nomination": nomination},
    )


@staff_page
def nominations_from_event(request, event_pk):
    event = get_object_or_404(Event.objects.select_related("bloc"), pk=event_pk)
    probe = Nomination(bloc=event.bloc, year=event.period_end)
    _require(request, "awards.prepare_nomination", probe)
    form = ConfirmForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            created = services.nominations_from_event(
                event, request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            if created:
                messages.success(
                    request, f"Đã lập {len(created)} hồ sơ dự thảo từ đề xuất tại «{event}»."
                )
            else:
                messages.info(request, "Mọi đề xuất của sự kiện này đã có hồ sơ.")
            return redirect(f"{reverse('awards:dashboard')}?nam={event.period_end}")
    return render(
        request,
        "awards/action.html",
        {
            "form": form,
            "title": "Lập hồ sơ từ đề xuất tại sự kiện",
            "subject": event,
            "explanation": "Mỗi đề xuất chưa có hồ sơ sẽ được lập thành một hồ sơ dự thảo của "
            f"khối «{event.bloc}» năm {event.period_end}.",
            "cancel_url": reverse("awards:dashboard"),
        },
    )


@staff_page
def nominations_from_assessment(request, pk):
    from blocs.models import Assessment

    assessment = get_object_or_404(Assessment.objects.select_related("bloc_year__bloc"), pk=pk)
    by = assessment.bloc_year
    _require(request, "awards.prepare_nomination", Nomination(bloc=by.bloc, year=by.year))
    form = ConfirmForm(_posted(request))
    back = reverse("blocs:assessment_bloc_year", args=[by.bloc.slug, by.year])
    if request.method == "POST" and form.is_valid():
        try:
            created = services.nominations_from_assessment(
                assessment, request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            if created:
                messages.success(
                    request, f"Đã lập {len(created)} hồ sơ dự thảo từ kết quả bình xét {by}."
                )
            else:
                messages.info(request, "Mọi đề xuất của kết quả bình xét này đã có hồ sơ.")
            return redirect(back)
    return render(
        request,
        "awards/action.html",
        {
            "form": form,
            "title": "Lập hồ sơ từ kết quả bình xét",
            "subject": assessment,
            "explanation": "Mỗi đơn vị được khối đề xuất tặng Cờ thi đua trong kết quả bình xét "
            "đã xác nhận (đạt ngưỡng phiếu, hoặc khối thống nhất) và chưa có hồ sơ sẽ được lập "
            f"thành một hồ sơ dự thảo của khối «{by.bloc}» năm {by.year}.",
            "cancel_url": back,
        },
    )


# --- review -------------------------------------------------------------------------------------


@staff_page
def queue(request):
    _require(request, "awards.open_review_queue")
    from .filters import QueueFilter

    filterset = QueueFilter(request.GET, queryset=queries.review_queue())
    page = _page(request, filterset.qs)
    nominations = list(page.object_list)
    # One query for the award types serves both the rules and the filter's dropdown.
    award_types = list(AwardType.objects.all())
    filterset.form.fields["award_type"].widget.choices = [
        ("", "Mọi loại"),
        *((t.pk, str(t)) for t in award_types),
    ]
    checks = eligibility.checks_for(nominations, award_types=award_types)
    rows = [{"nomination": n, "checks": checks.get(n.pk, [])} for n in nominations]
    return render(
        request,
        "awards/queue.html",
        {
            "filter": filterset,
            "page_obj": page,
            "rows": rows,
            "query": _query_without_page(request),
        },
    )


@staff_page
def detail(request, pk):
    nomination = _nomination(pk)
    _require(request, "awards.view_dossier", nomination)
    can_edit = nomination.is_editable and can(request.user, "awards.prepare_nomination", nomination)
    # The page lists the council's votes (queries.dossier): the rules judge the same ones.
    checks = eligibility.check(nomination, council_votes=nomination.council_votes.all())
    # A granted (or since revoked) dossier links to what it produced: the decision, the
    # certificate and its public verification page.
    award = (
        Award.objects.select_related("decision__document").filter(nomination=nomination).first()
        if nomination.status in (Status.GRANTED, Status.REVOKED)
        else None
    )
    return render(
        request,
        "awards/detail.html",
        {
            "nomination": nomination,
            "checks": checks,
            "actions": workflow.offered(nomination, request.user, checks=checks),
            "can_edit": can_edit,
            # A dossier saved without a bloc (an earlier admin entry): why nobody can send it.
            "no_bloc_note": ""
            if nomination.bloc_id
            else explain(request.user, "awards.submit_nomination", nomination),
            "competing_note": workflow.competing_note(nomination, request.user),
            "back": _back_link(request, nomination),
            "award": award,
            "can_print": award is not None and can(request.user, "awards.open_review_queue"),
        },
    )


def _back_link(request, nomination):
    if can(request.user, "awards.open_review_queue"):
        return reverse("awards:queue"), "Thẩm định hồ sơ"
    return f"{reverse('awards:dashboard')}?nam={nomination.year}", "Hồ sơ của khối"


@staff_page
def nomination_action(request, pk, slug, side):
    """A confirmation page (GET) and the step itself (POST) through its service. The registry's
    refusal decides: not yours → 403 with the reason; not now → the page says why."""
    step = workflow.BY_SLUG.get(slug)
    if step is None or step.side != side:
        raise Http404("Không có thao tác này.")
    nomination = _nomination(pk)
    refusal = step.refusal(nomination, request.user)
    if refusal is not None and refusal.kind == "permission":
        raise PermissionDenied(refusal.message)
    form = step.form(nomination, _posted(request))
    if isinstance(form, OverrideForm):
        # Only the rules that apply to this dossier (those its checks list).
        form.limit_rules([c.rule.pk for c in eligibility.check(nomination)])
    explanation = refusal.message if refusal is not None else ""
    if request.method == "POST" and form.is_valid():
        if refusal is not None:
            # Said once: as the form's error, not also above it.
            form.add_error(None, refusal.message)
            explanation = ""
        else:
            # The version the user saw: if anything changed since, the service refuses it.
            nomination.version = form.cleaned_data["version"]
            try:
                step.perform(nomination, request.user, form)
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, f"Đã thực hiện «{step.title}» cho hồ sơ «{nomination}».")
                return redirect("awards:detail", pk=pk)
    return render(
        request,
        "awards/action.html",
        {
            "form": form,
            "title": step.title,
            "subject": nomination,
            "nomination": nomination,
            "explanation": explanation,
            "outcome": step.outcome if refusal is None else "",
            "cancel_url": reverse("awards:detail", args=[pk]),
        },
    )
