from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from thidua import backup


class Command(BaseCommand):
    help = (
        "Backs up the whole database, history included: a pg_dump custom-format file on "
        "PostgreSQL, a JSON dump (dumpdata) otherwise or with --json."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output-dir", default="var/backups")
        parser.add_argument("--json", action="store_true", help="portable JSON form")

    def handle(self, *args, **options):
        folder = Path(options["output_dir"])
        folder.mkdir(parents=True, exist_ok=True)
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        if connection.vendor == "postgresql" and not options["json"]:
            if not backup.pg_tools_available():
                raise CommandError("Không tìm thấy pg_dump/pg_restore trên PATH.")
            path = folder / f"thidua-{stamp}.dump"
            backup.pg_dump(path)
        else:
            path = folder / f"thidua-{stamp}.json"
            backup.dump_json(path)
        self.stdout.write(f"backup: {path} ({path.stat().st_size:,} byte)")
