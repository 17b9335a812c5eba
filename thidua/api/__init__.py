"""The read-only JSON API of everything public, under /api/v1/ (Django REST Framework).

Every list reads the public pages' own querysets (awards.queries, blocs.queries, units.queries):
never a draft event, a nomination or a reviewer's note. Cursor pagination, django-filter filters
named as on the pages, anonymous rate limiting in Django's cache, CORS for GET (thidua.api.cors).
"""
