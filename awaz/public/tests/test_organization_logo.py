"""The organization's logo is shown where it is named: its page, and beside it on its petitions.

Served from our own origin (MEDIA_URL, so the CSP's img-src 'self' allows it), with its size
so the page does not jump, and never stale in the shared page cache.
"""

import importlib
import re

import pytest
from django.apps import apps
from django.test import Client
from PIL import Image

from awaz.organizations.models import Organization
from awaz.organizations.services import organization_update
from tests.factories import make_organization, make_petition
from tests.organizers import image_bytes, upload

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def set_logo(organization: Organization, *, logo: bytes | None) -> Organization:
    return organization_update(
        organization=organization,
        name=organization.name,
        description=organization.description,
        website=organization.website,
        contact_email=organization.contact_email,
        logo=upload(logo, "logo.png", "image/png") if logo else None,
        remove_logo=logo is None,
    )


def logo_tag(html: str, css_class: str) -> dict[str, str] | None:
    tag = re.search(rf'<img class="{css_class}"([^>]*)>', html)
    return dict(re.findall(r'(\w+)="([^"]*)"', tag[1])) if tag else None


def test_the_logo_is_on_the_organization_page_and_beside_its_name_on_a_petition(
    client: Client,
):
    organization = make_organization(name="Torchlight")
    petition = make_petition(organization=organization)
    set_logo(organization, logo=image_bytes(size=(1000, 500), format="PNG"))

    response = client.get(f"/en/organizations/{organization.slug}/")
    shown = logo_tag(response.content.decode(), "organization-logo")
    assert shown is not None
    assert shown["src"] == organization.logo.url and shown["src"].startswith("/media/")
    with Image.open(organization.logo.path) as file:
        assert (shown["width"], shown["height"]) == (str(file.width), str(file.height))
    assert (shown["width"], shown["height"]) == ("512", "256")  # re-encoded, at most 512
    assert shown["alt"] == "The logo of Torchlight"
    assert "img-src 'self'" in response["Content-Security-Policy"]
    served = client.get(shown["src"])  # from our own origin
    assert served.status_code == 200 and served["Content-Type"].startswith("image/")
    assert b"".join(served.streaming_content)  # type: ignore[attr-defined]

    html = client.get(f"/en/petitions/{petition.slug}/").content.decode()
    beside = logo_tag(html, "starter-logo")
    assert beside is not None
    assert (beside["src"], beside["width"], beside["height"]) == (shown["src"], "512", "256")
    assert beside["alt"] == ""  # the organization's name follows it: not read twice
    meta = html.split('<p class="petition-meta">', 1)[1].split("</p>", 1)[0]
    assert meta.index('class="starter-logo"') < meta.index("Torchlight")


def test_a_new_or_removed_logo_reaches_anonymous_readers_of_the_cached_petition_page(
    settings,
):
    settings.AWAZ_PAGE_CACHE_SECONDS = 60
    organization = make_organization()
    petition = make_petition(organization=organization)
    url = f"/en/petitions/{petition.slug}/"
    assert "starter-logo" not in Client().get(url).content.decode()  # now in the cache
    set_logo(organization, logo=image_bytes(format="PNG"))
    html = Client().get(url).content.decode()
    assert f'src="{organization.logo.url}"' in html
    set_logo(organization, logo=None)
    assert "starter-logo" not in Client().get(url).content.decode()


def test_without_a_logo_there_is_no_image(client: Client):
    organization = make_organization()
    petition = make_petition(organization=organization)
    assert (
        "organization-logo"
        not in client.get(f"/en/organizations/{organization.slug}/").content.decode()
    )
    assert "starter-logo" not in client.get(f"/en/petitions/{petition.slug}/").content.decode()


def test_logos_uploaded_before_their_size_was_kept_are_measured():
    measured, missing = make_organization(), make_organization()
    set_logo(measured, logo=image_bytes(size=(300, 100), format="PNG"))
    set_logo(missing, logo=image_bytes(format="PNG"))
    missing.logo.storage.delete(str(missing.logo.name))
    # As the rows were before the migration: a logo, and no size.
    Organization.objects.update(logo_width=None, logo_height=None)
    migration = importlib.import_module("awaz.organizations.migrations.0004_logo_dimensions")
    migration.measure_existing_logos(apps, None)
    measured.refresh_from_db()
    missing.refresh_from_db()
    assert (measured.logo_width, measured.logo_height) == (300, 100)
    assert (missing.logo_width, missing.logo_height) == (None, None)
    html = Client().get(f"/en/organizations/{missing.slug}/").content.decode()
    tag = logo_tag(html, "organization-logo")
    assert tag is not None and "width" not in tag
