import pytest

from awaz.signatures.identity import canonical_email, email_digest, email_domain


@pytest.mark.parametrize(
    ("address", "canonical"),
    [
        ("Ayshe@Example.org", "ayshe@example.org"),
        ("  ayshe@example.org ", "ayshe@example.org"),
        ("ayshe+petitions@example.org", "ayshe@example.org"),
        ("a.y.s.h.e@gmail.com", "ayshe@gmail.com"),
        ("A.Yshe+x@GoogleMail.com", "ayshe@gmail.com"),
        ("a.yshe@example.org", "a.yshe@example.org"),  # only Gmail ignores dots
    ],
)
def test_canonical_email_follows_the_documented_rules(address, canonical):
    assert canonical_email(address) == canonical


def test_the_digest_is_keyed_and_identical_for_the_same_signer(settings):
    first = email_digest("Ayshe+x@example.org")
    assert first == email_digest("ayshe@example.org")
    assert len(first) == 64 and "ayshe" not in first
    settings.AWAZ_EMAIL_DIGEST_KEY = "another key"
    assert email_digest("ayshe@example.org") != first


def test_email_domain_is_the_canonical_domain():
    assert email_domain("x@GoogleMail.com") == "gmail.com"
