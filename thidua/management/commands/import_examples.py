"""Writes each importer's example .xlsx (committed with its app) from the seeds' facts."""

from django.core.management.base import BaseCommand

from thidua.imports import registry, workbook


class Command(BaseCommand):
    help = "Ghi tệp ví dụ nhập từ Excel của từng loại dữ liệu, dựng từ dữ liệu mẫu (seeds)."

    def handle(self, *args, **options):
        for importer in registry.all_importers():
            if importer.example is None:
                continue
            importer.example.parent.mkdir(parents=True, exist_ok=True)
            importer.example.write_bytes(workbook.build(importer, importer.example_rows()))
            self.stdout.write(f"{importer.title}: {importer.example}")
