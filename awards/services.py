"""Every change to a nomination's workflow, one function per step, all through `_transition()`.

The steps are declared in awards.workflow (states, guard, permission, form). `_transition()` runs
in one transaction: it re-reads the row with SELECT ... FOR UPDATE, refuses a stale caller (the
dossier's version changed since the caller read it: someone else acted or edited first), asks the
step's refusal (permission, state, guard — the question the pages ask to show a button), runs the
legal rules (awards.eligibility), writes, bumps the version and logs who, when and why. Errors are
Vietnamese ValidationErrors; a unique violation under parallel requests becomes one too.
"""

import datetime
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from blocs.models import Document, DocumentKind, Event, document_number_key
from thidua import batch, integrity
from units.models import Person, Unit

from . import eligibility, workflow
from .models import (
    LIVE_DOSSIER_CONSTRAINTS,
    Award,
    AwardType,
    CouncilVote,
    Decision,
    DecisionKind,
    FormSubmission,
    Nomination,
    Override,
    Proposal,
    RuleKind,
    Status,
    Transition,
)
from .permissions import assignee_refusal, can, explain

STALE_MESSAGE = (
    "Hồ sơ đã được người khác xử lý (trạng thái hiện tại: «{current}»). "
    "Vui lòng tải lại trang để xem trạng thái mới nhất."
)
STALE_EDIT_MESSAGE = (
    "Hồ sơ đã được thay đổi sau khi bạn mở trang này (trạng thái hiện tại: «{current}»): "
    "nội dung bạn gửi không được lưu để không ghi đè thay đổi đó. Vui lòng tải lại trang."
)
DUPLICATE_SUBMISSION = (
    "Biểu mẫu này đã được gửi một lần và đã được ghi nhận; lần gửi lặp lại không tạo thêm "
    "bản ghi nào. Mở danh sách hồ sơ của khối để xem kết quả."
)


def available_actions(nomination, user) -> list[str]:
    """The names of the steps `user` may take on `nomination` now (workflow.offered)."""
    return [step.name for step in workflow.offered(nomination, user)]


def _transition(nomination, actor, action, *, reason="", write=None):
    """The one way a nomination changes. Returns the fresh, locked-and-saved nomination.

    `nomination` is the caller's copy: if the row's state differs from it, someone else acted
    first and the call is refused as stale. `write(locked)` may add rows (an Award, a vote) in the
    same transaction; a ValidationError from it rolls everything back.
    """
    step = workflow.STEPS[action]
    reason = (reason or "").strip()
    if step.needs_reason and not reason:
        raise ValidationError(
            {"reason": f"Cần ghi lý do khi {step.label}."}, code="reason_required"
        )
    with one_live_dossier(nomination, reviving=step.label):
        locked = (
            Nomination.objects.select_for_update(of=("self",))
            .select_related("award_type", "bloc", "unit", "person")
            .get(pk=nomination.pk)
        )
        if locked.version != nomination.version or locked.status != nomination.status:
            raise ValidationError(STALE_MESSAGE.format(current=locked.status_label), code="stale")
        checks = None
        if step.stage:
            if locked.bloc_id:
                # Quotas count the other nominations of the same organiser's blocs: serialise
                # rule-checked steps per organiser so two simultaneous submits cannot both fit.
                Unit.objects.select_for_update().filter(pk=locked.bloc.organiser_id).first()
            checks = eligibility.check(locked)
        if step.revives(locked):
            # A withdrawn or refused dossier coming back: its recipient's saves wait here, and
            # a live dossier for the same award and year refuses the step (Step.refusal).
            settle_recipients([locked])
        _refuse(step, locked, actor, checks)
        if action == "recommend":
            locked.council_endorsed = _council_passed(locked, checks)
        before = locked.status
        if write is not None:
            write(locked)
        if step.target is not None:
            locked.status = step.target
        locked.version += 1
        locked.save(
            update_fields=[
                "status",
                "version",
                "council_endorsed",
                "assigned_reviewer",
                "updated_at",
            ]
        )
        Transition.objects.create(
            nomination=locked,
            action=action,
            from_status=before,
            to_status=locked.status,
            actor=actor,
            at=timezone.now(),
            reason=reason,
        )
    nomination.status, nomination.version = locked.status, locked.version
    return locked


