"""Tariff helpers on top of the time-of-use tables: price series and escalation.

The time-of-use grid itself is :func:`models.scenario.tou_price_grid`; the
per-step vectors over the horizon are built by :mod:`models.energy.timeline`,
which calls :func:`apply_price_series` so that tariff-aware charging and the
day view see wholesale-linked prices too.

Price series (``tariff.price_series``): the values are laid end to end from
the series' own start; the scenario's first day takes the value of the same
month, day and time in the series (or the series' first value when that date
is not in it), and the series repeats when it is shorter than the horizon.
A scenario step shorter than the series step repeats the value; a longer one
takes the mean of the values it spans.  Import price = series x
``import_multiplier`` + ``import_adder_per_kwh`` + ``tariff.add_on_per_kwh``;
export price = series x ``export_multiplier`` + ``export_adder_per_kwh``.
"""
from __future__ import annotations

import datetime as _dt

import numpy as np

from .scenario import PriceSeries, Tariff


def series_per_step(series: PriceSeries, start_date: str, step_minutes: int, n_steps: int) -> np.ndarray:
    """The series' values on the scenario's steps (see module docstring for the alignment)."""
    values = np.asarray(series.values_per_kwh, dtype=np.float64)
    if values.size == 0:
        raise ValueError("price series is empty")
    q = int(series.step_minutes)
    s0 = _dt.datetime.fromisoformat(series.start)
    first = _dt.datetime.fromisoformat(start_date)
    # index of the same month/day/time in the series' first year (if present)
    try:
        same = s0.replace(month=first.month, day=first.day, hour=0, minute=0)
    except ValueError:  # 29 Feb in a non-leap series year
        same = s0.replace(month=3, day=1, hour=0, minute=0)
    if same < s0:
        try:
            same = same.replace(year=same.year + 1)
        except ValueError:
            same = same.replace(year=same.year + 1, day=28)
    offset = int((same - s0).total_seconds() // 60 // q)
    if offset >= values.size:
        offset = 0
    n = values.size
    s = int(step_minutes)
    if s <= q:
        if q % s:
            raise ValueError(f"step {s} min does not divide the series step {q} min")
        per = q // s
        idx = (offset + np.arange(n_steps) // per) % n
        return values[idx]
    if s % q:
        raise ValueError(f"series step {q} min does not divide the step {s} min")
    per = s // q
    idx = (offset + np.arange(n_steps)[:, None] * per + np.arange(per)[None, :]) % n
    return values[idx].mean(axis=1)


def apply_price_series(tariff: Tariff, start_date: str, step_minutes: int, import_price: np.ndarray,
                       export_price: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Replace the time-of-use vectors by the price series where the tariff says so."""
    ps = tariff.price_series
    if ps is None or not (ps.use_for_import or ps.use_for_export):
        return import_price, export_price
    base = series_per_step(ps, start_date, step_minutes, import_price.size)
    if ps.use_for_import:
        import_price = base * ps.import_multiplier + ps.import_adder_per_kwh + tariff.add_on_per_kwh
    if ps.use_for_export:
        export_price = base * ps.export_multiplier + ps.export_adder_per_kwh
    return import_price, export_price


def escalation_factors(rate_per_year: float, n_years: int) -> np.ndarray:
    """Price multiplier of years 0..N: ``(1 + rate)**(k - 1)`` for k >= 1 (year 1 at today's prices), 1 at 0."""
    k = np.arange(n_years + 1, dtype=np.float64)
    return np.where(k >= 1, (1.0 + rate_per_year) ** np.maximum(k - 1, 0), 1.0)
