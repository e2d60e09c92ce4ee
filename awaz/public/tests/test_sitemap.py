"""sitemap.xml parsed with its namespaces, and robots.txt that names it."""

import xml.etree.ElementTree as ET

import pytest
from django.test import Client

from awaz.petitions.models import Petition
from tests.factories import make_organization, make_petition

pytestmark = pytest.mark.django_db

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
SITE = "http://127.0.0.1:8000"


def sitemap(client: Client) -> dict[str, dict[str, str]]:
    """Each <loc> with its alternates, {hreflang: href}."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own server's answer
    assert root.tag == f"{SM}urlset"
    urls = {}
    for url in root.findall(f"{SM}url"):
        alternates = {
            link.get("hreflang", ""): link.get("href", "") for link in url.findall(f"{XHTML}link")
        }
        assert all(link.get("rel") == "alternate" for link in url.findall(f"{XHTML}link"))
        urls[url.findtext(f"{SM}loc") or ""] = alternates
    return urls


def test_every_version_of_a_visible_petition_is_listed_with_its_alternates(client: Client):
    petition = make_petition(languages=("en", "ug", "ug-latn"))
    urls = sitemap(client)
    path = f"/petitions/{petition.slug}/"
    versions = {f"{SITE}/{code}{path}" for code in ("en", "ug", "ug-latn")}
    assert versions <= set(urls)
    assert f"{SITE}/ru{path}" not in urls  # no Russian version: not listed
    assert urls[f"{SITE}/ug{path}"] == {
        "en": f"{SITE}/en{path}",
        "ug": f"{SITE}/ug{path}",
        "ug-latn": f"{SITE}/ug-latn{path}",
        "x-default": f"{SITE}{path}",
    }


@pytest.mark.parametrize(
    "status",
    [
        Petition.Status.DRAFT,
        Petition.Status.PENDING,
        Petition.Status.REJECTED,
        Petition.Status.REMOVED,
    ],
)
def test_a_hidden_petition_is_not_listed(client: Client, status: str):
    petition = make_petition(status=status, organization=make_organization(slug="quiet"))
    urls = sitemap(client)
    assert not [url for url in urls if petition.slug in url]
    assert not [url for url in urls if "/organizations/quiet/" in url]


def test_organizations_and_the_home_page_are_listed_in_every_language(client: Client):
    petition = make_petition()
    urls = sitemap(client)
    assert f"{SITE}/ug/organizations/{petition.organization.slug}/" in urls
    assert f"{SITE}/zh-hans/" in urls


def test_unknown_sitemap_parameters_answer_404(client: Client):
    assert client.get("/sitemap.xml?section=petitions").status_code == 404
    assert client.get("/sitemap.xml?p=99").status_code == 404


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_off_private_pages(client: Client):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    body = response.content.decode()
    assert f"Sitemap: {SITE}/sitemap.xml" in body.splitlines()
    assert "Disallow: /*/dashboard/" in body
    assert "Disallow: /*/my-signatures/" in body
