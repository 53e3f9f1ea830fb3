"""Compiled kernels of the ageing stepper (numba, ``nogil``).

Three passes per chunk, all linear in the data:

1. :func:`sweep` - one pass over the samples: per-day time integrals of the
   calendar rate "channels" (trapezoid rule, so the day's calendar rate is the
   *time average of the rate*), per-day stress statistics, and running sums
   (current-carrying time, SoC throughput, temperature x time) recorded at the
   sample indices that bound rainflow cycles.
2. :func:`apply_days` - the calendar state, day by day, in virtual time.
3. :func:`apply_cycles` - the cycling state, cycle by cycle, in virtual EFC.

Virtual time / virtual EFC: for a power law ``y = k x**p`` the exact
continuation at a new rate ``k`` is ``y_new = k ((y/k)**(1/p) + dx)**p``,
i.e. ``y**(1/p)`` accumulates ``k**(1/p) dx``.  The kernels therefore keep
``u = y**(1/p)`` (sums of ``k**(1/p) dx``) and report ``y = u**p``; for the
sigmoid laws they keep the equivalent "virtual" argument.
"""
from __future__ import annotations

import math

import numpy as np

from models._jit import njit

from . import rates as R

# ---- sweep carry-state layout (float64 vector) ------------------------------
HAS_PREV, T0, PREV_T, PREV_SOC, PREV_TK = 0, 1, 2, 3, 4
PREV_CH = 5                      # 5..8
CUR_DAY, DAY_DUR_S = 9, 10
DAY_ICH = 11                     # 11..14  integral of channel * dt_s
DAY_IT, DAY_ISOC, DAY_DSOC_CUR, DAY_CUR_H, DAY_CHG_DSOC, DAY_CHG_H = 15, 16, 17, 18, 19, 20
P_CUR_H, P_DSOC, P_TCUR, P_ALL_H, P_TALL = 21, 22, 23, 24, 25
TMIN_K, TMAX_K, MAX_CHG_C, MAX_DIS_C, GIDX_NEXT = 26, 27, 28, 29, 30
MAX_DAY_EFC, DAY_DSOC_ALL, SOC_MIN, SOC_MAX, TMIN_CUR_K, TMAX_CUR_K, DAY_TCUR = 31, 32, 33, 34, 35, 36, 37
NCS = 40

# ---- day rows -----------------------------------------------------------------
D_DAY, D_DUR_S, D_CH, D_TK, D_SOC, D_DSOC_CUR, D_CUR_H, D_CHG_DSOC, D_CHG_H, D_TCUR = 0, 1, 2, 6, 7, 8, 9, 10, 11, 12
NDF = 13

# ---- day statistics kept for the whole run (per day) ------------------------
S_TK, S_SOC, S_C, S_CCHG, S_TCUR, S_CCUR = 0, 1, 2, 3, 4, 5
NSF = 6

# ---- recorded running sums at cycle end points --------------------------------
N_CUR_H, N_DSOC, N_TCUR, N_ALL_H, N_TALL, N_DAY, N_TK = 0, 1, 2, 3, 4, 5, 6
NNF = 7

# ---- cycle records ----------------------------------------------------------------
C_RANGE, C_MEAN, C_COUNT, C_TK, C_RATE, C_DAY = 0, 1, 2, 3, 4, 5
NCF = 6

# ---- calendar state per band --------------------------------------------------------
K_U, K_UR, K_NEG = 0, 1, 2
NKF = 4

# ---- cycling accumulators per band ----------------------------------------------------
A_U, A_Z, A_UR, A_EFC, A_QDAY, A_QREF = 0, 1, 2, 3, 4, 5
NAF = 6

# The Kokam knee location q5 is linear in temperature and turns negative far below its data
# (below about -30 degC for real cycles); it is floored here (warning issued by the stepper).
KOKAM_Q5_FLOOR = 1000.0
CURRENT_THRESHOLD_PER_H = 0.01
# physical mode: steps whose SoC moves by more than this integrate the calendar rate with Simpson's rule
SIMPSON_MIN_DSOC = 0.005   # |dSoC/dt| below this is rest (as BLAST-Lite)
SECONDS_PER_DAY = 86400.0
# Kokam LAM state starts at 1e-8 in BLAST-Lite: virtual argument z0 with f(z0) = 1e-8
KOKAM_LAM_Y0 = 1e-8
KOKAM_Z0 = math.log((1.0 + KOKAM_LAM_Y0) / (1.0 - KOKAM_LAM_Y0)) ** (1.0 / R.KOKAM_P_LAM)


