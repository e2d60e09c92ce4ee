"""Webhooks: delivery limits, retries, coalescing and switching off (see awaz/webhooks)."""

from config.env import env_int, env_str

# Endpoints one organization may register.
AWAZ_WEBHOOK_MAX = env_int("AWAZ_WEBHOOK_MAX", 10, minimum=1)
# Seconds to wait for a receiver's answer.
AWAZ_WEBHOOK_TIMEOUT = env_int("AWAZ_WEBHOOK_TIMEOUT", 10, minimum=1)
# Attempts per delivery (retried with the worker's exponential backoff).
AWAZ_WEBHOOK_ATTEMPTS = env_int("AWAZ_WEBHOOK_ATTEMPTS", 8, minimum=1)
# signature.confirmed: at most one delivery per endpoint and petition every this many seconds.
AWAZ_WEBHOOK_COUNT_INTERVAL = env_int("AWAZ_WEBHOOK_COUNT_INTERVAL", 60, minimum=1)
# An endpoint is switched off after this many consecutive failed attempts spread over at least
# this many seconds (one bad minute does not switch off a receiver that is being restarted).
AWAZ_WEBHOOK_FAILURES = env_int("AWAZ_WEBHOOK_FAILURES", 20, minimum=1)
AWAZ_WEBHOOK_FAILING_SECONDS = env_int("AWAZ_WEBHOOK_FAILING_SECONDS", 3600, minimum=0)
# Certificates to trust for receivers (a PEM file), instead of the system's; empty: the system's.
AWAZ_WEBHOOK_CA_FILE = env_str("AWAZ_WEBHOOK_CA_FILE")
# Tests only, never from the environment: networks a webhook may reach although they are not
# public (the test's receiver on loopback). `check --deploy` refuses any value.
AWAZ_WEBHOOK_TEST_NETWORKS: list[str] = []
