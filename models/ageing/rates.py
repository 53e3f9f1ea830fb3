"""Degradation rate functions of the five cell models (scalar, compiled).

Every function takes temperatures in kelvin (``temp_k``), SoC and depth of
discharge (``dod``) as fractions [-] and C-rates in 1/h referenced to the
cell's *nominal* capacity, and returns the rate constant of one ageing law.
The laws and their units:

* power law ``loss = k * x**p`` with ``x`` = time in days (calendar) or
  equivalent full cycles (EFC, cycling); ``k`` has unit ``day**-p`` or
  ``EFC**-p``;
* ``lfp_gr_sony3ah`` calendar: sigmoid ``loss = 2 q1 (1/2 - 1/(1 + exp((q2 t)**q3)))``;
  cycling "power B" ``loss = (q5 * EFC)**q6``;
* ``nmc111_gr_kokam75ah`` LAM: sigmoid ``1 - 2 / (1 + exp((EFC / q5)**10))``.

The equations and coefficients are those of NREL BLAST-Lite 1.1.1 [1]_
(re-implemented from the published forms, BSD-3 attribution), which fitted
them to the ageing data cited per model in :mod:`models.ageing.cells`.  The
module-level docstrings of each function name the equation.  Test fixtures
(``tests/fixtures/ageing/blast_rates.json``) hold BLAST-Lite's own rates for
the same stresses; the functions agree to 1e-6 relative (``tests/test_ageing_rates.py``).

References
----------
.. [1] P. Gasper, K. Smith et al., BLAST-Lite 1.1.1, NREL, 2025,
   https://github.com/NREL/BLAST-Lite (BSD-3-Clause).
"""
from __future__ import annotations

import math

from models._jit import njit

# model codes used by the compiled kernels
KOKAM, DENSO, LFP250, NCA, SONY = 0, 1, 2, 3, 4
T_REF_KOKAM_K = 308.15          # 35 degC, temperature normalisation of the Kokam model
UA_REF_KOKAM_V = 0.123          # anode potential normalisation of the Kokam model [V]

# time / EFC exponents of the power laws (calendar p_cal, cycling p_cyc)
P_CAL = (0.357, 0.5, 0.526, 0.512, 0.0)      # SONY calendar is a sigmoid (exponent q3 varies)
P_CYC = (0.778, 0.5, 0.828, 0.699, 1.12847759334355)
# Kokam resistance exponents (calendar r2, cycling r4) and LAM sigmoid exponent
KOKAM_R1, KOKAM_R2, KOKAM_R3, KOKAM_R4, KOKAM_R5, KOKAM_R6 = 0.0570, 1.25, 4.87, 0.712, -0.08, 1.09
KOKAM_P_LAM = 10.0
SONY_Q2_PER_DAY = 0.000130510034211874


# --------------------------------------------------------------------- Kokam
@njit
def kokam_q1(temp_k, ua_v):
    """Kokam NMC111 calendar LLI rate ``q1`` [day**-0.357] (Arrhenius x Tafel in Ua).

    ``q1 = 2.66e7 exp(-17.8 / TN) exp(-5.21 (Ua / 0.123 V) / TN)``, ``TN = T / 308.15 K``
    (Smith et al. 2017 data, NREL refit).
    """
    tn = temp_k / T_REF_KOKAM_K
    return 2.66e7 * math.exp(-17.8 / tn) * math.exp(-5.21 * (ua_v / UA_REF_KOKAM_V) / tn)


@njit
def kokam_q3(temp_k, dod):
    """Kokam cycling LLI rate ``q3 = 3.80e3 exp(-18.4 / TN) exp(1.04 exp(DoD**2))`` [EFC**-0.778]."""
    tn = temp_k / T_REF_KOKAM_K
    return 3.80e3 * math.exp(-18.4 / tn) * math.exp(1.04 * math.exp(dod * dod))


@njit
def kokam_q5(temp_k, dod, soc_mean):
    """Kokam LAM knee location ``q5 = 1e4 + 153 (T_C - 55) DoD (SoC_mean / 0.6)`` [EFC]."""
    return 1e4 + 153.0 * (temp_k - 273.15 - 55.0) * dod * (soc_mean / 0.6)


# --------------------------------------------------------------------- DENSO
@njit
def _arrhenius_denso(temp_k, ea_j_mol):
    return math.exp(-(ea_j_mol / 8.3144) * (1.0 / temp_k - 1.0 / 298.15))


@njit
def denso_b1t(temp_k, soc):
    """DENSO NMC622 calendar rate ``b1t`` [day**-0.5] (Smith et al. 2021, polynomial in SoC).

    ``b1t = A(T, 37 kJ/mol) (-1.97e-4 + 1.01e-2 s - 1.57e-2 s**2 + 8.35e-3 s**3
    - 4.06e-6 s T + 3.32e-5 max(0, T - 328.15 K))`` with
    ``A(T, Ea) = exp(-(Ea / R)(1/T - 1/298.15 K))``.  Negative below about
    5 % SoC (the fit's capacity *gain*); callers clip it at zero.
    """
    s = soc
    return _arrhenius_denso(temp_k, 37000.0) * (
        -0.000197 + 0.0101 * s - 0.0157 * s * s + 0.00835 * s * s * s
        - 4.06e-6 * s * temp_k + 3.32e-5 * max(0.0, temp_k - 328.15))


