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


# --- bloc assessment (bình xét): blocs.assessments ------------------------------------------


def _bloc_and_year(obj):
    """(bloc id, year) of a BlocYear or an Assessment."""
    bloc_year = getattr(obj, "bloc_year", obj)
    return bloc_year.bloc_id, bloc_year.year


@rules.predicate
def leads_assessed_bloc(user, obj):
    """The user's unit leads the bloc of the bloc-year (or of the assessment) that year."""
    from .queries import is_leader_unit

    if obj is None or not user.unit_id:
        return False
    bloc_id, year = _bloc_and_year(obj)
    memo = user.__dict__.setdefault("_leads_assessed_memo", {})
    key = (user.unit_id, bloc_id, year)
    if key not in memo:
        memo[key] = is_leader_unit(*key)
    return memo[key]


bloc_clerk = is_bloc_leader_staff | is_bloc_secretariat
# Enter a result (a new version) and the criteria: ministry data entry, or the bloc's own
# secretary / leader unit staff for the bloc-year their unit leads.
can_enter_assessment = can_enter_data | (bloc_clerk & leads_assessed_bloc)
# Confirm: the same people; the one who entered that version never (a database constraint).
can_confirm_assessment = can_enter_data | (bloc_clerk & leads_assessed_bloc)
# Release to the public: ministry staff only.
can_release_assessment = can_enter_data
# Read the assessments (every version, the criteria): the enterers and the reviewers.
can_view_assessment = can_enter_data | is_reviewer | (bloc_clerk & leads_assessed_bloc)
# The list page (and the navigation link, asked on every staff page: roles only, no query); it
# lists only the bloc-years the person may see.
can_open_assessments = can_enter_data | is_reviewer | bloc_clerk

ASSESSMENT_PERMISSIONS = {
    "blocs.enter_assessment": can_enter_assessment,
    "blocs.confirm_assessment": can_confirm_assessment,
    "blocs.release_assessment": can_release_assessment,
    "blocs.view_assessment_page": can_view_assessment,
    "blocs.open_assessments": can_open_assessments,
}
for name, predicate in ASSESSMENT_PERMISSIONS.items():
    rules.add_perm(name, predicate)

# Admin: the criteria are edited by whoever may enter data ministry-wide (the staff pages copy
# them); the results are read there only, every change goes through blocs.assessments.
for model in ["criteriasheet", "criteriagroup", "criteriaitem"]:
    rules.add_perm(f"blocs.view_{model}", is_staff_role)
    rules.add_perm(f"blocs.add_{model}", can_enter_data)
    rules.add_perm(f"blocs.change_{model}", can_enter_data)
    rules.add_perm(f"blocs.delete_{model}", can_enter_data)
for model in ["assessment", "score", "ballotcount"]:
    rules.add_perm(f"blocs.view_{model}", is_staff_role)
    rules.add_perm(f"blocs.add_{model}", rules.always_deny)
    rules.add_perm(f"blocs.change_{model}", rules.always_deny)
    rules.add_perm(f"blocs.delete_{model}", rules.always_deny)


def explain_assessment(user, perm, obj=None) -> str:
    """Why `user` may not `perm` (an assessment permission), in Vietnamese."""
    if not (user and user.is_authenticated):
        return "Cần đăng nhập để thực hiện thao tác này."
    where = ""
    if obj is not None:
        bloc_year = getattr(obj, "bloc_year", obj)
        where = f" của {bloc_year}"
    if perm == "blocs.release_assessment":
        return "Chỉ Thư ký Bộ hoặc Quản trị hệ thống được công bố kết quả bình xét."
    if perm in ("blocs.enter_assessment", "blocs.confirm_assessment"):
        return (
            f"Bạn không được nhập, xác nhận kết quả bình xét{where}: chỉ Thư ký Bộ, hoặc thư ký "
            "khối và cán bộ của đơn vị khối trưởng năm đó."
        )
    return (
        f"Bạn không xem được kết quả bình xét{where}: chỉ Thư ký Bộ, chuyên viên thẩm định, thư ký "
        "khối và cán bộ đơn vị khối trưởng năm đó."
    )
