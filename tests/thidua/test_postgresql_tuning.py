"""How the site uses PostgreSQL: connections without JIT, lists sorted along indexes."""

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


def postgresql_answer(sql):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchone()[0]


@pytest.mark.django_db
def test_the_sites_connection_runs_without_jit():
    assert postgresql_answer("SHOW jit") == "off"


@pytest.mark.django_db
def test_units_are_indexed_in_vietnamese_order_on_postgresql():
    """The units list and the unit filters read this index instead of sorting 5,000 rows."""
    sql = "SELECT indexdef FROM pg_indexes WHERE indexname = 'units_unit_name_vi'"
    definition = postgresql_answer(sql)
    assert "COLLATE vi" in definition and definition.endswith("id)")
