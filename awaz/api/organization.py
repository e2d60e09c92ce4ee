"""An organization's own API, with one of its keys: its petitions (drafts too), their
signatures (exactly what the CSV export gives), and signatures collected on a partner's site.

The key names the organization, so no address carries an organization's slug: a wrong key
learns nothing. A petition of another organization is "not found", like one that does not
exist. Reading is audited per call (`api_key.use`, with the operation and the petition).
"""

import json
from collections.abc import Iterator
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import ConfigDict, Field

from awaz.api import schemas
from awaz.api.auth import KeyAuth, key_of
from awaz.api.cursors import CursorError, cursor_make, cursor_read, moment, moment_read
from awaz.api.problems import FieldError, Problem, problem
from awaz.api.public import petition_url
from awaz.i18n import languages
from awaz.organizations.keys import api_key_use
from awaz.organizations.models import ApiKey
from awaz.petitions.models import Petition
from awaz.petitions.organizer_selectors import petition_of_organization, petitions_of_organization
from awaz.public.forms import SignForm
from awaz.signatures.exports import Position, SharedSignature, signatures_shared
from awaz.signatures.services import Origin, Signer, signature_sign

router = Router(tags=["organization"], auth=KeyAuth())

ERRORS = {401: Problem, 404: Problem, 429: Problem}
NOT_FOUND = "Your organization has no petition with this slug."


def _petition(key: ApiKey, slug: str) -> Petition:
    petition = petition_of_organization(organization_id=key.organization_id, slug=slug)
    if petition is None:
        raise Http404(NOT_FOUND)
    return petition


def _no_store(response: HttpResponse | StreamingHttpResponse) -> None:
    response["Cache-Control"] = "no-store"


@router.get(
    "/petitions",
    response={200: schemas.OwnPetitionList, **ERRORS},
    summary="Every petition of the key's organization, drafts included, newest first",
)
def own_petitions(request: HttpRequest, response: HttpResponse) -> dict[str, Any]:
    key = key_of(request)
    api_key_use(key=key, operation="petitions.list")
    rows = petitions_of_organization(organization=key.organization, language="en")
    _no_store(response)
    return {
        "organization": key.organization.slug,
        "petitions": [
            {
                "slug": row.petition.slug,
                "status": row.petition.status,
                "title": row.text.title if row.text else "",
                "total_signatures": row.petition.signature_count,
                "created_date": row.petition.created_at,
                "browser_url": petition_url(
                    request, row.petition.slug, row.petition.original_language
                )
                if row.petition.is_visible
                else None,
            }
            for row in rows
        ],
    }


class SignaturesQuery(Schema):
    model_config = ConfigDict(extra="forbid")

    since: str | None = Field(
        default=None, max_length=500, description="`next` of the previous answer: only later ones."
    )
    limit: int = Field(default=1000, ge=1, le=10_000)


def _signature(row: SharedSignature) -> dict[str, object]:
    return {
        "created_date": row.created_at,
        "confirmed_date": row.confirmed_at,
        "country": row.country,
        "first_name": row.first_name,
        "comments": row.comment,
        "email_address": row.email,
        "source": row.source,
    }


def _stream(
    rows: Iterator[SharedSignature], petition: Petition, start: Position | None
) -> Iterator[str]:
    """The document a row at a time: memory stays flat whatever the petition's size."""
    last = start
    yield '{"signatures": ['
    for number, row in enumerate(rows):
        yield ("," if number else "") + json.dumps(
            _signature(row), cls=DjangoJSONEncoder, ensure_ascii=False
        )
        last = row.position
    position: dict[str, Any] = {"p": petition.pk}
    if last is not None:
        position |= {"c": moment(last.confirmed_at), "i": last.pk}
    yield '], "next": ' + json.dumps(cursor_make("signatures", position)) + "}"


@router.get(
    "/petitions/{slug}/signatures",
    response={200: schemas.SignatureList, 400: Problem, **ERRORS},
    summary="Confirmed signatures in order of confirmation, after `since`; streamed",
)
def own_signatures(
    request: HttpRequest, slug: str, query: Query[SignaturesQuery]
) -> StreamingHttpResponse:
    key = key_of(request)
    petition = _petition(key, slug)
    start = None
    if query.since:
        position = cursor_read("signatures", query.since)
        if position.get("p") != petition.pk:
            raise CursorError("This cursor belongs to another petition.")
        if "c" in position:
            start = Position(confirmed_at=moment_read(position["c"]), pk=int(position["i"]))
    api_key_use(key=key, operation="signatures.read", target=petition.slug)
    rows = signatures_shared(petition=petition, after=start, limit=query.limit)
    response = StreamingHttpResponse(
        _stream(rows, petition, start), content_type="application/json"
    )
    _no_store(response)
    return response


@router.post(
    "/petitions/{slug}/signatures",
    response={
        202: schemas.Accepted,
        400: Problem,
        403: Problem,
        409: Problem,
        413: Problem,
        415: Problem,
        **ERRORS,
    },
    summary="Record a signature collected elsewhere: the signer confirms by e-mail (write key)",
)
def own_signature_record(
    request: HttpRequest, slug: str, payload: schemas.SignatureIn
) -> HttpResponse | Status[dict[str, str]]:
    key = key_of(request)
    if not key.can_write:
        raise HttpError(403, "This key may only read; recording signatures needs a write key.")
    petition = _petition(key, slug)
    language = payload.language or petition.original_language
    if language not in languages.CODES:
        return problem(
            400,
            f"Unknown language {language!r}.",
            errors=[FieldError(field="language", message="is not a language of Awaz")],
        )
    form = SignForm(
        {
            "name": payload.name,
            "email": payload.email_address,
            "country": payload.country.upper(),
            "comment": payload.comments,
        },
        language=language,
    )
    if not form.is_valid():
        errors = [
            FieldError(
                field=_API_FIELD.get(field, field), message=" ".join(str(m) for m in messages)
            )
            for field, messages in form.errors.items()
        ]
        return problem(
            400, "Invalid: " + "; ".join(f"{e.field} {e.message}" for e in errors), errors=errors
        )
    if not petition.is_signable:
        return problem(409, "This petition does not take signatures now.")
    if form.needs_risk_warning(petition.risky_email_countries) and not payload.risk_acknowledged:
        return problem(
            400,
            "The address is at a mail provider in a country this petition names as a risk: warn "
            "the signer, and send again with risk_acknowledged true if they still want it.",
            errors=[FieldError(field="email_address", message="needs risk_acknowledged")],
        )
    data = form.cleaned_data
    api_key_use(key=key, operation="signatures.record", target=petition.slug)
    signature_sign(
        petition=petition,
        signer=Signer(
            name=data["name"],
            email=data["email"],
            country=data["country"],
            comment=data["comment"],
            is_public=payload.public,
            wants_updates=payload.wants_updates,
            contact_consent=payload.contact_consent,
        ),
        language=language,
        # The partner's server is one network for all its signers: the key's own rate bounds
        # it, and each signature still counts only once its signer confirms from their inbox.
        origin=Origin(network_digest="", source=payload.source),
    )
    return Status(
        202,
        {
            "detail": "Received. The signer gets an e-mail to confirm (if this address has not "
            "signed already) and is counted once they do."
        },
    )


_API_FIELD = {"email": "email_address", "comment": "comments"}
