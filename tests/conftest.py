"""Shared fixtures: an index of the five seed reports, built once per test session, and a
builder of small indexes of chosen files."""

import shutil
from pathlib import Path

import pytest

from indexer.ingest import ingest
from indexer.store import open_existing

DATA = Path(__file__).parent / "data"
SEEDS = DATA / "seeds"


def seed_id(prefix: str) -> str:
    """The report id (content-derived) of a seed file, from its name's prefix."""
    from indexer.extract import content_hash

    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return content_hash(path.read_bytes())[:16]


@pytest.fixture(scope="session")
def seed_index(tmp_path_factory):
    folder = tmp_path_factory.mktemp("seed-index")
    summary = ingest([SEEDS], folder, workers=1)
    assert len(summary.added) == 5 and not summary.failed
    return open_existing(folder)


@pytest.fixture(scope="module")
def index_of(tmp_path_factory):
    """``index_of(name, files)``: an index of copies of ``files`` (one folder, so sources are
    their names), every one of them added."""

    def build(name: str, files: list[Path]):
        folder = tmp_path_factory.mktemp(name)
        for path in files:
            shutil.copy(path, folder / path.name)
        summary = ingest([folder], folder / "index", workers=1)
        assert len(summary.added) == len(files) and not summary.failed
        return open_existing(folder / "index")

    return build


@pytest.fixture(scope="session")
def seed_ids():
    return {prefix: seed_id(prefix) for prefix in ("000", "001", "002", "003", "004")}


# The browser tests' fixtures: a module's headless Chromium, and a fresh page per test that must
# end with no console error and no dialog (no injected script ever ran).
@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    from browser_harness import CHROMIUM_ARGS, chromium_path

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    from browser_harness import Console

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    console = Console()
    console.attach(page)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    context.close()
    assert console.errors == []
    assert dialogs == []  # no injected script ever ran
