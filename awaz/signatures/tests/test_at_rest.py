"""Whoever holds a copy of the database (a backup, a dump, the SQLite file) does not learn who
signed: names and comments are encrypted like addresses, and nothing can search them."""

import os
import subprocess
from pathlib import Path

import pytest
from django.core.exceptions import FieldError, ValidationError
from django.db import connection

from awaz.jobs.worker import Worker
from awaz.petitions.models import Petition
from awaz.privacy import crypto
from awaz.signatures import selectors
from awaz.signatures.exports import CsvExport
from awaz.signatures.models import Signature
from awaz.signatures.services import Origin, Signer, signature_confirm, signature_sign
from tests.factories import make_petition

NAME = "Zulpiqar Qutluqbayeva"
COMMENT = "Mening akam 2017-yildin beri lagerda"
PUBLIC_NAME = "Mewlanjan Tursunbaqi"
PUBLIC_COMMENT = "Dadamning awazi bolay"
SECRETS = [NAME, COMMENT, PUBLIC_NAME, PUBLIC_COMMENT, "Zulpiqar", "Mewlanjan", "lagerda"]
ANYWHERE = Origin(network_digest="", allowed_network=True)


def signed_and_confirmed() -> Petition:
    petition = make_petition(private_signers=Petition.PrivateSigners.COUNTRY)
    for name, comment, public, email in [
        (NAME, COMMENT, False, "zq@example.org"),
        (PUBLIC_NAME, PUBLIC_COMMENT, True, "mt@example.org"),
    ]:
        signature_sign(
            petition=petition,
            signer=Signer(name=name, email=email, country="KZ", comment=comment, is_public=public),
            language="en",
            origin=ANYWHERE,
        )
    for signature in Signature.objects.filter(petition=petition):
        signature_confirm(signature_id=signature.pk)
    Worker(worker_id="test", queues=["default"], idle_sleep=0).run(once=True)  # mail them
    return petition


def every_text_and_bytes_value() -> str:
    """Every column of every table, as text: what a dump of the database holds."""
    values: list[str] = []
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {quote(table)}")  # noqa: S608 (our own table names)
            for row in cursor.fetchall():
                for value in row:
                    if isinstance(value, bytes | memoryview):
                        values.append(bytes(value).decode("utf-8", "replace"))
                    elif value is not None:
                        values.append(str(value))
    return "\n".join(values)


def raw_database() -> bytes:
    """The database as a backup holds it: the SQLite files, or pg_dump's output."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        connection.close()  # everything written down, then read the files as they are on disk
        path = Path(settings["NAME"])
        files = [path, Path(f"{path}-wal"), Path(f"{path}-journal")]
        return b"".join(file.read_bytes() for file in files if file.exists())
    environment = {**os.environ, "PGPASSWORD": settings.get("PASSWORD") or ""}
    command = [
        "pg_dump",
        "-h",
        settings["HOST"] or "127.0.0.1",
        "-p",
        str(settings["PORT"] or 5432),
    ]
    command += ["-U", settings["USER"] or "postgres", settings["NAME"]]
    return subprocess.run(command, check=True, capture_output=True, env=environment).stdout  # noqa: S603


@pytest.mark.django_db(transaction=True)
def test_no_name_or_comment_is_in_any_table_or_in_the_database_files():
    petition = signed_and_confirmed()
    # They are there for the page (the public signer) and for the signer's own e-mails.
    (public,) = [row for row in selectors.signatures_recent(petition=petition) if row.first_name]
    assert public.first_name == "Mewlanjan" and public.comment == PUBLIC_COMMENT
    assert sorted(Signature.objects.values_list("name", flat=True)) == [PUBLIC_NAME, NAME]
    dump = every_text_and_bytes_value()
    raw = raw_database()
    assert "Free the voices" in dump and b"Free the voices" in raw  # the dumps do hold data
    for secret in SECRETS:
        assert secret not in dump, secret
        assert secret.encode() not in raw, secret


@pytest.mark.django_db
def test_a_private_signers_name_and_comment_are_never_decrypted_for_the_page(monkeypatch):
    petition = signed_and_confirmed()
    opened: list[str] = []
    decrypt = crypto.decrypt

    def recording(token: str) -> str:
        opened.append(decrypt(token))
        return opened[-1]

    monkeypatch.setattr(crypto, "decrypt", recording)
    recent = selectors.signatures_recent(petition=petition)
    lines = b"".join(CsvExport(petition, include_emails=False).lines()).decode()
    assert [row.first_name for row in recent] == ["Mewlanjan", ""]
    assert NAME not in lines and "Zulpiqar" not in lines and "Mewlanjan" in lines
    assert NAME not in opened and COMMENT not in opened
    assert PUBLIC_NAME in opened


@pytest.mark.django_db
def test_names_and_comments_cannot_be_searched():
    petition = signed_and_confirmed()
    with pytest.raises(FieldError):
        Signature.objects.filter(name=NAME).exists()
    with pytest.raises(FieldError):
        Signature.objects.filter(name__icontains="Zul").exists()
    with pytest.raises(FieldError):
        Signature.objects.filter(comment__startswith="M").exists()
    with pytest.raises(FieldError):
        Signature.objects.filter(name__lower="x").exists()
    # Whether there is a comment at all may be asked (and the empty string stays empty).
    assert Signature.objects.filter(petition=petition).exclude(comment="").count() == 2


@pytest.mark.django_db
def test_the_limits_apply_to_the_plain_text():
    signature = Signature(name="x" * 101, comment="y" * 1001)
    with pytest.raises(ValidationError) as error:
        signature.clean_fields(
            exclude={"petition", "country", "language", "email_digest", "consent"}
        )
    assert set(error.value.message_dict) == {"name", "comment"}


@pytest.mark.django_db
def test_a_second_signature_is_still_refused_by_the_address_digest():
    petition = make_petition()
    for name in ["Ayshe Tursun", "Someone Else"]:
        signature_sign(
            petition=petition,
            signer=Signer(name=name, email="Ayshe@Example.org", country="KZ"),
            language="en",
            origin=ANYWHERE,
        )
    assert Signature.objects.filter(petition=petition).count() == 1
    assert Signature.objects.get(petition=petition).name == "Ayshe Tursun"
