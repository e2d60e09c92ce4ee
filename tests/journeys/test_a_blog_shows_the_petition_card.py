"""An organization's blog frames the petition card; the reader follows it to sign."""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser import screenshot
from tests.demo import seed_demo

EMBED = "/{language}/petitions/save-serikzhan-bilash/embed/"

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def demo_content() -> None:
    seed_demo()


def blog(page: Page, html: str) -> None:
    """Open `html` as the page of another site: a server of its own on this machine (a page the
    browser made up would count as public, and Chromium keeps those from framing local ones)."""
    body = html.encode()

    class Blog(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Blog)
    thread = threading.Thread(target=server.handle_request, daemon=True)
    thread.start()
    try:
        page.goto(f"http://127.0.0.1:{server.server_port}/our-blog/")
    finally:
        thread.join(timeout=10)
        server.server_close()


def test_the_card_reads_right_in_english_and_in_uyghur(visitor):
    page = visitor.open(EMBED.format(language="en"), name="embed-en")
    expect(page.locator(".counter")).to_have_text("0 have signed. Let's get to 500!")
    expect(page.get_by_role("link", name="Sign this petition")).to_have_attribute(
        "target", "_blank"
    )
    visitor.screenshot("embed-en")
    page = visitor.open(EMBED.format(language="ug"), name="embed-ug")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    visitor.screenshot("embed-ug")


def test_another_site_frames_the_card_and_the_reader_opens_the_petition(
    browser: Browser, live_server: object
):
    base = str(live_server.url)  # type: ignore[attr-defined]
    context = browser.new_context()
    page = context.new_page()
    try:
        blog(
            page,
            f'<main><h1>Our blog</h1><iframe title="petition" src="{base}'
            f'{EMBED.format(language="en")}" width="400" height="260"></iframe></main>',
        )
        card = page.frame_locator("iframe")
        expect(card.locator(".counter")).to_have_text("0 have signed. Let's get to 500!")
        with context.expect_page() as opened:
            card.get_by_role("link", name="Sign this petition").click()
        petition = opened.value
        petition.wait_for_load_state()
        assert petition.url.startswith(f"{base}/en/petitions/save-serikzhan-bilash/")
        expect(petition.get_by_role("heading", name="Sign this petition")).to_be_visible()
        screenshot(page, "embed-framed-by-another-site", full_page=False)
    finally:
        context.close()


def test_the_petition_page_itself_refuses_to_be_framed(browser: Browser, live_server: object):
    base = str(live_server.url)  # type: ignore[attr-defined]
    context = browser.new_context()
    page = context.new_page()
    try:
        blog(
            page,
            f'<iframe title="card" src="{base}{EMBED.format(language="en")}"></iframe>'
            f'<iframe title="page" src="{base}/en/petitions/save-serikzhan-bilash/"></iframe>',
        )
        # The card beside it loads, so the page's absence is its own refusal (the CSP).
        card = page.frame_locator("iframe[title=card]")
        expect(card.locator(".counter")).to_have_text("0 have signed. Let's get to 500!")
        framed = page.frame_locator("iframe[title=page]")
        expect(framed.get_by_role("heading", name="Sign this petition")).to_have_count(0)
    finally:
        context.close()
