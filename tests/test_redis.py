"""The shared cache of several web processes is Redis: the page cache works through it.

Needs a Redis server (REDIS_TEST_URL, default redis://127.0.0.1:6379/15); every test keeps its
keys under a prefix of its own, so parallel workers can share the database. `make check` (CI)
requires it; a plain `make test` on a machine without Redis skips these, saying so.
"""

import os
import uuid

import pytest
import redis
from django.core.cache import cache
from django.test import Client

from awaz.public import pagecache
from tests.factories import make_petition

REDIS_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def redis_cache(settings):
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.exceptions.ConnectionError as error:
        if os.environ.get("AWAZ_REQUIRE_REDIS"):
            pytest.fail(f"Redis is required here and is not reachable at {REDIS_URL}: {error}")
        pytest.skip(f"Redis is not reachable at {REDIS_URL}")
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"awaz-test-{uuid.uuid4().hex[:8]}",
        }
    }
    yield cache
    # Only this test's keys: other pytest-xdist workers may be using the same Redis database,
    # and django-redis's clear() empties all of it (FLUSHDB).
    cache.delete_pattern("*")  # type: ignore[attr-defined]  # django-redis's, prefix-scoped


@pytest.mark.django_db
def test_the_petition_page_is_shared_through_redis(redis_cache, django_assert_num_queries):
    petition = make_petition(title="Shared")
    Client().get(f"/en/petitions/{petition.slug}/")
    assert redis_cache.get(pagecache.petition_key(petition.slug, "en")) is not None
    with django_assert_num_queries(0):
        html = Client().get(f"/en/petitions/{petition.slug}/").content.decode()
    assert "Shared [en]" in html


@pytest.mark.django_db
def test_a_change_clears_the_page_for_every_process(redis_cache):
    petition = make_petition(title="Before")
    Client().get(f"/en/petitions/{petition.slug}/")
    text = petition.texts.get()
    text.title = "After"
    text.save()
    assert redis_cache.get(pagecache.petition_key(petition.slug, "en")) is None
    assert "After" in Client().get(f"/en/petitions/{petition.slug}/").content.decode()
