"""Shared helpers of the tests/test_energy*.py files (no tests in here).

``LinearStandInStepper`` is a deliberately trivial stand-in for
``models.ageing.AgeingStepper`` with the same interface, so the lifetime
loop's fade feedback can be checked against numbers known in advance.
"""
from __future__ import annotations

import numpy as np

from models import scenario as sc
from models.energy import simulate_energy


def make(base=None, **changes):
    """Scenario from the demo (or ``base`` dict) with ``a__b__c=value`` changes, validated."""
    d = sc.to_dict(sc.demo()) if base is None else base
    for path, value in changes.items():
        node = d
        keys = path.split("__")
        for k in keys[:-1]:
            node = node[k]
        node[keys[-1]] = value
    return sc.from_dict(d)


class LinearStandInStepper:
    """SoH = initial - 0.02 per year - 0.0001 per equivalent full cycle (0.5 x sum |dSoC|)."""

    def __init__(self, cell_id, *, pack_factor=1.0, initial_soh=1.0, degradation_scalar=1.0,
                 uncertainty_sigma=0.15, c_rate_mode="physical"):
        self.cell_id = cell_id
        self.initial_soh = initial_soh
        self.sigma = uncertainty_sigma
        self.loss = 0.0
        self.efc = 0.0
        self.t_last = None
        self.t0 = None
        self.last_soc = None
        self.calls = []

    def advance(self, time_s, soc, temp_c):
        t = np.asarray(time_s, dtype=np.float64)
        s = np.asarray(soc, dtype=np.float64)
        tc = np.asarray(temp_c, dtype=np.float64)
        assert t.shape == s.shape == tc.shape and t.size > 0
        assert np.all(np.diff(t) > 0)
        assert self.t_last is None or t[0] > self.t_last
        assert s.min() >= -1e-9 and s.max() <= 1 + 1e-9
        if self.t0 is None:
            self.t0 = t[0]
        prev = s[0] if self.last_soc is None else self.last_soc
        self.efc += 0.5 * (abs(s[0] - prev) + np.abs(np.diff(s)).sum())
        self.t_last = t[-1]
        self.last_soc = s[-1]
        self.calls.append((t[0], t[-1], s.size))

    @property
    def t_years(self):
        return 0.0 if self.t0 is None else (self.t_last - self.t0) / (365 * 86400.0)

    def _loss(self, scale=1.0):
        return scale * (0.02 * self.t_years + 0.0001 * self.efc)

    soh = property(lambda self: self.initial_soh - self._loss())
    soh_low = property(lambda self: self.initial_soh - self._loss(1 + self.sigma))
    soh_high = property(lambda self: self.initial_soh - self._loss(1 - self.sigma))


def run_collect(scenario, ageing_factory=False):
    """simulate_energy + every step of every year for both runs (concatenated)."""
    parts = {"v2g": [], "baseline": []}

    def cb(year, run, steps, sl):
        parts[run].append((sl, steps))

    res = simulate_energy(scenario, ageing_factory=ageing_factory, year_callback=cb)
    steps = {}
    for run, lst in parts.items():
        keys = lst[0][1].keys()
        steps[run] = {k: np.concatenate([p[1][k] for p in lst]) for k in keys}
        steps[run]["year"] = np.concatenate([np.full(p[0].stop - p[0].start, i + 1) for i, p in enumerate(lst)])
    return res, steps