# ---- fast graphite-potential tables (cubic Hermite in SoC) --------------------------
UA_TABLE_N = 4096            # intervals over SoC 0..1 (max rel. error ~1e-9, tested)


def _ua_tables():
    """Hermite tables of Ua, sqrt(Ua), Ua**(1/3), Ua**(1/4) and their SoC derivatives."""
    soc = np.linspace(0.0, 1.0, UA_TABLE_N + 1)
    x = 0.0085 + soc * (0.78 - 0.0085)
    dx = 0.78 - 0.0085
    ua = (0.6379 + 0.5416 * np.exp(-305.5309 * x) + 0.044 * np.tanh(-(x - 0.1958) / 0.1088)
          - 0.1978 * np.tanh((x - 1.0571) / 0.0854) - 0.6875 * np.tanh((x + 0.0117) / 0.0529)
          - 0.0175 * np.tanh((x - 0.5692) / 0.0875))

    def sech2(z):
        return 1.0 / np.cosh(z) ** 2

    dua = dx * (0.5416 * -305.5309 * np.exp(-305.5309 * x)
                - 0.044 / 0.1088 * sech2(-(x - 0.1958) / 0.1088)
                - 0.1978 / 0.0854 * sech2((x - 1.0571) / 0.0854)
                - 0.6875 / 0.0529 * sech2((x + 0.0117) / 0.0529)
                - 0.0175 / 0.0875 * sech2((x - 0.5692) / 0.0875))
    tab = np.empty((8, UA_TABLE_N + 1))
    for j, a in enumerate((1.0, 0.5, 1.0 / 3.0, 0.25)):
        tab[2 * j] = ua ** a
        tab[2 * j + 1] = a * ua ** (a - 1.0) * dua
    return tab


UA_TAB = _ua_tables()

# Sony calendar resistance temperature factor exp(-(71827/R)(1/T - 1/298.15)) tabulated over
# -100..200 degC (the stepper rejects temperatures outside), 0.1 K nodes, cubic Hermite.
RT_T0_K, RT_T1_K, RT_N = 173.15, 473.15, 3000


def _rt_table():
    tk = np.linspace(RT_T0_K, RT_T1_K, RT_N + 1)
    a = 71827.0 / 8.3144
    f = 3.4194e-10 * np.exp(-a * (1.0 / tk - 1.0 / 298.15))
    tab = np.empty((2, RT_N + 1))
    tab[0] = f
    tab[1] = f * a / tk ** 2 * (RT_T1_K - RT_T0_K)      # d/dx with x = (T - T0) / (T1 - T0)
    return tab


RT_TAB = _rt_table()


@njit(inline="always")
def _herm_n(tab, x, n):
    """Cubic Hermite on ``n`` equal intervals of [0, 1] (rows: value, d/dx); clamped outside."""
    if x <= 0.0:
        return tab[0, 0]
    if x >= 1.0:
        return tab[0, n]
    f = x * n
    i = int(f)
    if i >= n:
        i = n - 1
    u = f - i
    u2 = u * u
    u3 = u2 * u
    h = 1.0 / n
    return ((2.0 * u3 - 3.0 * u2 + 1.0) * tab[0, i] + (u3 - 2.0 * u2 + u) * h * tab[1, i]
            + (-2.0 * u3 + 3.0 * u2) * tab[0, i + 1] + (u3 - u2) * h * tab[1, i + 1])


@njit(inline="always")
def _herm(tab, row, soc):
    """Cubic Hermite interpolation of table ``row`` (value, derivative rows) at ``soc``."""
    if soc <= 0.0:
        return tab[row, 0] + tab[row + 1, 0] * soc
    if soc >= 1.0:
        return tab[row, UA_TABLE_N] + tab[row + 1, UA_TABLE_N] * (soc - 1.0)
    h = 1.0 / UA_TABLE_N
    f = soc * UA_TABLE_N
    i = int(f)
    if i >= UA_TABLE_N:
        i = UA_TABLE_N - 1
    u = f - i
    u2 = u * u
    u3 = u2 * u
    return ((2.0 * u3 - 3.0 * u2 + 1.0) * tab[row, i] + (u3 - 2.0 * u2 + u) * h * tab[row + 1, i]
            + (-2.0 * u3 + 3.0 * u2) * tab[row, i + 1] + (u3 - u2) * h * tab[row + 1, i + 1])


