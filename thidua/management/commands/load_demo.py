from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import autodiscover_modules


class Command(BaseCommand):
    help = (
        "Loads the demo data (the facts of the seed articles) and the demo accounts. "
        "Idempotent: running it again changes and duplicates nothing."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        # Each app's demo.py loads its own part when imported here, in INSTALLED_APPS order
        # (units, then blocs, then awards), which is also the order of their dependencies.
        from thidua import demo

        autodiscover_modules("demo")
        for loader in demo.loaders():
            loader(self.stdout)
