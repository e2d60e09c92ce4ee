"""A signer's identity without their address: the canonical e-mail and its keyed digest.

Canonical form (documented in docs/privacy.md):
1. trim, lower-case the whole address (mailbox names are case-insensitive in practice);
2. drop a `+tag` from the mailbox for every provider (e-petitions does the same: tags are
   aliases of one inbox at every large provider);
3. for Gmail (gmail.com, googlemail.com), drop dots from the mailbox and use gmail.com,
   because Gmail delivers `j.doe`, `jdoe` and `j.d.o.e` to the same inbox.
Two addresses with the same canonical form are one signer: one signature per petition.
"""

from django.conf import settings

from awaz.privacy.crypto import digest

GMAIL_DOMAINS = {"gmail.com", "googlemail.com"}


def canonical_email(address: str) -> str:
    mailbox, _, domain = address.strip().lower().rpartition("@")
    mailbox = mailbox.split("+", 1)[0]
    if domain in GMAIL_DOMAINS:
        mailbox = mailbox.replace(".", "")
        domain = "gmail.com"
    return f"{mailbox}@{domain}"


def email_digest(address: str) -> str:
    """The keyed digest that identifies a signer per petition (hex, 64 characters)."""
    return digest(settings.AWAZ_EMAIL_DIGEST_KEY, canonical_email(address))


def email_domain(address: str) -> str:
    return canonical_email(address).rpartition("@")[2]
