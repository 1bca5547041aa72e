"""The one helper for background work: run a function off the main thread, get the result
back on it, and drop results that a newer request has made stale.

Work runs on a single worker thread, in order; reading, parsing and matching are quick but
must never block typing or painting. Each call names a *channel* ("posting", "analysis"):
a newer call on the same channel makes older results stale, and those are dropped.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot


class _Relay(QObject):
    """Carries a finished job's outcome from the worker to the main thread.

    It lives on the main thread; its slot runs there through a queued connection.
    """

    finished = Signal(object)

    def __init__(self, deliver: Callable[[tuple[bool, Any]], None]) -> None:
        super().__init__()
        self._deliver = deliver
        self.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _on_finished(self, outcome: tuple[bool, Any]) -> None:
        self._deliver(outcome)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            outcome: tuple[bool, Any] = (True, self.fn())
        except BaseException as exc:  # delivered to the caller, never lost on the worker
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            outcome = (False, exc)
        self.relay.finished.emit(outcome)


class TaskRunner(QObject):
    """Runs callables on one worker thread and calls back on the main thread."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._generation: dict[str, int] = {}
        self._pending = 0
        self._relays: set[_Relay] = set()

    def run(self, channel: str, fn: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[BaseException], None]) -> None:
        """Run ``fn()`` in the background; deliver the result unless ``channel`` moved on."""
        generation = self._generation.get(channel, 0) + 1
        self._generation[channel] = generation
        def finished(outcome: tuple[bool, Any]) -> None:
            self._relays.discard(relay)
            self._pending -= 1
            if self._pending == 0:
                self.busy_changed.emit(False)
            if self._generation.get(channel) != generation:
                return  # stale: a newer request on this channel will answer instead
            ok, value = outcome
            if ok:
                on_done(value)
            else:
                on_error(value)

        relay = _Relay(finished)
        self._relays.add(relay)
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        self._pool.start(_Job(fn, relay))

    def wait(self, msecs: int = 5000) -> bool:
        """Block until the worker is idle (used on shutdown)."""
        return self._pool.waitForDone(msecs)
