from django.core.management.base import BaseCommand

from awards import tallies
from awards.models import AwardTally


class Command(BaseCommand):
    help = (
        "Rebuilds the statistics' counts (AwardTally) from the awards. They are kept current on "
        "every change; run this after writing awards outside Django (e.g. a bulk load by SQL)."
    )

    def handle(self, *args, **options):
        tallies.refresh()
        self.stdout.write(f"Đã tính lại {AwardTally.objects.count()} dòng số liệu thống kê.")
