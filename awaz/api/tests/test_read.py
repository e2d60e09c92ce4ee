"""The public read API: only what the public pages show, cacheable, readable from any site."""

import pytest
from django.test import Client

from awaz.petitions.models import Petition
from awaz.petitions.services import LinkInput
from tests.factories import make_organization, make_petition, make_signatures

pytestmark = pytest.mark.django_db


@pytest.fixture
def client() -> Client:
    return Client()


def test_list_shows_public_petitions_only(client):
    organization = make_organization(slug="rights")
    shown = make_petition(organization=organization, slug="open-one")
    make_petition(organization=organization, slug="closed-one", status=Petition.Status.CLOSED)
    for hidden in ("draft", "pending", "rejected", "removed"):
        make_petition(organization=organization, slug=f"{hidden}-one", status=hidden)
    response = client.get("/api/v1/petitions")
    assert response.status_code == 200
    slugs = {p["slug"] for p in response.json()["petitions"]}
    assert slugs == {"open-one", "closed-one"}
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "public" in response["Cache-Control"]
    assert "max-age=5" in response["Cache-Control"]
    first = next(p for p in response.json()["petitions"] if p["slug"] == shown.slug)
    assert first["title"] == "Free the voices [en]"
    assert first["target"] == [{"name": "the Government of Kazakhstan"}]
    assert first["browser_url"] == "http://testserver/en/petitions/open-one/"
    assert first["identifiers"] == ["awaz:open-one"]


@pytest.mark.parametrize("status", ["draft", "pending", "rejected", "removed"])
def test_a_petition_the_public_may_not_read_is_not_found(client, status):
    make_petition(slug="hidden", status=status)
    for address in ("/api/v1/petitions/hidden", "/api/v1/petitions/hidden/count"):
        response = client.get(address)
        assert response.status_code == 404
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["status"] == 404


def test_list_filters_by_status_organization_and_language(client):
    one, two = make_organization(slug="one"), make_organization(slug="two")
    make_petition(organization=one, slug="a", languages=("en", "ug"))
    make_petition(organization=two, slug="b", status=Petition.Status.VICTORY)

    def slugs(query: str) -> set[str]:
        response = client.get("/api/v1/petitions" + query)
        assert response.status_code == 200, response.content
        return {p["slug"] for p in response.json()["petitions"]}

    assert slugs("?status=victory") == {"b"}
    assert slugs("?status=draft") == set()
    assert slugs("?organization=one") == {"a"}
    assert slugs("?language=ug") == {"a"}
    ug = client.get("/api/v1/petitions?language=ug").json()["petitions"][0]
    assert ug["language"] == "ug" and ug["browser_url"].endswith("/ug/petitions/a/")


def test_cursor_pages_through_every_petition_once(client):
    organization = make_organization()
    made = {make_petition(organization=organization).slug for _ in range(45)}
    seen: list[str] = []
    address = "/api/v1/petitions"
    while True:
        body = client.get(address).json()
        seen += [p["slug"] for p in body["petitions"]]
        if body["next"] is None:
            break
        address = f"/api/v1/petitions?cursor={body['next']}"
    assert len(seen) == len(made) == len(set(seen))
    assert set(seen) == made


def test_a_tampered_cursor_is_refused(client):
    organization = make_organization()
    for _ in range(21):
        make_petition(organization=organization)
    cursor = client.get("/api/v1/petitions").json()["next"]
    tampered = cursor[:-2] + ("AA" if not cursor.endswith("AA") else "BB")
    response = client.get(f"/api/v1/petitions?cursor={tampered}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert "cursor" in response.json()["detail"]


def test_detail_has_every_version_and_hides_small_countries(client, settings):
    settings.AWAZ_K_ANONYMITY = 5
    petition = make_petition(
        slug="seed",
        languages=("en", "ug"),
        links=(LinkInput(title="Report", url="https://example.org/report"),),
    )
    make_signatures(petition, 6, country="KZ")
    make_signatures(petition, 2, country="NO")
    response = client.get("/api/v1/petitions/seed")
    assert response.status_code == 200
    body = response.json()
    assert [v["language"] for v in body["versions"]] == ["en", "ug"]
    assert body["versions"][0]["links"] == [
        {"title": "Report", "url": "https://example.org/report"}
    ]
    assert body["versions"][0]["petition_text_html"].startswith("<p>First paragraph.")
    assert body["countries"] == {
        "shown": [{"country": "KZ", "total_signatures": 6}],
        "other_countries": 2,
        "smallest_group": 5,
    }
    assert body["total_signatures"] == 8
    assert body["goal"] == 500
    assert response["Access-Control-Allow-Origin"] == "*"
    # Nothing about signers beyond the counts: no names, no comments.
    assert "Signer" not in response.content.decode()


def test_count_is_tiny_and_cacheable_and_count_json_still_works(client):
    make_petition(slug="counted", signature_count=42)
    response = client.get("/api/v1/petitions/counted/count")
    assert response.json() == {"slug": "counted", "total_signatures": 42, "goal": 500}
    assert "max-age=5" in response["Cache-Control"]
    old = client.get("/petitions/counted/count.json")
    assert old.json() == {"slug": "counted", "signature_count": 42, "goal": 500}


def test_organization_lists_its_public_petitions(client):
    organization = make_organization(slug="uhrp", name="Uyghur Rights")
    make_petition(organization=organization, slug="public-one")
    make_petition(organization=organization, slug="draft-one", status="draft")
    response = client.get("/api/v1/organizations/uhrp")
    assert response.status_code == 200
    body = response.json()
    assert body["name"] == "Uyghur Rights"
    assert [p["slug"] for p in body["petitions"]] == ["public-one"]
    assert client.get("/api/v1/organizations/nobody").status_code == 404


def test_search_goes_through_discovery(client):
    make_petition(slug="found", title="Release Ilham Tohti")
    make_petition(slug="other", title="Something else")
    response = client.get("/api/v1/petitions?search=ilham")
    assert response.status_code == 200
    assert [p["slug"] for p in response.json()["petitions"]] == ["found"]


@pytest.mark.parametrize(
    ("spelling", "expected"),
    [
        (Petition.CyrillicSpelling.KAZAKHSTAN, "Қазақстан уйғурлири"),
        (Petition.CyrillicSpelling.STANDARD, "Қазақистан уйғурлири"),
    ],
)
def test_the_cyrillic_version_follows_the_petitions_spelling(client, spelling, expected):
    from awaz.petitions.conversion import petition_texts_convert

    petition = make_petition(
        slug="kz", languages=("ug",), title="قازاقىستان ئۇيغۇرلىرى", cyrillic_spelling=spelling
    )
    petition_texts_convert(source=petition.texts.get(language="ug"))
    versions = {v["language"]: v for v in client.get("/api/v1/petitions/kz").json()["versions"]}
    assert versions["ug-cyrl"]["title"] == f"{expected} [ug]"
    assert versions["ug-latn"]["title"] == "Qazaqistan uyghurliri [ug]"
