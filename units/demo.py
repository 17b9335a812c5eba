"""Demo data: the units and people the seed articles name, and the demo accounts."""

from django.contrib.auth.models import Group

from thidua.demo import demo_loader, read_data, upsert

from .models import Person, Position, Unit, User

DEMO_PASSWORD = "thidua-demo"


@demo_loader
def load_units_and_people(stdout):
    data = read_data(__file__, "units.json")
    for row in data["units"]:
        parent = Unit.objects.get(slug=row["parent"]) if row.get("parent") else None
        upsert(
            Unit,
            {"slug": row["slug"]},
            {
                "name": row["name"],
                "short_name": row.get("short_name", ""),
                "kind": row["kind"],
                "parent": parent,
            },
        )
    for row in data["people"]:
        person, _ = upsert(Person, {"slug": row["slug"]}, {"full_name": row["full_name"]})
        for position in row.get("positions", []):
            # The years the articles show the title held (never "current"); a title seen in
            # two articles years apart is two rows, not a span nobody reported.
            upsert(
                Position,
                {
                    "person": person,
                    "unit": Unit.objects.get(slug=position["unit"]),
                    "title": position["title"],
                    "from_year": position.get("from_year"),
                },
                {"until_year": position.get("until_year")},
            )
    stdout.write(f"Đơn vị: {len(data['units'])}, cá nhân: {len(data['people'])}.")


@demo_loader
def load_accounts(stdout):
    accounts = read_data(__file__, "units.json")["accounts"]
    for row in accounts:
        user, created = upsert(
            User,
            {"username": row["username"]},
            {
                "first_name": row["first_name"],
                "last_name": row["last_name"],
                "is_staff": True,
                "is_superuser": bool(row.get("superuser")),
                "unit": Unit.objects.get(slug=row["unit"]) if row.get("unit") else None,
            },
        )
        if created or not user.has_usable_password():
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        user.groups.set([Group.objects.get_or_create(name=row["role"])[0]])
    stdout.write(f"Tài khoản trình diễn (chỉ để thử nghiệm, mật khẩu chung «{DEMO_PASSWORD}»):")
    for row in accounts:
        stdout.write(f"  {row['username']:<11} {row['duty']}")