def _refuse(step, nomination, actor, checks):
    """Raises the step's refusal (Step.refusal) as the ValidationError the callers show."""
    refusal = step.refusal(nomination, actor, checks=checks)
    if refusal is None:
        return
    if refusal.kind == "rules":
        raise eligibility.refusal(nomination, step.stage, checks=checks)
    code = "permission_denied" if refusal.kind == "permission" else "invalid_state"
    raise ValidationError(refusal.message, code=code)


def check_step(nomination, actor, action):
    """What _transition refuses of `action` before it writes (who, the dossier's state, the
    rules of the step's stage), on `nomination` as read. A form asks it while validating, so
    that the refusal is shown with what was typed kept; _transition asks it again under the
    dossier's lock."""
    step = workflow.STEPS[action]
    _refuse(step, nomination, actor, eligibility.check(nomination) if step.stage else None)


def _council_passed(nomination, checks) -> bool:
    """The council's vote passed: the council-vote rule in force for this award judged the latest
    vote and it passed; where no rule sets a threshold, more than half of all members voted for."""
    judged = [c for c in checks or [] if c.rule.kind == RuleKind.COUNCIL_VOTE]
    if judged:
        return all(c.passed is True for c in judged)
    vote = nomination.council_votes.order_by("-held_on", "-pk").first()
    return vote is not None and vote.votes_for * 2 > vote.council_size


def _dated(day) -> str:
    return f"{day:%d/%m/%Y}"


def _check_since_achievement(nomination, day, *, field, what, code, today=None):
    """`day` from the first day of the dossier's achievement year to today, else an error on
    `field` naming `what` was dated."""
    if day is None:
        return
    today = today or timezone.localdate()
    start = datetime.date(nomination.year, 1, 1)
    if day < start:
        message = (
            f"{what} ({_dated(day)}) trước năm thành tích {nomination.year}: phải từ ngày "
            f"{_dated(start)} trở đi."
        )
    elif day > today:
        message = f"{what} ({_dated(day)}) chưa đến: chỉ ghi đến hôm nay ({_dated(today)})."
    else:
        return
    raise ValidationError({field: message}, code=code)


def check_council_date(nomination, held_on, *, today=None):
    """A council sits on a dossier after its achievement year began and never in the future: the
    latest-dated vote is the one the rules judge, so a future date would decide them."""
    _check_since_achievement(
        nomination, held_on, field="held_on", what="Ngày họp Hội đồng", code="council_date",
        today=today,
    )  # fmt: skip


def check_decision_date(nomination, issued_on, *, today=None):
    """A decision is issued after the achievement year began and never in the future: it is
    published at once, so a future date would be shown as already issued."""
    _check_since_achievement(
        nomination, issued_on, field="issued_on", what="Ngày ban hành quyết định",
        code="decision_date", today=today,
    )  # fmt: skip


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


def _check_decision_document(decision):
    """A decision recorded before the rule (Decision.document_refusal) is not used again."""
    refusal = decision.document_refusal()
    if refusal:
        raise ValidationError({"decision": refusal}, code="document_kind")


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
    _check_decision_document(decision)
    created = {}

    def write(locked):
        check_decision_date(locked, decision.document.issued_on)
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


def check_council_vote(nomination, actor, held_on):
    """What record_council_vote refuses before it writes: the step (the dossier's reviewer, a
    dossier under review) and the sitting's date. A form asks it while validating; the service
    asks it again under the dossier's lock."""
    check_step(nomination, actor, "council_vote")
    check_council_date(nomination, held_on)


