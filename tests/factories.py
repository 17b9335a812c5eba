"""factory-boy factories for every model; tests build their data here."""

import datetime

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
    issued_on = datetime.date(2021, 11, 29)
    issuer = "Bộ Khoa học và Công nghệ"


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    bloc = factory.SubFactory(BlocFactory)
    kind = EventKind.SUMMARY
    title = factory.Sequence(lambda n: f"Hội nghị tổng kết thi đua số {n}")
    period_start = 2021
    period_end = 2021
    held_on = datetime.date(2021, 12, 24)
    is_published = True
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))


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
