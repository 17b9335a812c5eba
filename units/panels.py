"""Page panels and search providers of this app (see thidua.panels)."""

from thidua.panels import register_search, results_of

from . import queries


def unit_detail(unit):
    return ", ".join(filter(None, [unit.get_kind_display(), unit.parent and unit.parent.name]))


def person_detail(person):
    return "; ".join(f"{p.title}, {p.unit.name} ({p.years_label})" for p in person.positions.all())


@register_search
def search_units(query, request, limit):
    return results_of("Đơn vị", queries.search_units(query, limit), unit_detail, order=20)


@register_search
def search_people(query, request, limit):
    return results_of("Cá nhân", queries.search_people(query, limit), person_detail, order=30)
