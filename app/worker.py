"""Background computation: debounced, latest-wins ``models.simulate`` in a thread pool.

Each *channel* (``"main"`` for the edited scenario, ``"variant:<n>"`` for the
comparison) runs at most one computation at a time.  A request made while one
is running waits as the channel's single pending request; a newer request
replaces it.  When a computation finishes and a newer request exists for the
same channel, its result is dropped, so a superseded computation never
overwrites a newer result.  Results reach the GUI thread through a queued
signal and are swapped in whole (the window never sees half a result).

By default the computations run in the engine process (:mod:`app.engine`):
the pool's threads only wait for its answer, so the window never competes with
a simulation for Python's lock.  A ``simulate`` function given to the runner
(tests, scripts) runs in the pool's threads instead; the numba kernels release
the lock (``nogil=True``) there too.
"""
from __future__ import annotations

from app import qtfix  # noqa: F401  (PySide6 6.12 refcount work-around, before any signal)

import logging
import time
import traceback
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

log = logging.getLogger("v2g.worker")

def default_simulate(scenario) -> dict:
    """``models.simulate(scenario).to_dict()``, computed in the engine process (:func:`app.engine.simulate`)."""
    from app import engine

    return engine.simulate(scenario)


def default_warm_up() -> float:
    """Load every battery model's kernels where the computations run; seconds it took there."""
    from app import engine

    return engine.warm_up()


def warm_up_in_process() -> float:
    """The same warm-up in this process (for a runner given its own ``simulate``)."""
    from app import engine

    return engine.warm_up_all()


class _Signals(QObject):
    done = Signal(str, int, object, object, object, float)  # channel, id, payload, result, error, seconds


class _Task(QRunnable):
    def __init__(self, signals, fn, channel, rid, payload):
        super().__init__()
        self.setAutoDelete(True)
        self.signals, self.fn, self.channel, self.rid, self.payload = signals, fn, channel, rid, payload

    def run(self):
        t0 = time.perf_counter()
        try:
            result, error = self.fn(self.payload), None
        except Exception as exc:  # reported to the GUI, never lost
            result = None
            error = f"{type(exc).__name__}: {exc}\n" + traceback.format_exc()
        try:
            self.signals.done.emit(self.channel, self.rid, self.payload, result, error, time.perf_counter() - t0)
        except RuntimeError:  # the runner was deleted while we computed (window closed)
            pass


@dataclass
class _Channel:
    latest: int = 0          # id of the newest request
    pending: object = None   # (rid, payload) waiting to start
    running: int = 0         # id running now, 0 = idle
    timer: QTimer | None = None
    started_at: dict = field(default_factory=dict)


class SimulationRunner(QObject):
    """Latest-wins background runner for ``simulate`` (see module docstring)."""

    #: channel, request id, scenario, result dict
    resultReady = Signal(str, int, object, object)
    #: channel, request id, error text
    failed = Signal(str, int, str)
    #: True while any channel computes or waits
    busyChanged = Signal(bool)
    #: warm-up finished (seconds; -1 when it failed)
    warmedUp = Signal(float)

    def __init__(self, parent=None, *, simulate=None, debounce_ms: int = 30, threads: int = 2):
        super().__init__(parent)
        self._simulate = simulate or default_simulate
        self._warm_up = default_warm_up if simulate is None else warm_up_in_process
        self.debounce_ms = debounce_ms
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max(1, threads))
        self._signals = _Signals(self)
        self._signals.done.connect(self._on_done)
        self._channels: dict[str, _Channel] = {}
        self._seq = 0
        self._busy = False
        self.last_seconds: dict[str, float] = {}
        self.dropped = 0

    # ------------------------------------------------------------- public
    def request(self, channel: str, scenario, delay_ms: int | None = None) -> int:
        """Ask for ``simulate(scenario)`` on ``channel``; returns the request id.

        When the channel is idle the computation starts at once (no added
        latency); while one runs or a pause is pending, the request waits as the
        channel's single pending request (``debounce_ms`` after the last edit),
        replacing any older pending one.
        """
        ch = self._channel(channel)
        self._seq += 1
        rid = self._seq
        ch.latest = rid
        ch.pending = (rid, scenario)
        delay = self.debounce_ms if delay_ms is None else delay_ms
        idle = not ch.running and not ch.timer.isActive()
        if delay <= 0 or idle:
            ch.timer.stop()
            self._launch(channel)
        else:
            ch.timer.start(delay)
        self._update_busy()
        return rid

    def cancel(self, channel: str) -> None:
        """Forget a channel's pending request and ignore its running one."""
        ch = self._channels.get(channel)
        if ch is None:
            return
        ch.timer.stop()
        ch.pending = None
        self._seq += 1
        ch.latest = self._seq
        self._update_busy()

    def is_busy(self, channel: str | None = None) -> bool:
        chans = [self._channels[channel]] if channel in self._channels else \
            [] if channel else list(self._channels.values())
        return any(c.running or c.pending for c in chans)

    def warm_up(self) -> None:
        """Compile/load every kernel in the background (emits :attr:`warmedUp`)."""
        ch = self._channel("_warmup")
        self._seq += 1
        ch.latest = self._seq
        ch.running = self._seq
        warm = self._warm_up
        self._pool.start(_Task(self._signals, lambda _: warm(), "_warmup", self._seq, None))

    def wait_idle(self, timeout_ms: int = 60000) -> bool:
        """Block (processing events) until every channel is idle; for scripts and tests."""
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer

        deadline = QDeadlineTimer(timeout_ms)
        while self.is_busy():
            if deadline.hasExpired():
                return False
            QCoreApplication.processEvents()
            time.sleep(0.002)
        return True

    def shutdown(self, timeout_ms: int = 5000) -> None:
        for ch in self._channels.values():
            ch.timer.stop()
            ch.pending = None
        self._pool.waitForDone(timeout_ms)

    # ------------------------------------------------------------ internal
    def _channel(self, name: str) -> _Channel:
        ch = self._channels.get(name)
        if ch is None:
            ch = _Channel(timer=QTimer(self))
            ch.timer.setSingleShot(True)
            ch.timer.timeout.connect(lambda n=name: self._launch(n))
            self._channels[name] = ch
        return ch

    def _launch(self, name: str) -> None:
        ch = self._channels[name]
        if ch.running or ch.pending is None:
            return
        rid, payload = ch.pending
        ch.pending = None
        ch.running = rid
        self._pool.start(_Task(self._signals, self._simulate, name, rid, payload))

    def _on_done(self, name: str, rid: int, payload, result, error, seconds: float) -> None:
        ch = self._channels.get(name)
        if ch is None:
            return
        ch.running = 0
        if name == "_warmup":
            if error:  # the computations still work (kernels compile on first use): just log it
                log.warning("warm-up failed: %s", error)
            self.warmedUp.emit(-1.0 if error else seconds)
            self._update_busy()
            return
        self.last_seconds[name] = seconds
        current = rid == ch.latest
        if ch.pending is not None and not ch.timer.isActive():
            self._launch(name)
        self._update_busy()
        if not current:
            self.dropped += 1
            return
        if error:
            log.error("computation failed on %s:\n%s", name, error)
            self.failed.emit(name, rid, error)
        else:
            self.resultReady.emit(name, rid, payload, result)

    def _update_busy(self) -> None:
        busy = any((c.running or c.pending) for n, c in self._channels.items() if n != "_warmup")
        if busy != self._busy:
            self._busy = busy
            self.busyChanged.emit(busy)
