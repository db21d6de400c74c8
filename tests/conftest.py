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
