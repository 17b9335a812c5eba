"""Proposals made at events, nominations (dossiers) with their log, overrides and council votes.

Workflow changes go through awards.services (one `_transition()`); the legal rules are evaluated by
awards.eligibility; who may act is in awards.permissions."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from blocs.models import Bloc, Event, event_of
from thidua.batch import BatchedValidation
from thidua.uploads import FILE_NAME_MAX_LENGTH, UploadTo, validate_document_file
from thidua.years import date_range_constraints, date_validators, year_validators
from units.models import Person, Unit

from .catalogue import AwardType
from .enums import Action, Status, VoteBase
from .rules import Rule

RECIPIENT_XOR = Q(unit__isnull=False, person__isnull=True) | Q(
    unit__isnull=True, person__isnull=False
)


RECIPIENT_XOR_MESSAGE = "Đối tượng khen thưởng là một tập thể hoặc một cá nhân (chọn đúng một)."


class RecipientMixin(models.Model):
    """A unit XOR a person, with the checks against the award type's recipient kind."""

    unit = models.ForeignKey(
        Unit,
        verbose_name="tập thể",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="%(class)ss",
    )
    person = models.ForeignKey(
        Person,
        verbose_name="cá nhân",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="%(class)ss",
    )

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.award_type} năm {self.year} – {self.recipient_name}"

    @property
    def recipient(self):
        return self.unit if self.unit_id else self.person

    @property
    def recipient_name(self) -> str:
        if self.unit_id:
            year = getattr(self, "year", None)
            return self.unit.name_in(year) if year else self.unit.name
        return str(self.person) if self.person_id else ""

    def clean_recipient(self):
        if bool(self.unit_id) == bool(self.person_id):
            raise ValidationError({"unit": RECIPIENT_XOR_MESSAGE})
        if self.award_type_id:
            kind = self.award_type
            if self.unit_id and not kind.accepts_unit():
                raise ValidationError(
                    {"unit": f"«{kind}» chỉ dành cho cá nhân, không tặng cho tập thể."}
                )
            if self.person_id and not kind.accepts_person():
                raise ValidationError(
                    {"person": f"«{kind}» chỉ dành cho tập thể, không tặng cho cá nhân."}
                )


