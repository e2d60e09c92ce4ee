import os
import subprocess
import sys

import pytest

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
