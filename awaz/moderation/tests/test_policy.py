"""The lists and limits admins set are what signing obeys, without a restart."""

import pytest

from awaz.audit.models import AuditEntry
from awaz.moderation.services import (
    list_entry_add,
    list_entry_remove,
    petition_challenge_set,
    site_settings_save,
)
from awaz.signatures import challenge
from awaz.signatures.policy import current_policy, domain_matches
from awaz.signatures.services import Origin, Outcome, Signer, signature_sign
from tests.factories import make_petition
from tests.organizers import make_user

pytestmark = pytest.mark.django_db
NETWORK = "d" * 64


@pytest.fixture
def admin():
    return make_user(staff_role="admin")


def sign(petition, email, network=NETWORK):
    return signature_sign(
        petition=petition,
        signer=Signer(name="Ayshe Tursun", email=email, country="KZ"),
        language="en",
        origin=Origin(network_digest=network),
    )


def test_wildcards_match_subdomains_only():
    patterns = frozenset({"*.spam.example", "bad.example"})
    assert domain_matches("a.spam.example", patterns)
    assert domain_matches("x.y.spam.example", patterns)
    assert not domain_matches("spam.example", patterns)
    assert domain_matches("BAD.example.", patterns)
    assert not domain_matches("notbad.example", patterns)


def test_a_blocked_domain_is_refused_silently_and_at_once(admin):
    petition = make_petition()
    assert sign(petition, "one@x.spam.example", network="") == Outcome.NEW
    list_entry_add(kind="blocked_domain", value="*.spam.example", by=admin)
    assert sign(petition, "two@y.spam.example", network="") == Outcome.FRAUDULENT
    assert sign(petition, "three@fine.example", network="") == Outcome.NEW
    assert AuditEntry.objects.filter(action="moderation.list_add").count() == 1


def test_a_blocked_network_is_refused_and_unblocking_takes_effect(admin, settings):
    settings.AWAZ_SIGN_BURST_LIMIT = 10
    petition = make_petition()
    entry = list_entry_add(kind="blocked_network", value=NETWORK.upper(), by=admin)
    assert entry.value == NETWORK
    assert sign(petition, "a@example.org") == Outcome.FRAUDULENT
    assert list_entry_remove(entry_id=entry.pk, by=admin)
    assert sign(petition, "b@example.org") == Outcome.NEW


def test_an_allowed_network_is_not_rate_limited(admin, settings):
    settings.AWAZ_SIGN_BURST_LIMIT = 1
    petition = make_petition()
    assert sign(petition, "a@example.org") == Outcome.NEW
    assert sign(petition, "b@example.org") == Outcome.HELD
    list_entry_add(kind="allowed_network", value=NETWORK, by=admin)
    assert sign(petition, "c@example.org") == Outcome.NEW


def test_limits_saved_in_the_dashboard_replace_the_environments(admin, settings):
    settings.AWAZ_SIGN_BURST_LIMIT = 1
    petition = make_petition()
    site_settings_save(by=admin, values={"sign_burst_limit": 3})
    assert current_policy().burst_limit == 3
    assert [sign(petition, f"{n}@example.org") for n in range(4)] == [
        Outcome.NEW,
        Outcome.NEW,
        Outcome.NEW,
        Outcome.HELD,
    ]
    (entry,) = AuditEntry.objects.filter(action="moderation.settings")
    assert entry.details == {"sign_burst_limit": [None, 3]}
    site_settings_save(by=admin, values={"sign_burst_limit": None})
    assert current_policy().burst_limit == 1


def test_the_challenge_switches_per_petition_and_site_wide(admin, settings):
    settings.AWAZ_CHALLENGE_EVERYWHERE = False
    petition = make_petition()
    assert not challenge.required(petition)
    assert petition_challenge_set(petition=petition, required=True, by=admin)
    assert challenge.required(petition)
    assert not petition_challenge_set(petition=petition, required=True, by=admin)
    petition_challenge_set(petition=petition, required=False, by=admin)
    site_settings_save(by=admin, values={"challenge_everywhere": True})
    assert challenge.required(petition)
    assert AuditEntry.objects.filter(action="petition.challenge").count() == 2


def test_invalid_entries_are_refused(admin):
    from django.core.exceptions import ValidationError

    for kind, value in [("blocked_domain", "a b.example"), ("blocked_network", "xyz")]:
        with pytest.raises(ValidationError):
            list_entry_add(kind=kind, value=value, by=admin)
