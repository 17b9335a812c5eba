"""The assessment's steps, each declared once: enter (a new version) → confirm → release.

As in awards.workflow, a Step says from which states it starts, what else must hold (its guard),
who may take it (a `rules` permission), which service performs it, its URL slug and its
Vietnamese title; `Step.refusal()` is the single answer to "show the button" and "may it
happen", asked by the pages and again by the services under the row lock.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse

from thidua.predicates import can

from ..models import Assessment, BlocYear
from ..permissions import explain_assessment
from . import results

# States: of a bloc-year (no result yet, or its versions' state), and of one version.
NONE, ENTERED, CONFIRMED, RELEASED, SUPERSEDED = (
    "none",
    "entered",
    "confirmed",
    "released",
    "superseded",
)
STATE_LABELS = {
    NONE: "Chưa nhập kết quả",
    ENTERED: "Chờ xác nhận",
    CONFIRMED: "Đã xác nhận, chưa công bố",
    RELEASED: "Đã công bố",
    SUPERSEDED: "Đã có phiên bản mới hơn",
}


@dataclass(frozen=True)
class Refusal:
    kind: str  # "state" (not now) or "permission" (not you)
    message: str


def latest_version(bloc_year_id) -> int:
    return (
        Assessment.objects.filter(bloc_year_id=bloc_year_id)
        .order_by("-version")
        .values_list("version", flat=True)
        .first()
        or 0
    )


def state(obj) -> str:
    """The state of an Assessment version, or of a BlocYear (its results taken together).
    A page may set `latest` (the bloc-year's newest version) on an assessment to spare a query."""
    if isinstance(obj, BlocYear):
        versions = list(obj.assessments.order_by("-version").values("confirmed_by", "released_at"))
        if not versions:
            return NONE
        confirmed = next((v for v in versions if v["confirmed_by"]), None)
        if confirmed is None:
            return ENTERED
        return RELEASED if confirmed["released_at"] else CONFIRMED
    if obj.is_released:
        return RELEASED
    if obj.is_confirmed:
        return CONFIRMED
    latest = getattr(obj, "latest", None)
    if latest is None:
        latest = latest_version(obj.bloc_year_id)
    return SUPERSEDED if latest > obj.version else ENTERED


def _not_the_enterer(assessment, user):
    if user is not None and assessment.entered_by_id == user.pk:
        return (
            "Người xác nhận phải khác người nhập: bạn đã nhập phiên bản này, hãy để một người "
            "khác xác nhận."
        )
    return None


def _leading_decided(assessment, verb="xác nhận"):
    # A bloc has one leading collective: a version tied for first place (the tie its page shows)
    # never becomes the result, or no new version could settle the tie once it is confirmed.
    # Asked again on release: a tie confirmed before this rule existed is never made public.
    tie = results.compute(assessment).leading_tie
    if tie:
        names = "; ".join(c.name for c in tie)
        return (
            f"Chưa thể {verb}: chưa xác định được tập thể dẫn đầu khối ({names} bằng nhau ở "
            "vị trí thứ nhất). Mỗi khối chỉ có một tập thể dẫn đầu: cần phân định (ví dụ bỏ phiếu "
            "lại), nhập phiên bản mới rồi xác nhận phiên bản đó."
        )
    return None


def _confirmable(assessment, user):
    return _not_the_enterer(assessment, user) or _leading_decided(assessment)


def _releasable(assessment, user):
    return _leading_decided(assessment, "công bố")


@dataclass(frozen=True)
class Step:
    name: str
    slug: str
    title: str
    label: str  # verb phrase ("không thể {label} …")
    sources: tuple
    permission: str
    service: str  # function of blocs.assessments.services
    guard: Callable | None = None  # (obj, user) -> Vietnamese reason, or None
    on_version: bool = True  # acts on a version (else on the bloc-year: enter)

    def refusal(self, obj, user) -> Refusal | None:
        if not can(user, self.permission, obj):
            return Refusal("permission", explain_assessment(user, self.permission, obj))
        return self.state_refusal(obj, user)

    def state_refusal(self, obj, user=None) -> Refusal | None:
        current = state(obj)
        if current not in self.sources:
            if current in (CONFIRMED, RELEASED) and not self.on_version:
                message = (
                    f"Không thể {self.label}: kết quả bình xét của {obj} đã được xác nhận, không "
                    "thay đổi được nữa."
                )
            else:
                message = (
                    f"Không thể {self.label} khi kết quả ở trạng thái «{STATE_LABELS[current]}» "
                    f"(chỉ khi: {', '.join(f'«{STATE_LABELS[s]}»' for s in self.sources)})."
                )
            return Refusal("state", message)
        reason = self.guard(obj, user) if self.guard else None
        return Refusal("state", reason) if reason else None

    def url(self, obj):
        if not self.on_version:
            return reverse("blocs:assessment_enter", args=[obj.bloc.slug, obj.year])
        return reverse("blocs:assessment_action", args=[obj.pk, self.slug])

    def perform(self, obj, user, **arguments):
        from . import services

        return getattr(services, self.service)(obj, actor=user, **arguments)


STEPS = {
    step.name: step
    for step in [
        Step(
            "enter",
            "nhap",
            "Nhập kết quả bình xét",
            "nhập kết quả bình xét",
            (NONE, ENTERED),
            "blocs.enter_assessment",
            "enter",
            on_version=False,
        ),
        Step(
            "confirm",
            "xac-nhan",
            "Xác nhận kết quả",
            "xác nhận kết quả bình xét",
            (ENTERED,),
            "blocs.confirm_assessment",
            "confirm",
            guard=_confirmable,
        ),
        Step(
            "release",
            "cong-bo",
            "Công bố kết quả",
            "công bố kết quả bình xét",
            (CONFIRMED,),
            "blocs.release_assessment",
            "release",
            guard=_releasable,
        ),
    ]
}
BY_SLUG = {step.slug: step for step in STEPS.values() if step.on_version}


def offered(obj, user) -> list[Step]:
    """The steps `user` may take on `obj` (a version, or a bloc-year for entering) now."""
    on_version = not isinstance(obj, BlocYear)
    return [
        s for s in STEPS.values() if s.on_version == on_version and s.refusal(obj, user) is None
    ]
