from django.apps import AppConfig


class ThiduaConfig(AppConfig):
    name = "thidua"
    verbose_name = "Thi đua - Khen thưởng"
