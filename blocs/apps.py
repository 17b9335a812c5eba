from django.apps import AppConfig


class BlocsConfig(AppConfig):
    name = "blocs"
    verbose_name = "Khối thi đua"

    def ready(self):
        # Registers the rules permissions, page panels and search providers.
        from thidua.imports.registry import register

        from . import documents, event_panels, imports, panels, permissions  # noqa: F401

        register(imports.MembershipImporter())
