"""Staff pages of the bloc assessment (under /binh-xet/, never cached). Thin: every change goes
through blocs.assessments.services, every permission is asked of the rules predicates, every
refusal is shown in Vietnamese."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Max, OuterRef, Subquery
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe

from thidua.collation import vi_order
from thidua.predicates import can, can_enter_data, is_reviewer
from thidua.staff import staff_page
from units.queries import unit_name_in_year

from ..models import Assessment, BallotSubject, BlocYear, CriteriaItem, CriteriaSheet, Membership
from ..permissions import explain_assessment
from . import results, services, workflow

PAGE_SIZE = 50


def _require(request, perm, obj=None):
    if not can(request.user, perm, obj):
        raise PermissionDenied(explain_assessment(request.user, perm, obj))


def _bloc_year(slug, year):
    try:
        return BlocYear.objects.select_related("bloc").get(bloc__slug=slug, year=year)
    except BlocYear.DoesNotExist:
        raise Http404("Khối không có hồ sơ năm này.") from None


def _assessment(pk):
    try:
        assessment = Assessment.objects.select_related(
            "bloc_year__bloc", "entered_by", "confirmed_by", "released_by"
        ).get(pk=pk)
    except Assessment.DoesNotExist:
        raise Http404("Không có kết quả bình xét này.") from None
    assessment.latest = workflow.latest_version(assessment.bloc_year_id)
    return assessment


def visible_bloc_years(user):
    """The bloc-years whose assessments `user` may see (can_view_assessment as a filter)."""
    qs = BlocYear.objects.select_related("bloc")
    if can_enter_data(user) or is_reviewer(user):
        return qs
    if not user.unit_id:
        return qs.none()
    return qs.filter(memberships__unit_id=user.unit_id, memberships__role="leader")


@staff_page
def index(request):
    _require(request, "blocs.open_assessments")
    latest = Assessment.objects.filter(bloc_year=OuterRef("pk")).order_by("-version")
    confirmed = Assessment.objects.filter(bloc_year=OuterRef("pk"), confirmed_by__isnull=False)
    qs = (
        visible_bloc_years(request.user)
        .annotate(
            versions=Count("assessments", distinct=True),
            latest_version=Max("assessments__version"),
            confirmed_version=Subquery(confirmed.values("version")[:1]),
            released_at=Subquery(confirmed.values("released_at")[:1]),
            latest_entered_at=Subquery(latest.values("entered_at")[:1]),
        )
        .order_by("-year", vi_order("bloc__name"), "pk")
    )
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("trang"))
    return render(request, "blocs/assessments/index.html", {"page": page})


class CopyForm(forms.Form):
    source = forms.ChoiceField(
        label="Sao chép từ",
        choices=[("previous", "Tiêu chí năm trước của khối"), ("template", "Bảng tiêu chí mẫu")],
    )


@staff_page
def bloc_year(request, slug, year):
    by = _bloc_year(slug, year)
    _require(request, "blocs.view_assessment_page", by)
    sheet = CriteriaSheet.objects.filter(bloc_year=by).first()
    items = list(
        CriteriaItem.objects.filter(sheet__bloc_year=by).select_related("group") if sheet else []
    )
    versions = list(
        Assessment.objects.filter(bloc_year=by)
        .select_related("entered_by", "confirmed_by", "released_by")
        .annotate(score_count=Count("scores"))
        .order_by("-version")
    )
    latest = versions[0].version if versions else 0
    for v in versions:
        v.latest = latest
        v.state_label = workflow.STATE_LABELS[workflow.state(v)]
        v.offered = workflow.offered(v, request.user)
    may_enter = can(request.user, "blocs.enter_assessment", by)
    copy_form = CopyForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        _require(request, "blocs.enter_assessment", by)
        if copy_form.is_valid():
            try:
                services.copy_criteria(by, request.user, source=copy_form.cleaned_data["source"])
            except ValidationError as error:
                for message in error.messages:
                    copy_form.add_error(None, message)
            else:
                messages.success(request, f"Đã sao chép tiêu chí cho {by}.")
                return redirect("blocs:assessment_bloc_year", slug=slug, year=year)
    enter = workflow.STEPS["enter"]
    refusal = enter.refusal(by, request.user) if may_enter else None
    confirmed = next((v for v in versions if v.confirmed_by_id), None)
    frozen = bool(versions)
    return render(
        request,
        "blocs/assessments/bloc_year.html",
        {
            "bloc_year": by,
            "sheet": sheet,
            "items": items,
            "versions": versions,
            "confirmed": confirmed,
            "may_enter": may_enter,
            "enter_refusal": refusal.message if refusal else "",
            "copy_form": copy_form if may_enter and not frozen and not items else None,
            "frozen": frozen,
            "may_edit_criteria": request.user.is_staff
            and can(request.user, "blocs.change_criteriasheet"),
            "may_nominate": confirmed is not None
            and can(request.user, "awards.prepare_nomination", _probe(by)),
        },
    )


def _probe(by):
    from awards.models import Nomination

    return Nomination(bloc_id=by.bloc_id, year=by.year)


def _members(by):
    return list(
        Membership.objects.filter(bloc_year=by)
        .annotate(name_then=unit_name_in_year(OuterRef("year")))
        .values_list("unit_id", "name_then")
        .order_by("order", vi_order("unit__name"), "pk")
    )


def _entry_from_post(post, members, items):
    entry = services.Entry(
        held_on=post.get("held_on", ""),
        source=post.get("source", ""),
        note=post.get("note", ""),
    )
    for key in services.BALLOT_FIELDS:
        entry.ballots[key] = post.get(f"ballots_{key}", "")
    for unit_id, _ in members:
        for item in items:
            entry.scores[(unit_id, item.pk)] = tuple(
                post.get(services.score_field(kind, unit_id, item.pk), "") for kind in "sac"
            )
        for subject in BallotSubject.values:
            entry.votes[(subject, unit_id)] = post.get(services.vote_field(subject, unit_id), "")
    return entry


def _score_rows(unit_id, items, entry, error_keys):
    """The rows of one unit's score table, as HTML: 2,400 rows of three inputs rendered by the
    template engine took over a second; formatted here with every value escaped."""
    html = []
    for item in items:
        label = item.escaped_name
        cells = []
        for n, kind in enumerate(("s", "a", "c")):
            name = services.score_field(kind, unit_id, item.pk)
            value = escape(entry.scores.get((unit_id, item.pk), ("", "", ""))[n])
            invalid = ' aria-invalid="true"' if name in error_keys else ""
            size = "" if kind == "c" else ' size="5"'
            cells.append(
                f'<td><input name="{name}" value="{value}"{size} '
                f'aria-label="{SCORE_LABELS[kind]} – {label}"{invalid}></td>'
            )
        html.append(f"<tr><td>{label}</td><td>{item.max_points}</td>{''.join(cells)}</tr>")
    return mark_safe("".join(html))  # noqa: S308 (every value escaped above)


SCORE_LABELS = {"s": "Tự chấm", "a": "Khối thống nhất", "c": "Nhận xét"}


@staff_page
def enter(request, slug, year):
    """The scoring page: every member × item (self-score, agreed score, comment), the ballot
    tally and the votes per candidate. Saving creates a new version; the page starts from the
    latest one."""
    by = _bloc_year(slug, year)
    step = workflow.STEPS["enter"]
    refusal = step.refusal(by, request.user)
    if refusal is not None and refusal.kind == "permission":
        raise PermissionDenied(refusal.message)
    members = _members(by)
    items = list(
        CriteriaItem.objects.filter(sheet__bloc_year=by)
        .select_related("group")
        .order_by("group__order", "group_id", "order", "pk")
    )
    for item in items:
        item.escaped_name = escape(item.name)
    errors = {}
    if request.method == "POST":
        # Every rule (the date, the lengths, the tally) is the service's: the page and any
        # import refuse the same input with the same message.
        entry = _entry_from_post(request.POST, members, items)
        if refusal is not None:
            errors.setdefault("__all__", []).append(refusal.message)
        if not errors:
            try:
                created = services.enter(by, request.user, entry)
            except ValidationError as error:
                errors = (
                    error.message_dict
                    if hasattr(error, "error_dict")
                    else {"__all__": error.messages}
                )
            else:
                messages.success(
                    request,
                    f"Đã lưu phiên bản {created.version} của kết quả bình xét {by}; cần một người "
                    "khác xác nhận.",
                )
                return redirect("blocs:assessment", pk=created.pk)
    else:
        latest = Assessment.objects.filter(bloc_year=by).order_by("-version").first()
        entry = services.entry_from(latest) if latest else services.Entry()
    held_on = entry.held_on
    if hasattr(held_on, "strftime"):
        held_on = held_on.strftime("%d/%m/%Y")
    error_keys = set(errors)
    rows = [
        {
            "unit_id": unit_id,
            "name": name,
            "cells": _score_rows(unit_id, items, entry, error_keys),
            "votes": [
                (
                    label,
                    services.vote_field(subject, unit_id),
                    entry.votes.get((subject, unit_id), ""),
                )
                for subject, label in BallotSubject.choices
            ],
        }
        for unit_id, name in members
    ]
    return render(
        request,
        "blocs/assessments/enter.html",
        {
            "bloc_year": by,
            "items": items,
            "rows": rows,
            "subjects": BallotSubject.choices,
            "entry": entry,
            "held_on": held_on or "",
            # A rule over several fields (the leading votes' total) marks each of them, and
            # is said once.
            "errors": list(dict.fromkeys(m for messages_ in errors.values() for m in messages_)),
            "error_keys": error_keys,
            "refusal": refusal.message if refusal else "",
            "ballot_fields": [
                (f"ballots_{key}", label, entry.ballots.get(key, ""))
                for key, (_, label) in services.BALLOT_FIELDS.items()
            ],
        },
    )


@staff_page
def detail(request, pk):
    """One version: the ranking (totals computed), the tally with its percentages, who entered,
    confirmed and released it, and the steps the user may take."""
    assessment = _assessment(pk)
    _require(request, "blocs.view_assessment_page", assessment)
    result = results.compute(assessment, details=True)
    return render(
        request,
        "blocs/assessments/detail.html",
        {
            "assessment": assessment,
            "bloc_year": assessment.bloc_year,
            "result": result,
            "state_label": workflow.STATE_LABELS[workflow.state(assessment)],
            "actions": workflow.offered(assessment, request.user),
        },
    )


class ConfirmStepForm(forms.Form):
    confirm = forms.BooleanField(
        label="Tôi xác nhận thực hiện thao tác này",
        error_messages={"required": "Cần đánh dấu ô xác nhận trước khi thực hiện."},
    )

    def top_errors(self) -> list[str]:
        """What templates/awards/action.html (via awards/_form_errors.html) shows above the
        fields: the refusals of the step (this form has no hidden fields)."""
        hidden = [error for field in self.hidden_fields() for error in field.errors]
        return [*self.non_field_errors(), *hidden]


@staff_page
def action(request, pk, slug):
    step = workflow.BY_SLUG.get(slug)
    if step is None:
        raise Http404("Không có thao tác này.")
    assessment = _assessment(pk)
    refusal = step.refusal(assessment, request.user)
    if refusal is not None and refusal.kind == "permission":
        raise PermissionDenied(refusal.message)
    form = ConfirmStepForm(request.POST if request.method == "POST" else None)
    explanation = refusal.message if refusal is not None else ""
    if request.method == "POST" and form.is_valid():
        if refusal is not None:
            # Said once: as the form's error, not also above it.
            form.add_error(None, refusal.message)
            explanation = ""
        else:
            try:
                step.perform(assessment, request.user)
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, f"Đã thực hiện «{step.title}» cho «{assessment}».")
                return redirect("blocs:assessment", pk=pk)
    return render(
        request,
        "awards/action.html",
        {
            "form": form,
            "title": step.title,
            "subject": assessment,
            "explanation": explanation,
            "cancel_url": reverse("blocs:assessment", args=[pk]),
        },
    )
