from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from thidua import backup


class Command(BaseCommand):
    help = (
        "Restores a backup made by `backup` into the configured database, replacing its content: "
        "a .dump file with pg_restore (PostgreSQL), a .json file with flush + loaddata."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Không có tệp {path}.")
        name = connection.settings_dict["NAME"]
        if options["interactive"]:
            answer = input(f"Toàn bộ dữ liệu của «{name}» sẽ bị thay bằng bản sao lưu. Gõ 'yes': ")
            if answer.strip() != "yes":
                raise CommandError("Đã hủy.")
        if path.suffix == ".dump":
            if connection.vendor != "postgresql":
                raise CommandError("Tệp .dump chỉ khôi phục được vào PostgreSQL.")
            connection.close()
            backup.pg_restore(path)
        else:
            backup.load_json(path)
        self.stdout.write(f"restore: {path} → {name}")
