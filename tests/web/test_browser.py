"""The UI in a real browser: headless Chromium against a server on loopback.

Chromium (Debian's `chromium` package) runs the pages' scripts and applies the security
headers, so these tests see what a user sees: Swagger UI drawn from local files with no
network, pages without Content-Security-Policy violations or script errors, charts and the
map as SVG in the rendered DOM. `.ci/run` installs Chromium; where it is missing the tests
are skipped with that reason.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import threading
import time

import pytest

from tests.api.api_fixtures import ARTICLES

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium; .ci/run does)"
)
DB: dict[str, str] = {}  # the server's ledger file, for set-up a page cannot do
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--enable-logging=stderr",
    "--v=0",
    "--virtual-time-budget=8000",
]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from tests.api.api_fixtures import api_client

    db = str(tmp_path_factory.mktemp("browser") / "ledger.db")
    client = api_client(db)  # fill the ledger through the API, as a user would
    assert client.post("/api/articles", json=ARTICLES).status_code == 201
    app = client.app
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    DB["path"] = db
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


def render(url: str, tmp_path) -> tuple[str, str]:
    """(DOM after the scripts ran, the browser's log) for one page."""
    out = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path}", "--dump-dom", url],
        capture_output=True,
        text=True,
        timeout=90,
    )
    return out.stdout, out.stderr


def console_errors(log: str) -> list[str]:
    bad = ("Refused to", "Uncaught", "Content Security Policy", "ERR_")
    return [line for line in log.splitlines() if "CONSOLE" in line and any(b in line for b in bad)]


def test_swagger_ui_renders_offline(server, tmp_path):
    dom, log = render(f"{server}/api/docs", tmp_path)
    assert 'class="swagger-ui"' in dom and "opblock-summary" in dom and "/api/quotes" in dom
    assert console_errors(log) == []


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/quotes",
        "/actors",
        "/map?show=places",
        "/stories",
        "/actor/Ana%20Ruiz",
        "/events",
        "/sources",
        "/articles?sort=chars",
        "/events?mode=all",
        "/merged-events",
        "/contradictions",
        "/feedback/quotes/1",
        "/brief?actor=Spain",
    ],
)
def test_pages_render_without_script_or_policy_errors(server, tmp_path, path):
    dom, log = render(f"{server}{path}", tmp_path)
    assert "<nav" in dom and "</html>" in dom
    assert console_errors(log) == []
    if path.startswith("/map"):
        assert dom.count('class="country"') == 177 and 'class="point"' in dom


@pytest.fixture
def browser(tmp_path):
    from tests.web.browser_cdp import Browser

    b = Browser(CHROMIUM, str(tmp_path))
    yield b
    b.close()


def test_a_facet_click_filters_the_list(server, browser):
    browser.open(f"{server}/articles")
    assert browser.js("document.querySelectorAll('tbody tr').length") == 2
    browser.click(".facet a[href='/articles?outlet=Valley+Post']")
    assert browser.url() == "/articles?outlet=Valley+Post"
    outlets = browser.js("[...document.querySelectorAll('tbody tr td:nth-child(3)')].map(t => t.textContent)")
    assert outlets == ["Valley Post"]
    assert browser.console_errors() == []


def test_a_merge_from_the_actor_page_changes_the_actors_list(server, browser):
    import sqlite3

    from tests.api.api_fixtures import TOKEN

    with sqlite3.connect(DB["path"]) as db:  # a "possibly the same as" suggestion (kb/links.py)
        ids = dict(db.execute("SELECT name, id FROM entities WHERE name IN ('Spain', 'Portugal')"))
        db.execute(
            "INSERT OR REPLACE INTO actor_links (a, b, score, reason) VALUES (?, ?, 0.5, 'test')",
            (ids["Spain"], ids["Portugal"]),
        )
    browser.open(f"{server}/actors")
    names = "[...document.querySelectorAll('tbody tr td:first-child')].map(t => t.textContent)"
    assert "Portugal" in browser.js(names)
    browser.open(f"{server}/actor/{ids['Spain']}")
    browser.click("ul.same a[href^='/actor-merge']")
    assert browser.url().startswith("/actor-merge?")
    browser.fill("input[name=token]", TOKEN)
    browser.fill("input[name=by]", "ana")
    browser.click("form.correction button[type=submit]")
    assert browser.url() == f"/actor/{ids['Spain']}"
    assert "ana" in browser.js("document.body.innerText")  # the logged decision
    browser.open(f"{server}/actors")
    after = browser.js(names)
    assert "Spain" in after and "Portugal" not in after
    assert browser.console_errors() == []
