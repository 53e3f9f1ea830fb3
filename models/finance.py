"""Discounted cash-flow functions: NPV, IRR, simple and discounted payback.

Conventions (NREL SAM "Cashloan", ``../shared/research/economics.md`` §1.3):
yearly end-of-year flows, ``flows[0]`` at t = 0 (undiscounted), nominal
currency.  Differences from SAM, on purpose:

* a payback that lands exactly in the final year is that year (SAM's
  ``libfin::payback`` loop reports it as "never");
* ``irr`` returns the unique root in (-0.99, 10) and ``None`` when there is
  no sign change, no root, or several roots (:func:`irr_roots` lists them so
  the caller can warn).

Also the small closed-form helpers used by the worked examples of the
research notes: :func:`arbitrage_margin_per_kwh`,
:func:`throughput_wear_per_kwh` (Kempton & Tomić 2005) and
:func:`kempton_tomic_annual` (their annualised V2G model).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

import numpy as np

IRR_LO, IRR_HI = -0.99, 10.0


def _flows(flows) -> np.ndarray:
    a = np.asarray(flows, dtype=np.float64).ravel()
    if a.size == 0:
        raise ValueError("flows must contain at least one value (year 0)")
    if not np.all(np.isfinite(a)):
        raise ValueError("flows must be finite numbers")
    return a


def npv(rate: float, flows: Sequence[float]) -> float:
    """Net present value: ``sum(flows[t] / (1 + rate)**t)``, ``flows[0]`` undiscounted.

    Parameters
    ----------
    rate : float
        Discount rate per year (0.03 = 3 %/yr); must be > -1.
    flows : sequence of float
        Cash flow of years 0..N in the scenario's currency.
    """
    if not rate > -1.0:
        raise ValueError(f"discount rate must be > -1, got {rate}")
    a = _flows(flows)
    t = np.arange(a.size, dtype=np.float64)
    return math.fsum((a / (1.0 + rate) ** t).tolist())


def discount_factors(rate: float, n_years: int) -> np.ndarray:
    """``1 / (1 + rate)**t`` for t = 0..n_years."""
    return 1.0 / (1.0 + rate) ** np.arange(n_years + 1, dtype=np.float64)


def irr_roots(flows: Sequence[float]) -> list[float]:
    """All internal rates of return in (-0.99, 10), ascending.

    NPV is a polynomial in x = 1 / (1 + r): ``sum(f_t x**t)``.  Its real roots
    with r in the interval are found with ``numpy.roots`` and polished with a
    few Newton steps.
    """
    a = _flows(flows)
    nz = np.nonzero(a)[0]
    if nz.size == 0:
        return []
    a = a[: nz[-1] + 1]
    if a.size < 2 or not (np.any(a > 0) and np.any(a < 0)):
        return []
    x_lo, x_hi = 1.0 / (1.0 + IRR_HI), 1.0 / (1.0 + IRR_LO)
    roots = np.roots(a[::-1])  # highest power first
    scale = max(1.0, float(np.max(np.abs(roots)))) if roots.size else 1.0
    out = []
    for z in roots:
        if abs(z.imag) > 1e-7 * scale:
            continue
        x = float(z.real)
        if not (x_lo < x < x_hi):
            continue
        for _ in range(20):  # Newton polish on the polynomial in x
            t = np.arange(a.size)
            f = float(np.sum(a * x ** t))
            df = float(np.sum(a[1:] * t[1:] * x ** (t[1:] - 1)))
            if df == 0.0:
                break
            step = f / df
            x -= step
            if abs(step) < 1e-15 * max(1.0, abs(x)):
                break
        r = 1.0 / x - 1.0
        if IRR_LO < r < IRR_HI and not any(abs(r - q) < 1e-9 for q in out):
            out.append(r)
    return sorted(out)


def irr(flows: Sequence[float]) -> float | None:
    """Internal rate of return: the unique root of NPV(r) = 0 in (-0.99, 10), else ``None``.

    ``None`` when the flows never change sign, have no root in the interval,
    or have several roots (ambiguous; see :func:`irr_roots`).
    """
    roots = irr_roots(flows)
    return roots[0] if len(roots) == 1 else None


def _payback(cum: np.ndarray, flows: np.ndarray) -> float | None:
    if cum[0] >= 0.0:
        return 0.0
    for k in range(1, cum.size):
        if cum[k] >= 0.0:  # cum[k - 1] < 0 <= cum[k], so flows[k] > 0
            return (k - 1) + float(-cum[k - 1] / flows[k])
    return None


def simple_payback(flows: Sequence[float]) -> float | None:
    """Years until the cumulative flow first reaches zero, linear within the year.

    ``flows[0]`` is the purchase (usually negative).  Returns 0.0 when the
    cumulative flow is never negative, ``None`` when it does not reach zero
    within the horizon.  A crossing in the final year returns that year
    (fractional), not "never".  Only the first crossing counts: a later dip
    (e.g. a charger replacement) does not undo it.
    """
    a = _flows(flows)
    cum = np.cumsum(a)
    return _payback(cum, a)


def discounted_payback(rate: float, flows: Sequence[float]) -> float | None:
    """:func:`simple_payback` of the discounted flows ``flows[t] / (1 + rate)**t``."""
    a = _flows(flows) * discount_factors(rate, len(flows) - 1)
    return _payback(np.cumsum(a), a)


# ---------------------------------------------------------------------------
# closed-form helpers of the research notes' worked examples
# ---------------------------------------------------------------------------
def arbitrage_margin_per_kwh(buy_price_per_kwh: float, avoided_price_per_kwh: float,
                             round_trip_efficiency: float, add_on_per_kwh: float = 0.0,
                             add_on_on_avoided: bool = True) -> float:
    """Gross margin per kWh delivered by buying cheap, storing and avoiding a purchase.

    ``(avoided + add_on) - (buy + add_on) / eta_rt``: the per-kWh add-on
    (levy) is paid on the 1/eta kWh bought to cover the losses as well, so it
    does not cancel (economics.md example A: 2.28 rather than 2.98 yen/kWh).
    """
    if not 0.0 < round_trip_efficiency <= 1.0:
        raise ValueError("round_trip_efficiency must be in (0, 1]")
    avoided = avoided_price_per_kwh + (add_on_per_kwh if add_on_on_avoided else 0.0)
    return avoided - (buy_price_per_kwh + add_on_per_kwh) / round_trip_efficiency


def throughput_wear_per_kwh(battery_cost: float, cycle_life: float, capacity_kwh: float,
                            cycle_life_dod: float) -> float:
    """Kempton & Tomić (2005) battery wear per kWh discharged: ``c_bat / (L_c E_s DoD)``.

    W. Kempton, J. Tomić, "Vehicle-to-grid power fundamentals: Calculating
    capacity and net revenue", J. Power Sources 144 (2005) 268-279,
    doi:10.1016/j.jpowsour.2004.12.025.
    """
    lifetime_kwh = cycle_life * capacity_kwh * cycle_life_dod
    if lifetime_kwh <= 0:
        raise ValueError("cycle_life, capacity_kwh and cycle_life_dod must be > 0")
    return battery_cost / lifetime_kwh


def capital_recovery_factor(rate: float, years: float) -> float:
    """``d / (1 - (1 + d)**-n)``; ``1/n`` at d = 0."""
    if rate == 0:
        return 1.0 / years
    return rate / (1.0 - (1.0 + rate) ** (-years))


@dataclass(frozen=True)
class KemptonTomicYear:
    energy_dispatched_kwh: float
    revenue: float
    wear_per_kwh: float
    energy_cost: float
    annualised_capital: float
    net: float


def kempton_tomic_annual(*, power_kw: float, hours_plugged_per_year: float, capacity_price_per_kw_h: float,
                         dispatch_to_contract: float, energy_price_per_kwh: float,
                         purchase_price_per_kwh: float, round_trip_efficiency: float,
                         pack_kwh: float, pack_price_per_kwh: float, labour_cost: float,
                         cycle_life: float, cycle_life_dod: float, equipment_cost: float,
                         discount_rate: float, equipment_years: float) -> KemptonTomicYear:
    """Kempton & Tomić (2005) annualised regulation-market model (economics.md §1.1).

    ``E_disp = R_dc P t_plug`` (applied once; SATut's encoding applies R_dc
    twice), ``r = p_cap P t_plug + p_el E_disp``,
    ``c_en = E_disp (c_pe / eta + c_d)`` with ``c_d = c_bat / (L_c E_s DoD)``,
    ``c_bat = E_s c_es + labour``, ``c_ac = c_c CRF(d, n)``, ``net = r - c_en - c_ac``.
    """
    e_disp = dispatch_to_contract * power_kw * hours_plugged_per_year
    revenue = capacity_price_per_kw_h * power_kw * hours_plugged_per_year + energy_price_per_kwh * e_disp
    c_bat = pack_kwh * pack_price_per_kwh + labour_cost
    c_d = throughput_wear_per_kwh(c_bat, cycle_life, pack_kwh, cycle_life_dod)
    c_en = e_disp * (purchase_price_per_kwh / round_trip_efficiency + c_d)
    c_ac = equipment_cost * capital_recovery_factor(discount_rate, equipment_years)
    return KemptonTomicYear(e_disp, revenue, c_d, c_en, c_ac, revenue - c_en - c_ac)
