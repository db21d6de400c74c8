"""A supervised pool of worker processes: one slow, greedy or crashing input costs only itself.

``imap(fn, items)`` runs ``fn(item)`` in worker processes and yields
``(item, result)`` in the items' order, where a result is what ``fn`` returned or
a ``Lost`` naming why there is none:

- a call that runs longer than ``timeout`` seconds has its worker killed and
  replaced ("took longer than 120 s"), counted from when the worker is ready: its
  imports done and the ``warm_worker()`` of the function's module, if it has one, run;
- each worker's address space is capped (``RLIMIT_AS``) so a file that would eat
  the machine's memory fails in its own worker (``fn`` sees a MemoryError);
- a worker that dies (the OOM killer's SIGKILL, a crash in C code) is replaced
  and costs only the call it was running.

Workers are fresh interpreters (``python -m indexer.workers``), not forks: they
inherit no descriptor of the parent, so never the index's write lock (Whoosh
locks with ``flock``, which forked children would share and keep after the
parent died). They die with the parent: ``PR_SET_PDEATHSIG`` kills a busy one,
end of input stops an idle one. A supervisor thread keeps them fed while the
caller indexes, with at most ``ahead`` results waiting per worker (past 32 MB of them
in a temporary file); they run at a lower priority than the caller, which they feed.
"""

from __future__ import annotations

import contextlib
import ctypes
import importlib
import os
import pickle
import resource
import selectors
import signal
import struct
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from .errors import NianbaoError

_HEADER = struct.Struct("<Q")
_PR_SET_PDEATHSIG = 1
_STARTS = 3  # workers that die starting, in a row, before the pool gives up
_POLL = 0.2  # seconds between the supervisor's checks when nothing happens
_IN_MEMORY = 32 * 2**20  # bytes of waiting results held in memory; more wait in a file (_Spool)
# Workers run at a lower priority than the process they feed, so that on a machine with as many
# workers as cores the caller gets a core whenever it has work (the workers fill the window
# meanwhile) instead of a fair third of two: at 100,000 reports the writer needs about 40 % of
# the CPU, and with equal shares it fell behind while workers idled at a full window.
_NICENESS = 10


@dataclass(frozen=True)
class Lost:
    """A call that gave no result, and why."""

    reason: str


@dataclass
class Stalls:
    """Seconds a pool's pipeline stood still: the caller waiting for its next result (the
    workers were behind), and workers kept idle because ``ahead`` results per worker already
    waited for the caller (the caller was behind), summed over the workers."""

    caller: float = 0.0
    workers: float = 0.0


@dataclass(frozen=True)
class Limits:
    timeout: float = 120.0  # seconds per call
    memory_mb: int = 4096  # address space per worker; 0: no limit


def _send(stream: BinaryIO, value: Any) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def _receive_pickled(stream: BinaryIO) -> bytes:
    """The next value as pickled, or EOFError when the other side is gone."""
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        raise EOFError
    (size,) = _HEADER.unpack(header)
    data = stream.read(size)
    if len(data) < size:
        raise EOFError
    return data


def _receive(stream: BinaryIO) -> Any:
    """The next value, or EOFError when the other side is gone."""
    return pickle.loads(_receive_pickled(stream))


class _Spool:
    """Results past ``budget`` bytes wait in an unlinked temporary file instead of memory, so
    the window of waiting results can be deep (workers run on through a long merge of the
    writer's) without the parent's memory growing with it.  Written by the supervisor thread,
    read by the caller's: positioned reads and writes, and the end is reset once no result
    waits in the file."""

    def __init__(self, budget: int):
        self.budget, self.in_memory, self.end, self.waiting = budget, 0, 0, 0
        self.lock = threading.Lock()
        self.file: BinaryIO | None = None

    def keep(self, data: bytes) -> _Pickled | _Spooled:
        with self.lock:
            if self.in_memory + len(data) > self.budget and self.file is None:
                try:
                    self.file = tempfile.TemporaryFile(prefix="nianbao-results-")  # noqa: SIM115 - closed by close()
                except OSError:  # no writable temporary folder: results wait in memory, as before
                    self.budget = sys.maxsize
            if self.in_memory + len(data) <= self.budget:
                self.in_memory += len(data)
                return _Pickled(data)
            at, self.end, self.waiting = self.end, self.end + len(data), self.waiting + 1
        os.pwrite(self.file.fileno(), data, at)
        return _Spooled(at, len(data))

    def take(self, kept: _Pickled | _Spooled) -> _Pickled:
        if isinstance(kept, _Pickled):
            with self.lock:
                self.in_memory -= len(kept.data)
            return kept
        data = os.pread(self.file.fileno(), kept.size, kept.offset)
        with self.lock:
            self.waiting -= 1
            if self.waiting == 0:
                self.end = 0  # nothing left in the file: the next results overwrite it
        return _Pickled(data)

    def close(self) -> None:
        if self.file is not None:
            self.file.close()


@dataclass(frozen=True)
class _Spooled:
    offset: int
    size: int


