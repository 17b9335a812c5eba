"""The site's PostgreSQL connections run without JIT compilation (thidua.settings.without_jit)."""

import pytest
from django.db import connection

from thidua.settings import without_jit


def test_postgresql_connections_are_opened_without_jit(monkeypatch):
    monkeypatch.delenv("THIDUA_PG_JIT", raising=False)
    database = {"ENGINE": "django.db.backends.postgresql", "OPTIONS": {"sslmode": "require"}}
    assert without_jit(database)["OPTIONS"] == {"sslmode": "require", "options": "-c jit=off"}
    sqlite = {"ENGINE": "django.db.backends.sqlite3"}
    assert without_jit(dict(sqlite)) == sqlite


def test_jit_can_be_left_to_the_database(monkeypatch):
    monkeypatch.setenv("THIDUA_PG_JIT", "1")
    database = {"ENGINE": "django.db.backends.postgresql"}
    assert "OPTIONS" not in without_jit(database)


@pytest.mark.django_db
def test_the_sites_connection_runs_without_jit():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
