"""Browser tests (`pytest -m browser`): `newsprism serve` on a free loopback port over a store the
CLI made from the seeds, driven by the system's chromium through Playwright (headless, no
sandbox, nothing downloaded). Screenshots land in tests/artifacts/ (CI keeps them).

Skipped, saying why, where Playwright or chromium is absent."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from web_stores import HOSTILE_TITLE, seed_store

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = os.environ.get("NEWSPRISM_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

sync_api = pytest.importorskip(
    "playwright.sync_api",
    reason="browser tests need Playwright for Python (pip install -e '.[browser]')",
)
if not Path(CHROMIUM).is_file():
    pytest.skip(
        f"browser tests need chromium at {CHROMIUM} (apt-get install chromium)",
        allow_module_level=True,
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_up(url: str, server: subprocess.Popen[bytes], seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"newsprism serve exited: {server.stdout.read().decode()}")  # type: ignore[union-attr]
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"newsprism serve did not answer at {url} in {seconds:g} s")


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = seed_store(tmp_path_factory.mktemp("browser"), hostile=True)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "newsprism", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url + "/", server)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-dev-shm-usage"],
        )
        yield launched
        launched.close()


def _shoot(page: object, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)  # type: ignore[attr-defined]
    assert path.stat().st_size > 10_000
    return path


def test_seed_story_flags_speaker_link_and_search(browser: object, base_url: str) -> None:
    page = browser.new_page(viewport=DESKTOP)  # type: ignore[attr-defined]
    page.goto(base_url + "/")
    _shoot(page, "stories-desktop")
    page.get_by_role("link", name="Jurgen Klopp hopes Liverpool can evoke spirit").click()
    page.wait_for_url("**/stories/*")
    # the altered statement is flagged, open, its edits highlighted on both sides
    flagged = page.locator("details.statement[open]")
    assert flagged.count() >= 1
    assert flagged.first.locator(".badge.sev-red", has_text="altered").count() >= 1
    changed = page.locator("mark.edit", has_text="everything")
    assert changed.count() == 1 and changed.first.is_visible()
    assert "everyone" in changed.first.get_attribute("title")
    assert page.locator("del.edit").count() >= 2
    assert page.locator("table.grid .badge.sev-red", has_text="altered").is_visible()
    _shoot(page, "story-desktop")
    page.set_viewport_size(PHONE)
    _shoot(page, "story-phone")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"] + 1  # nothing pushes the page sideways on a phone
    page.set_viewport_size(DESKTOP)

    page.locator('a[href="/speakers/jurgen-klopp"]').first.click()
    page.wait_for_url("**/speakers/jurgen-klopp")
    assert page.locator("h1").inner_text() == "Jürgen Klopp"
    assert page.locator(".badge.sev-red", has_text="altered").count() >= 2
    _shoot(page, "speaker-desktop")

    page.locator("#site-q").fill("everything")
    page.locator("#site-q").press("Enter")
    page.wait_for_url("**/search?q=everything")
    hits = page.locator("ol.hits > li")
    assert hits.count() >= 2
    assert page.locator(".snippet mark", has_text="everything").count() >= 2
    _shoot(page, "search-desktop")
    page.set_viewport_size(PHONE)
    _shoot(page, "search-phone")

    page.goto(base_url + "/search?q=" + "%22unbalanced")
    assert page.locator("h1").inner_text() == "Search"
    page.close()


@pytest.mark.parametrize("csp", ["enforced", "bypassed"])
def test_hostile_article_runs_no_script(browser: object, base_url: str, csp: str) -> None:
    """Markup in the hostile article's title, text, outlet and url stays text. With the
    Content-Security-Policy bypassed too, so the escaping itself is what is proven."""
    context = browser.new_context(viewport=DESKTOP, bypass_csp=csp == "bypassed")  # type: ignore[attr-defined]
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(base_url + "/")
    page.get_by_role("link", name=HOSTILE_TITLE).click()
    page.wait_for_url("**/stories/*")
    assert HOSTILE_TITLE in page.locator("h1").inner_text()
    visited = [page.url]
    page.locator("ul.articles a").first.click()
    page.wait_for_url("**/articles/*")
    visited.append(page.url)
    page.goto(base_url + "/search?q=budget")
    visited.append(page.url)
    for url in visited:
        page.goto(url)
        page.wait_for_timeout(300)
        assert page.evaluate("typeof window.__pwned") == "undefined", url
        assert page.locator("img, svg, iframe, script").count() == 0, url
        hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
        assert not [h for h in hrefs if h.lower().startswith("javascript:")], url
    assert dialogs == []
    if csp == "enforced":
        page.goto(visited[1])
        _shoot(page, "hostile-article-desktop")
    context.close()
