"""Every change to a nomination's workflow, one function per step, all through `_transition()`.

`_transition()` runs in one transaction: it re-reads the row with SELECT ... FOR UPDATE, refuses a
stale caller (someone else acted first), checks the actor's permission (awards.permissions — the
same rules for administrators, no side door), checks the current state, runs the legal rules
(awards.eligibility), writes, and logs who, when and why. Errors are Vietnamese ValidationErrors.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from blocs.models import Document, DocumentKind
from units.models import Unit

from . import eligibility
from .models import (
    Award,
    CouncilVote,
    Decision,
    DecisionKind,
    Nomination,
    Override,
    Proposal,
    Status,
    Transition,
)
from .permissions import can

STALE_MESSAGE = (
    "Hồ sơ đã được người khác xử lý (trạng thái hiện tại: «{current}»). "
    "Vui lòng tải lại trang để xem trạng thái mới nhất."
)


@dataclass(frozen=True)
class Step:
    action: str
    label: str  # Vietnamese verb phrase for messages
    sources: tuple
    target: str | None  # None: the state does not change (e.g. a council vote is recorded)
    permission: str
    stage: str | None = None  # eligibility stage whose failing rules refuse the step
    needs_reason: bool = False


STEPS = {
    "submit": Step(
        "submit",
        "gửi hồ sơ",
        (Status.DRAFT, Status.RETURNED),
        Status.SUBMITTED,
        "awards.submit_nomination",
        eligibility.SUBMIT,
    ),
    "withdraw": Step(
        "withdraw",
        "rút hồ sơ",
        (Status.DRAFT, Status.SUBMITTED, Status.RETURNED),
        Status.WITHDRAWN,
        "awards.submit_nomination",
        needs_reason=True,
    ),
    "start_review": Step(
        "start_review",
        "bắt đầu thẩm định",
        (Status.SUBMITTED,),
        Status.IN_REVIEW,
        "awards.review_nomination",
    ),
    "return": Step(
        "return",
        "trả lại hồ sơ",
        (Status.IN_REVIEW,),
        Status.RETURNED,
        "awards.review_nomination",
        needs_reason=True,
    ),
    "recommend": Step(
        "recommend",
        "đề nghị khen thưởng",
        (Status.IN_REVIEW,),
        Status.RECOMMENDED,
        "awards.review_nomination",
        eligibility.RECOMMEND,
    ),
    "reject": Step(
        "reject",
        "không đề nghị khen thưởng",
        (Status.SUBMITTED, Status.IN_REVIEW),
        Status.REJECTED,
        "awards.review_nomination",
        needs_reason=True,
    ),
    "forward": Step(
        "forward",
        "trình cấp trên",
        (Status.RECOMMENDED,),
        Status.FORWARDED,
        "awards.review_nomination",
    ),
    "grant": Step(
        "grant",
        "ghi quyết định khen thưởng",
        (Status.RECOMMENDED, Status.FORWARDED),
        Status.GRANTED,
        "awards.decide_nomination",
    ),
    "revoke": Step(
        "revoke",
        "thu hồi khen thưởng",
        (Status.GRANTED,),
        Status.REVOKED,
        "awards.revoke_award",
        needs_reason=True,
    ),
    "council_vote": Step(
        "council_vote",
        "ghi kết quả bỏ phiếu Hội đồng",
        (Status.IN_REVIEW,),
        None,
        "awards.review_nomination",
    ),
    "override": Step(
        "override",
        "ghi ngoại lệ quy định",
        tuple(Status.open_states()),
        None,
        "awards.override_rule",
        needs_reason=True,
    ),
}


def available_actions(nomination, user) -> list[str]:
    """The steps `user` may take on `nomination` now (for buttons); each asks the permission."""
    found = []
    for name, step in STEPS.items():
        if name in ("override", "revoke") or nomination.status not in step.sources:
            continue
        if name == "forward" and not nomination.award_type.government_level:
            continue
        if can(user, step.permission, nomination):
            found.append(name)
    return found


def _transition(nomination, actor, action, *, reason="", write=None):
    """The one way a nomination changes. Returns the fresh, locked-and-saved nomination.

    `nomination` is the caller's copy: if the row's state differs from it, someone else acted
    first and the call is refused as stale. `write(locked)` may add rows (an Award, a vote) in the
    same transaction; a ValidationError from it rolls everything back.
    """
    step = STEPS[action]
    reason = (reason or "").strip()
    if step.needs_reason and not reason:
        raise ValidationError(
            {"reason": f"Cần ghi lý do khi {step.label}."}, code="reason_required"
        )
    with transaction.atomic():
        locked = (
            Nomination.objects.select_for_update(of=("self",))
            .select_related("award_type", "bloc", "unit", "person")
            .get(pk=nomination.pk)
        )
        if locked.status != nomination.status:
            raise ValidationError(
                STALE_MESSAGE.format(current=locked.get_status_display()), code="stale"
            )
        if not can(actor, step.permission, locked):
            raise ValidationError(
                f"Tài khoản «{actor.get_username()}» không có quyền {step.label} "
                f"đối với hồ sơ «{locked}».",
                code="permission_denied",
            )
        if locked.status not in step.sources:
            allowed = ", ".join(f"«{Status(s).label}»" for s in step.sources)
            raise ValidationError(
                f"Không thể {step.label} khi hồ sơ ở trạng thái «{locked.get_status_display()}» "
                f"(chỉ khi hồ sơ ở trạng thái {allowed}).",
                code="invalid_state",
            )
        if action == "forward" and not locked.award_type.government_level:
            raise ValidationError(
                f"«{locked.award_type}» do Bộ trưởng quyết định, không trình cấp trên.",
                code="invalid_state",
            )
        if (
            action == "grant"
            and locked.award_type.government_level
            and (locked.status != Status.FORWARDED)
        ):
            raise ValidationError(
                f"«{locked.award_type}» thuộc thẩm quyền cấp trên: hồ sơ phải được trình cấp "
                "trên trước khi ghi quyết định khen thưởng.",
                code="invalid_state",
            )
        if step.stage:
            if locked.bloc_id:
                # Quotas count the other nominations of the same organiser's blocs: serialise
                # rule-checked steps per organiser so two simultaneous submits cannot both fit.
                Unit.objects.select_for_update().filter(pk=locked.bloc.organiser_id).first()
            refusal = eligibility.refusal(locked, step.stage)
            if refusal is not None:
                raise refusal
        before = locked.status
        if write is not None:
            write(locked)
        if step.target is not None:
            locked.status = step.target
            locked.save(update_fields=["status", "updated_at"])
        Transition.objects.create(
            nomination=locked,
            action=action,
            from_status=before,
            to_status=locked.status,
            actor=actor,
            at=timezone.now(),
            reason=reason,
        )
    nomination.status = locked.status
    return locked


# --- the steps ----------------------------------------------------------------------------------


def submit(nomination, actor, reason=""):
    return _transition(nomination, actor, "submit", reason=reason)


def withdraw(nomination, actor, reason):
    return _transition(nomination, actor, "withdraw", reason=reason)


def start_review(nomination, actor, reason=""):
    return _transition(nomination, actor, "start_review", reason=reason)


def return_(nomination, actor, reason):
    return _transition(nomination, actor, "return", reason=reason)


def recommend(nomination, actor, reason=""):
    return _transition(nomination, actor, "recommend", reason=reason)


def reject(nomination, actor, reason):
    return _transition(nomination, actor, "reject", reason=reason)


def forward(nomination, actor, reason=""):
    return _transition(nomination, actor, "forward", reason=reason)


def _create_award(**fields):
    award = Award(**fields)
    award.full_clean(validate_unique=False)
    award.save()
    return award


def grant(nomination, actor, decision, *, prize_rank="", note=""):
    """Turns a recommended (ministry level) or forwarded (Government level) nomination into an
    Award under `decision`. Returns the Award."""
    if decision.kind != DecisionKind.GRANT:
        raise ValidationError(
            {"decision": f"«{decision}» là quyết định thu hồi, không dùng để khen thưởng."}
        )
    created = {}

    def write(locked):
        created["award"] = _create_award(
            award_type=locked.award_type,
            year=locked.year,
            unit=locked.unit,
            person=locked.person,
            bloc=locked.bloc,
            decision=decision,
            nomination=locked,
            prize_rank=prize_rank,
            note=note,
            is_historical=locked.is_historical,
        )

    _transition(nomination, actor, "grant", reason=f"Theo {decision}", write=write)
    return created["award"]


def record_council_vote(
    nomination, actor, *, held_on, votes_for, votes_against, present, council_size, note=""
):
    """Records the council's secret ballot on a nomination under review. Returns the vote."""
    created = {}

    def write(locked):
        vote = CouncilVote(
            nomination=locked,
            held_on=held_on,
            votes_for=votes_for,
            votes_against=votes_against,
            present=present,
            council_size=council_size,
            note=note,
            recorded_by=actor,
        )
        vote.full_clean()
        vote.save()
        created["vote"] = vote

    reason = f"{votes_for}/{council_size} phiếu đồng ý ({present} thành viên có mặt)"
    _transition(nomination, actor, "council_vote", reason=reason, write=write)
    return created["vote"]


