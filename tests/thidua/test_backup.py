"""A backup restores every row, history included, on SQLite (JSON) and PostgreSQL (pg_dump)."""

import uuid

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection

from blocs.models import Bloc
from thidua import backup
from units.models import Unit


@pytest.fixture
def edited_demo(db):
    """The demo data plus edits, so every historical table has rows of several kinds."""
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    unit = Unit.objects.order_by("pk").first()
    unit.name = f"{unit.name} (đổi tên)"
    unit.save()
    bloc = Bloc.objects.order_by("pk").first()
    bloc.description = "Giới thiệu mới của khối."
    bloc.save()


def history_of(model):
    return list(
        model.history.order_by("history_id").values_list("history_id", "id", "history_type")
    )


def test_json_backup_round_trip_loses_nothing(edited_demo, tmp_path):
    before = backup.row_counts()
    unit_history, bloc_history = history_of(Unit), history_of(Bloc)
    assert before["units.HistoricalUnit"] > before["units.Unit"]
    path = tmp_path / "thidua.json"
    backup.dump_json(path)

    backup.flush()
    assert backup.row_counts()["units.Unit"] == 0

    backup.load_json(path)
    assert backup.row_counts() == before
    assert history_of(Unit) == unit_history
    assert history_of(Bloc) == bloc_history
    assert Unit.objects.filter(name__endswith="(đổi tên)").exists()


def table_counts(conninfo):
    with psycopg.connect(**conninfo) as conn, conn.cursor() as cursor:
        cursor.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        )
        tables = [row[0] for row in cursor.fetchall()]
        counts = {}
        for table in tables:
            cursor.execute(f'SELECT count(*) FROM "{table}"')
            counts[table] = cursor.fetchone()[0]
        return counts


@pytest.mark.skipif(not backup.pg_tools_available(), reason="pg_dump/pg_restore absent")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_pg_dump_restores_every_table_into_a_scratch_database(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    unit = Unit.objects.order_by("pk").first()
    unit.name = f"{unit.name} (đổi tên)"
    unit.save()

    settings_dict = connection.settings_dict
    conninfo = {
        key: settings_dict[setting]
        for key, setting in [
            ("host", "HOST"),
            ("port", "PORT"),
            ("user", "USER"),
            ("password", "PASSWORD"),
        ]
        if settings_dict.get(setting)
    }
    path = tmp_path / "thidua.dump"
    backup.pg_dump(path)
    scratch = f"{settings_dict['NAME']}_restore_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(dbname="postgres", autocommit=True, **conninfo) as admin:
        admin.execute(f'CREATE DATABASE "{scratch}"')
    try:
        backup.pg_restore(path, name=scratch)
        original = table_counts(dict(conninfo, dbname=settings_dict["NAME"]))
        restored = table_counts(dict(conninfo, dbname=scratch))
        assert original["units_historicalunit"] > 0
        assert restored == original
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **conninfo) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)')
