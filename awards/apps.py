from django.apps import AppConfig


class AwardsConfig(AppConfig):
    name = "awards"
    verbose_name = "Khen thưởng"

    def ready(self):
        # Registers the rules permissions, page panels and search providers.
        from thidua.imports.registry import register

        from . import imports, panels, permissions, tallies  # noqa: F401
        from .documents import kinds  # noqa: F401  (registers the Word documents)

        register(imports.ProposalImporter())
        register(imports.DecisionImporter())
        tallies.connect()