@njit(inline="always")
def _channels(model, tab, tk, soc):
    """Calendar rate channels at one sample (time-averaged per day); same values as :mod:`.rates`."""
    if model == R.KOKAM:
        tn = tk / R.T_REF_KOKAM_K
        ua = _herm(tab, 0, soc)
        return 2.66e7 * math.exp((-17.8 - 5.21 * ua / R.UA_REF_KOKAM_V) / tn), 0.0, 0.0, 0.0
    elif model == R.DENSO:
        return R.denso_b1t(tk, soc), 0.0, 0.0, 0.0
    elif model == R.LFP250:
        ua = _herm(tab, 0, soc)
        return 8.37e4 * math.exp((-5.21e3 - 3.56e3 * ua) / tk), 0.0, 0.0, 0.0
    elif model == R.NCA:
        return 75.4 * math.exp((-3.34e3 + 353.0 * soc) / tk), 0.0, 0.0, 0.0
    else:
        su = _herm(tab, 2, soc)
        u3 = _herm(tab, 4, soc)
        u4 = _herm(tab, 6, soc)
        it = 1.0 / tk
        it2 = it * it
        q1 = 0.989687151293590 * math.exp(su * (-2881067.56019324 * it2 + 8742.06309157261 * it))
        t2 = tk * tk
        q3 = 0.000332850281062177 * math.exp(u3 * (734553185711.369 * it2 * it2 - 3284991315.45121 * it2 * it)
                                             + u4 * (-2.82161575620780e-06 * t2 * tk + 0.00127227593657290 * t2))
        r_t = _herm_n(RT_TAB, (tk - RT_T0_K) * (1.0 / (RT_T1_K - RT_T0_K)), RT_N)
        return q1, q3, r_t, R.sony_r_cal_soc(soc)


@njit
def first_bad_input(t, soc, temp_c):
    """Checks of ``AgeingStepper.advance`` in one pass: ``(code, sample, clip)``.

    ``code`` is 0 when the chunk is fine, else the first problem by kind: 1 a
    non-finite value, 2 time not strictly increasing, 3 SoC outside [0, 1]
    (1e-9 rounding allowed), 4 a temperature outside (-100, 200) degC;
    ``sample`` is the first sample with that problem (-1 when none).
    ``clip`` is True when some SoC lies outside [0, 1] (rounding noise to clip).
    """
    n = t.shape[0]
    first = np.full(5, -1, dtype=np.int64)
    clip = False
    for i in range(n):
        ti = t[i]
        si = soc[i]
        ci = temp_c[i]
        if not (math.isfinite(ti) and math.isfinite(si) and math.isfinite(ci)):
            if first[1] < 0:
                first[1] = i
            continue
        if i > 0 and not ti > t[i - 1] and first[2] < 0:
            first[2] = i
        if si < 0.0 or si > 1.0:
            clip = True
            if (si < -1e-9 or si > 1.0 + 1e-9) and first[3] < 0:
                first[3] = i
        if (ci <= -100.0 or ci >= 200.0) and first[4] < 0:
            first[4] = i
    for code in range(1, 5):
        if first[code] >= 0:
            return code, first[code], clip
    return 0, -1, clip


@njit
def mark_needed(ends, g0, n, pos):
    """``pos[i] = rank`` of chunk sample ``i`` among the end points ``ends`` (global) in the chunk, else -1."""
    for i in range(n):
        pos[i] = -1
    for j in range(ends.shape[0]):
        g = ends[j] - g0
        if g >= 0 and g < n:
            pos[g] = 0
    m = 0
    for i in range(n):
        if pos[i] == 0:
            pos[i] = m
            m += 1
    return m


