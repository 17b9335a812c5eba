"""The nomination workflow, each step declared once.

A Step says from which states it starts, what else must hold (its guard), who may take it (a
`rules` permission), which service function performs it, which form collects its input, its URL
slug and its Vietnamese title. The dossier page, the bloc dashboard, the admin actions and the
services (`_transition()`) all read this registry: "show the button" and "may it happen" are one
question, `Step.refusal()`.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse

from blocs.models import Membership

from . import eligibility
from .forms import AssignReviewerForm, ConfirmForm, CouncilVoteForm, DecisionForm, OverrideForm
from .models import ENDED_STATES, Status
from .permissions import can, explain

BLOC, REVIEW = "bloc", "review"


@dataclass(frozen=True)
class Refusal:
    kind: str  # "state" (not now), "rules" (the law refuses it) or "permission" (not you)
    message: str


def _forward_guard(nomination):
    if nomination.award_type.government_level:
        return None
    return (
        f"«{nomination.award_type}» do {nomination.award_type.conferrer or 'Bộ trưởng'} quyết "
        "định, không trình cấp trên."
    )


def _grant_guard(nomination):
    """A Government-level award is forwarded before any decision."""
    if nomination.award_type.government_level and nomination.status != Status.FORWARDED:
        return (
            f"«{nomination.award_type}» thuộc thẩm quyền {nomination.award_type.conferrer or 'cấp trên'}"
            ": hồ sơ phải được trình cấp trên trước khi ghi quyết định khen thưởng."
        )
    return None


@dataclass(frozen=True)
class Step:
    name: str  # the Action logged (models.Action)
    slug: str
    title: str  # the button and page title
    label: str  # verb phrase for messages ("không thể {label} …")
    sources: tuple
    target: str | None  # None: the state does not change (a vote, an override, an assignment)
    permission: str
    side: str  # the URL prefix: BLOC or REVIEW
    service: str  # function of awards.services: f(nomination, actor=…, **form.service_arguments())
    form_class: type = ConfirmForm
    guard: Callable | None = None  # nomination -> Vietnamese reason it cannot happen, or None
    stage: str | None = None  # eligibility stage whose failing rules refuse the step
    needs_reason: bool = False
    on_page: bool = True  # offered on the dossier page (revoke acts on the award, in the admin)

    def refusal(self, nomination, user, *, checks=None) -> Refusal | None:
        """Why `user` may not take this step on `nomination` now, or None if they may.
        `checks`: the nomination's rule checks when the caller already has them."""
        if not can(user, self.permission, nomination):
            why = explain(user, self.permission, nomination)
            return Refusal("permission", f"Bạn không có quyền {self.label}. {why}")
        return self.state_refusal(nomination, checks=checks)

    def state_refusal(self, nomination, *, checks=None) -> Refusal | None:
        if nomination.status not in self.sources:
            allowed = ", ".join(f"«{Status(s).label}»" for s in self.sources)
            return Refusal(
                "state",
                f"Không thể {self.label} khi hồ sơ ở trạng thái «{nomination.status_label}» "
                f"(chỉ khi hồ sơ ở trạng thái {allowed}).",
            )
        reason = self.guard(nomination) if self.guard else None
        reason = reason or self._revival_refusal(nomination)
        refused = None
        if self.stage:
            # The legal rules of the step's stage (quotas, prerequisites, the council's vote and
            # quorum): a step they refuse is not offered.
            refused = eligibility.refusal(nomination, self.stage, checks=checks)
        if reason:
            # Every reason at once: the guard's (e.g. a duplicate dossier), then the rules'.
            rules = f" {' '.join(refused.messages)}" if refused is not None else ""
            return Refusal("state", reason + rules)
        if refused is not None:
            return Refusal("rules", " ".join(refused.messages))
        return None

    def revives(self, nomination) -> bool:
        """Would this step bring a withdrawn or refused dossier back to a live state? Then the
        one-live-dossier rule must hold again (services._transition locks the recipient first)."""
        return (
            nomination.status in ENDED_STATES
            and self.target is not None
            and self.target not in ENDED_STATES
        )

    def _revival_refusal(self, nomination) -> str | None:
        """A live dossier for the same recipient, award type and year stands: the ended dossier
        does not come back (named, not a database error)."""
        if not self.revives(nomination):
            return None
        duplicate = eligibility.duplicate_of(nomination)
        if duplicate is None:
            return None
        return eligibility.duplicate_message(nomination, duplicate, reviving=self.label)

    @property
    def outcome(self) -> str:
        """What the step does to the dossier's state, said on its page before it is taken."""
        if self.target is None:
            return "Bước này không đổi trạng thái của hồ sơ."
        return f"Sau bước này, hồ sơ chuyển sang trạng thái «{Status(self.target).label}»."

    def url(self, nomination):
        name = "awards:bloc_action" if self.side == BLOC else "awards:review_action"
        return reverse(name, args=[nomination.pk, self.slug])

    def form(self, nomination, data=None):
        return self.form_class(data, nomination=nomination, reason_required=self.needs_reason)

    def perform(self, nomination, user, form):
        return self.perform_with(nomination, user, **form.service_arguments())

    def perform_with(self, nomination, user, **arguments):
        from . import services  # services reads this registry: import it when acting

        return getattr(services, self.service)(nomination, actor=user, **arguments)


