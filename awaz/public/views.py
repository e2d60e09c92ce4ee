from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from awaz.core.replicas import from_replica
from awaz.http.headers import frame_ancestors, per_reader_page
from awaz.http.methods import post_only
from awaz.organizations.selectors import organization_description_shown
from awaz.petitions import selectors
from awaz.petitions.responses import milestones_shown, updates_on_page
from awaz.privacy.network import client_address, is_allowed, network_digest
from awaz.public import challenge as challenge_widget
from awaz.public import pagecache, sharing, skeleton
from awaz.public.forms import SignForm, form_stamp
from awaz.signatures import challenge, counting
from awaz.signatures.mailings import signature_unsubscribe
from awaz.signatures.models import HoldReason
from awaz.signatures.selectors import RecentSignature, signatures_recent
from awaz.signatures.services import (
    Confirmation,
    Origin,
    Signer,
    signature_confirm,
    signature_remove,
    signature_sign,
    signing_network_busy,
)
from awaz.signatures.tokens import Purpose, SignatureGoneError, TokenError, read_token

View = Callable[..., HttpResponse]


def no_referrer(view: View) -> View:
    """Pages whose address carries a token: the address must not leak through links."""

    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        response["Referrer-Policy"] = "no-referrer"
        return response

    return wrapped


def see_other(url: str) -> HttpResponse:
    response = HttpResponse(status=303)
    response["Location"] = url
    return response


@require_safe
@from_replica
def organization_detail(request: HttpRequest, slug: str) -> HttpResponse:
    page = selectors.organization_page(slug=slug, language=get_language())
    if page is None:
        raise Http404
    description = organization_description_shown(
        organization=page.organization, language=get_language()
    )
    return render(
        request, "public/organization_detail.html", {"page": page, "description": description}
    )


def petition_page_context(
    page: selectors.PetitionPage,
    *,
    form: SignForm | None = None,
    stamp: str = "",
    refusal: str = "",
    ask_challenge: bool = False,
    recent: list[RecentSignature] | None = None,
) -> dict[str, object]:
    """What the petition template needs besides `page`; the dashboard's preview uses it too.

    `ask_challenge`: the form comes back asking a busy network for the puzzle. `recent`: the
    recent signers when the caller has them (none for a skeleton: they are a hole).
    """
    if form is None:
        form = SignForm(language=get_language(), initial={"stamp": stamp or form_stamp()})
    shown = updates_on_page(petition=page.petition, language=get_language())
    return {
        "page": page,
        "form": form,
        "refusal": refusal,
        "recent": signatures_recent(petition=page.petition) if recent is None else recent,
        # News, the response and the victory in the reader's language, or the closest.
        "updates": shown.news,
        "response": shown.response,
        "victory": shown.victory,
        "milestones": milestones_shown(petition=page.petition),
        "retention_days": settings.AWAZ_RETENTION_DAYS,
        "challenge_required": ask_challenge or challenge.required(page.petition),
        "challenge_asked": ask_challenge,
        "challenge_strings": challenge_widget.widget_strings(),
        "share": sharing.share_for(page),
    }


def _petition_page(
    request: HttpRequest,
    slug: str,
    *,
    form: SignForm | None = None,
    stamp: str = "",
    refusal: str = "",
    ask_challenge: bool = False,
    status: int = 200,
) -> HttpResponse:
    if form is None and not refusal and not ask_challenge and status == 200:
        return _petition_page_for_reader(request, slug, stamp=stamp)
    page = selectors.petition_page(slug=slug, language=get_language())
    if page is None:
        if selectors.petition_removed(slug=slug):
            return render(request, "public/petition_removed.html", status=410)
        raise Http404
    context = petition_page_context(
        page, form=form, stamp=stamp, refusal=refusal, ask_challenge=ask_challenge
    )
    return render(request, "public/petition_detail.html", context, status=status)


def _petition_page_for_reader(request: HttpRequest, slug: str, *, stamp: str) -> HttpResponse:
    """The page with an empty sign form, from its skeleton (public/skeleton.py): per request,
    the petition, what the previous petitions' list depends on and the recent signers."""
    language = get_language()
    petition = selectors.petition_for_page(slug=slug)
    if petition is None:
        if selectors.petition_removed(slug=slug):
            return render(request, "public/petition_removed.html", status=410)
        raise Http404
    key = skeleton.key(
        name="petition",
        rows=(petition,),
        related=(
            language,
            request.path,
            challenge.required(petition),
            selectors.petitions_previous_versions(petition=petition),
        ),
    )
    body = skeleton.get(key)
    if body is None:
        page = selectors.petition_page(slug=slug, language=language, petition=petition)
        if page is None:
            raise Http404
        context = petition_page_context(page, stamp=skeleton.STAMP_SLOT, recent=[])
        body = skeleton.render(request, key, "public/petition_detail.html", context)
    recent = render_to_string(
        "public/_recent.html",
        {"petition": petition, "recent": signatures_recent(petition=petition)},
    )
    html = skeleton.fill(
        body,
        csrf_token=get_token(request),
        stamp=stamp or form_stamp(),
        holes={"recent": recent},
    )
    return HttpResponse(html)