@dataclass(frozen=True)
class _Pickled:
    """A result as the worker sent it: results wait in their pickled form, a fraction of the
    memory of the objects (ingest's tokenised reports: 24 KB against about 100)."""

    data: bytes

    def load(self) -> Any:
        try:
            return pickle.loads(self.data)
        except Exception as err:  # noqa: BLE001 - a result that cannot be read fails alone
            return Lost(f"the worker's answer could not be read ({type(err).__name__}: {err})")


class WorkersFailed(NianbaoError):
    status = 500

    def __init__(self, why: str):
        super().__init__(
            f"the extraction processes could not start: {why}",
            hint="check that nianbao is installed completely (pip install -e .)",
            message_zh=f"提取进程无法启动：{why}",
            hint_zh="请检查 nianbao 是否完整安装（pip install -e .）",
        )


class _Worker:
    def __init__(self, limits: Limits, preload: str):
        command = [sys.executable, "-m", "indexer.workers", str(os.getpid()), str(limits.memory_mb), preload]
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.ready = False  # its imports and warm-up done: a file's time limit counts from here on
        self.index: int | None = None  # the item it is working on
        self.deadline = 0.0
        self.held_since: float | None = None  # idle behind a full window since then

    def hold(self, held: bool, now: float, stalls: Stalls) -> None:
        """Count the time this worker is idle because the window of waiting results is full."""
        if held and self.held_since is None:
            self.held_since = now
        elif not held and self.held_since is not None:
            stalls.workers += now - self.held_since
            self.held_since = None

    def start(self, index: int, call: tuple, timeout: float) -> None:
        self.index, self.deadline = index, time.monotonic() + timeout
        _send(self.proc.stdin, call)

    def stop(self, *, kill: bool = False) -> None:
        if kill:
            self.proc.kill()
        for stream in (self.proc.stdin, self.proc.stdout):
            with contextlib.suppress(OSError):  # a broken pipe to a dead worker: nothing to flush
                stream.close()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def death(self) -> str:
        """Why the worker ended, once it has."""
        code = self.proc.wait()
        if code < 0:
            name = signal.Signals(-code).name
            guess = "; out of memory?" if -code == signal.SIGKILL else ""
            return f"the worker reading it died (killed by signal {-code}, {name}{guess})"
        return f"the worker reading it died (exit code {code})"


class _Supervisor:
    """Feeds the workers and collects their results on a thread of its own."""

    def __init__(self, fn: Callable, items: list, workers: int, limits: Limits, ahead: int, stalls: Stalls):
        self.fn, self.items, self.limits, self.stalls = fn, items, limits, stalls
        self.window = max(1, ahead * workers)
        self.spool = _Spool(_IN_MEMORY)
        self.results: dict[int, Any] = {}
        self.taken = 0  # results handed to the caller
        self.sent = 0
        self.error: BaseException | None = None
        self.closing = False
        self.failed_starts = 0  # in a row, with no worker ready in between
        self.changed = threading.Condition()
        self.preload = fn.__module__
        self.workers = [_Worker(limits, self.preload) for _ in range(min(workers, len(items)))]
        self.thread = threading.Thread(target=self._run, name="nianbao-workers", daemon=True)

    def _run(self) -> None:
        try:
            with selectors.DefaultSelector() as selector:
                while not self.closing and len(self.results) + self.taken < len(self.items):
                    self._dispatch()
                    self._collect(selector)
        except BaseException as err:  # noqa: BLE001 - handed to the caller's thread, raised there
            self.error = err
        with self.changed:
            self.changed.notify_all()

    def _dispatch(self) -> None:
        for worker in self.workers:
            with self.changed:
                remaining = self.sent < len(self.items)
                room = remaining and self.sent - self.taken < self.window
            idle = worker.ready and worker.index is None
            worker.hold(idle and remaining and not room, time.monotonic(), self.stalls)
            if idle and room:
                try:
                    worker.start(self.sent, (self.fn, self.items[self.sent]), self.limits.timeout)
                except OSError:  # it died idle: nothing lost, its replacement takes the item next
                    worker.index = None
                    self._swap(worker, kill=True)
                    continue
                self.sent += 1

    def _collect(self, selector: selectors.BaseSelector) -> None:
        watched = [w for w in self.workers if w.index is not None or not w.ready]
        if not watched:
            with self.changed:
                self.changed.wait(_POLL)  # the window is full: wait for the caller to take some
            return
        for worker in watched:
            selector.register(worker.proc.stdout, selectors.EVENT_READ, worker)
        try:
            wait = min([w.deadline for w in watched if w.index is not None], default=_POLL) - time.monotonic()
            ready = selector.select(max(0.0, min(wait, _POLL)))
        finally:
            for worker in watched:
                selector.unregister(worker.proc.stdout)
        for key, _ in ready:
            self._read(key.data)
        now = time.monotonic()
        for worker in self.workers:
            if worker.index is not None and worker.deadline <= now:
                self._replace(worker, Lost(f"took longer than {self.limits.timeout:g} s"), kill=True)

    def _read(self, worker: _Worker) -> None:
        try:
            data = _receive_pickled(worker.proc.stdout)
        except (EOFError, OSError):
            if worker.ready:
                self._replace(worker, Lost(worker.death()), kill=True)
            else:
                self._failed_start(worker)
            return
        if not worker.ready:
            worker.ready, self.failed_starts = True, 0
            return
        self._deliver(worker.index, self.spool.keep(data))
        worker.index = None

    def _failed_start(self, worker: _Worker) -> None:
        """A worker that died starting is replaced, unless none can start: that would loop."""
        self.failed_starts += 1
        if self.failed_starts >= _STARTS:
            raise WorkersFailed(worker.death().removeprefix("the worker reading it "))
        self._swap(worker, kill=True)

    def _replace(self, worker: _Worker, lost: Lost, *, kill: bool) -> None:
        index = worker.index
        self._swap(worker, kill=kill)
        self._deliver(index, lost)

    def _swap(self, worker: _Worker, *, kill: bool) -> None:
        worker.stop(kill=kill)
        self.workers[self.workers.index(worker)] = _Worker(self.limits, self.preload)

    def _deliver(self, index: int, result: Any) -> None:
        with self.changed:
            self.results[index] = result
            self.changed.notify_all()

    def take(self, index: int) -> Any:
        asked = time.monotonic()
        with self.changed:
            while index not in self.results:
                if self.error is not None:
                    raise self.error
                if not self.thread.is_alive():
                    raise RuntimeError("the worker supervisor stopped")
                self.changed.wait(_POLL)
            self.taken += 1
            self.changed.notify_all()
            result = self.results.pop(index)
        self.stalls.caller += time.monotonic() - asked
        if isinstance(result, Lost):
            return result
        return self.spool.take(result).load()

    def close(self) -> None:
        self.closing = True
        self.thread.join()
        for worker in self.workers:
            worker.stop(kill=worker.index is not None)
        self.spool.close()


