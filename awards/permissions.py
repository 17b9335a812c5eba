"""Who may do what with awards (the `rules` predicates). The legal rules are in eligibility.py.

The workflow permissions ignore the superuser flag on purpose: an administrator follows the same
rules as everyone (no side door). Ask them with `can(user, perm, obj)` (or `rules.has_perm`), never
`user.has_perm`, which lets any active superuser through.
"""

import rules
from django.db.models import Exists, OuterRef

from blocs.models import Membership, Role
from blocs.queries import is_leader_unit
from thidua.predicates import (
    can_enter_data,
    is_administrator,
    is_bloc_leader_staff,
    is_reviewer,
    is_staff_role,
)

# --- object predicates (obj: a Nomination, or an Award for revocation) --------------------------


@rules.predicate
def leads_bloc_of(user, nomination):
    """The user's unit leads the nomination's bloc in the nomination's year."""
    if nomination is None or not user.unit_id or not nomination.bloc_id:
        return False
    return is_leader_unit(user.unit_id, nomination.bloc_id, nomination.year)


@rules.predicate
def recipient_is_own_unit(user, record):
    """The recipient is the user's own unit, or a person working (now) in the user's unit."""
    if record is None or not user.unit_id:
        return False
    if record.unit_id:
        return record.unit_id == user.unit_id
    if record.person_id:
        if user.person_id == record.person_id:
            return True
        return record.person.positions.filter(unit_id=user.unit_id, ended_on__isnull=True).exists()
    return False


# --- workflow permissions -------------------------------------------------------------------

# Prepare a dossier (create, edit a draft or returned one, create from an event's proposals):
# ministry-wide data entry, or the bloc leader's staff for the bloc and year their unit leads.
can_prepare_nomination = can_enter_data | (is_bloc_leader_staff & leads_bloc_of)
# Send and withdraw: a decision of the bloc, made by the leader unit's staff only.
can_submit_nomination = is_bloc_leader_staff & leads_bloc_of
# Review (start, return, recommend, reject, forward, record the council's vote) and decide (grant
# via a decision, revoke): Vụ TĐKT reviewers, never on their own unit's nomination. The
# secretariat enters data but does not decide.
can_review_nomination = is_reviewer & ~recipient_is_own_unit
can_decide_nomination = is_reviewer & ~recipient_is_own_unit
can_revoke_award = is_reviewer & ~recipient_is_own_unit
# A recorded exception to a legal rule: administrators only.
can_override_rule = is_administrator
# Historical awards entered from a past decision (no workflow): data entry.
can_enter_historical = can_enter_data

PERMISSIONS = {
    "awards.prepare_nomination": can_prepare_nomination,
    "awards.submit_nomination": can_submit_nomination,
    "awards.review_nomination": can_review_nomination,
    "awards.decide_nomination": can_decide_nomination,
    "awards.revoke_award": can_revoke_award,
    "awards.override_rule": can_override_rule,
    "awards.enter_historical_award": can_enter_historical,
}
for name, predicate in PERMISSIONS.items():
    rules.add_perm(name, predicate)


def can(user, perm, obj=None) -> bool:
    """Asks the rule itself (no superuser shortcut)."""
    return bool(user and user.is_authenticated and rules.has_perm(perm, user, obj))


# --- admin (model) permissions ----------------------------------------------------------------

rules.add_perm("awards", is_staff_role)
# The legal data: catalogue, regimes and rules, edited by administrators.
for model in ["awardtype", "legalregime", "rule"]:
    rules.add_perm(f"awards.view_{model}", is_staff_role)
    rules.add_perm(f"awards.add_{model}", is_administrator)
    rules.add_perm(f"awards.change_{model}", is_administrator)
    rules.add_perm(f"awards.delete_{model}", is_administrator)
# Dossiers: entered by data-entry staff and bloc leaders; workflow fields change only through
# the services (admin actions), whatever the model permission.
for model in ["proposal", "nomination"]:
    rules.add_perm(f"awards.view_{model}", is_staff_role)
    rules.add_perm(f"awards.add_{model}", can_enter_data | is_bloc_leader_staff)
    rules.add_perm(f"awards.change_{model}", can_enter_data | is_bloc_leader_staff)
    rules.add_perm(f"awards.delete_{model}", is_administrator)
for model in ["decision", "award", "councilvote"]:
    rules.add_perm(f"awards.view_{model}", is_staff_role)
    rules.add_perm(f"awards.add_{model}", can_enter_data | is_reviewer)
    rules.add_perm(f"awards.change_{model}", can_enter_data | is_reviewer)
    rules.add_perm(f"awards.delete_{model}", is_administrator)
# Certificate layouts (positions on the printed sheet): administrators.
for model in ["certificatelayout", "certificatefield"]:
    rules.add_perm(f"awards.view_{model}", is_staff_role)
    for action in ("add", "change", "delete"):
        rules.add_perm(f"awards.{action}_{model}", is_administrator)
# The action log is written by the services only; overrides are recorded by administrators.
rules.add_perm("awards.view_transition", is_staff_role)
rules.add_perm("awards.add_transition", rules.always_deny)
rules.add_perm("awards.change_transition", rules.always_deny)
rules.add_perm("awards.delete_transition", rules.always_deny)
rules.add_perm("awards.view_override", is_staff_role)
rules.add_perm("awards.add_override", is_administrator)
rules.add_perm("awards.change_override", rules.always_deny)
rules.add_perm("awards.delete_override", rules.always_deny)


# --- pages (awards-pages helper): who may open the staff pages -----------------------------------
# Opening a page is not acting: every action still asks the workflow permission above through the
# services. Nobody gets a page by the superuser flag alone.


@rules.predicate
def leads_some_bloc(user):
    """The user's unit leads at least one bloc (any year)."""
    from blocs.queries import blocs_led_by

    return bool(user.unit_id) and blocs_led_by(user.unit_id).exists()


# The bloc leader's dashboard: staff of a unit that leads a bloc.
can_open_bloc_dashboard = is_bloc_leader_staff & leads_some_bloc
# The review queue: reviewers, and the data-entry staff (read only unless the services allow).
can_open_review_queue = is_reviewer | can_enter_data
# One dossier with its history: the queue's readers, and the staff of the bloc's leader unit.
can_view_dossier = is_reviewer | can_enter_data | (is_bloc_leader_staff & leads_bloc_of)


def visible_dossiers(user, queryset, prefix=""):
    """`queryset` (of nominations, or of records of a nomination reached by `prefix`, e.g.
    "nomination__") narrowed to the dossiers `user` may read: can_view_dossier as a filter, for
    the admin's lists and search."""
    if is_reviewer(user) or can_enter_data(user):
        return queryset
    if not (user.unit_id and is_bloc_leader_staff(user)):
        return queryset.none()
    led = Membership.objects.filter(
        unit_id=user.unit_id,
        role=Role.LEADER,
        bloc_year__bloc=OuterRef(f"{prefix}bloc"),
        year=OuterRef(f"{prefix}year"),
    )
    return queryset.filter(Exists(led))


rules.add_perm("awards.open_bloc_dashboard", can_open_bloc_dashboard)
rules.add_perm("awards.open_review_queue", can_open_review_queue)
rules.add_perm("awards.view_dossier", can_view_dossier)
