"""django-axes (login throttling, thidua.login_attempts) under a Vietnamese name: its own
AppConfig has no verbose_name, so the admin index would title its section with the label, «Axes».
"""

from axes.apps import AppConfig


class AxesConfig(AppConfig):
    verbose_name = "Đăng nhập và khóa đăng nhập"
