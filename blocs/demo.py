"""Demo data: the blocs, bloc-years and memberships the seed articles state."""

import datetime

from thidua.demo import demo_loader, read_data, upsert
from units.models import Person, Unit

from .models import Bloc, BlocYear, Membership


@demo_loader
def load_registry(stdout):
    data = read_data(__file__, "registry.json")
    for row in data["blocs"]:
        bloc, _ = upsert(
            Bloc,
            {"slug": row["slug"]},
            {
                "name": row["name"],
                "organiser": Unit.objects.get(slug=row["organiser"]),
                "description": row.get("description", ""),
            },
        )
        for year_row in row["years"]:
            bloc_year, _ = upsert(
                BlocYear,
                {"bloc": bloc, "year": year_row["year"]},
                {"member_count": year_row.get("member_count")},
            )
            for member in year_row["members"]:
                representative = member.get("representative")
                upsert(
                    Membership,
                    {"bloc_year": bloc_year, "unit": Unit.objects.get(slug=member["unit"])},
                    {
                        "role": member["role"],
                        "representative": Person.objects.get(slug=representative)
                        if representative
                        else None,
                        "representative_title": member.get("representative_title", ""),
                        "order": member.get("order", 0),
                    },
                )
    stdout.write(f"Khối thi đua: {len(data['blocs'])}.")


from . import demo_events  # noqa: E402,F401  (registers after load_registry)


@demo_loader
def load_assessments(stdout):
    """The seed bloc's 2015 assessment as far as the article states it: the units the bloc agreed
    to propose for the flags (no score, no vote count, no leading collective: none is given).
    Entered by the demo clerk and left for a second person to confirm. Once per bloc-year."""
    from django.contrib.auth import get_user_model

    from .assessments import services
    from .models import Assessment

    data = read_data(__file__, "assessments.json")
    for row in data["assessments"]:
        bloc_year = BlocYear.objects.get(bloc__slug=row["bloc"], year=row["year"])
        if Assessment.objects.filter(bloc_year=bloc_year).exists():
            continue
        units = {
            u.slug: u.pk for u in Unit.objects.filter(slug__in=[a["unit"] for a in row["agreed"]])
        }
        entry = services.Entry(
            held_on=datetime.date.fromisoformat(row["held_on"]),
            source=row["source"],
            note=row["note"],
            votes={(a["subject"], units[a["unit"]]): services.AGREED_MARK for a in row["agreed"]},
        )
        clerk = get_user_model().objects.get(username=row["entered_by"])
        services.enter(bloc_year, clerk, entry)
    stdout.write(f"Bình xét: {len(data['assessments'])} kết quả theo nguồn (chờ xác nhận).")
