"""Clean chunks of raw items, in this process or in worker processes, keeping their order.

A chunk is a list of :class:`~arxivmeta.cli._io.Item`; each comes back as a :class:`Cleaned`
(compact JSON text, ready to write) or a :class:`Failed`. Work leaves the main process only
as raw text and comes back only as text, which is what is cheapest to pickle.

>>> from arxivmeta.cli._io import Item
>>> chunk = [Item(1, 1, b'{"title": "Quantum  walks"}'), Item(2, 2, b'{"title": ')]
>>> [type(outcome).__name__ for outcome in process_chunk(chunk)]
['Cleaned', 'Failed']
"""

from __future__ import annotations

import base64
import contextlib
import ctypes
import json
import multiprocessing
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import NamedTuple

from arxivmeta.batch import Rejected, clean_decoded, failure_reason, raw_text, to_record
from arxivmeta.cli._io import Item
from arxivmeta.config import CleanConfig
from arxivmeta.explain import Step
from arxivmeta.models import Paper

CHUNK_SIZE = 256
"""Records per chunk sent to a worker: large enough to amortise the hand-off."""

IN_FLIGHT_PER_WORKER = 4
"""Chunks queued per worker; bounds memory while keeping every worker busy."""


class Settings(NamedTuple):
    """What each worker needs to know: the record format, the options, whether to list changes
    and whether to add the plain text (``--plain``)."""

    format: str | None = None
    explain: bool = False
    check: bool = False
    config: CleanConfig | None = None
    plain: bool = False


_DEFAULT = Settings()


class Cleaned(NamedTuple):
    """A cleaned record: its position, JSON text, the steps that changed it, whether it did,
    and, when no abstract or author was recognised, the keys that went to ``extra``."""

    position: int
    line: int
    text: str
    steps: tuple[Step, ...]
    changed: bool
    unread: tuple[str, ...] = ()


class Failed(NamedTuple):
    """A rejected record and the line where it starts."""

    line: int
    rejected: Rejected


def complete_raw(rejected: Rejected, raw: bytes | str) -> Rejected:
    """``rejected`` holding the whole of ``raw``: as text, plus base64 where it is not UTF-8.

    A line terminator (``\\r`` of CRLF) is not part of the record and is left out.

    >>> complete_raw(Rejected(position=1, reason="not valid UTF-8", raw=""), b"caf\\xe9").raw_base64
    'Y2Fm6Q=='
    """
    if isinstance(raw, str):
        return rejected.model_copy(update={"raw": raw.removesuffix("\r")})
    raw = raw.removesuffix(b"\r")
    try:
        return rejected.model_copy(update={"raw": raw.decode("utf-8")})
    except UnicodeDecodeError:
        return rejected.model_copy(
            update={
                "raw": raw.decode("utf-8", "replace"),
                "raw_base64": base64.b64encode(raw).decode("ascii"),
            }
        )


def process_chunk(chunk: list[Item], settings: Settings = _DEFAULT) -> list[Cleaned | Failed]:
    """Clean every item of ``chunk`` as :func:`arxivmeta.batch.clean_one` does; never raises
    for bad data. A rejection keeps the item's complete raw bytes."""
    explain = settings.explain or settings.check
    outcomes: list[Cleaned | Failed] = []
    for item in chunk:
        given = _record(item)
        # Decoded once: --check compares the paper with the record it came from.
        record = to_record(given, item.position)
        if isinstance(record, Rejected):
            outcomes.append(Failed(item.line, complete_raw(record, item.raw)))
            continue
        result = clean_decoded(
            record,
            given,
            item.position,
            format=settings.format,
            config=settings.config,
            explain=explain,
        )
        if isinstance(result, Rejected):
            outcomes.append(Failed(item.line, complete_raw(result, item.raw)))
            continue
        paper, steps = result
        try:
            text = paper.model_dump_json()
            if settings.plain:
                text = with_plain_text(text, paper)
        except Exception as error:  # a paper that cannot be written is reported, not lost
            rejected = Rejected(
                position=item.position, reason=failure_reason(error), raw=raw_text(item.raw)
            )
            outcomes.append(Failed(item.line, complete_raw(rejected, item.raw)))
            continue
        changed = bool(steps) or (settings.check and _written(paper, settings.plain) != record)
        outcomes.append(
            Cleaned(item.position, item.line, text, tuple(steps), changed, unread_keys(paper))
        )
    return outcomes


def plain_text(paper: Paper) -> dict[str, str | None]:
    """The fields ``--plain`` adds: title and abstract with their LaTeX rendered as text.

    >>> plain_text(Paper(title="From dyadic $\\\\Lambda_{\\\\alpha}$ to $\\\\Lambda_{\\\\alpha}$"))
    {'title_plain': 'From dyadic Λ_α to Λ_α', 'abstract_plain': None}
    """
    return {"title_plain": paper.title_plain, "abstract_plain": paper.abstract_plain}


def with_plain_text(text: str, paper: Paper) -> str:
    """``text``, the compact JSON of ``paper``, with :func:`plain_text` added at its end."""
    added = json.dumps(plain_text(paper), ensure_ascii=False, separators=(",", ":"))
    # Spliced in rather than dumped again, so the record's own fields are written byte for
    # byte as without --plain.
    return f"{text[:-1]},{added[1:]}"


