"""Spreading a petition without a single third-party script: plain share links with text in the
reader's language, a share picture, a QR code and a printable flyer, all made by Awaz.

A share link is an ordinary link to the network's own "share" address: nothing of the network
loads until the reader chooses it, and the address carries no tracking parameter.
"""

import io
from dataclasses import dataclass
from urllib.parse import quote, urlencode

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from awaz.core.templatetags.awaz import grouped
from awaz.i18n import languages
from awaz.petitions.models import Petition
from awaz.petitions.selectors import PetitionPage
from awaz.public import shareimage


@dataclass(frozen=True, slots=True)
class ShareLink:
    network: str  # its own name, not translated
    href: str


def petition_url(page: PetitionPage) -> str:
    """The petition's public address, in the version the reader is looking at."""
    with translation.override(page.text.language):
        return settings.SITE_URL + reverse("public:petition-detail", args=[page.petition.slug])


def share_text(page: PetitionPage) -> str:
    """What a shared link says: an ended petition asks nobody to sign it."""
    title = {"title": page.text.title}
    if page.petition.status == Petition.Status.VICTORY:
        return _("The petition “%(title)s” won") % title
    if page.petition.is_ended:
        return _("Read the petition “%(title)s”") % title
    return _("Sign the petition “%(title)s”") % title


def share_links(page: PetitionPage) -> list[ShareLink]:
    """Links to share the petition, each with its text in the reader's language."""
    url, text, title = petition_url(page), share_text(page), page.text.title
    return [
        ShareLink("WhatsApp", "https://wa.me/?" + urlencode({"text": f"{text} {url}"})),
        ShareLink("Telegram", "https://t.me/share/url?" + urlencode({"url": url, "text": text})),
        ShareLink(
            "Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})
        ),
        ShareLink("X", "https://x.com/intent/post?" + urlencode({"text": text, "url": url})),
        ShareLink("VK", "https://vk.com/share.php?" + urlencode({"url": url, "title": title})),
        ShareLink(
            _("By e-mail"),
            f"mailto:?subject={quote(title)}&body={quote(text + '\n\n' + url)}",
        ),
    ]


def counter_text(count: int, goal: int, *, status: str = "open") -> tuple[str, str]:
    """ "1,204 have signed." and "Let's get to 5,000!" as the petition page words them; an
    ended petition's final count and its outcome instead of a goal."""
    if status in Petition.ENDED:
        signed = ngettext("%(number)s person signed.", "%(number)s people signed.", count) % {
            "number": grouped(count)
        }
        if status == Petition.Status.VICTORY:
            return signed, _("This petition won.")
        return signed, _("This petition is closed.")
    signed = ngettext(
        "<strong>%(number)s</strong> has signed.", "<strong>%(number)s</strong> have signed.", count
    ) % {"number": grouped(count)}
    return strip_tags(signed), _("Let's get to %(goal)s!") % {"goal": grouped(goal)}


def share_image(page: PetitionPage) -> bytes:
    """The PNG card, made once per version, text change and goal (see awaz.public.shareimage)."""
    progress = page.petition.progress
    language = translation.get_language()
    key = ":".join(
        [
            "share-image",
            str(page.petition.pk),
            page.text.language,
            language,
            page.text.updated_at.isoformat(),
            str(progress.goal),
            page.petition.status,
        ]
    )
    image: bytes | None = cache.get(key)
    if image is None:
        status = page.petition.status
        counter, goal = counter_text(progress.count, progress.goal, status=status)
        image = shareimage.render(
            shareimage.Card(
                title=page.text.title,
                organization=page.petition.organization.name,
                counter=counter,
                goal=goal,
                percent=100 if status == Petition.Status.VICTORY else progress.percent,
                site=settings.SITE_NAME,
                language=page.text.language,
                rtl=languages.is_bidi(page.text.language),
                page_language=language,
                page_rtl=languages.is_bidi(language),
            )
        )
        cache.set(key, image, timeout=settings.AWAZ_SHARE_IMAGE_SECONDS)
    return image


def qr_code(url: str, *, kind: str) -> bytes:
    """The address as a QR code: "svg" or "png"."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4, box_size=12)
    code.add_data(url)
    out = io.BytesIO()
    if kind == "svg":
        code.make_image(image_factory=qrcode.image.svg.SvgPathImage).save(out)
    else:
        code.make_image().save(out)
    return out.getvalue()


@dataclass(frozen=True, slots=True)
class Share:
    url: str
    text: str
    links: list[ShareLink]
    image_url: str
    locale: str  # og:locale of the version shown
    alternate_locales: list[str]


def og_locale(code: str) -> str:
    return languages.get(code).bcp47.replace("-", "_")


def share_for(page: PetitionPage) -> Share:
    """What the petition page and the thank-you page need to offer sharing."""
    image = reverse("public:share-image", args=[page.petition.slug])
    return Share(
        url=petition_url(page),
        text=share_text(page),
        links=share_links(page),
        image_url=settings.SITE_URL + image,
        locale=og_locale(page.text.language),
        alternate_locales=[
            og_locale(version.language) for version in page.versions if version != page.text
        ],
    )


FLYER_SIZES = {"a4": "A4", "letter": "letter"}


def flyer_pdf(page: PetitionPage, *, size: str) -> bytes:
    """A one-page flyer in the reader's language: title, summary, QR code, short address."""
    import weasyprint

    from awaz.core.pdf import FontsOnly

    url = petition_url(page)
    svg = qr_code(url, kind="svg").decode()
    html = render_to_string(
        "public/flyer.html",
        {
            "petition": page.petition,
            "text": page.text,
            "language": translation.get_language(),
            "page_size": FLYER_SIZES[size],
            # The SVG is qrcode's drawing of our own address: no reader's input in it.
            "qr_svg": mark_safe(svg[svg.index("<svg") :]),  # noqa: S308  # nosec B308 B703
            "short_address": url.split("://", 1)[-1],
            "fonts": shareimage.fonts_folder().as_uri(),
            "SITE_NAME": settings.SITE_NAME,
        },
    )
    return bytes(weasyprint.HTML(string=html, url_fetcher=FontsOnly()).write_pdf())
