"""Figures for one shared network, at the sizes of the attack in issue 11 (not a test).

    .venv/bin/python -m pytest -p no:cacheprovider bench/one_network.py -q -s

400 ordinary signers behind one /24 within a short time (half with JavaScript, who solve the
puzzle when it is asked; half without, who press Sign again): how many count, how many are held
for a moderator, how many are silently dropped (must be 0). Then one client sends 1,600 sign
POSTs with addresses it chose: how many e-mails are enqueued and sent (at most the hour's cap,
AWAZ_MAIL_PER_NETWORK_PER_HOUR), how many rows are stored (AWAZ_SIGN_STORED_PER_NETWORK_PER_HOUR).
Defaults of config/settings.py throughout, except an easy puzzle (the browser's work is not what
is measured).
"""

import pytest
from django.core.cache import cache

from tests.factories import make_petition
from tests.security.one_network import community_signs, flood_from_one_client

pytestmark = pytest.mark.django_db


def test_figures_for_one_network(settings):
    cache.clear()
    settings.AWAZ_CHALLENGE_MAX_NUMBER = 1000
    community = community_signs(make_petition(), 400)
    print(f"\n{community}")
    assert community.dropped == 0
    flood = flood_from_one_client(make_petition(), 1600)
    print(flood, f"mail cap {settings.AWAZ_MAIL_PER_NETWORK_PER_HOUR}/h")
    assert flood.mailed <= settings.AWAZ_MAIL_PER_NETWORK_PER_HOUR