@njit
def sweep(model, tab, t, soc, temp_c, cs, pos, nout, days, simpson):
    """One pass over a chunk.  Returns the number of completed days written to ``days``.

    ``pos[i] >= 0`` marks chunk samples at which the running sums are recorded
    into ``nout[pos[i]]``.  Each interval ``[t_i, t_i+1]`` belongs to the day
    of ``t_i`` (days counted from the first sample ever, ``cs[T0]``); a day is
    written when an interval of a later day starts.
    """
    n = t.shape[0]
    nd = 0
    start = 0
    if cs[HAS_PREV] == 0.0:
        tk = temp_c[0] + 273.15
        c0, c1, c2, c3 = _channels(model, tab, tk, soc[0])
        cs[HAS_PREV] = 1.0
        cs[T0] = t[0]
        cs[PREV_T] = t[0]
        cs[PREV_SOC] = soc[0]
        cs[PREV_TK] = tk
        cs[PREV_CH] = c0
        cs[PREV_CH + 1] = c1
        cs[PREV_CH + 2] = c2
        cs[PREV_CH + 3] = c3
        cs[CUR_DAY] = 0.0
        cs[TMIN_K] = tk
        cs[TMAX_K] = tk
        cs[SOC_MIN] = soc[0]
        cs[SOC_MAX] = soc[0]
        cs[TMIN_CUR_K] = 1e300
        cs[TMAX_CUR_K] = -1e300
        if pos[0] >= 0:
            k = pos[0]
            for j in range(5):
                nout[k, j] = 0.0
            nout[k, N_DAY] = 0.0
            nout[k, N_TK] = tk
        start = 1
    t0 = cs[T0]
    pt = cs[PREV_T]
    ps = cs[PREV_SOC]
    ptk = cs[PREV_TK]
    p0 = cs[PREV_CH]
    p1 = cs[PREV_CH + 1]
    p2 = cs[PREV_CH + 2]
    p3 = cs[PREV_CH + 3]
    cur_day = cs[CUR_DAY]
    # day accumulators
    d_dur = cs[DAY_DUR_S]
    i0 = cs[DAY_ICH]
    i1 = cs[DAY_ICH + 1]
    i2 = cs[DAY_ICH + 2]
    i3 = cs[DAY_ICH + 3]
    d_it = cs[DAY_IT]
    d_isoc = cs[DAY_ISOC]
    d_dcur = cs[DAY_DSOC_CUR]
    d_curh = cs[DAY_CUR_H]
    d_chg = cs[DAY_CHG_DSOC]
    d_chgh = cs[DAY_CHG_H]
    d_all = cs[DAY_DSOC_ALL]
    d_tcur = cs[DAY_TCUR]
    # running sums
    r_curh = cs[P_CUR_H]
    r_dsoc = cs[P_DSOC]
    r_tcur = cs[P_TCUR]
    r_allh = cs[P_ALL_H]
    r_tall = cs[P_TALL]
    tmin = cs[TMIN_K]
    tmax = cs[TMAX_K]
    tcmin = cs[TMIN_CUR_K]
    tcmax = cs[TMAX_CUR_K]
    smin = cs[SOC_MIN]
    smax = cs[SOC_MAX]
    mchg = cs[MAX_CHG_C]
    mdis = cs[MAX_DIS_C]
    mday = cs[MAX_DAY_EFC]
    next_day_t = t0 + (cur_day + 1.0) * SECONDS_PER_DAY
    for i in range(start, n):
        ti = t[i]
        si = soc[i]
        tk = temp_c[i] + 273.15
        c0, c1, c2, c3 = _channels(model, tab, tk, si)
        dt = ti - pt
        if pt >= next_day_t:
            day = math.floor((pt - t0) / SECONDS_PER_DAY)
            if day > cur_day:
                if d_dur > 0.0:
                    days[nd, D_DAY] = cur_day
                    days[nd, D_DUR_S] = d_dur
                    days[nd, D_CH] = i0 / d_dur
                    days[nd, D_CH + 1] = i1 / d_dur
                    days[nd, D_CH + 2] = i2 / d_dur
                    days[nd, D_CH + 3] = i3 / d_dur
                    days[nd, D_TK] = d_it / d_dur
                    days[nd, D_SOC] = d_isoc / d_dur
                    days[nd, D_DSOC_CUR] = d_dcur
                    days[nd, D_CUR_H] = d_curh
                    days[nd, D_CHG_DSOC] = d_chg
                    days[nd, D_CHG_H] = d_chgh
                    days[nd, D_TCUR] = d_tcur
                    e = 0.5 * d_all / (d_dur / SECONDS_PER_DAY)
                    if e > mday:
                        mday = e
                    nd += 1
                d_dur = 0.0
                i0 = 0.0
                i1 = 0.0
                i2 = 0.0
                i3 = 0.0
                d_it = 0.0
                d_isoc = 0.0
                d_dcur = 0.0
                d_curh = 0.0
                d_chg = 0.0
                d_chgh = 0.0
                d_all = 0.0
                d_tcur = 0.0
                cur_day = day
            next_day_t = t0 + (cur_day + 1.0) * SECONDS_PER_DAY
        dt_h = dt * (1.0 / 3600.0)
        d_dur += dt
        tm = 0.5 * (ptk + tk)
        ds = si - ps
        ads = abs(ds)
        if simpson and ads > SIMPSON_MIN_DSOC:
            # SoC moves: Simpson's rule with the mid-point (linear SoC and T within the step)
            m0, m1, m2, m3 = _channels(model, tab, tm, 0.5 * (ps + si))
            w = dt / 6.0
            i0 += (p0 + 4.0 * m0 + c0) * w
            i1 += (p1 + 4.0 * m1 + c1) * w
            i2 += (p2 + 4.0 * m2 + c2) * w
            i3 += (p3 + 4.0 * m3 + c3) * w
        else:
            i0 += 0.5 * (p0 + c0) * dt
            i1 += 0.5 * (p1 + c1) * dt
            i2 += 0.5 * (p2 + c2) * dt
            i3 += 0.5 * (p3 + c3) * dt
        d_it += tm * dt
        d_isoc += 0.5 * (ps + si) * dt
        d_all += ads
        r_allh += dt_h
        r_tall += tm * dt_h
        if ads >= CURRENT_THRESHOLD_PER_H * dt_h:
            rate = ads / dt_h
            d_dcur += ads
            d_curh += dt_h
            d_tcur += tm * dt_h
            r_curh += dt_h
            r_dsoc += ads
            r_tcur += tm * dt_h
            if tm < tcmin:
                tcmin = tm
            if tm > tcmax:
                tcmax = tm
            if ds > 0.0:
                d_chg += ds
                d_chgh += dt_h
                if rate > mchg:
                    mchg = rate
            elif rate > mdis:
                mdis = rate
        if tk < tmin:
            tmin = tk
        if tk > tmax:
            tmax = tk
        if si < smin:
            smin = si
        if si > smax:
            smax = si
        k = pos[i]
        if k >= 0:
            nout[k, N_CUR_H] = r_curh
            nout[k, N_DSOC] = r_dsoc
            nout[k, N_TCUR] = r_tcur
            nout[k, N_ALL_H] = r_allh
            nout[k, N_TALL] = r_tall
            nout[k, N_DAY] = cur_day
            nout[k, N_TK] = tk
        pt = ti
        ps = si
        ptk = tk
        p0 = c0
        p1 = c1
        p2 = c2
        p3 = c3
    cs[PREV_T] = pt
    cs[PREV_SOC] = ps
    cs[PREV_TK] = ptk
    cs[PREV_CH] = p0
    cs[PREV_CH + 1] = p1
    cs[PREV_CH + 2] = p2
    cs[PREV_CH + 3] = p3
    cs[CUR_DAY] = cur_day
    cs[DAY_DUR_S] = d_dur
    cs[DAY_ICH] = i0
    cs[DAY_ICH + 1] = i1
    cs[DAY_ICH + 2] = i2
    cs[DAY_ICH + 3] = i3
    cs[DAY_IT] = d_it
    cs[DAY_ISOC] = d_isoc
    cs[DAY_DSOC_CUR] = d_dcur
    cs[DAY_CUR_H] = d_curh
    cs[DAY_CHG_DSOC] = d_chg
    cs[DAY_CHG_H] = d_chgh
    cs[DAY_DSOC_ALL] = d_all
    cs[DAY_TCUR] = d_tcur
    cs[P_CUR_H] = r_curh
    cs[P_DSOC] = r_dsoc
    cs[P_TCUR] = r_tcur
    cs[P_ALL_H] = r_allh
    cs[P_TALL] = r_tall
    cs[TMIN_K] = tmin
    cs[TMAX_K] = tmax
    cs[TMIN_CUR_K] = tcmin
    cs[TMAX_CUR_K] = tcmax
    cs[SOC_MIN] = smin
    cs[SOC_MAX] = smax
    cs[MAX_CHG_C] = mchg
    cs[MAX_DIS_C] = mdis
    cs[MAX_DAY_EFC] = mday
    cs[GIDX_NEXT] = cs[GIDX_NEXT] + n
    return nd