def record_override(nomination, rule, actor, reason):
    """An administrator's recorded exception to one rule for one nomination."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Cần ghi lý do khi ghi ngoại lệ quy định."})
    created = {}

    def write(locked):
        if Override.objects.filter(nomination=locked, rule=rule).exists():
            raise ValidationError(f"Hồ sơ đã có ngoại lệ cho quy định «{rule}».")
        created["override"] = Override.objects.create(
            nomination=locked, rule=rule, reason=reason.strip(), created_by=actor
        )

    _transition(
        nomination, actor, "override", reason=f"{rule} ({rule.basis}): {reason}", write=write
    )
    return created["override"]


def _decision_document(document=None, **fields):
    if document is not None:
        return document
    number = " ".join((fields.get("number") or "").split())
    issued_on = fields.get("issued_on")
    if not number or not issued_on:
        raise ValidationError({"number": "Cần số, ký hiệu và ngày ban hành của quyết định."})
    existing = Document.objects.filter(number__iexact=number, issued_on=issued_on).first()
    if existing:
        return existing
    doc = Document(
        kind=fields.get("kind") or DocumentKind.DECISION,
        number=number,
        issued_on=issued_on,
        issuer=fields.get("issuer") or "Bộ Khoa học và Công nghệ",
        title=fields.get("title") or "",
    )
    doc.full_clean()
    doc.save()
    return doc


def _decision(actor, kind, document, signer_name, signer_title, note, **document_fields):
    document = _decision_document(document, **document_fields)
    decision = Decision.objects.filter(document=document).first()
    if decision is not None:
        if decision.kind != kind:
            raise ValidationError(
                {"document": f"«{document}» đã được ghi là {decision.get_kind_display().lower()}."}
            )
        return decision
    decision = Decision(
        document=document,
        kind=kind,
        signer_name=signer_name,
        signer_title=signer_title,
        note=note,
    )
    decision.full_clean()
    decision.save()
    return decision


@transaction.atomic
def record_decision(
    actor,
    nominations,
    *,
    document=None,
    signer_name="",
    signer_title="",
    note="",
    prize_ranks=None,
    **document_fields,
):
    """A decision granting awards to many nominations (any blocs). All or nothing.

    `document`: a blocs.Document, or give number=, issued_on= (issuer=, title=) to find or create
    it. Returns the Decision; its awards are `decision.awards`.
    """
    nominations = list(nominations)
    if not nominations:
        raise ValidationError({"nominations": "Chọn ít nhất một hồ sơ để ghi quyết định."})
    if not any(can(actor, "awards.decide_nomination", n) for n in nominations):
        raise ValidationError(
            f"Tài khoản «{actor.get_username()}» không có quyền ghi quyết định khen thưởng."
        )
    decision = _decision(
        actor, DecisionKind.GRANT, document, signer_name, signer_title, note, **document_fields
    )
    prize_ranks = prize_ranks or {}
    for nomination in nominations:
        grant(nomination, actor, decision, prize_rank=prize_ranks.get(nomination.pk, ""))
    return decision


@transaction.atomic
def revoke(
    award,
    actor,
    reason,
    *,
    decision=None,
    document=None,
    signer_name="",
    signer_title="",
    **document_fields,
):
    """Revokes a granted award by a later decision (a Decision of kind revoke, or a Document /
    number= and issued_on= to record one), with the reason. The award stays in history,
    marked revoked, and no longer counts toward prerequisites or quotas."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Cần ghi lý do thu hồi khen thưởng."})
    locked = (
        Award.objects.select_for_update(of=("self",))
        .select_related("decision__document")
        .get(pk=award.pk)
    )
    if locked.revoked_by_id:
        raise ValidationError(STALE_MESSAGE.format(current="Đã bị thu hồi"), code="stale")
    if not can(actor, "awards.revoke_award", locked):
        raise ValidationError(
            f"Tài khoản «{actor.get_username()}» không có quyền thu hồi khen thưởng «{locked}».",
            code="permission_denied",
        )
    if decision is None:
        decision = _decision(
            actor, DecisionKind.REVOKE, document, signer_name, signer_title, "", **document_fields
        )
    elif decision.kind != DecisionKind.REVOKE:
        raise ValidationError(
            {"decision": f"«{decision}» là quyết định khen thưởng, không phải quyết định thu hồi."}
        )
    if decision.document.issued_on < locked.decision.document.issued_on:
        raise ValidationError(
            {"decision": "Quyết định thu hồi phải ban hành sau quyết định khen thưởng."}
        )
    locked.revoked_by = decision
    locked.revocation_reason = reason
    locked.revoked_at = timezone.now()
    locked.full_clean(validate_unique=False)
    locked.save()
    if locked.nomination_id:
        _transition(locked.nomination, actor, "revoke", reason=reason)
    award.revoked_by, award.revocation_reason = locked.revoked_by, reason
    award.revoked_at = locked.revoked_at
    return locked