def record_council_vote(
    nomination, actor, *, held_on, votes_for, votes_against, present, council_size, note=""
):
    """Records the council's secret ballot on a nomination under review. Returns the vote."""
    created = {}

    def write(locked):
        check_council_date(locked, held_on)
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

    # The session's date in the log: which sitting each recorded vote came from.
    when = f"Phiên họp ngày {held_on:%d/%m/%Y}: " if held_on else ""
    reason = f"{when}{votes_for}/{council_size} phiếu đồng ý ({present} thành viên có mặt)"
    _transition(nomination, actor, "council_vote", reason=reason, write=write)
    return created["vote"]


def _check_rule_judges(nomination, rule):
    """The rules the dossier's checks list (the dossier page offers only those): an exception
    to a rule that does not judge this dossier would lift nothing and mislead its readers."""
    if rule.pk not in {c.rule.pk for c in eligibility.check(nomination)}:
        raise ValidationError(
            {
                "rule": f"Quy định «{rule}» ({rule.basis}) không áp dụng cho hồ sơ "
                f"«{nomination}» (loại khen thưởng, đối tượng và năm {nomination.year} của hồ "
                "sơ): chỉ ghi ngoại lệ cho một quy định có trong phần «Kiểm tra quy định» của hồ "
                "sơ."
            },
            code="rule_not_applicable",
        )


def check_override(nomination, rule, actor):
    """What record_override refuses before it writes: the step (an administrator, an open
    dossier) and a rule that judges the dossier. A form asks it while validating; the service
    asks it again under the dossier's lock."""
    check_step(nomination, actor, "override")
    _check_rule_judges(nomination, rule)


def record_override(nomination, rule, actor, reason, *, document_number="", document_date=None):
    """An administrator's recorded exception to one rule for one nomination, under the approving
    document (number and date). It lifts that rule for that dossier only: quotas count it apart,
    so it never takes another dossier's place."""
    override = Override(
        nomination=nomination,
        rule=rule,
        reason=(reason or "").strip(),
        document_number=" ".join((document_number or "").split()),
        document_date=document_date,
        created_by=actor,
    )
    override.full_clean(exclude=["nomination", "rule"], validate_unique=False)
    created = {}

    def write(locked):
        _check_rule_judges(locked, rule)
        if Override.objects.filter(nomination=locked, rule=rule).exists():
            raise ValidationError(f"Hồ sơ đã có ngoại lệ cho quy định «{rule}».")
        override.nomination = locked
        override.save()
        created["override"] = override

    _transition(
        nomination,
        actor,
        "override",
        reason=f"{rule} ({rule.basis}): {override.reason} — {override.document_label}",
        write=write,
    )
    return created["override"]


def _saved_once(obj, find):
    """Saves the new `obj` in a savepoint; if a parallel request created the same row first (a
    unique violation), returns the row it created: both share one record, never a 500."""
    try:
        with transaction.atomic():
            obj.save()
            return obj
    except IntegrityError:
        existing = find()
        if existing is None:
            raise
        return existing


def _decision_document(document=None, **fields):
    if document is not None:
        return document
    number = " ".join((fields.get("number") or "").split())
    issued_on = fields.get("issued_on")
    if not number or not issued_on:
        raise ValidationError({"number": "Cần số, ký hiệu và ngày ban hành của quyết định."})

    def find():
        # The rule that makes two numbers one document (Document's unique number_key and
        # date): case, spaces and diacritics ignored, «12/QĐ-BKHCN» is «12/qđ - BKHCN».
        key = document_number_key(number)
        return Document.objects.filter(number_key=key, issued_on=issued_on).first()

    existing = find()
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
    return _saved_once(doc, find)


def decision_refusal(document, decision, kind) -> str | None:
    """Why a decision of `kind` may not be recorded on `document`, already saved with its
    `decision` (or None): the decision recorded is of another kind, or the document is no
    «Quyết định». Asked by _decision and by the past-decision import's preview."""
    if decision is not None and decision.kind != kind:
        return f"«{document}» đã được ghi là {decision.get_kind_display().lower()}."
    return (decision or Decision(document=document, kind=kind)).document_refusal()


