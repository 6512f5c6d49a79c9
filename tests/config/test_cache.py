"""The default cache is per-process memory; REDIS_URL switches every server to one Redis."""

import json
import socket

import pytest

from tests.security.production import production_environment, run_python

USE_CACHE = (
    "import json, django; django.setup();"
    "from django.conf import settings; from django.core.cache import cache;"
    "cache.set('deploy-check', 'shared', 30);"
    "print(json.dumps([settings.CACHES['default']['BACKEND'], cache.get('deploy-check')]))"
)


def redis_reachable() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return False
    return True


def test_default_cache_is_local_memory(tmp_path):
    result = run_python(USE_CACHE, production_environment(tmp_path))
    assert result.returncode == 0, result.stderr
    backend, value = json.loads(result.stdout.strip().splitlines()[-1])
    assert backend == "django.core.cache.backends.locmem.LocMemCache"
    assert value == "shared"


@pytest.mark.skipif(not redis_reachable(), reason="no Redis on 127.0.0.1:6379")
def test_redis_url_selects_a_working_redis_cache(tmp_path):
    pytest.importorskip("redis", reason="pip install -r requirements/redis.txt")
    env = production_environment(tmp_path, REDIS_URL="redis://127.0.0.1:6379/0")
    result = run_python(USE_CACHE, env)
    assert result.returncode == 0, result.stderr
    backend, value = json.loads(result.stdout.strip().splitlines()[-1])
    assert backend == "django.core.cache.backends.redis.RedisCache"
    assert value == "shared"
    # A second process (another app server) reads what the first one wrote.
    read_back = run_python(
        "import django; django.setup(); from django.core.cache import cache;"
        "print(cache.get('deploy-check'))",
        env,
    )
    assert read_back.stdout.strip().splitlines()[-1] == "shared"


@pytest.mark.django_db
def test_login_throttling_state_lives_in_the_shared_database(client):
    """django-axes counts failures in the database, so every app server sees the same lock-out."""
    from axes.handlers.database import AxesDatabaseHandler
    from axes.handlers.proxy import AxesProxyHandler
    from axes.models import AccessAttempt

    assert isinstance(AxesProxyHandler.get_implementation(), AxesDatabaseHandler)
    client.post("/admin/login/", {"username": "mallory", "password": "wrong"})
    attempt = AccessAttempt.objects.get(username="mallory")
    assert attempt.failures_since_start == 1