# --- dossiers ------------------------------------------------------------------------------------


def _historical_flag(year) -> bool:
    regime = eligibility.current_regime()
    return regime is not None and year < regime.valid_from.year


def save_draft(nomination, actor):
    """Creates or edits a dossier (draft or returned). The workflow fields are not touched."""
    if nomination.pk and nomination.status not in Status.editable_states():
        raise ValidationError(
            f"Hồ sơ ở trạng thái «{nomination.get_status_display()}» không sửa được; "
            "chỉ sửa hồ sơ dự thảo hoặc bị trả lại."
        )
    if not can(actor, "awards.prepare_nomination", nomination):
        raise ValidationError(
            f"Tài khoản «{actor.get_username()}» không có quyền lập hồ sơ cho khối và năm này."
        )
    nomination.full_clean()
    with transaction.atomic():
        created = nomination.pk is None
        if created:
            nomination.status = Status.DRAFT
            nomination.created_by = actor
            # Set here, never from a form: a "historical" flag would turn refusals into notes.
            nomination.is_historical = _historical_flag(nomination.year)
            nomination.save()
            Transition.objects.create(
                nomination=nomination,
                action="create",
                to_status=Status.DRAFT,
                actor=actor,
                at=timezone.now(),
            )
        else:
            locked = Nomination.objects.select_for_update().get(pk=nomination.pk)
            if locked.status not in Status.editable_states():
                raise ValidationError(
                    STALE_MESSAGE.format(current=locked.get_status_display()), code="stale"
                )
            nomination.is_historical = locked.is_historical or _historical_flag(nomination.year)
            nomination.status, nomination.created_by_id = locked.status, locked.created_by_id
            nomination.save()
    return nomination


