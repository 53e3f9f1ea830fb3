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

* request ``(request_id, kind, payload)``, the payload pickled by the caller, with
  ``kind`` ``"simulate"`` (payload a :class:`models.scenario.Scenario`; reply
  the result dict of :meth:`models.results.Result.to_dict`), ``"warm_up"``
  (payload ``None``; every battery model's kernels loaded, :func:`warm_up_all`;
  reply the seconds it took) or ``"clear_energy_cache"``; ``None`` asks the
  engine to stop after answering what it was asked;
* exactly one reply per request, ``(request_id, blob)`` with ``blob`` the
  pickled ``(ok, value)``: ``ok`` True with the value, or False with the
  exception raised in the engine (re-raised in the caller with the engine's
  traceback as ``__cause__``; exceptions other than built-in and :mod:`models`
  ones arrive as RuntimeError with their text, so the window never imports
  numba).  A payload or result that cannot be (un)pickled fails that request
  only.

If engine processes keep ending before they answer anything (two in a row: an
installation whose engine cannot run), :func:`simulate` computes in the
window's process instead and logs why once.

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

__all__ = ["EngineProcess", "EngineStopped", "EngineUnavailable", "RemoteTraceback", "enabled", "shared",
           "simulate", "warm_up"]


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
            from models import ageing, rainflow

            rainflow.warm_up()
            ageing.warm_up()
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


def _portable_error(exc: BaseException) -> BaseException:
    """``exc`` when it can travel to the window as it is: a built-in or :mod:`models` exception that
    survives pickling (others, numba's for instance, would make the window import their package);
    otherwise a RuntimeError with the same text."""
    import pickle

    module = type(exc).__module__ or ""
    if module == "builtins" or module == "models" or module.startswith("models."):
        try:
            pickle.loads(pickle.dumps(exc))
            return exc
        except Exception:
            pass
    return RuntimeError(f"{type(exc).__name__}: {exc}")


def _error_blob(exc: BaseException, text: str) -> bytes:
    import pickle

    try:
        return pickle.dumps((False, (_portable_error(exc), text)))
    except Exception:  # the last resort cannot fail: a RuntimeError of plain text
        return pickle.dumps((False, (RuntimeError(f"{type(exc).__name__}: {exc}"), text)))


def serve(conn, threads: int = 2) -> None:
    """Engine process main loop: answer requests from ``conn`` until it closes or sends ``None``.

    Every request gets exactly one reply ``(request_id, blob)``, ``blob`` the pickled ``(ok, value)``:
    a payload that cannot be unpickled or a result that cannot be pickled is answered with an error
    for that request, never with silence.  Ctrl+C in a terminal is for the window, not the engine.
    """
    import pickle
    import signal
    from concurrent.futures import ThreadPoolExecutor

    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    except (ValueError, OSError):  # not the main thread / not supported: nothing to ignore
        pass
    send_lock = threading.Lock()

    def work(rid, kind, payload_blob):
        try:
            blob = pickle.dumps((True, _run(kind, pickle.loads(payload_blob))))
        except BaseException as exc:  # sent back, never lost
            blob = _error_blob(exc, traceback.format_exc())
        with send_lock:
            try:
                conn.send((rid, blob))
            except (OSError, EOFError, BrokenPipeError):  # the window has gone
                pass

    with ThreadPoolExecutor(max(1, threads), thread_name_prefix="v2g-engine") as pool:
        while True:
            try:
                msg = conn.recv()
            except (EOFError, OSError):
                break
            except Exception:   # a damaged message: nothing to answer it with
                continue
            if msg is None:
                break
            pool.submit(work, *msg)


class EngineUnavailable(RuntimeError):
    """Engine processes start here but end before answering anything: compute in this process."""


