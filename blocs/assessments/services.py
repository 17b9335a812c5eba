"""Every change to a bloc assessment: criteria copied, a result entered (a new version), confirmed
by a second person, released. Errors are Vietnamese ValidationErrors naming the field; a change
is all or nothing; a race lost to a parallel request is a ValidationError too, never a 500.

The steps run through `_transition()`: it locks the bloc-year row (SELECT … FOR UPDATE), then
the version, asks the step's refusal (the question the pages ask to show a button) on the fresh
row, and writes. Two simultaneous confirmations of a bloc-year therefore run one after the other;
the second finds a confirmed version and is refused.
"""

import datetime
import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from thidua import integrity
from thidua.numbers import parse_decimal, parse_int
from thidua.predicates import can
from thidua.years import date_validators

from ..models import (
    Assessment,
    BallotCount,
    BallotSubject,
    BlocYear,
    CriteriaGroup,
    CriteriaItem,
    CriteriaSheet,
    LeadingUnit,
    Membership,
    Score,
)
from ..permissions import explain_assessment
from . import results, workflow

TEMPLATE_PATH = Path(__file__).resolve().parent.parent / "demo_data" / "criteria_template.json"
STALE_MESSAGE = (
    "Kết quả bình xét đã được người khác xử lý (trạng thái hiện tại: «{current}»). "
    "Vui lòng tải lại trang."
)


def _deny(actor, perm, obj):
    if not can(actor, perm, obj):
        raise ValidationError(explain_assessment(actor, perm, obj), code="permission_denied")


# --- criteria -------------------------------------------------------------------------------------


def criteria_template() -> dict:
    """The shipped criteria template of the current regime (a generic example, not an official
    document): {"name", "note", "groups": [{"name", "items": [{"name", "max_points", "weight"?}]}]}."""
    return json.loads(TEMPLATE_PATH.read_text(encoding="utf-8"))


def previous_sheet(bloc_year):
    """The criteria of the bloc's latest earlier year that has some, or None."""
    return (
        CriteriaSheet.objects.filter(
            bloc_year__bloc_id=bloc_year.bloc_id, bloc_year__year__lt=bloc_year.year
        )
        .filter(items__isnull=False)
        .order_by("-bloc_year__year")
        .select_related("bloc_year")
        .first()
    )


@transaction.atomic
def copy_criteria(bloc_year, actor, *, source="previous"):
    """Copies the criteria of the bloc's previous year (`source="previous"`) or the shipped
    template (`source="template"`) into the bloc-year, replacing nothing: refused once the
    bloc-year has criteria items or a result. Returns the sheet."""
    _deny(actor, "blocs.enter_assessment", bloc_year)
    BlocYear.objects.select_for_update().filter(pk=bloc_year.pk).first()
    sheet = CriteriaSheet.objects.filter(bloc_year=bloc_year).first()
    if sheet is not None:
        sheet.check_not_frozen()
        if sheet.items.exists():
            raise ValidationError(
                "Khối – năm này đã có tiêu chí; hãy sửa tiêu chí hiện có thay vì sao chép lại."
            )
    if source == "previous":
        origin = previous_sheet(bloc_year)
        if origin is None:
            raise ValidationError(
                f"Khối chưa có tiêu chí của năm nào trước năm {bloc_year.year} để sao chép."
            )
        label = f"Tiêu chí năm {origin.bloc_year.year} của khối"
        groups = [
            {
                "name": g.name,
                "items": [
                    {"name": i.name, "max_points": i.max_points, "weight": i.weight}
                    for i in g.items.order_by("order", "pk")
                ],
            }
            for g in origin.groups.order_by("order", "pk")
        ]
        rules = {
            "tie_break": origin.tie_break,
            "ballot_threshold": origin.ballot_threshold,
            "show_score_details": origin.show_score_details,
        }
    elif source == "template":
        template = criteria_template()
        label = template["name"]
        groups = template["groups"]
        rules = {}
    else:
        raise ValidationError("Nguồn sao chép tiêu chí không hợp lệ.")
    if sheet is None:
        sheet = CriteriaSheet(bloc_year=bloc_year)
    sheet.copied_from = label[:255]
    for name, value in rules.items():
        setattr(sheet, name, value)
    sheet.full_clean()
    sheet.save()
    for g_order, group_row in enumerate(groups, 1):
        group = CriteriaGroup.objects.create(sheet=sheet, order=g_order, name=group_row["name"])
        for i_order, item_row in enumerate(group_row["items"], 1):
            weight = item_row.get("weight")
            item = CriteriaItem(
                sheet=sheet,
                group=group,
                order=i_order,
                name=item_row["name"],
                max_points=Decimal(str(item_row["max_points"])),
                weight=Decimal(str(weight)) if weight is not None else None,
            )
            item.full_clean()
            item.save()
    return sheet


