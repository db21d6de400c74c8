"""A live server and a headless Chromium for the browser tests.

The server is the real thing (waitress serving ``create_app``) on a free
loopback port; the browser is Debian's Chromium driven by Playwright, started
with the flags this sandbox needs (no sandbox as root, no background
networking). Console errors and page errors are collected per page so tests
can assert there are none.
"""

from __future__ import annotations

import re
import shutil
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, unquote_plus, urlparse, urlsplit

import waitress

CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parent.parent / "out" / "screenshots"


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        raise RuntimeError("Chromium is not installed: run scripts/install-test-deps.sh")
    return path


class LiveServer:
    def __init__(self, app):
        self.server = waitress.create_server(app, host="127.0.0.1", port=0, threads=4)
        self.url = f"http://127.0.0.1:{self.server.effective_port}"
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.closing = False

    def _run(self) -> None:
        try:
            self.server.run()
        except OSError:
            # Closing the sockets while the loop waits in select() ends it with EBADF: that is
            # the server stopping, and must not surface as a failure of whichever test runs next.
            if not self.closing:
                raise

    def __enter__(self) -> LiveServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.closing = True
        self.server.close()


@dataclass
class Console:
    """Errors a page reported: console.error messages and uncaught exceptions."""

    errors: list[str] = field(default_factory=list)

    def attach(self, page) -> None:
        page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))


@contextmanager
def chromium_page():
    """A page of a fresh headless Chromium (1280×900, zh-CN); on leaving, the browser must have
    reported no console error."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
        console = Console()
        console.attach(page)
        yield page
        browser.close()
    assert console.errors == []


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


# Latin words a page may show a person: the query language's own syntax and names of formats.
ALLOWED_LATIN = frozenset({"AND", "OR", "NOT", "in", "nianbao", "CSV", "JSON", "Lines", "txt"})

# What the site says to a person: visible text and tooltips, without code (queries, ids, file
# names, the parsed form), without the reports' own words (their sections and the fragments
# quoted from them) and without anything marked as English on purpose.
_READABLE_TEXT = """() => {
  const clone = document.body.cloneNode(true);
  const skip = 'code, script, style, datalist, [lang="en"], .section-text, .fragment';
  clone.querySelectorAll(skip).forEach((e) => e.remove());
  const tips = Array.from(clone.querySelectorAll('[title], [aria-label], [placeholder]')).map(
    (e) => [e.getAttribute('title'), e.getAttribute('aria-label'), e.getAttribute('placeholder')].join(' '));
  return [document.title, clone.textContent, ...tips].join(' ');
}"""


def _words(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z][A-Za-z_']+", text))


def english_words(page) -> set[str]:
    """Latin words in what the page says to a person, beyond the query language's syntax and
    what the person typed into the address (echoed back, e.g. the path a 404 names)."""
    typed = _words(unquote_plus(urlsplit(page.url).path + " " + urlsplit(page.url).query))
    return _words(page.evaluate(_READABLE_TEXT)) - ALLOWED_LATIN - typed


def query_of(url: str) -> str:
    """The ``q`` of a page's address."""
    return parse_qs(urlparse(url).query).get("q", [""])[0]
