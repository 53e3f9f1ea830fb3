"""Graphite open-circuit potential (Safari & Delacourt 2011) as a function of SoC.

The calendar (SEI) ageing term of three cell models has a Tafel factor in the
graphite potential ``Ua`` versus Li/Li+: a lower anode potential (higher SoC)
drives faster solid-electrolyte-interphase growth.  ``Ua`` follows the
empirical fit of Safari & Delacourt [1]_ for graphite, evaluated at the
lithiation fraction ``x = 0.0085 + SoC * (0.78 - 0.0085)`` (a generic anode
stoichiometry window, as in NREL BLAST-Lite [2]_, after Schimpe et al. [3]_).

References
----------
.. [1] M. Safari, C. Delacourt, "Modeling of a commercial graphite/LiFePO4
   cell", J. Electrochem. Soc. 158 (2011) A562, doi:10.1149/1.3567007.
.. [2] P. Gasper, K. Smith et al., NREL BLAST-Lite 1.1.1 (BSD-3-Clause),
   ``BatteryDegradationModel._get_Ua`` (equation re-implemented here).
.. [3] M. Schimpe et al., J. Electrochem. Soc. 165 (2018) A181,
   doi:10.1149/2.1181714jes.
"""
from __future__ import annotations

import math

import numpy as np

from models._jit import njit

#: Lithiation fraction of graphite at SoC 0 and SoC 1 [-].
X_SOC0 = 0.0085
X_SOC1 = 0.78

__all__ = ["X_SOC0", "X_SOC1", "graphite_lithiation", "ua_graphite_v"]


@njit
def _ua_scalar(soc):
    x = X_SOC0 + soc * (X_SOC1 - X_SOC0)
    return (0.6379 + 0.5416 * math.exp(-305.5309 * x)
            + 0.044 * math.tanh(-(x - 0.1958) / 0.1088)
            - 0.1978 * math.tanh((x - 1.0571) / 0.0854)
            - 0.6875 * math.tanh((x + 0.0117) / 0.0529)
            - 0.0175 * math.tanh((x - 0.5692) / 0.0875))


def graphite_lithiation(soc):
    """Graphite lithiation fraction ``x`` [-] for a cell SoC [-] (linear map, see module doc)."""
    return X_SOC0 + np.asarray(soc, dtype=np.float64) * (X_SOC1 - X_SOC0)


def ua_graphite_v(soc):
    """Graphite open-circuit potential vs Li/Li+ [V] at cell state of charge ``soc``.

    Parameters
    ----------
    soc : float or array_like
        Cell state of charge as a fraction [-] (0..1; values outside are
        evaluated by the same formula).

    Returns
    -------
    float or ndarray
        ``Ua`` in volts: 0.684 V at SoC 0, 0.1233 V at 0.5, 0.086 V at 1.

    Notes
    -----
    ``Ua(x) = 0.6379 + 0.5416 exp(-305.5309 x) + 0.044 tanh(-(x - 0.1958)/0.1088)
    - 0.1978 tanh((x - 1.0571)/0.0854) - 0.6875 tanh((x + 0.0117)/0.0529)
    - 0.0175 tanh((x - 0.5692)/0.0875)`` with ``x`` from
    :func:`graphite_lithiation` (Safari & Delacourt 2011, eq. for graphite).
    """
    x = graphite_lithiation(soc)
    ua = (0.6379 + 0.5416 * np.exp(-305.5309 * x)
          + 0.044 * np.tanh(-(x - 0.1958) / 0.1088)
          - 0.1978 * np.tanh((x - 1.0571) / 0.0854)
          - 0.6875 * np.tanh((x + 0.0117) / 0.0529)
          - 0.0175 * np.tanh((x - 0.5692) / 0.0875))
    return float(ua) if np.ndim(ua) == 0 else ua
