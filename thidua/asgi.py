import os

from django.core.asgi import get_asgi_application

from thidua.process import settle_after_startup

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")
application = get_asgi_application()
settle_after_startup()
