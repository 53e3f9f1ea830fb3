"""The engine process (app.engine): same results as in-process, errors carried over, survives a crash."""
from __future__ import annotations

import os
import threading
import time

import numpy as np
import pytest

from app import engine
from models import scenario as sc


def _same(a, b, path="result"):
    """Equal result dicts (nested dicts, lists, arrays, floats; NaN equal to NaN)."""
    assert type(a) is type(b) or (isinstance(a, (int, float)) and isinstance(b, (int, float))), path
    if isinstance(a, dict):
        assert a.keys() == b.keys(), path
        for k in a:
            _same(a[k], b[k], f"{path}.{k}")
    elif isinstance(a, (list, tuple)):
        assert len(a) == len(b), path
        for i, (x, y) in enumerate(zip(a, b)):
            _same(x, y, f"{path}[{i}]")
    elif isinstance(a, np.ndarray):
        np.testing.assert_array_equal(a, b, err_msg=path)
    elif isinstance(a, float):
        assert (a == b) or (a != a and b != b), f"{path}: {a} != {b}"
    else:
        assert a == b, path


@pytest.fixture
def own_engine():
    eng = engine.EngineProcess()
    yield eng
    eng.stop()


def test_engine_result_is_the_in_process_result_to_the_last_bit(own_engine):
    import models

    scenario = sc.demo()
    remote = own_engine.simulate(scenario)
    local = models.simulate(scenario).to_dict()
    _same(remote, local)
    assert remote["summary"]["npv"] == local["summary"]["npv"]


def test_engine_error_is_reraised_with_its_type_and_the_engines_traceback(own_engine):
    with pytest.raises(TypeError, match="Scenario") as info:
        own_engine.simulate("not a scenario")
    assert isinstance(info.value.__cause__, engine.RemoteTraceback)
    assert "Traceback" in str(info.value.__cause__) and "simulate" in str(info.value.__cause__)
    assert own_engine.is_alive()   # an error in a request does not end the engine


def test_killed_engine_fails_the_owed_request_and_the_next_one_starts_a_new_engine(own_engine):
    first_pid = own_engine.pid
    fut = own_engine.submit("simulate", sc.demo())   # a new engine needs > 1 s: still owed when killed
    own_engine._session.proc.kill()
    with pytest.raises(engine.EngineStopped, match="stopped unexpectedly"):
        fut.result(timeout=30)
    result = own_engine.simulate(sc.demo())
    assert own_engine.starts == 2 and own_engine.pid != first_pid
    assert result["summary"]["npv"] == pytest.approx(-178690.77, abs=0.01)
    assert own_engine.dead_starts == 0   # the new engine answered


def test_a_request_lost_with_a_killed_engine_is_sent_once_more(own_engine, monkeypatch):
    """app.engine.simulate (what the window calls) retries on a new engine: the user sees a result."""
    monkeypatch.setattr(engine, "_shared", own_engine)
    monkeypatch.delenv("V2G_ENGINE_PROCESS", raising=False)
    out = {}
    worker = threading.Thread(target=lambda: out.setdefault("r", engine.simulate(sc.demo())))
    worker.start()
    deadline = time.monotonic() + 10
    while not own_engine._session.futures and time.monotonic() < deadline:
        time.sleep(0.005)
    own_engine._session.proc.kill()   # the request is owed: the engine is still importing numba
    worker.join(120)
    assert out["r"]["summary"]["npv"] == pytest.approx(-178690.77, abs=0.01)
    assert own_engine.starts == 2


def test_requests_from_several_threads_each_get_their_own_answer(own_engine):
    import dataclasses

    base = sc.demo()
    prices = [398000.0 + 1000 * i for i in range(6)]
    scenarios = [dataclasses.replace(base, charger=dataclasses.replace(base.charger, price=p)) for p in prices]
    futures = []
    threads = [threading.Thread(target=lambda s=s: futures.append((s.charger.price, own_engine.submit("simulate", s))))
               for s in scenarios]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    npvs = {price: fut.result(timeout=120)["summary"]["npv"] for price, fut in futures}
    assert len(npvs) == 6
    # a dearer charger lowers the NPV by the extra price (spent at the start, not discounted)
    for p in prices[1:]:
        assert npvs[p] == pytest.approx(npvs[prices[0]] - (p - prices[0]), abs=1e-6)


