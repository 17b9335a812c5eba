from django.shortcuts import render

from .models import BlocYear


def home(request):
    latest = BlocYear.objects.order_by("-year").values_list("year", flat=True).first()
    bloc_years = (
        BlocYear.objects.filter(year=latest)
        .select_related("bloc")
        .prefetch_related("memberships__unit")
        if latest
        else []
    )
    return render(request, "blocs/home.html", {"year": latest, "bloc_years": bloc_years})
