"""The copied-text (雷同) index: each report section's near duplicates across the corpus.

``SimilarityIndex(folder)`` keeps, in one SQLite file beside the search index, every section's
normalised sentences (as character-shingle hashes), a MinHash signature of the sentences that are
not template text, its LSH band keys, and the exact figures between candidate pairs.  ``add`` and
``remove`` stage changes; ``commit`` decides which sentences are template text (those that too many
sections share), brings the affected sections up to date and commits everything in one transaction,
so a crash leaves the previous state.  Queries read only stored figures.

>>> import tempfile
>>> text = "我区通过政务微博发布防汛信息，在乡镇便民服务中心设置查阅点。下一步将请人大代表评议公开工作，整改情况在网站上公示，接受群众监督。"
>>> with tempfile.TemporaryDirectory() as folder, SimilarityIndex(folder) as index:
...     index.add({"id": "a", "agency": "甲局", "year": 2022, "sections": {"问题改进": text}})
...     index.add({"id": "b", "agency": "乙局", "year": 2022, "sections": {"问题改进": text + "另有两名兼职人员。"}})
...     redone = index.commit()
...     index.neighbours("a", "问题改进")
[Neighbour(report_id='b', similarity=1.0)]
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter
from collections.abc import Mapping
from functools import cache
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

import numpy as np

from . import text as texts
from .facets import Copying, copying_of
from .schema import SCHEMA, SimilarityStoreError, check_meta, upgrade

NUM_PERM = 128
# Candidates from LSH at Jaccard 0.5 reach sections 90 % contained in one up to 1.2 times longer
# with probability 0.99; every candidate's figure is then computed exactly.
LSH_THRESHOLD = 0.5
FLOOR = 0.5  # figures below this are not kept: not a copy, and not worth listing
MIN_SHINGLES = 50  # about 55 characters of own text: shorter sections are not compared at all
CANDIDATES = 64  # LSH candidates compared exactly per section, most shared bands first
# Sections read from one LSH band, the latest first.  A band that more sections share is text a
# great many reports hold (at 100,000 generated reports one band held 15,000 sections): reading
# all of it made each new section's candidates cost more as the corpus grew.  Read this far, the
# closest candidates are the same (in a sample of 100 sections there: all that share every band);
# only the weakest of the 64 may differ.
BUCKET = 512
# The writing connection's page cache, in MB (SQLite's default is 2): a commit's candidates,
# figures and joins read pages all over a file of 760 MB at 100,000 reports.  64 MB took 13 %
# off a commit of 1,000 reports there (256 MB: 17 %).
CACHE_MB = 64
EDGE_ROWS = 100_000  # figures a commit holds before storing a run of them (about 10 MB)


class Neighbour(NamedTuple):
    report_id: str
    similarity: float  # the share of this section's own text that the other report's section has


@cache
def _bands() -> tuple[int, int]:
    """LSH bands and rows, as datasketch's optimiser chooses them for the threshold."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


@cache
def _permutations():
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM).permutations


def _identity(value: int) -> int:
    return value  # shingles are already 32-bit hashes


def signature(kept: np.ndarray) -> np.ndarray:
    """The MinHash of a set of shingle hashes (datasketch's affine32 permutations)."""
    from datasketch import MinHash

    minhash = MinHash(num_perm=NUM_PERM, hashfunc=_identity, permutations=_permutations(), scheme="affine32")
    minhash.update_batch(kept.tolist())
    return minhash.hashvalues