@njit
def partial_day(cs, row):
    """Write the current (incomplete) day into ``row`` (a day row); returns its duration [s]."""
    dur = cs[DAY_DUR_S]
    row[D_DAY] = cs[CUR_DAY]
    row[D_DUR_S] = dur
    if dur > 0.0:
        for j in range(4):
            row[D_CH + j] = cs[DAY_ICH + j] / dur
        row[D_TK] = cs[DAY_IT] / dur
        row[D_SOC] = cs[DAY_ISOC] / dur
    else:
        for j in range(4):
            row[D_CH + j] = cs[PREV_CH + j]
        row[D_TK] = cs[PREV_TK]
        row[D_SOC] = cs[PREV_SOC]
    row[D_DSOC_CUR] = cs[DAY_DSOC_CUR]
    row[D_CUR_H] = cs[DAY_CUR_H]
    row[D_CHG_DSOC] = cs[DAY_CHG_DSOC]
    row[D_CHG_H] = cs[DAY_CHG_H]
    row[D_TCUR] = cs[DAY_TCUR]
    return dur


@njit
def day_stats_row(days, k, out):
    """Per-day stress statistics kept for cycles stamped on that day."""
    dur_h = days[k, D_DUR_S] / 3600.0
    out[S_TK] = days[k, D_TK]
    out[S_SOC] = days[k, D_SOC]
    out[S_C] = days[k, D_DSOC_CUR] / dur_h if dur_h > 0.0 else 0.0
    out[S_CCHG] = days[k, D_CHG_DSOC] / days[k, D_CHG_H] if days[k, D_CHG_H] > 0.0 else 0.0
    cur_h = days[k, D_CUR_H]
    out[S_TCUR] = days[k, D_TCUR] / cur_h if cur_h > 0.0 else 0.0
    out[S_CCUR] = days[k, D_DSOC_CUR] / cur_h if cur_h > 0.0 else 0.0