def _decision(actor, kind, document, signer_name, signer_title, note, **document_fields):
    document = _decision_document(document, **document_fields)

    def find():
        return Decision.objects.filter(document=document).first()

    decision = find()
    refusal = decision_refusal(document, decision, kind)
    if refusal:
        raise ValidationError({"document": refusal}, code="document_kind")
    if decision is None:
        decision = Decision(
            document=document,
            kind=kind,
            signer_name=signer_name,
            signer_title=signer_title,
            note=note,
        )
        decision.full_clean(validate_unique=False)
        decision = _saved_once(decision, find)
        refusal = decision_refusal(document, decision, kind)  # saved meanwhile by another
        if refusal:
            raise ValidationError({"document": refusal}, code="document_kind")
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


def decide(
    nomination,
    actor,
    *,
    number,
    issued_on,
    issuer="",
    signer_name="",
    signer_title="",
    prize_rank="",
    note="",
):
    """The decision form of one dossier: a decision (found or recorded by its number and date)
    granting its award. The issuer follows the award's conferrer unless given."""
    return record_decision(
        actor,
        [nomination],
        number=number,
        issued_on=issued_on,
        issuer=issuer or nomination.award_type.conferrer,
        signer_name=signer_name,
        signer_title=signer_title,
        note=note,
        prize_ranks={nomination.pk: prize_rank},
    )


def assign_reviewer(nomination, actor, *, reviewer, reason):
    """An administrator gives a dossier (typically one of the reviewing body's own unit, which no
    one there may review) to a named reviewer of another unit; recorded in the log with the
    reason. Only that reviewer then reviews and decides it."""

    def write(locked):
        # The rule the form's choices come from: a reviewer independent of the dossier.
        refused = assignee_refusal(reviewer, locked)
        if refused:
            raise ValidationError({"reviewer": refused}, code="invalid_assignee")
        locked.assigned_reviewer = reviewer

    who = reviewer.get_full_name() or reviewer.get_username()
    _transition(
        nomination,
        actor,
        "assign",
        reason=f"Giao cho {who} ({reviewer.unit}): {(reason or '').strip()}" if reason else "",
        write=write,
    )
    return nomination


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
    _check_decision_document(decision)
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
    start = eligibility.current_start_year()
    return start is not None and year < start


def _once(token, form, actor):
    """Stores a form's one-time token (in the caller's transaction): a second submit of the same
    form is refused, whichever of two parallel requests commits first."""
    if not token:
        return
    try:
        with transaction.atomic():
            FormSubmission.objects.create(token=token, form=form, user=actor)
    except IntegrityError as error:
        raise ValidationError(DUPLICATE_SUBMISSION, code="duplicate_submission") from error


def settle_recipients(nominations):
    """Locks the recipients of `nominations` (one query per kind), then reads their live dossiers
    (one query): saves for one recipient run one after the other, and each then finds a dossier
    saved before it. An import does it once per file, a form once per save."""
    units = sorted({n.unit_id for n in nominations if n.unit_id})
    people = sorted({n.person_id for n in nominations if n.person_id})
    if units:
        list(Unit.objects.select_for_update().filter(pk__in=units).values_list("pk"))
    if people:
        list(Person.objects.select_for_update().filter(pk__in=people).values_list("pk"))
    eligibility.seed_duplicates(nominations)


def _check_not_duplicate(nomination, *, settled=False):
    """Refuses a second live dossier for the same recipient, award type and year, on the
    recipient's field (`settled`: settle_recipients() already ran for it)."""
    if not settled:
        settle_recipients([nomination])
    duplicate = eligibility.duplicate_of(nomination)
    nomination.__dict__.pop("_duplicate", None)
    if duplicate is not None:
        field = "unit" if nomination.unit_id else "person"
        raise ValidationError(
            {field: eligibility.duplicate_message(nomination, duplicate)}, code="duplicate"
        )


