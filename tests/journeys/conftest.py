"""Fixtures for journeys: a live Awaz, Chromium, and the checks every visited page must pass."""

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser import (
    CHROMIUM_ARGS,
    DESKTOP,
    PHONE,
    HtmlChecker,
    assert_accessible,
    chromium_path,
    html_checker_service,
    screenshot,
)
from tests.journeys.labels import latin_words_left

# Playwright's sync API runs an event loop in this thread; the test's own ORM calls are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "journeys" in item.path.parts:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, object]) -> dict[str, object]:
    return {**browser_type_launch_args, "executable_path": chromium_path(), "args": CHROMIUM_ARGS}


@pytest.fixture(autouse=True)
def _signers_may_send_at_once(settings: object) -> None:
    # The live server runs in this process, so its forms read this setting: a journey's signer
    # presses Sign without first waiting out the minimum fill-in time (2 s of idle browser per
    # form). That rule has its own tests (awaz/public/tests/test_signing.py).
    settings.AWAZ_MIN_FILL_SECONDS = 0  # type: ignore[attr-defined]


@pytest.fixture(scope="session")
def html_checker() -> Iterator[HtmlChecker]:
    with html_checker_service() as checker:
        yield checker


@dataclass
class Visitor:
    """A person in a browser. Every page they open is checked: status, HTML, accessibility."""

    page: Page
    base_url: str
    checker: HtmlChecker
    javascript: bool = True  # axe-core needs it; pages without it are checked as HTML only
    elsewhere: list[str] = field(default_factory=list)
    broken: list[str] = field(default_factory=list)  # stylesheets, fonts... that failed
    console: list[str] = field(default_factory=list)  # errors: CSP refusals, script errors

    def open(self, path: str, *, name: str, status: int = 200) -> Page:
        response = self.page.goto(self.base_url + path)
        assert response is not None
        assert response.status == status, f"{path} answered {response.status}"
        self.check(name=name, html=response.text())
        return self.page

    def check(self, *, name: str, html: str | None = None) -> None:
        """Validate the current page's HTML and run axe on it."""
        self.checker.assert_valid(html if html is not None else self.loaded_html(), name)
        if self.javascript:
            assert_accessible(self.page)

    def loaded_html(self) -> str:
        """The current document once it has loaded.

        Right after a click that navigates, Chromium can be between two documents, and
        `content()` then answers an empty one (a journey failed on "no doctype" that way).
        """
        for _ in range(100):
            self.page.wait_for_load_state("load")
            html = self.page.content()
            if html.lstrip()[:15].lower() == "<!doctype html>":
                return html
            self.page.wait_for_timeout(50)
        return html

    def screenshot(self, name: str) -> None:
        screenshot(self.page, name)


def reads_in_uyghur(visitor: Visitor, name: str) -> Page:
    """The page is checked, right to left, with no English left; then photographed."""
    page = visitor.page
    visitor.check(name=name)
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert latin_words_left(page) == [], f"{name}: words left in English"
    visitor.screenshot(name)
    return page


def _visitor(
    page: Page, live_server: object, html_checker: HtmlChecker, *, javascript: bool = True
) -> Iterator[Visitor]:
    base_url = str(live_server.url)  # type: ignore[attr-defined]
    origin = urlsplit(base_url).netloc
    visitor = Visitor(page=page, base_url=base_url, checker=html_checker, javascript=javascript)

    def record(request: object) -> None:
        url = request.url  # type: ignore[attr-defined]
        if urlsplit(url).netloc != origin and not url.startswith(("data:", "about:")):
            visitor.elsewhere.append(url)

    def failed(response: object) -> None:
        request = response.request  # type: ignore[attr-defined]
        if response.status >= 400 and request.resource_type != "document":  # type: ignore[attr-defined]
            visitor.broken.append(f"{response.status} {request.url}")  # type: ignore[attr-defined]

    def console_error(message: object) -> None:
        if message.type == "error":  # type: ignore[attr-defined]
            visitor.console.append(message.text)  # type: ignore[attr-defined]

    page.on("request", record)
    page.on("response", failed)
    page.on("console", console_error)
    page.on("pageerror", lambda error: visitor.console.append(str(error)))
    yield visitor
    # No page of Awaz may make a request to another origin, nor miss one of its own files.
    assert visitor.elsewhere == [], f"requests to other origins: {visitor.elsewhere}"
    assert visitor.broken == [], f"files that did not load: {visitor.broken}"
    assert visitor.console == [], f"errors in the browser console: {visitor.console}"


@pytest.fixture
def visitor(page: Page, live_server: object, html_checker: HtmlChecker) -> Iterator[Visitor]:
    """A visitor on a desktop-sized window."""
    page.set_viewport_size(DESKTOP)
    yield from _visitor(page, live_server, html_checker)


@pytest.fixture
def phone_visitor(
    browser: Browser, live_server: object, html_checker: HtmlChecker
) -> Iterator[Visitor]:
    """A visitor on a phone-sized touch screen."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    try:
        yield from _visitor(page, live_server, html_checker)
    finally:
        context.close()


@pytest.fixture
def visitor_without_javascript(
    browser: Browser, live_server: object, html_checker: HtmlChecker
) -> Iterator[Visitor]:
    """A visitor whose browser runs no JavaScript at all (Tor Browser's safest level)."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        yield from _visitor(page, live_server, html_checker, javascript=False)
    finally:
        context.close()
