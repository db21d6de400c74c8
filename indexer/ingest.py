"""``ingest``: add new reports, replace changed ones, skip unchanged ones.

Incremental by content hash and idempotent: a file is keyed by its resolved
path (``filenames.path_key``: a name that is not UTF-8 gets a reversible key),
so re-ingesting a folder adds nothing, a changed file replaces its one
document, and the same content under a second path is skipped as a
duplicate. Extraction runs in supervised worker processes (``workers``: a
file over the time or memory limit, or whose worker dies, fails alone); the index is
committed every ``batch`` documents, and each Whoosh commit is atomic, so a
killed ingest leaves the last committed index searchable and a rerun simply
does the rest. A batch of 1,000 rather than 100 cost 40 % less indexing CPU
per report on 2,500 reports (fewer segments to merge), and a kill loses at
most half a minute of work.
"""

from __future__ import annotations

import dataclasses
import errno
import functools
import os
import resource
import stat
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from whoosh.index import LockError

from . import corpus, history, postingarrays
from .errors import NianbaoError
from .extract import content_hash, try_extract
from .filenames import display_name, path_key, real_path
from .files import find_files
from .pretokenized import Tokenized, tokenize
from .schema import build_schema
from .similarity import SimilarityIndex
from .store import (
    Column,
    abandon,
    column_text,
    commit,
    open_existing,
    open_or_create,
    record_document,
    text_fields,
    tidy,
)
from .store import writer as new_writer
from .workers import Limits, Lost, Stalls, imap


class IndexBusy(NianbaoError):
    status = 409

    def __init__(self, folder: Path):
        super().__init__(
            f"the index in {folder} is being written by another process",
            hint="try again later",
            message_zh=f"索引 {folder} 正在被另一个进程写入",
            hint_zh="请稍后再试",
        )


@dataclass
class IngestSummary:
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (path, path already indexed)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # readable, not reports: (path, reason)
    removed: list[str] = field(default_factory=list)  # indexed files gone from disk (with prune)
    # Wall and CPU seconds of the cross-report figures (corpus.refresh), of the closing merge
    # of small segments (store.tidy; the kept segments' posting files are written beside it)
    # and of the posting files left after it, for the benchmark.
    refresh_s: tuple[float, float] = (0.0, 0.0)
    tidy_s: tuple[float, float] = (0.0, 0.0)
    files_s: tuple[float, float] = (0.0, 0.0)
    # The writing thread's CPU seconds on the batches while the reports were read, by stage
    # (``_commit_batch``): "figures", "documents", "commits", "merges".
    batch_cpu: dict[str, float] = field(default_factory=dict)
    # Where reading and writing waited for each other while the reports were read.
    stalls: Stalls = field(default_factory=Stalls)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0

    def to_dict(self) -> dict:
        return {
            "added": len(self.added),
            "replaced": len(self.replaced),
            "unchanged": len(self.unchanged),
            "removed": len(self.removed),
            "duplicates": [{"path": p, "same_as": q} for p, q in self.duplicates],
            "failed": [{"path": p, "reason": r} for p, r in self.failed],
            "skipped": [{"path": p, "reason": r} for p, r in self.skipped],
        }


# Extracted reports waiting per worker (about 24 KB pickled each; past 32 MB they wait in a
# temporary file, workers._Spool).  Deep enough that the workers read on through the writer's
# longest merges: at 100,000 reports, with 512, they sat idle behind a full window for 684
# worker-seconds of a 2,314-second ingest.
AHEAD = 4096


class IndexWriteFailed(NianbaoError):
    """The system refused a write to the index (a full disk, a read-only folder): what was
    committed before stays as it was, and the CLI says so in one line."""

    status = 507

    def __init__(self, folder: Path, err: OSError):
        from .messages_zh import os_error_zh

        reason = err.strerror or str(err)
        super().__init__(
            f"could not write the index in {folder}: {reason}; it is as it was after its last commit",
            hint="free some space (or fix the folder's permissions) and run the ingest again",
            message_zh=f"无法写入索引 {folder}（{os_error_zh(_bare(err))}）；索引保持上次提交后的状态",
            hint_zh="请腾出磁盘空间（或修正文件夹权限）后重新运行 nianbao ingest",
        )
        self.reason = reason


