"""Read queries over blocs and memberships, for pages and for the other apps."""

from dataclasses import dataclass, field

from django.db.models import (
    Case,
    Count,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Subquery,
    Value,
    When,
)

from units.queries import former_names, unit_url_maker

from .models import ROLE_ORDER, Bloc, BlocYear, Event, Membership, Role


def holder(bloc, year, role=Role.LEADER):
    """The membership holding `role` (leader by default) of `bloc` in `year`, or None."""
    return (
        Membership.objects.filter(bloc_year__bloc=bloc, year=year, role=role)
        .select_related("unit", "representative")
        .first()
    )


def is_leader_unit(unit_id, bloc_id, year) -> bool:
    return Membership.objects.filter(
        unit_id=unit_id, bloc_year__bloc_id=bloc_id, year=year, role=Role.LEADER
    ).exists()


def blocs_led_by(unit_id, year=None):
    """Memberships in which `unit_id` leads a bloc (in `year`, or every year)."""
    qs = Membership.objects.filter(unit_id=unit_id, role=Role.LEADER).select_related(
        "bloc_year__bloc"
    )
    return qs.filter(year=year) if year is not None else qs


def leading_unit_ids(year, organiser_id=None) -> set:
    """Units that lead a bloc in `year` (optionally only blocs of one organiser)."""
    qs = Membership.objects.filter(year=year, role=Role.LEADER)
    if organiser_id is not None:
        qs = qs.filter(organiser_id=organiser_id)
    return set(qs.values_list("unit_id", flat=True))


# ---------------------------------------------------------------------------------------------
# Public registry pages: every function runs a constant number of queries.
# ---------------------------------------------------------------------------------------------


@dataclass
class Member:
    membership: Membership
    name: str  # the name the unit bore that year
    url: str = ""  # the unit's page

    def __post_init__(self):
        self.url = self.url or self.membership.unit.get_absolute_url()
        self.role_label = Role(self.membership.role).label

    @property
    def unit(self):
        return self.membership.unit

    @property
    def role(self):
        return self.membership.role

    @property
    def representative(self):
        return self.membership.representative


@dataclass
class Roster:
    """A bloc-year ready for display: leader, deputy, the other members and the count."""

    bloc_year: BlocYear
    members: list = field(default_factory=list)

    @property
    def bloc(self):
        return self.bloc_year.bloc

    @property
    def year(self):
        return self.bloc_year.year

    @property
    def leader(self):
        return next((m for m in self.members if m.role == Role.LEADER), None)

    @property
    def deputy(self):
        return next((m for m in self.members if m.role == Role.DEPUTY), None)

    @property
    def ordinary_members(self):
        return [m for m in self.members if m.role == Role.MEMBER]

    @property
    def named_count(self) -> int:
        """Members recorded by name (counted in the database when only some were loaded)."""
        return getattr(self.bloc_year, "named_count", len(self.members))

    @property
    def count(self) -> int:
        declared = self.bloc_year.member_count
        return declared if declared is not None else self.named_count

    @property
    def unnamed_count(self) -> int:
        """Members known only through the declared count."""
        return max(self.count - self.named_count, 0)


def _ordered_memberships():
    rank = Case(
        *[When(role=role, then=Value(order)) for role, order in ROLE_ORDER.items()],
        default=Value(9),
        output_field=IntegerField(),
    )
    return (
        Membership.objects.select_related("unit", "representative")
        .only(
            *["bloc_year_id", "unit_id", "role", "representative_id", "year"],
            *["unit__name", "unit__slug", "representative__full_name", "representative__slug"],
        )
        .annotate(role_rank=rank)
        .order_by("role_rank", "unit__name")
    )


