import os

from django.core.wsgi import get_wsgi_application

from thidua.process import settle_after_startup

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")
application = get_wsgi_application()
settle_after_startup()
