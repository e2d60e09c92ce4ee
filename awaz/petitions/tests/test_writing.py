import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from awaz.petitions import lifecycle
from awaz.petitions.models import Petition, PetitionRevision, PetitionText
from awaz.petitions.services import LinkInput, petition_text_review
from awaz.petitions.validators import validate_markdown
from awaz.petitions.writing import petition_start, petition_text_write
from tests.factories import make_organization, make_petition
from tests.organizers import make_user

pytestmark = pytest.mark.django_db


def start(**fields: object) -> Petition:
    values: dict[str, object] = {
        "organization": make_organization(),
        "by": make_user(),
        "original_language": "en",
        "title": "Free Ilham Tohti",
        "target": "the Government of China",
        "body": "He is an economist.",
    }
    values.update(fields)
    return petition_start(**values)  # type: ignore[arg-type]


def test_a_new_petition_is_a_draft_with_its_first_version_and_an_address_from_its_title():
    author = make_user()
    petition = start(by=author, links=[LinkInput("UHRP", "https://uhrp.org/")])
    assert (petition.status, petition.slug, petition.created_by) == (
        Petition.Status.DRAFT,
        "free-ilham-tohti",
        author,
    )
    text = petition.texts.get()
    assert (text.origin, text.updated_by) == (PetitionText.Origin.WRITTEN, author)
    assert [link.url for link in text.links.all()] == ["https://uhrp.org/"]
    assert start().slug == "free-ilham-tohti-2"


def test_a_chosen_address_that_is_taken_is_refused_with_a_reason():
    start(slug="free-them")
    with pytest.raises(ValidationError) as error:
        start(slug="free-them")
    assert "Another petition already uses this address" in str(error.value)
    assert Petition.objects.count() == 1


def test_a_closing_date_in_the_past_is_refused():
    with pytest.raises(ValidationError, match="closing date has passed"):
        start(closes_at=timezone.now() - datetime.timedelta(hours=1))
    assert not Petition.objects.exists()


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("Hello <script>alert(1)</script>", "HTML tags"),
        ("<img src=x onerror=alert(1)>", "HTML tags"),
        ("[click](javascript:alert(1))", "not javascript: links"),
        ("[click](JaVaScRiPt:alert(1))", "not JaVaScRiPt: links"),
        ("[click](jav&#x61;script:alert(1))", "not javascript: links"),
        ("<javascript:alert(1)>", "not javascript: links"),
        ("[x]: data:text/html,hi\n\n[x]", "not data: links"),
    ],
)
def test_markdown_with_html_or_dangerous_links_is_refused_with_a_reason(body, reason):
    with pytest.raises(ValidationError) as error:
        validate_markdown(body)
    assert reason in " ".join(error.value.messages)
    with pytest.raises(ValidationError):
        start(body=body)
    assert not Petition.objects.exists()


@pytest.mark.parametrize(
    "body",
    [
        "Plain **Markdown** with [a link](https://uhrp.org/) and [mail](mailto:a@example.org).",
        "Code is fine: `<script>` stays text.",
        "## A heading\n\n- a list\n- of things",
    ],
)
def test_ordinary_markdown_is_accepted(body):
    validate_markdown(body)


def test_editing_a_published_version_keeps_the_old_wording_and_marks_the_page_edited():
    editor = make_user()
    petition = make_petition()
    before = petition.texts.get()
    petition_text_write(
        petition=petition,
        language="en",
        by=editor,
        title="A better title",
        target=before.target,
        summary=before.summary,
        body=before.body,
    )
    revision = PetitionRevision.objects.get()
    assert (revision.title, revision.body, revision.edited_by) == (
        before.title,
        before.body,
        editor,
    )
    petition.refresh_from_db()
    assert petition.edited_at == revision.edited_at


def test_editing_a_draft_keeps_no_history():
    petition = start()
    text = petition.texts.get()
    petition_text_write(
        petition=petition, language="en", by=make_user(), title="New", target="T", body="B"
    )
    assert not PetitionRevision.objects.exists()
    assert Petition.objects.get(pk=petition.pk).edited_at is None
    assert text.pk == petition.texts.get().pk


def test_saving_without_a_change_is_not_a_revision():
    petition = make_petition()
    text = petition.texts.get()
    petition_text_write(
        petition=petition,
        language="en",
        by=make_user(),
        title=text.title,
        target=text.target,
        summary=text.summary,
        body=text.body,
    )
    assert not PetitionRevision.objects.exists()


def test_a_petition_waiting_for_review_cannot_be_edited():
    petition = make_petition(status=Petition.Status.PENDING)
    with pytest.raises(ValidationError, match="cannot be changed"):
        petition_text_write(
            petition=petition, language="en", by=make_user(), title="X", target="Y", body="Z"
        )
    assert petition.texts.get().title != "X"


def test_editing_a_converted_version_marks_it_reviewed_and_keeps_its_source():
    petition = make_petition(status=Petition.Status.DRAFT, languages=("ug",))
    PetitionText.objects.create(
        petition=petition,
        language="ug-latn",
        title="T",
        target="T",
        body="B",
        origin="converted",
        converted_from="ug",
    )
    text = petition_text_write(
        petition=petition, language="ug-latn", by=make_user(), title="T", target="T", body="B."
    )
    assert (text.origin, text.converted_from) == ("reviewed", "ug")


def test_reviewing_marks_the_reviewer():
    petition = make_petition(status=Petition.Status.DRAFT, languages=("ug",))
    converted = PetitionText.objects.create(
        petition=petition,
        language="ug-cyrl",
        title="T",
        target="T",
        body="B",
        origin="converted",
        converted_from="ug",
    )
    reviewer = make_user()
    petition_text_review(text=converted, by=reviewer)
    converted.refresh_from_db()
    assert (converted.origin, converted.updated_by) == ("reviewed", reviewer)
    assert lifecycle.submission_problems(petition) == []


def test_after_the_original_is_edited_unreviewed_scripts_follow_and_reviewed_ones_stay():
    from awaz.petitions.services import petition_text_review
    from awaz.petitions.writing import petition_start, petition_text_write
    from tests.factories import make_organization
    from tests.organizers import make_user

    author = make_user()
    petition = petition_start(
        organization=make_organization(),
        by=author,
        original_language="ug",
        title="ئازادلىق",
        target="ھۆكۈمەت",
        body="بىرىنچى ئابزاس.",
    )
    cyrillic = PetitionText.objects.get(petition=petition, language="ug-cyrl")
    petition_text_review(text=cyrillic, by=author)
    reviewed_body = PetitionText.objects.get(petition=petition, language="ug-cyrl").body
    petition_text_write(
        petition=Petition.objects.get(pk=petition.pk),
        language="ug",
        by=author,
        title="ئازادلىق",
        target="ھۆكۈمەت",
        body="يېڭى ئابزاس.",
    )
    latin = PetitionText.objects.get(petition=petition, language="ug-latn")
    assert latin.origin == "converted" and "yéngi" in latin.body.lower()
    kept = PetitionText.objects.get(petition=petition, language="ug-cyrl")
    assert (kept.origin, kept.body) == ("reviewed", reviewed_body)
