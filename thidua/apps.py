from django.apps import AppConfig


class ThiduaConfig(AppConfig):
    name = "thidua"
    verbose_name = "Thi đua - Khen thưởng"

    def ready(self):
        # Generic hooks only: thidua imports no app; senders are told apart by app label.
        from . import cache, collation, login_attempts, permissions, stored_text  # noqa: F401
        from .imports import history

        cache.connect_invalidation()
        login_attempts.connect()
        collation.connect()
        history.connect()
        stored_text.connect()
