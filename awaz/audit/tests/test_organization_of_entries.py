"""An entry knows the organization it concerns, so its owners' page can find it."""

import pytest

from awaz.audit.models import AuditEntry
from awaz.audit.services import audit_record
from awaz.organizations.models import Role
from awaz.petitions.updates import update_post
from awaz.signatures import paper
from tests.factories import make_petition
from tests.organizers import make_member, make_user

pytestmark = pytest.mark.django_db


def test_an_entry_about_an_organization_or_its_things_carries_the_organization():
    owner = make_member(Role.OWNER)
    organization = owner.organization
    petition = make_petition(organization=organization)
    update = update_post(petition=petition, by=owner.user, language="en", title="T", body="B")
    batch = paper.paper_batch_record(petition=petition, by=owner.user, count=3)
    for target in (organization, owner, petition, update, batch):
        entry = audit_record(actor=owner.user, action="test.any", target=target)
        assert entry.organization_pk == organization.pk, target
    assert AuditEntry.objects.get(action="signatures.paper").organization_pk == organization.pk


def test_an_entry_about_a_person_or_a_string_carries_none_unless_told():
    person = make_user()
    assert audit_record(actor=person, action="test.any", target=person).organization_pk is None
    told = audit_record(actor=None, action="test.any", target="x.y:1", organization_pk=7)
    assert told.organization_pk == 7
