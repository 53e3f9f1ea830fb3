"""Top-level pipeline: scenario -> energy -> ageing -> money -> :class:`Result`.

Each stage fills only what it computes; until every stage exists the result
is ``status="partial"`` and the missing keys are left out (results contract).
"""
from __future__ import annotations

from .results import Result
from .scenario import Scenario


def simulate(scenario: Scenario) -> Result:
    """Simulate ``scenario`` (already validated) and return the results contract."""
    if not isinstance(scenario, Scenario):
        raise TypeError("simulate() needs a models.scenario.Scenario; use models.scenario.load() first")
    summary = {
        "currency": scenario.currency,
        "discount_rate": scenario.finance.discount_rate,
        "horizon_years": scenario.horizon_years,
        "wear_method": scenario.finance.wear_method,
    }
    warnings = ["Energy, battery ageing and money are not computed in this version yet: "
                "only the inputs are echoed."]
    return Result(status="partial", warnings=warnings, summary=summary)
