"""Role predicates for `rules`, combined by each app's permissions.py. Imports no app."""

import rules

from . import roles

is_administrator = rules.is_superuser | rules.is_group_member(roles.ADMINISTRATOR)
is_secretariat = rules.is_group_member(roles.SECRETARIAT)
is_bloc_secretariat = rules.is_group_member(roles.BLOC_SECRETARIAT)
is_bloc_leader_staff = rules.is_group_member(roles.BLOC_LEADER)
is_reviewer = rules.is_group_member(roles.REVIEWER)

is_staff_role = (
    is_administrator | is_secretariat | is_bloc_secretariat | is_bloc_leader_staff | is_reviewer
)
# Ministry-wide data entry: the secretariat and administrators.
can_enter_data = is_administrator | is_secretariat


def can(user, perm, obj=None) -> bool:
    """Asks the `rules` predicate of `perm` itself. Use this, not `user.has_perm`: Django's
    has_perm lets an active superuser through every permission; here the superuser flag counts
    only where a predicate names it (is_administrator: the flag is the administrator role)."""
    return bool(user and user.is_authenticated and rules.has_perm(perm, user, obj))
