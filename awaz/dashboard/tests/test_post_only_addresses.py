"""A GET of any address of the workspace that only takes a form's POST leads to a page.

A reload, a bookmarked or shared address, or the language switcher on a form's answer asks for
such an address with GET; an empty 405 would be a dead end. This walks every URL of the
dashboard, its moderation part and the accounts, GETs each as a person who may use all of them
(an owner who is an admin with the second step passed), and lets no 405 through.
"""

import pytest
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

from awaz.accounts.roles import StaffRole
from awaz.organizations.models import Role
from awaz.petitions.updates import update_post
from tests.factories import make_petition
from tests.organizers import make_member
from tests.staff import login_staff

pytestmark = pytest.mark.django_db

NAMESPACES = ("dashboard", "moderation", "accounts")


def _patterns(
    patterns: list[URLPattern | URLResolver], namespace: str = ""
) -> list[tuple[str, URLPattern]]:
    found = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            found += _patterns(pattern.url_patterns, inner)
        else:
            found.append((f"{namespace}{pattern.name}", pattern))
    return found


def workspace_url_names() -> list[str]:
    return sorted(
        {
            name
            for name, _pattern in _patterns(get_resolver().url_patterns)
            if name.split(":")[0] in NAMESPACES
        }
    )


# Each URL takes one of these sets of arguments (placeholders filled from the world).
ARGUMENT_SETS: list[dict[str, object]] = [
    {},
    {"organization": "ORG"},
    {"token": "not-a-token"},
    {"organization": "ORG", "language": "en"},
    {"organization": "ORG", "pk": "PK"},
    {"organization": "ORG", "petition": "PETITION"},
    {"organization": "ORG", "petition": "PETITION", "move": "close"},
    {"organization": "ORG", "petition": "PETITION", "update": "UPDATE"},
    {"organization": "ORG", "petition": "PETITION", "batch": 1},
    {"organization": "ORG", "petition": "PETITION", "language": "en"},
    {"organization": "ORG", "petition": "PETITION", "update": "UPDATE", "language": "en"},
    {"pk": "PK"},
    {"pk": "PK", "action": "dismiss"},
    {"uidb64": "MQ", "token": "set-password"},
]


def _url(name: str, world: dict[str, object]) -> str:
    for arguments in ARGUMENT_SETS:
        filled = {key: world.get(str(value), value) for key, value in arguments.items()}
        try:
            return reverse(name, kwargs=filled)
        except NoReverseMatch:  # the next set of arguments may fit
            continue
    raise AssertionError(f"give {name} its arguments in ARGUMENT_SETS")


@pytest.fixture
def world(client):
    owner = make_member(Role.OWNER)
    owner.user.staff_role = StaffRole.ADMIN
    owner.user.is_staff = True
    owner.user.save(update_fields=["staff_role", "is_staff"])
    petition = make_petition(organization=owner.organization)
    update = update_post(petition=petition, by=owner.user, language="en", title="T", body="B")
    login_staff(client, owner.user)
    return {
        "ORG": owner.organization.slug,
        "PETITION": petition.slug,
        "UPDATE": update.pk,
        "PK": petition.pk,
    }


def test_the_walk_finds_the_post_only_addresses():
    names = workspace_url_names()
    assert {"dashboard:petition-move", "moderation:approve", "accounts:logout"} <= set(names)


@pytest.mark.parametrize("name", workspace_url_names())
def test_a_get_of_any_workspace_address_is_never_an_empty_405(client, world, name):
    url = _url(name, world)
    response = client.get(url)
    assert response.status_code != 405, f"{name} ({url}): use awaz.http.methods.post_only"
    if response.status_code in (301, 302):
        assert response.headers["Location"].startswith("/"), name


def test_a_get_of_a_form_address_leads_to_the_page_of_the_form(client, world):
    org, petition = world["ORG"], world["PETITION"]
    arguments = {"organization": org, "petition": petition}
    move = reverse("dashboard:petition-move", kwargs={**arguments, "move": "close"})
    response = client.get(move)
    assert response.status_code == 302
    assert response.headers["Location"] == reverse("dashboard:petition", kwargs=arguments)
    approve = client.get(reverse("moderation:approve", kwargs={"pk": world["PK"]}))
    assert approve.headers["Location"] == reverse("moderation:petition", kwargs={"pk": world["PK"]})
    logout = client.get(reverse("accounts:logout"))
    assert logout.headers["Location"] == reverse("dashboard:home")
    assert "_auth_user_id" in client.session  # a GET logs nobody out