# ------------------------------------------------------------------ calendar state
@njit
def cal_loss(model, kst):
    """Nominal calendar loss [-] of one band's calendar state."""
    u = kst[K_U]
    if model == R.SONY:
        return u
    if u <= 0.0:
        return 0.0
    return u ** R.P_CAL[model]


@njit
def cal_res(model, kst):
    """Nominal calendar resistance growth [-] (Kokam, Sony), else 0."""
    if model == R.KOKAM:
        return kst[K_UR] ** R.KOKAM_R2 if kst[K_UR] > 0.0 else 0.0
    if model == R.SONY:
        return kst[K_UR]
    return 0.0


@njit
def _sigmoid(y_inf, k, p, x):
    return 2.0 * y_inf * (0.5 - 1.0 / (1.0 + math.exp((k * x) ** p)))


@njit
def step_day(model, kst, ch0, ch1, ch2, ch3, dur_s):
    """Advance one band's calendar state by one day with day-averaged channels."""
    dt_d = dur_s / SECONDS_PER_DAY
    if dt_d <= 0.0:
        return
    if model == R.KOKAM:
        k = ch0
        kst[K_U] += k ** (1.0 / R.P_CAL[0]) * dt_d
        kst[K_UR] += (R.KOKAM_R1 * k) ** (1.0 / R.KOKAM_R2) * dt_d
    elif model == R.DENSO:
        k = ch0
        if k < 0.0:
            kst[K_NEG] += 1.0
            k = 0.0
        kst[K_U] += k * k * dt_d
    elif model == R.LFP250:
        kst[K_U] += ch0 ** (1.0 / R.P_CAL[2]) * dt_d
    elif model == R.NCA:
        kst[K_U] += ch0 ** (1.0 / R.P_CAL[3]) * dt_d
    else:
        y = kst[K_U]
        y_inf = ch0
        p = ch1
        k = R.SONY_Q2_PER_DAY
        if y <= 0.0:
            kst[K_U] = _sigmoid(y_inf, k, p, dt_d)
        elif y < y_inf:
            x_inv = (1.0 / k) * math.log((y_inf + y) / (y_inf - y)) ** (1.0 / p)
            kst[K_U] = _sigmoid(y_inf, k, p, x_inv + dt_d)
        # y >= y_inf: the asymptote of today's conditions is already reached: no change
        kst[K_UR] += ch2 * ch3 * dur_s


@njit
def step_partial_day(model, kst, ch0, ch1, ch2, ch3, dur_s):
    """Provisional calendar step for the incomplete day (reported values only).

    Power laws: the day's increment of ``u = y**(1/p)`` is ``(I / D)**(1/p) D``
    with ``I`` the day's integral of the rate and ``D`` its duration; for the
    incomplete day the final ``D`` is not known yet, so ``D = max(1 day, elapsed)``
    is used: ``u += I**(1/p) D**(1 - 1/p)``.  This grows monotonically while the
    day fills and equals the committed step once a 24-hour day is complete
    (using the elapsed time instead could *fall* when the rate drops late in
    the day).  Sony's sigmoid uses the ordinary step.
    """
    if model == R.SONY:
        step_day(model, kst, ch0, ch1, ch2, ch3, dur_s)
        return
    tau_d = dur_s / SECONDS_PER_DAY
    if tau_d <= 0.0:
        return
    d_eff = tau_d if tau_d > 1.0 else 1.0
    k = ch0
    if k < 0.0:
        k = 0.0
    integral = k * tau_d
    if model == R.KOKAM:
        p = R.P_CAL[0]
        kst[K_U] += integral ** (1.0 / p) * d_eff ** (1.0 - 1.0 / p)
        pr = R.KOKAM_R2
        kst[K_UR] += (R.KOKAM_R1 * integral) ** (1.0 / pr) * d_eff ** (1.0 - 1.0 / pr)
    else:
        p = R.P_CAL[model]
        kst[K_U] += integral ** (1.0 / p) * d_eff ** (1.0 - 1.0 / p)


