"""`manage.py check --deploy` is clean under the production environment, and nothing is silenced."""

from django.conf import settings

from tests.security.production import production_environment, run_manage


def test_deploy_check_is_clean_in_production(tmp_path):
    result = run_manage(
        production_environment(tmp_path), "check", "--deploy", "--fail-level", "DEBUG"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_deploy_check_flags_plain_http(tmp_path):
    """Without DJANGO_HTTPS the TLS-only settings are off, and the check says so: nothing hides it."""
    env = production_environment(tmp_path, DJANGO_HTTPS="0")
    result = run_manage(env, "check", "--deploy")
    output = result.stdout + result.stderr
    for check_id in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert check_id in output


def test_deploy_check_refuses_a_short_secret_key(tmp_path):
    env = production_environment(tmp_path, DJANGO_SECRET_KEY="too-short")
    result = run_manage(env, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode != 0
    assert "security.W009" in result.stdout + result.stderr


def test_no_security_check_is_silenced():
    assert not [check for check in settings.SILENCED_SYSTEM_CHECKS if check.startswith("security")]
