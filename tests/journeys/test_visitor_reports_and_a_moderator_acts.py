"""A visitor reports an abusive comment and then the petition itself, without an account and
without JavaScript; a moderator hides the comment and takes the petition down, and the page
then says that it was removed."""

import pytest
from playwright.sync_api import expect

from awaz.moderation.models import Report
from awaz.signatures.models import Signature
from tests.factories import make_petition, make_signatures
from tests.journeys.labels import shown
from tests.journeys.moderation import expected_refusal, log_in_staff
from tests.organizers import make_user

pytestmark = pytest.mark.django_db(transaction=True)
ABUSE = "Buy cheap watches <b>now</b>"


def test_visitor_reports_a_comment_and_a_petition_and_a_moderator_acts(
    visitor_without_javascript, visitor
):
    petition = make_petition(slug="free-gulshan-abbas", title="Free Gulshan Abbas")
    (spam, kind) = make_signatures(petition, 2)
    Signature.objects.filter(pk=spam.pk).update(comment=ABUSE)

    reader = visitor_without_javascript
    page = reader.open(f"/en/petitions/{petition.slug}/", name="report-petition-page-en")
    page.locator("li", has_text="Buy cheap watches").get_by_role(
        "link", name="Report this comment"
    ).click()
    expect(page.locator("blockquote")).to_contain_text(ABUSE)
    reader.check(name="report-comment-form-en")
    page.get_by_label("spam or advertising").check()
    page.get_by_role("button", name="Send the report").click()
    expect(page.locator("h1")).to_have_text("Thank you for your report")
    reader.check(name="report-done-en")

    # The same form in Uyghur, right to left.
    page = reader.open(f"/ug/petitions/{petition.slug}/report/", name="report-petition-form-ug")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("h1")).to_have_text(shown("ug", "Report this petition"))
    reader.screenshot("report-petition-form-ug")

    page = reader.open(f"/en/petitions/{petition.slug}/", name="report-petition-page-again-en")
    page.get_by_role("link", name="Report this petition").click()
    page.get_by_label("false or misleading").check()
    page.get_by_label("Anything to add (optional)").fill("<script>alert('x')</script> lies")
    page.get_by_role("button", name="Send the report").click()
    expect(page.locator("h1")).to_have_text("Thank you for your report")
    assert Report.objects.count() == 2

    log_in_staff(visitor, make_user(staff_role="moderator"))
    page = visitor.open("/en/dashboard/moderation/reports/", name="moderation-reports-en")
    expect(page.locator("article.report")).to_have_count(2)
    expect(page.get_by_text("<script>alert('x')</script> lies")).to_be_visible()  # as text
    visitor.screenshot("moderation-reports-en")
    page.get_by_role("button", name="Hide the comment").click()
    expect(page.locator(".message")).to_contain_text("The comment is hidden")
    page = reader.open(f"/en/petitions/{petition.slug}/", name="report-comment-hidden-en")
    expect(page.get_by_text("Buy cheap watches")).to_have_count(0)
    expect(page.get_by_text(kind.comment)).to_be_visible()

    page = visitor.open("/en/dashboard/moderation/reports/", name="moderation-reports-left-en")
    page.get_by_role("button", name="Take the petition down").click()
    expect(page.locator(".message")).to_contain_text("The petition is taken down")
    expect(page.get_by_text("No report is waiting.")).to_be_visible()
    page = reader.open(f"/en/petitions/{petition.slug}/", name="petition-removed-en", status=410)
    expect(page.locator("h1")).to_have_text("This petition was removed")
    expect(page.get_by_text("Free Gulshan Abbas")).to_have_count(0)
    expected_refusal(reader, 410)
