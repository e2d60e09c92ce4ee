"""Plain-text e-mails carry names as written: no HTML entities (`O&#x27;Brien`) in them."""

from pathlib import Path

import pytest
from django.template.loader import render_to_string

ROOT = Path(__file__).resolve().parents[2]
MAIL_TEXT = sorted(ROOT.glob("*/templates/*/emails/*.txt"))
NAME = 'O\'Brien & <Sons> "Ltd"'


def test_there_are_plain_text_mail_templates():
    assert len(MAIL_TEXT) > 10


@pytest.mark.parametrize("path", MAIL_TEXT, ids=lambda path: path.name)
def test_every_plain_text_mail_template_renders_without_html_escaping(path):
    name = f"{path.parent.parent.name}/emails/{path.name}"
    context: dict[str, object] = dict.fromkeys(
        ("name", "title", "organization", "petition", "reason"), NAME
    )
    context |= {"minutes": 30, "days": 7, "token_days": 7, "count": 2}
    text = render_to_string(name, context)
    assert "&#x27;" not in text
    assert "&amp;" not in text
    assert "&lt;" not in text
    assert "&quot;" not in text


def test_the_confirmation_e_mail_greets_the_signer_by_the_name_they_gave():
    text = render_to_string(
        "signatures/emails/confirm_body.txt",
        {"name": NAME, "title": "Free <them>", "token_days": 7},
    )
    assert f"Hello {NAME}," in text
    assert "“Free <them>”" in text