@transaction.atomic
def nominations_from_event(event, actor, *, reason=""):
    """Draft nominations from the event's proposals that have none yet (no re-entry).

    Returns the nominations created (an empty list when every proposal already has one).
    """
    year = event.period_end
    probe = Nomination(bloc_id=event.bloc_id, year=year)
    if not can(actor, "awards.prepare_nomination", probe):
        raise ValidationError(
            f"Tài khoản «{actor.get_username()}» không có quyền lập hồ sơ cho khối "
            f"«{event.bloc}» năm {year}."
        )
    proposals = (
        Proposal.objects.filter(event=event, nomination__isnull=True)
        .select_related("award_type")
        .order_by("order", "pk")
    )
    historical = _historical_flag(year)
    created = []
    now = timezone.now()
    for proposal in proposals:
        nomination = Nomination(
            award_type=proposal.award_type,
            year=year,
            unit_id=proposal.unit_id,
            person_id=proposal.person_id,
            bloc_id=event.bloc_id,
            event=event,
            proposal=proposal,
            achievements=proposal.note,
            is_historical=historical,
            created_by=actor,
        )
        nomination.full_clean()
        nomination.save()
        Transition.objects.create(
            nomination=nomination,
            action="create",
            to_status=Status.DRAFT,
            actor=actor,
            at=now,
            reason=reason or f"Từ đề xuất tại sự kiện «{event}»",
        )
        created.append(nomination)
    return created


