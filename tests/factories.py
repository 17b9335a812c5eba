"""factory-boy factories for every model; tests build their data here."""

import datetime
import io

import factory
from django.contrib.auth.models import Group
from django.utils import timezone

from blocs.models import Bloc, BlocYear, Document, DocumentKind, Event, EventKind, Membership, Role
from units.models import Person, Position, Unit, UnitKind, UnitName, User

# --- units -------------------------------------------------------------------------------------


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    name = factory.Sequence(lambda n: f"Cục Thử nghiệm Số {n}")
    kind = UnitKind.DEPARTMENT
    slug = factory.Sequence(lambda n: f"cuc-thu-nghiem-{n}")


class MinistryFactory(UnitFactory):
    name = factory.Sequence(lambda n: f"Bộ Thử nghiệm {n}")
    kind = UnitKind.MINISTRY
    slug = factory.Sequence(lambda n: f"bo-thu-nghiem-{n}")


class UnitNameFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = UnitName

    unit = factory.SubFactory(UnitFactory)
    name = factory.Sequence(lambda n: f"Tên cũ {n}")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    full_name = factory.Sequence(lambda n: f"Nguyễn Văn Thử {n}")
    slug = factory.Sequence(lambda n: f"nguyen-van-thu-{n}")


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position

    person = factory.SubFactory(PersonFactory)
    unit = factory.SubFactory(UnitFactory)
    title = "Chuyên viên"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", "mat-khau-thu-nghiem")
    is_staff = True

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        """UserFactory(roles=[thidua.roles.REVIEWER]) puts the user in those role groups."""
        if create and extracted:
            self.groups.add(*[Group.objects.get_or_create(name=name)[0] for name in extracted])
        if create:
            self.save()


# --- blocs -------------------------------------------------------------------------------------


class BlocFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Bloc

    name = factory.Sequence(lambda n: f"Khối thi đua Thử nghiệm {n}")
    slug = factory.Sequence(lambda n: f"khoi-thu-nghiem-{n}")
    organiser = factory.SubFactory(MinistryFactory)


class BlocYearFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BlocYear

    bloc = factory.SubFactory(BlocFactory)
    year = 2021


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    bloc_year = factory.SubFactory(BlocYearFactory)
    unit = factory.SubFactory(UnitFactory)
    role = Role.MEMBER


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    kind = DocumentKind.OFFICIAL_LETTER
    number = factory.Sequence(lambda n: f"{n}/BKHCN-TĐKT")
    issued_on = datetime.date(2026, 1, 5)
    issuer = "Bộ Khoa học và Công nghệ"


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    bloc = factory.SubFactory(BlocFactory)
    kind = EventKind.SUMMARY
    title = factory.Sequence(lambda n: f"Hội nghị tổng kết thi đua số {n}")
    period_start = 2021
    period_end = 2021
    is_published = True
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))

    @factory.lazy_attribute
    def held_on(self):
        """24/12/2021, or the latest day before it free of the bloc's events of this kind (one
        event of a kind per bloc per day, blocs.models.events)."""
        day = datetime.date(2021, 12, 24)
        if self.bloc.pk is None or self.kind == EventKind.OTHER:
            return day
        taken = set(
            Event.objects.filter(bloc=self.bloc, kind=self.kind).values_list("held_on", flat=True)
        )
        while day in taken:
            day -= datetime.timedelta(days=1)
        return day


# --- registry ----------------------------------------------------------------------------------


def registry_dataset(n: int, year: int = 2021):
    """n blocs in `year`, each with a leader (and representative), a deputy and two members whose
    units have a former name, a parent, a position; used to show page query counts stay constant.
    """
    organiser = MinistryFactory()
    blocs = []
    for _ in range(n):
        bloc_year = BlocYearFactory(bloc=BlocFactory(organiser=organiser), year=year)
        for role in [Role.LEADER, Role.DEPUTY, Role.MEMBER, Role.MEMBER]:
            unit = UnitFactory(parent=organiser)
            UnitNameFactory(unit=unit, valid_until=year)
            person = PositionFactory(unit=unit).person
            MembershipFactory(
                bloc_year=bloc_year,
                unit=unit,
                role=role,
                representative=person if role == Role.LEADER else None,
            )
        blocs.append(bloc_year.bloc)
    return blocs


