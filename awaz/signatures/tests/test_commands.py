import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from awaz.petitions.models import Petition
from awaz.signatures.models import Signature
from awaz.signatures.tasks import purge_network_digests
from tests.factories import make_petition, make_signatures

pytestmark = pytest.mark.django_db


def test_recount_reports_every_petition_and_fails_on_drift():
    good = make_petition(slug="good")
    make_signatures(good, 3)
    bad = make_petition(slug="bad")
    make_signatures(bad, 2)
    Petition.objects.filter(pk=bad.pk).update(signature_count=5)
    out = StringIO()
    with pytest.raises(CommandError, match="1 petition"):
        call_command("recount_signatures", stdout=out)
    assert "good: published 3, unfolded +0, confirmed rows 3, on paper 0  ok" in out.getvalue()
    assert "bad: published 5, unfolded +0, confirmed rows 2, on paper 0  DRIFT +3" in out.getvalue()


def test_recount_repair_sets_the_count_to_the_confirmed_rows():
    bad = make_petition(slug="bad")
    make_signatures(bad, 2)
    Petition.objects.filter(pk=bad.pk).update(signature_count=5)
    call_command("recount_signatures", "bad", "--repair", stdout=StringIO())
    bad.refresh_from_db()
    assert bad.signature_count == 2
    call_command("recount_signatures", stdout=StringIO())  # no drift left: no error


def test_recount_refuses_an_unknown_petition():
    with pytest.raises(CommandError, match="No such petition: nope"):
        call_command("recount_signatures", "nope")


def test_network_digests_are_forgotten_after_the_fraud_window(settings):
    settings.AWAZ_NETWORK_DIGEST_HOURS = 48
    petition = make_petition()
    make_signatures(petition, 2)
    Signature.objects.update(network_digest="d" * 64)
    oldest = Signature.objects.order_by("pk")[:1].get()
    Signature.objects.filter(pk=oldest.pk).update(
        created_at=timezone.now() - datetime.timedelta(hours=49)
    )
    purge_network_digests()
    digests = list(Signature.objects.order_by("pk").values_list("network_digest", flat=True))
    assert digests == ["", "d" * 64]
