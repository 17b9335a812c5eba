from django.apps import AppConfig


class UnitsConfig(AppConfig):
    name = "units"
    verbose_name = "Đơn vị và cá nhân"

    def ready(self):
        # Registers the rules permissions, page panels and search providers.
        from thidua.imports.registry import register

        from . import imports, panels, permissions, signals  # noqa: F401

        signals.connect()
        register(imports.UnitImporter())