class EngineProcess:
    """A running engine process and the futures of the requests sent to it.

    :meth:`simulate` and :meth:`warm_up` block the calling thread (a worker
    thread, never the GUI thread) until the engine answers; they are safe to
    call from several threads at once.  When the process has ended (crash,
    killed), the next call starts a new one; after :data:`MAX_DEAD_STARTS`
    engines in a row ended without answering a single request, :meth:`submit`
    raises :class:`EngineUnavailable` instead (the caller computes in its own
    process).  After :meth:`stop` every call raises :class:`EngineStopped`.
    """

    MAX_DEAD_STARTS = 2

    def __init__(self, threads: int = 2, *, _target=None):
        self.threads = threads
        self._target = _target or serve   # tests: a child that misbehaves
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self._session: _Session | None = None
        self._closed = False
        self.starts = 0
        self.dead_starts = 0   # engines in a row that ended owing requests without answering any
        with self._lock:
            self._start()

    # -------------------------------------------------------------- public
    def simulate(self, scenario, timeout_s: float | None = None) -> dict:
        """The result dict of ``models.simulate(scenario)`` computed in the engine process."""
        return self.submit("simulate", scenario).result(timeout_s)

    def warm_up(self, timeout_s: float | None = None) -> float:
        """Load every compiled kernel in the engine process; seconds it took there."""
        return self.submit("warm_up", None).result(timeout_s)

    @property
    def closed(self) -> bool:
        return self._closed

    @property
    def usable(self) -> bool:
        return self.dead_starts < self.MAX_DEAD_STARTS

    def submit(self, kind: str, payload) -> Future:
        """Send one request; the future gets the reply (or the engine's exception).  The future
        cannot be cancelled (the engine computes it anyway)."""
        import pickle

        blob = pickle.dumps(payload)   # in the caller's thread; a bad payload raises here
        fut: Future = Future()
        fut.set_running_or_notify_cancel()
        with self._lock:
            if self._closed:
                raise EngineStopped("the calculation engine has been shut down")
            session = self._session
            if session is None or session.closed or not session.proc.is_alive():
                if not self.usable:
                    raise EngineUnavailable(
                        f"{self.dead_starts} calculation engines in a row ended without answering")
                self._start()
                session = self._session
            rid = next(self._ids)
            session.futures[rid] = fut
            try:
                session.conn.send((rid, kind, blob))
            except (OSError, EOFError, BrokenPipeError, ValueError) as exc:
                session.futures.pop(rid, None)
                fut.set_exception(EngineStopped(f"the calculation engine could not be reached: {exc}"))
        return fut

    @property
    def pid(self):
        session = self._session
        return session.proc.pid if session is not None else None

    def is_alive(self) -> bool:
        session = self._session
        return session is not None and not session.closed and session.proc.is_alive()

    def stop(self, timeout_s: float = 5.0) -> None:
        """Finish: the engine answers what it was asked, then ends (killed after ``timeout_s``);
        later calls raise :class:`EngineStopped`."""
        with self._lock:
            self._closed = True
            session, self._session = self._session, None
            if session is not None:
                try:
                    session.conn.send(None)
                except (OSError, EOFError, BrokenPipeError, ValueError):
                    pass
        if session is None:
            return
        session.proc.join(timeout_s)
        if session.proc.is_alive():
            session.proc.kill()
            session.proc.join(1.0)

    # ------------------------------------------------------------ internal
    def _start(self) -> None:  # with self._lock held
        ctx = multiprocessing.get_context("spawn")  # never fork a process that runs Qt threads
        parent_end, child_end = ctx.Pipe(duplex=True)
        proc = ctx.Process(target=self._target, args=(child_end, self.threads), name="v2g-engine", daemon=True)
        proc.start()
        child_end.close()
        self._session = session = _Session(proc, parent_end)
        self.starts += 1
        threading.Thread(target=self._read, args=(session,), name="v2g-engine-reader", daemon=True).start()

    def _read(self, session: "_Session") -> None:
        import pickle

        try:
            while True:
                try:
                    rid, blob = session.conn.recv()
                except (EOFError, OSError):
                    break
                with self._lock:
                    fut = session.futures.pop(rid, None)
                    session.answered += 1
                    self.dead_starts = 0
                if fut is None or fut.done():
                    continue
                try:
                    ok, value = pickle.loads(blob)
                except Exception as exc:  # a reply this process cannot read: that request fails
                    fut.set_exception(RuntimeError(f"the engine's reply could not be read: {exc}"))
                    continue
                if ok:
                    fut.set_result(value)
                else:
                    err, text = value
                    err.__cause__ = RemoteTraceback(text)
                    fut.set_exception(err)
        except BaseException:  # never leave requests waiting: end this engine, fail what it owes
            session.proc.kill()
        finally:
            self._end_session(session)

    def _end_session(self, session: "_Session") -> None:
        session.proc.join(1.0)
        with self._lock:
            session.closed = True
            owed, session.futures = list(session.futures.values()), {}
            if owed and session.answered == 0 and not self._closed:
                self.dead_starts += 1
        code = session.proc.exitcode
        for fut in owed:
            if not fut.done():
                fut.set_exception(EngineStopped(f"the calculation engine stopped unexpectedly (exit code {code})"))
        try:
            session.conn.close()
        except OSError:
            pass


class _Session:
    """One engine process, its end of the pipe and the requests it has not answered yet."""

    def __init__(self, proc, conn):
        self.proc, self.conn = proc, conn
        self.futures: dict[int, Future] = {}
        self.closed = False     # the reader has finished with this engine
        self.answered = 0


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


def _in_process(scenario) -> dict:
    import models

    return models.simulate(scenario).to_dict()


def _unavailable(exc: Exception) -> None:
    if not _start_failed:
        import logging

        _start_failed.append(str(exc))
        logging.getLogger("v2g.engine").warning("%s; computing in the window's process from now on", exc)


def _engine() -> EngineProcess | None:
    """The shared engine when computations go there, else None (off, cannot start, unusable)."""
    eng = shared() if enabled() else None
    return eng if eng is not None and eng.usable else None


def simulate(scenario) -> dict:
    """``models.simulate(scenario).to_dict()`` in the shared engine process; computed here when the
    engine is off, cannot start, or its processes keep ending before they answer.  A request the
    engine could not answer because it stopped (killed, crashed) is sent once more to a new engine
    before the error is reported."""
    eng = _engine()
    if eng is None:
        return _in_process(scenario)
    try:
        try:
            return eng.simulate(scenario)
        except EngineStopped:
            if eng.closed:
                raise
            return eng.simulate(scenario)
    except (EngineUnavailable, EngineStopped) as exc:
        if isinstance(exc, EngineStopped) and eng.usable:   # a real stop, not an engine that cannot run
            raise
        _unavailable(exc)
        return _in_process(scenario)


def clear_energy_cache() -> None:
    """Forget the reused energy runs (:func:`models.simulation.clear_energy_cache`) here and in the
    engine process, so that the next simulation runs the energy model again (tests, benchmarks)."""
    from models import simulation

    simulation.clear_energy_cache()
    eng = _engine()
    if eng is not None:
        eng.submit("clear_energy_cache", None).result()


def warm_up() -> float:
    """Every battery model's kernels loaded where :func:`simulate` computes; seconds it took."""
    eng = _engine()
    if eng is None:
        return warm_up_all()
    try:
        return eng.warm_up()
    except EngineUnavailable as exc:
        _unavailable(exc)
        return warm_up_all()
