from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.shortcuts import render

from thidua.panels import panels_for
from thidua.query_params import requested_page
from units.queries import unit_list

from . import event_queries, queries
from .models import Bloc, BlocYear

HOME_UNIT_LIMIT = 100
HOME_BLOC_LIMIT = 30  # cards and names of blocs on the home page; the rest on /khoi/
BLOCS_PER_YEAR_PAGE = 25
HOME_EVENT_LIMIT = 5  # «Sự kiện mới»: the latest published events; the rest on /su-kien/


def home(request):
    units = unit_list()
    # One more than shown: tells whether to link to the full list, without a COUNT.
    rosters = queries.latest_leaders(HOME_BLOC_LIMIT + 1)
    blocs = list(queries.bloc_list()[: HOME_BLOC_LIMIT + 1])
    events = event_queries.public_events().order_by("-held_on", "-pk")[:HOME_EVENT_LIMIT]
    return render(
        request,
        "blocs/home.html",
        {
            "events": list(events),
            "years": queries.years(),
            "rosters": rosters[:HOME_BLOC_LIMIT],
            "more_rosters": len(rosters) > HOME_BLOC_LIMIT,
            "blocs": blocs[:HOME_BLOC_LIMIT],
            "more_blocs": len(blocs) > HOME_BLOC_LIMIT,
            "units": units[:HOME_UNIT_LIMIT],
            "unit_total": units.count(),
        },
    )


def year(request, year):
    years = queries.years()  # newest first; a year may be known only from published events
    if year not in years:
        raise Http404("Chưa có hồ sơ khối thi đua nào của năm này.")
    bloc_years = queries.year_index(year)
    paginator = Paginator(bloc_years, BLOCS_PER_YEAR_PAGE)
    page = paginator.get_page(requested_page(request.GET))
    for number, start in enumerate(range(0, len(bloc_years), BLOCS_PER_YEAR_PAGE), 1):
        for bloc_year in bloc_years[start : start + BLOCS_PER_YEAR_PAGE]:
            bloc_year.page_number = number
    return render(
        request,
        "blocs/year.html",
        {
            "year": year,
            "rosters": queries.rosters_of(page.object_list),
            "page": page,
            "index": bloc_years,
            "newer": min((y for y in years if y > year), default=None),
            "older": max((y for y in years if y < year), default=None),
            "panels": panels_for("year", year, request),
        },
    )


def year_list(request):
    """/nam/: every year with records (as the year pages know them: bloc-years and published
    events), newest first, each with its number of blocs on record: two queries at most (the
    years are cached, the blocs are counted in one grouped query)."""
    years = queries.years()
    blocs = dict(
        BlocYear.objects.order_by().values("year").annotate(n=Count("pk")).values_list("year", "n")
    )
    return render(
        request,
        "blocs/year_list.html",
        {"years": [{"year": year, "blocs": blocs.get(year, 0)} for year in years]},
    )


def bloc_list(request):
    return render(request, "blocs/bloc_list.html", {"blocs": queries.bloc_list()})


def bloc_detail(request, slug):
    try:
        bloc, rosters = queries.bloc_detail(slug)
    except Bloc.DoesNotExist:
        raise Http404("Không có khối thi đua này.") from None
    released = public_results(bloc)
    for roster in rosters:
        roster.assessment_result = released.get(roster.year)
    return render(
        request,
        "blocs/bloc_detail.html",
        {"bloc": bloc, "rosters": rosters, "panels": panels_for("bloc", bloc, request)},
    )


def public_results(bloc) -> dict:
    """{year: Result} of the bloc's released assessments (nothing before staff release it)."""
    from .assessments import results
    from .models import Assessment

    released = list(
        Assessment.objects.filter(bloc_year__bloc=bloc, released_at__isnull=False).select_related(
            "bloc_year"
        )
    )
    computed = results.compute_many(released, details=True)
    return {a.bloc_year.year: computed[a.pk] for a in released}
