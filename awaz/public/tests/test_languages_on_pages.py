"""Pages in every language and script: words, dates, numbers, and no Arabic script where a
reader of Latin or Cyrillic Uyghur would not expect it."""

import re

import pytest
from django.conf import settings

from awaz.organizations.models import OrganizationDescription
from awaz.petitions.conversion import petition_texts_convert
from awaz.petitions.models import PetitionText
from awaz.petitions.services import petition_text_save
from awaz.signatures.emails import EmailKind, signature_message
from awaz.signatures.models import Signature
from awaz.signatures.services import Origin, Signer, signature_sign
from tests.factories import make_organization, make_petition
from tests.html import ARABIC_SCRIPT, arabic_script_outside_ug_elements

pytestmark = pytest.mark.django_db


def uyghur_petition(**fields):
    """A petition written in Arabic script, with its Latin and Cyrillic versions generated."""
    petition = make_petition(languages=("en",), **fields)
    source = petition_text_save(
        petition=petition,
        language="ug",
        title="ئادالەتنى ھۆرمەتلەيلى",
        target="قازاقىستان ھۆكۈمىتى",
        body="بىز ئۇنى دەرھال قويۇپ بېرىشنى تەلەپ قىلىمىز.",
    )
    petition_texts_convert(source=source)
    return petition


@pytest.mark.parametrize("language", ["ug-latn", "ug-cyrl"])
def test_a_latin_or_cyrillic_uyghur_petition_page_has_no_arabic_script(client, language):
    petition = uyghur_petition()
    response = client.get(f"/{language}/petitions/{petition.slug}/")
    assert response.status_code == 200
    assert arabic_script_outside_ug_elements(response.content.decode()) == []