# --- entering a result ------------------------------------------------------------------------------


@dataclass
class Entry:
    """What the scoring page submits, before validation: raw strings as typed."""

    held_on: object = None
    source: str = ""
    note: str = ""
    ballots: dict = field(default_factory=dict)  # issued/returned/valid/invalid -> text
    scores: dict = field(default_factory=dict)  # (unit_id, item_id) -> (self, agreed, comment)
    votes: dict = field(default_factory=dict)  # (subject, unit_id) -> text ("" none; "x" agreed)


BALLOT_FIELDS = {
    "issued": ("ballots_issued", "Số phiếu phát ra"),
    "returned": ("ballots_returned", "Số phiếu thu về"),
    "valid": ("ballots_valid", "Số phiếu hợp lệ"),
    "invalid": ("ballots_invalid", "Số phiếu không hợp lệ"),
}
AGREED_MARK = "x"  # a candidate the bloc agreed on, the source giving no count


def score_field(kind, unit_id, item_id):
    return f"{kind}_{unit_id}_{item_id}"


def vote_field(subject, unit_id):
    return f"v_{subject}_{unit_id}"


SMALL_INT_MAX = 32767  # PositiveSmallIntegerField


def _number(text, label, errors, key, *, decimal=False):
    """The number typed in a field, or None: empty, or refused with a message naming the field
    and the rule (a count is a whole number from 0 to SMALL_INT_MAX; a score is a number ≥ 0).
    Read as the site's forms read numbers (thidua.numbers): 1.000 is a thousand, 8,5 a decimal."""
    text = ("" if text is None else str(text)).strip()
    if not text:
        return None
    value = parse_decimal(text) if decimal else parse_int(text, grouped=True)
    if value is None:
        kind = "số" if decimal else "số nguyên"
        errors.setdefault(key, []).append(f"{label}: «{text}» không phải là {kind}.")
        return None
    if value < 0:
        errors.setdefault(key, []).append(
            f"{label} không được âm (đã ghi {text}): phải từ 0 trở lên."
        )
        return None
    if not decimal and value > SMALL_INT_MAX:
        errors.setdefault(key, []).append(
            f"{label} quá lớn (đã ghi {text}): tối đa {SMALL_INT_MAX}."
        )
        return None
    return value


HELD_ON_LABEL = "Ngày họp bình xét"
HELD_ON_FIELD = forms.DateField(
    required=False,
    input_formats=["%d/%m/%Y", "%Y-%m-%d"],
    error_messages={
        "invalid": f"{HELD_ON_LABEL}: hãy ghi một ngày có thật theo dạng ngày/tháng/năm "
        "(ví dụ 18/12/2016)."
    },
)


