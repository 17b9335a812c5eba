from django.db import migrations

from thidua.db import trigram_index


class Migration(migrations.Migration):
    dependencies = [("units", "0002_role_groups")]

    operations = [trigram_index("units_unit"), trigram_index("units_person")]