@require_safe
@per_reader_page  # the sign form: not no-store, see per_reader_page for why
@from_replica
def petition_detail(request: HttpRequest, slug: str) -> HttpResponse:
    if pagecache.for_anonymous_reader(request):
        return pagecache.cached_page(
            request,
            pagecache.petition_key(slug, get_language()),
            lambda stamp: _petition_page(request, slug, stamp=stamp),
        )
    return _petition_page(request, slug)


@post_only("public:petition-detail")
@never_cache
def petition_sign(request: HttpRequest, slug: str) -> HttpResponse:
    language = get_language()
    petition = selectors.petition_for_page(slug=slug)
    if petition is None:
        raise Http404
    form = SignForm(request.POST, language=language)
    if not petition.is_signable:
        refusal = _("This petition is closed; it no longer takes signatures. Nothing was saved.")
        return _petition_page(request, slug, form=form, refusal=refusal, status=409)
    if not form.is_valid():
        return _petition_page(request, slug, form=form, status=400)
    if form.needs_risk_warning(petition.risky_email_countries):
        return _petition_page(request, slug, form=form)  # nothing saved: choose, then send
    address = client_address(request)
    network = network_digest(address, timezone.now())
    allowed = is_allowed(address)
    payload = request.POST.get(challenge.FIELD, "")
    if (
        not payload
        and not form.cleaned_data["asked"]
        and signing_network_busy(petition=petition, network_digest=network, allowed=allowed)
    ):
        # Many signatures from this network just now: ask for the puzzle rather than drop.
        # Nothing is saved yet; the answer depends on the network only, never on the address.
        form.data = {**request.POST.dict(), "asked": "1"}
        return _petition_page(request, slug, form=form, ask_challenge=True)
    data = form.cleaned_data
    due = challenge.required(petition)
    # The stamp and the puzzle's answer are used up only with the signature they brought: if
    # saving fails, the signer's retry is not refused as a replay (and it all costs one commit).
    with transaction.atomic():
        if not form.claim_stamp():
            refusal = _(
                "This form was sent already. If you signed, check your inbox for the confirmation."
            )
            return _petition_page(request, slug, form=form, refusal=refusal, status=409)
        answer = challenge.check(payload) if due or payload else None
        hold = form.hold_reason()
        if hold is None and answer is challenge.Answer.WRONG:
            hold = HoldReason.PUZZLE
        signature_sign(
            petition=petition,
            signer=Signer(
                name=data["name"],
                email=data["email"],
                country=data["country"],
                comment=data["comment"],
                is_public=data["is_public"],
                wants_updates=data["wants_updates"],
                contact_consent=data["contact_consent"],
            ),
            language=language,
            origin=Origin(
                network_digest=network,
                allowed_network=allowed,
                hold=hold,
                challenge_solved=answer is challenge.Answer.SOLVED,
                challenge_missing=due and answer is challenge.Answer.MISSING,
            ),
        )
    return see_other(reverse("public:petition-signed", args=[slug]))


@require_safe
def petition_signed(request: HttpRequest, slug: str) -> HttpResponse:
    """The same page for every outcome of signing: nobody learns who has signed."""
    page = selectors.petition_page(slug=slug, language=get_language())
    if page is None:
        raise Http404
    return render(request, "public/check_inbox.html", {"page": page})


def _invalid_link(request: HttpRequest, error: TokenError | None = None) -> HttpResponse:
    """A link that does not work; one whose signature was withdrawn says so (opened twice)."""
    if isinstance(error, SignatureGoneError):
        return render(request, "public/signature_gone.html", status=410)
    return render(request, "public/link_invalid.html", status=404)