def _rosters(bloc_years, roles=None) -> list[Roster]:
    """Rosters of `bloc_years`; with `roles`, only members of those roles are loaded (and the
    named members are counted in the database instead)."""
    memberships = _ordered_memberships()
    if roles is not None:
        memberships = memberships.filter(role__in=roles)
        bloc_years = bloc_years.annotate(named_count=Count("memberships"))
    names = former_names(
        memberships.filter(bloc_year__in=bloc_years.values("pk")).values("unit_id")
    )
    bloc_years = bloc_years.select_related("bloc").prefetch_related(
        Prefetch("memberships", queryset=memberships, to_attr="ordered_members")
    )
    unit_url = unit_url_maker()
    return [
        Roster(
            by,
            [
                Member(m, m.unit.name_in(by.year, names[m.unit_id]), unit_url(m.unit.slug))
                for m in by.ordered_members
            ],
        )
        for by in bloc_years
    ]


def years() -> list[int]:
    """Every year with a bloc on record or a published event (any year of its period), newest
    first: one query for both."""
    spans = (
        BlocYear.objects.order_by()
        .values_list("year", "year")
        .union(Event.objects.published().order_by().values_list("period_start", "period_end"))
    )
    found = set()
    for start, end in spans:
        found.update(range(start, end + 1))
    return sorted(found, reverse=True)


def year_index(year: int) -> list[BlocYear]:
    """The bloc-years of `year` by bloc name, with only the bloc's name and slug: the year page's
    table of contents and the list it is paginated over (one light query, no COUNT)."""
    return list(
        BlocYear.objects.filter(year=year)
        .select_related("bloc")
        .only("year", "bloc__name", "bloc__slug")
        .order_by("bloc__name")
    )


def rosters_of(bloc_years) -> list[Roster]:
    """Full rosters of the given bloc-years (e.g. one page of the year), by bloc name."""
    ids = [by.pk for by in bloc_years]
    return _rosters(BlocYear.objects.filter(pk__in=ids).order_by("bloc__name"))


def latest_leaders(limit: int | None = None) -> list[Roster]:
    """Each bloc's most recent year on record (newest first) with only its leader and deputy
    loaded, and its member count: the home page's summary (the first `limit` blocs)."""
    latest = BlocYear.objects.filter(bloc=OuterRef("bloc")).order_by("-year").values("year")[:1]
    bloc_years = BlocYear.objects.filter(year=Subquery(latest)).order_by("-year", "bloc__name")
    if limit is not None:
        bloc_years = BlocYear.objects.filter(pk__in=bloc_years.values("pk")[:limit]).order_by(
            "-year", "bloc__name"
        )
    return _rosters(bloc_years, roles=[Role.LEADER, Role.DEPUTY])


def bloc_list():
    """Every bloc with its organiser and the span of years on record."""
    return (
        Bloc.objects.select_related("organiser")
        .only("name", "slug", "first_year", "last_year", "organiser__name", "organiser__slug")
        .annotate(
            first_recorded=Min("years__year"),
            last_recorded=Max("years__year"),
            recorded_years=Count("years"),
        )
        .order_by("name")
    )


def bloc_detail(slug: str) -> tuple[Bloc, list[Roster]]:
    """The bloc (404-able `Bloc.DoesNotExist`) and its rosters, newest year first."""
    bloc = Bloc.objects.select_related("organiser").get(slug=slug)
    return bloc, _rosters(BlocYear.objects.filter(bloc=bloc).order_by("-year"))


def memberships_of_unit(unit) -> list[Member]:
    """The unit's memberships, newest year first, each under the name the unit bore that year."""
    qs = (
        Membership.objects.filter(unit=unit)
        .select_related("bloc_year__bloc", "representative")
        .order_by("-year", "bloc_year__bloc__name")
    )
    url = unit.get_absolute_url()
    members = []
    for m in qs:
        m.unit = unit  # already loaded, with its names
        members.append(Member(m, unit.name_in(m.year), url))
    return members


def represented_by(person) -> list[Member]:
    """Memberships in which `person` represented the unit (e.g. the leader unit's head)."""
    qs = (
        Membership.objects.filter(representative=person)
        .select_related("bloc_year__bloc", "unit")
        .prefetch_related("unit__names")
        .order_by("-year")
    )
    return [Member(m, m.unit.name_in(m.year)) for m in qs]


def search_blocs(query: str, limit: int):
    qs = Bloc.objects.search(query).order_by("name")
    return list(qs[:limit]), qs.count()
