"""Battery ageing: calendar + rainflow cycle ageing of five validated cell models.

Semi-empirical, electrochemically informed models (Arrhenius temperature
dependence, Tafel dependence on the graphite potential, power laws in time
and equivalent full cycles, virtual-time integration), with coefficients from
published accelerated-ageing data as fitted by NREL BLAST-Lite.  See
``docs/ageing.md`` for the equations and rules and ``docs/validation.md`` for
the validation against BLAST-Lite.

Public API
----------
:class:`AgeingStepper`   chunk-by-chunk ageing state (lifetime simulation)
:func:`simulate_cell`    SoC/temperature series -> :class:`Trajectory`
:data:`CELLS`, :data:`CELL_IDS`, :func:`get_cell`, :class:`CellModel`
:data:`DEFAULT_PACK_FACTOR`  1.2 (BLAST-Lite README: pack life 20-30 % shorter than cell life)
:func:`ua_graphite_v`    Safari-Delacourt graphite potential
:func:`read_profile`, :class:`ProfileError`, :func:`write_trajectory_csv`  CSV I/O
:func:`warm_up`          compile / load the kernels
"""
from __future__ import annotations

from .cells import CELL_IDS, CELLS, DEFAULT_PACK_FACTOR, CellModel, get_cell
from .profile_io import ProfileError, read_profile, write_trajectory_csv

# The compiled parts (numba) are imported on first use, so that listing the cell models
# (e.g. building the CLI parser) stays cheap.
_LAZY = {"AgeingStepper": "stepper", "Trajectory": "stepper", "simulate_cell": "stepper",
         "SECONDS_PER_YEAR": "stepper", "ua_graphite_v": "ocp"}


def __getattr__(name):
    mod = _LAZY.get(name)
    if mod is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{mod}"), name)
    globals()[name] = value
    return value

__all__ = ["AgeingStepper", "Trajectory", "simulate_cell", "CELLS", "CELL_IDS", "CellModel",
           "get_cell", "DEFAULT_PACK_FACTOR", "ua_graphite_v", "ProfileError", "read_profile",
           "write_trajectory_csv", "SECONDS_PER_YEAR", "warm_up"]


def warm_up() -> None:
    """Compile (or load from cache) every ageing kernel on a tiny input, for every cell model."""
    import numpy as np

    from models import rainflow

    from .stepper import AgeingStepper

    rainflow.warm_up()
    t = np.arange(0.0, 3 * 86400.0 + 1, 3600.0)
    soc = 0.5 + 0.3 * np.sin(t / 86400.0 * 2 * np.pi)
    temp = np.full(t.shape, 25.0)
    for cid in CELL_IDS:
        for mode in ("physical", "blast"):
            st = AgeingStepper(cid, c_rate_mode=mode)
            st.advance(t, soc, temp)