def band_keys(section: str, values: np.ndarray) -> list[int]:
    """One 63-bit key per LSH band; the section name is part of it, so only like sections meet."""
    bands, rows = _bands()
    prefix = section.encode("utf-8")
    keys = []
    for band in range(bands):
        chunk = values[band * rows : (band + 1) * rows].astype("<u4").tobytes()
        digest = hashlib.blake2b(prefix + bytes([band]) + chunk, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little") >> 1)
    return keys


def _blob(array: np.ndarray) -> bytes:
    return array.tobytes()


class SimilarityIndex:
    """Near-duplicate sections of reports, stored in ``folder/similarity.sqlite``.

    ``min_df`` and ``max_share`` say what template text is: a sentence found in at least
    ``max(min_df, max_share × sections)`` sections is left out of every comparison.
    """

    FILE = "similarity.sqlite"

    def __init__(self, folder: str | Path, *, min_df: int = 50, max_share: float = 0.01, readonly: bool = False):
        self.folder = Path(folder)
        self.min_df, self.max_share = min_df, max_share
        settings = {"shingle": texts.SHINGLE, "num_perm": NUM_PERM, "bands": _bands()}
        try:
            if readonly:  # a reader (the web app) never creates, changes or locks the file
                address = (self.folder / self.FILE).resolve().as_uri() + "?mode=ro"
                self._db = sqlite3.connect(address, uri=True, isolation_level=None, timeout=30)
                check_meta(self._db, self.folder, settings, create=False)
            else:
                self.folder.mkdir(parents=True, exist_ok=True)
                self._db = sqlite3.connect(self.folder / self.FILE, isolation_level=None, timeout=30)
                self._db.executescript(SCHEMA)
                self._db.execute(f"PRAGMA cache_size = -{CACHE_MB * 1024}")  # negative: in KiB
                upgrade(self._db)
                check_meta(self._db, self.folder, settings)
        except sqlite3.DatabaseError as error:
            raise SimilarityStoreError(self.folder, str(error)) from None

    def __enter__(self) -> SimilarityIndex:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Close the file; changes not committed are dropped."""
        if self._db.in_transaction:
            self._db.execute("ROLLBACK")
        self._db.close()

    def _write(self) -> sqlite3.Connection:
        if not self._db.in_transaction:
            self._db.execute("BEGIN IMMEDIATE")
        return self._db

    # -- changes -----------------------------------------------------------------------------

    def add(self, record: Mapping) -> None:
        """Stage a report's sections (an extraction record); a report already there is replaced."""
        self.remove(record["id"])
        db = self._write()
        db.execute("INSERT INTO reports(report) VALUES (?)", (record["id"],))
        self._stale([record["id"]])
        region = json.dumps(record.get("region") or {}, ensure_ascii=False, sort_keys=True)
        for name, body in (record.get("sections") or {}).items():
            found = texts.sentences(body or "")
            if not found:
                continue
            keys = np.array([texts.sentence_key(s) for s in found], dtype=np.int64)
            parts = [texts.shingles(s) for s in found]
            lengths = np.array([len(p) for p in parts], dtype=np.uint32)
            cursor = db.execute(
                "INSERT INTO sections(report, section, agency, region, body, year, keys, lengths, shingles, dirty)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
                (
                    record["id"],
                    name,
                    record.get("agency"),
                    region,
                    record.get("agency_key") or record.get("agency"),
                    record.get("year"),
                    _blob(keys),
                    _blob(lengths),
                    _blob(np.concatenate(parts)),
                ),
            )
            distinct = [(int(k), cursor.lastrowid) for k in np.unique(keys)]
            db.executemany("INSERT INTO sent(key, sid) VALUES (?, ?)", distinct)
            db.executemany(
                "INSERT INTO df(key, n) VALUES (?, 1) ON CONFLICT(key) DO UPDATE SET n = n + 1",
                [(k,) for k, _ in distinct],
            )

    def remove(self, report_id: str) -> None:
        """Stage the removal of a report (its file was replaced or pruned); unknown ids are ignored."""
        rows = self._db.execute("SELECT sid, bands FROM sections WHERE report = ?", (report_id,)).fetchall()
        if self._db.execute("SELECT 1 FROM reports WHERE report = ?", (report_id,)).fetchone():
            self._write().execute("DELETE FROM reports WHERE report = ?", (report_id,))
            self._db.execute("DELETE FROM stale WHERE report = ?", (report_id,))
        if not rows:
            return
        db = self._write()
        for sid, bands in rows:
            self._unlink(sid, bands)
            keys = [k for (k,) in db.execute("SELECT key FROM sent WHERE sid = ?", (sid,))]
            db.executemany("UPDATE df SET n = n - 1 WHERE key = ?", [(k,) for k in keys])
            db.execute("DELETE FROM sent WHERE sid = ?", (sid,))
            db.execute("DELETE FROM sections WHERE sid = ?", (sid,))
        db.execute("DELETE FROM df WHERE n <= 0")

    def _stale(self, reports) -> None:
        self._db.executemany("INSERT OR IGNORE INTO stale(report) VALUES (?)", [(r,) for r in reports])

    def _unlink(self, sid: int, bands: bytes | None) -> None:
        """Take a section out of the LSH bands and drop its figures, both ways (the reports at
        the other end have figures to redo, and their sections' best share may have been this)."""
        partners = self._db.execute(
            "SELECT e.b, o.report FROM edges e LEFT JOIN sections o ON o.sid = e.b WHERE e.a = ?", (sid,)
        ).fetchall()
        self._stale({report for _, report in partners if report is not None})
        self._db.executemany("UPDATE sections SET best = NULL WHERE sid = ?", [(other,) for other, _ in partners])
        if bands:
            keys = np.frombuffer(bands, dtype=np.int64).tolist()
            self._db.executemany("DELETE FROM bands WHERE key = ? AND sid = ?", [(k, sid) for k in keys])
        # Its rows both ways: those it names as a, and (the pairs being stored both ways) the
        # same pairs turned round.
        self._db.execute("DELETE FROM edges WHERE a = ?", (sid,))
        self._db.executemany("DELETE FROM edges WHERE a = ? AND b = ?", [(other, sid) for other, _ in partners])

    def commit(self) -> int:
        """Bring staged and affected sections up to date and commit; returns how many were redone."""
        db = self._write()
        self._links: list[tuple[int, float, str, str | None]] = []  # (section reached, its share, by report, body)
        self._reclassify_template_text()
        dirty = db.execute(
            "SELECT sid, section, keys, lengths, shingles, bands FROM sections WHERE dirty = 1"
        ).fetchall()
        template = np.array(sorted(k for (k,) in db.execute("SELECT key FROM boiler")), dtype=np.int64)
        active = [found for row in dirty if (found := self._reindex(row, template))]
        bands = _Bands(db)  # the bands are all in now and do not change while sections are linked
        edges: list[tuple[int, int, float]] = []
        for sid, section, kept, keys in active:
            edges += self._link(sid, section, kept, keys, bands)
            if len(edges) >= EDGE_ROWS:
                self._store_edges(edges)
                edges = []
        self._store_edges(edges)
        self._stale(self._reached([sid for sid, *_ in active]))
        self._stale({row[0] for row in db.execute("SELECT DISTINCT report FROM sections WHERE dirty = 1")})
        db.execute("UPDATE sections SET dirty = 0 WHERE dirty = 1")
        db.execute("COMMIT")
        return len(dirty)

    def stale(self) -> set[str]:
        """The reports whose 雷同 figures (``copying``) changed since ``settle`` last took them."""
        return {r for (r,) in self._db.execute("SELECT report FROM stale")}

    def settle(self, reports) -> None:
        """The search index holds these reports' current figures (committed at once)."""
        db = self._write()
        db.executemany("DELETE FROM stale WHERE report = ?", [(r,) for r in reports])
        db.execute("COMMIT")

    def _threshold(self) -> int:
        (sections,) = self._db.execute("SELECT count(*) FROM sections").fetchone()
        return max(self.min_df, int(self.max_share * sections))

    def _reclassify_template_text(self) -> None:
        """Mark as template text the sentences now shared that widely, and redo the sections
        whose own text changed because a sentence became or stopped being template text."""
        db = self._db
        now = {k for (k,) in db.execute("SELECT key FROM df WHERE n >= ?", (self._threshold(),))}
        before = {k for (k,) in db.execute("SELECT key FROM boiler")}
        flipped = list(now ^ before)
        for chunk in _chunks(flipped):
            marks = ",".join("?" * len(chunk))
            db.execute(
                f"UPDATE sections SET dirty = 1 WHERE sid IN (SELECT sid FROM sent WHERE key IN ({marks}))",
                chunk,
            )
        db.executemany("DELETE FROM boiler WHERE key = ?", [(k,) for k in before - now])
        db.executemany("INSERT INTO boiler(key) VALUES (?)", [(k,) for k in now - before])

    def _reindex(self, row: tuple, template: np.ndarray):
        """A dirty section's own shingles (template sentences left out) and LSH keys, stored;
        None when too little own text is left to compare."""
        sid, section, keys, lengths, shingles, bands = row
        self._unlink(sid, bands)
        kept = own_shingles(keys, lengths, shingles, template)
        if len(kept) < MIN_SHINGLES:
            self._db.execute("UPDATE sections SET kept = NULL, size = 0, bands = NULL, best = NULL WHERE sid = ?", (sid,))
            return None
        found = band_keys(section, signature(kept))
        self._db.execute(
            "UPDATE sections SET kept = ?, size = ?, bands = ?, best = NULL WHERE sid = ?",
            (_blob(kept), len(kept), _blob(np.array(found, dtype=np.int64)), sid),
        )
        self._db.executemany("INSERT OR IGNORE INTO bands(key, sid) VALUES (?, ?)", [(k, sid) for k in found])
        return sid, section, kept, found

    def _link(
        self, sid: int, section: str, kept: np.ndarray, keys: list[int], bands: _Bands
    ) -> list[tuple[int, int, float]]:
        """Exact figures between a section and its candidates (other reports, same section): the
        ``CANDIDATES`` that share the most LSH bands with it (the likeliest near duplicates first),
        and always the same body's sections of the years before and after (copied forward).
        Returns them as ``edges`` rows, both ways, for the commit to store.

        Bounded, so that text many reports share (a template's prose, a region's model report)
        costs each section the same work, not work growing with the number of copies."""
        nearest = bands.nearest(sid, keys)
        body, year, report = self._db.execute("SELECT body, year, report FROM sections WHERE sid = ?", (sid,)).fetchone()
        years = [] if body is None or year is None else self._db.execute(
            "SELECT sid FROM sections WHERE body = ? AND section = ? AND year IN (?, ?) AND kept IS NOT NULL",
            (body, section, year - 1, year + 1),
        ).fetchall()  # fmt: skip
        chosen = sorted({*nearest, *(other for (other,) in years)})
        candidates = self._db.execute(
            f"SELECT sid, kept FROM sections WHERE sid IN ({','.join('?' * len(chosen))})"
            " AND section = ? AND report != ? AND kept IS NOT NULL",
            (*chosen, section, report),
        ).fetchall()
        edges = []
        theirs = [np.frombuffer(blob, dtype=np.uint32) for _, blob in candidates]
        for (other, _), their, common in zip(candidates, theirs, shared_counts(kept, theirs), strict=True):
            if max(common / len(kept), common / len(their)) >= FLOOR:
                edges += [(sid, other, common / len(kept)), (other, sid, common / len(their))]
        self._links += [(other, share, report, body) for other, _, share in edges[1::2]]
        return edges

    def _store_edges(self, edges: list[tuple[int, int, float]]) -> None:
        """Store linked figures in key order: inserted as each section linked them, half of them
        land at random places in the table and its index (a 1,000-report commit at 100,000 reports
        spent a quarter of its SQL time there).  Nothing in the linking reads them back.  The sort
        is stable, so a pair linked twice is stored as it was last linked."""
        edges.sort(key=itemgetter(0, 1))
        self._db.executemany("INSERT OR REPLACE INTO edges(a, b, share) VALUES (?, ?, ?)", edges)

    def _reached(self, redone: list[int]) -> set[str]:
        """The reports whose figures this commit's new links can change: a linked report's body's
        other years; those whose section a new report copies more of than any other body's
        report already did (edges to sections redone in this commit left out of "already");
        those several of whose sections one new report reaches (together they can raise the
        whole-report figure).  Each linked section's best share so far is read from ``best``
        (worked out from its edges only where unknown), then raised by the new links; the
        sections redone (``redone``) get theirs from their edges, all new."""
        partners = sorted({other for other, *_ in self._links})
        about: dict[int, tuple[str, str | None, bool]] = {}
        stored: dict[int, float] = {}
        for chunk in _chunks(partners):
            marks = ",".join("?" * len(chunk))
            for sid, report, body, dirty, known in self._db.execute(
                f"SELECT sid, report, body, dirty, best FROM sections WHERE sid IN ({marks})", chunk
            ):
                about[sid] = (report, body, bool(dirty))
                if known is not None and not dirty:
                    stored[sid] = known
        best = dict(stored)
        best.update(self._best_shares([sid for sid in partners if sid not in best], settled_only=True))
        reached, sections = set(), Counter()
        raised = {sid: best.get(sid, 0.0) for sid in partners if not about[sid][2]}
        for other, share, report, body in self._links:
            their_report, their_body, _ = about[other]
            sections[(their_report, report)] += 1
            same_body = body is not None and their_body == body
            if same_body or share > best.get(other, 0.0):
                reached.add(their_report)
            if other in raised and not same_body:
                raised[other] = max(raised[other], share)
        raised.update(self._best_shares(redone, settled_only=False))
        self._db.executemany(
            "UPDATE sections SET best = ? WHERE sid = ?",
            [(share, sid) for sid, share in raised.items() if stored.get(sid) != share],
        )
        return reached | {their for (their, _), n in sections.items() if n > 1}

    def _best_shares(self, sids: list[int], *, settled_only: bool) -> dict[int, float]:
        """The largest share of each section's own text found in another body's section, from
        its edges (to sections not redone in this commit, if ``settled_only``); 0.0 for none."""
        found = dict.fromkeys(sids, 0.0)
        settled = " AND o.dirty = 0" if settled_only else ""
        for chunk in _chunks(sids):
            marks = ",".join("?" * len(chunk))
            found.update(
                self._db.execute(
                    "SELECT e.a, max(e.share) FROM edges e JOIN sections s ON s.sid = e.a"
                    f" JOIN sections o ON o.sid = e.b WHERE e.a IN ({marks}){settled}"
                    " AND (o.body IS NULL OR s.body IS NULL OR o.body != s.body) GROUP BY e.a",
                    chunk,
                ).fetchall()
            )
        return found

    # -- queries -----------------------------------------------------------------------------

    def ids(self) -> set[str]:
        """The reports held (committed or staged): an ingest reconciles the search index with it."""
        return {r for (r,) in self._db.execute("SELECT report FROM reports")}

    def neighbours(
        self, report_id: str, section: str, min_similarity: float = FLOOR, limit: int = 10
    ) -> list[Neighbour]:
        """Reports whose same section holds at least ``min_similarity`` of this section's own text,
        most similar first (ties by id)."""
        rows = self._db.execute(
            "SELECT o.report, max(e.share) AS share FROM sections s JOIN edges e ON e.a = s.sid"
            " JOIN sections o ON o.sid = e.b WHERE s.report = ? AND s.section = ? AND e.share >= ?"
            " GROUP BY o.report ORDER BY share DESC, o.report LIMIT ?",
            (report_id, section, min_similarity, limit),
        ).fetchall()
        return [Neighbour(other, round(share, 4)) for other, share in rows]

    def copying(self, report_id: str) -> Copying:
        """The figures of the 雷同 facets for one report: see ``facets.Copying``.  Reports are
        the same agency's when they have the same body (``agency_key`` of the records added)."""
        mine = self._db.execute(
            "SELECT sid, section, size, body, year FROM sections WHERE report = ? AND size > 0", (report_id,)
        ).fetchall()
        sids = [row[0] for row in mine]
        marks = ",".join("?" * len(sids))
        edges = self._db.execute(
            "SELECT e.a, e.share, o.report, o.body, o.year FROM edges e"
            f" JOIN sections o ON o.sid = e.b WHERE e.a IN ({marks})",
            sids,
        ).fetchall()
        return copying_of(mine, edges)

    def pairs(self, min_similarity: float = 0.9) -> list[tuple[str, str, str, float]]:
        """Every pair of reports whose same section shares at least ``min_similarity`` of one
        side's own text: (report, other report, section, the larger of the two figures), each
        pair once (report < other), most similar first."""
        rows = self._db.execute(
            "SELECT s.report, o.report, s.section, max(e.share) AS share FROM edges e"
            " JOIN sections s ON s.sid = e.a JOIN sections o ON o.sid = e.b"
            " WHERE e.share >= ? GROUP BY s.report, o.report, s.section",
            (min_similarity,),
        ).fetchall()
        best: dict[tuple[str, str, str], float] = {}
        for a, b, section, share in rows:
            key = (min(a, b), max(a, b), section)
            best[key] = max(best.get(key, 0.0), share)
        return sorted(
            ((a, b, section, round(share, 4)) for (a, b, section), share in best.items()),
            key=lambda row: (-row[3], row[0], row[1], row[2]),
        )

    def stats(self) -> dict[str, int]:
        """Counts for benchmarks: reports, sections, sections compared, template sentences, figures kept."""
        one = self._db.execute
        return {
            "reports": one("SELECT count(DISTINCT report) FROM sections").fetchone()[0],
            "sections": one("SELECT count(*) FROM sections").fetchone()[0],
            "compared": one("SELECT count(*) FROM sections WHERE size > 0").fetchone()[0],
            "template_sentences": one("SELECT count(*) FROM boiler").fetchone()[0],
            "figures": one("SELECT count(*) FROM edges").fetchone()[0],
        }


def open_similarity(folder: str | Path) -> SimilarityIndex | None:
    """The copied-text index of the search index in ``folder``, opened read-only, or None when
    there is none (an index built before it existed): readers show no 雷同 figures rather than fail."""
    if not (Path(folder) / SimilarityIndex.FILE).exists():
        return None
    return SimilarityIndex(folder, readonly=True)


class _Bands:
    """The LSH bands as one commit reads them: each band's latest ``BUCKET`` sections, read from
    SQLite once and kept for the commit's other sections.

    Bands are widely shared (at 100,000 generated reports 1.97 million rows held 75,000 distinct
    keys, 622 of them with 512 sections or more), so the sections of one commit read the same
    bands again and again: counting them in SQL for each section took 2.3 ms a section there.
    At most ``BUCKET`` + 1 ids a band are kept: about 20 MB for every band of that index, in a
    commit that redoes them all (a copied-text index rebuilt)."""

    def __init__(self, db: sqlite3.Connection):
        self._db = db
        self._latest: dict[int, np.ndarray] = {}

    def latest(self, key: int) -> np.ndarray:
        """The band's latest ``BUCKET`` + 1 sections, newest first (one more than any section
        reads, so that each can leave itself out and still have ``BUCKET``)."""
        found = self._latest.get(key)
        if found is None:
            rows = self._db.execute("SELECT sid FROM bands WHERE key = ? ORDER BY sid DESC LIMIT ?", (key, BUCKET + 1))
            found = self._latest[key] = np.array([other for (other,) in rows], dtype=np.int64)
        return found

    def nearest(self, sid: int, keys: list[int]) -> list[int]:
        """The ``CANDIDATES`` sections that share the most of ``keys`` (LSH bands) with section
        ``sid``, ties by lower id, each band read for its latest ``BUCKET`` sections but ``sid``."""
        read = [latest[latest != sid][:BUCKET] for latest in map(self.latest, keys)]
        if not read:
            return []
        others, shared = np.unique(np.concatenate(read), return_counts=True)  # ids ascending
        order = np.argsort(-shared, kind="stable")  # most shared first; a tie keeps the lower id first
        return others[order[:CANDIDATES]].tolist()


def _chunks(items: list, size: int = 500):
    """``items`` in runs short enough for one SQL statement's parameters."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def shared_counts(kept: np.ndarray, others: list[np.ndarray]) -> list[int]:
    """How many values each of ``others`` shares with ``kept`` (every array sorted and distinct,
    as ``own_shingles`` makes them): one search of all their values in ``kept``, half the time
    of intersecting ``kept`` with each in turn."""
    if not others or not len(kept):
        return [0] * len(others)
    values = np.concatenate(others)
    at = np.minimum(np.searchsorted(kept, values), len(kept) - 1)
    found = np.concatenate(([0], np.cumsum(kept[at] == values)))  # found[i]: matches among the first i
    sizes = np.array([len(other) for other in others])
    ends = np.cumsum(sizes)
    return (found[ends] - found[ends - sizes]).tolist()


def own_shingles(keys: bytes, lengths: bytes, shingles: bytes, template: np.ndarray) -> np.ndarray:
    """The distinct shingles of a section's sentences that are not template text."""
    sentence_keys = np.frombuffer(keys, dtype=np.int64)
    counts = np.frombuffer(lengths, dtype=np.uint32).astype(np.int64)
    keep = ~np.isin(sentence_keys, template)
    return np.unique(np.frombuffer(shingles, dtype=np.uint32)[np.repeat(keep, counts)])
