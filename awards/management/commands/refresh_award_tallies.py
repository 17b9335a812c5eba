from django.core.management.base import BaseCommand

from awards import tallies
from awards.models import AwardTally, NominationTally


class Command(BaseCommand):
    help = (
        "Rebuilds the statistics' counts (AwardTally and its sums, and the staff statistics' "
        "NominationTally and DecisionTimeTally) from the awards and nominations. They are kept "
        "current on every change; run this after writing outside Django (e.g. a bulk load by SQL)."
    )

    def handle(self, *args, **options):
        tallies.refresh()
        tallies.refresh_nominations()
        self.stdout.write(
            f"Đã tính lại {AwardTally.objects.count()} dòng số liệu thống kê khen thưởng và "
            f"{NominationTally.objects.count()} dòng số liệu hồ sơ."
        )
