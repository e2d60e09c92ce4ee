"""A small published site to attack: one organization, one open petition, one pending signer."""

from dataclasses import dataclass

import pytest

from awaz.organizations.models import Organization
from awaz.petitions.models import Petition
from awaz.signatures.access import access_token
from awaz.signatures.identity import email_digest
from awaz.signatures.models import Signature
from awaz.signatures.services import Origin, Signer, signature_sign
from awaz.signatures.tokens import Purpose, make_token
from tests.factories import make_organization, make_petition


@dataclass
class Site:
    organization: Organization
    petition: Petition
    signature: Signature
    confirm_token: str
    remove_token: str
    access_token: str  # the "my signatures" link

    @property
    def public_paths(self) -> dict[str, str]:
        """Every public page, by name: the pages a visitor or a signer can open."""
        slug = self.petition.slug
        return {
            "home": "/en/",
            "petition": f"/en/petitions/{slug}/",
            "organization": f"/en/organizations/{self.organization.slug}/",
            "check-your-inbox": f"/en/petitions/{slug}/check-your-inbox/",
            "confirm": f"/en/signatures/confirm/{self.confirm_token}/",
            "remove": f"/en/signatures/remove/{self.remove_token}/",
            "thank-you": f"/en/petitions/{slug}/thank-you/",
            "privacy": "/en/privacy/",
            "my-signatures": "/en/my-signatures/",
            "my-signatures-open": f"/en/my-signatures/open/{self.access_token}/",
            "count.json": f"/petitions/{slug}/count.json",
            "embed": f"/en/petitions/{slug}/embed/",
            "404": "/en/no-such-page/",
            "admin-login": "/admin/login/",
        }


def sign_for_test(petition: Petition, *, name: str, email: str, comment: str = "") -> Signature:
    signature_sign(
        petition=petition,
        signer=Signer(name=name, email=email, country="KZ", comment=comment, is_public=True),
        language="en",
        origin=Origin(network_digest=""),
    )
    return Signature.objects.get(petition=petition, email_digest=email_digest(email))


@pytest.fixture
def site(db: None) -> Site:
    organization = make_organization(slug="torchlight")
    petition = make_petition(organization=organization, slug="free-the-voices")
    signature = sign_for_test(petition, name="Ayshe Tursun", email="ayshe@example.org")
    return Site(
        organization=organization,
        petition=petition,
        signature=signature,
        confirm_token=make_token(signature, Purpose.CONFIRM),
        remove_token=make_token(signature, Purpose.REMOVE),
        access_token=access_token(signature.email_digest),
    )
