import rules

from thidua.predicates import can_enter_data, is_administrator, is_staff_role

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
