import pytest

from awaz.moderation.reports import report_create
from tests.factories import make_petition
from tests.organizers import make_user
from tests.staff import staff_client

pytestmark = pytest.mark.django_db
# The lists and the live limits belong to signing now (their tables did not move).
PAGES = [
    "moderation/report",
    "moderation/invalidation",
    "signatures/listentry",
    "moderation/trendingsource",
    "signatures/sitesettings",
]


@pytest.mark.parametrize("model", PAGES)
def test_the_admin_shows_moderation_tables_but_changes_nothing(model):
    report_create(petition=make_petition(), reason="spam")
    admin = staff_client(make_user(is_staff=True, is_superuser=True, staff_role="admin"))
    assert admin.get(f"/admin/{model}/").status_code == 200
    assert admin.get(f"/admin/{model}/add/").status_code == 403
