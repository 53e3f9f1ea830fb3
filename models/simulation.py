"""Top-level pipeline: scenario -> energy + ageing -> money -> :class:`Result`.

Each stage fills only what it computes; a key a stage could not compute is
left out and the result is ``status="partial"`` (results contract,
``docs/results.md``).
"""
from __future__ import annotations

import collections
import hashlib
import io
import pickle
import threading

import numpy as np

from .paths import env_switch
from .results import SUMMARY_KEYS, YEARLY_COLUMNS, Result
from .scenario import Scenario

#: Fields the energy and ageing simulation never reads (money, warranty, names): an edit of only
#: these reuses the energy result of the same scenario (checked by tests/test_simulation_cache.py,
#: which changes each of them and compares with a fresh simulation).
MONEY_ONLY_FIELDS = {
    "": ("name", "notes"),
    "vehicle": ("preset_id", "name", "pack_replacement_cost", "warranty_years", "warranty_km", "warranty_soh",
                "eol_soh", "cycle_life", "cycle_life_dod"),
    "charger": ("preset_id", "name", "price", "installation", "subsidy", "subsidy_preset_id", "lifetime_years",
                "om_per_year", "plain_charger_price", "incremental_cost"),
    "tariff": ("preset_id", "name", "source", "as_of", "confidence", "availability_per_kw_year",
               "availability_per_kw_hour", "event_payment_per_kwh", "event_hours_per_year", "event_window",
               "event_months", "fixed_payment_per_year"),
    "finance": ("discount_rate", "wear_method"),
}
ENERGY_CACHE_SIZE = 4    # the scenario on screen and up to three compared variants
_energy_cache: collections.OrderedDict = collections.OrderedDict()
_energy_lock = threading.Lock()


def energy_key(scenario: Scenario) -> str:
    """Digest of everything the energy simulation reads (the scenario without :data:`MONEY_ONLY_FIELDS`).

    The sections are copied shallowly and pickled without a memo (``Pickler.fast``), so the
    digest depends on the contents only, not on which objects happen to be shared, and a long
    embedded price series is hashed as it is instead of being deep-copied value by value
    (``dataclasses.asdict`` took ~0.35 s for 175,200 values).
    """
    d = dict(vars(scenario))
    for group, names in MONEY_ONLY_FIELDS.items():
        if group:
            d[group] = dict(vars(d[group]))
        node = d[group] if group else d
        for name in names:
            node.pop(name, None)
    buf = io.BytesIO()
    pickler = pickle.Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True   # no memo: equal contents give equal bytes, shared or not
    pickler.dump(d)
    return hashlib.blake2b(buf.getbuffer(), digest_size=20).hexdigest()


def _cached_energy(scenario: Scenario):
    from .energy import simulate_energy

    if not env_switch("V2G_ENERGY_CACHE"):
        return simulate_energy(scenario)
    key = energy_key(scenario)
    with _energy_lock:
        hit = _energy_cache.get(key)
        if hit is not None:
            _energy_cache.move_to_end(key)
            return hit
    energy = simulate_energy(scenario)
    with _energy_lock:
        _energy_cache[key] = energy
        _energy_cache.move_to_end(key)
        while len(_energy_cache) > ENERGY_CACHE_SIZE:
            _energy_cache.popitem(last=False)
    return energy


def clear_energy_cache() -> None:
    with _energy_lock:
        _energy_cache.clear()


def simulate(scenario: Scenario, *, energy=None) -> Result:
    """Simulate ``scenario`` (already validated) and return the results contract.

    ``energy`` may pass a precomputed :class:`models.energy.EnergyResult`
    (benchmarks, tests); normally it is computed here, or reused from the last
    few simulations when only money fields changed (:data:`MONEY_ONLY_FIELDS`;
    ``V2G_ENERGY_CACHE=0`` turns that off).
    """
    if not isinstance(scenario, Scenario):
        raise TypeError("simulate() needs a models.scenario.Scenario; use models.scenario.load() first")
    from .economics import compute_money

    if energy is None:
        energy = _cached_energy(scenario)
    money = compute_money(scenario, energy)

    summary = {
        "currency": scenario.currency,
        "discount_rate": scenario.finance.discount_rate,
        "horizon_years": scenario.horizon_years,
        "wear_method": scenario.finance.wear_method,
    }
    summary.update(money.summary)
    yearly = {k: np.asarray(v) for k, v in energy.yearly_columns().items()}
    yearly.update({k: np.asarray(v) for k, v in money.yearly.items()})
    yearly = {k: yearly[k] for k in YEARLY_COLUMNS if k in yearly}
    warnings = list(dict.fromkeys([*energy.warnings, *money.warnings]))
    complete = all(k in summary for k in SUMMARY_KEYS) and all(c in yearly for c in YEARLY_COLUMNS)
    return Result(status="complete" if complete else "partial", warnings=warnings, summary=summary,
                  yearly={k: v.tolist() for k, v in yearly.items()},
                  typical_days={k: {s: np.asarray(a).tolist() for s, a in d.items()}
                                for k, d in energy.typical_days.items()},
                  cycle_map={k: (np.asarray(v).tolist() if hasattr(v, "__len__") else v)
                             for k, v in energy.cycle_map.items()})
