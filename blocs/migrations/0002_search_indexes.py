from django.db import migrations

from thidua.db import trigram_index


class Migration(migrations.Migration):
    dependencies = [("blocs", "0001_initial")]

    operations = [
        trigram_index("blocs_bloc"),
        trigram_index("blocs_document"),
        trigram_index("blocs_event"),
    ]
