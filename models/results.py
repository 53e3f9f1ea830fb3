"""The results contract: what :func:`models.simulate` returns.

``Result.to_dict()`` is the single source for the GUI, the CLI (``--json``)
and the Excel report.  A key that is not computed yet is **left out** (never
filled with a placeholder or a null that could be read as "never pays back");
``status`` says whether everything was computed ("complete") or not
("partial").  Documented in ``docs/results.md``.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from .messages import translate

STATUSES = ("complete", "partial")

#: Summary keys in display order.  Values: numbers, bool, str or None where
#: None has the documented meaning (e.g. payback: not within the horizon).
SUMMARY_KEYS = (
    "currency", "discount_rate", "horizon_years", "npv", "irr", "simple_payback_years",
    "discounted_payback_years", "total_net", "soh_end", "soh_end_baseline", "soh_at_warranty",
    "soh_at_warranty_baseline", "warranty_ok", "wear_method", "wear_cost_total",
    "revenue_per_kwh_discharged", "wear_cost_per_kwh_discharged", "breakeven_spread_per_kwh",
    "remaining_capacity_kwh_end", "remaining_range_km_end", "unmet_driving_kwh_total",
)

#: Summary keys whose None means something (documented) rather than "missing": irr = no unique rate
#: of return; paybacks = not within the horizon; per-kWh figures = the car discharged nothing.
NULLABLE_SUMMARY_KEYS = ("irr", "simple_payback_years", "discounted_payback_years",
                         "revenue_per_kwh_discharged", "wear_cost_per_kwh_discharged", "breakeven_spread_per_kwh")

#: Yearly columns (rows for years 0..N; row 0 = purchase).
YEARLY_COLUMNS = (
    "year", "soh", "soh_low", "soh_high", "soh_baseline", "efc", "efc_baseline",
    "energy_charged_kwh", "energy_charged_grid_kwh", "energy_charged_pv_kwh", "energy_driven_kwh",
    "energy_exported_kwh", "energy_to_home_kwh", "losses_kwh", "soc_change_kwh", "unmet_driving_kwh",
    "revenue", "savings", "charging_cost", "wear_cost", "wear_cost_marginal", "wear_cost_throughput",
    "wear_cost_eol_shift", "capex", "other_costs", "net_cash_flow", "cumulative_cash_flow",
)

#: Step series in each typical day (besides ``time_h``).
TYPICAL_DAY_SERIES = ("soc", "battery_kw", "grid_kw", "home_kw", "pv_kw", "price", "export_kw", "load_kw",
                      "drive_kw", "plugged", "export_price")


@dataclass
class Result:
    """Outcome of one simulation (see module docstring)."""

    status: str = "partial"
    warnings: list[str] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)
    #: column name -> list of N + 1 values (year 0..N); only computed columns present
    yearly: dict[str, list] = field(default_factory=dict)
    #: "<season>_<daytype>" -> {"time_h": [...], "soc": [...], ...}
    typical_days: dict[str, dict[str, list]] = field(default_factory=dict)
    #: {"depth_edges": [...], "mean_edges": [...], "v2g": [[...]], "baseline": [[...]], "years": N,
    #:  "efc_total": x, "efc_total_baseline": x, "cycles_total": x, "cycles_total_baseline": x}
    cycle_map: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self):
        check_result(self)

    def to_dict(self) -> dict:
        """JSON-ready dict; ``yearly`` as a list of row dicts (year 0..N)."""
        out: dict[str, Any] = {"status": self.status, "warnings": [str(w) for w in self.warnings],
                               "warnings_ja": [translate(w, "ja") for w in self.warnings],
                               "summary": {k: _plain(self.summary[k]) for k in SUMMARY_KEYS
                                           if k in self.summary}}
        if self.yearly:
            cols = [c for c in YEARLY_COLUMNS if c in self.yearly]
            n = len(self.yearly[cols[0]])
            out["yearly"] = [{c: _plain(self.yearly[c][i]) for c in cols} for i in range(n)]
        if self.typical_days:
            out["typical_days"] = {k: {s: [_plain(x) for x in v] for s, v in d.items()}
                                   for k, d in self.typical_days.items()}
        if self.cycle_map:
            out["cycle_map"] = {k: _plain_nested(v) for k, v in self.cycle_map.items()}
        return out


def _plain(x):
    if type(x) is float:                 # the common case (about 10,000 per result), first
        return x if math.isfinite(x) else None
    if x is None or isinstance(x, (bool, str)):
        return x
    if isinstance(x, int):
        return x
    try:
        f = float(x)
    except (TypeError, ValueError):
        return x
    if hasattr(x, "dtype") and x.dtype.kind in "iu":
        return int(x)
    if hasattr(x, "dtype") and x.dtype.kind == "b":
        return bool(x)
    return f if math.isfinite(f) else None


def _plain_nested(v):
    if isinstance(v, (list, tuple)):
        return [_plain_nested(x) for x in v]
    if hasattr(v, "tolist"):
        return _plain_nested(v.tolist())
    return _plain(v)


def check_result(r: Result) -> None:
    """Raise ``ValueError`` if ``r`` breaks the contract (unknown keys, ragged columns)."""
    if r.status not in STATUSES:
        raise ValueError(f"status must be one of {STATUSES}, got {r.status!r}")
    unknown = set(r.summary) - set(SUMMARY_KEYS)
    if unknown:
        raise ValueError(f"unknown summary keys: {sorted(unknown)}")
    for k, v in r.summary.items():
        if v is None and k not in NULLABLE_SUMMARY_KEYS:
            raise ValueError(f"summary[{k!r}] is None: leave a key out when it is not computed")
    unknown = set(r.yearly) - set(YEARLY_COLUMNS)
    if unknown:
        raise ValueError(f"unknown yearly columns: {sorted(unknown)}")
    lengths = {len(v) for v in r.yearly.values()}
    if len(lengths) > 1:
        raise ValueError(f"yearly columns have different lengths: {sorted(lengths)}")
    if r.status == "complete":
        missing = [k for k in SUMMARY_KEYS if k not in r.summary]
        missing += [c for c in YEARLY_COLUMNS if c not in r.yearly]
        if missing:
            raise ValueError(f"status 'complete' but missing: {missing}")
    for w in r.warnings:
        if not isinstance(w, str):
            raise ValueError("warnings must be plain strings")