def _bare(err: OSError) -> OSError:
    """The error without its file name (the message names the index folder instead)."""
    return OSError(err.errno, err.strerror or str(err))


@dataclass(frozen=True)
class _Job:
    path: str  # the document's key: the resolved path (filenames.path_key)
    given: str  # as the user gave it, to read the file by
    shown: str  # as the user gave it, valid Unicode, for messages and the record
    digest: str
    replaces: bool


def _digest(path: Path) -> str:
    """The content hash, read without ever blocking: a FIFO put where a file was is refused."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        return content_hash(handle.read())


def _known(ix) -> dict[str, str]:
    """Indexed documents: path → content hash."""
    with ix.searcher() as searcher:
        reader = searcher.reader()
        if reader.doc_count_all() == 0:  # an empty index has no columns yet
            return {}
        paths, hashes = Column(reader, "path"), Column(reader, "content_hash")
        return {column_text(paths[n]): column_text(hashes[n]) for n in reader.all_doc_ids()}


def plan(files: Iterable[Path], by_path: dict[str, str], summary: IngestSummary) -> list[_Job]:
    """Decide per file against the indexed ``by_path`` (path → content hash): unchanged,
    duplicate, failed (unreadable) or to extract.  A file met again (given twice, or as itself
    and inside a given folder) is the same report: planned once."""
    by_hash = {digest: path for path, digest in by_path.items()}
    jobs: list[_Job] = []
    planned: set[str] = set()
    for file in files:
        given, shown, key = str(file), display_name(file), path_key(file.resolve())
        if key in planned:
            continue
        planned.add(key)
        try:
            digest = _digest(file)
        except OSError as err:
            summary.failed.append((shown, err.strerror or str(err)))
            continue
        if by_path.get(key) == digest:
            summary.unchanged.append(shown)
        elif digest in by_hash and by_hash[digest] != key:
            summary.duplicates.append((shown, display_name(by_hash[digest])))
        else:
            jobs.append(_Job(key, given, shown, digest, replaces=key in by_path))
            by_hash[digest] = key
    return jobs


@dataclass(frozen=True)
class _Extracted:
    """What a worker made of one file: the report's extraction record and, when the workers
    tokenise, its text fields' index entries; or why there is no report."""

    job: _Job
    record: dict | None
    tokens: dict[str, Tokenized]
    reason: str | None = None
    skipped: bool = False


def _extract(job: _Job, tokenizing: bool = True) -> _Extracted:
    """Runs in a worker: extraction never raises across the process boundary.  The record is
    built here and, with ``tokenizing``, the text fields are tokenised here (``pretokenized``:
    the writing process's largest cost, done in parallel)."""
    outcome = try_extract(job.given, job.digest)
    if outcome.report is None:
        reason = outcome.reason or "unknown error"
        if "MemoryError" in reason or "out of memory" in reason:
            reason = memory_reason()
        return _Extracted(job, None, {}, reason, outcome.skipped)
    report = outcome.report
    if job.shown != job.given:  # a name not valid UTF-8
        report = dataclasses.replace(report, source=job.shown)
    record = report.to_record()
    if not tokenizing:
        return _Extracted(job, record, {})
    try:
        return _Extracted(job, record, _tokenize_text(text_fields(record)))
    except (MemoryError, ImportError):  # the writer tokenises what comes untokenised
        return _Extracted(job, record, {})


def _extract_only(job: _Job) -> _Extracted:
    return _extract(job, tokenizing=False)


@functools.cache
def _schema():
    """The schema a worker tokenises with, built once per worker process."""
    return build_schema()


# The workers tokenise only when their memory allows for the tokenisers (jieba's dictionary
# and the analyzers: about 130 MB of address space beside extraction's 180): with a smaller
# --memory-limit, the file's memory is all the file's, and the writer tokenises as before.
TOKENIZE_MIN_MB = 1024


def _tokenizes(memory_mb: int) -> bool:
    """Whether workers with this address-space limit (0: none) tokenise."""
    return memory_mb == 0 or memory_mb >= TOKENIZE_MIN_MB


def warm_worker() -> None:
    """Run by each extraction worker before it takes a file (``indexer.workers``): jieba's
    dictionaries and the analyzers load here (0.6 s, more on a busy machine), not inside the
    first file's time limit."""
    if _tokenizes(_memory_limit_mb()):
        schema = _schema()
        tokenize(schema, dict.fromkeys(schema.names(), "政府信息公开工作年度报告"))


