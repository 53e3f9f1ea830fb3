"""Lifetime energy simulation: driving, charging, V2G / V2H / PV dispatch, fade feedback.

Public API (see ``docs/energy.md``)::

    from models.energy import simulate_energy
    res = simulate_energy(scenario)            # EnergyResult
    res.yearly_columns()                        # results-contract yearly columns (years 0..N)
    res.typical_days, res.cycle_map             # results-contract day view and cycle map
    res.flows["v2g"], res.flows["baseline"], res.no_car   # household sums for the money stage
    res.timeline.import_price_per_kwh           # per-step price vectors (whole horizon)

``build_timeline(scenario)`` gives the calendar, profiles and prices alone;
the dispatcher interface (``Dispatcher``, ``RuleBasedDispatcher``) lets an
optimising dispatcher replace the rule-based one.
"""
from .dispatch import Dispatcher, DispatchState, RuleBasedDispatcher, StepFlows
from .lifetime import ENERGY_COLUMNS, FLOW_KEYS, NO_CAR_KEYS, EnergyResult, simulate_energy
from .timeline import Timeline, build_timeline

__all__ = ["simulate_energy", "EnergyResult", "build_timeline", "Timeline", "Dispatcher",
           "RuleBasedDispatcher", "DispatchState", "StepFlows", "ENERGY_COLUMNS", "FLOW_KEYS",
           "NO_CAR_KEYS"]
