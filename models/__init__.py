"""V2G Calculator numerical core.

Pure Python / numpy / numba.  This package never imports Qt or :mod:`app`
(enforced by ``tests/test_no_qt_in_models.py``), so everything the GUI shows
can be computed headless through :func:`simulate` and the ``v2g-calc`` CLI.
"""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "simulate", "warm_up"]


def simulate(scenario, **kwargs):
    """Run a scenario and return a :class:`models.results.Result`.

    Imported lazily so that ``import models`` stays cheap (no numba start-up).
    """
    from .simulation import simulate as _simulate

    return _simulate(scenario, **kwargs)


def warm_up() -> float:
    """Compile (or load from the cache) every numba kernel and return the seconds it took.

    Rainflow, every cell model of the ageing stepper (both C-rate modes) and the energy
    engine (one simulation of the demo).  Run once at install time (``build/setup.sh``, the
    Windows installer) so that the first start of the app finds a warm cache.
    """
    import time

    t0 = time.perf_counter()
    from . import ageing, rainflow
    from .scenario import demo

    rainflow.warm_up()
    ageing.warm_up()
    simulate(demo())
    return time.perf_counter() - t0