STEPS = {
    step.name: step
    for step in [
        Step(
            "submit",
            "nop",
            "Gửi hồ sơ",
            "gửi hồ sơ",
            (Status.DRAFT, Status.RETURNED),
            Status.SUBMITTED,
            "awards.submit_nomination",
            BLOC,
            "submit",
            stage=eligibility.SUBMIT,
        ),
        Step(
            "withdraw",
            "rut",
            "Rút hồ sơ",
            "rút hồ sơ",
            (Status.DRAFT, Status.SUBMITTED, Status.RETURNED),
            Status.WITHDRAWN,
            "awards.submit_nomination",
            BLOC,
            "withdraw",
            needs_reason=True,
        ),
        Step(
            "start_review",
            "bat-dau-tham-dinh",
            "Bắt đầu thẩm định",
            "bắt đầu thẩm định",
            (Status.SUBMITTED,),
            Status.IN_REVIEW,
            "awards.review_nomination",
            REVIEW,
            "start_review",
        ),
        Step(
            "return",
            "tra-lai",
            "Trả lại hồ sơ để bổ sung",
            "trả lại hồ sơ",
            (Status.IN_REVIEW,),
            Status.RETURNED,
            "awards.review_nomination",
            REVIEW,
            "return_",
            needs_reason=True,
        ),
        Step(
            "council_vote",
            "bo-phieu",
            "Ghi kết quả bỏ phiếu Hội đồng",
            "ghi kết quả bỏ phiếu Hội đồng",
            (Status.IN_REVIEW,),
            None,
            "awards.review_nomination",
            REVIEW,
            "record_council_vote",
            form_class=CouncilVoteForm,
        ),
        Step(
            "recommend",
            "de-nghi",
            "Đề nghị khen thưởng",
            "đề nghị khen thưởng",
            (Status.IN_REVIEW,),
            Status.RECOMMENDED,
            "awards.review_nomination",
            REVIEW,
            "recommend",
            stage=eligibility.RECOMMEND,
        ),
        Step(
            "reject",
            "khong-de-nghi",
            "Không đề nghị khen thưởng",
            "không đề nghị khen thưởng",
            (Status.SUBMITTED, Status.IN_REVIEW),
            Status.REJECTED,
            "awards.review_nomination",
            REVIEW,
            "reject",
            needs_reason=True,
        ),
        Step(
            "forward",
            "trinh-cap-tren",
            "Trình cấp trên",
            "trình cấp trên",
            (Status.RECOMMENDED,),
            Status.FORWARDED,
            "awards.review_nomination",
            REVIEW,
            "forward",
            guard=_forward_guard,
        ),
        Step(
            "grant",
            "quyet-dinh",
            "Ghi quyết định khen thưởng",
            "ghi quyết định khen thưởng",
            (Status.RECOMMENDED, Status.FORWARDED),
            Status.GRANTED,
            "awards.decide_nomination",
            REVIEW,
            "decide",
            form_class=DecisionForm,
            guard=_grant_guard,
        ),
        Step(
            "override",
            "ngoai-le",
            "Ghi ngoại lệ quy định",
            "ghi ngoại lệ quy định",
            tuple(Status.open_states()),
            None,
            "awards.override_rule",
            REVIEW,
            "record_override",
            form_class=OverrideForm,
            needs_reason=True,
        ),
        Step(
            "assign",
            "giao-tham-dinh",
            "Giao người thẩm định khác đơn vị",
            "giao người thẩm định",
            (Status.SUBMITTED, Status.IN_REVIEW, Status.RECOMMENDED, Status.FORWARDED),
            None,
            "awards.assign_reviewer",
            REVIEW,
            "assign_reviewer",
            form_class=AssignReviewerForm,
            needs_reason=True,
        ),
        Step(
            "revoke",
            "thu-hoi",
            "Thu hồi khen thưởng",
            "thu hồi khen thưởng",
            (Status.GRANTED,),
            Status.REVOKED,
            "awards.revoke_award",
            REVIEW,
            "revoke",
            needs_reason=True,
            on_page=False,
        ),
    ]
}
BY_SLUG = {step.slug: step for step in STEPS.values() if step.on_page}


def offered(nomination, user, *, checks=None, side=None) -> list[Step]:
    """The steps `user` may take on `nomination` now: exactly those the services accept.
    `checks`: the nomination's rule checks, when the page has already read them; `side`: only
    the steps of that side (BLOC or REVIEW), e.g. for a list where the others never show."""
    steps = [s for s in STEPS.values() if s.on_page and side in (None, s.side)]
    if checks is None and any(s.stage for s in steps):
        checks = eligibility.check(nomination)
    return [s for s in steps if s.refusal(nomination, user, checks=checks) is None]


def competing_note(nomination, user) -> str:
    """A reviewer whose own unit competes in the nomination's bloc that year is told so."""
    if not (user.unit_id and nomination.bloc_id) or nomination.unit_id == user.unit_id:
        return ""
    if not can(user, "awards.review_nomination", nomination):
        return ""
    competes = Membership.objects.filter(
        unit_id=user.unit_id, bloc_year__bloc_id=nomination.bloc_id, year=nomination.year
    ).exists()
    if not competes:
        return ""
    return (
        f"Lưu ý: đơn vị của bạn («{user.unit}») cũng là thành viên của «{nomination.bloc}» năm "
        f"{nomination.year}, cùng thi đua với hồ sơ này."
    )
