from django.db import migrations

from thidua.db import vietnamese_order_index


class Migration(migrations.Migration):
    dependencies = [("units", "0007_unit_names_protected")]

    operations = [vietnamese_order_index("units_unit", "name")]
