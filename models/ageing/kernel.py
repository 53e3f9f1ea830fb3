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
from .ocp import _ua_scalar

# ---- sweep carry-state layout (float64 vector) ------------------------------
HAS_PREV, T0, PREV_T, PREV_SOC, PREV_TK = 0, 1, 2, 3, 4
PREV_CH = 5                      # 5..8
CUR_DAY, DAY_DUR_S = 9, 10
DAY_ICH = 11                     # 11..14  integral of channel * dt_s
DAY_IT, DAY_ISOC, DAY_DSOC_CUR, DAY_CUR_H, DAY_CHG_DSOC, DAY_CHG_H = 15, 16, 17, 18, 19, 20
P_CUR_H, P_DSOC, P_TCUR, P_ALL_H, P_TALL = 21, 22, 23, 24, 25
TMIN_K, TMAX_K, MAX_CHG_C, MAX_DIS_C, GIDX_NEXT = 26, 27, 28, 29, 30
MAX_DAY_EFC, DAY_DSOC_ALL, SOC_MIN, SOC_MAX, TMIN_CUR_K, TMAX_CUR_K = 31, 32, 33, 34, 35, 36
NCS = 40

# ---- day rows -----------------------------------------------------------------
D_DAY, D_DUR_S, D_CH, D_TK, D_SOC, D_DSOC_CUR, D_CUR_H, D_CHG_DSOC, D_CHG_H = 0, 1, 2, 6, 7, 8, 9, 10, 11
NDF = 12

# ---- day statistics kept for the whole run (per day) ------------------------
S_TK, S_SOC, S_C, S_CCHG = 0, 1, 2, 3
NSF = 4

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
A_U, A_Z, A_UR, A_EFC = 0, 1, 2, 3
NAF = 4

CURRENT_THRESHOLD_PER_H = 0.01   # |dSoC/dt| below this is rest (as BLAST-Lite)
SECONDS_PER_DAY = 86400.0
# Kokam LAM state starts at 1e-8 in BLAST-Lite: virtual argument z0 with f(z0) = 1e-8
KOKAM_LAM_Y0 = 1e-8
KOKAM_Z0 = math.log((1.0 + KOKAM_LAM_Y0) / (1.0 - KOKAM_LAM_Y0)) ** (1.0 / R.KOKAM_P_LAM)


@njit(inline="always")
def _channels(model, tk, soc):
    """Calendar rate channels at one sample (time-averaged per day)."""
    if model == R.KOKAM:
        return R.kokam_q1(tk, _ua_scalar(soc)), 0.0, 0.0, 0.0
    elif model == R.DENSO:
        return R.denso_b1t(tk, soc), 0.0, 0.0, 0.0
    elif model == R.LFP250:
        return R.lfp250_kcal(tk, _ua_scalar(soc)), 0.0, 0.0, 0.0
    elif model == R.NCA:
        return R.nca_kcal(tk, soc), 0.0, 0.0, 0.0
    else:
        ua = _ua_scalar(soc)
        return R.sony_q1(tk, ua), R.sony_q3(tk, ua), R.sony_r_cal_temp(tk), R.sony_r_cal_soc(soc)


@njit
def _flush_day(cs, days, nd):
    dur = cs[DAY_DUR_S]
    if dur > 0.0:
        days[nd, D_DAY] = cs[CUR_DAY]
        days[nd, D_DUR_S] = dur
        for j in range(4):
            days[nd, D_CH + j] = cs[DAY_ICH + j] / dur
        days[nd, D_TK] = cs[DAY_IT] / dur
        days[nd, D_SOC] = cs[DAY_ISOC] / dur
        days[nd, D_DSOC_CUR] = cs[DAY_DSOC_CUR]
        days[nd, D_CUR_H] = cs[DAY_CUR_H]
        days[nd, D_CHG_DSOC] = cs[DAY_CHG_DSOC]
        days[nd, D_CHG_H] = cs[DAY_CHG_H]
        efc_per_day = 0.5 * cs[DAY_DSOC_ALL] / (dur / SECONDS_PER_DAY)
        if efc_per_day > cs[MAX_DAY_EFC]:
            cs[MAX_DAY_EFC] = efc_per_day
        nd += 1
    cs[DAY_DUR_S] = 0.0
    for j in range(4):
        cs[DAY_ICH + j] = 0.0
    cs[DAY_IT] = 0.0
    cs[DAY_ISOC] = 0.0
    cs[DAY_DSOC_CUR] = 0.0
    cs[DAY_CUR_H] = 0.0
    cs[DAY_CHG_DSOC] = 0.0
    cs[DAY_CHG_H] = 0.0
    cs[DAY_DSOC_ALL] = 0.0
    return nd


