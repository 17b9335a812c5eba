import rules

from thidua.predicates import (
    can_enter_data,
    is_administrator,
    is_bloc_leader_staff,
    is_bloc_secretariat,
    is_reviewer,
    is_staff_role,
)

rules.add_perm("blocs", is_staff_role)
EVENT_MODELS = [
    "eventdocument",
    "attendance",
    "report",
    "honour",
    "speech",
    "section",
    "figure",
    "movement",
    "eventmovement",
    "election",
    "pledge",
    "commitment",
    "eventattachment",
]
for model in [
    "bloc",
    "blocname",
    "blocyear",
    "membership",
    "leadingunit",
    "document",
    "event",
    *EVENT_MODELS,
]:
    rules.add_perm(f"blocs.view_{model}", is_staff_role)
    rules.add_perm(f"blocs.add_{model}", can_enter_data)
    rules.add_perm(f"blocs.change_{model}", can_enter_data)
    rules.add_perm(f"blocs.delete_{model}", is_administrator)

# Rows of one event are corrected on the event's screen by whoever enters the event.
for model in {*EVENT_MODELS, "leadingunit"} - {"movement", "pledge"}:
    rules.set_perm(f"blocs.delete_{model}", can_enter_data)


@rules.predicate
def leads_event_bloc(user, event):
    """The user's unit leads the event's bloc in the event's (last) year."""
    from .queries import is_leader_unit

    if event is None or not user.unit_id:
        return False
    return is_leader_unit(user.unit_id, event.bloc_id, event.period_end)


# The minutes of an event (Word): ministry data entry, the reviewers, and the staff of the unit
# that leads the bloc that year — never another bloc's staff.
can_download_event_minutes = (
    can_enter_data | is_reviewer | ((is_bloc_leader_staff | is_bloc_secretariat) & leads_event_bloc)
)
rules.add_perm("blocs.download_event_minutes", can_download_event_minutes)
