"""Lighthouse (npm) with Debian's Chromium on the home page and the seed petition, in English
and in Uyghur, served as `bin/serve` serves them: waitress, WhiteNoise, collected static files.

SEO, accessibility and best practices must score 100. Performance is measured with Lighthouse's
desktop preset (simulated 40 ms round trips, 10 Mbit/s, no CPU slowdown) and must reach 90: the
mobile preset multiplies the main thread's time by four, and on a 2-core machine shared with the
rest of the suite that multiplies other processes' load too, so its score says more about the
machine than about the page (docs/benchmarks.md has both presets measured). For the same reason
the floor is waived, and the run says so, when the server took over 600 ms to answer (Lighthouse's
own server-response-time limit): the page cannot help that. What the page decides is asserted
audit by audit whatever the load: layout shift under 0.1, one render-blocking stylesheet at
most, compressed HTML, the tags search engines read. One run per page and language, 20-60 s each.
"""

import json
import os
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from tests import live, processes
from tests.browser import ROOT, HarnessMissingError, chromium_path

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
SEED = "petitions/save-serikzhan-bilash/"
# Audits this page set must pass outright, each named so a failure says what broke.
MUST_PASS = (
    "document-title",
    "meta-description",
    "hreflang",
    "canonical",
    "is-crawlable",
    "robots-txt",
    "uses-text-compression",
    "font-display",
    "html-has-lang",
    "errors-in-console",
)


@pytest.fixture
def served(tmp_path: Path):
    """The demo content on a waitress process whose SITE_URL is its own address."""
    call_command("seed_demo", verbosity=0)
    # The folder of its own (secrets), with the session's collected, compressed static files.
    var = tmp_path / "var"
    var.mkdir()
    (var / "static").symlink_to(settings.STATIC_ROOT, target_is_directory=True)
    port = live.free_port()
    base = f"http://127.0.0.1:{port}"
    log = (tmp_path / "web.log").open("wb")
    web = live.start_web(
        port,
        log,
        DATABASE_URL=processes.test_database_url(),
        AWAZ_VAR_DIR=str(var),
        SITE_URL=base,
    )
    try:
        live.wait_ready(f"{base}/en/", web)
        yield base
    finally:
        web.terminate()
        web.wait(30)
        log.close()
    assert "Traceback" not in (tmp_path / "web.log").read_text()


def lighthouse(url: str, report: Path) -> dict[str, object]:
    if not LIGHTHOUSE.exists():
        raise HarnessMissingError("Lighthouse is missing: run `npm ci` (or `make browser-deps`).")
    flags = "--headless --no-sandbox --disable-gpu --no-first-run --disable-quic"
    subprocess.run(  # noqa: S603 - the project's own Lighthouse, fixed arguments
        [
            str(LIGHTHOUSE),
            url,
            f"--chrome-path={chromium_path()}",
            f"--chrome-flags={flags}",
            "--preset=desktop",
            f"--only-categories={','.join(CATEGORIES)}",
            "--output=json",
            f"--output-path={report}",
            "--quiet",
        ],
        check=True,
        timeout=180,
        env={**os.environ, "CHROME_PATH": chromium_path()},
    )
    result: dict[str, object] = json.loads(report.read_text())
    return result


@pytest.mark.parametrize("language", ["en", "ug"])
def test_lighthouse_scores_the_home_page_and_a_petition(served, language, tmp_path):
    failures = []
    for path in ("", SEED):
        url = f"{served}/{language}/{path}"
        result = lighthouse(url, tmp_path / f"{language}-{path.replace('/', '_')}.json")
        categories: dict[str, dict[str, float]] = result["categories"]  # type: ignore[assignment]
        audits: dict[str, dict[str, object]] = result["audits"]  # type: ignore[assignment]
        scores = {name: categories[name]["score"] for name in CATEGORIES}
        floors = {"performance": 0.9, "accessibility": 1, "best-practices": 1, "seo": 1}
        if audits["server-response-time"]["score"] != 1:
            # Over 600 ms for a cached page: the machine is busy, and the score measures it.
            print(url, "slow answer:", audits["server-response-time"]["displayValue"])
            floors["performance"] = 0
        failures += [
            f"{url}: {name} {scores[name]}" for name in CATEGORIES if scores[name] < floors[name]
        ]
        blocking = audits["render-blocking-resources"]["details"]["items"]  # type: ignore[index]
        if len(blocking) > 1:
            failures.append(f"{url}: render-blocking {blocking}")
        failures += [
            f"{url}: {audit} failed: {audits[audit].get('displayValue', '')}"
            for audit in MUST_PASS
            if audits[audit]["score"] not in (1, None)  # None: not applicable
        ]
        shift = float(audits["cumulative-layout-shift"]["numericValue"])  # type: ignore[arg-type]
        if shift > 0.1:
            failures.append(f"{url}: layout shift {shift:.3f}")
        print(url, scores, f"CLS {shift:.3f}")
    assert failures == []