@njit
def apply_days(model, days, nd, kst, cal_hist, stats):
    """Apply ``nd`` completed day rows to the calendar states of all bands.

    ``cal_hist[d, b]`` receives band ``b``'s nominal calendar loss at the
    *start* of day ``d`` (``d`` = the row's day index); ``stats[d]`` its
    stress statistics.  Either table may be ``None``-sized (0 rows) for a dry run.
    """
    nb = kst.shape[0]
    for j in range(nd):
        d = int(days[j, D_DAY])
        for b in range(nb):
            if cal_hist.shape[0] > d:
                cal_hist[d, b] = cal_loss(model, kst[b])
            step_day(model, kst[b], days[j, D_CH], days[j, D_CH + 1], days[j, D_CH + 2],
                     days[j, D_CH + 3], days[j, D_DUR_S])
        if stats.shape[0] > d:
            day_stats_row(days, j, stats[d])


# ------------------------------------------------------------------ cycling state
@njit
def cyc_loss(model, acc):
    u = acc[A_U]
    if u <= 0.0:
        return 0.0
    return u ** R.P_CYC[model]


@njit
def lam_loss(z):
    """Kokam LAM loss ``1 - 2 / (1 + exp((z0 + z)**10))`` for virtual argument ``z = sum(dEFC / q5)``."""
    zz = KOKAM_Z0 + z
    e = zz ** R.KOKAM_P_LAM
    if e > 700.0:
        return 1.0
    return 1.0 - 2.0 / (1.0 + math.exp(e))


@njit
def cell_q(model, cal_nom, acc, s):
    """Relative cell capacity for one band (``s`` = degradation scalar)."""
    q = 1.0 - s * (cal_nom + cyc_loss(model, acc))
    if model == R.KOKAM:
        q_lam = 1.01 - s * lam_loss(acc[A_Z])
        if q_lam < q:
            q = q_lam
    return q


@njit
def pack_soh(model, cal_nom, acc, s, pf):
    soh = 1.0 - pf * (1.0 - cell_q(model, cal_nom, acc, s))
    if soh < 0.0:
        return 0.0
    if soh > 1.0:
        return 1.0
    return soh


@njit
def apply_cycles(model, blast_mode, recs, i0, i1, stats, cal_hist, part_stats, part_day, part_cal,
                 acc, s_bands, pf):
    """Add cycles ``recs[i0:i1]`` (in emission order) to the band accumulators ``acc``.

    Each cycle's throughput in nominal-capacity EFC is ``range * count * q_ref``
    with ``q_ref`` the band's pack SoH (calendar loss at the start of the
    cycle's stamp day + cycling loss when the first cycle of a run of cycles
    with that stamp day was added): the SoC series is a fraction of the
    *current* capacity.  The cached ``q_ref`` is part of the state, so the
    result does not depend on how the cycles are split between calls.  Stamp
    days ``>= part_day`` use ``part_stats`` and ``part_cal`` (the incomplete
    day).  The C-rate in nominal units uses the expected band's ``q_ref``.
    """
    nb = acc.shape[0]
    for i in range(i0, i1):
        rng = recs[i, C_RANGE]
        cnt = recs[i, C_COUNT]
        if rng <= 0.0 or cnt <= 0.0:
            continue
        day = int(recs[i, C_DAY])
        if day >= part_day:
            st = part_stats
        else:
            st = stats[day]
        if blast_mode:
            tk = st[S_TK]
            soc_m = st[S_SOC]
            c_soc = st[S_C]
        elif st[S_CCUR] > 0.0:
            # physical: temperature and C-rate while current flows on the cycle's stamp day
            # (both legs of a daily cycle; a rainflow cycle's index span covers only one leg)
            tk = st[S_TCUR]
            soc_m = recs[i, C_MEAN]
            c_soc = st[S_CCUR]
        else:
            tk = recs[i, C_TK]
            soc_m = recs[i, C_MEAN]
            c_soc = recs[i, C_RATE]
        for b in range(nb):
            a = acc[b]
            if a[A_QDAY] != day + 1.0:
                if day >= part_day:
                    cal_nom = part_cal[b]
                else:
                    cal_nom = cal_hist[day, b]
                a[A_QREF] = pack_soh(model, cal_nom, a, s_bands[b], pf)
                a[A_QDAY] = day + 1.0
        q0 = acc[0, A_QREF]
        c_nom = c_soc * q0
        # rate terms of this cycle: g1 multiplies dEFC into A_U, g2 into A_Z, g3 into A_UR
        g2 = 0.0
        g3 = 0.0
        if model == R.KOKAM:
            q3 = R.kokam_q3(tk, rng)
            g1 = q3 ** (1.0 / R.P_CYC[0])
            q5 = R.kokam_q5(tk, rng, soc_m)
            if q5 < KOKAM_Q5_FLOOR:
                q5 = KOKAM_Q5_FLOOR
            g2 = 1.0 / q5
            g3 = (R.KOKAM_R3 * q3) ** (1.0 / R.KOKAM_R4)
        elif model == R.DENSO:
            cchg = st[S_CCHG] * q0
            crate = cchg if cchg > 0.0 else c_nom
            b1t = R.denso_b1t(tk, soc_m)
            if b1t < 0.0:
                b1t = 0.0
            k = 0.985 * b1t * R.denso_b1n(tk, rng, crate, soc_m)
            g1 = k * k
        elif model == R.LFP250:
            g1 = R.lfp250_kcyc(tk, rng, c_nom) ** (1.0 / R.P_CYC[2])
        elif model == R.NCA:
            g1 = R.nca_kcyc(tk, rng, c_nom) ** (1.0 / R.P_CYC[3])
        else:
            g1 = R.sony_q5(rng, c_nom)
            g3 = R.sony_r_cyc(rng, c_nom) / 100.0
        e = rng * cnt
        for b in range(nb):
            a = acc[b]
            defc = e * a[A_QREF]
            a[A_EFC] += defc
            a[A_U] += g1 * defc
            a[A_Z] += g2 * defc
            a[A_UR] += g3 * defc


