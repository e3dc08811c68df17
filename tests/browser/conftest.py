"""Browser tests: Debian's Chromium, driven by Selenium through Debian's chromedriver, against
the real app served by waitress. Run when GUIDE_BROWSER_TESTS=1 (CI sets it)."""
import os
import shutil
import socket
import threading
from typing import NamedTuple

import pytest

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"


def pytest_collection_modifyitems(config, items):
    if os.environ.get("GUIDE_BROWSER_TESTS") == "1":
        return
    skip = pytest.mark.skip(reason="browser tests run with GUIDE_BROWSER_TESTS=1")
    for item in items:
        # the marker, not the keyword: every test in this folder has "browser" among its
        # keywords, and test_coverage.py needs no browser
        if item.get_closest_marker("browser") is not None:
            item.add_marker(skip)


class Served:
    """A WSGI app under waitress on a free port, in a thread; it can be stopped and started again
    on the same port (the kiosk's tests take the server away from under a page)."""

    def __init__(self, app):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.app, self.server = app, None
        self.url = f"http://127.0.0.1:{self.port}"

    def start(self):
        from waitress.server import create_server

        server = self.server = create_server(self.app, host="127.0.0.1", port=self.port, threads=4)
        threading.Thread(target=self._run, args=(server,), daemon=True).start()
        return self

    @staticmethod
    def _run(server):
        try:
            server.run()
        except (OSError, ValueError):
            if not getattr(server, "stopped", False):
                raise  # a failure, not the end stop() made

    def stop(self):
        """Gone as a crashed server is: the listening socket and every open connection closed
        (its loop then fails on the closed sockets, which _run expects)."""
        from waitress import wasyncore

        self.server.stopped = True
        wasyncore.close_all(self.server._map)


@pytest.fixture(scope="session")
def server_url(wsgi_app):
    served = Served(wsgi_app).start()
    yield served.url
    served.stop()


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    if not (shutil.which(CHROMIUM) and shutil.which(CHROMEDRIVER)):
        pytest.fail("GUIDE_BROWSER_TESTS=1 but Debian's chromium and chromium-driver are not installed")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=390,900", f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


BROWSER_PASSWORD = "a password for the browser tests"


@pytest.fixture(scope="session")
def editor_accounts(database):
    """An admin and an editor in the test database (committed: the browser's server reads it)."""
    import datetime as dt

    from sqlalchemy import select

    from guide.accounts.passwords import hash_password
    from guide.models import User

    names = {"admin": "browser-admin", "editor": "browser-editor"}
    with database.transaction() as s:
        for role, name in names.items():
            if s.scalar(select(User).where(User.username == name)) is None:
                s.add(User(username=name, role=role, password_hash=hash_password(BROWSER_PASSWORD), active=True,
                           created_at=dt.datetime.now(dt.timezone.utc), locale="en", session_version=0))
    return names


def sign_in(browser, server_url, name, password=BROWSER_PASSWORD):
    """A fresh session, signed in through the login form with the keyboard alone."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    browser.delete_all_cookies()
    browser.get(f"{server_url}/editor/login?lang=en")
    # The form focuses the name field; should the browser not (it may skip autofocus), the
    # keyboard gets there.
    for _ in range(20):
        if browser.switch_to.active_element.get_attribute("id") == "username":
            break
        browser.switch_to.active_element.send_keys(Keys.TAB)
    username = browser.switch_to.active_element
    assert username.get_attribute("id") == "username"
    username.send_keys(name, Keys.TAB)
    browser.switch_to.active_element.send_keys(password, Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda b: b.current_url.endswith("/editor/"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Dashboard"


class Post(NamedTuple):
    """A page that answers a form sent with POST: the form's action (after the page's prefix) and
    its fields. The browser gets there by sending the form, as a reader's would be sent."""
    path: str
    fields: tuple = ()


def submit(browser, action, fields=()):
    """Send a form, built in the current page, to `action`; back when the answer is loaded."""
    from selenium.webdriver.support.ui import WebDriverWait

    browser.execute_script("""
      window.guideSent = true;
      const form = document.createElement('form');
      form.method = 'post';
      form.action = arguments[0];
      for (const [name, value] of arguments[1]) {
        const input = document.createElement('input');
        input.type = 'hidden';
        input.name = name;
        input.value = value;
        form.append(input);
      }
      document.body.append(form);
      form.submit();""", action, [list(pair) for pair in fields])
    WebDriverWait(browser, 10).until(
        lambda b: b.execute_script("return window.guideSent === undefined && document.readyState === 'complete'"))


def response_status(browser):
    """The HTTP status of the page the browser shows (Navigation Timing)."""
    return browser.execute_script(
        "const n = performance.getEntriesByType('navigation')[0]; return n ? n.responseStatus : null")
