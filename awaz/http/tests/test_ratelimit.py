"""The one limiter outside signing (log-ins, reports, access e-mails)."""

from pathlib import Path

from django.core.cache import cache

from awaz.http.ratelimit import Rate, rate_note, rate_reached, rate_take

NETWORK = "n" * 64
RATE = Rate("test-network", 2, 60)


def test_a_subject_gets_its_limit_in_a_window_and_no_more():
    assert rate_take(rates=[(RATE, NETWORK)])
    assert rate_take(rates=[(RATE, NETWORK)])
    assert not rate_take(rates=[(RATE, NETWORK)])
    assert rate_take(rates=[(RATE, "m" * 64)])  # another network counts apart
    assert rate_take(rates=[(Rate("other-scope", 2, 60), NETWORK)])  # and another scope


def test_reached_only_looks_and_note_counts():
    assert not rate_reached(rates=[(RATE, NETWORK)])
    assert rate_note(rate=RATE, subject=NETWORK) == 1
    assert not rate_reached(rates=[(RATE, NETWORK)])
    assert rate_note(rate=RATE, subject=NETWORK) == 2
    assert rate_reached(rates=[(RATE, NETWORK)])


def test_the_first_rate_over_its_limit_stops_the_count_of_the_later_ones():
    tight, loose = Rate("tight", 1, 60), Rate("loose", 5, 60)
    assert rate_take(rates=[(tight, NETWORK), (loose, NETWORK)])
    assert not rate_take(rates=[(tight, NETWORK), (loose, NETWORK)])
    assert rate_note(rate=loose, subject=NETWORK) == 2  # the refused try did not count here


def test_the_window_ends_and_the_subject_may_go_on():
    rate_note(rate=RATE, subject=NETWORK)
    rate_note(rate=RATE, subject=NETWORK)
    cache.clear()  # what the cache's timeout does after RATE.seconds
    assert rate_take(rates=[(RATE, NETWORK)])


def test_the_cache_keys_never_carry_the_subject():
    from awaz.http.ratelimit import _key

    assert NETWORK not in _key(RATE, NETWORK)
    assert "ann@example.org" not in _key(RATE, "ann@example.org")


def test_log_ins_reports_and_access_e_mails_take_the_one_road():
    root = Path(__file__).resolve().parents[2]
    for module in ("accounts/throttle.py", "moderation/reports.py", "signatures/access.py"):
        source = (root / module).read_text()
        assert "awaz.http.ratelimit" in source, module
        assert "cache.incr" not in source and 'claim_once("report' not in source, module
        assert 'claim_once("access-mail' not in source, module
