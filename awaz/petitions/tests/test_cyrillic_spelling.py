"""A petition's Cyrillic spelling (issue 16): Kazakhstan's by default, the standard's on request;
changing it regenerates at once the Cyrillic versions nobody reviewed, and only those."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

import awaz.scripts as scripts
from awaz.petitions.models import Petition, PetitionText
from awaz.petitions.services import petition_text_review
from awaz.petitions.updates import update_post, update_text_save
from awaz.petitions.writing import petition_settings_update, petition_start
from tests.factories import make_organization, make_petition
from tests.organizers import make_user

TITLE = "قازاقىستان ئۇيغۇرلىرى"  # Қазақстан (Kazakhstan) / Қазақистан (standard)
BODY = "بۇ يىل بىز خەلقئارا جەمئىيەتتىن ياردەم سورايمىز."  # жил / йил, хәлиқара / хәлқара
KAZAKHSTAN = Petition.CyrillicSpelling.KAZAKHSTAN
STANDARD = Petition.CyrillicSpelling.STANDARD


def start(**fields: object) -> Petition:
    values: dict[str, object] = {
        "organization": make_organization(),
        "by": make_user(),
        "original_language": "ug",
        "title": TITLE,
        "target": "قازاقىستان ھۆكۈمىتى",
        "body": BODY,
    }
    values.update(fields)
    return petition_start(**values)  # type: ignore[arg-type]


def cyrillic(petition: Petition) -> PetitionText:
    return petition.texts.get(language="ug-cyrl")


def settings_of(petition: Petition, **changes: object) -> dict[str, object]:
    values: dict[str, object] = {
        "petition": petition,
        "first_goal": petition.first_goal,
        "closes_at": petition.closes_at,
        "offered_languages": petition.offered_languages,
        "proper_nouns": petition.proper_nouns,
    }
    values.update(changes)
    return values


def test_the_choices_are_the_converters_spellings():
    assert set(Petition.CyrillicSpelling.values) == {s.value for s in scripts.CyrillicSpelling}


@pytest.mark.django_db
def test_a_new_petition_is_spelled_as_kazakhstan_writes_cyrillic():
    petition = start()
    assert petition.cyrillic_spelling == KAZAKHSTAN
    text = cyrillic(petition)
    assert text.title.startswith("Қазақстан ")
    assert "жил" in text.body and "хәлиқара" in text.body.lower()
    assert "Qazaqistan" in petition.texts.get(language="ug-latn").title  # Latin is not touched


@pytest.mark.django_db
def test_a_petition_may_choose_the_standard_spelling():
    petition = start(cyrillic_spelling=STANDARD)
    text = cyrillic(petition)
    assert text.title.startswith("Қазақистан ")
    assert "йил" in text.body and "хәлқара" in text.body.lower()


@pytest.mark.django_db
def test_changing_the_spelling_regenerates_the_unreviewed_cyrillic_version_at_once():
    petition = start(cyrillic_spelling=STANDARD)
    latin = petition.texts.get(language="ug-latn").title
    petition_settings_update(**settings_of(petition, cyrillic_spelling=KAZAKHSTAN))  # type: ignore[arg-type]
    petition.refresh_from_db()
    assert petition.cyrillic_spelling == KAZAKHSTAN
    text = cyrillic(petition)
    assert text.title.startswith("Қазақстан ") and "жил" in text.body
    assert text.origin == PetitionText.Origin.CONVERTED
    assert petition.texts.get(language="ug-latn").title == latin
    petition_settings_update(**settings_of(petition, cyrillic_spelling=STANDARD))  # type: ignore[arg-type]
    assert cyrillic(petition).title.startswith("Қазақистан ")


@pytest.mark.django_db
def test_a_reviewed_cyrillic_version_keeps_the_organizers_spelling():
    organizer = make_user()
    petition = start(by=organizer, cyrillic_spelling=STANDARD)
    reviewed = petition_text_review(text=cyrillic(petition), by=organizer)
    before = (reviewed.title, reviewed.body, reviewed.updated_at)
    petition_settings_update(**settings_of(petition, cyrillic_spelling=KAZAKHSTAN))  # type: ignore[arg-type]
    after = cyrillic(petition)
    assert (after.title, after.body, after.updated_at) == before
    assert after.origin == PetitionText.Origin.REVIEWED
    assert Petition.objects.get(pk=petition.pk).cyrillic_spelling == KAZAKHSTAN


@pytest.mark.django_db
def test_updates_follow_the_spelling_and_a_cyrillic_version_a_person_wrote_is_kept():
    organizer = make_user()
    petition = start(by=organizer, cyrillic_spelling=STANDARD)
    generated = update_post(petition=petition, by=organizer, language="ug", title=TITLE, body=BODY)
    written = update_post(petition=petition, by=organizer, language="ug", title=TITLE, body=BODY)
    update_text_save(update=written, language="ug-cyrl", title="Қазақистан", body="Өз йезиқим.")
    assert generated.texts.get(language="ug-cyrl").title.startswith("Қазақистан ")
    petition_settings_update(**settings_of(petition, cyrillic_spelling=KAZAKHSTAN))  # type: ignore[arg-type]
    assert generated.texts.get(language="ug-cyrl").title.startswith("Қазақстан ")
    assert generated.texts.get(language="ug-cyrl").converted
    assert written.texts.get(language="ug-cyrl").title == "Қазақистан"
    later = update_post(petition=petition, by=organizer, language="ug", title=TITLE, body=BODY)
    assert "жил" in later.texts.get(language="ug-cyrl").body


@pytest.mark.django_db
def test_an_unknown_spelling_is_refused_with_a_clear_message_and_nothing_changes():
    petition = start(cyrillic_spelling=STANDARD)
    text = cyrillic(petition)
    with pytest.raises(ValidationError) as refused:
        petition_settings_update(
            **settings_of(petition, first_goal=7, cyrillic_spelling="latin")  # type: ignore[arg-type]
        )
    assert "cyrillic_spelling" in refused.value.message_dict
    assert "'latin' is not a valid choice" in " ".join(refused.value.messages)
    stored = Petition.objects.get(pk=petition.pk)
    assert (stored.cyrillic_spelling, stored.first_goal) == (STANDARD, 100)
    assert cyrillic(stored).title == text.title


@pytest.mark.django_db
def test_the_database_refuses_an_unknown_spelling():
    petition = make_petition()
    with pytest.raises(IntegrityError), transaction.atomic():
        Petition.objects.filter(pk=petition.pk).update(cyrillic_spelling="latin")


BEFORE = [("petitions", "0009_petition_content_version")]
AFTER = [("petitions", "0010_cyrillic_spelling")]


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_the_standard_where_a_cyrillic_text_exists():
    with_text, with_update, without = make_petition(), make_petition(), make_petition()
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    try:
        executor.loader.build_graph()
        old = executor.loader.project_state(BEFORE).apps
        old.get_model("petitions", "PetitionText").objects.create(
            petition_id=with_text.pk, language="ug-cyrl", title="Қазақистан", target="Т", body="Б"
        )
        update = old.get_model("petitions", "PetitionUpdate").objects.create(
            petition_id=with_update.pk, original_language="ug"
        )
        old.get_model("petitions", "PetitionUpdateText").objects.create(
            update_id=update.pk, language="ug-cyrl", title="Йил", body="Б"
        )
    finally:  # every migration again, whatever happened: later tests share this database
        executor = MigrationExecutor(connection)
        executor.migrate(AFTER)
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    spelling = dict(Petition.objects.values_list("pk", "cyrillic_spelling"))
    assert spelling == {with_text.pk: STANDARD, with_update.pk: STANDARD, without.pk: KAZAKHSTAN}
