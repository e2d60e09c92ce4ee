"""The browser-test harness: Debian's Chromium under Playwright, axe-core, the Nu HTML checker.

Journeys (tests/journeys/) use it through the fixtures in tests/journeys/conftest.py. Nothing
here is downloaded at test time: Chromium comes from apt, axe-core and vnu.jar from npm.
"""

import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Page, ViewportSize

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "var" / "test-artifacts"
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE: ViewportSize = {"width": 390, "height": 844}
DESKTOP: ViewportSize = {"width": 1280, "height": 900}


class HarnessMissingError(RuntimeError):
    """A tool the browser tests need is not installed; the message says how to get it."""


def chromium_path() -> str:
    path = shutil.which("chromium")
    if path is None:
        raise HarnessMissingError(
            "Chromium is missing: run `make browser-deps` (apt-get install chromium)."
        )
    return path


def _partial(path: Path) -> Path:
    """A name beside `path` for writing it whole before it replaces `path` (parallel workers)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return path.with_name(f".{path.stem}.{os.getpid()}.partial{path.suffix}")


def screenshot(page: Page, name: str, *, full_page: bool = True) -> Path:
    """Save a PNG of the page under var/test-artifacts/screenshots/ and return its path."""
    path = ARTIFACTS / "screenshots" / f"{name}.png"
    partial = _partial(path)
    page.screenshot(path=str(partial), full_page=full_page)
    partial.replace(path)
    return path


def axe_violations(page: Page) -> list[dict[str, object]]:
    """Run axe-core's WCAG 2.1 A and AA rules on the page; return the violations found."""
    if not AXE_JS.exists():
        raise HarnessMissingError("axe-core is missing: run `npm ci` (or `make browser-deps`).")
    # evaluate() is not subject to the page's CSP, unlike add_script_tag().
    page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    result = page.evaluate(
        """() => axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
            resultTypes: ['violations'],
        })"""
    )
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "targets": [node["target"] for node in violation["nodes"]],
        }
        for violation in result["violations"]
    ]


def assert_accessible(page: Page) -> None:
    violations = axe_violations(page)
    assert violations == [], f"axe-core on {page.url}:\n{json.dumps(violations, indent=1)}"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class HtmlChecker:
    """The Nu HTML checker running as a local service, so each check costs milliseconds."""

    url: str
    checked: list[str] = field(default_factory=list)

    def errors(self, html: str) -> list[str]:
        request = urllib.request.Request(  # noqa: S310 - a loopback URL we built
            f"{self.url}?out=json",
            data=html.encode("utf-8"),
            headers={"Content-Type": "text/html; charset=utf-8"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            messages = json.load(response)["messages"]
        return [
            f"line {message.get('lastLine')}: {message['message']}"
            for message in messages
            if message["type"] == "error"
            or (
                message["type"] == "info"
                and message.get("subType") == "warning"
                # Its language guesser takes Uyghur Latin for Uzbek: a guess, not a rule.
                and not message["message"].startswith("This document appears to be written in")
            )
        ]

    def assert_valid(self, html: str, name: str) -> None:
        path = ARTIFACTS / "html" / f"{name}.html"
        partial = _partial(path)
        partial.write_text(html, encoding="utf-8")
        partial.replace(path)
        self.checked.append(name)
        errors = self.errors(html)
        assert errors == [], f"Nu HTML checker on {name} ({path}):\n" + "\n".join(errors)


def _start_html_checker(java: str) -> tuple[subprocess.Popen[bytes], str] | None:
    """Start the checker on a free port; None when another process took the port first."""
    # The port is free when chosen but another process may take it before Java binds it:
    # the checker then exits, or a stranger answers. Either way the caller tries another port.
    port = _free_port()
    process = subprocess.Popen(  # noqa: S603 - fixed arguments
        [
            java,
            "-Xss4m",
            "-Dnu.validator.servlet.bind-address=127.0.0.1",
            "-cp",
            str(VNU_JAR),
            "nu.validator.servlet.Main",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    # Java starts in seconds on an idle machine, in minutes on one busy running parallel tests.
    deadline = time.monotonic() + 180
    while process.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if b"Nu Html Checker" in response.read():
                    return process, url
                break  # another server has the port
        except OSError:
            if time.monotonic() > deadline:
                process.terminate()
                process.wait(timeout=10)
                raise HarnessMissingError("The Nu HTML checker did not start.") from None
            time.sleep(0.25)
    process.terminate()
    process.wait(timeout=10)
    return None


@contextmanager
def html_checker_service() -> Iterator[HtmlChecker]:
    java = shutil.which("java")
    if java is None:
        raise HarnessMissingError(
            "Java is missing: the Nu HTML checker needs a JRE (make browser-deps)."
        )
    if not VNU_JAR.exists():
        raise HarnessMissingError("vnu.jar is missing: run `npm ci` (or `make browser-deps`).")
    for _attempt in range(3):
        started = _start_html_checker(java)
        if started is not None:
            break
    else:
        raise HarnessMissingError("The Nu HTML checker did not start.")
    process, url = started
    try:
        yield HtmlChecker(url=url)
    finally:
        process.terminate()
        process.wait(timeout=10)
