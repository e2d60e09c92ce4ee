import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from awaz.core.widgets import LanguageCheckboxes, LanguageSelect
from awaz.dashboard.forms.base import WebURLFormField, language_choices
from awaz.dashboard.forms.organizations import IMAGE_ACCEPT
from awaz.petitions.models import Petition, PetitionText
from awaz.petitions.names import clean_proper_nouns
from awaz.petitions.services import MAX_LINKS, LinkInput, closing_moment
from awaz.petitions.validators import validate_markdown


class LinkForm(forms.Form):
    title = forms.CharField(
        label=_("Link text"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"dir": "auto"}),  # write_in() names the language if known
    )
    url = WebURLFormField(label=_("Address"), max_length=500, required=False)

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("title") and not data.get("url"):
            self.add_error("url", _("Give the address this link goes to."))
        if data.get("url") and not data.get("title"):
            self.add_error("title", _("Give this link a text, e.g. the name of the site."))
        return data


LinkFormSet = forms.formset_factory(
    LinkForm, extra=2, max_num=MAX_LINKS, validate_max=True, absolute_max=MAX_LINKS
)


def links_from(formset: forms.BaseFormSet[LinkForm]) -> list[LinkInput]:
    return [
        LinkInput(form.cleaned_data["title"], form.cleaned_data["url"])
        for form in formset.forms
        if form.cleaned_data.get("title") and form.cleaned_data.get("url")
    ]


def links_initial(text: PetitionText | None) -> list[dict[str, str]]:
    if text is None:
        return []
    return [{"title": link.title, "url": link.url} for link in text.links.all()]


TEXT_FIELDS = ("title", "target", "summary", "body", "image_alt")


class TextForm(forms.Form):
    """One version of the petition, in one language or script."""

    title = forms.CharField(label=_("Title"), max_length=200)
    target = forms.CharField(
        label=_("Decision maker"),
        max_length=200,
        help_text=_("Who the petition is addressed to, e.g. “the Government of Kazakhstan”."),
    )
    summary = forms.CharField(
        label=_("Summary"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One or two sentences, shown in lists and when the page is shared."),
    )
    body = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 16}),
        validators=[validate_markdown],
        help_text=_(
            "Markdown: an empty line between paragraphs, **bold**, *italics*, "
            "[a link](https://example.org), lines starting with - for a list, ## for a heading."
        ),
    )
    image_alt = forms.CharField(
        label=_("Image description"),
        max_length=300,
        required=False,
        help_text=_("What the petition's image shows, for people who cannot see it."),
    )

    @staticmethod
    def initial_for(text: PetitionText | None) -> dict[str, object]:
        if text is None:
            return {}
        return {
            "title": text.title,
            "target": text.target,
            "summary": text.summary,
            "body": text.body,
            "image_alt": text.image_alt,
        }


def _closes_on_field() -> forms.DateField:
    return forms.DateField(
        label=_("Closing date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Optional. Signing ends at the end of this day (UTC)."),
    )


