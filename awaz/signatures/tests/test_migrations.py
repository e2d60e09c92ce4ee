"""The names and comments signed before they were encrypted get encrypted by the migration (and
decrypted again if it is rolled back), on SQLite and on PostgreSQL."""

import importlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from awaz.privacy import crypto
from awaz.signatures.models import Signature
from tests.factories import make_petition

BEFORE = [("signatures", "0004_moderators_hide_comments")]
ENCRYPTED = [("signatures", "0005_encrypt_names_and_comments")]


def raw_rows() -> list[tuple[str, str]]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, comment FROM signatures_signature ORDER BY id")
        return [(str(name), str(comment)) for name, comment in cursor.fetchall()]


def migrate(targets: list[tuple[str, str]]) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor


@pytest.mark.django_db(transaction=True)
def test_the_migration_encrypts_existing_rows_and_its_reverse_decrypts_them():
    petition = make_petition()
    executor = migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps.get_model("signatures", "Signature")
    for number, comment in [(1, "Men qoshulimen"), (2, "")]:
        old.objects.create(
            petition_id=petition.pk,
            name=f"Ayshe Tursun {number}",
            country="KZ",
            comment=comment,
            language="en",
            email_digest=f"{number:064x}",
            consent="test",
        )
    try:
        migrate(ENCRYPTED)
        (name_one, comment_one), (name_two, comment_two) = raw_rows()
        assert crypto.decrypt(name_one) == "Ayshe Tursun 1"
        assert crypto.decrypt(comment_one) == "Men qoshulimen" and comment_two == ""
        assert "Ayshe" not in name_two
        with connection.schema_editor() as editor:  # run again, it changes nothing
            importlib.import_module(f"awaz.signatures.migrations.{ENCRYPTED[0][1]}").encrypt_rows(
                None, editor
            )
        assert raw_rows()[0][0] == name_one
        migrate(BEFORE)
        assert raw_rows() == [("Ayshe Tursun 1", "Men qoshulimen"), ("Ayshe Tursun 2", "")]
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    names = sorted(Signature.objects.values_list("name", flat=True))
    assert names == ["Ayshe Tursun 1", "Ayshe Tursun 2"]
