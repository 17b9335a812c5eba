"""Writes the Word templates that ship with the apps (each registered document kind's `build`),
so that the committed .docx files follow the code that describes them."""

from django.core.management.base import BaseCommand

from thidua.paper import kinds


class Command(BaseCommand):
    help = "Viết lại các mẫu văn bản Word đi kèm hệ thống (thidua.paper.kinds)."

    def handle(self, *args, **options):
        for kind in kinds.all_kinds():
            kind.shipped.parent.mkdir(parents=True, exist_ok=True)
            kind.build(kind.shipped)
            self.stdout.write(f"{kind.shipped}")