def _duplicate_refusal(nomination, error, *, on_field=False, reviving=""):
    """The Vietnamese refusal of a save that the one-live-dossier constraint refused, naming the
    other dossier when it can be read, or None when `error` is another integrity error."""
    nomination.__dict__.pop("_duplicate", None)
    duplicate = eligibility.duplicate_of(nomination)
    nomination.__dict__.pop("_duplicate", None)
    if duplicate is not None:
        message = eligibility.duplicate_message(nomination, duplicate, reviving=reviving)
    elif any(name in str(error) for name in LIVE_DOSSIER_CONSTRAINTS):
        message = integrity.explain(Nomination, error)
    else:
        return None
    if on_field:
        return ValidationError(
            {"unit" if nomination.unit_id else "person": message}, code="duplicate"
        )
    return ValidationError(message, code="duplicate")


@contextmanager
def one_live_dossier(nomination, *, on_field=False, reviving=""):
    """A transaction (a savepoint inside the caller's) writing `nomination`. A second live dossier
    for its recipient, award type and year that the database refuses (two saves no lock ordered)
    becomes the Vietnamese refusal, not a 500, and the caller's transaction stays usable.
    `on_field`: on the recipient's field (a form); `reviving`: the label of the step that would
    bring the dossier back."""
    try:
        with transaction.atomic():
            yield
    except IntegrityError as error:
        refusal = _duplicate_refusal(nomination, error, on_field=on_field, reviving=reviving)
        if refusal is None:
            raise
        raise refusal from error


def edit_refusal(nomination) -> str | None:
    """Why the content of `nomination` may not be edited now (it has left the draft and returned
    states), or None: the one answer of save_draft, the dossier's edit page and the admin's
    change and history pages."""
    if nomination.pk and nomination.status not in Status.editable_states():
        return (
            f"Hồ sơ ở trạng thái «{nomination.status_label}» không sửa được; "
            "chỉ sửa hồ sơ dự thảo hoặc bị trả lại."
        )
    return None


def check_draft(nomination, actor):
    """What save_draft asks before it writes: the dossier may still be edited, and `actor` may
    prepare the dossiers of its bloc and year (refused on the bloc, naming the bloc and year).
    A form asks it while validating, so that a refusal stands by its field with what was typed
    kept; save_draft asks it again when it writes."""
    refusal = edit_refusal(nomination)
    if refusal:
        raise ValidationError(refusal, code="not_editable")
    if not can(actor, "awards.prepare_nomination", nomination):
        why = explain(actor, "awards.prepare_nomination", nomination)
        raise ValidationError(
            {
                "bloc": f"Tài khoản «{actor.get_username()}» không có quyền lập hồ sơ cho khối "
                f"và năm này. {why}"
            },
            code="permission_denied",
        )


def check_loaded_version(current, version):
    """An edit made on a page loaded at `version` of the dossier, now at `current.version`,
    would silently overwrite what changed since: refused. A form asks it while validating (what
    was typed kept, to be copied after reloading); save_draft asks it again under the lock."""
    if current.version != version:
        raise ValidationError(STALE_EDIT_MESSAGE.format(current=current.status_label), code="stale")


def check_recipient_free(nomination):
    """The one-live-dossier rule of save_draft, asked by a form while validating (without the
    recipient's lock: save_draft asks it again under that lock)."""
    _check_not_duplicate(nomination, settled=True)