def _memory_limit_mb() -> int:
    """This process's address-space limit in MB (a worker's --memory-limit); 0 for none."""
    limit = resource.getrlimit(resource.RLIMIT_AS)[0]
    return 0 if limit == resource.RLIM_INFINITY else limit // 2**20


def memory_reason() -> str:
    """Why a file failed in a worker that reached its address-space limit (--memory-limit)."""
    limit = _memory_limit_mb()
    if limit == 0:
        return "ran out of memory"
    return f"needed more memory than the limit of {limit} MB per worker (--memory-limit)"


# Fewer rewrites than this are tokenised by the writer, fewer stale reports than this settled
# by it: starting the workers (jieba's dictionaries, the index opened) costs more than the work.
PARALLEL_REWRITES = 200
PARALLEL_STALE = 1000


def _tokenized(rewrites: list[tuple[str, dict]], workers: int, limits: Limits) -> Iterator[dict[str, Tokenized]]:
    """The text fields' index entries of the documents the cross-report pass rewrites
    (``corpus.refresh``), tokenised in worker processes while the writer writes the ones
    before; at the end of an ingest the workers are otherwise idle (at 10,000 reports the
    writer spent two thirds of the pass tokenising).  ``{}`` where the writer is to tokenise:
    few rewrites, a memory limit too small for the tokenisers, a worker that failed."""
    if len(rewrites) < PARALLEL_REWRITES or not _tokenizes(limits.memory_mb):
        yield from corpus.untokenized(rewrites)
        return
    texts = [text_fields(record) for _, record in rewrites]
    for _, tokens in imap(_tokenize_text, texts, workers=workers, limits=limits, ahead=AHEAD):
        yield {} if isinstance(tokens, Lost) else tokens


def _restated(chunks: list[list[str]], folder: Path, workers: int, limits: Limits) -> Iterator[list | None]:
    """The cross-report pass's stale reports settled in worker processes, a chunk per call
    (``corpus.Restater``): each worker reads the chunk's records from the committed index,
    sets their 雷同 from the committed copied-text index and tokenises the changed ones, while
    the writer writes the chunks before.  At 100,000 reports that reading was a fifth of the
    writer's pass.  None (the writer settles the chunk) for fewer than ``PARALLEL_STALE``
    stale reports, where the workers do not tokenise (a small memory limit), or where one
    lost the chunk."""
    if sum(map(len, chunks)) < PARALLEL_STALE or not _tokenizes(limits.memory_mb):
        yield from corpus.left_to_writer(chunks)
        return
    jobs = [(str(folder), chunk) for chunk in chunks]
    for _, done in imap(_restate_chunk, jobs, workers=workers, limits=limits, ahead=AHEAD):
        yield None if isinstance(done, Lost) else done


def _restate_chunk(job: tuple[str, list[str]]) -> list[tuple[str, dict, dict[str, Tokenized]]]:
    """Runs in a worker: ``corpus.restated`` for one chunk of stale reports, tokenised."""
    folder, ids = job
    ix, similar, years = _committed(folder)
    return [(path, record, _tokenize_text(text_fields(record))) for path, record in corpus.restated(ix, similar, ids, years)]


@functools.cache
def _committed(folder: str):
    """The index and copied-text index in ``folder`` as committed, read-only, and the (body,
    year) pairs the index holds: opened once per worker (a pool lives for one pass)."""
    ix = open_existing(Path(folder))
    return ix, SimilarityIndex(folder, readonly=True), corpus.body_years(ix)


def _tokenize_text(fields: dict[str, str]) -> dict[str, Tokenized]:
    """Runs in a worker: one document's text fields tokenised (an extracted report's, or
    one the cross-report pass rewrites)."""
    return tokenize(_schema(), fields)


def _run(jobs: Sequence[_Job], workers: int, limits: Limits, stalls: Stalls) -> Iterator[_Extracted]:
    """Extracted reports in job order, at most ``AHEAD`` per worker waiting (past 32 MB of
    them in a temporary file).

    Each file is read in a supervised worker process (indexer.workers): one that
    takes too long, needs too much memory or kills its worker fails alone.
    """
    extract = _extract if _tokenizes(limits.memory_mb) else _extract_only
    for job, result in imap(extract, jobs, workers=workers, limits=limits, ahead=AHEAD, stalls=stalls):
        yield result if not isinstance(result, Lost) else _Extracted(job, None, {}, result.reason)


