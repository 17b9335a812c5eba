from django.apps import AppConfig


class AwardsConfig(AppConfig):
    name = "awards"
    verbose_name = "Khen thưởng"

    def ready(self):
        # Registers the rules permissions, page panels and search providers.
        from . import panels, permissions  # noqa: F401
