"""Top-level pipeline: scenario -> energy + ageing -> money -> :class:`Result`.

Each stage fills only what it computes; a key a stage could not compute is
left out and the result is ``status="partial"`` (results contract,
``docs/results.md``).
"""
from __future__ import annotations

import numpy as np

from .results import SUMMARY_KEYS, YEARLY_COLUMNS, Result
from .scenario import Scenario


def simulate(scenario: Scenario, *, energy=None) -> Result:
    """Simulate ``scenario`` (already validated) and return the results contract.

    ``energy`` may pass a precomputed :class:`models.energy.EnergyResult`
    (benchmarks, tests); normally it is computed here.
    """
    if not isinstance(scenario, Scenario):
        raise TypeError("simulate() needs a models.scenario.Scenario; use models.scenario.load() first")
    from .economics import compute_money
    from .energy import simulate_energy

    if energy is None:
        energy = simulate_energy(scenario)
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