@njit
def cycle_records(rng, mean, cnt, ia, ib, g0, pos, nout, tbl_idx, tbl_val, recs):
    """Fill cycle records ``recs`` from rainflow rows and the running sums at their end points.

    End points at or after global index ``g0`` are looked up in this chunk's
    ``nout[pos[g - g0]]``, earlier ones in the kept table ``tbl_idx``/``tbl_val``.
    Cycle temperature = mean over its current-carrying time (else over all
    time); C-rate = SoC throughput / current-carrying hours [1/h of SoC].
    Returns False if an end point is missing.
    """
    for j in range(rng.shape[0]):
        va = _lookup(ia[j], g0, pos, nout, tbl_idx, tbl_val)
        vb = _lookup(ib[j], g0, pos, nout, tbl_idx, tbl_val)
        if va.shape[0] == 0 or vb.shape[0] == 0:
            return False
        cur_h = vb[N_CUR_H] - va[N_CUR_H]
        all_h = vb[N_ALL_H] - va[N_ALL_H]
        if cur_h > 1e-12:
            tk = (vb[N_TCUR] - va[N_TCUR]) / cur_h
            c = (vb[N_DSOC] - va[N_DSOC]) / cur_h
        elif all_h > 1e-12:
            tk = (vb[N_TALL] - va[N_TALL]) / all_h
            c = rng[j] / all_h
        else:
            tk = va[N_TK]
            c = 0.0
        recs[j, C_RANGE] = rng[j]
        recs[j, C_MEAN] = mean[j]
        recs[j, C_COUNT] = cnt[j]
        recs[j, C_TK] = tk
        recs[j, C_RATE] = c
        recs[j, C_DAY] = vb[N_DAY]
    return True


@njit
def _lookup(g, g0, pos, nout, tbl_idx, tbl_val):
    if g >= g0:
        k = g - g0
        if k < pos.shape[0] and pos[k] >= 0:
            return nout[pos[k]]
        return nout[0:0, 0]
    j = np.searchsorted(tbl_idx, g)
    if j < tbl_idx.shape[0] and tbl_idx[j] == g:
        return tbl_val[j]
    return nout[0:0, 0]


@njit
def keep_table(keep, g0, pos, nout, tbl_idx, tbl_val, out_idx, out_val):
    """Running sums at the sorted global indices ``keep`` (old table or this chunk)."""
    for j in range(keep.shape[0]):
        v = _lookup(keep[j], g0, pos, nout, tbl_idx, tbl_val)
        if v.shape[0] == 0:
            return False
        out_idx[j] = keep[j]
        # element by element: a slice assignment makes numba compile its shape-mismatch
        # error message (string formatting), about 3 s of first-run compile time
        for c in range(v.shape[0]):
            out_val[j, c] = v[c]
    return True


@njit
def denso_stress_average(days, nd):
    """BLAST-compatible DENSO calendar rate: ``b1t`` of the day-mean T and SoC (stress averaged)."""
    for j in range(nd):
        days[j, D_CH] = R.denso_b1t(days[j, D_TK], days[j, D_SOC])
