"""Synthetic EV state-of-charge profiles for the rainflow oracle and benchmark.

A deterministic, njit-compiled daily EV schedule: weekday commutes, optional
workplace charging, a weekend trip, an evening V2G discharge to a floor, and
night charging at home; the car is parked (SoC flat) the rest of the time, so
the series has long plateaus, as real SoC data does.  It exists to give the
rainflow tests and benchmark a realistic reversal density (about 0.17 % of
samples at 1-minute steps), not to model any particular driver.

Schedule (the profile starts on a Monday at 00:00, SoC 0.80; 60 kWh pack,
0.18 kWh/km; per-day random parameters from ``numpy.random.default_rng(seed)``):

* weekdays: commute 07:30-08:15 and 17:15-18:00 (half the day's distance each);
  workplace charging 12:00-13:00 at 11 kW up to SoC 0.90 with probability 0.3;
* weekends: one 1-hour trip starting between 09:00 and 14:45 (15-min slots);
* every day: V2G discharge 18:30-20:30 at 3-7 kW down to SoC 0.40, and home
  charging 22:00-06:00 at 7.4 kW up to SoC 0.90;
* daily distance uniform in 20-80 km.

After every step the SoC is clipped to [0, 1] and rounded to 1e-6.  The
schedule follows the synthetic profile described in
``shared/research/rainflow.md`` section 3 (figures only).
"""
from __future__ import annotations

import numpy as np

PACK_KWH = 60.0
CONSUMPTION_KWH_PER_KM = 0.18
SOC_START = 0.80

_SIG = "float64[::1](int64, float64[::1], float64[::1], int64[::1], int64[::1])"


def _soc_kernel_py(dt_min, distance_km, v2g_kw, work_charge, trip_start_min):
    days = distance_km.shape[0]
    steps = 1440 // dt_min
    out = np.empty(days * steps, dtype=np.float64)
    pack_kwh = 60.0
    kwh_per_km = 0.18
    dt_h = dt_min / 60.0
    soc = 0.80
    k = 0
    for day in range(days):
        weekday = (day % 7) < 5
        e_trip_kwh = distance_km[day] * kwh_per_km
        for s in range(steps):
            t = s * dt_min          # minutes after midnight at the step start
            delta = 0.0
            cap = 1.0
            floor = 0.0
            if weekday and ((450 <= t < 495) or (1035 <= t < 1080)):
                delta = -0.5 * e_trip_kwh * (dt_min / 45.0) / pack_kwh
            elif (not weekday) and trip_start_min[day] <= t < trip_start_min[day] + 60:
                delta = -e_trip_kwh * (dt_min / 60.0) / pack_kwh
            elif weekday and work_charge[day] != 0 and 720 <= t < 780:
                delta = 11.0 * dt_h / pack_kwh
                cap = 0.90
            elif 1110 <= t < 1230:
                delta = -v2g_kw[day] * dt_h / pack_kwh
                floor = 0.40
            elif t >= 1320 or t < 360:
                delta = 7.4 * dt_h / pack_kwh
                cap = 0.90
            if delta > 0.0:
                if soc < cap:
                    soc = min(soc + delta, cap)
            elif delta < 0.0:
                if soc > floor:
                    soc = max(soc + delta, floor)
            soc = min(max(soc, 0.0), 1.0)
            soc = np.floor(soc * 1e6 + 0.5) / 1e6
            out[k] = soc
            k += 1
    return out


_kernel = None


def soc_profile(days: int, dt_min: int = 15, seed: int = 7) -> np.ndarray:
    """Synthetic SoC series [-] of ``days`` days at ``dt_min``-minute steps.

    ``dt_min`` must divide 1440.  Returns ``days * 1440 // dt_min`` float64
    samples.  Deterministic for a given numpy version (the per-day parameters
    come from ``default_rng(seed)``; the oracle files store the series itself).
    """
    global _kernel
    if 1440 % dt_min:
        raise ValueError("dt_min must divide 1440")
    rng = np.random.default_rng(seed)
    distance_km = rng.uniform(20.0, 80.0, days)
    v2g_kw = rng.uniform(3.0, 7.0, days)
    work_charge = (rng.random(days) < 0.3).astype(np.int64)
    trip_start_min = (540 + 15 * rng.integers(0, 24, days)).astype(np.int64)
    if _kernel is None:
        from models._jit import njit

        _kernel = njit(_SIG)(_soc_kernel_py)
    return _kernel(int(dt_min), distance_km, v2g_kw, work_charge, trip_start_min)
