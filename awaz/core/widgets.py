"""Form widgets that render fast where Django's templates are slow."""

from functools import lru_cache
from typing import Any

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from awaz.i18n import languages


class LongSelect(forms.Select):
    """A flat `<select>` rendered in Python, for long lists such as every country.

    Django renders each option through two templates: with 250 countries that was 35 ms of the
    petition page's 48 (bench/, "rendered" page). The options of a list in a language are the
    same for everybody, so they are built once; the HTML is the same as Django's.
    """

    def render(
        self,
        name: str,
        value: Any,
        attrs: dict[str, Any] | None = None,
        renderer: Any = None,
    ) -> SafeString:
        final = self.build_attrs(self.attrs, attrs)
        chosen = tuple(sorted({str(v) for v in self.format_value(value)}))
        choices = tuple((str(key), str(label)) for key, label in self.choices)
        options = _options(choices, chosen)
        return format_html('<select name="{}"{}>{}</select>', name, flatatt(final), options)


@lru_cache(maxsize=256)
def _options(choices: tuple[tuple[str, str], ...], chosen: tuple[str, ...]) -> SafeString:
    return mark_safe(  # noqa: S308 # nosec B308 B703 - format_html_join escaped every key and label
        format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            ((key, " selected" if key in chosen else "", label) for key, label in choices),
        )
    )


def own_name(code: str) -> SafeString:
    """A language's own name as markup, isolated in its own language and direction, for a
    sentence or label in another one ("… in <bdi lang="en">English</bdi>")."""
    language = languages.get(code)
    return format_html(
        '<bdi lang="{}" dir="{}">{}</bdi>',
        language.bcp47,
        "rtl" if language.bidi else "ltr",
        language.name_local,
    )


class _NamedInTheirLanguage:
    """Choices that are languages, each named in its own language: an option carries its
    `lang` (read by screen readers and fonts in that language, not the page's), a checkbox's
    or radio button's label its own isolated name. Other choices ("All") are left as they are.
    """

    def create_option(self, name: str, value: Any, label: Any, *args: Any, **kwargs: Any) -> Any:
        option = super().create_option(name, value, label, *args, **kwargs)  # type: ignore[misc]
        if str(value).lower() in languages.BY_CODE:
            if getattr(self, "input_type", "") == "select":
                option["attrs"]["lang"] = languages.get(str(value)).bcp47
            else:
                option["label"] = own_name(str(value))
        return option


class LanguageSelect(_NamedInTheirLanguage, forms.Select):
    pass


class LanguageCheckboxes(_NamedInTheirLanguage, forms.CheckboxSelectMultiple):
    pass
