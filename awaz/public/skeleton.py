"""The petition page rendered once per version of what it shows, with holes for the rest.

Rendering the page for a request (a signed-in reader, a POST's answer, a miss of the page cache)
cost 14-24 ms of CPU (issue 15), three quarters of it in templates whose output is the same for
every reader. What differs between two readers of one petition in one language at one moment is
the CSRF token, the sign form's stamp and the recent signers (a `{% hole %}`); so the rest is
rendered once into a skeleton, cached under a key that changes with everything it shows:

- the petition's row, every field (the count and the state among them);
- its content version among them, drawn anew by every change to it, its organization, texts,
  links, updates, responses and milestones (awaz/petitions/versions.py), in the same
  transaction;
- the ids, states, counts and content versions of the previous petitions it lists;
- the language, the path (the language switcher links to it) and whether the puzzle is asked;
- this process: templates, translations and settings are the release's, so a new release (or a
  test's changed settings) never reads an older skeleton.

The key comes from the rows the page reads anyway, so a skeleton is exact in every process,
however the cache is shared, and needs no expiry to be right (it has one, to free memory).
Only the page of a GET is made a skeleton: its sign form is unbound (no reader's data) and its
token and stamp are slots; nothing of a session, a user or a message is on the page.
"""

import hashlib
import secrets

from django.core.cache import cache
from django.db.models import Model
from django.http import HttpRequest
from django.template.loader import render_to_string

HOLES = "skeleton_holes"  # in a template's context: render `{% hole %}`s as markers
CSRF_SLOT = "\x00skeleton-csrf\x00"
STAMP_SLOT = "\x00skeleton-stamp\x00"
TIMEOUT = 24 * 3600  # a skeleton unread for a day is rendered anew if ever asked for again

_RELEASE = secrets.token_hex(8)  # this process


def hole_marker(name: str) -> str:
    return f"\x00skeleton-hole:{name}\x00"


def _row(instance: Model) -> tuple[object, ...]:
    return tuple(getattr(instance, field.attname) for field in instance._meta.concrete_fields)


def key(*, name: str, rows: tuple[Model, ...], related: object) -> str:
    """The cache key of `name`'s skeleton for these rows (every field of each is part of the
    key; the first names the page) and everything else it shows (`related`: plain values with
    a stable repr)."""
    parts = repr((tuple(_row(row) for row in rows), related)).encode()
    digest = hashlib.blake2b(parts, digest_size=16, person=b"awaz-skeleton").hexdigest()
    return f"skeleton:{name}:{_RELEASE}:{rows[0].pk}:{digest}"


def get(cache_key: str) -> str | None:
    body = cache.get(cache_key)
    return body if isinstance(body, str) else None


def render(request: HttpRequest, cache_key: str, template: str, context: dict[str, object]) -> str:
    """Render `template` as a skeleton (holes and slots for the per-request parts), keep it."""
    body = render_to_string(
        template, {**context, HOLES: True, "csrf_token": CSRF_SLOT}, request=request
    )
    cache.set(cache_key, body, TIMEOUT)
    return body


def fill(body: str, *, csrf_token: str, stamp: str, holes: dict[str, str]) -> str:
    """The page for one request: its token and stamp in the slots, then the holes' HTML
    (last, so that nothing a signer wrote is ever taken for a slot)."""
    html = body.replace(CSRF_SLOT, csrf_token).replace(STAMP_SLOT, stamp)
    for name, part in holes.items():
        html = html.replace(hole_marker(name), part)
    return html