@njit
def _record(cs, need, nout, k, tk):
    nout[k, N_CUR_H] = cs[P_CUR_H]
    nout[k, N_DSOC] = cs[P_DSOC]
    nout[k, N_TCUR] = cs[P_TCUR]
    nout[k, N_ALL_H] = cs[P_ALL_H]
    nout[k, N_TALL] = cs[P_TALL]
    nout[k, N_DAY] = cs[CUR_DAY]
    nout[k, N_TK] = tk


@njit
def sweep(model, t, soc, temp_c, cs, need, nout, days):
    """One pass over a chunk.  Returns the number of completed days written to ``days``.

    ``need`` holds sorted global sample indices (>= the chunk's first index)
    at which the running sums are recorded into ``nout``.  Each interval
    ``[t_i, t_i+1]`` belongs to the day of ``t_i`` (days counted from the first
    sample ever, ``cs[T0]``); a day is written when an interval of a later day
    starts.
    """
    n = t.shape[0]
    nd = 0
    kneed = 0
    nneed = need.shape[0]
    g0 = int(cs[GIDX_NEXT])
    start = 0
    if cs[HAS_PREV] == 0.0:
        tk = temp_c[0] + 273.15
        c0, c1, c2, c3 = _channels(model, tk, soc[0])
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
        while kneed < nneed and need[kneed] == g0:
            _record(cs, need, nout, kneed, tk)
            kneed += 1
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
    for i in range(start, n):
        ti = t[i]
        si = soc[i]
        tk = temp_c[i] + 273.15
        c0, c1, c2, c3 = _channels(model, tk, si)
        dt = ti - pt
        day = math.floor((pt - t0) / SECONDS_PER_DAY)
        if day > cur_day:
            cs[CUR_DAY] = cur_day
            nd = _flush_day(cs, days, nd)
            cur_day = day
            cs[CUR_DAY] = day
        dt_h = dt / 3600.0
        cs[DAY_DUR_S] += dt
        cs[DAY_ICH] += 0.5 * (p0 + c0) * dt
        cs[DAY_ICH + 1] += 0.5 * (p1 + c1) * dt
        cs[DAY_ICH + 2] += 0.5 * (p2 + c2) * dt
        cs[DAY_ICH + 3] += 0.5 * (p3 + c3) * dt
        tm = 0.5 * (ptk + tk)
        cs[DAY_IT] += tm * dt
        cs[DAY_ISOC] += 0.5 * (ps + si) * dt
        ds = si - ps
        ads = abs(ds)
        cs[DAY_DSOC_ALL] += ads
        cs[P_ALL_H] += dt_h
        cs[P_TALL] += tm * dt_h
        rate = ads / dt_h
        if rate >= CURRENT_THRESHOLD_PER_H:
            cs[DAY_DSOC_CUR] += ads
            cs[DAY_CUR_H] += dt_h
            cs[P_CUR_H] += dt_h
            cs[P_DSOC] += ads
            cs[P_TCUR] += tm * dt_h
            if tm < cs[TMIN_CUR_K]:
                cs[TMIN_CUR_K] = tm
            if tm > cs[TMAX_CUR_K]:
                cs[TMAX_CUR_K] = tm
            if ds > 0.0:
                cs[DAY_CHG_DSOC] += ds
                cs[DAY_CHG_H] += dt_h
                if rate > cs[MAX_CHG_C]:
                    cs[MAX_CHG_C] = rate
            elif rate > cs[MAX_DIS_C]:
                cs[MAX_DIS_C] = rate
        if tk < cs[TMIN_K]:
            cs[TMIN_K] = tk
        if tk > cs[TMAX_K]:
            cs[TMAX_K] = tk
        if si < cs[SOC_MIN]:
            cs[SOC_MIN] = si
        if si > cs[SOC_MAX]:
            cs[SOC_MAX] = si
        g = g0 + i
        while kneed < nneed and need[kneed] == g:
            _record(cs, need, nout, kneed, tk)
            kneed += 1
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
    cs[GIDX_NEXT] = g0 + n
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
    return dur


