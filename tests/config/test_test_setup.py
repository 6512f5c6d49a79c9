"""What tests change about the production settings, from tests/conftest.py (the settings know nothing of tests)."""

import os

import pytest
from django.conf import settings
from django.db import connection

from tests.security.production import production_environment, run_python


@pytest.mark.django_db
def test_each_process_tests_on_its_own_database():
    """A file per process on SQLite, a database per process on PostgreSQL: runs never collide."""
    name = connection.settings_dict["NAME"].replace("-", "_")
    assert f"mock_interview_test_{os.getpid()}.sqlite3" in name or (
        name == f"test_mock_interview_{os.getpid()}"
    )


def test_static_files_need_no_collectstatic_manifest():
    assert settings.STORAGES["staticfiles"]["BACKEND"].endswith(".StaticFilesStorage")


def test_production_settings_do_not_change_under_pytest(tmp_path):
    """With pytest's own environment variables present, the settings are still production's."""
    env = production_environment(tmp_path, PYTEST_VERSION="9", PYTEST_CURRENT_TEST="x")
    code = (
        "import django; django.setup(); from django.conf import settings;"
        "print(settings.STORAGES['staticfiles']['BACKEND'], settings.DATABASES['default'].get('TEST', {}).get('NAME'))"
    )
    result = run_python(code, env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == [
        "whitenoise.storage.CompressedManifestStaticFilesStorage",
        "None",
    ]
