from django.apps import AppConfig


class BlocsConfig(AppConfig):
    name = "blocs"
    verbose_name = "Khối thi đua"

    def ready(self):
        from . import permissions  # noqa: F401  (registers the rules predicates)