def imap(
    fn: Callable,
    items: Iterable,
    *,
    workers: int,
    limits: Limits | None = None,
    ahead: int = 64,
    stalls: Stalls | None = None,
) -> Iterator[tuple[Any, Any]]:
    """``(item, fn(item) or Lost)`` in the items' order; ``fn`` must be importable by name.
    ``stalls``, when given, is added the time the pipeline stood still on either side."""
    items = list(items)
    if not items:
        return
    supervisor = _Supervisor(fn, items, workers, limits or Limits(), ahead, stalls or Stalls())
    supervisor.thread.start()
    try:
        for index, item in enumerate(items):
            yield item, supervisor.take(index)
    finally:
        supervisor.close()


# The worker's side.


def _die_with_parent(parent: int) -> None:
    """Be killed when the parent dies, even in the middle of a file (Linux)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: end of input still stops an idle worker
        pass
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(0)


def _limit_memory(megabytes: int) -> None:
    if megabytes > 0:
        limit = megabytes * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def serve(parent: int, memory_mb: int, preload: str) -> None:
    """Say ready once ``preload`` is imported and warmed (``_warm``), then answer calls from
    stdin on stdout until stdin ends."""
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    calls = os.fdopen(os.dup(0), "rb")
    answers = os.fdopen(os.dup(1), "wb")
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 0)
    os.dup2(devnull, 1)  # a library's stray print must not corrupt the answers
    _limit_memory(memory_mb)
    with contextlib.suppress(OSError):  # a platform that refuses: the same priority as the caller
        os.nice(_NICENESS)
    _warm(importlib.import_module(preload))
    try:
        _send(answers, None)
        while True:
            try:
                call = _receive(calls)
            except EOFError:
                return
            except Exception as err:  # noqa: BLE001 - a call this worker cannot load fails alone
                call = (_unloadable, f"{type(err).__name__}: {err}")
            _send(answers, _call(*call))
    except BrokenPipeError:  # the pool closed its end (while this worker loaded, or since): nothing to answer
        return


def _warm(module) -> None:
    """Run the module's ``warm_worker`` if it has one: what its calls would otherwise load in
    the first call, inside that call's time limit.  One that fails leaves the loading to the
    calls, which then fail alone if they must."""
    warm = getattr(module, "warm_worker", None)
    if warm is not None:
        with contextlib.suppress(Exception):
            warm()


def _unloadable(reason: str) -> Lost:
    return Lost(f"the worker could not load the call ({reason})")


def _call(fn: Callable, item: Any) -> Any:
    try:
        return fn(item)
    except MemoryError:
        return Lost("needed more memory than a worker may use")
    except Exception as err:  # noqa: BLE001 - one bad item must not end the worker
        return Lost(f"{type(err).__name__}: {err}")


if __name__ == "__main__":
    from indexer.workers import serve as _serve  # so a Lost is pickled as indexer.workers.Lost

    _serve(int(sys.argv[1]), int(sys.argv[2]), sys.argv[3])
