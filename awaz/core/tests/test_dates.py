"""`{% when %}`: a date isolated so it reads in order in a right-to-left page."""

import datetime

from django.template import Context, Template
from django.utils import translation

MOMENT = datetime.datetime(2026, 3, 5, 14, 30, tzinfo=datetime.UTC)


def _render(source: str, language: str, **context: object) -> str:
    with translation.override(language):
        return Template("{% load awaz %}" + source).render(Context(context))


def test_a_date_of_digits_and_signs_is_laid_out_left_to_right():
    html = _render('{% when moment "SHORT_DATETIME_FORMAT" %}', "ug", moment=MOMENT)
    assert html.startswith('<bdi dir="ltr"><time datetime="2026-03-05T')
    assert "2026/03/05" in html


def test_a_date_with_a_month_name_keeps_its_own_direction_but_is_isolated():
    html = _render('{% when day "DATE_FORMAT" %}', "ug", day=MOMENT.date())
    assert html == '<bdi><time datetime="2026-03-05">5-مارت 2026</time></bdi>'


def test_an_explicit_format_nothing_and_a_variable_for_a_sentence():
    assert _render('{% when moment "Y-m-d" %}', "en", moment=MOMENT).startswith(
        '<bdi dir="ltr"><time datetime="2026-03-05T'
    )
    assert _render("{% when nothing %}", "en", nothing=None) == ""
    sentence = _render('{% when day "DATE_FORMAT" as on %}on {{ on }}', "en", day=MOMENT.date())
    assert sentence == 'on <bdi><time datetime="2026-03-05">March 5, 2026</time></bdi>'
