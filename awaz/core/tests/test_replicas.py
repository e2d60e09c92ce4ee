import os
import subprocess
import sys
from unittest.mock import Mock

import pytest
from django.core.exceptions import MiddlewareNotUsed
from django.db import OperationalError
from django.http import HttpResponse

from awaz.core import replicas
from awaz.core.replicas import ReplicaRouter, from_replica
from awaz.petitions.models import Petition


@pytest.fixture
def two_replicas(monkeypatch):
    monkeypatch.setattr(replicas, "replicas", lambda: ["replica0", "replica1"])


def test_public_reads_go_to_a_replica_when_there_is_one(two_replicas):
    router = ReplicaRouter()

    @from_replica
    def public_page() -> str | None:
        return router.db_for_read(Petition)

    assert public_page() in {"replica0", "replica1"}
    assert router.db_for_read(Petition) == "default"  # outside such a page: the primary


def test_without_replicas_every_read_uses_the_primary():
    router = ReplicaRouter()
    assert from_replica(lambda: router.db_for_read(Petition))() == "default"


def test_writes_and_migrations_always_use_the_primary(two_replicas):
    router = ReplicaRouter()
    assert from_replica(lambda: router.db_for_write(Petition))() == "default"
    assert router.allow_migrate("replica0", "petitions") is False
    assert router.allow_migrate("default", "petitions") is True


def test_replicas_come_from_the_environment():
    environment = {
        **os.environ,
        "DATABASE_REPLICA_URLS": "postgres://r1@10.0.0.2/awaz,postgres://r2@10.0.0.3/awaz",
    }
    output = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(sorted(settings.DATABASES), settings.DATABASES['replica1']['HOST'])",
        ],
        env={**environment, "DJANGO_SETTINGS_MODULE": "config.settings"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert output.strip() == "['default', 'replica0', 'replica1'] 10.0.0.3"


def test_a_reader_who_just_wrote_reads_the_primary(two_replicas, rf):
    router = ReplicaRouter()
    view = from_replica(lambda request: router.db_for_read(Petition))
    request = rf.get("/", HTTP_COOKIE=f"{replicas.PIN_COOKIE}=1")
    assert view(request) == "default"
    assert view(rf.get("/")) in {"replica0", "replica1"}


def test_a_write_pins_the_browser_to_the_primary_for_a_while(two_replicas, rf, settings):
    settings.AWAZ_REPLICA_PIN_SECONDS = 7
    middleware = replicas.PinAfterWriteMiddleware(lambda request: HttpResponse())
    pinned = middleware(rf.post("/en/petitions/x/sign/")).cookies[replicas.PIN_COOKIE]
    assert (pinned.value, pinned["max-age"], pinned["httponly"]) == ("1", 7, True)
    assert replicas.PIN_COOKIE not in middleware(rf.get("/en/")).cookies


def test_one_database_needs_no_pinning():
    with pytest.raises(MiddlewareNotUsed):
        replicas.PinAfterWriteMiddleware(lambda request: HttpResponse())


def test_an_unreachable_replica_is_skipped_and_the_page_read_from_the_primary(
    two_replicas, monkeypatch, settings
):
    settings.AWAZ_REPLICA_RETRY_SECONDS = 60
    monkeypatch.setattr(replicas, "_down", {})
    monkeypatch.setattr(replicas, "_reachable", lambda alias: False)
    monkeypatch.setattr(replicas, "connections", {"replica0": Mock(), "replica1": Mock()})
    router, used = ReplicaRouter(), []

    @from_replica
    def page() -> str:
        alias = router.db_for_read(Petition) or ""
        used.append(alias)
        if alias != "default":
            raise OperationalError("server closed the connection unexpectedly")
        return alias

    assert page() == "default"
    assert used[0] in {"replica0", "replica1"} and used[1:] == ["default"]
    assert replicas.replicas_up() == [{"replica0": "replica1", "replica1": "replica0"}[used[0]]]


def test_a_failing_query_is_not_blamed_on_a_replica_that_answers(two_replicas, monkeypatch):
    monkeypatch.setattr(replicas, "_down", {})
    monkeypatch.setattr(replicas, "_reachable", lambda alias: True)

    @from_replica
    def page() -> str:
        raise OperationalError("canceling statement due to statement timeout")

    with pytest.raises(OperationalError):
        page()
    assert replicas.replicas_up() == ["replica0", "replica1"]
