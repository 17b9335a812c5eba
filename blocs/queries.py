"""Read queries over blocs and memberships, for pages and for the other apps."""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db.models import (
    Case,
    Count,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.urls import reverse

from thidua.cache import public_version
from thidua.collation import vi_order
from units.queries import former_names, name_in_year, unit_url_maker

from .models import (
    ROLE_ORDER,
    Bloc,
    BlocName,
    BlocYear,
    Document,
    Event,
    LeadingUnit,
    Membership,
    Role,
    member_count,
)


def bloc_name_in_year(year, bloc_ref="bloc"):
    """An expression: the name the row's bloc bore in `year` (a BlocName covering it, else the
    current name), read in the same query."""
    return name_in_year(BlocName, "bloc", bloc_ref, year)


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

    @property
    def representative_title(self):
        return self.membership.representative_title


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
    def bloc_name(self) -> str:
        """The bloc's name in the roster's year (bloc names prefetched by _rosters)."""
        return self.bloc.name_in(self.year)

    @property
    def renamed(self) -> bool:
        return self.bloc_name != self.bloc.name

    @property
    def leader(self):
        return next((m for m in self.members if m.role == Role.LEADER), None)

    @property
    def deputy(self):
        return next((m for m in self.members if m.role == Role.DEPUTY), None)

    @property
    def leading(self):
        """The members recorded as leading the bloc's emulation that year (not the chair)."""
        return [
            m for m in self.members if getattr(m.membership, "leading_source", None) is not None
        ]

    @property
    def ordinary_members(self):
        return [m for m in self.members if m.role == Role.MEMBER]

    @property
    def named_count(self) -> int:
        """Members recorded by name (counted in the database when only some were loaded)."""
        return getattr(self.bloc_year, "named_count", len(self.members))

    @property
    def count(self) -> int:
        return member_count(self.bloc_year.member_count, self.named_count)

    @property
    def unnamed_count(self) -> int:
        """Members known only through the declared count."""
        return max(self.count - self.named_count, 0)


def _leading_source():
    """The source of the member's LeadingUnit record ("" when none given), None if it did not
    lead: read with the membership, no query of its own."""
    leading = LeadingUnit.objects.filter(
        # A row set by a bloc assessment is public only once the assessment is released.
        Q(assessment__isnull=True) | Q(assessment__released_at__isnull=False),
        bloc_year=OuterRef("bloc_year"),
        unit=OuterRef("unit"),
    )
    return Subquery(leading.values("source")[:1])


def _ordered_memberships():
    rank = Case(
        *[When(role=role, then=Value(order)) for role, order in ROLE_ORDER.items()],
        default=Value(9),
        output_field=IntegerField(),
    )
    return (
        Membership.objects.select_related("unit", "representative")
        .only(
            *["bloc_year_id", "unit_id", "role", "representative_id", "year", "order"],
            "representative_title",
            *["unit__name", "unit__slug", "representative__full_name", "representative__slug"],
        )
        .annotate(role_rank=rank, leading_source=_leading_source())
        # The order the source gives; within it (rows left at 0), leader, deputy, then names.
        .order_by("order", "role_rank", vi_order("unit__name"), "pk")
    )


def _rosters(bloc_years, roles=None, bloc=None) -> list[Roster]:
    """Rosters of `bloc_years`; with `roles`, only members of those roles are loaded (and the
    named members are counted in the database instead). `bloc`: the one bloc of them all, already
    loaded with its names."""
    memberships = _ordered_memberships()
    if roles is not None:
        memberships = memberships.filter(role__in=roles)
        bloc_years = bloc_years.annotate(named_count=Count("memberships"))
    names = former_names(
        memberships.filter(bloc_year__in=bloc_years.values("pk")).values("unit_id")
    )
    members = Prefetch("memberships", queryset=memberships, to_attr="ordered_members")
    if bloc is None:
        bloc_years = bloc_years.select_related("bloc").prefetch_related(members, "bloc__names")
    else:
        bloc_years = bloc_years.prefetch_related(members)
        for by in bloc_years:
            by.bloc = bloc
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
    """Every year with a bloc on record or a published event (any year of its period, and the
    year it was held), newest first. Every public page's navigation reads it and it scans every
    bloc-year and event, so it is kept in the cache under the public content version (replaced
    by any change, thidua.cache) and for the page cache's lifetime (an event's publication time
    may be reached meanwhile)."""
    key = f"thidua:years:{public_version()}"
    return cache.get_or_set(key, _years, timeout=settings.PAGE_CACHE_SECONDS)


def _years() -> list[int]:
    spans = (
        BlocYear.objects.order_by()
        .values_list("year", "year", "year")
        .union(
            Event.objects.published()
            .order_by()
            .values_list("period_start", "period_end", "held_on__year")
        )
    )
    found = set()
    for start, end, held in spans:
        found.update(range(start, end + 1))
        found.add(held)
    return sorted(found, reverse=True)


def year_index(year: int) -> list[BlocYear]:
    """The bloc-years of `year` by bloc name, with only the bloc's name and slug: the year page's
    table of contents and the list it is paginated over (one light query, no COUNT)."""
    return list(
        BlocYear.objects.filter(year=year)
        .select_related("bloc")
        .only("year", "bloc__name", "bloc__slug")
        .annotate(bloc_name=bloc_name_in_year(year))
        .order_by(vi_order("bloc_name"), "pk")
    )


def rosters_of(bloc_years) -> list[Roster]:
    """Full rosters of the given bloc-years (e.g. one page of the year), by bloc name."""
    ids = [by.pk for by in bloc_years]
    rank = {pk: i for i, pk in enumerate(ids)}
    return sorted(_rosters(BlocYear.objects.filter(pk__in=ids)), key=lambda r: rank[r.bloc_year.pk])


def latest_leaders(limit: int | None = None) -> list[Roster]:
    """Each bloc's most recent year on record (newest first) with only its leader and deputy
    loaded, and its member count: the home page's summary (the first `limit` blocs)."""
    # Looked up once per bloc (along the bloc-year index), not once per bloc-year.
    latest = BlocYear.objects.filter(bloc=OuterRef("pk")).order_by("-year").values("pk")[:1]
    latest_ids = Bloc.objects.annotate(latest=Subquery(latest)).values("latest")
    order = ["-year", vi_order("bloc__name"), "pk"]
    bloc_years = BlocYear.objects.filter(pk__in=latest_ids).order_by(*order)
    if limit is not None:
        bloc_years = BlocYear.objects.filter(pk__in=bloc_years.values("pk")[:limit]).order_by(
            *order
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
        .order_by(vi_order("name"), "pk")
    )


def bloc_detail(slug: str) -> tuple[Bloc, list[Roster]]:
    """The bloc (404-able `Bloc.DoesNotExist`) and its rosters, newest year first."""
    bloc = Bloc.objects.select_related("organiser").prefetch_related("names").get(slug=slug)
    return bloc, _rosters(BlocYear.objects.filter(bloc=bloc).order_by("-year"), bloc=bloc)


def memberships_of_unit(unit) -> list[Member]:
    """The unit's memberships, newest year first, each under the name the unit bore that year."""
    qs = (
        Membership.objects.filter(unit=unit)
        .select_related("bloc_year__bloc", "representative")
        .annotate(bloc_name=bloc_name_in_year(OuterRef("year"), "bloc_year__bloc"))
        .order_by("-year", vi_order("bloc_year__bloc__name"))
    )
    url = unit.get_absolute_url()
    members = []
    for m in qs:
        m.unit = unit  # already loaded, with its names
        members.append(Member(m, unit.name_in(m.year), url))
    return members


def blocs_organised_by(unit):
    """The blocs `unit` organises (a ministry its blocs, the central council the inter-ministry
    ones), with their years on record."""
    return bloc_list().filter(organiser=unit)


def represented_by(person) -> list[Member]:
    """Memberships in which `person` represented the unit (e.g. the leader unit's head)."""
    qs = (
        Membership.objects.filter(representative=person)
        .select_related("bloc_year__bloc", "unit")
        .prefetch_related("unit__names")
        .annotate(bloc_name=bloc_name_in_year(OuterRef("year"), "bloc_year__bloc"))
        .order_by("-year")
    )
    return [Member(m, m.unit.name_in(m.year)) for m in qs]


def _first_published_event(**citing):
    return Subquery(
        Event.objects.published().filter(**citing).order_by("held_on", "pk").values("slug")[:1]
    )


def search_cited_documents(query: str, limit: int):
    """Documents shown on a published event's page that match `query` (a number such as «1407»
    or «3395/BKHCN-TĐKT»): cited by the event, or the basis of a movement it records. Each
    carries `event_url`, the page of the first event citing it (directly, else through a
    movement)."""
    qs = (
        Document.objects.search(query)
        .annotate(
            event_slug=Coalesce(
                _first_published_event(document_links__document=OuterRef("pk")),
                _first_published_event(movement_links__movement__basis=OuterRef("pk")),
            )
        )
        .filter(event_slug__isnull=False)
        .order_by("-issued_on", "pk")
    )
    documents = list(qs[:limit])
    for doc in documents:
        doc.event_url = reverse("blocs:event", args=[doc.event_slug])
    return documents, len(documents) if len(documents) < limit else qs.count()
