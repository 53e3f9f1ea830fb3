"""The ``python -m bench`` dispatcher and the synthetic SoC profile generator
(no timing here: speed is measured by the benchmarks themselves)."""
from __future__ import annotations

import numpy as np

import bench
from bench.__main__ import main
from bench._soc_profile import soc_profile


def test_benchmarks_are_discovered_from_modules():
    names = bench.available()
    assert "rainflow" in names
    assert not any(n.startswith("_") for n in names)   # helpers are not benchmarks


def test_dispatcher_usage_and_unknown_name(capsys):
    assert main([]) == 2
    assert main(["--list"]) == 0
    assert "rainflow" in capsys.readouterr().out
    assert main(["no_such_benchmark"]) == 2
    assert "unknown benchmark" in capsys.readouterr().err


def test_soc_profile_shape_and_realism():
    x = soc_profile(28, 1, seed=7)
    assert x.shape == (28 * 1440,) and x.dtype == np.float64
    assert np.all((x >= 0.0) & (x <= 1.0))
    assert np.array_equal(x, np.round(x, 6))                     # rounded to 1e-6
    assert np.array_equal(x, soc_profile(28, 1, seed=7))         # deterministic
    d = np.diff(x)
    assert 0.2 < np.mean(d == 0.0) < 0.9                         # parked: plateaus
    slope_sign = np.sign(d[d != 0.0])
    density = np.count_nonzero(np.diff(slope_sign)) / x.size
    assert 0.0005 < density < 0.005                              # ~0.17 % reversals
    assert x.max() == 0.9                                         # charging cap
    assert np.isclose(x.min(), 0.4, atol=0.1)                     # V2G floor region
