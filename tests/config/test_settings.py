"""The embedded SQLite database runs in WAL mode with IMMEDIATE transactions."""

import pytest
from django.db import connection

sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite pragmas apply only to the SQLite backend"
)


@sqlite_only
@pytest.mark.django_db
def test_sqlite_connection_pragmas():
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] == 5000
        cursor.execute("PRAGMA foreign_keys")
        assert cursor.fetchone()[0] == 1
    assert connection.settings_dict["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


@sqlite_only
@pytest.mark.django_db
def test_sqlite_file_database_uses_wal(tmp_path):
    """A fresh file database opened with our settings comes up in WAL mode."""
    from django.conf import settings
    from django.db.backends.sqlite3.base import DatabaseWrapper

    settings_dict = {**settings.DATABASES["default"], "NAME": str(tmp_path / "wal.sqlite3")}
    wrapper = DatabaseWrapper(settings_dict, alias="wal_check")
    try:
        with wrapper.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone()[0] == "wal"
            cursor.execute("PRAGMA synchronous")
            assert cursor.fetchone()[0] == 1  # NORMAL
    finally:
        wrapper.close()
