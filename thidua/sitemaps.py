"""/sitemap.xml: an index of one sitemap per kind of public page (django.contrib.sitemaps
splits a section into pages of 50.000 addresses by itself)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class StaticPages(Sitemap):
    changefreq = "daily"

    def items(self):
        return [
            "home",
            "blocs:years",
            "blocs:bloc_list",
            "units:list",
            "units:people",
            "blocs:events",
            "awards:list",
            "awards:statistics",
            "open_data",
        ]

    def location(self, item):
        return reverse(item)


class ModelPages(Sitemap):
    """The public pages of one model, read in id order (only the columns the URL needs)."""

    fields = ("pk", "slug")

    def __init__(self, queryset):
        self.queryset = queryset

    def items(self):
        return self.queryset.only(*[f for f in self.fields if f != "pk"]).order_by("pk")


class YearPages(Sitemap):
    def items(self):
        from blocs import queries

        return list(queries.years())

    def location(self, item):
        return reverse("blocs:year", args=[item])


class DecisionPages(ModelPages):
    fields = ("pk",)


def sitemaps() -> dict:
    from awards.models import Decision
    from blocs.models import Bloc, Event
    from units.models import Person, Unit

    return {
        "trang": StaticPages(),
        "nam": YearPages(),
        "khoi": ModelPages(Bloc.objects.all()),
        "don-vi": ModelPages(Unit.objects.all()),
        "ca-nhan": ModelPages(Person.objects.all()),
        "su-kien": ModelPages(Event.objects.published()),
        "quyet-dinh": DecisionPages(Decision.objects.public()),
    }