def check_held_on(value, bloc_year):
    """The meeting date of `bloc_year`'s assessment (a date, or text as typed: dd/mm/yyyy or
    yyyy-mm-dd), or None when empty. The meeting assesses the year, so it is held in that year
    or after it (as an event is never held before the period it sums up), and within the dates
    the system accepts. Raises a ValidationError keyed "held_on"."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if not isinstance(value, datetime.date):
        try:
            value = HELD_ON_FIELD.clean("" if value is None else str(value).strip())
        except ValidationError as error:
            raise ValidationError({"held_on": error.messages}) from None
    if value is None:
        return None
    for validator in date_validators:
        try:
            validator(value)
        except ValidationError as error:
            raise ValidationError(
                {"held_on": [f"{HELD_ON_LABEL}: {m}" for m in error.messages]}
            ) from None
    if value.year < bloc_year.year:
        raise ValidationError(
            {
                "held_on": f"{HELD_ON_LABEL} ({value:%d/%m/%Y}) không thể trước năm được bình "
                f"xét ({bloc_year.year}): cuộc họp bình xét năm {bloc_year.year} diễn ra trong "
                f"năm {bloc_year.year} hoặc sau đó."
            }
        )
    return value


def _check_leading_votes(ballot_rows, valid, members, errors):
    """The ballot for the leading collective: each valid ballot names at most one unit, so the
    candidates' votes add up to at most the valid ballots; and the bloc has one leading
    collective, so «x» (agreed without a count) marks one unit only, never beside counts."""
    label = BallotSubject.LEADING.label
    rows = [(u, v) for subject, u, v in ballot_rows if subject == BallotSubject.LEADING]
    counted = [(u, v) for u, v in rows if v is not None]
    agreed = [u for u, v in rows if v is None]
    total = sum(v for _, v in counted)
    if valid is not None and total > valid:
        parts = " + ".join(f"«{members[u]}» {v}" for u, v in counted)
        message = (
            f"Tổng số phiếu «{label}» của các ứng viên ({parts} = {total}) không được lớn hơn "
            f"số phiếu hợp lệ ({valid}): mỗi phiếu hợp lệ chỉ bầu một tập thể dẫn đầu khối."
        )
        for u, _ in counted:
            errors.setdefault(vote_field(BallotSubject.LEADING, u), []).append(message)
    if len(agreed) > 1:
        names = ", ".join(f"«{members[u]}»" for u in agreed)
        message = (
            f"«{label}»: chỉ một đơn vị được ghi «{AGREED_MARK}» (khối thống nhất), đang ghi cho "
            f"{names}: mỗi khối chỉ có một tập thể dẫn đầu."
        )
        for u in agreed:
            errors.setdefault(vote_field(BallotSubject.LEADING, u), []).append(message)
    elif agreed and counted:
        message = (
            f"«{label}»: không ghi «{AGREED_MARK}» cho «{members[agreed[0]]}» cùng với số phiếu "
            "của đơn vị khác; hãy ghi số phiếu của mọi ứng viên, hoặc chỉ ghi "
            f"«{AGREED_MARK}» cho tập thể được khối thống nhất."
        )
        errors.setdefault(vote_field(BallotSubject.LEADING, agreed[0]), []).append(message)


def check_entry(bloc_year, entry: Entry):
    """Validates an entry against the bloc-year's members and criteria. Returns the cleaned
    (assessment fields, score rows, ballot rows); raises one ValidationError listing every
    problem, each keyed by its field and naming it."""
    errors = {}
    members = {
        m.unit_id: m.unit.name
        for m in Membership.objects.filter(bloc_year=bloc_year).select_related("unit")
    }
    items = {
        i.pk: i
        for i in CriteriaItem.objects.filter(sheet__bloc_year=bloc_year).select_related("group")
    }
    fields = {}
    typed = {}
    for key, (name, label) in BALLOT_FIELDS.items():
        text = entry.ballots.get(key)
        typed[name] = bool(("" if text is None else str(text)).strip())
        fields[name] = _number(text, label, errors, name)
    issued, returned = fields["ballots_issued"], fields["ballots_returned"]
    valid, invalid = fields["ballots_valid"], fields["ballots_invalid"]
    if returned is not None and issued is not None and returned > issued:
        errors.setdefault("ballots_returned", []).append(
            f"Số phiếu thu về ({returned}) không được lớn hơn số phiếu phát ra ({issued})."
        )
    if None not in (returned, valid, invalid) and valid + invalid != returned:
        errors.setdefault("ballots_valid", []).append(
            f"Số phiếu hợp lệ ({valid}) cộng số phiếu không hợp lệ ({invalid}) phải bằng số "
            f"phiếu thu về ({returned})."
        )
    any_ballot = any(typed.values())
    if any_ballot and not all(typed.values()):
        for name, label in BALLOT_FIELDS.values():
            if not typed[name]:  # a typed but refused count has its own message
                errors.setdefault(name, []).append(
                    f"{label}: cần ghi đủ số phiếu phát ra, thu về, hợp lệ và không hợp lệ."
                )
    ballot_rows = []
    for (subject, unit_id), text in entry.votes.items():
        text = ("" if text is None else str(text)).strip()
        if not text:
            continue
        key = vote_field(subject, unit_id)
        if subject not in BallotSubject.values or unit_id not in members:
            errors.setdefault(key, []).append("Ứng viên không phải đơn vị thành viên của khối.")
            continue
        label = f"Số phiếu «{BallotSubject(subject).label}» của «{members[unit_id]}»"
        if text.lower() == AGREED_MARK:
            votes = None
        else:
            votes = _number(text, label, errors, key)
            if votes is None:
                continue
            if valid is None:
                if typed["ballots_valid"]:
                    continue  # the valid ballots are refused with their own message
                errors.setdefault(key, []).append(
                    f"{label}: cần ghi số phiếu hợp lệ trước khi ghi số phiếu của ứng viên."
                )
                continue
            if votes > valid:
                errors.setdefault(key, []).append(
                    f"{label} ({votes}) không được lớn hơn số phiếu hợp lệ ({valid})."
                )
                continue
        ballot_rows.append((subject, unit_id, votes))
    _check_leading_votes(ballot_rows, valid, members, errors)
    score_rows = []
    for (unit_id, item_id), (self_text, agreed_text, comment) in entry.scores.items():
        item = items.get(item_id)
        if item is None or unit_id not in members:
            errors.setdefault(score_field("a", unit_id, item_id), []).append(
                "Tiêu chí hoặc đơn vị không thuộc bảng tiêu chí, danh sách thành viên của khối."
            )
            continue
        where = f"của «{members[unit_id]}» ở tiêu chí «{item.name}»"
        values = []
        for kind, text, label in (
            ("s", self_text, "Điểm tự chấm"),
            ("a", agreed_text, "Điểm khối thống nhất"),
        ):
            key = score_field(kind, unit_id, item_id)
            value = _number(text, f"{label} {where}", errors, key, decimal=True)
            if value is not None and value > item.max_points:
                errors.setdefault(key, []).append(
                    f"{label} {where} ({value}) vượt điểm tối đa {item.max_points}."
                )
                value = None
            elif value is not None and value.as_tuple().exponent < -2:
                errors.setdefault(key, []).append(
                    f"{label} {where} ({value}): chỉ ghi tối đa 2 chữ số thập phân."
                )
                value = None
            values.append(value)
        comment = (comment or "").strip()
        if len(comment) > 500:
            errors.setdefault(score_field("c", unit_id, item_id), []).append(
                f"Nhận xét {where} dài quá 500 ký tự."
            )
        if values[0] is None and values[1] is None and not comment:
            continue
        score_rows.append((unit_id, item, values[0], values[1], comment))
    try:
        held_on = check_held_on(entry.held_on, bloc_year)
    except ValidationError as error:
        held_on = None
        for key, messages in error.message_dict.items():
            errors.setdefault(key, []).extend(messages)
    source = (entry.source or "").strip()
    limit = Assessment._meta.get_field("source").max_length
    if len(source) > limit:
        errors.setdefault("source", []).append(
            f"Căn cứ dài {len(source)} ký tự, vượt quá tối đa {limit} ký tự: hãy rút gọn (ví dụ "
            "chỉ ghi tên, số và ngày của biên bản) và ghi phần còn lại vào Ghi chú."
        )
    if not errors and not score_rows and not ballot_rows and not any_ballot:
        errors["__all__"] = [
            "Chưa có kết quả để lưu: hãy ghi điểm, kết quả kiểm phiếu hoặc số phiếu của ứng "
            "viên; phiên bản trống không được tạo."
        ]
    if errors:
        raise ValidationError(errors)
    fields.update(held_on=held_on, source=source, note=(entry.note or "").strip())
    return fields, score_rows, ballot_rows


def enter(bloc_year, actor, entry: Entry):
    """Records a new version of the bloc-year's result (scores and tally). The previous
    versions are kept; refused once a version has been confirmed. Returns the Assessment."""
    step = workflow.STEPS["enter"]
    refusal = step.refusal(bloc_year, actor)
    if refusal is not None and refusal.kind == "permission":
        raise ValidationError(refusal.message, code="permission_denied")
    fields, score_rows, ballot_rows = check_entry(bloc_year, entry)
    try:
        with transaction.atomic():
            locked = (
                BlocYear.objects.select_for_update().select_related("bloc").get(pk=bloc_year.pk)
            )
            refusal = step.refusal(locked, actor)
            if refusal is not None:
                raise ValidationError(refusal.message, code="invalid_state")
            assessment = Assessment(
                bloc_year=locked,
                version=workflow.latest_version(locked.pk) + 1,
                entered_by=actor,
                entered_at=timezone.now(),
                **fields,
            )
            assessment.full_clean(validate_unique=False, validate_constraints=False)
            assessment.save()
            bulk_create_with_history(
                [
                    Score(
                        assessment=assessment,
                        unit_id=unit_id,
                        item=item,
                        self_score=self_score,
                        agreed_score=agreed,
                        comment=comment,
                    )
                    for unit_id, item, self_score, agreed, comment in score_rows
                ],
                Score,
                batch_size=500,
                default_user=actor,
            )
            bulk_create_with_history(
                [
                    BallotCount(
                        assessment=assessment,
                        subject=subject,
                        unit_id=unit_id,
                        votes=votes,
                        order=n,
                    )
                    for n, (subject, unit_id, votes) in enumerate(ballot_rows)
                ],
                BallotCount,
                default_user=actor,
            )
    except IntegrityError as error:
        raise ValidationError(integrity.explain(Assessment, error), code="race") from error
    return assessment


def entry_from(assessment) -> Entry:
    """An Entry holding a stored version's values (the scoring page starts from the latest)."""
    entry = Entry(held_on=assessment.held_on, source=assessment.source, note=assessment.note)
    for key, (name, _) in BALLOT_FIELDS.items():
        value = getattr(assessment, name)
        entry.ballots[key] = "" if value is None else str(value)

    def text(value):
        return (
            ""
            if value is None
            else f"{value:f}".rstrip("0").rstrip(".")
            if "." in f"{value:f}"
            else f"{value:f}"
        )

    rows = assessment.scores.values_list(
        "unit_id", "item_id", "self_score", "agreed_score", "comment"
    )
    for unit_id, item_id, self_score, agreed, comment in rows:
        entry.scores[(unit_id, item_id)] = (text(self_score), text(agreed), comment)
    for b in assessment.ballot_counts.all():
        entry.votes[(b.subject, b.unit_id)] = AGREED_MARK if b.votes is None else str(b.votes)
    return entry