def ingest(
    paths: Sequence[str | Path],
    folder: Path,
    *,
    workers: int | None = None,
    batch: int = 1000,
    progress: bool = False,
    prune: bool = False,
    limits: Limits | None = None,
) -> IngestSummary:
    """Bring the index in ``folder`` up to date with the report files under ``paths``.

    With ``prune``, documents of files that were under the given folders and no
    longer exist are removed too.
    """
    summary = IngestSummary()
    workers, limits = workers or os.cpu_count() or 1, limits or Limits()
    files = _files(paths, summary)
    ix, _ = open_or_create(folder)  # an index of an older schema starts again empty
    by_path = _known(ix)
    # Figures set against other reports (跨年结转, 同比, 雷同) are computed for each batch before it
    # is written (corpus.prepare), so a new report is indexed once.  What a batch cannot settle
    # is done after the writes (corpus.refresh): the bodies of replaced and removed reports, and
    # the reports a batch's copies reach.  异常 is judged when read (anomalies.judgement).
    bodies: set[str] = history.pending(folder)
    similar = corpus.open_similarity(folder)
    try:
        if prune:
            gone = _gone(by_path, paths)
            bodies |= corpus.touched(ix, gone)
            history.remember(folder, bodies)
            _prune(ix, gone, summary)
            # A file renamed since the last ingest is its old path gone and a new path with the
            # same content: not a duplicate of a report just removed, so forget the removed ones.
            for path in gone:
                del by_path[path]
        jobs = plan(files, by_path, summary)
        if jobs:
            replaced = [job.path for job in jobs if job.replaces]
            bodies |= corpus.touched(ix, replaced)
            history.remember(folder, bodies)
            results = _run(jobs, workers, limits, summary.stalls)
            lost = _write(ix, results, summary, batch, _bar(len(jobs), progress), similar)
            _settle_duplicates(summary, lost)
        tokenized = functools.partial(_tokenized, workers=workers, limits=limits)
        restate = functools.partial(_restated, folder=folder, workers=workers, limits=limits)
        summary.refresh_s = _timed(corpus.refresh, ix, similar, bodies, tokenized, restate)
        history.settled(folder)
        # Posting files are written by the workers while the small segments merge (store.tidy);
        # write_files writes them all when there was nothing to merge.
        files = functools.partial(postingarrays.write_due, ix, workers=workers, memory_mb=limits.memory_mb, workers_from=1)
        summary.tidy_s = _timed(tidy, ix, files)
        summary.files_s = _timed(postingarrays.write_files, ix, workers, limits.memory_mb)
    except LockError as err:
        raise IndexBusy(folder) from err
    except OSError as err:
        if err.errno not in (errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EIO):
            raise
        raise IndexWriteFailed(folder, err) from err
    finally:
        similar.close()
    return summary


def _timed(step, *args) -> tuple[float, float]:
    """Wall and CPU seconds of ``step(*args)``."""
    wall, cpu = time.perf_counter(), time.process_time()
    step(*args)
    return time.perf_counter() - wall, time.process_time() - cpu


def _files(paths: Sequence[str | Path], summary: IngestSummary) -> list[Path]:
    """The files to read; what the walk passed over, and given paths that are no files, listed."""
    found = find_files(paths)
    for problem in found.problems:
        (summary.failed if problem.failed else summary.skipped).append(
            (display_name(problem.path), problem.reason)
        )
    files = []
    for path in found.files:
        if path.is_file():
            files.append(path)
        else:
            reason = "not a regular file" if path.exists() else "no such file"
            summary.failed.append((display_name(path), reason))
    return files


def _gone(by_path: dict[str, str], paths: Sequence[str | Path]) -> list[str]:
    """Indexed paths under the given folders whose files no longer exist."""
    roots = [Path(p).resolve() for p in paths if Path(p).is_dir()]
    return sorted(
        key
        for key in by_path
        if not os.path.lexists(real_path(key)) and any(Path(real_path(key)).is_relative_to(r) for r in roots)
    )


def _prune(ix, gone: list[str], summary: IngestSummary) -> None:
    if not gone:
        return
    writer = new_writer(ix)
    for path in gone:
        writer.delete_by_term("path", path)
    commit(writer)
    summary.removed.extend(display_name(key) for key in gone)


