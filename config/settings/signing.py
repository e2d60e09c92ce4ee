"""Signing and signer safety: keys, rate limits, the challenge, retention, counting."""

from config.env import (
    env_bool,
    env_int,
    env_list,
    env_networks,
    env_secret,
    secrets_from_files,
)
from config.settings.base import VAR_DIR

# Keys of their own, never SECRET_KEY: the digest of signers' e-mail addresses, the digest of
# their networks, and the encryption of addresses at rest (newest first; older ones still read).
AWAZ_EMAIL_DIGEST_KEY = env_secret("AWAZ_EMAIL_DIGEST_KEY", VAR_DIR)
AWAZ_NETWORK_DIGEST_KEY = env_secret("AWAZ_NETWORK_DIGEST_KEY", VAR_DIR)
AWAZ_ENCRYPTION_KEYS = env_list("AWAZ_ENCRYPTION_KEYS") or [
    env_secret("AWAZ_ENCRYPTION_KEY", VAR_DIR)
]
# Those of the keys protecting signers' data that sit in files beside the database (var/secrets/),
# not in the environment: the privacy page says which is true (docs/operating.md, "Keys").
AWAZ_KEYS_IN_FILES = sorted(
    secrets_from_files()
    & {"AWAZ_EMAIL_DIGEST_KEY", "AWAZ_NETWORK_DIGEST_KEY", "AWAZ_ENCRYPTION_KEY"}
)
# X-Forwarded-For hops to trust (the number of reverse proxies in front of Awaz).
AWAZ_TRUSTED_PROXY_HOPS = env_int("AWAZ_TRUSTED_PROXY_HOPS", 0, minimum=0)
# Networks never rate-limited (shared exits such as a campus NAT), comma-separated CIDRs.
AWAZ_ALLOWED_NETWORKS = env_networks("AWAZ_ALLOWED_NETWORKS")
# Per petition and network: at most N signatures in a window; beyond that a signature is held
# for a moderator (not counted until released) unless it brings a solved puzzle, which the form
# then asks of that network.
AWAZ_SIGN_BURST_LIMIT = env_int("AWAZ_SIGN_BURST_LIMIT", 1, minimum=1)
AWAZ_SIGN_BURST_SECONDS = env_int("AWAZ_SIGN_BURST_SECONDS", 60, minimum=1)
AWAZ_SIGN_SUSTAINED_LIMIT = env_int("AWAZ_SIGN_SUSTAINED_LIMIT", 5, minimum=1)
AWAZ_SIGN_SUSTAINED_SECONDS = env_int("AWAZ_SIGN_SUSTAINED_SECONDS", 300, minimum=1)
# Hours a signature keeps the digest of its network (rate limits, trending), then it is erased.
AWAZ_NETWORK_DIGEST_HOURS = env_int("AWAZ_NETWORK_DIGEST_HOURS", 48, minimum=1)
# A form sent sooner than this after the page was served was not filled in by a person.
AWAZ_MIN_FILL_SECONDS = env_int("AWAZ_MIN_FILL_SECONDS", 2, minimum=0)
# The proof-of-work challenge: for every petition (else per petition), its difficulty (the
# largest number a browser may have to try), its own key, and the stricter limits for browsers
# that send no answer because they run no JavaScript (beyond them: held for a moderator).
AWAZ_CHALLENGE_EVERYWHERE = env_bool("AWAZ_CHALLENGE_EVERYWHERE", default=False)
AWAZ_CHALLENGE_MAX_NUMBER = env_int("AWAZ_CHALLENGE_MAX_NUMBER", 100_000, minimum=1000)
AWAZ_CHALLENGE_KEY = env_secret("AWAZ_CHALLENGE_KEY", VAR_DIR)
AWAZ_NOSCRIPT_BURST_LIMIT = env_int("AWAZ_NOSCRIPT_BURST_LIMIT", 1, minimum=1)
AWAZ_NOSCRIPT_BURST_SECONDS = env_int("AWAZ_NOSCRIPT_BURST_SECONDS", 600, minimum=1)
# The hour's caps per network (a keyed digest; all petitions): confirmation e-mails mailed to
# its signatures, then signatures stored at all. Over the mail cap a signature is stored but not
# mailed (signing again later mails it); over the stored cap nothing is kept. Both are silent.
# Generous enough for a community event behind one NAT; see docs/operating.md.
AWAZ_MAIL_PER_NETWORK_PER_HOUR = env_int("AWAZ_MAIL_PER_NETWORK_PER_HOUR", 600, minimum=1)
AWAZ_SIGN_STORED_PER_NETWORK_PER_HOUR = env_int(
    "AWAZ_SIGN_STORED_PER_NETWORK_PER_HOUR", 1500, minimum=1
)
# Per e-mail domain: confirmations still unconfirmed that were mailed in the last hour. Large
# providers are exempt (their real signers would be the first refused; the network cap and the
# trending alerts still apply to them), comma-separated, `*.example.com` for subdomains.
AWAZ_MAIL_PER_DOMAIN_PER_HOUR = env_int("AWAZ_MAIL_PER_DOMAIN_PER_HOUR", 1000, minimum=1)
AWAZ_MAIL_DOMAIN_CAP_EXEMPT = frozenset(
    domain.lower()
    for domain in env_list(
        "AWAZ_MAIL_DOMAIN_CAP_EXEMPT",
        "gmail.com,googlemail.com,outlook.com,hotmail.com,live.com,yahoo.com,icloud.com,"
        "proton.me,protonmail.com,gmx.de,gmx.net,web.de,yandex.com,mail.ru",
    )
)
# E-mails one address can receive about one petition, ever (no mail-bombing through the form).
AWAZ_MAX_EMAILS_PER_SIGNATURE = env_int("AWAZ_MAX_EMAILS_PER_SIGNATURE", 3, minimum=1)
# How long the links in a signer's e-mails work, in seconds (default 7 days).
AWAZ_TOKEN_MAX_AGE = env_int("AWAZ_TOKEN_MAX_AGE", 7 * 24 * 3600, minimum=60)
# Per-country (and per-region) counts smaller than this are never shown apart, anywhere.
AWAZ_K_ANONYMITY = env_int("AWAZ_K_ANONYMITY", 10, minimum=1)
# Personal data of signatures is deleted at the latest this many days after a petition closes.
AWAZ_RETENTION_DAYS = env_int("AWAZ_RETENTION_DAYS", 90, minimum=1)
# "My signatures": how long the e-mailed link works, how long the session it opens lasts, and
# how many such e-mails an address, and a network, can ask for in a day.
AWAZ_ACCESS_LINK_SECONDS = env_int("AWAZ_ACCESS_LINK_SECONDS", 3600, minimum=60)
AWAZ_ACCESS_SESSION_SECONDS = env_int("AWAZ_ACCESS_SESSION_SECONDS", 1800, minimum=60)
AWAZ_ACCESS_EMAILS_PER_DAY = env_int("AWAZ_ACCESS_EMAILS_PER_DAY", 3, minimum=1)
AWAZ_ACCESS_EMAILS_PER_NETWORK_PER_DAY = env_int(
    "AWAZ_ACCESS_EMAILS_PER_NETWORK_PER_DAY", 20, minimum=1
)
# Update e-mails to signers: messages per batch, and the pace (per minute) of a mailing.
AWAZ_UPDATE_BATCH = env_int("AWAZ_UPDATE_BATCH", 100, minimum=1)
AWAZ_UPDATE_EMAILS_PER_MINUTE = env_int("AWAZ_UPDATE_EMAILS_PER_MINUTE", 600, minimum=1)
# The version of the consent text on the sign form, stored with each signature.
AWAZ_CONSENT_VERSION = "2026-11"
# Counter shards per petition (see awaz/signatures/counting.py) and how often, in seconds, the
# published count catches up with confirmations.
AWAZ_COUNT_SHARDS = env_int("AWAZ_COUNT_SHARDS", 16, minimum=1)
AWAZ_COUNT_INTERVAL = env_int("AWAZ_COUNT_INTERVAL", 5, minimum=1)
# The most signatures one batch collected on paper may record (a typing slip of a few zeros is
# refused; larger counts go in several batches).
AWAZ_PAPER_BATCH_MAX = env_int("AWAZ_PAPER_BATCH_MAX", 100000, minimum=1)
