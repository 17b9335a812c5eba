"""People's search text holds the titles they held (Person.refresh_search_text)."""

from django.db import migrations

from thidua.search import SEPARATOR
from thidua.text import fold


def index_titles(apps, schema_editor):
    Person = apps.get_model("units", "Person")
    Position = apps.get_model("units", "Position")
    titles = {}
    for person_id, title in Position.objects.order_by("pk").values_list("person_id", "title"):
        titles.setdefault(person_id, []).append(title)
    changed = []
    for person in Person.objects.filter(pk__in=titles).only("pk", "full_name"):
        folded = fold(*titles[person.pk])
        if folded:
            person.search_text = f"{fold(person.full_name)}{SEPARATOR}{folded}"
            changed.append(person)
    Person.objects.bulk_update(changed, ["search_text"], batch_size=2000)


def names_only(apps, schema_editor):
    Person = apps.get_model("units", "Person")
    changed = []
    for person in Person.objects.filter(search_text__contains=SEPARATOR).only("pk", "full_name"):
        person.search_text = fold(person.full_name)
        changed.append(person)
    Person.objects.bulk_update(changed, ["search_text"], batch_size=2000)


class Migration(migrations.Migration):
    dependencies = [("units", "0008_unit_name_vietnamese_order_index")]

    operations = [migrations.RunPython(index_titles, names_only)]
