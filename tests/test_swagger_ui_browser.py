"""Swagger UI in a real headless browser: Debian's chromium, driven by Playwright.

The page must work with no internet (every asset from this server) and under its own strict
Content-Security-Policy, list the operations, and "Try it out" on a public endpoint must get a
200. CI installs chromium (.ci/apt-packages) and sets REQUIRE_BROWSER=1, so there the test
fails rather than skips when the browser is missing.
"""

import os
import shutil
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.slow

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail("REQUIRE_BROWSER is set but no chromium is installed")
        pytest.skip("no chromium on this machine (Debian package 'chromium')")
    return path


@pytest.fixture
def browser_page():
    executable = _chromium()
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        try:
            yield browser.new_page()
        finally:
            browser.close()


def test_swagger_ui_lists_operations_and_tries_a_public_endpoint(live_server, browser_page):
    page = browser_page
    server = urlsplit(live_server.url).netloc
    elsewhere: list[str] = []
    violations: list[str] = []

    def only_this_server(route):
        if urlsplit(route.request.url).netloc == server or route.request.url.startswith("data:"):
            route.continue_()
        else:  # no CDN, no fonts, no telemetry: the page must not need the internet
            elsewhere.append(route.request.url)
            route.abort()

    page.route("**/*", only_this_server)
    page.on(
        "console",
        lambda message: violations.append(message.text)
        if "Content Security Policy" in message.text
        else None,
    )

    response = page.goto(f"{live_server.url}/api/docs/")
    assert response.status == 200
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_selector(".opblock", timeout=30_000)
    # Swagger UI draws only the operations near the viewport: walk down the page collecting
    # the operations drawn on the way.
    listed: set[str] = set()
    height = page.evaluate("document.body.scrollHeight")
    for top in range(0, height + 1000, 600):
        page.evaluate(f"window.scrollTo(0, {top})")
        page.wait_for_timeout(50)
        for block in page.locator(".opblock-summary").all():
            method = block.locator(".opblock-summary-method").inner_text()
            listed.add(f"{method} {block.locator('.opblock-summary-path').inner_text()}")
    assert len(listed) > 100
    for operation in (
        "POST /api/v1/auth/login/",
        "GET /api/resumes/",
        "POST /api/cv/score-cv/",
        "POST /api/v1/resumes/optimize",
        "POST /pf/knowledgebase/clarify",
    ):
        assert operation in listed
    page.evaluate("window.scrollTo(0, 0)")

    # A public endpoint: ResuMate's model list answers anonymous callers.
    operation = page.locator(".opblock-get").filter(
        has=page.locator(".opblock-summary-path", has_text="/api/ai/models/")
    )
    operation.locator(".opblock-summary").click()
    operation.locator("button.try-out__btn").click()
    operation.locator("button.execute").click()
    status = operation.locator(".live-responses-table tbody .response-col_status").first
    status.wait_for(timeout=30_000)
    assert status.inner_text().strip().startswith("200")

    assert elsewhere == []
    assert violations == []