class AwardRecord(BatchedValidation, RecipientMixin):
    """What a nomination and a granted award both record: an award type for a recipient, a year
    and the proposing bloc — with a copy of the award type's display order, so that a year's
    records can be read in display order straight from an index (a million-row table cannot be
    sorted by another table's column for every page). The copy is set on save;
    AwardType.save updates the copies when the order changes."""

    award_type = models.ForeignKey(
        AwardType,
        verbose_name="loại khen thưởng",
        on_delete=models.PROTECT,
        related_name="%(class)ss",
    )
    year = models.PositiveSmallIntegerField("năm thành tích", validators=year_validators)
    bloc = models.ForeignKey(
        Bloc,
        verbose_name="khối đề nghị",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="%(class)ss",
    )
    type_order = models.PositiveSmallIntegerField(
        "thứ tự loại khen thưởng", default=100, editable=False
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.award_type_id:
            self.type_order = self.award_type.order
            update_fields = kwargs.get("update_fields")
            if update_fields is not None and "award_type" in update_fields:
                kwargs["update_fields"] = {*update_fields, "type_order"}
        super().save(*args, **kwargs)


DUPLICATE_PROPOSAL = (
    "Sự kiện đã ghi đề xuất loại khen thưởng này cho đối tượng này; mỗi đề xuất chỉ ghi một lần."
)


class Proposal(RecipientMixin):
    """An award the bloc agreed to propose at one of its events (e.g. a year-end conference)."""

    event = models.ForeignKey(
        Event, verbose_name="sự kiện", on_delete=models.PROTECT, related_name="proposals"
    )
    award_type = models.ForeignKey(
        AwardType,
        verbose_name="loại khen thưởng",
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    note = models.TextField("ghi chú", blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "đề xuất khen thưởng tại sự kiện"
        verbose_name_plural = "đề xuất khen thưởng tại sự kiện"
        ordering = ["event", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=RECIPIENT_XOR,
                name="proposal_recipient_unit_xor_person",
                violation_error_message=RECIPIENT_XOR_MESSAGE,
            ),
            # One proposal of an award for a recipient per event (NULLs are distinct: the unit
            # constraint binds unit rows, the person constraint person rows).
            models.UniqueConstraint(
                fields=["event", "award_type", "unit"],
                name="proposal_once_per_event_unit",
                violation_error_message=DUPLICATE_PROPOSAL,
            ),
            models.UniqueConstraint(
                fields=["event", "award_type", "person"],
                name="proposal_once_per_event_person",
                violation_error_message=DUPLICATE_PROPOSAL,
            ),
        ]

    def __str__(self):
        return f"{self.award_type} – {self.recipient_name}"

    @property
    def year(self):
        return self.event.period_end if self.event_id else None

    def clean(self):
        self.clean_recipient()
        # The event may be an admin inline's parent, not saved yet: read it as set.
        event = event_of(self)
        self.check_kept_by_dossier(event)
        if event is not None and event.bloc_id and event.period_end:
            # The same rule as a bloc's dossiers (Nomination.clean, the Excel import): a bloc
            # proposes its member units of the year, or people working in one.
            event.bloc.check_recipient(
                event.period_end, unit_id=self.unit_id, person_id=self.person_id
            )

    def dossier_id(self) -> int | None:
        """The id of the dossier made from this proposal, or None: read from the row's
        `nomination` when the query joined it (the admin's inline, ProposalAdmin), else asked."""
        if self.pk is None:
            return None
        if type(self).nomination.is_cached(self):
            dossier = getattr(self, "nomination", None)
            return dossier.pk if dossier is not None else None
        return Nomination.objects.filter(proposal_id=self.pk).values_list("pk", flat=True).first()

    def check_kept_by_dossier(self, event):
        """Once a dossier is made from a proposal, the proposal keeps its award type, recipient,
        event and year (the event's «kỳ thi đua đến năm»): the event's page and the dossier
        state the same proposal. Whatever the path that validates it (the event's admin and its
        inline rows, the proposals' admin), a change is refused on its field, naming the
        dossier."""
        dossier = self.dossier_id()
        if dossier is None:
            return
        stored = (
            type(self)
            .objects.filter(pk=self.pk)
            .values("award_type_id", "unit_id", "person_id", "event_id", "event__period_end")
            .first()
        )
        if stored is None:
            return
        changed = {}
        if stored["award_type_id"] != self.award_type_id:
            changed["award_type"] = "loại khen thưởng"
        if (stored["unit_id"], stored["person_id"]) != (self.unit_id, self.person_id):
            changed["unit" if stored["unit_id"] or self.unit_id else "person"] = "đối tượng"
        if stored["event_id"] != self.event_id:
            changed["event"] = "sự kiện"
        elif event is not None and event.period_end != stored["event__period_end"]:
            changed["event"] = (
                f"năm của đề xuất («kỳ thi đua đến năm» {stored['event__period_end']} của sự kiện)"
            )
        if changed:
            raise ValidationError(
                {
                    field: f"Đề xuất đã có hồ sơ đề nghị số {dossier}: không sửa {what} của đề "
                    "xuất đã lập hồ sơ (trang sự kiện và hồ sơ phải ghi cùng một đề xuất). Nếu "
                    "đề xuất ghi sai, hãy thêm một đề xuất mới."
                    for field, what in changed.items()
                },
                code="proposal_has_dossier",
            )


# --- one live dossier per recipient, award type and year -----------------------------------------
# Not a catalogue Rule (an administrator may not switch it off): the same recipient is proposed
# once for the same award in the same year (one achievement is not rewarded twice, Luật 2022).
# A dossier the bloc withdrew or the reviewers refused no longer stands: another may be made.
# The services check it under a lock on the recipient and name the other dossier
# (awards.eligibility.duplicate_of); the database refuses whatever gets past them.
ENDED_STATES = [Status.WITHDRAWN, Status.REJECTED]
DUPLICATE_RULE = (
    "một thành tích không khen thưởng hai lần: mỗi tập thể, cá nhân chỉ có một hồ sơ cho một "
    "loại khen thưởng trong một năm"
)
LIVE_DOSSIER_MESSAGE = (
    "Đối tượng này đã có một hồ sơ khác đề nghị cùng loại khen thưởng trong cùng năm, chưa rút "
    f"và chưa có kết quả «{Status.REJECTED.label}» — {DUPLICATE_RULE}."
)
LIVE = ~Q(status__in=ENDED_STATES)
LIVE_DOSSIER_CONSTRAINTS = ("nomination_one_live_per_unit", "nomination_one_live_per_person")


NO_BLOC_MESSAGE = (
    "Chọn khối đề nghị: hồ sơ đề nghị là của một khối thi đua — cán bộ đơn vị khối trưởng của "
    "khối trong năm thành tích gửi, rút hồ sơ; hồ sơ không có khối thì không ai gửi được."
)


class NominationQuerySet(models.QuerySet):
    def with_related(self, *, event=True, award=True):
        """With what a list of dossiers shows; a list that shows no event or award leaves them
        out (seven joined tables cost PostgreSQL ~10 ms of planning on every page; five, ~1)."""
        joined = ["award_type", "unit", "person", "bloc"]
        joined += ["event"] if event else []
        joined += ["award"] if award else []
        return self.select_related(*joined).prefetch_related("unit__names")

    def pending(self):
        return self.filter(status__in=Status.pending_states())

    def for_review(self):
        return self.filter(status__in=Status.review_states())


class Nomination(AwardRecord):
    """A dossier proposing one award for one recipient and year, moving through the workflow."""

    event = models.ForeignKey(
        Event,
        verbose_name="tại sự kiện",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="nominations",
    )
    proposal = models.OneToOneField(
        Proposal,
        verbose_name="đề xuất tại sự kiện",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="nomination",
    )
    achievements = models.TextField("tóm tắt thành tích", blank=True)
    achievement_report = models.FileField(
        "báo cáo thành tích",
        max_length=FILE_NAME_MAX_LENGTH,
        upload_to=UploadTo("awards/reports/%Y/"),
        blank=True,
        validators=[validate_document_file],
    )
    bloc_votes_for = models.PositiveSmallIntegerField(
        "số phiếu đồng ý của khối", null=True, blank=True
    )
    bloc_votes_total = models.PositiveSmallIntegerField(
        "tổng số phiếu của khối", null=True, blank=True
    )
    status = models.CharField(
        "trạng thái", max_length=20, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    is_historical = models.BooleanField(
        "hồ sơ lịch sử",
        default=False,
        help_text="Hồ sơ của năm trước chế độ pháp lý hiện hành hoặc nhập từ quyết định cũ: "
        "được chấp nhận, quy định hiện hành chỉ ghi chú.",
    )
    note = models.TextField("ghi chú", blank=True)
    # Incremented by every change (edit or workflow step) and carried in every form: a form
    # loaded before any change is refused as stale, whatever changed.
    version = models.PositiveIntegerField("phiên bản", default=1, editable=False)
    # Set by the recommend step: the council's vote passed (see services.recommend).
    council_endorsed = models.BooleanField(
        "Hội đồng bỏ phiếu thông qua", default=False, editable=False
    )
    # A conflicted dossier (the reviewing body's own unit) given by an administrator to a named
    # reviewer of another unit: only that reviewer reviews and decides it.
    assigned_reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người thẩm định được giao",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người tạo",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)

    history = HistoricalRecords()
    objects = NominationQuerySet.as_manager()

    class Meta:
        verbose_name = "hồ sơ đề nghị khen thưởng"
        verbose_name_plural = "hồ sơ đề nghị khen thưởng"
        ordering = ["-year", "type_order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=RECIPIENT_XOR,
                name="nomination_recipient_unit_xor_person",
                violation_error_message=RECIPIENT_XOR_MESSAGE,
            ),
            models.CheckConstraint(
                condition=Q(bloc_votes_for__isnull=True)
                | Q(bloc_votes_total__isnull=True)
                | Q(bloc_votes_for__lte=F("bloc_votes_total")),
                name="nomination_bloc_votes_within_total",
                violation_error_message="Số phiếu đồng ý không được lớn hơn tổng số phiếu.",
            ),
            # One live dossier per recipient, award type and year (partial unique indexes: the
            # withdrawn and refused dossiers, and the other kind of recipient, are left out).
            models.UniqueConstraint(
                fields=["unit", "award_type", "year"],
                condition=Q(unit__isnull=False) & LIVE,
                name=LIVE_DOSSIER_CONSTRAINTS[0],
                violation_error_message=LIVE_DOSSIER_MESSAGE,
            ),
            models.UniqueConstraint(
                fields=["person", "award_type", "year"],
                condition=Q(person__isnull=False) & LIVE,
                name=LIVE_DOSSIER_CONSTRAINTS[1],
                violation_error_message=LIVE_DOSSIER_MESSAGE,
            ),
        ]
        indexes = [
            models.Index(fields=["year", "status"], name="nomination_year_status"),
            models.Index(fields=["status", "year"], name="nomination_status_year"),
            models.Index(fields=["award_type", "year"], name="nomination_type_year"),
            models.Index(fields=["bloc", "year"], name="nomination_bloc_year"),
            models.Index(fields=["unit", "year"], name="nomination_unit_year"),
            models.Index(fields=["person", "year"], name="nomination_person_year"),
            # The admin list's newest-first order (-year, -id).
            models.Index(fields=["year", "id"], name="nomination_year_id"),
            # The reviewer queue: by default the review states, newest year first, display order.
            models.Index(
                F("year").desc(),
                "type_order",
                "id",
                condition=Q(status__in=Status.review_states()),
                name="nomination_queue_order",
            ),
            models.Index(
                "status", F("year").desc(), "type_order", "id", name="nomination_status_order"
            ),
        ]

    def get_constraints(self):
        """The constraints full_clean validates: not the one-live-dossier ones, which the
        services check under the recipient's lock with a message naming the other dossier
        (validated here too they would cost a query per row and answer first, less clearly)."""
        return [
            (model, [c for c in constraints if c.name not in LIVE_DOSSIER_CONSTRAINTS])
            for model, constraints in super().get_constraints()
        ]

    def clean(self):
        self.clean_recipient()
        if not self.bloc_id:
            # The field is optional on the records the dossier shares it with (a past award may
            # name no bloc); a dossier is the bloc's: its leader unit's staff send and withdraw it.
            raise ValidationError({"bloc": NO_BLOC_MESSAGE}, code="bloc_required")
        if (
            self.bloc_votes_for is not None
            and self.bloc_votes_total is not None
            and self.bloc_votes_for > self.bloc_votes_total
        ):
            raise ValidationError(
                {"bloc_votes_for": "Số phiếu đồng ý không được lớn hơn tổng số phiếu của khối."}
            )
        if self.event_id and self.bloc_id and self.event.bloc_id != self.bloc_id:
            raise ValidationError({"event": "Sự kiện phải là sự kiện của khối đề nghị."})
        self.check_same_as_proposal()
        if self.bloc_id and self.year:
            self.bloc.check_year(self.year)
            self.bloc.check_recipient(self.year, unit_id=self.unit_id, person_id=self.person_id)

    def check_same_as_proposal(self):
        """A dossier made from a proposal states that proposal: its event, award type, recipient
        and year (the event's «kỳ thi đua đến năm») — the other half of
        Proposal.check_kept_by_dossier. Whatever the path that validates it (the bloc's edit
        page, the admin's change page and its history revert), a dossier that would name
        something else than its proposal is refused on the field, naming the proposal."""
        proposal = self.proposal if self.proposal_id else None
        if proposal is None:
            return
        changed = {}
        if proposal.award_type_id != self.award_type_id:
            changed["award_type"] = f"loại khen thưởng «{proposal.award_type}»"
        if (proposal.unit_id, proposal.person_id) != (self.unit_id, self.person_id):
            field = "unit" if proposal.unit_id or self.unit_id else "person"
            changed[field] = f"đối tượng «{proposal.recipient_name}»"
        if proposal.event_id != self.event_id:
            changed["event"] = f"sự kiện «{proposal.event}»"
        if proposal.event.period_end != self.year:
            changed["year"] = f"năm {proposal.event.period_end}"
        if changed:
            raise ValidationError(
                {
                    field: f"Hồ sơ lập từ đề xuất «{proposal}» tại sự kiện «{proposal.event}» "
                    f"phải ghi đúng {what} của đề xuất (trang sự kiện và hồ sơ ghi cùng một đề "
                    "xuất). Để đề nghị khác, hãy rút hồ sơ này và lập hồ sơ mới."
                    for field, what in changed.items()
                },
                code="proposal_mismatch",
            )

    @property
    def status_label(self) -> str:
        """The status named for what happened: a recommendation is the council's only when its
        vote passed."""
        if self.status == Status.RECOMMENDED:
            if self.council_endorsed:
                return "Hội đồng đề nghị khen thưởng"
            return "Đã đề nghị khen thưởng (chưa có phiếu Hội đồng thông qua)"
        return self.get_status_display()

    @property
    def is_editable(self) -> bool:
        return self.status in Status.editable_states()

    @property
    def is_final(self) -> bool:
        return self.status in Status.final_states()


class Transition(models.Model):
    """The action log of a nomination: every workflow step with who, when and why."""

    nomination = models.ForeignKey(
        Nomination, verbose_name="hồ sơ", on_delete=models.PROTECT, related_name="transitions"
    )
    action = models.CharField("thao tác", max_length=30, choices=Action.choices)
    from_status = models.CharField(
        "từ trạng thái", max_length=20, choices=Status.choices, blank=True
    )
    to_status = models.CharField("sang trạng thái", max_length=20, choices=Status.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người thực hiện",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField("thời điểm", validators=date_validators)
    reason = models.TextField("lý do / ghi chú", blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "bước xử lý hồ sơ"
        verbose_name_plural = "nhật ký xử lý hồ sơ"
        ordering = ["nomination", "at", "pk"]
        indexes = [
            models.Index(fields=["nomination", "at"], name="transition_nomination_at"),
            # The admin's newest-first list of every workflow step.
            models.Index(fields=["-at", "-id"], name="transition_at_order"),
        ]

    def __str__(self):
        return f"{self.get_from_status_display() or '–'} → {self.get_to_status_display()}"


class Override(models.Model):
    """An administrator's recorded exception to one rule for one nomination, shown on the record."""

    nomination = models.ForeignKey(
        Nomination, verbose_name="hồ sơ", on_delete=models.PROTECT, related_name="overrides"
    )
    rule = models.ForeignKey(
        Rule, verbose_name="quy định", on_delete=models.PROTECT, related_name="overrides"
    )
    reason = models.TextField("lý do")
    document_number = models.CharField(
        "số văn bản cho phép",
        max_length=100,
        default="",
        help_text="Văn bản của cấp có thẩm quyền cho phép ngoại lệ, ví dụ 123/QĐ-BKHCN.",
    )
    document_date = models.DateField("ngày văn bản cho phép", null=True, validators=date_validators)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người quyết định",
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField("thời điểm", auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "ngoại lệ quy định"
        verbose_name_plural = "ngoại lệ quy định"
        ordering = ["nomination", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["nomination", "rule"],
                name="override_once_per_rule",
                violation_error_message="Hồ sơ này đã có ngoại lệ cho quy định đó.",
            ),
            *date_range_constraints("override", "document_date"),
        ]

    def __str__(self):
        return f"Ngoại lệ «{self.rule}» – {self.nomination}"

    @property
    def document_label(self) -> str:
        if not self.document_number:
            return ""
        day = f" ngày {self.document_date:%d/%m/%Y}" if self.document_date else ""
        return f"văn bản số {self.document_number}{day}"

    def clean(self):
        errors = {}
        if not (self.reason or "").strip():
            errors["reason"] = "Cần ghi lý do khi ghi ngoại lệ quy định."
        if not (self.document_number or "").strip():
            errors["document_number"] = "Cần ghi số văn bản cho phép ngoại lệ."
        if self.document_date is None:
            errors["document_date"] = "Cần ghi ngày của văn bản cho phép ngoại lệ."
        if errors:
            raise ValidationError(errors)


class CouncilVote(models.Model):
    """The secret ballot of the ministry's Emulation and Commendation Council on a nomination."""

    nomination = models.ForeignKey(
        Nomination, verbose_name="hồ sơ", on_delete=models.PROTECT, related_name="council_votes"
    )
    held_on = models.DateField("ngày họp", validators=date_validators)
    votes_for = models.PositiveSmallIntegerField("số phiếu đồng ý")
    votes_against = models.PositiveSmallIntegerField("số phiếu không đồng ý", default=0)
    present = models.PositiveSmallIntegerField("số thành viên có mặt")
    council_size = models.PositiveSmallIntegerField("tổng số thành viên Hội đồng")
    note = models.TextField("ghi chú", blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người ghi",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField("ghi lúc", auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "kết quả bỏ phiếu Hội đồng"
        verbose_name_plural = "kết quả bỏ phiếu Hội đồng"
        ordering = ["nomination", "-held_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(present__lte=F("council_size")),
                name="council_vote_present_within_size",
                violation_error_message="Số thành viên có mặt không được lớn hơn tổng số thành viên.",
            ),
            models.CheckConstraint(
                condition=Q(present__gte=F("votes_for") + F("votes_against")),
                name="council_vote_ballots_within_present",
                violation_error_message="Tổng số phiếu không được lớn hơn số thành viên có mặt.",
            ),
            models.CheckConstraint(
                condition=Q(council_size__gt=0),
                name="council_vote_size_positive",
                violation_error_message="Hội đồng phải có ít nhất một thành viên.",
            ),
            *date_range_constraints("council_vote", "held_on"),
        ]

    def __str__(self):
        return f"{self.votes_for}/{self.council_size} phiếu đồng ý ({self.held_on:%d/%m/%Y})"

    def clean(self):
        if (
            self.council_size is not None
            and self.present is not None
            and self.present > self.council_size
        ):
            raise ValidationError(
                {"present": "Số thành viên có mặt không được lớn hơn tổng số thành viên Hội đồng."}
            )
        if None not in (self.votes_for, self.votes_against, self.present) and (
            self.votes_for + self.votes_against > self.present
        ):
            raise ValidationError(
                {"votes_for": "Tổng số phiếu đồng ý và không đồng ý vượt số thành viên có mặt."}
            )
        if self.council_size == 0:
            raise ValidationError({"council_size": "Hội đồng phải có ít nhất một thành viên."})
        self.check_before_decision()

    def check_before_decision(self):
        """The council votes before the decision that grants the nomination, never after."""
        if not self.held_on or not self.nomination_id:
            return
        # `award`: decisions.Award.nomination (the dossier module does not import decisions).
        award = (
            type(self.nomination)
            .objects.filter(pk=self.nomination_id)
            .values_list("award__decision__document__issued_on", flat=True)
        )
        issued_on = award.first()
        if issued_on and self.held_on > issued_on:
            raise ValidationError(
                {
                    "held_on": f"Ngày họp {self.held_on:%d/%m/%Y} sau ngày quyết định khen "
                    f"thưởng {issued_on:%d/%m/%Y}: Hội đồng phải họp trước khi có quyết định."
                }
            )

    def base(self, vote_base) -> int:
        return self.present if vote_base == VoteBase.PRESENT else self.council_size

    def percent(self, vote_base=VoteBase.COUNCIL_SIZE):
        base = self.base(vote_base)
        return (self.votes_for * 100 / base) if base else 0

    def passes(self, threshold_percent, vote_base=VoteBase.COUNCIL_SIZE) -> bool:
        """At least `threshold_percent` % of the base voted for (exact arithmetic, no rounding)."""
        return self.votes_for * 100 >= threshold_percent * self.base(vote_base)
