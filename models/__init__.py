"""V2G Calculator numerical core.

Pure Python / numpy / numba.  This package never imports Qt or :mod:`app`
(enforced by ``tests/test_no_qt_in_models.py``), so everything the GUI shows
can be computed headless through :func:`simulate` and the ``v2g-calc`` CLI.
"""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "simulate"]


def simulate(scenario, **kwargs):
    """Run a scenario and return a :class:`models.results.Result`.

    Imported lazily so that ``import models`` stays cheap (no numba start-up).
    """
    from .simulation import simulate as _simulate

    return _simulate(scenario, **kwargs)