def _bar(total: int, enabled: bool):
    from tqdm import tqdm

    return tqdm(total=total, unit="report", file=sys.stderr, disable=not enabled, leave=False)


def _settle_duplicates(summary: IngestSummary, lost: dict[str, tuple[bool, str]]) -> None:
    """A file with the same content as one that failed (or was skipped) in this run failed for
    the same reason: it is listed so, not as a duplicate of a report that is not there."""
    kept = []
    for given, same_as in summary.duplicates:
        if same_as in lost:
            skipped, reason = lost[same_as]
            (summary.skipped if skipped else summary.failed).append((given, reason))
        else:
            kept.append((given, same_as))
    summary.duplicates = kept


def _write(ix, results, summary: IngestSummary, batch: int, bar, similar) -> dict[str, tuple[bool, str]]:
    """Index the extracted reports ``batch`` at a time, each batch's cross-report figures computed
    first (``corpus.prepare``: with the reports it changes among those indexed).  Returns the
    jobs that gave no report: path → (skipped, reason)."""
    lost: dict[str, tuple[bool, str]] = {}
    waiting: list[_Waiting] = []
    # A writer is open from first to last (it holds the index's lock while files are read, so a
    # second ingest at once is refused at its start, not after its extraction).
    writer = new_writer(ix)
    try:
        for result in results:
            bar.update(1)
            job = result.job
            if result.record is None:
                reason = result.reason or "unknown error"
                (summary.skipped if result.skipped else summary.failed).append((job.shown, reason))
                lost[display_name(job.path)] = (result.skipped, reason)
                continue
            waiting.append((job.path, result.record, result.tokens, job.replaces))
            (summary.replaced if job.replaces else summary.added).append(job.shown)
            if len(waiting) >= batch:
                _commit_batch(ix, writer, waiting, similar, summary.batch_cpu)
                writer, waiting = new_writer(ix), []
        _commit_batch(ix, writer, waiting, similar, summary.batch_cpu)
    except BaseException:
        abandon(writer)
        raise
    finally:
        bar.close()
    return lost


# An extracted report waiting for its batch: path, record, its text's index entries, and
# whether it replaces an indexed report.
_Waiting = tuple[str, dict, dict[str, Tokenized], bool]


def _commit_batch(ix, writer, waiting: list[_Waiting], similar, cpu: dict[str, float]) -> None:
    """Write one batch of new or replaced reports, with their text as the workers tokenised
    it, and the indexed reports whose figures it changes, and commit.  Adds the CPU seconds
    of each stage to ``cpu``: the cross-report figures (the copied-text index's), adding the
    documents, the commit (its postings and columns written) and the merges it ran."""
    written = {path: record for path, record, _, _ in waiting}
    with _cpu(cpu, "figures"):
        changed = corpus.prepare(ix, similar, written) if written else {}
    with _cpu(cpu, "documents"):
        for path, record in changed.items():
            writer.update_document(**record_document(record, path))
        # A new file's report has no document to replace (``plan``: its path is not indexed,
        # its content not indexed under another path, and it is planned once), so it is added
        # without update_document's search of every segment for its path and id (~0.3 ms a
        # report in an index of 20 segments).
        for path, record, tokens, replaces in waiting:
            add = writer.update_document if replaces else writer.add_document
            add(**{**record_document(record, path), **tokens})
    with _cpu(cpu, "commits"):
        commit(writer, around_merges=functools.partial(_cpu, cpu, "merges", apart_from="commits"))
    with _cpu(cpu, "figures"):
        similar.settle(record["id"] for record in written.values())


@contextmanager
def _cpu(totals: dict[str, float], stage: str, apart_from: str | None = None) -> Iterator[None]:
    """Add the block's CPU seconds to ``totals[stage]`` (and take them out of
    ``totals[apart_from]``, the enclosing stage's, so each second counts once): this thread's
    alone, not the supervisor thread's (``workers``), which receives the workers' results
    meanwhile."""
    started = time.thread_time()
    try:
        yield
    finally:
        spent = time.thread_time() - started
        totals[stage] = totals.get(stage, 0.0) + spent
        if apart_from is not None:
            totals[apart_from] = totals.get(apart_from, 0.0) - spent
