"""Services of the blocs app: changes that span several records, each in one transaction."""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from thidua.predicates import can

from .models import BlocYear, Election, Event, Membership, Role


@dataclass
class ElectionOutcome:
    created: list = field(default_factory=list)  # memberships added to the bloc
    promoted: list = field(default_factory=list)  # existing members given the elected role
    unchanged: list = field(default_factory=list)  # already recorded: nothing to do

    @property
    def changed(self):
        return bool(self.created or self.promoted)

    def summary(self):
        return (
            f"{len(self.created)} đơn vị được thêm vào khối, {len(self.promoted)} đơn vị được "
            f"nhận vai trò mới, {len(self.unchanged)} kết quả đã có sẵn."
        )


@transaction.atomic
def apply_elections(event: Event, actor) -> ElectionOutcome:
    """Turn the event's elections into the bloc's memberships of the years elected for.

    Decision: an elected unit that is not yet in the bloc that year is added to it (and the
    bloc-year is created when missing), because sources often give next year's roster only as its
    leader and deputy (seed 001: the 2016 roster). A different unit already holding the role that
    year is a conflict, reported with both names, never overwritten. Applying twice changes nothing.
    Everything or nothing is saved.
    """
    if actor is not None and not can(actor, "blocs.change_membership"):
        raise PermissionDenied("Bạn không có quyền cập nhật thành viên khối.")
    elections = list(
        Election.objects.filter(event=event)
        .select_related("unit", "event__bloc")
        .order_by("year", "role")
    )
    if not elections:
        raise ValidationError(f"Sự kiện «{event}» chưa ghi kết quả bầu khối trưởng, khối phó.")
    bloc = event.bloc
    outcome, errors = ElectionOutcome(), []
    for election in elections:
        bloc_year, _ = BlocYear.objects.get_or_create(bloc=bloc, year=election.year)
        BlocYear.objects.select_for_update().filter(pk=bloc_year.pk).first()
        roster = list(Membership.objects.filter(bloc_year=bloc_year).select_related("unit"))
        holder = next((m for m in roster if m.role == election.role), None)
        role_label = Role(election.role).label.lower()
        if holder is not None and holder.unit_id != election.unit_id:
            errors.append(
                f"Năm {election.year}, {bloc} đã có {role_label} là «{holder.unit}», khác với "
                f"đơn vị được bầu tại sự kiện là «{election.unit}». Hãy sửa một trong hai "
                "trước khi áp dụng."
            )
            continue
        own = next((m for m in roster if m.unit_id == election.unit_id), None)
        if own is not None and own.role == election.role:
            outcome.unchanged.append(own)
            continue
        if own is not None and own.role != Role.MEMBER:
            errors.append(
                f"Năm {election.year}, «{election.unit}» đang là {own.get_role_display().lower()} "
                f"của {bloc}, không thể đồng thời là {role_label}."
            )
            continue
        membership = own or Membership(bloc_year=bloc_year, unit=election.unit)
        membership.role = election.role
        try:
            membership.full_clean()
        except ValidationError as error:
            errors.extend(error.messages)
            continue
        membership._history_user = actor
        membership.save()
        (outcome.promoted if own else outcome.created).append(membership)
    if errors:
        raise ValidationError(errors)
    return outcome


@transaction.atomic
def add_members(bloc_year: BlocYear, units) -> list[Membership]:
    """Add `units` to the bloc-year as members, all or none.

    Each membership goes through the model's validation, as a row of the admin's inline does
    (active that year, not already a member, one bloc of the same organiser a year…); any
    refusal rolls the whole list back and names every refused unit with its reason."""
    created, refusals = [], []
    for unit in units:
        membership = Membership(bloc_year=bloc_year, unit=unit, role=Role.MEMBER)
        try:
            membership.full_clean()
        except ValidationError as error:
            refusals.append(f"«{unit}»: {' '.join(error.messages)}")
            continue
        membership.save()
        created.append(membership)
    if refusals:
        raise ValidationError(refusals)
    return created