@njit
def day_stats_row(days, k, out):
    """Per-day stress statistics kept for cycles stamped on that day."""
    dur_h = days[k, D_DUR_S] / 3600.0
    out[S_TK] = days[k, D_TK]
    out[S_SOC] = days[k, D_SOC]
    out[S_C] = days[k, D_DSOC_CUR] / dur_h if dur_h > 0.0 else 0.0
    out[S_CCHG] = days[k, D_CHG_DSOC] / days[k, D_CHG_H] if days[k, D_CHG_H] > 0.0 else 0.0


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
    cycle's stamp day + cycling loss so far): the SoC series is a fraction of
    the *current* capacity.  Stamp days ``>= part_day`` use ``part_stats`` and
    ``part_cal`` (the incomplete day) instead of the history tables.
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
        else:
            tk = recs[i, C_TK]
            soc_m = recs[i, C_MEAN]
            c_soc = recs[i, C_RATE]
        for b in range(nb):
            if day >= part_day:
                cal_nom = part_cal[b]
            else:
                cal_nom = cal_hist[day, b]
            q_ref = pack_soh(model, cal_nom, acc[b], s_bands[b], pf)
            defc = rng * cnt * q_ref
            if defc <= 0.0:
                continue
            c_nom = c_soc * q_ref
            a = acc[b]
            a[A_EFC] += defc
            if model == R.KOKAM:
                q3 = R.kokam_q3(tk, rng)
                a[A_U] += q3 ** (1.0 / R.P_CYC[0]) * defc
                q5 = R.kokam_q5(tk, rng, soc_m)
                if q5 < 1.0:
                    q5 = 1.0
                a[A_Z] += defc / q5
                a[A_UR] += (R.KOKAM_R3 * q3) ** (1.0 / R.KOKAM_R4) * defc
            elif model == R.DENSO:
                cchg = st[S_CCHG] * q_ref
                crate = cchg if cchg > 0.0 else c_nom
                b1t = R.denso_b1t(tk, soc_m)
                if b1t < 0.0:
                    b1t = 0.0
                k = 0.985 * b1t * R.denso_b1n(tk, rng, crate, soc_m)
                a[A_U] += k * k * defc
            elif model == R.LFP250:
                a[A_U] += R.lfp250_kcyc(tk, rng, c_nom) ** (1.0 / R.P_CYC[2]) * defc
            elif model == R.NCA:
                a[A_U] += R.nca_kcyc(tk, rng, c_nom) ** (1.0 / R.P_CYC[3]) * defc
            else:
                a[A_U] += R.sony_q5(rng, c_nom) * defc
                a[A_UR] += R.sony_r_cyc(rng, c_nom) * defc / 100.0


@njit
def cycle_records(rng, mean, cnt, ia, ib, va, vb, recs, r0):
    """Fill cycle records ``recs[r0:]`` from rainflow rows and the running sums at their end points.

    ``va``/``vb`` are the recorded sums (layout ``N_*``) at ``ia``/``ib``.
    Cycle temperature = mean over its current-carrying time (else over all
    time); C-rate = SoC throughput / current-carrying hours [1/h of SoC].
    """
    for j in range(rng.shape[0]):
        k = r0 + j
        cur_h = vb[j, N_CUR_H] - va[j, N_CUR_H]
        all_h = vb[j, N_ALL_H] - va[j, N_ALL_H]
        if cur_h > 1e-12:
            tk = (vb[j, N_TCUR] - va[j, N_TCUR]) / cur_h
            c = (vb[j, N_DSOC] - va[j, N_DSOC]) / cur_h
        elif all_h > 1e-12:
            tk = (vb[j, N_TALL] - va[j, N_TALL]) / all_h
            c = rng[j] / all_h
        else:
            tk = va[j, N_TK]
            c = 0.0
        recs[k, C_RANGE] = rng[j]
        recs[k, C_MEAN] = mean[j]
        recs[k, C_COUNT] = cnt[j]
        recs[k, C_TK] = tk
        recs[k, C_RATE] = c
        recs[k, C_DAY] = vb[j, N_DAY]


@njit
def denso_stress_average(days, nd):
    """BLAST-compatible DENSO calendar rate: ``b1t`` of the day-mean T and SoC (stress averaged)."""
    for j in range(nd):
        days[j, D_CH] = R.denso_b1t(days[j, D_TK], days[j, D_SOC])
