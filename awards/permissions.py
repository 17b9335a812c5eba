"""Who may do what with awards (the `rules` predicates). The legal rules are in eligibility.py.

Ask with `can(user, perm, obj)`, never `user.has_perm`: Django's has_perm lets any active superuser
through every permission, `can()` asks the predicate only. The superuser flag counts exactly as the
administrator role (thidua.predicates.is_administrator) and nothing more: an administrator reviews
nothing, decides nothing and records no vote unless also a reviewer. `explain()` says in Vietnamese
why a permission is refused.
"""

import rules
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef

from blocs.models import Membership, Role
from blocs.queries import is_leader_unit
from thidua import batch, roles
from thidua.predicates import (
    can,  # noqa: F401 (the awards apps ask can() from here)
    can_enter_data,
    is_administrator,
    is_bloc_leader_staff,
    is_reviewer,
    is_staff_role,
)
from units.models import Position

# --- object predicates (obj: a Nomination, or an Award for revocation) --------------------------


@rules.predicate
def leads_bloc_of(user, nomination):
    """The user's unit leads the nomination's bloc in the nomination's year."""
    if nomination is None or not user.unit_id or not nomination.bloc_id:
        return False
    # Remembered on the user object (one request): a page asks it for each of a bloc's rows.
    memo = user.__dict__.setdefault("_leads_bloc_memo", {})
    key = (user.unit_id, nomination.bloc_id, nomination.year)
    if key not in memo:
        memo[key] = is_leader_unit(*key)
    return memo[key]


def remember_leadership(user, memberships):
    """Seeds leads_bloc_of's memo from leader memberships a page has already read."""
    memo = user.__dict__.setdefault("_leads_bloc_memo", {})
    for m in memberships:
        memo[(m.unit_id, m.bloc_year.bloc_id, m.year)] = True


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
        # Inside an import (thidua.batch) the unit's current staff are read once per file.
        return batch.contains(
            ("own-unit-staff", user.unit_id),
            lambda: Position.objects.filter(unit_id=user.unit_id, ended_on__isnull=True),
            "person_id",
            record.person_id,
        )
    return False


def review_body() -> dict:
    """The reviewing body (a setting, never a name in code): the role whose members review and,
    when set, the slug of the one unit they must belong to (since 2025 this ministry's council
    secretariat is Vụ Tổ chức cán bộ)."""
    body = getattr(settings, "THIDUA_REVIEW_BODY", {}) or {}
    return {"role": body.get("role") or "", "unit": body.get("unit") or ""}


@rules.predicate
def holds_review_role(user):
    """The user holds the reviewing role (the setting's group, else the reviewer role), whatever
    their unit: the one condition a reviewer assigned from another unit must meet too."""
    body = review_body()
    return bool(rules.is_group_member(body["role"])(user) if body["role"] else is_reviewer(user))


@rules.predicate
def in_review_body(user):
    """A member of the reviewing role and, when the setting names one, of the reviewing unit."""
    body = review_body()
    if not holds_review_role(user):
        return False
    if body["unit"]:
        return bool(user.unit_id) and user.unit.slug == body["unit"]
    return True


@rules.predicate
def is_assigned_reviewer(user, nomination):
    return nomination is not None and getattr(nomination, "assigned_reviewer_id", None) == user.pk


@rules.predicate
def assigned_to_another(user, nomination):
    assigned = getattr(nomination, "assigned_reviewer_id", None) if nomination else None
    return assigned is not None and assigned != user.pk


# --- workflow permissions -------------------------------------------------------------------

# A reviewer independent of the dossier: holds the reviewing role, is not of the recipient's unit
# (nor the recipient) and not of the unit leading the proposing bloc that year. An administrator
# assigns a dossier only to such a reviewer (assignee_refusal), and the assignee acts on it only
# while they remain one (an assignment never makes someone a reviewer).
is_independent_reviewer = holds_review_role & ~recipient_is_own_unit & ~leads_bloc_of

# Each workflow permission, declared once as two parts: who may ever hold it (the role) and what
# the dossier must be for them. The permission is both parts; the admin's action bars offer a
# step to the role alone (may_ever), and each selected dossier is still asked the whole.
WORKFLOW_PERMISSIONS = {
    # Prepare a dossier (create, edit a draft or returned one, create from an event's
    # proposals): ministry-wide data entry, or the bloc leader's staff for the bloc and year
    # their unit leads.
    "awards.prepare_nomination": (
        can_enter_data | is_bloc_leader_staff,
        can_enter_data | leads_bloc_of,
    ),
    # Send and withdraw: a decision of the bloc, made by the leader unit's staff only.
    "awards.submit_nomination": (is_bloc_leader_staff, leads_bloc_of),
    # Review (start, return, recommend, reject, forward, record the council's vote) and decide
    # (grant via a decision): the reviewing body, never on their own unit's nomination; a dossier
    # an administrator assigned to a named reviewer of another unit, that reviewer only. The
    # secretariat enters data but does not decide.
    "awards.review_nomination": (
        holds_review_role,
        ((in_review_body & ~assigned_to_another) | (is_assigned_reviewer & is_independent_reviewer))
        & ~recipient_is_own_unit,
    ),
    # Revoke an award: the reviewing body, never for their own unit.
    "awards.revoke_award": (in_review_body, ~recipient_is_own_unit),
    # A recorded exception to a legal rule, and the assignment of a conflicted dossier.
    "awards.override_rule": (is_administrator, rules.always_allow),
    "awards.assign_reviewer": (is_administrator, rules.always_allow),
}
WORKFLOW_PERMISSIONS["awards.decide_nomination"] = WORKFLOW_PERMISSIONS["awards.review_nomination"]

