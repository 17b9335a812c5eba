"""Database helpers for migrations that must run on both PostgreSQL and SQLite."""

from django.db import migrations

from thidua.collation import COLLATION


def postgresql_index(name: str, *create_sql: str) -> migrations.RunPython:
    """An index (and whatever it needs first) made by `create_sql` on PostgreSQL only, dropped
    by name on the way back; nothing on SQLite."""

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in create_sql:
                schema_editor.execute(statement)

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')

    return migrations.RunPython(forwards, backwards, elidable=False)


def trigram_index(table: str, column: str = "search_text") -> migrations.RunPython:
    """A trigram GIN index on PostgreSQL (so `LIKE '%word%'` uses an index); nothing on SQLite."""
    name = f"{table}_{column}_trgm"
    return postgresql_index(
        name,
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" USING gin ("{column}" gin_trgm_ops)',
    )


def vietnamese_order_index(table: str, column: str) -> migrations.RunPython:
    """An index of `column` in Vietnamese order, then id, on PostgreSQL: a list sorted with
    `vi_order(column), "pk"` reads it in order instead of sorting every row (a page of 5,000
    units: 4.5 → 0.2 ms). Nothing on SQLite, where an index naming the collation would stop
    any program without it from writing the table."""
    name = f"{table}_{column}_vi"
    return postgresql_index(
        name,
        f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" (("{column}" COLLATE "{COLLATION}"), "id")',
    )
