"""Keys rotate: a new key goes first, the command moves every encrypted value under it, batch by
batch and resumably, and then the old key can go without anything becoming unreadable."""

import io

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import connection, models

from awaz.core import keyrotation
from awaz.core.fields import EncryptedTextField
from awaz.privacy import crypto
from awaz.signatures.models import Signature
from tests.factories import make_petition, make_signatures

pytestmark = pytest.mark.django_db

OLD, NEW = "the old key", "the new key"


def raw(signature_id: int, column: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {column} FROM signatures_signature WHERE id = %s",  # noqa: S608
            [signature_id],
        )
        return str(cursor.fetchone()[0])


@pytest.fixture
def signatures(settings):
    settings.AWAZ_ENCRYPTION_KEYS = [OLD]
    petition = make_petition()
    rows = make_signatures(petition, 7)
    Signature.objects.filter(pk=rows[0].pk).update(
        email_encrypted=crypto.encrypt("ayshe@example.org"), comment=""
    )
    settings.AWAZ_ENCRYPTION_KEYS = [NEW, OLD]
    return [row.pk for row in rows]


def readable_with_the_new_key_alone(settings, ids):
    settings.AWAZ_ENCRYPTION_KEYS = [NEW]
    names = dict(Signature.objects.filter(pk__in=ids).values_list("pk", "name"))
    assert all(name.startswith("Signer") for name in names.values())
    assert crypto.decrypt(raw(ids[0], "email_encrypted")) == "ayshe@example.org"


def test_every_encrypted_column_is_rotated(signatures, settings):
    call_command("rotate_encryption_keys", "--batch-size", "3", stdout=io.StringIO())
    for signature_id in signatures:
        assert crypto.is_current(raw(signature_id, "name"))
    assert crypto.is_current(raw(signatures[1], "comment"))
    assert raw(signatures[0], "comment") == ""  # an empty value stays empty
    readable_with_the_new_key_alone(settings, signatures)


def test_before_the_rotation_the_old_key_is_still_needed(signatures, settings):
    settings.AWAZ_ENCRYPTION_KEYS = [NEW]
    with pytest.raises(crypto.DecryptionError):
        list(Signature.objects.filter(pk__in=signatures).values_list("name", flat=True))


def test_a_stopped_rotation_resumes_where_it_stopped(signatures, settings, monkeypatch):
    reencrypt = crypto.reencrypt
    calls = []

    def failing_after_four(token: str) -> str | None:
        calls.append(token)
        if len(calls) > 4:
            raise KeyboardInterrupt  # the operator presses Ctrl+C in the third batch
        return reencrypt(token)

    monkeypatch.setattr(crypto, "reencrypt", failing_after_four)
    with pytest.raises(KeyboardInterrupt):
        keyrotation.encryption_keys_rotate(batch_size=2)
    monkeypatch.setattr(crypto, "reencrypt", reencrypt)
    # Two batches of comments were written; the third, stopped half-way, was not.
    assert keyrotation.values_under_old_keys()["signatures.Signature.comment"] == 6 - 4
    results = {result.column: result for result in keyrotation.encryption_keys_rotate()}
    assert results["signatures.Signature.comment"].reencrypted == 2
    assert results["signatures.Signature.comment"].rows_read == 6  # the rest just skipped
    assert results["signatures.Signature.email_encrypted"].reencrypted == 1
    assert results["signatures.Signature.name"].reencrypted == 7
    assert set(keyrotation.values_under_old_keys().values()) == {0}
    readable_with_the_new_key_alone(settings, signatures)


def test_a_value_changed_during_the_rotation_is_not_overwritten(signatures, monkeypatch):
    reencrypt = crypto.reencrypt

    def confirming_meanwhile(token: str) -> str | None:
        # The signer confirms while the batch is in hand: the address is erased.
        Signature.objects.filter(pk=signatures[0]).update(email_encrypted="")
        return reencrypt(token)

    monkeypatch.setattr(crypto, "reencrypt", confirming_meanwhile)
    keyrotation.column_rotate(column=keyrotation.Column(Signature, "email_encrypted"))
    assert raw(signatures[0], "email_encrypted") == ""


def test_check_fails_until_every_value_is_under_the_newest_key(signatures):
    with pytest.raises(CommandError, match="still under older keys"):
        call_command("rotate_encryption_keys", "--check", stdout=io.StringIO())
    call_command("rotate_encryption_keys", stdout=io.StringIO())
    call_command("rotate_encryption_keys", "--check", stdout=io.StringIO())


def test_a_missing_key_stops_the_rotation_with_advice(signatures, settings):
    settings.AWAZ_ENCRYPTION_KEYS = [NEW, "another key"]
    with pytest.raises(CommandError, match="removed from AWAZ_ENCRYPTION_KEYS too early"):
        call_command("rotate_encryption_keys", stdout=io.StringIO())


def test_every_column_that_holds_a_token_is_known_to_the_rotation():
    known = {column.label for column in keyrotation.encrypted_columns()}
    holding_tokens = {
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, EncryptedTextField)
        or (isinstance(field, models.TextField) and field.name.endswith("_encrypted"))
    }
    assert holding_tokens <= known
    assert {"signatures.Signature.name", "signatures.Signature.comment"} <= known
