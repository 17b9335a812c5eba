from django.apps import AppConfig


class UnitsConfig(AppConfig):
    name = "units"
    verbose_name = "Đơn vị và cá nhân"

    def ready(self):
        from . import permissions  # noqa: F401  (registers the rules predicates)
