"""Fuzz targets: each takes raw bytes and fails (raises AssertionError or anything unexpected)
only on a real bug. The same functions run under atheris (`fuzz_*.py`) and under hypothesis
(`test_fuzz_targets.py`), so both engines check one definition of "correct".

Bytes become text the way a hostile client can send it: invalid UTF-8 turns into lone
surrogates (surrogateescape), and U+001F separates the fields of a form.
"""

import base64
import re
from collections.abc import Callable
from functools import cache
from html.parser import HTMLParser
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from awaz.public.forms import SignForm

SEPARATOR = "\x1f"
FORMULA_START = ("=", "+", "-", "@")


def text_of(data: bytes) -> str:
    return data.decode("utf-8", errors="surrogateescape")


def fields_of(data: bytes, names: tuple[str, ...]) -> dict[str, str]:
    parts = text_of(data).split(SEPARATOR)
    return {name: parts[index] if index < len(parts) else "" for index, name in enumerate(names)}


class _Tags(HTMLParser):
    """The start tags and attribute names of a fragment, to see whether input broke out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: set[str] = set()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            self.attributes.add(name)
            if name in ("href", "src", "action", "formaction"):
                self.urls.append(value or "")


def _structure(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser


def _assert_same_structure(html: str, baseline: str) -> None:
    """Input may change text and attribute values, never which elements there are."""
    found, expected = _structure(html), _structure(baseline)
    controls = ("input", "textarea", "select", "script", "img", "svg", "iframe", "a", "form")
    for tag in controls:
        assert found.tags.count(tag) == expected.tags.count(tag), f"a <{tag}> appeared"
    states = {"selected", "checked", "value", "aria-invalid", "aria-describedby"}
    assert found.attributes <= expected.attributes | states, found.attributes - expected.attributes
    assert not any(url.strip().lower().startswith("javascript:") for url in found.urls)


def _rendered(form: "SignForm") -> str:
    # As the template shows them; the country list (250 options) only as its errors, since
    # input reaches it as a "selected" at most, and rendering it would slow the fuzzer tenfold.
    parts = [str(form.non_field_errors())]
    for name in form.fields:
        field = form[name]
        parts.append(str(field.errors) if name == "country" else field.as_field_group())
    return "".join(parts)


@cache
def _sign_form_baseline() -> str:
    from awaz.public.forms import SignForm

    form = SignForm(dict.fromkeys(SignForm.base_fields, "x"), language="en")
    form.is_valid()
    return _rendered(form)


def sign_form(data: bytes) -> None:
    """The sign form cleans anything into safe values, and renders anything escaped."""
    from awaz.public.forms import SignForm

    form = SignForm(fields_of(data, tuple(SignForm.base_fields)), language="en")
    valid = form.is_valid()
    _assert_same_structure(_rendered(form), _sign_form_baseline())
    if valid:
        name = form.cleaned_data["name"]
        comment = form.cleaned_data["comment"]
        email = form.cleaned_data["email"]
        assert name and len(name) <= 100 and name == " ".join(name.split())
        assert not name.startswith(FORMULA_START)  # no spreadsheet formula in an export
        assert not comment.startswith(FORMULA_START)
        assert "\x00" not in name + comment + email
        assert not any(character in email for character in "\r\n,;")


def access_form(data: bytes) -> None:
    """The "my signatures" request form: one address, or an error; never a header break."""
    from awaz.public.my_signatures import AccessRequestForm

    form = AccessRequestForm({"email": text_of(data)})
    if form.is_valid():
        email = form.cleaned_data["email"]
        assert email.count("@") >= 1
        assert not any(character in email for character in "\r\n\x00,;")
    baseline = AccessRequestForm({"email": "x"})
    baseline.is_valid()
    _assert_same_structure(str(form), str(baseline))


def links(data: bytes) -> None:
    """Tokens in e-mailed links and the challenge's answers: refused, never an error."""
    from awaz.signatures import access, challenge
    from awaz.signatures.tokens import Purpose, TokenError, read_token

    text = text_of(data)
    for purpose in Purpose:
        try:
            read_token(text, purpose)
        except TokenError:
            pass
        else:
            raise AssertionError("a made-up token was accepted")
    try:
        access.open_access_token(text)
    except access.AccessLinkError:
        pass
    else:
        raise AssertionError("a made-up access link was accepted")
    refused = (challenge.Answer.MISSING, challenge.Answer.WRONG)
    assert challenge.check(text) in refused
    # The widget sends base64 JSON: let the bytes be the JSON inside.
    assert challenge.check(base64.b64encode(data).decode()) in refused


_APOSTROPHE_LIKE = re.compile("[\u2019\u02bc`]")


def converter(data: bytes) -> None:
    """Any text in any direction converts, or is refused with ConversionError; the result is
    stable under its own script."""
    from awaz.scripts import SCRIPTS, ConversionError, CyrillicHamza, convert

    if len(data) < 2:
        return
    source, target = SCRIPTS[data[0] % 3], SCRIPTS[data[1] % 3]
    hamza = list(CyrillicHamza)[data[0] // 3 % 2]
    text = text_of(data[2:])
    try:
        converted = convert(text, source=source, target=target, cyrillic_hamza=hamza)
    except ConversionError:
        assert any("\ud800" <= character <= "\udfff" for character in text)
        return
    assert isinstance(converted, str)
    again = convert(converted, source=target, target=target, cyrillic_hamza=hamza)
    if source != target:
        # A run of the target's letters inside text of another script is foreign and kept as it
        # is, typographic apostrophes included; read again as Uyghur in the target script, an
        # apostrophe-like mark between two letters is the ULY apostrophe (normalize.py). That
        # is the one change a second reading may make.
        converted = _APOSTROPHE_LIKE.sub("'", converted)
        again = _APOSTROPHE_LIKE.sub("'", again)
    assert again == converted


TARGETS: dict[str, Callable[[bytes], None]] = {
    "sign_form": sign_form,
    "access_form": access_form,
    "links": links,
    "converter": converter,
}