@njit
def denso_b1n(temp_k, dod, c_rate, soc):
    """DENSO cycling multiplier ``b1N`` [-] of the calendar rate (Smith et al. 2021).

    ``b1N = max(0, 3.24 A(T, -58 kJ/mol) sqrt(DoD C) (1 + 2.1 s) - 0.099)
    + 1.44 A(T, -13 kJ/mol) DoD**6``; cycling loss ``0.985 b1t b1N EFC**0.5``.
    ``c_rate`` is the charging C-rate [1/h] (BLAST-Lite falls back to the
    whole-chunk C-rate for chunks without charging).
    """
    stress = math.sqrt(max(dod * c_rate, 0.0))
    return (max(0.0, 3.24 * _arrhenius_denso(temp_k, -58000.0) * stress * (1.0 + 2.1 * soc) - 0.099)
            + 1.44 * _arrhenius_denso(temp_k, -13000.0) * dod ** 6)


# --------------------------------------------------------------------- LFP 250 Ah
@njit
def lfp250_kcal(temp_k, ua_v):
    """LFP/Gr 250 Ah calendar rate ``8.37e4 exp(-5.21e3 K / T) exp(-3.56e3 K/V Ua / T)`` [day**-0.526].

    Gasper et al., J. Energy Storage 73 (2023) 109042 (Tables A.4/A.5).
    """
    return 8.37e4 * math.exp(-5.21e3 / temp_k) * math.exp(-3.56e3 * ua_v / temp_k)


@njit
def lfp250_kcyc(temp_k, dod, c_rate):
    """LFP/Gr 250 Ah cycling rate [EFC**-0.828] (Gasper et al. 2023).

    ``(4.38e-8 + 1.55e-8 DoD + 1.68e-7 h C) (exp(2.19e3 K / T) + exp(-1.55e5 K / T))``;
    falls with temperature below ~60 degC (learned inverse of the calendar term).
    """
    return (4.38e-8 + 1.55e-8 * dod + 1.68e-7 * c_rate) * (math.exp(2.19e3 / temp_k)
                                                             + math.exp(-1.55e5 / temp_k))


# --------------------------------------------------------------------- NCA Panasonic
@njit
def nca_kcal(temp_k, soc):
    """Panasonic NCR18650B calendar rate ``75.4 exp(-3.34e3 K / T) exp(353 K soc / T)`` [day**-0.512].

    Calendar data: Keil et al., J. Electrochem. Soc. 163 (2016) A1872; NREL fit.
    """
    return 75.4 * math.exp(-3.34e3 / temp_k) * math.exp(353.0 * soc / temp_k)


@njit
def nca_kcyc(temp_k, dod, c_rate):
    """Panasonic NCR18650B cycling rate [EFC**-0.699] (Preger et al. 2020 data, doi:10.1149/1945-7111/abae37).

    ``(1.86e-6 + 4.74e-11 h C + 1.77e-4 DoD) (exp(3.34e-11 K / T) + exp(-2.81e-9 K / T))``;
    the fitted temperature factor is ~2 (practically temperature independent).
    """
    return (1.86e-06 + 4.74e-11 * c_rate + 0.000177 * dod) * (math.exp(3.34e-11 / temp_k)
                                                              + math.exp(-2.81e-09 / temp_k))


# --------------------------------------------------------------------- Sony LFP
@njit
def sony_q1(temp_k, ua_v):
    """Sony-Murata LFP calendar asymptote ``q1`` [-] (Naumann et al. 2018 data, NREL refit).

    ``|0.98969 exp(-2.881068e6 sqrt(Ua) / T**2) exp(8742.06 sqrt(Ua) / T)|``.
    """
    su = math.sqrt(ua_v)
    return abs(0.989687151293590 * math.exp(-2881067.56019324 * su / (temp_k * temp_k))
               * math.exp(8742.06309157261 * su / temp_k))


@njit
def sony_q3(temp_k, ua_v):
    """Sony-Murata LFP calendar sigmoid exponent ``q3`` [-] (NREL refit of Naumann 2018)."""
    u3 = ua_v ** (1.0 / 3.0)
    u4 = ua_v ** 0.25
    return abs(0.000332850281062177
               * math.exp(734553185711.369 * u3 / temp_k ** 4)
               * math.exp(-2.82161575620780e-06 * temp_k ** 3 * u4)
               * math.exp(-3284991315.45121 * u3 / temp_k ** 3)
               * math.exp(0.00127227593657290 * temp_k ** 2 * u4))


@njit
def sony_q5(dod, c_rate):
    """Sony-Murata LFP cycling rate ``q5`` [1/EFC] of ``loss = (q5 EFC)**1.1285`` (Naumann 2020 data).

    ``|-6.8126e-6 + 2.5962e-5 DoD + 2.1156e-6 exp(DoD**2 C**3)|``; no temperature term.
    """
    return abs(-6.81260579372875e-06 + 2.59615973160844e-05 * dod
               + 2.11559710307295e-06 * math.exp(dod * dod * c_rate ** 3))


@njit
def sony_r_cal_temp(temp_k):
    """Sony-Murata LFP calendar resistance growth temperature factor [1/s] (Naumann et al. 2018)."""
    return 3.4194e-10 * math.exp((-71827.0 / 8.3144) * (1.0 / temp_k - 1.0 / 298.15))


@njit
def sony_r_cal_soc(soc):
    """Sony-Murata LFP calendar resistance growth SoC factor ``-3.3903 (s - 0.5)**3 + 1.5604`` [-]."""
    return -3.3903 * (soc - 0.5) ** 3 + 1.5604


@njit
def sony_r_cyc(dod, c_rate):
    """Sony-Murata LFP cycling resistance growth [%/EFC]: ``(-0.002 C + 0.0021)(6.8477 (DoD - 0.5)**3 + 0.91882)``."""
    return (-0.002 * c_rate + 0.0021) * (6.8477 * (dod - 0.5) ** 3 + 0.91882)
