"""Form widgets that render fast where Django's templates are slow."""

from functools import lru_cache
from typing import Any

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe


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
