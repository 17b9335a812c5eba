"""Backups that lose nothing, history included (docs/backups.md).

Two forms: a PostgreSQL custom-format dump (pg_dump/pg_restore, the production form: every table,
sequence and index as it is) and a portable JSON dump (dumpdata/loaddata, any database: every
model's rows with their primary keys, so historical rows still point at their records).
Content types, permissions and sessions are left out of the JSON form: migrations recreate the
first two and references to them are written by natural key; sessions are disposable.
"""

import os
import shutil
import subprocess

from django.apps import apps
from django.core.management import call_command
from django.db import connections
from django.test.utils import override_settings

JSON_EXCLUDES = ["contenttypes", "auth.permission", "sessions"]


def counted_models():
    excluded_apps = {"contenttypes", "sessions"}
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label not in excluded_apps
        and model._meta.label_lower != "auth.permission"
        and model._meta.managed
    ]


def row_counts(using="default"):
    """{model label: row count} for every model the JSON backup carries, historical included."""
    return {
        model._meta.label: model._default_manager.using(using).count() for model in counted_models()
    }


def dump_json(path, using="default"):
    call_command(
        "dumpdata",
        "--natural-foreign",
        exclude=JSON_EXCLUDES,
        output=str(path),
        database=using,
        verbosity=0,
    )


def load_json(path, using="default"):
    """Empties the database, then loads `path`: the database holds exactly the backup."""
    flush(using)
    set_constraints(using, "DEFERRED")  # rows may come before the rows they point at
    # Restoring is not an edit: the backup already holds the history, so simple-history must not
    # add rows of its own (it would for many-to-many fields tracked with m2m_fields).
    with override_settings(SIMPLE_HISTORY_ENABLED=False):
        call_command("loaddata", str(path), database=using, verbosity=0)


def flush(using="default"):
    # Inside a transaction PostgreSQL refuses to truncate tables with pending deferred checks.
    set_constraints(using, "IMMEDIATE")
    call_command("flush", interactive=False, database=using, verbosity=0)


def set_constraints(using, mode):
    connection = connections[using]
    if connection.vendor == "postgresql" and connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute(f"SET CONSTRAINTS ALL {mode}")


def pg_tools_available():
    return bool(shutil.which("pg_dump") and shutil.which("pg_restore"))


def _pg_env(settings_dict):
    env = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    return env


def _pg_args(settings_dict):
    args = []
    for flag, key in [("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")]:
        if settings_dict.get(key):
            args.append(f"{flag}={settings_dict[key]}")
    return args


def pg_dump(path, using="default", name=None):
    settings_dict = connections[using].settings_dict
    subprocess.run(
        [
            "pg_dump",
            "--format=custom",
            "--no-owner",
            f"--file={path}",
            *_pg_args(settings_dict),
            name or settings_dict["NAME"],
        ],
        check=True,
        env=_pg_env(settings_dict),
    )


def pg_restore(path, using="default", name=None):
    """Restores a custom-format dump into database `name` (the configured one by default)."""
    settings_dict = connections[using].settings_dict
    subprocess.run(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--exit-on-error",
            f"--dbname={name or settings_dict['NAME']}",
            *_pg_args(settings_dict),
            str(path),
        ],
        check=True,
        env=_pg_env(settings_dict),
    )
