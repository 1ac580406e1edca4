"""The API from a real browser: headless Chromium (Debian's ``chromium`` and ``chromium-driver``,
driven by Selenium) against ``claimtrack serve``'s gunicorn on a fresh SQLite store with the
seed articles.

- ``/docs/``: Swagger UI loads the committed contract, and "Try it out" → "Execute" on
  ``GET /v1/claims`` shows a 200 answer with the seed claims in it.
- CORS: a page served from another port (an origin listed in ``CLAIMTRACK_CORS_ORIGINS``)
  ``fetch``es ``/v1/claims`` (a simple request) and ``/v1/claims/{id}`` with ``If-None-Match``
  (a preflighted one, answered 200 then 304, the exposed ``ETag`` readable); a page on a third
  port, not listed, is refused by the browser.

Marked ``browser``: ``make test`` leaves it out; ``make test-browser`` (run by CI) installs what
it needs and runs it. A missing browser, driver or Selenium fails the test, never skips it.
"""
from __future__ import annotations

import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CLAIMTRACK_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CLAIMTRACK_CHROMEDRIVER", "/usr/bin/chromedriver")
# The machine has no internet: nothing in the browser may try to reach out.
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage", "--window-size=1280,2000"]
PAGE = b"<!doctype html><html><head><title>dashboard</title></head><body>a dashboard</body></html>"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _missing() -> list[str]:
    """What the test needs and this machine lacks."""
    missing = [path for path in (CHROMIUM, CHROMEDRIVER) if not shutil.which(path)]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("the selenium package (pip install -e '.[browser]')")
    return missing


class _Page(http.server.BaseHTTPRequestHandler):
    """Serves the same small HTML page at every path (the 'dashboard' origin)."""

    def do_GET(self):  # noqa: N802 - the handler's required name
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, *args):  # quiet
        pass


@pytest.fixture(scope="module")
def page_servers():
    """Two static page servers on free ports: the allowed origin and one that is not."""
    servers = [http.server.ThreadingHTTPServer(("127.0.0.1", _free_port()), _Page) for _ in range(2)]
    threads = [threading.Thread(target=s.serve_forever, daemon=True) for s in servers]
    for t in threads:
        t.start()
    yield [f"http://127.0.0.1:{s.server_address[1]}" for s in servers]
    for s in servers:
        s.shutdown()
        s.server_close()


@pytest.fixture(scope="module")
def api_base(tmp_path_factory, page_servers):
    """The API served by gunicorn on a free port, with the seed articles, allowing the first page origin."""
    tmp = tmp_path_factory.mktemp("browser")
    port = _free_port()
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp / 'browser.sqlite3'}",
           "CLAIMTRACK_BIND": f"127.0.0.1:{port}", "CLAIMTRACK_WORKERS": "1", "CLAIMTRACK_THREADS": "4",
           "CLAIMTRACK_CORS_ORIGINS": page_servers[0], "CLAIMTRACK_INSTANCE_DIR": str(tmp)}
    for step in (["db", "upgrade"], ["seed"]):
        subprocess.run([sys.executable, "-m", "api.cli", *step], env=env, cwd=ROOT, check=True, capture_output=True)
    log = (tmp / "server.log").open("w")
    proc = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "python:api.gunicorn_conf", "api:create_app()"],
                            env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(base + "/health", timeout=2) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                pass
            assert proc.poll() is None and time.monotonic() < deadline, "the server did not start"
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(30)
        log.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """Headless Chromium under chromedriver, with a fresh profile; fails when either is missing."""
    missing = _missing()
    if missing:
        pytest.fail("the browser test needs " + ", ".join(missing) + ": run `make test-browser` "
                    "(it installs Debian's chromium and chromium-driver, and selenium into .venv)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(30)
    yield driver
    driver.quit()


def test_docs_try_it_out_on_the_claim_listing(browser, api_base):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, 30)
    browser.get(api_base + "/docs/")
    operation = wait.until(ec.presence_of_element_located(
        (By.XPATH, "//div[contains(@class,'opblock-get')][.//*[@data-path='/v1/claims']]")))
    operation.find_element(By.CSS_SELECTOR, ".opblock-summary").click()
    wait.until(lambda _: operation.find_elements(By.CSS_SELECTOR, ".try-out__btn"))[0].click()
    wait.until(lambda _: operation.find_elements(By.CSS_SELECTOR, "button.execute"))[0].click()
    status = wait.until(lambda _: operation.find_elements(
        By.CSS_SELECTOR, ".live-responses-table .response .response-col_status"))[0]
    body = wait.until(lambda _: operation.find_elements(
        By.CSS_SELECTOR, ".live-responses-table .response .response-col_description pre"))[0]
    url = operation.find_element(By.CSS_SELECTOR, ".request-url pre").text
    assert status.text.strip().startswith("200"), status.text
    assert url.startswith(api_base + "/v1/claims"), url  # (the relative server: this bind, not port 8000)
    assert '"items"' in body.text and '"next_cursor"' in body.text and '"speaker"' in body.text, body.text[:500]


FETCH = """
const [url, headers, done] = arguments;
fetch(url, {headers: headers}).then(async (resp) => done({
    status: resp.status, etag: resp.headers.get('ETag'), body: resp.status === 200 ? await resp.json() : null,
    origin: location.origin}))
  .catch((error) => done({error: String(error), origin: location.origin}));
"""


def test_cross_origin_fetch_from_an_allowed_origin(browser, api_base, page_servers):
    browser.get(page_servers[0] + "/dashboard.html")
    listing = browser.execute_async_script(FETCH, api_base + "/v1/claims?limit=5", {})
    assert listing.get("status") == 200, listing
    assert listing["origin"] == page_servers[0] and listing["body"]["items"], listing
    claim_id = listing["body"]["items"][0]["id"]
    detail = browser.execute_async_script(FETCH, f"{api_base}/v1/claims/{claim_id}", {})
    assert detail.get("status") == 200 and detail["etag"], detail  # (ETag is exposed to the page)
    # If-None-Match is not a CORS-safelisted header: the browser preflights, then sends it.
    again = browser.execute_async_script(FETCH, f"{api_base}/v1/claims/{claim_id}", {"If-None-Match": detail["etag"]})
    assert again.get("status") == 304, again


def test_cross_origin_fetch_from_another_origin_is_refused(browser, api_base, page_servers):
    browser.get(page_servers[1] + "/dashboard.html")
    result = browser.execute_async_script(FETCH, api_base + "/v1/claims?limit=5", {})
    assert "error" in result and "status" not in result, result
