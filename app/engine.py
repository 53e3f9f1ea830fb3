"""The calculation engine in its own process (``models.simulate`` behind a pipe).

Why a process and not only threads: the engine's start (importing numba and
loading about twenty compiled kernels from the cache, ~1.5 s of Python work on
a 2-core machine) and the window's start (PySide6, pyqtgraph and the widgets,
~1.7 s) both need Python's global interpreter lock, so in one process they take
turns and the first chart waits for the sum.  In a second process the two run
side by side on the two cores, and afterwards the window never competes with a
computation for the lock.  A crash inside the engine (a bad kernel, memory)
ends the engine process, not the window: the next request starts a new one.

Protocol (one :func:`multiprocessing.Pipe`, pickled tuples):

* request ``(request_id, kind, payload)`` with ``kind`` ``"simulate"`` (payload
  a :class:`models.scenario.Scenario`; reply the result dict of
  :meth:`models.results.Result.to_dict`), ``"warm_up"`` (payload ``None``;
  every battery model's kernels loaded, :func:`warm_up_all`; reply the seconds
  it took) or ``"clear_energy_cache"``; ``None`` asks the engine to stop;
* reply ``(request_id, ok, value)``: ``ok`` True with the value, or False with
  the exception raised in the engine (re-raised in the caller, the engine's
  traceback attached as ``__cause__``).

Requests are computed concurrently by ``threads`` worker threads in the engine
process (the kernels release the lock), so a comparison run does not wait for
the main scenario's run.  This module never imports Qt: the engine process
imports :mod:`models` only.
"""
from __future__ import annotations

import itertools
import multiprocessing
import threading
import traceback
from concurrent.futures import Future

__all__ = ["EngineProcess", "EngineStopped", "RemoteTraceback", "enabled", "shared"]


def enabled() -> bool:
    """Whether computations go to the engine process (``V2G_ENGINE_PROCESS=0``: in this process)."""
    from models.paths import env_switch

    return env_switch("V2G_ENGINE_PROCESS", True)


class EngineStopped(RuntimeError):
    """The engine process ended before it answered (killed, crashed or shut down)."""


class RemoteTraceback(Exception):
    """The engine's traceback text, attached as ``__cause__`` of a re-raised engine error."""

    def __str__(self):
        return self.args[0] if self.args else ""


_warm_lock = threading.Lock()
_warm_state = {"done": False}


def warm_up_all() -> float:
    """Compile or load every numba kernel (all cell models); idempotent, thread-safe; seconds taken."""
    import time

    t0 = time.perf_counter()
    with _warm_lock:
        if not _warm_state["done"]:
            from models import ageing, energy, rainflow

            rainflow.warm_up()
            ageing.warm_up()
            if hasattr(energy, "warm_up"):
                energy.warm_up()
            _warm_state["done"] = True
    return time.perf_counter() - t0


def _run(kind: str, payload):
    if kind == "simulate":
        import models

        return models.simulate(payload).to_dict()
    if kind == "warm_up":
        return warm_up_all()
    if kind == "clear_energy_cache":  # tests: the next simulation runs the energy model again
        from models import simulation

        return simulation.clear_energy_cache()
    raise ValueError(f"unknown engine request {kind!r}")


def _picklable_error(exc: BaseException) -> BaseException:
    import pickle

    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")


def serve(conn, threads: int = 2) -> None:
    """Engine process main loop: answer requests from ``conn`` until it closes or sends ``None``."""
    from concurrent.futures import ThreadPoolExecutor

    send_lock = threading.Lock()

    def work(rid, kind, payload):
        try:
            reply = (rid, True, _run(kind, payload))
        except Exception as exc:  # sent back, never lost
            err = _picklable_error(exc)
            reply = (rid, False, (err, traceback.format_exc()))
        with send_lock:
            try:
                conn.send(reply)
            except (OSError, EOFError, BrokenPipeError):  # the window has gone
                pass

    with ThreadPoolExecutor(max(1, threads), thread_name_prefix="v2g-engine") as pool:
        while True:
            try:
                msg = conn.recv()
            except (EOFError, OSError):
                break
            if msg is None:
                break
            pool.submit(work, *msg)