@pytest.mark.parametrize("language", ["ug-latn", "ug-cyrl"])
def test_form_errors_on_a_latin_or_cyrillic_page_have_no_arabic_script(client, language):
    petition = uyghur_petition()
    response = client.post(
        f"/{language}/petitions/{petition.slug}/sign/", {"email": "not an address"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="errorlist' in html
    assert arabic_script_outside_ug_elements(html) == []


@pytest.mark.parametrize(
    ("language", "required", "invalid_email"),
    [
        ("ug", "بۇ بۆلەكنى تولدۇرۇش زۆرۈر.", "ئىناۋەتلىك ئېلخەت ئادرېسىنى كىرگۈزۈڭ."),
        ("ug-latn", "Bu bölekni toldurush zörür.", "Inawetlik élxet adrésini kirgüzüng."),
        ("ug-cyrl", "Бу бөләкни толдуруш зөрүр.", "Инавәтлик елхәт адресини киргүзүң."),
        ("kk", "Бұл өрісті толтыру міндетті.", "Дұрыс электрондық пошта мекенжайын енгізіңіз."),
    ],
)
def test_form_errors_speak_the_page_language_with_our_corrections(
    client, language, required, invalid_email
):
    petition = make_petition()
    html = client.post(
        f"/{language}/petitions/{petition.slug}/sign/", {"email": "not an address"}
    ).content.decode()
    assert required in html
    assert invalid_email in html


@pytest.mark.parametrize("language", ["ug-latn", "ug-cyrl"])
def test_the_admin_login_page_has_no_arabic_script_in_latin_or_cyrillic_uyghur(client, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = client.get("/admin/login/")
    failed = client.post("/admin/login/", {"username": "nobody@example.org", "password": "x"})
    for response in (page, failed):
        html = response.content.decode()
        assert 'dir="ltr"' in html
        assert arabic_script_outside_ug_elements(html) == []
    assert "toghra" in failed.content.decode() or "тоғра" in failed.content.decode()


@pytest.mark.parametrize(
    ("language", "published"),
    [
        ("en", "June 18, 2019"),
        ("ug", "18-ئىيۇن 2019"),
        ("ug-latn", "18-iyun 2019"),
        ("ug-cyrl", "18-июн 2019"),
        ("kk", "2019\xa0ж. 18 маусым"),
        ("ru", "18 июня 2019 г."),
        ("tr", "18 Haziran 2019"),
        ("zh-hans", "2019年6月18日"),
    ],
)
def test_the_date_follows_the_page_language_and_script(client, language, published):
    petition = make_petition()
    html = client.get(f"/{language}/petitions/{petition.slug}/").content.decode()
    assert f'<time datetime="2019-06-18">{published}</time>' in html


@pytest.mark.parametrize(
    ("language", "count"),
    [
        ("ug", "1,204"),
        ("ug-latn", "1,204"),
        ("ug-cyrl", "1\xa0204"),  # 1,204 reads as a fraction in Kazakhstan
        ("kk", "1\xa0204"),
        ("ru", "1\xa0204"),
        ("tr", "1.204"),
    ],
)
def test_counts_are_grouped_as_the_reader_writes_numbers(client, language, count):
    petition = make_petition(signature_count=1204)
    html = client.get(f"/{language}/petitions/{petition.slug}/").content.decode()
    assert f"<strong>{count}</strong>" in html


@pytest.mark.parametrize(
    ("language", "label"),
    [
        ("ug", "ئىسمىڭىز"),
        ("ug-latn", "Ismingiz"),
        ("ug-cyrl", "Исмиңиз"),
        ("kk", "Атыңыз"),
        ("ru", "Ваше имя"),
        ("tr", "Adınız"),
        ("zh-hans", "您的姓名"),
    ],
)
def test_the_sign_form_speaks_every_language(client, language, label):
    petition = make_petition()
    html = client.get(f"/{language}/petitions/{petition.slug}/").content.decode()
    assert f'<label for="id_name">{label}</label>' in html


@pytest.mark.parametrize(
    ("language", "notice"),
    [
        ("ug-latn", "Ereb yéziqidin aptomatik aylanduruldi; uni téxi adem tekshürmidi."),
        ("ug-cyrl", "Әрәб йезиқидин аптоматик айландурулди; уни техи адәм тәкшүрмиди."),
    ],
)
def test_a_converted_version_says_so_and_names_its_source_script(client, language, notice):
    petition = uyghur_petition()
    html = client.get(f"/{language}/petitions/{petition.slug}/").content.decode()
    assert f'<p class="conversion">{notice}</p>' in html


def test_an_arabic_script_version_converted_from_latin_names_the_latin_script(client):
    petition = make_petition(languages=("ug-latn",))
    source = petition.texts.get()
    petition_texts_convert(source=source)
    html = client.get(f"/ug/petitions/{petition.slug}/").content.decode()
    assert "لاتىن يېزىقىدىن ئاپتوماتىك ئايلاندۇرۇلدى" in html


def test_a_written_or_reviewed_version_has_no_conversion_notice(client):
    petition = uyghur_petition()
    PetitionText.objects.filter(petition=petition, language="ug-latn").update(
        origin=PetitionText.Origin.REVIEWED
    )
    for language in ("ug", "ug-latn", "en"):
        html = client.get(f"/{language}/petitions/{petition.slug}/").content.decode()
        assert 'class="conversion"' not in html


@pytest.mark.parametrize(("language", "direction"), [("ug", "rtl"), ("ug-latn", "ltr")])
def test_the_admin_runs_in_the_scripts_direction(client, language, direction):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    html = client.get("/admin/login/").content.decode()
    assert f'dir="{direction}"' in html


@pytest.mark.parametrize("language", ["ug-latn", "ug-cyrl"])
@pytest.mark.parametrize("kind", list(EmailKind))
def test_a_signers_e_mail_in_latin_or_cyrillic_uyghur_has_no_arabic_script(language, kind):
    petition = uyghur_petition()
    signature_sign(
        petition=petition,
        signer=Signer(name="Ayshe", email="ayshe@example.org", country="KZ"),
        language=language,
        origin=Origin(network_digest="", allowed_network=True),
    )
    message = signature_message(Signature.objects.get(), kind, "ayshe@example.org")
    (html, _type) = message.alternatives[0]
    for text in (str(message.subject), str(message.body), str(html)):
        assert not ARABIC_SCRIPT.search(text), text


@pytest.mark.parametrize(("language", "january"), [("ug-latn", "yanwar"), ("ug-cyrl", "январ")])
def test_the_admins_javascript_catalog_follows_the_script(client, language, january):
    from awaz.accounts.models import User
    from tests.staff import login_staff

    login_staff(client, User.objects.create_superuser("staff@example.org", "a long passphrase"))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    # The catalog is JSON with every non-ASCII letter escaped (\u0439 for й).
    escaped = client.get("/admin/jsi18n/").content.decode()
    script = re.sub(r"\\u([0-9a-f]{4})", lambda match: chr(int(match[1], 16)), escaped)
    assert f'"January": "{january}"' in script
    assert not ARABIC_SCRIPT.search(script)


def test_the_organization_page_shows_its_description_in_the_readers_language(client):
    organization = make_organization(slug="torchlight", description="We speak up.")
    OrganizationDescription.objects.create(
        organization=organization, language="ug", text="بىز ئاۋاز چىقىرىمىز."
    )
    OrganizationDescription.objects.create(
        organization=organization, language="ru", text="Мы говорим вслух."
    )
    uyghur = client.get("/ug/organizations/torchlight/").content.decode()
    assert '<p class="lead" lang="ug" dir="rtl">بىز ئاۋاز چىقىرىمىز.</p>' in uyghur
    russian = client.get("/ru/organizations/torchlight/").content.decode()
    assert '<p class="lead" lang="ru" dir="ltr">Мы говорим вслух.</p>' in russian
    # No version in Turkish: the organization's own description, in whatever it is written in.
    turkish = client.get("/tr/organizations/torchlight/").content.decode()
    assert '<p class="lead" dir="auto">We speak up.</p>' in turkish
    assert "بىز" not in turkish and "Мы" not in turkish