def save_draft(nomination, actor, *, token=None, settled=False):
    """Creates or edits a dossier (draft or returned). The workflow fields are not touched.

    Creating: `token` (the form's one-time token) makes a repeated submit create nothing. Editing:
    `nomination.version` is the version the editor loaded; a later one means someone changed the
    dossier since, and the edit is refused rather than silently overwriting that change.
    `settled`: the caller ran settle_recipients() for this dossier (an import, for its file)."""
    check_draft(nomination, actor)
    nomination.full_clean()
    with one_live_dossier(nomination, on_field=True):
        created = nomination.pk is None
        if created:
            # The form's token first: a resubmitted form is told it was received, not that it
            # duplicates the dossier it created.
            _once(token, "nomination_create", actor)
            _check_not_duplicate(nomination, settled=settled)
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
            check_loaded_version(locked, nomination.version)
            if locked.status not in Status.editable_states():
                raise ValidationError(
                    STALE_MESSAGE.format(current=locked.status_label), code="stale"
                )
            _check_not_duplicate(nomination)  # after the dossier's lock, as the steps do
            nomination.is_historical = locked.is_historical or _historical_flag(nomination.year)
            nomination.status, nomination.created_by_id = locked.status, locked.created_by_id
            nomination.council_endorsed = locked.council_endorsed
            nomination.assigned_reviewer_id = locked.assigned_reviewer_id
            nomination.version = locked.version + 1  # the row is locked: no lost update
            nomination.save()
    return nomination


def _create_logged_draft(nomination, actor, at, reason):
    """Saves a new draft dossier (validated) and its «create» log entry."""
    nomination.full_clean()
    with one_live_dossier(nomination):
        nomination.save()
    Transition.objects.create(
        nomination=nomination,
        action="create",
        to_status=Status.DRAFT,
        actor=actor,
        at=at,
        reason=reason,
    )
    return nomination


def _check_may_prepare(actor, source, year):
    """Drafts made in one step from `source` (an event or a bloc-year) need the right to prepare
    the bloc's dossiers of `year`, as a single draft does."""
    if not can(actor, "awards.prepare_nomination", Nomination(bloc_id=source.bloc_id, year=year)):
        raise ValidationError(
            f"Tài khoản «{actor.get_username()}» không có quyền lập hồ sơ cho khối "
            f"«{source.bloc}» năm {year}."
        )


