"""Control characters and IP-literal addresses never get in through a form (issue 11)."""

import pytest
from django import forms
from django.test import Client

from awaz.core.formfields import EmailAddressField
from awaz.http.textinput import clean_text
from awaz.public.forms import form_stamp
from awaz.signatures.models import Signature
from tests.factories import make_petition

ZWNJ, ZWJ, RLM = "\u200c", "\u200d", "\u200f"


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("Ann\x1b[31mLee\x1b[0m", "Ann[31mLee[0m"),  # ANSI: the escape goes, the text stays
        ("gnp.exe\u202ertf.txt", "gnp.exertf.txt"),  # a right-to-left override
        ("a\u2066b\u2069c\u202ad\u202c", "abcd"),  # isolates and embeddings
        ("zero\u200bwidth\ufeff\x00\x7f\x85", "zerowidth"),
        ("line one\r\nline two\tend", "line one\r\nline two\tend"),
        (f"مې{ZWNJ}ھرى{ZWJ}بان{RLM}", f"مې{ZWNJ}ھرى{ZWJ}بان{RLM}"),  # what Arabic script needs
        ("Ayshe Tursun", "Ayshe Tursun"),
    ],
)
def test_clean_text_drops_controls_but_keeps_what_arabic_script_needs(given, kept):
    assert clean_text(given) == kept


@pytest.mark.django_db
def test_a_signature_is_stored_without_the_control_characters_it_was_sent_with(settings):
    settings.AWAZ_MIN_FILL_SECONDS = 0
    petition = make_petition()
    response = Client().post(
        f"/en/petitions/{petition.slug}/sign/",
        {
            "name": "Ayshe\u202e Tursun\x1b[2J",
            "email": "ayshe@example.org",
            "country": "KZ",
            "comment": f"Meniñ\u2066 akam{ZWNJ}\x07",
            "stamp": form_stamp(),
        },
    )
    assert response.status_code == 303
    signature = Signature.objects.get()
    assert signature.name == "Ayshe Tursun[2J"
    assert signature.comment == f"Meniñ akam{ZWNJ}"


class _Form(forms.Form):
    email = EmailAddressField()


@pytest.mark.parametrize(
    "address", ["a@[127.0.0.1]", "a@[IPv6:::1]", "a@[10.0.0.1]", "a@127.0.0.1", "a@localhost"]
)
def test_an_address_at_an_ip_is_refused_with_a_clear_message(address):
    form = _Form({"email": address})
    assert not form.is_valid()
    assert form.errors["email"]


def test_the_ip_literal_message_says_what_to_do():
    form = _Form({"email": "a@[127.0.0.1]"})
    assert form.errors["email"] == [
        "Enter an address at a domain name (like example.org), not at an IP address."
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    ["/en/petitions/{slug}/sign/", "/en/my-signatures/", "/en/accounts/password/"],
)
def test_every_form_that_takes_an_address_refuses_an_ip_literal(path, settings):
    settings.AWAZ_MIN_FILL_SECONDS = 0
    petition = make_petition()
    response = Client().post(
        path.format(slug=petition.slug),
        {"name": "Ann", "email": "ann@[127.0.0.1]", "country": "KZ", "stamp": form_stamp()},
    )
    assert "not at an IP address" in response.content.decode()
    assert not Signature.objects.exists()
