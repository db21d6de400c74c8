"""The SQLite layout of the copied-text index, and the check that a stored file fits this code."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from ..errors import NianbaoError

VERSION = 3
# WAL: searches read the last committed state while an ingest writes the next one.
SCHEMA = """
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- Every report held, with or without a section long enough to compare.
CREATE TABLE IF NOT EXISTS reports(report TEXT PRIMARY KEY) WITHOUT ROWID;
-- Reports whose figures a commit changed and the search index has not yet taken in.
CREATE TABLE IF NOT EXISTS stale(report TEXT PRIMARY KEY) WITHOUT ROWID;
-- One row per report section (body: the normalised agency key, record["agency_key"]).  keys: int64 per sentence; lengths: its shingle count; shingles: the
-- sentences' uint32 shingle hashes in order.  kept: the distinct shingles of its own sentences
-- (template text left out), NULL when too short to compare; bands: its int64 LSH band keys.
-- best: the largest share of its own text that another body's section has (its edges' maximum,
-- kept as edges are added, so a commit need not read every edge of a widely copied section);
-- NULL when edges were taken away since: worked out again from the edges when next needed.
CREATE TABLE IF NOT EXISTS sections(
    sid INTEGER PRIMARY KEY, report TEXT NOT NULL, section TEXT NOT NULL, agency TEXT, region TEXT,
    body TEXT, year INTEGER, keys BLOB, lengths BLOB, shingles BLOB, kept BLOB, size INTEGER NOT NULL DEFAULT 0,
    bands BLOB, dirty INTEGER NOT NULL DEFAULT 1, best REAL);
CREATE INDEX IF NOT EXISTS sections_report ON sections(report);
-- A body's sections by year: a report is always compared with its body's years before and after.
CREATE INDEX IF NOT EXISTS sections_body ON sections(body, section, year);
CREATE INDEX IF NOT EXISTS sections_dirty ON sections(dirty) WHERE dirty = 1;
-- Which sections hold a sentence, and how many do: template text is what too many hold.
CREATE TABLE IF NOT EXISTS sent(key INTEGER, sid INTEGER, PRIMARY KEY(key, sid)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS sent_sid ON sent(sid);
CREATE TABLE IF NOT EXISTS df(key INTEGER PRIMARY KEY, n INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS df_n ON df(n);
CREATE TABLE IF NOT EXISTS boiler(key INTEGER PRIMARY KEY);
CREATE TABLE IF NOT EXISTS bands(key INTEGER, sid INTEGER, PRIMARY KEY(key, sid)) WITHOUT ROWID;
-- share: the part of section a's own shingles that section b also has (exact, not estimated).
-- Every pair is stored both ways, (a, b) and (b, a), so a section's rows as a name its rows as b
-- too: no index on b is needed (it was 15 % of the file at 100,000 reports).
CREATE TABLE IF NOT EXISTS edges(a INTEGER, b INTEGER, share REAL NOT NULL, PRIMARY KEY(a, b)) WITHOUT ROWID;
"""


class SimilarityStoreError(NianbaoError):
    """The copied-text index beside the search index cannot be used as it is."""

    status = 503

    def __init__(self, folder: Path, reason: str):
        super().__init__(
            f"the copied-text index in {folder} cannot be used: {reason}",
            hint="run `nianbao ingest` on the reports again: it rebuilds the index",
            message_zh=f"{folder} 中的雷同比对索引无法使用：{reason}",
            hint_zh="请重新运行 nianbao ingest 报告所在文件夹，它会重建索引",
        )


def upgrade(db: sqlite3.Connection) -> None:
    """Bring a file written by an earlier version up to this layout: ``sections.best`` added
    (every section's figure starts unknown, NULL, and is worked out from its edges when first
    needed); the index on ``edges.b`` dropped."""
    columns = {row[1] for row in db.execute("PRAGMA table_info(sections)")}
    if "best" not in columns:
        db.execute("ALTER TABLE sections ADD COLUMN best REAL")
    db.execute("DROP INDEX IF EXISTS edges_b")


def check_meta(db: sqlite3.Connection, folder: Path, settings: dict, create: bool = True) -> None:
    """Record the settings a new file is built with; refuse a file built with other ones (or,
    unless ``create``, with none)."""
    wanted = json.dumps({"version": VERSION, **settings}, sort_keys=True)
    found = db.execute("SELECT value FROM meta WHERE key = 'settings'").fetchone()
    if found is None and not create:
        raise SimilarityStoreError(folder, "it holds no copied-text index")
    if found is None:
        db.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('settings', ?)", (wanted,))
    elif found[0] != wanted:
        raise SimilarityStoreError(folder, "it was built by another version of nianbao")