# --- confirm and release ----------------------------------------------------------------------------


def _transition(assessment, actor, action, write):
    step = workflow.STEPS[action]
    try:
        with transaction.atomic():
            # The bloc-year first: every step of its versions runs one at a time.
            BlocYear.objects.select_for_update().filter(pk=assessment.bloc_year_id).first()
            locked = (
                Assessment.objects.select_for_update(of=("self",))
                .select_related("bloc_year__bloc")
                .get(pk=assessment.pk)
            )
            refusal = step.refusal(locked, actor)
            if refusal is not None:
                code = "permission_denied" if refusal.kind == "permission" else "invalid_state"
                if refusal.kind == "state" and workflow.state(locked) != workflow.state(assessment):
                    raise ValidationError(
                        STALE_MESSAGE.format(current=workflow.STATE_LABELS[workflow.state(locked)]),
                        code="stale",
                    )
                raise ValidationError(refusal.message, code=code)
            write(locked)
    except IntegrityError as error:
        raise ValidationError(integrity.explain(Assessment, error), code="race") from error
    return locked


def confirm(assessment, actor):
    """A second person confirms a version: it becomes the bloc-year's result, and its leading
    collective(s) become the bloc-year's LeadingUnit rows (what the flag rules read)."""

    def write(locked):
        locked.confirmed_by = actor
        locked.confirmed_at = timezone.now()
        locked.save(update_fields=["confirmed_by", "confirmed_at"])
        set_leading_units(locked)

    return _transition(assessment, actor, "confirm", write)


