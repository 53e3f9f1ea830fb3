"""The engine process (app.engine): same results as in-process, errors carried over, survives a crash."""
from __future__ import annotations

import os
import signal
import sys

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


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_killed_engine_fails_the_owed_request_and_the_next_one_starts_a_new_engine(own_engine):
    first_pid = own_engine.pid
    fut = own_engine.submit("simulate", sc.demo())   # a new engine needs > 1 s: still owed when killed
    os.kill(first_pid, signal.SIGKILL)
    with pytest.raises(engine.EngineStopped, match="stopped unexpectedly"):
        fut.result(timeout=30)
    result = own_engine.simulate(sc.demo())
    assert own_engine.starts == 2 and own_engine.pid != first_pid
    assert result["summary"]["npv"] == pytest.approx(-178690.77, abs=0.01)


def test_stop_ends_the_engine_and_fails_nothing_silently(own_engine):
    assert own_engine.is_alive()
    own_engine.stop()
    assert not own_engine.is_alive()


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