def _check_award_entry(actor, award, verb):
    """Data entry of an award outside the workflow: the permission, and the own-unit rule."""
    if not can(actor, "awards.enter_historical_award"):
        raise ValidationError(
            f"Tài khoản «{actor.get_username()}» không có quyền {verb} khen thưởng ngoài quy "
            "trình (khen thưởng lịch sử).",
            code="permission_denied",
        )
    if not can(actor, "awards.enter_historical_award", award):
        field = "unit" if award.unit_id else "person"
        raise ValidationError(
            {
                field: f"Không được {verb} khen thưởng cho chính đơn vị mình "
                f"(«{award.recipient_name}»): người nhập liệu không ghi, sửa khen thưởng của "
                "đơn vị mình (tránh xung đột lợi ích)."
            },
            code="own_unit",
        )


@transaction.atomic
def record_historical_awards(
    actor, rows, *, document=None, signer_name="", signer_title="", note="", **document_fields
):
    """Enters past awards directly from a decision, without the workflow.

    `rows`: dicts with award_type, year, unit or person, source (where the record was taken
    from), and optionally bloc, prize_rank, note, ordinal (số thứ tự in the decision), honour
    (the blocs.Honour it answers), is_historical (the explicit mark, needed for a year of today's
    legal regime; earlier years are marked automatically). The model refuses the current year
    (Award.clean_direct_entry). Returns the Awards created.
    """
    if not can(actor, "awards.enter_historical_award"):
        raise ValidationError(
            f"Tài khoản «{actor.get_username()}» không có quyền nhập khen thưởng lịch sử."
        )
    decision = _decision(
        actor, DecisionKind.GRANT, document, signer_name, signer_title, note, **document_fields
    )
    created = []
    for row in rows:
        award = Award(
            decision=decision,
            is_historical=bool(row.get("is_historical")) or _historical_flag(row["year"]),
            source=row.get("source", ""),
            award_type=row["award_type"],
            year=row["year"],
            unit=row.get("unit"),
            person=row.get("person"),
            bloc=row.get("bloc"),
            prize_rank=row.get("prize_rank", ""),
            note=row.get("note", ""),
            ordinal=row.get("ordinal"),
            honour=row.get("honour"),
        )
        _check_award_entry(actor, award, "nhập")
        award.full_clean(validate_unique=False)
        award.save()
        created.append(award)
    return created


# What the workflow fixed on an award, never edited directly (revocation goes through revoke()).
AWARD_WORKFLOW_FIELDS = ("nomination", "is_historical", "revoked_by", "revocation_reason")
# What a decision granted, fixed on an award that came from a nomination.
AWARD_DECISION_FIELDS = ("award_type", "year", "unit", "person", "bloc", "decision")


@transaction.atomic
def correct_award(award, actor):
    """Saves an edit of an award's record (the admin's change page, and its history revert).

    An award from a nomination keeps what its decision granted: only its notes change. A
    historical award may be corrected by data entry. Never for the staff member's own unit
    (neither the recipient it had nor the one it gets).
    """
    locked = Award.objects.select_for_update(of=("self",)).get(pk=award.pk)
    fixed = AWARD_WORKFLOW_FIELDS + (AWARD_DECISION_FIELDS if locked.nomination_id else ())
    for name in fixed:
        field = Award._meta.get_field(name)
        if getattr(locked, field.attname) != getattr(award, field.attname):
            rule = (
                "khen thưởng theo hồ sơ đề nghị giữ đúng nội dung quyết định"
                if name in AWARD_DECISION_FIELDS
                else "trường này chỉ thay đổi qua quy trình (ghi quyết định, thu hồi)"
            )
            raise ValidationError(
                {name: f"Không sửa trực tiếp «{field.verbose_name}» của khen thưởng: {rule}."},
                code="workflow_field",
            )
    award.revoked_at = locked.revoked_at
    _check_award_entry(actor, locked, "sửa")
    _check_award_entry(actor, award, "sửa")
    award.full_clean(validate_unique=False)
    award.save()
    return award