def release(assessment, actor):
    """Staff make a confirmed result public (the bloc's page; the public cache is renewed by the
    save, as for every model of the public apps)."""

    def write(locked):
        locked.released_by = actor
        locked.released_at = timezone.now()
        locked.save(update_fields=["released_by", "released_at"])

    return _transition(assessment, actor, "release", write)


def set_leading_units(assessment):
    """The bloc-year's leading collectives become those of the confirmed `assessment`: rows of
    other units are removed (their history keeps them), a hand-entered row of a leading unit is
    kept and marked as confirmed by the assessment."""
    result = results.compute(assessment)
    leading = [row.unit_id for row in result.leading]
    source = (
        f"Kết quả bình xét của khối, phiên bản {assessment.version}"
        + (f" ({assessment.source})" if assessment.source else "")
    )[:255]
    for row in LeadingUnit.objects.filter(bloc_year_id=assessment.bloc_year_id).exclude(
        unit_id__in=leading
    ):
        row.delete()
    for unit_id in leading:
        row = LeadingUnit.objects.filter(
            bloc_year_id=assessment.bloc_year_id, unit_id=unit_id
        ).first() or LeadingUnit(bloc_year_id=assessment.bloc_year_id, unit_id=unit_id)
        row.assessment = assessment
        row.source = source
        row.save()
    return leading


# --- reading ---------------------------------------------------------------------------------------


def confirmed_result(bloc_year):
    return (
        Assessment.objects.filter(bloc_year=bloc_year, confirmed_by__isnull=False)
        .select_related("bloc_year__bloc")
        .first()
    )