class EngineProcess:
    """A running engine process and the futures of the requests sent to it.

    :meth:`simulate` and :meth:`warm_up` block the calling thread (a worker
    thread, never the GUI thread) until the engine answers; they are safe to
    call from several threads at once.  When the process has ended (crash,
    killed), the next call starts a new one.
    """

    def __init__(self, threads: int = 2):
        self.threads = threads
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self._session: _Session | None = None
        self.starts = 0
        with self._lock:
            self._start()

    # -------------------------------------------------------------- public
    def simulate(self, scenario) -> dict:
        """The result dict of ``models.simulate(scenario)`` computed in the engine process."""
        return self.submit("simulate", scenario).result()

    def warm_up(self) -> float:
        """Load every compiled kernel in the engine process; seconds it took there."""
        return self.submit("warm_up", None).result()

    def submit(self, kind: str, payload) -> Future:
        """Send one request; the future gets the reply (or the engine's exception)."""
        fut: Future = Future()
        with self._lock:
            if self._session is None or not self._session.proc.is_alive():
                self._start()
            session = self._session
            rid = next(self._ids)
            session.futures[rid] = fut
            try:
                session.conn.send((rid, kind, payload))
            except (OSError, EOFError, BrokenPipeError) as exc:
                session.futures.pop(rid, None)
                fut.set_exception(EngineStopped(f"the calculation engine could not be reached: {exc}"))
        return fut

    @property
    def pid(self):
        return self._session.proc.pid if self._session is not None else None

    def is_alive(self) -> bool:
        return self._session is not None and self._session.proc.is_alive()

    def stop(self, timeout_s: float = 5.0) -> None:
        """Ask the engine to finish and wait for it (killed after ``timeout_s``)."""
        with self._lock:
            session, self._session = self._session, None
        if session is None:
            return
        try:
            session.conn.send(None)
        except (OSError, EOFError, BrokenPipeError):
            pass
        session.proc.join(timeout_s)
        if session.proc.is_alive():
            session.proc.kill()
            session.proc.join(1.0)

    # ------------------------------------------------------------ internal
    def _start(self) -> None:  # with self._lock held
        ctx = multiprocessing.get_context("spawn")  # never fork a process that runs Qt threads
        parent_end, child_end = ctx.Pipe(duplex=True)
        proc = ctx.Process(target=serve, args=(child_end, self.threads), name="v2g-engine", daemon=True)
        proc.start()
        child_end.close()
        self._session = session = _Session(proc, parent_end)
        self.starts += 1
        threading.Thread(target=self._read, args=(session,), name="v2g-engine-reader", daemon=True).start()

    def _read(self, session: "_Session") -> None:
        while True:
            try:
                rid, ok, value = session.conn.recv()
            except (EOFError, OSError):
                break
            with self._lock:
                fut = session.futures.pop(rid, None)
            if fut is None:
                continue
            if ok:
                fut.set_result(value)
            else:
                err, text = value
                err.__cause__ = RemoteTraceback(text)
                fut.set_exception(err)
        # the engine ended: fail what it still owed (the next request starts a new engine)
        session.proc.join(1.0)
        with self._lock:
            owed, session.futures = list(session.futures.values()), {}
        for fut in owed:
            fut.set_exception(EngineStopped(
                f"the calculation engine stopped unexpectedly (exit code {session.proc.exitcode})"))
        session.conn.close()


class _Session:
    """One engine process, its end of the pipe and the requests it has not answered yet."""

    def __init__(self, proc, conn):
        self.proc, self.conn = proc, conn
        self.futures: dict[int, Future] = {}


_shared: EngineProcess | None = None
_shared_lock = threading.Lock()
_start_failed: list[str] = []


def shared() -> EngineProcess | None:
    """The one engine process of this application (started on first use), or None when an engine
    process cannot be started here (then logged once, and the caller computes in its own process)."""
    global _shared
    with _shared_lock:
        if _shared is None and not _start_failed:
            import atexit

            try:
                _shared = EngineProcess()
            except Exception as exc:  # no processes allowed, no executable: compute in-process
                import logging

                _start_failed.append(f"{type(exc).__name__}: {exc}")
                logging.getLogger("v2g.engine").warning(
                    "the engine process could not be started (%s); computing in the window's process",
                    _start_failed[0])
                return None
            atexit.register(_shared.stop, 2.0)
        return _shared


def simulate(scenario) -> dict:
    """``models.simulate(scenario).to_dict()`` in the shared engine process; computed here when the
    engine is off or cannot start.  A request the engine could not answer because it stopped
    (killed, crashed) is sent once more to a new engine before the error is reported."""
    eng = shared() if enabled() else None
    if eng is None:
        import models

        return models.simulate(scenario).to_dict()
    try:
        return eng.simulate(scenario)
    except EngineStopped:
        return eng.simulate(scenario)


def clear_energy_cache() -> None:
    """Forget the reused energy runs (:func:`models.simulation.clear_energy_cache`) here and in the
    engine process, so that the next simulation runs the energy model again (tests, benchmarks)."""
    from models import simulation

    simulation.clear_energy_cache()
    eng = shared() if enabled() else None
    if eng is not None:
        eng.submit("clear_energy_cache", None).result()


def warm_up() -> float:
    """Every battery model's kernels loaded where :func:`simulate` computes; seconds it took."""
    eng = shared() if enabled() else None
    return warm_up_all() if eng is None else eng.warm_up()