def test_a_request_cannot_be_cancelled_and_stop_is_final(own_engine):
    fut = own_engine.submit("simulate", sc.demo())
    assert not fut.cancel()   # the engine computes it anyway: its answer must find a live future
    assert fut.result(timeout=120)["status"] == "complete"
    own_engine.stop()
    assert not own_engine.is_alive() and own_engine.closed
    with pytest.raises(engine.EngineStopped, match="shut down"):
        own_engine.submit("simulate", sc.demo())
    assert own_engine.starts == 1   # nothing started after stop()


class _FailsToUnpickle:
    def __reduce__(self):
        return (_refuse, ())


def _refuse():
    raise ValueError("this payload cannot be rebuilt")


def test_a_payload_the_engine_cannot_read_fails_that_request_only(own_engine):
    with pytest.raises(ValueError, match="cannot be rebuilt"):
        own_engine.submit("simulate", _FailsToUnpickle()).result(timeout=60)
    assert own_engine.is_alive()
    assert own_engine.simulate(sc.demo())["status"] == "complete"
    assert own_engine.starts == 1


def test_scenario_and_price_file_errors_keep_their_problems_through_pickling():
    import pickle

    from models.price_import import ImportProblem, PriceImportError

    try:
        sc.from_dict({"vehicle": {"capacity_kwh": -5}})
    except sc.ScenarioError as err:
        back = pickle.loads(pickle.dumps(err))
        assert type(back) is sc.ScenarioError and back.messages("ja") == err.messages("ja")
    err = PriceImportError("prices.csv", [ImportProblem("empty")])
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is PriceImportError and str(back) == str(err)
    assert engine._portable_error(err) is err
    assert isinstance(engine._portable_error(pickle.PicklingError("x")), RuntimeError)  # not models.*: text only


def _die_at_once(conn, threads):
    os._exit(3)   # an installation whose engine cannot run (a broken import, antivirus)


def test_engines_that_never_answer_make_the_window_compute_itself(monkeypatch):
    eng = engine.EngineProcess(_target=_die_at_once)
    try:
        for _ in range(eng.MAX_DEAD_STARTS):
            with pytest.raises(engine.EngineStopped, match="exit code 3"):
                eng.submit("simulate", sc.demo()).result(timeout=60)
        assert not eng.usable
        with pytest.raises(engine.EngineUnavailable):
            eng.submit("simulate", sc.demo())
        monkeypatch.setattr(engine, "_shared", eng)
        monkeypatch.setattr(engine, "_start_failed", [])
        monkeypatch.delenv("V2G_ENGINE_PROCESS", raising=False)
        assert engine.simulate(sc.demo())["summary"]["npv"] == pytest.approx(-178690.77, abs=0.01)
        assert eng.starts == eng.MAX_DEAD_STARTS
    finally:
        eng.stop()


def test_without_an_engine_process_the_window_computes_in_its_own_process(monkeypatch):
    """An engine that cannot start (or V2G_ENGINE_PROCESS=0) still gives the same result."""
    from app.worker import default_simulate

    class NoProcesses(engine.EngineProcess):
        def __init__(self, *a, **k):
            raise OSError("process creation not allowed")

    monkeypatch.setattr(engine, "EngineProcess", NoProcesses)
    monkeypatch.setattr(engine, "_shared", None)
    monkeypatch.setattr(engine, "_start_failed", [])
    monkeypatch.delenv("V2G_ENGINE_PROCESS", raising=False)
    assert engine.shared() is None and "not allowed" in engine._start_failed[0]
    assert default_simulate(sc.demo())["summary"]["npv"] == pytest.approx(-178690.77, abs=0.01)

    monkeypatch.setattr(engine, "_start_failed", [])
    monkeypatch.setenv("V2G_ENGINE_PROCESS", "0")
    assert not engine.enabled()
    assert default_simulate(sc.demo())["summary"]["npv"] == pytest.approx(-178690.77, abs=0.01)
    assert engine._shared is None   # nothing was started
