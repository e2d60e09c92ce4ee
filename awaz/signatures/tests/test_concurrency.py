"""The count stays exact under concurrent confirmations, withdrawals, invalidations and folds."""

import random
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connections

from awaz.signatures.counting import live_count, signature_count_recount, signature_counts_fold
from awaz.signatures.models import Signature
from awaz.signatures.services import signature_confirm, signature_invalidate, signature_remove
from tests.factories import make_petition, make_signatures

pytestmark = pytest.mark.django_db(transaction=True)


def in_own_connection(action, *args):
    try:
        return action(*args)
    finally:
        connections.close_all()


def test_200_concurrent_confirmations_on_one_petition_count_exactly():
    petition = make_petition()
    pending = make_signatures(petition, 200, status="pending")
    ids = list(Signature.objects.filter(petition=petition).values_list("pk", flat=True))
    assert len(ids) == len(pending) == 200

    def confirm(signature_id):
        return signature_confirm(signature_id=signature_id)

    def fold(_):
        return signature_counts_fold(petition_id=petition.pk)

    with ThreadPoolExecutor(max_workers=32) as pool:
        confirmations = [pool.submit(in_own_connection, confirm, pk) for pk in ids]
        folds = [pool.submit(in_own_connection, fold, n) for n in range(20)]
        assert all(future.result() == "confirmed" for future in confirmations)
        for future in folds:
            future.result()

    signature_counts_fold(petition_id=petition.pk)
    petition.refresh_from_db()
    assert petition.signature_count == 200
    assert Signature.objects.counted().filter(petition=petition).count() == 200


def test_a_mix_of_confirmations_withdrawals_and_invalidations_keeps_the_count_exact():
    petition = make_petition()
    make_signatures(petition, 120, status="pending")
    ids = list(Signature.objects.filter(petition=petition).values_list("pk", flat=True))
    rng = random.Random(7)  # a fixed seed: the same mix on every run
    actions: list[tuple[Callable[..., object], int]] = []
    for pk in ids:
        actions.append((signature_confirm, pk))
        follow_up = rng.choice([None, None, signature_remove, signature_invalidate])
        if follow_up:
            actions.append((follow_up, pk))

    def run(action, pk):
        return action(signature_id=pk)

    with ThreadPoolExecutor(max_workers=16) as pool:
        # Follow-ups may overtake their confirmation; every order must stay exact.
        futures = [pool.submit(in_own_connection, run, action, pk) for action, pk in actions]
        futures += [
            pool.submit(in_own_connection, lambda: signature_counts_fold(petition_id=petition.pk))
            for _ in range(10)
        ]
        for future in futures:
            future.result()

    confirmed = Signature.objects.counted().filter(petition=petition).count()
    assert live_count(petition.pk) == confirmed
    assert signature_count_recount(petition_id=petition.pk).drift == 0


def test_20_simultaneous_signs_from_one_network_pass_a_limit_of_1_exactly_once(settings):
    """The limit is exact under concurrency (one lock per network): 1 counts, 19 are held,
    none is dropped and every signer gets the confirmation."""
    from django_tasks_db.models import DBTaskResult

    from awaz.signatures.services import Origin, Signer, signature_sign

    settings.AWAZ_SIGN_BURST_LIMIT = 1
    petition = make_petition()
    origin = Origin(network_digest="c0ffee" * 10 + "0000")

    def sign(number):
        signer = Signer(name="Ayshe", email=f"s{number}@example.org", country="KZ")
        return signature_sign(petition=petition, signer=signer, language="en", origin=origin)

    with ThreadPoolExecutor(max_workers=20) as pool:
        outcomes = list(pool.map(lambda n: in_own_connection(sign, n), range(20)))

    assert sorted(outcomes) == sorted(["new"] + ["held"] * 19)
    statuses = list(Signature.objects.values_list("status", flat=True))
    assert sorted(statuses) == sorted(["pending"] + ["suspect"] * 19)
    assert DBTaskResult.objects.count() == 20
