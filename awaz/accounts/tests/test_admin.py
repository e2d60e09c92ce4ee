import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from awaz.accounts.models import User
from awaz.audit.models import AuditEntry
from awaz.organizations.models import Organization
from awaz.petitions.models import Petition, PetitionText
from tests.factories import make_petition
from tests.staff import login_staff, staff_device

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_for_email() -> Client:
    user = User.objects.create_superuser("admin@example.org", "a long admin passphrase")
    client = Client()
    login_staff(client, user)
    return client


def test_create_superuser_logs_in_by_email(client: Client):
    User.objects.create_superuser("Admin@Example.org", "a long admin passphrase")
    assert client.login(email="Admin@example.org", password="a long admin passphrase")


@pytest.mark.parametrize(
    "path",
    [
        "/admin/",
        "/admin/accounts/user/add/",
        "/admin/organizations/organization/add/",
        "/admin/petitions/petition/add/",
        "/admin/petitions/petitiontext/add/",
    ],
)
def test_admin_pages_open_for_a_superuser(admin_client_for_email: Client, path):
    assert admin_client_for_email.get(path).status_code == 200


def test_an_admin_creates_an_organization_and_a_petition(admin_client_for_email: Client):
    client = admin_client_for_email
    response = client.post(
        "/admin/organizations/organization/add/",
        {
            "name": "Torchlight",
            "slug": "torchlight",
            "description": "",
            "website": "",
            "contact_email": "",
            "descriptions-TOTAL_FORMS": 0,
            "descriptions-INITIAL_FORMS": 0,
            "memberships-TOTAL_FORMS": 0,
            "memberships-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302
    organization = Organization.objects.get(slug="torchlight")
    response = client.post(
        "/admin/petitions/petition/add/",
        {
            "organization": organization.pk,
            "slug": "free-them",
            "status": "draft",
            "original_language": "en",
            "first_goal": 500,
            "private_signers": "country",
            "texts-TOTAL_FORMS": 1,
            "texts-INITIAL_FORMS": 0,
            "texts-0-language": "en",
            "texts-0-title": "Free them",
            "texts-0-target": "the Government",
            "texts-0-body": "Please.",
            "texts-0-origin": "written",
            "texts-0-converted_from": "",
            "revisions-TOTAL_FORMS": 0,
            "revisions-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    petition = Petition.objects.get(slug="free-them")
    assert petition.texts.get().title == "Free them"


def test_an_admin_adds_a_link_to_a_text(admin_client_for_email: Client):
    text = make_petition().texts.get()
    url = f"/admin/petitions/petitiontext/{text.pk}/change/"
    form = {
        "petition": text.petition_id,
        "language": "en",
        "title": text.title,
        "target": text.target,
        "summary": "",
        "body": text.body,
        "origin": "written",
        "converted_from": "",
        "links-TOTAL_FORMS": 1,
        "links-INITIAL_FORMS": 0,
        "links-0-position": 0,
        "links-0-title": "Read more",
        "links-0-url": "javascript:alert(1)",
    }
    response = admin_client_for_email.post(url, form)
    assert response.status_code == 200  # the form comes back with the error
    assert "https://" in response.content.decode()
    assert PetitionText.objects.get(pk=text.pk).links.count() == 0
    form["links-0-url"] = "https://uhrp.org/"
    assert admin_client_for_email.post(url, form).status_code == 302
    assert text.links.get().url == "https://uhrp.org/"


def test_an_account_an_admin_opens_can_log_in_at_once(admin_client_for_email: Client):
    response = admin_client_for_email.post(
        "/admin/accounts/user/add/",
        {
            "email": "moderator@example.org",
            "password1": "a long moderator passphrase",
            "password2": "a long moderator passphrase",
        },
    )
    assert response.status_code == 302
    assert Client().login(email="moderator@example.org", password="a long moderator passphrase")


def test_an_admin_removes_a_lost_phones_two_factor_and_it_is_audited(
    admin_client_for_email: Client,
):
    moderator = User.objects.create_user("mod@example.org", "a long moderator passphrase")
    staff_device(moderator)
    response = admin_client_for_email.post(
        "/admin/accounts/user/",
        {"action": "remove_two_factor", "_selected_action": [moderator.pk]},
    )
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=moderator).exists()
    entry = AuditEntry.objects.get(action="two_factor.remove")
    assert entry.target == f"accounts.user:{moderator.pk}"
    assert entry.actor_id == User.objects.get(email="admin@example.org").pk