# The token in the address is the proof that the POST comes from the e-mail's reader; it is a
# secret no other site can know. The page sends no Referer, so browsers send "Origin: null",
# which Django's CSRF check refuses: the token takes its place.
@csrf_exempt
@no_referrer
@never_cache
def signature_confirm_view(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows one button; only the POST confirms (mail scanners follow links, not forms)."""
    try:
        signature = read_token(token, Purpose.CONFIRM)
    except TokenError:
        return _invalid_link(request)
    if request.method == "POST":
        result = signature_confirm(signature_id=signature.pk)
        if result is Confirmation.GONE:
            return _invalid_link(request)
        if result is Confirmation.ALREADY:
            return render(
                request, "public/confirm_done.html", {"petition": signature.petition}, status=409
            )
        return see_other(reverse("public:petition-thanks", args=[signature.petition.slug]))
    if request.method not in ("GET", "HEAD"):
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD, POST"})
    if signature.confirmed_at is not None:
        return render(request, "public/confirm_done.html", {"petition": signature.petition})
    return render(request, "public/confirm.html", {"petition": signature.petition})


@csrf_exempt  # as for confirming: the token is the proof
@no_referrer
@never_cache
def signature_remove_view(request: HttpRequest, token: str) -> HttpResponse:
    try:
        signature = read_token(token, Purpose.REMOVE)
    except TokenError as error:
        return _invalid_link(request, error)
    if request.method == "POST":
        slug = signature.petition.slug
        signature_remove(signature_id=signature.pk)
        return render(request, "public/remove_done.html", {"slug": slug})
    if request.method not in ("GET", "HEAD"):
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD, POST"})
    return render(request, "public/remove.html", {"petition": signature.petition})


@require_safe
@never_cache
def petition_thanks(request: HttpRequest, slug: str) -> HttpResponse:
    page = selectors.petition_page(slug=slug, language=get_language())
    if page is None:
        raise Http404
    count = counting.live_count(page.petition.pk)
    return render(
        request,
        "public/thanks.html",
        {"page": page, "count": count, "share": sharing.share_for(page)},
    )


@require_safe
@frame_ancestors("*")
@from_replica
def petition_embed(request: HttpRequest, slug: str) -> HttpResponse:
    """A card with the title, the count and a link to sign, for other sites to frame.

    It has no form (signing in a frame could be clickjacked), so any site may frame it; the
    link opens the petition in a new tab. It is the same for every reader: cacheable briefly.
    """
    page = selectors.petition_page(slug=slug, language=get_language())
    if page is None:
        raise Http404
    petition_url = request.build_absolute_uri(
        reverse("public:petition-detail", args=[page.petition.slug])
    )
    response = render(
        request, "public/petition_embed.html", {"page": page, "petition_url": petition_url}
    )
    patch_cache_control(response, public=True, max_age=settings.AWAZ_COUNT_INTERVAL)
    return response


@require_safe
@from_replica
def petition_count(request: HttpRequest, slug: str) -> JsonResponse:
    """The published count, for pages that refresh it and for anyone's widget."""
    petition = selectors.petition_visible(slug=slug)
    if petition is None:
        raise Http404
    progress = petition.progress
    response = JsonResponse(
        {"slug": petition.slug, "signature_count": progress.count, "goal": progress.goal}
    )
    patch_cache_control(response, public=True, max_age=settings.AWAZ_COUNT_INTERVAL)
    return response


@require_safe
@never_cache
def form_tokens(request: HttpRequest) -> HttpResponse:
    """The sign form's per-reader values for nginx's micro-cache (deploy/nginx.conf)."""
    return pagecache.form_tokens(request)


@require_safe
@never_cache
def challenge_new(request: HttpRequest) -> JsonResponse:
    """A fresh proof-of-work challenge for the sign form's widget."""
    return JsonResponse(challenge.new_challenge())


@csrf_exempt  # mail programs POST here without cookies (RFC 8058); the token is the proof
@no_referrer
@never_cache
def signature_unsubscribe_view(request: HttpRequest, token: str) -> HttpResponse:
    """No more updates: a page with a button, or the one-click POST of a mail program."""
    try:
        signature = read_token(token, Purpose.UNSUBSCRIBE)
    except TokenError as error:
        return _invalid_link(request, error)
    if request.method == "POST":
        signature_unsubscribe(signature_id=signature.pk)
        return render(request, "public/unsubscribed.html", {"petition": signature.petition})
    if request.method not in ("GET", "HEAD"):
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD, POST"})
    if not signature.wants_updates:  # opened a second time: say what already happened
        return render(
            request,
            "public/unsubscribed.html",
            {"petition": signature.petition, "already": True},
        )
    return render(request, "public/unsubscribe.html", {"petition": signature.petition})