def _written(paper: Paper, plain: bool) -> dict[str, object]:
    """The record as the run writes it, to compare with the input for ``--check``."""
    written: dict[str, object] = paper.model_dump(mode="json")
    if plain:
        written.update(plain_text(paper))
    return written


def _record(item: Item) -> bytes | str | dict[str, str]:
    """What :func:`~arxivmeta.batch.clean_one` cleans for ``item``: its JSON text, or an
    XML record as ``{"xml": text}`` (text that is not UTF-8 stays bytes, to be rejected)."""
    if not item.xml:
        return item.raw
    if isinstance(item.raw, bytes):
        try:
            return {"xml": item.raw.decode("utf-8")}
        except UnicodeDecodeError:
            return item.raw
    return {"xml": item.raw}


def unread_keys(paper: Paper) -> tuple[str, ...]:
    """The keys of ``paper.extra`` when neither an abstract nor an author was recognised.

    Such a record is in a layout the readers do not know, or one whose text fields are
    spelled otherwise: it is cleaned (nothing is lost, all of it is in ``extra``), but a run
    that reports success for it would hide that the text was never read.

    >>> unread_keys(Paper(title="OxO2", extra={"summary": "EMBL-EBI created OxO"}))
    ('summary',)
    >>> unread_keys(Paper(title="OxO2", abstract="EMBL-EBI created OxO", extra={"pdf": "x"}))
    ()
    """
    if paper.abstract is not None or paper.authors:
        return ()
    return tuple(sorted(str(key) for key in paper.extra))


def chunked(items: Iterable[Item], size: int = CHUNK_SIZE) -> Iterator[list[Item]]:
    """Group items into lists of ``size`` (the last may be shorter)."""
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


PR_SET_PDEATHSIG = 1
"""``prctl`` option (linux/prctl.h): the signal a process gets when its parent dies."""

WATCH_INTERVAL = 0.5
"""Seconds between a worker's checks that its parent is still alive."""


def _die_with_parent(parent: int) -> None:
    """Make this worker process end when ``parent`` does, however the parent ended.

    Linux sends a signal on the parent's death (``PR_SET_PDEATHSIG``); elsewhere, and in
    case that call fails, a thread polls the parent's id, which changes once it is gone.
    """
    if sys.platform.startswith("linux"):
        # The running program's own symbols include the C library's prctl.
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            threading.Event().wait(WATCH_INTERVAL)
        os._exit(1)

    threading.Thread(target=watch, name="arxivmeta-parent-watch", daemon=True).start()


_STOP_SIGNALS = frozenset(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


@contextlib.contextmanager
def _signals_deferred() -> Iterator[None]:
    """Hold stop signals back while the pool's locks are taken.

    A ``KeyboardInterrupt`` raised inside ``submit`` would leave the pool's lock taken, and
    the shutdown that follows would wait on it for ever; deferred, it is raised just after.
    """
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _start_worker(parent: int) -> None:
    # The main process handles Ctrl-C and shuts the pool down; workers must not die first.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A forked worker inherits the command's SIGTERM handler; a worker told to stop, stops.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, signal.SIG_DFL)
    # Forked while the parent held stop signals back: let them in, now that they are handled
    # as a worker's (in the other order a pending SIGTERM would run the parent's handler).
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)
    _die_with_parent(parent)


def worker_count(jobs: int) -> int:
    """``jobs``, with 0 meaning every core this process may use."""
    if jobs > 0:
        return jobs
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run(
    chunks: Iterable[list[Item]], settings: Settings, jobs: int = 1
) -> Iterator[list[Cleaned | Failed]]:
    """Process chunks with ``jobs`` workers and yield their outcomes in input order.

    The worker pool starts here, before the caller starts any thread (a progress bar's),
    because forking a process that has threads is unsafe.
    """
    if jobs <= 1:
        return (process_chunk(chunk, settings) for chunk in chunks)
    # fork starts workers without re-running the caller's __main__ module, and lets them
    # share the word lists the parent loaded by cleaning one record first.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    process_chunk([_WARM_UP], settings)
    with _signals_deferred():
        pool = ProcessPoolExecutor(
            jobs, mp_context=context, initializer=_start_worker, initargs=(os.getpid(),)
        )
        started = pool.submit(_nothing)  # with fork, the first task starts every worker
    try:
        started.result()
    except BaseException:
        with _signals_deferred():
            pool.shutdown(wait=True, cancel_futures=True)
        raise
    return _in_order(pool, chunks, settings, jobs)


_WARM_UP = Item(0, 0, b'{"title": "Warm up", "abstract": "Load the word lists once."}')


def _nothing() -> None:
    return None


def _in_order(
    pool: ProcessPoolExecutor, chunks: Iterable[list[Item]], settings: Settings, jobs: int
) -> Iterator[list[Cleaned | Failed]]:
    pending: deque[Future[list[Cleaned | Failed]]] = deque()
    try:
        for chunk in chunks:
            with _signals_deferred():
                pending.append(pool.submit(process_chunk, chunk, settings))
            if len(pending) >= jobs * IN_FLIGHT_PER_WORKER:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        with _signals_deferred():
            pool.shutdown(wait=True, cancel_futures=True)