PERMISSIONS = {name: role & on_dossier for name, (role, on_dossier) in WORKFLOW_PERMISSIONS.items()}
# Historical awards entered from a past decision (no workflow), and corrections of their record:
# data entry, never for the staff member's own unit (conflict of interest, as for reviewers).
PERMISSIONS["awards.enter_historical_award"] = can_enter_data & ~recipient_is_own_unit
for name, predicate in PERMISSIONS.items():
    rules.add_perm(name, predicate)


def _who(user) -> str:
    return user.get_full_name() or user.get_username()


def review_role() -> str:
    """The name of the reviewing role (the setting's group, else the reviewer role)."""
    return review_body()["role"] or roles.REVIEWER


def assignee_refusal(user, nomination) -> str | None:
    """Why `user` may not be assigned `nomination` for review, in Vietnamese, or None: the one
    rule behind the assignment form's choices and the service that records the assignment."""
    if not user.is_active or not user.unit_id:
        return f"«{_who(user)}» không phải tài khoản đang hoạt động của một đơn vị."
    if not holds_review_role(user):
        return (
            f"«{_who(user)}» không giữ vai trò «{review_role()}»: chỉ giao hồ sơ cho người thẩm "
            "định."
        )
    if recipient_is_own_unit(user, nomination):
        return (
            f"«{_who(user)}» thuộc chính đơn vị được đề nghị khen thưởng ({user.unit}): hãy giao "
            "cho người thẩm định của đơn vị khác."
        )
    if leads_bloc_of(user, nomination):
        return (
            f"«{_who(user)}» thuộc đơn vị khối trưởng đã lập hồ sơ này ({user.unit}): người thẩm "
            "định phải độc lập với khối đề nghị."
        )
    return None


def assignable_reviewers(nomination):
    """The users an administrator may assign `nomination` to (assignee_refusal is None), as a
    queryset: the active holders of the reviewing role with a unit, independent of the dossier."""
    users = (
        get_user_model()
        .objects.filter(is_active=True, unit__isnull=False, groups__name=review_role())
        .select_related("unit")
        .distinct()
        .order_by("unit__name", "username")
    )
    if nomination is None:
        return users
    return users.filter(pk__in=[u.pk for u in users if assignee_refusal(u, nomination) is None])


def _body_name() -> str:
    return "đơn vị thẩm định" + (f" «{review_body()['unit']}»" if review_body()["unit"] else "")


def _submit_refusal(user, nomination) -> str:
    """Why `user` may not send or withdraw `nomination` (awards.submit_nomination), said as it is:
    the dossier names no bloc, or the user prepares dossiers without sending them, or the
    user's unit does not lead the bloc that year."""
    if nomination is None:
        return "Chỉ cán bộ đơn vị khối trưởng được gửi, rút hồ sơ của khối."
    if not getattr(nomination, "bloc_id", None):
        return (
            "Hồ sơ chưa ghi khối đề nghị nên chưa ai gửi, rút được: hãy sửa hồ sơ để chọn khối "
            f"đề nghị; sau đó cán bộ đơn vị khối trưởng của khối năm {nomination.year} gửi hoặc "
            "rút hồ sơ."
        )
    leader = f"cán bộ đơn vị khối trưởng của «{nomination.bloc}» năm {nomination.year}"
    if can_enter_data(user) and not is_bloc_leader_staff(user):
        return (
            "Bạn lập, sửa được hồ sơ (nhập liệu của Bộ) nhưng không gửi, rút hồ sơ: gửi, rút là "
            f"quyết định của khối, do {leader} thực hiện."
        )
    return (
        f"Đơn vị của bạn không là khối trưởng của «{nomination.bloc}» năm {nomination.year}: "
        f"chỉ {leader} được gửi, rút hồ sơ của khối."
    )