# --- events (attendance, reports, narrative, movements, elections, pledges) ---------------------

from blocs.models import (  # noqa: E402
    Attendance,
    AttendanceKind,
    Election,
    EventMovement,
    Figure,
    Movement,
    MovementKind,
    Pledge,
    Report,
    Section,
    SectionKind,
)


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    event = factory.SubFactory(EventFactory)
    kind = AttendanceKind.GUEST
    person = factory.SubFactory(PersonFactory)
    title = "Phó Vụ trưởng Vụ Thi đua - Khen thưởng"
    order = factory.Sequence(int)


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Report

    event = factory.SubFactory(EventFactory)
    presenter = factory.SubFactory(PersonFactory)
    presenter_title = "Cục trưởng"
    title = "Báo cáo tổng kết công tác thi đua"


class FigureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Figure

    event = factory.SubFactory(EventFactory)
    value = 8
    label = "văn bản cấp Chính phủ được soạn thảo và trình ban hành"
    order = factory.Sequence(int)


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    event = factory.SubFactory(EventFactory)
    kind = SectionKind.RESULTS
    text = factory.Sequence(lambda n: f"Kết quả thử nghiệm số {n}.")
    order = factory.Sequence(int)


class MovementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Movement

    name = factory.Sequence(lambda n: f"Phong trào thử nghiệm {n}")
    kind = MovementKind.MOVEMENT


class EventMovementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventMovement

    event = factory.SubFactory(EventFactory)
    movement = factory.SubFactory(MovementFactory)


class ElectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Election

    event = factory.SubFactory(EventFactory)
    year = 2022
    unit = factory.SubFactory(UnitFactory)
    role = Role.LEADER


class PledgeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pledge

    bloc = factory.SubFactory(BlocFactory)
    year = 2022


# --- awards ------------------------------------------------------------------------------------
# The catalogue and the legal rules are loaded by a data migration; AwardTypeFactory(slug=...)
# returns the catalogue row when it exists.

from awards.models import (  # noqa: E402
    Award,
    AwardType,
    CouncilVote,
    Decision,
    DecisionKind,
    LegalRegime,
    Nomination,
    Override,
    Proposal,
    Rule,
    RuleKind,
    Status,
    Transition,
)


def award_type(slug):
    """The catalogue's award type with this slug (loaded by the awards data migration)."""
    return AwardType.objects.get(slug=slug)


class AwardTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AwardType
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Danh hiệu thử nghiệm {n}")
    slug = factory.Sequence(lambda n: f"danh-hieu-thu-nghiem-{n}")
    category = "danh_hieu"
    level = "bo"
    recipient_kind = "both"
    conferrer = "Bộ trưởng Bộ Khoa học và Công nghệ"


class LegalRegimeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LegalRegime

    name = factory.Sequence(lambda n: f"Chế độ thử nghiệm {n}")
    code = factory.Sequence(lambda n: f"che-do-thu-nghiem-{n}")
    law = "Luật thử nghiệm"
    valid_from = datetime.date(2000, 1, 1)


class RuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Rule
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"quy-dinh-thu-nghiem-{n}")
    name = factory.Sequence(lambda n: f"Quy định thử nghiệm {n}")
    kind = RuleKind.QUOTA_PER_BLOC
    count = 1
    legal_document = "Văn bản thử nghiệm"
    article = "Điều 1"
    valid_from = datetime.date(2000, 1, 1)

    @factory.post_generation
    def required(self, create, extracted, **kwargs):
        """RuleFactory(required=[award_type, ...]) sets the required award types."""
        if create and extracted:
            self.required_award_types.set(extracted)


class ProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Proposal

    event = factory.SubFactory(EventFactory)
    award_type = factory.LazyFunction(lambda: award_type("co-thi-dua-bo"))
    unit = factory.SubFactory(UnitFactory)


class NominationFactory(factory.django.DjangoModelFactory):
    """A nomination in any state (status set directly: tests of the workflow use the services)."""

    class Meta:
        model = Nomination

    award_type = factory.LazyFunction(lambda: award_type("co-thi-dua-bo"))
    year = 2021
    unit = factory.SubFactory(UnitFactory)
    bloc = factory.SubFactory(BlocFactory)
    achievements = "Hoàn thành xuất sắc nhiệm vụ được giao."
    status = Status.DRAFT


class TransitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Transition

    nomination = factory.SubFactory(NominationFactory)
    action = "submit"
    from_status = Status.DRAFT
    to_status = Status.SUBMITTED
    at = factory.LazyFunction(timezone.now)


class CouncilVoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CouncilVote

    nomination = factory.SubFactory(NominationFactory)
    held_on = datetime.date(2022, 1, 15)
    votes_for = 9
    votes_against = 1
    present = 10
    council_size = 10


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    document = factory.SubFactory(
        DocumentFactory,
        kind=DocumentKind.DECISION,
        number=factory.Sequence(lambda n: f"{n}/QĐ-BKHCN"),
    )
    kind = DecisionKind.GRANT
    signer_name = "Bộ trưởng"
    signer_title = "Bộ trưởng Bộ Khoa học và Công nghệ"


class AwardFactory(factory.django.DjangoModelFactory):
    """An award entered from a past decision (no nomination): historical, with its source."""

    class Meta:
        model = Award

    award_type = factory.LazyFunction(lambda: award_type("co-thi-dua-bo"))
    year = 2021
    unit = factory.SubFactory(UnitFactory)
    decision = factory.SubFactory(DecisionFactory)
    is_historical = factory.LazyAttribute(lambda award: award.nomination is None)
    source = factory.LazyAttribute(
        lambda award: "" if award.nomination else "Bản lưu quyết định tại Vụ TĐKT"
    )
    nomination = None


class OverrideFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Override

    nomination = factory.SubFactory(NominationFactory)
    rule = factory.LazyFunction(lambda: Rule.objects.order_by("pk").first())
    reason = "Trường hợp đặc biệt được Hội đồng chấp thuận."
    document_number = "15/QĐ-BKHCN"
    document_date = datetime.date(2026, 1, 5)
    created_by = factory.SubFactory(UserFactory)


# --- synthetic data (manage.py generate_data) at a test's size -----------------------------------


def synthetic_dataset(scale, *, units, blocs, years, events, people, organisers=2):
    """Runs `generate_data` quietly with these sizes (a few dozen rows of each kind)."""
    from django.core.management import call_command

    call_command(
        "generate_data",
        f"--scale={scale}",
        f"--units={units}",
        f"--organisers={organisers}",
        f"--blocs={blocs}",
        f"--years={years}",
        f"--events={events}",
        f"--people={people}",
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )


# --- bloc assessment ------------------------------------------------------------------------------


class CriteriaSheetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "blocs.CriteriaSheet"

    bloc_year = factory.SubFactory(BlocYearFactory)


class CriteriaGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "blocs.CriteriaGroup"

    sheet = factory.SubFactory(CriteriaSheetFactory)
    name = factory.Sequence(lambda n: f"Nhóm tiêu chí {n}")
    order = factory.Sequence(lambda n: n)


class CriteriaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "blocs.CriteriaItem"

    group = factory.SubFactory(CriteriaGroupFactory)
    sheet = factory.LazyAttribute(lambda o: o.group.sheet)
    name = factory.Sequence(lambda n: f"Tiêu chí số {n}")
    order = factory.Sequence(lambda n: n)
    max_points = 10


def assessment_world(members=3, items=4, *, year=2024, groups=2):
    """A bloc-year with `members` units (the first leads) and a criteria sheet of `items` items
    in `groups` groups; returns (bloc_year, [units], [items])."""
    bloc_year = BlocYearFactory(year=year)
    units = []
    for n in range(members):
        unit = UnitFactory()
        MembershipFactory(
            bloc_year=bloc_year, unit=unit, role=Role.LEADER if n == 0 else Role.MEMBER, order=n
        )
        units.append(unit)
    sheet = CriteriaSheetFactory(bloc_year=bloc_year)
    made = [CriteriaGroupFactory(sheet=sheet, order=g) for g in range(groups)]
    criteria = [CriteriaItemFactory(group=made[i % groups], order=i) for i in range(items)]
    return bloc_year, units, criteria
