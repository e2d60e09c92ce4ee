"""Onion-Location: Tor Browser readers are offered the same page on the onion service."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client

from awaz.http.onion import onion_origin
from awaz.public.forms import form_stamp
from tests.security.conftest import Site

ONION = "http://awazexampleq6t3xdb5w4hyc3ryl3dwoftxjxeudl3hq4c4bfxx5eyqd.onion"
ONION_HOST = ONION.removeprefix("http://")

pytestmark = pytest.mark.django_db


@pytest.fixture
def onion(settings):
    settings.ONION_LOCATION = ONION + "/"  # a trailing slash is forgiven


@pytest.mark.parametrize("name", ["home", "petition", "organization", "privacy", "404", "confirm"])
def test_every_html_page_points_to_its_own_path_on_the_onion(onion, site: Site, name):
    path = site.public_paths[name]
    response = Client().get(path)
    assert response["Onion-Location"] == ONION + path


def test_the_query_string_comes_along(onion, site: Site):
    response = Client().get("/en/?page=2")
    assert response["Onion-Location"] == ONION + "/en/?page=2"


def test_json_and_redirects_do_not_offer_the_onion(onion, site: Site):
    assert "Onion-Location" not in Client().get(site.public_paths["count.json"])
    assert "Onion-Location" not in Client().get("/")  # the redirect to a language


def test_a_page_read_on_the_onion_does_not_offer_it_again(onion, site: Site, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, ONION_HOST]
    response = Client(headers={"host": ONION_HOST}).get("/en/")
    assert response.status_code == 200
    assert "Onion-Location" not in response


def test_nothing_is_sent_without_an_onion_address(site: Site):
    assert "Onion-Location" not in Client().get("/en/")


def test_signing_works_on_the_onion_behind_https_settings(site: Site, settings):
    # docs/operating.md: the onion's proxy says "https" and the onion origin is trusted for CSRF.
    settings.AWAZ_MIN_FILL_SECONDS = 0
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, ONION_HOST]
    settings.CSRF_TRUSTED_ORIGINS = [ONION]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    client = Client(
        enforce_csrf_checks=True, headers={"host": ONION_HOST, "x-forwarded-proto": "https"}
    )
    page = client.get(site.public_paths["petition"])
    token = page.cookies["csrftoken"].value
    response = client.post(
        f"/en/petitions/{site.petition.slug}/sign/",
        {
            "name": "Nur Ablet",
            "email": "nur@example.org",
            "country": "KZ",
            "stamp": form_stamp(),
            "csrfmiddlewaretoken": token,
        },
        headers={"origin": ONION},
    )
    assert response.status_code == 303


@pytest.mark.parametrize(
    "value",
    [
        "awaz.onion",  # no scheme
        "https://awaz.example",  # not an onion
        "http://x.onion/petitions/",  # a path
        "http://x.onion/?a=1",
        "ftp://x.onion",
        "http://user@x.onion",
    ],
)
def test_a_mistyped_onion_address_stops_start_up_with_a_message(value):
    with pytest.raises(ImproperlyConfigured, match="ONION_LOCATION"):
        onion_origin(value)