@transaction.atomic
def nominations_from_event(event, actor, *, reason=""):
    """Draft nominations from the event's proposals that have none yet (no re-entry).

    Returns the nominations created (an empty list when every proposal already has one).
    """
    year = event.period_end
    _check_may_prepare(actor, event, year)
    # Two parallel requests for one event: the second waits here, then finds every proposal
    # already has its dossier (a proposal has at most one).
    Event.objects.select_for_update().filter(pk=event.pk).first()
    proposals = (
        Proposal.objects.filter(event=event, nomination__isnull=True)
        .select_related("award_type")
        .order_by("order", "pk")
    )
    historical = _historical_flag(year)
    drafts = [
        Nomination(
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
        for proposal in proposals
    ]
    # One live dossier per recipient, award and year, as for a dossier typed in: all or none.
    settle_recipients(drafts)
    duplicates = [
        eligibility.duplicate_message(n, eligibility.duplicate_of(n))
        for n in drafts
        if eligibility.duplicate_of(n) is not None
    ]
    if duplicates:
        raise ValidationError(duplicates, code="duplicate")
    now = timezone.now()
    for nomination in drafts:
        _create_logged_draft(nomination, actor, now, reason or f"Từ đề xuất tại sự kiện «{event}»")
    return drafts


# The ballots of a bloc assessment that propose an award (blocs.BallotSubject -> award type slug).
ASSESSMENT_AWARDS = {"co_bo": "co-thi-dua-bo", "co_chinh_phu": "co-thi-dua-chinh-phu"}


@transaction.atomic
def nominations_from_assessment(assessment, actor, *, reason=""):
    """Draft nominations of the bloc from its confirmed assessment, in one step: each candidate
    the ballot proposed for a flag (reached the bloc-year's threshold, or agreed on by the bloc)
    gets a draft dossier unless the unit already has a live one for that award and year (from
    this bloc or another). Same permission and rules as any draft (save_draft's model checks).
    Returns those created."""
    from blocs.assessments import results
    from blocs.models import Assessment, BlocYear

    bloc_year = assessment.bloc_year
    year = bloc_year.year
    _check_may_prepare(actor, bloc_year, year)
    # Two parallel requests: the second waits here, then finds the dossiers already made.
    BlocYear.objects.select_for_update().filter(pk=bloc_year.pk).first()
    locked = Assessment.objects.select_related("bloc_year__bloc").get(pk=assessment.pk)
    if not locked.is_confirmed:
        raise ValidationError(
            "Chỉ lập hồ sơ từ kết quả bình xét đã được xác nhận (người thứ hai xác nhận)."
        )
    types = {t.slug: t for t in AwardType.objects.filter(slug__in=ASSESSMENT_AWARDS.values())}
    historical = _historical_flag(year)
    drafts, seen = [], set()
    result = results.compute(locked)
    for ballot in result.ballots:
        award_type = types.get(ASSESSMENT_AWARDS.get(ballot.subject, ""))
        if award_type is None:
            continue
        for candidate in ballot.proposed:
            if (award_type.pk, candidate.unit_id) in seen:
                continue
            seen.add((award_type.pk, candidate.unit_id))
            drafts.append(
                Nomination(
                    award_type=award_type,
                    year=year,
                    unit_id=candidate.unit_id,
                    bloc_id=bloc_year.bloc_id,
                    bloc_votes_for=candidate.votes,
                    bloc_votes_total=locked.ballots_valid if candidate.votes is not None else None,
                    is_historical=historical,
                    created_by=actor,
                )
            )
    settle_recipients(drafts)
    created, now = [], timezone.now()
    for nomination in drafts:
        if eligibility.duplicate_of(nomination) is not None:
            continue  # the unit's live dossier for this award and year stands
        try:
            _create_logged_draft(
                nomination, actor, now, reason or f"Từ kết quả bình xét của khối ({locked})"
            )
        except ValidationError as refusal:
            if getattr(refusal, "code", None) != "duplicate":
                raise
            continue  # saved meanwhile by a path that does not lock: it stands, as above
        created.append(nomination)
    return created


def check_award_entry(actor, award, verb):
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


def check_historical_award(actor, award):
    """What record_historical_awards refuses of one award under its saved decision: a decision
    that is no grant on a «Quyết định», the permission, the own-unit rule. The admin's form
    asks it while validating; the service asks the same two rules (_decision, check_award_entry)
    under its transaction."""
    decision = award.decision
    refusal = decision_refusal(decision.document, decision, DecisionKind.GRANT)
    if refusal:
        raise ValidationError({"decision": refusal}, code="document_kind")
    check_award_entry(actor, award, "nhập")


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
    awards = []
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
        awards.append(award)
    # In an import batch: the recipients and award types checked in one query each.
    batch.prime_foreign_keys(awards)
    for award in awards:
        check_award_entry(actor, award, "nhập")
        award.full_clean(validate_unique=False)
        award.save()
    return awards


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
    check_award_correction(award, actor, locked)
    award.revoked_at = locked.revoked_at
    award.full_clean(validate_unique=False)
    award.save()
    return award


def check_award_correction(award, actor, original):
    """What correct_award refuses of the edit of `original` into `award`: a field the workflow
    or the decision fixed, and the staff member's own unit (the recipient it had or gets). A
    form asks it while validating; correct_award asks it again under the award's lock."""
    fixed = AWARD_WORKFLOW_FIELDS + (AWARD_DECISION_FIELDS if original.nomination_id else ())
    for name in fixed:
        field = Award._meta.get_field(name)
        if getattr(original, field.attname) != getattr(award, field.attname):
            rule = (
                "khen thưởng theo hồ sơ đề nghị giữ đúng nội dung quyết định"
                if name in AWARD_DECISION_FIELDS
                else "trường này chỉ thay đổi qua quy trình (ghi quyết định, thu hồi)"
            )
            raise ValidationError(
                {name: f"Không sửa trực tiếp «{field.verbose_name}» của khen thưởng: {rule}."},
                code="workflow_field",
            )
    check_award_entry(actor, original, "sửa")
    check_award_entry(actor, award, "sửa")