def _names_field() -> forms.CharField:
    return forms.CharField(
        label=_("Names"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        help_text=format_lazy(
            "{} {}",
            _(
                "For Uyghur: names to write with capitals in the Latin and Cyrillic versions, one "
                "per line, e.g. <kbd>Serikzhan Bilash</kbd>."
            ),
            _(
                "A Russian word for the Cyrillic version to spell your way: a line such as "
                "<kbd>konstitutsiye = конституция</kbd>."
            ),
        ),
    )


def _clean_names(text: str) -> str:
    try:
        return clean_proper_nouns(text)
    except ValidationError as error:
        raise ValidationError(error.messages) from None


class NamesForm(forms.Form):
    """The Names list alone, on the review of a converted version."""

    proper_nouns = _names_field()

    def clean_proper_nouns(self) -> str:
        return _clean_names(self.cleaned_data.get("proper_nouns", ""))


class SettingsFields(forms.Form):
    first_goal = forms.IntegerField(
        label=_("First goal"),
        min_value=1,
        max_value=1_000_000_000,
        initial=100,
        help_text=_("The number of signatures to reach first; later goals follow by themselves."),
    )
    closes_on = _closes_on_field()
    offered_languages = forms.MultipleChoiceField(
        label=_("Other languages to offer"),
        required=False,
        choices=language_choices(),
        widget=LanguageCheckboxes,
        help_text=_(
            "Versions you will add. A petition written in one Uyghur script gets the other two "
            "automatically, for you to review."
        ),
    )
    proper_nouns = _names_field()

    def clean_proper_nouns(self) -> str:
        return _clean_names(self.cleaned_data.get("proper_nouns", ""))

    cyrillic_spelling = forms.ChoiceField(
        label=_("Cyrillic spelling"),
        choices=Petition.CyrillicSpelling.choices,
        initial=Petition.CyrillicSpelling.KAZAKHSTAN,
        required=False,  # left out (an older form, a script): the petition's stays
        widget=forms.RadioSelect,
        help_text=_(
            "For Uyghur: how the Cyrillic version made from your text spells words such as "
            "Kazakhstan and year: қазақстан, жил (Kazakhstan) or қазақистан, йил (the "
            "standard). Versions you reviewed keep your spelling."
        ),
    )

    def clean_closes_on(self) -> datetime.date | None:
        day: datetime.date | None = self.cleaned_data.get("closes_on")
        if day is not None and closing_moment(day) <= timezone.now():
            raise ValidationError(_("This date has passed: choose a later one, or none."))
        return day

    def closes_at(self) -> datetime.datetime | None:
        day = self.cleaned_data.get("closes_on")
        return closing_moment(day) if day else None


class PetitionStartForm(TextForm, SettingsFields):
    """The guided form: everything a first draft needs, on one page."""

    original_language = forms.ChoiceField(
        label=_("Written in"),
        choices=language_choices(),
        widget=LanguageSelect,
        help_text=_("The language, or Uyghur script, you write the petition in."),
    )
    slug = forms.SlugField(
        label=_("Address"),
        max_length=100,
        widget=forms.TextInput(attrs={"dir": "ltr"}),
        required=False,
        help_text=_(
            "Optional: the end of the petition's public address, e.g. free-ilham-tohti. "
            "Leave it empty to make one from the title."
        ),
    )
    image = forms.FileField(
        label=_("Image"),
        required=False,
        widget=forms.FileInput(attrs={"accept": IMAGE_ACCEPT}),
        help_text=_(
            "Optional. A JPEG, PNG, WebP or GIF picture; we resize it and remove its metadata."
        ),
    )

    field_order = [
        "original_language",
        "title",
        "target",
        "summary",
        "body",
        "image",
        "image_alt",
        "first_goal",
        "closes_on",
        "offered_languages",
        "proper_nouns",
        "cyrillic_spelling",
        "slug",
    ]

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        # The language is chosen on this same form: let the browser follow what is typed.
        for name in (*TEXT_FIELDS, "proper_nouns"):
            self.fields[name].widget.attrs["dir"] = "auto"


class PetitionSettingsForm(SettingsFields):
    risky_email_countries = forms.CharField(
        label=_("Warn signers who use a mail provider in"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"dir": "ltr"}),
        help_text=_(
            "Country codes, comma-separated: CN (China), RU (Russia), KZ (Kazakhstan), IR "
            "(Iran). A confirmation e-mail at a provider there would tell that state who signed."
        ),
    )

    def __init__(self, *args: object, petition: Petition, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.petition = petition
        offered = self.fields["offered_languages"]
        if isinstance(offered, forms.MultipleChoiceField):
            offered.choices = language_choices(exclude=petition.original_language)

    def clean_closes_on(self) -> datetime.date | None:
        day: datetime.date | None = self.cleaned_data.get("closes_on")
        unchanged = day is not None and self.petition.closes_at == closing_moment(day)
        return day if unchanged else super().clean_closes_on()

    @staticmethod
    def initial_for(petition: Petition) -> dict[str, object]:
        closes_on = None
        if petition.closes_at is not None:
            closes_on = (petition.closes_at - datetime.timedelta(days=1)).date()
        return {
            "first_goal": petition.first_goal,
            "closes_on": closes_on,
            "offered_languages": petition.offered_languages,
            "proper_nouns": petition.proper_nouns,
            "cyrillic_spelling": petition.cyrillic_spelling,
            "risky_email_countries": petition.risky_email_countries,
        }


class ImageForm(forms.Form):
    image = forms.FileField(
        label=_("New image"),
        required=False,
        widget=forms.FileInput(attrs={"accept": IMAGE_ACCEPT}),
        help_text=_("A JPEG, PNG, WebP or GIF picture; we resize it and remove its metadata."),
    )
    remove = forms.BooleanField(label=_("Remove the image"), required=False)

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if not data.get("image") and not data.get("remove"):
            raise ValidationError(_("Choose an image, or tick “Remove the image”."))
        return data
