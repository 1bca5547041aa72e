"""The one helper for background work: run a function off the main thread, get the result
back on it, and drop results that a newer request has made stale.

Work runs on a single worker thread, in order; reading, parsing and matching are quick but
must never block typing or painting. Writing files (the autosaved session) runs on a second
worker of its own, so a save never waits behind a long analysis and the reverse. Each call
names a *channel* ("posting", "analysis"): a newer call on the same channel makes older
results stale, and those are dropped.
"""

from __future__ import annotations

import itertools
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot


class _Relay(QObject):
    """Carries finished jobs' outcomes from the workers to the main thread.

    One relay lives as long as its runner, on the main thread; its slot runs there through a
    queued connection. (A relay per job, dropped inside its own slot, deleted a QObject
    while Qt was still delivering to it: a crash now and then.)
    """

    finished = Signal(int, object)  # job number, (ok, value)

    def __init__(self, deliver: Callable[[int, tuple[bool, Any]], None],
                 parent: QObject) -> None:
        super().__init__(parent)
        self._deliver = deliver
        self.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)

    @Slot(int, object)
    def _on_finished(self, number: int, outcome: tuple[bool, Any]) -> None:
        self._deliver(number, outcome)


class _Job(QRunnable):
    def __init__(self, number: int, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.number = number
        self.fn = fn
        self.relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            outcome: tuple[bool, Any] = (True, self.fn())
        except BaseException as exc:  # delivered to the caller, never lost on the worker
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            outcome = (False, exc)
        self.relay.finished.emit(self.number, outcome)


class TaskRunner(QObject):
    """Runs callables on one worker thread and calls back on the main thread."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._io_pool = QThreadPool(self)
        self._io_pool.setMaxThreadCount(1)
        self._generation: dict[str, int] = {}
        self._waiting: dict[int, Callable[[tuple[bool, Any]], None]] = {}
        self._busy: set[int] = set()  # jobs the user waits for (writes are not "busy")
        self._numbers = itertools.count(1)
        self._relay = _Relay(self._finished, self)

    def run(self, channel: str, fn: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[BaseException], None], *, io: bool = False) -> None:
        """Run ``fn()`` in the background; deliver the result unless ``channel`` moved on.

        ``io``: the job writes files; it runs on the writing worker, in order with other
        writes.
        """
        generation = self._generation.get(channel, 0) + 1
        self._generation[channel] = generation

        def deliver(outcome: tuple[bool, Any]) -> None:
            if self._generation.get(channel) != generation:
                return  # stale: a newer request on this channel will answer instead
            ok, value = outcome
            if ok:
                on_done(value)
            else:
                on_error(value)

        number = next(self._numbers)
        self._waiting[number] = deliver
        if not io:
            self._busy.add(number)
            if len(self._busy) == 1:
                self.busy_changed.emit(True)
        (self._io_pool if io else self._pool).start(_Job(number, fn, self._relay))

    def _finished(self, number: int, outcome: tuple[bool, Any]) -> None:
        deliver = self._waiting.pop(number, None)
        if number in self._busy:
            self._busy.discard(number)
            if not self._busy:
                self.busy_changed.emit(False)
        if deliver is not None:
            deliver(outcome)

    def wait(self, msecs: int = 5000) -> bool:
        """Block until both workers are idle (used on shutdown)."""
        return self._io_pool.waitForDone(msecs) and self._pool.waitForDone(msecs)
