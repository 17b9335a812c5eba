"""Demo data: the blocs, bloc-years and memberships the seed articles state."""

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