def explain(user, perm, obj=None) -> str:
    """Why `user` may not `perm` on `obj`, in Vietnamese (the refusal shown to them)."""
    if not (user and user.is_authenticated):
        return "Cần đăng nhập để thực hiện thao tác này."
    if perm in ("awards.review_nomination", "awards.decide_nomination", "awards.revoke_award"):
        # The role first: a user who reviews nothing is told so, not about the dossier.
        if not holds_review_role(user):
            return f"Chỉ người thẩm định thuộc {_body_name()} mới thẩm định, quyết định hồ sơ."
        if obj is not None and recipient_is_own_unit(user, obj):
            return (
                f"Đây là hồ sơ của chính đơn vị bạn («{user.unit}»): người thẩm định không xét, "
                "không quyết định hồ sơ của đơn vị mình. Quản trị hệ thống có thể giao hồ sơ cho "
                "một người thẩm định của đơn vị khác."
            )
        if obj is not None and assigned_to_another(user, obj):
            return (
                f"Hồ sơ đã được giao cho «{_who(obj.assigned_reviewer)}» thẩm định (hồ sơ có xung "
                "đột lợi ích với đơn vị thẩm định); chỉ người được giao xử lý hồ sơ này."
            )
        if obj is not None and is_assigned_reviewer(user, obj) and leads_bloc_of(user, obj):
            return (
                f"Đơn vị của bạn («{user.unit}») là khối trưởng của khối đề nghị hồ sơ này: người "
                "thẩm định phải độc lập với khối đề nghị."
            )
        return f"Chỉ người thẩm định thuộc {_body_name()} mới thẩm định, quyết định hồ sơ."
    if perm == "awards.prepare_nomination":
        if obj is not None and getattr(obj, "bloc_id", None):
            return (
                f"Đơn vị của bạn không là khối trưởng của «{obj.bloc}» năm {obj.year}: chỉ Thư ký "
                "Bộ và cán bộ đơn vị khối trưởng của khối trong năm đó được lập, sửa hồ sơ của khối."
            )
        return "Chỉ Thư ký Bộ và cán bộ đơn vị khối trưởng được lập, sửa hồ sơ đề nghị của khối."
    if perm == "awards.submit_nomination":
        return _submit_refusal(user, obj)
    if perm in ("awards.override_rule", "awards.assign_reviewer"):
        return "Chỉ Quản trị hệ thống được ghi ngoại lệ quy định hoặc giao người thẩm định."
    if perm == "awards.view_statistics":
        return (
            "Thống kê nội bộ chỉ dành cho người thẩm định, Thư ký Bộ và Quản trị hệ thống; "
            "thống kê công khai ở trang «Thống kê»."
        )
    if perm == "awards.open_bloc_dashboard":
        return (
            "Chỉ cán bộ của đơn vị khối trưởng mở được trang này: trang «Hồ sơ của khối» dành "
            "cho cán bộ đơn vị đang (hoặc đã) là khối trưởng của một khối thi đua."
        )
    if perm == "awards.open_review_queue":
        return (
            "Chỉ người thẩm định, Thư ký Bộ và Quản trị hệ thống mở được trang này (thẩm định hồ "
            "sơ, văn bản khen thưởng); cán bộ khối trưởng xem hồ sơ của khối ở trang «Hồ sơ của "
            "khối»."
        )
    if perm == "awards.view_dossier":
        return (
            "Bạn không xem được hồ sơ này: hồ sơ chỉ dành cho người thẩm định, Thư ký Bộ và cán bộ "
            "đơn vị khối trưởng của khối đề nghị trong năm đó."
        )
    return "Tài khoản của bạn không có quyền thực hiện thao tác này."


# --- admin (model) permissions ----------------------------------------------------------------

rules.add_perm("awards", is_staff_role)
# The legal data: catalogue, regimes and rules, edited by administrators.
for model in ["awardtype", "legalregime", "rule", "basesalary", "prizecoefficient"]:
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
# A council's vote is a review step (workflow "council_vote"): only those who may take it see
# «Thêm» (the step itself still asks awards.review_nomination of the dossier chosen).
rules.set_perm("awards.add_councilvote", rules.predicate(holds_review_role))
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

    if not user.unit_id:
        return False
    memo = user.__dict__.get("_leads_bloc_memo", {})
    if any(led for (unit_id, *_), led in memo.items() if unit_id == user.unit_id):
        return True  # a leader membership the page has read already
    return blocs_led_by(user.unit_id).exists()


# The bloc leader's dashboard: staff of a unit that leads a bloc.
can_open_bloc_dashboard = is_bloc_leader_staff & leads_some_bloc
# The review queue: reviewers, and the data-entry staff (read only unless the services allow).
can_open_review_queue = is_reviewer | can_enter_data
# One dossier with its history: the queue's readers, and the staff of the bloc's leader unit.
can_view_dossier = (
    is_reviewer | can_enter_data | (is_bloc_leader_staff & leads_bloc_of) | is_assigned_reviewer
)


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


def may_ever(user, perm) -> bool:
    """May `user` hold the workflow permission `perm` for some dossier (its role part, asked
    without a dossier: no query on a list's page)? Any other permission: as asked."""
    if perm not in WORKFLOW_PERMISSIONS:
        return can(user, perm)
    role, _on_dossier = WORKFLOW_PERMISSIONS[perm]
    return bool(user and user.is_authenticated and role.test(user))


rules.add_perm("awards.open_bloc_dashboard", can_open_bloc_dashboard)
rules.add_perm("awards.open_review_queue", can_open_review_queue)
rules.add_perm("awards.view_dossier", can_view_dossier)

# The staff statistics (returns and refusals with their reasons, quotas): the reviewing side and
# ministry-wide data entry; never a bloc's staff, who see only their own dossiers.
rules.add_perm("awards.view_statistics", is_reviewer | can_enter_data)
