"""Someone plants a script in a petition page (a browser extension, a hostile network, a bug of
ours): the page's Content-Security-Policy keeps the browser from running it."""

import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.factories import make_petition

pytestmark = pytest.mark.django_db(transaction=True)

LISTEN = """() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation',
        (event) => window.violations.push(event.effectiveDirective));
}"""
HANDLER = """() => {
    const button = document.createElement('button');
    button.setAttribute('onclick', 'window.planted = "handler"');
    button.textContent = 'planted';
    document.body.append(button);
    button.click();
}"""
JAVASCRIPT_LINK = """() => {
    const link = document.createElement('a');
    link.href = 'javascript:window.planted = "link"';
    link.textContent = 'planted';
    document.body.append(link);
    link.click();
}"""


def test_an_injected_inline_script_handler_and_link_are_refused(visitor):
    petition = make_petition(slug="free-the-voices")
    page = visitor.open(f"/en/petitions/{petition.slug}/", name="petition-under-attack")
    page.evaluate(LISTEN)  # evaluate() itself is not subject to the page's policy

    with pytest.raises(PlaywrightError):
        page.add_script_tag(content='window.planted = "script"')
    page.evaluate(HANDLER)
    page.evaluate(JAVASCRIPT_LINK)
    page.wait_for_function("window.violations.length >= 3")

    assert page.evaluate("window.planted") is None
    assert sorted(set(page.evaluate("window.violations"))) == ["script-src-attr", "script-src-elem"]
    # The browser reported each refusal; they are this test's doing, not the page's.
    assert visitor.console and all("Content Security Policy" in m for m in visitor.console)
    visitor.console.clear()
