"""Lifetime ageing of a cell or pack: :class:`AgeingStepper` and :func:`simulate_cell`.

Model (semi-empirical, electrochemically informed; see ``docs/ageing.md``):

* **Calendar loss** ``k_cal(T, Ua(SoC)) * t**z`` (Arrhenius in temperature,
  Tafel in the graphite potential, or the cell model's own SoC form).  The
  rate is averaged over each day *as a rate* (trapezoid rule over the samples
  of the day), then the state advances by the day in virtual time.
* **Cycle loss** from the rainflow cycles (ASTM E1049-85, :mod:`models.rainflow`)
  of the SoC series: each cycle adds ``range * count`` equivalent full cycles
  (EFC, in nominal-capacity units: times the SoH when the cycle happened) at
  a rate set by its depth (range), mean SoC, temperature and C-rate; the
  state advances in virtual EFC.  ``c_rate_mode="physical"`` uses the rate
  while current flows during the cycle; ``"blast"`` reproduces NREL
  BLAST-Lite's chunk (day) average including rests, and BLAST's day-mean
  SoC and temperature for the cycle stress.
* Combination: ``q = 1 - loss_cal - loss_cyc`` (Kokam: ``min`` with the
  loss-of-active-material knee).  Pack: ``SoH = 1 - pack_factor * (1 - q)``
  clipped to [0, 1] (warning when it clips).
* Uncertainty: three parallel states with degradation scalars
  ``d * (1, 1 + sigma, 1 - sigma)``; the scalar multiplies every loss term.

Chunking: cycles are committed in rainflow emission order once the day they
end on is complete; still-open cycles (the rainflow residue) and the
incomplete day are added *provisionally* to the reported values.  Because of
that, any chunking gives the same reported values as one call on the whole
series (tested).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from . import kernel as K
from . import rates as R
from .cells import get_cell

SECONDS_PER_YEAR = 365.0 * 86400.0
_BANDS = 3          # 0 expected, 1 low SoH (scalar 1 + sigma), 2 high SoH (1 - sigma)

__all__ = ["AgeingStepper", "Trajectory", "simulate_cell", "SECONDS_PER_YEAR"]


def _as_f64(name, a):
    arr = np.ascontiguousarray(a, dtype=np.float64)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional, got shape {arr.shape}")
    return arr


class AgeingStepper:
    """Battery ageing state advanced chunk by chunk (a day, a year, anything).

    Parameters
    ----------
    cell_id : str
        One of :data:`models.ageing.CELL_IDS`.
    pack_factor : float
        Multiplier on cell losses for the pack, >= 1 (default 1.0 here; the
        scenario default is :data:`models.ageing.DEFAULT_PACK_FACTOR` = 1.2).
    initial_soh : float
        SoH at the start, (0, 1].  A used pack starts at the *virtual age*
        that gives this SoH when aged under the conditions of the first chunk
        passed to :meth:`advance` (see ``docs/ageing.md``), so it continues at
        its slower later rate.
    degradation_scalar : float
        Multiplies every loss term (1.0 = the published model).
    uncertainty_sigma : float
        Relative 1-sigma of the degradation scalar for ``soh_low``/``soh_high``
        (NREL convention 0.15).
    c_rate_mode : {"physical", "blast"}
        C-rate (and cycle SoC/temperature) convention, see module docs.

    Notes
    -----
    :meth:`advance` takes the SoC as a fraction of the *current* usable
    capacity, literally (BLAST-Lite ``is_conserve_energy_throughput=False``).
    Time continues from the previous chunk; the interval between the last
    sample of one chunk and the first of the next is part of the simulation.
    """

    def __init__(self, cell_id, *, pack_factor=1.0, initial_soh=1.0, degradation_scalar=1.0,
                 uncertainty_sigma=0.15, c_rate_mode="physical"):
        from models.rainflow import Cycles, RainflowCounter

        self.cell = get_cell(cell_id)
        self.cell_id = self.cell.id
        self._model = int(self.cell.code)
        if not (pack_factor >= 1.0 and math.isfinite(pack_factor)):
            raise ValueError(f"pack_factor must be >= 1, got {pack_factor!r}")
        if not (0.0 < initial_soh <= 1.0):
            raise ValueError(f"initial_soh must be in (0, 1], got {initial_soh!r}")
        if not (degradation_scalar >= 0.0 and math.isfinite(degradation_scalar)):
            raise ValueError(f"degradation_scalar must be >= 0, got {degradation_scalar!r}")
        if not (0.0 <= uncertainty_sigma < 1.0):
            raise ValueError(f"uncertainty_sigma must be in [0, 1), got {uncertainty_sigma!r}")
        if c_rate_mode not in ("physical", "blast"):
            raise ValueError(f"c_rate_mode must be 'physical' or 'blast', got {c_rate_mode!r}")
        self.pack_factor = float(pack_factor)
        self.initial_soh = float(initial_soh)
        self.degradation_scalar = float(degradation_scalar)
        self.uncertainty_sigma = float(uncertainty_sigma)
        self.c_rate_mode = c_rate_mode
        self._blast = c_rate_mode == "blast"
        d = self.degradation_scalar
        self._s = np.array([d, d * (1.0 + uncertainty_sigma), d * (1.0 - uncertainty_sigma)])
        self._counter = RainflowCounter()
        #: rainflow cycles closed by the last :meth:`advance` and the open ones after it
        #: (ASTM E1049-85, :mod:`models.rainflow`), for callers that also show the cycles
        self.last_cycles = self.last_residue = Cycles.empty()
        self._cs = np.zeros(K.NCS)
        self._kst = np.zeros((_BANDS, K.NKF))
        self._acc = np.zeros((_BANDS, K.NAF))
        self._cal_hist = np.zeros((0, _BANDS))
        self._stats = np.zeros((0, K.NSF))
        self._tbl_idx = np.zeros(0, dtype=np.int64)
        self._tbl_val = np.zeros((0, K.NNF))
        self._pending = np.zeros((0, K.NCF))
        self._prior_done = self.initial_soh >= 1.0
        self._prior_years = 0.0
        self._efc_total = 0.0            # SoC-unit throughput / 2 (for validity checks)
        self._efc_outside_dod = 0.0
        self._clipped = False
        self._warn: dict[str, str] = {}     # key -> latest text, in first-seen order
        self._rep = self._report(self._kst, self._acc)
        self._rep["soh"][:] = self.initial_soh      # a used pack's SoH is known before any data

    # ------------------------------------------------------------------ API
    @property
    def t_years(self) -> float:
        """Time simulated since the first sample [years of 365 days]."""
        if self._cs[K.HAS_PREV] == 0.0:
            return 0.0
        return (self._cs[K.PREV_T] - self._cs[K.T0]) / SECONDS_PER_YEAR

    soh = property(lambda self: self._rep["soh"][0], doc="Expected pack SoH [-] (1 = nominal capacity).")
    soh_low = property(lambda self: self._rep["soh"][1], doc="SoH with degradation scalar d(1 + sigma) [-].")
    soh_high = property(lambda self: self._rep["soh"][2], doc="SoH with degradation scalar d(1 - sigma) [-].")
    loss_calendar = property(lambda self: self._rep["cal"][0],
                             doc="Expected calendar (LLI) capacity loss of the cell [-], before the pack factor.")
    loss_cycle = property(lambda self: self._rep["cyc"][0],
                          doc="Expected cycling (LLI) capacity loss of the cell [-], before the pack factor.")
    loss_lam = property(lambda self: self._rep["lam"][0],
                        doc="Kokam only: loss of active material [-] (its capacity limit is 1.01 - loss_lam); else 0.")
    efc = property(lambda self: self._rep["efc"][0],
                   doc="Equivalent full cycles since the start, in nominal-capacity units [-].")
    resistance = property(lambda self: self._rep["res"],
                          doc="Relative DC resistance (1 = new) for models that have one, else NaN.")

    @property
    def warnings(self) -> list[str]:
        """Plain-language warnings (deduplicated, in first-seen order)."""
        return list(self._warn.values())

    def copy(self) -> "AgeingStepper":
        """Independent copy of the whole state."""
        new = AgeingStepper.__new__(AgeingStepper)
        new.__dict__.update(self.__dict__)
        for name in ("_cs", "_kst", "_acc", "_cal_hist", "_stats", "_tbl_idx", "_tbl_val", "_pending", "_s"):
            setattr(new, name, getattr(self, name).copy())
        new._counter = self._counter.copy()
        new._warn = dict(self._warn)
        new._rep = {k: (v.copy() if isinstance(v, np.ndarray) else v) for k, v in self._rep.items()}
        return new

    __copy__ = copy

    def __repr__(self):
        return (f"AgeingStepper({self.cell_id!r}, t_years={self.t_years:.3f}, soh={self.soh:.5f}, "
                f"efc={self.efc:.1f})")

    # ------------------------------------------------------------------ advance
    def advance(self, time_s, soc, temp_c) -> None:
        """Age the battery over one chunk of samples.

        Parameters
        ----------
        time_s : array_like of float
            Sample times [s], strictly increasing, continuing after the
            previous chunk's last sample.
        soc : array_like of float
            State of charge as a fraction [-] of the current usable capacity, in [0, 1].
        temp_c : array_like of float
            Cell (battery) temperature [degC].
        """
        t = _as_f64("time_s", time_s)
        s = _as_f64("soc", soc)
        tc = _as_f64("temp_c", temp_c)
        n = t.shape[0]
        if s.shape[0] != n or tc.shape[0] != n:
            raise ValueError(f"time_s, soc and temp_c must have the same length, got {n}, {s.shape[0]}, {tc.shape[0]}")
        if n == 0:
            return
        if self._check(t, s, tc):                # rounding noise within 1e-9: clip a copy
            s = np.clip(s, 0.0, 1.0)

        g0 = self._counter.n_samples
        cyc = self._counter.push(s)
        res = self._counter.residue()
        self.last_cycles, self.last_residue = cyc, res
        # open_indices() also covers the first sample of a series that has been constant so far
        # (an open reversal that is not in the residue: a constant series has no cycles)
        open_idx = self._counter.open_indices()
        ends = np.concatenate((cyc.i_start, cyc.i_end, res.i_start, res.i_end, open_idx))
        pos = np.empty(n, dtype=np.int64)
        m_need = K.mark_needed(ends, g0, n, pos)
        pos[n - 1] = m_need if pos[n - 1] < 0 else pos[n - 1]
        nout = np.zeros((m_need + 1, K.NNF))
        cs = self._cs
        t_prev = cs[K.PREV_T] if cs[K.HAS_PREV] else t[0]
        max_days = int((t[-1] - t_prev) // K.SECONDS_PER_DAY) + 3
        days = np.zeros((max_days, K.NDF))
        nd = K.sweep(self._model, K.UA_TAB, t, s, tc, cs, pos, nout, days, not self._blast)
        cur_day = int(cs[K.CUR_DAY])
        self._grow(cur_day + 1)
        part_row = np.zeros(K.NDF)
        K.partial_day(cs, part_row)
        if self._blast and self._model == R.DENSO:
            K.denso_stress_average(days, nd)
            K.denso_stress_average(part_row.reshape(1, -1), 1)

        recs_new = self._records(cyc, g0, pos, nout)
        recs_res = self._records(res, g0, pos, nout)
        self._efc_total += float(np.sum(cyc.range * cyc.count))
        lo = self.cell.validity["dod"][0]
        self._efc_outside_dod += float(np.sum((cyc.range * cyc.count)[cyc.range < lo - 1e-9]))

        if not self._prior_done:
            self._set_prior(days, nd, part_row, recs_new, recs_res)

        K.apply_days(self._model, days, nd, self._kst, self._cal_hist, self._stats)
        pending = np.concatenate((self._pending, recs_new)) if self._pending.shape[0] else recs_new
        # commit the prefix of cycles whose stamp day is complete
        late = np.nonzero(pending[:, K.C_DAY] >= cur_day)[0]
        n_commit = int(late[0]) if late.shape[0] else pending.shape[0]
        part_stats = np.zeros(K.NSF)
        self._part_stats(part_row, part_stats)
        part_cal = np.array([K.cal_loss(self._model, self._kst[b]) for b in range(_BANDS)])
        K.apply_cycles(self._model, self._blast, pending, 0, n_commit, self._stats, self._cal_hist,
                       part_stats, cur_day, part_cal, self._acc, self._s, self.pack_factor)
        self._pending = pending[n_commit:].copy()

        # provisional: incomplete day + pending + residue, on copies
        kst = self._kst.copy()
        if part_row[K.D_DUR_S] > 0.0:
            for b in range(_BANDS):
                K.step_partial_day(self._model, kst[b], part_row[K.D_CH], part_row[K.D_CH + 1],
                                   part_row[K.D_CH + 2], part_row[K.D_CH + 3], part_row[K.D_DUR_S])
        acc = self._acc.copy()
        prov = np.concatenate((self._pending, recs_res))
        K.apply_cycles(self._model, self._blast, prov, 0, prov.shape[0], self._stats, self._cal_hist,
                       part_stats, cur_day, part_cal, acc, self._s, self.pack_factor)
        rep = self._report(kst, acc)
        # The provisional terms (incomplete day, open cycles) can be revised slightly when the
        # day or the cycles complete; report SoH as a running minimum so that it never rises.
        rep["soh"] = np.minimum(rep["soh"], self._rep["soh"])
        self._rep = rep

        # keep the running sums at the points later cycles can still refer to
        keep = np.unique(np.concatenate((res.i_start, res.i_end, open_idx,
                                         np.array([g0 + n - 1], dtype=np.int64))))
        ti = np.empty(keep.shape[0], dtype=np.int64)
        tv = np.empty((keep.shape[0], K.NNF))
        if not K.keep_table(keep, g0, pos, nout, self._tbl_idx, self._tbl_val, ti, tv):
            raise RuntimeError("internal error: running sums missing for a rainflow residue point")
        self._tbl_idx, self._tbl_val = ti, tv
        self._update_warnings()

    # ------------------------------------------------------------------ internals
    def _check(self, t, s, tc) -> bool:
        """Raise on bad input; True when the SoC needs clipping to [0, 1] (rounding noise)."""
        code, i, clip = K.first_bad_input(t, s, tc)
        if code == 1:
            raise ValueError(f"non-finite input at sample {i} of the chunk")
        if code == 2:
            raise ValueError(f"time_s must be strictly increasing (sample {i} of the chunk)")
        if self._cs[K.HAS_PREV] and not t[0] > self._cs[K.PREV_T]:
            raise ValueError("time_s must continue after the previous chunk's last sample")
        if code == 3:
            raise ValueError(f"soc must be a fraction in [0, 1], got {s[i]!r} at sample {i} of the chunk")
        if code == 4:
            raise ValueError(f"temp_c must be a cell temperature in degC, got {tc[i]!r} at sample {i} of the chunk")
        return bool(clip)

    def _grow(self, n_days):
        if self._cal_hist.shape[0] < n_days:
            cap = max(n_days, int(self._cal_hist.shape[0] * 1.5) + 64)
            h = np.zeros((cap, _BANDS))
            h[: self._cal_hist.shape[0]] = self._cal_hist
            st = np.zeros((cap, K.NSF))
            st[: self._stats.shape[0]] = self._stats
            self._cal_hist, self._stats = h, st

    def _records(self, cyc, g0, pos, nout):
        m = len(cyc)
        recs = np.zeros((m, K.NCF))
        if m and not K.cycle_records(cyc.range, cyc.mean, cyc.count, cyc.i_start, cyc.i_end, g0, pos,
                                     nout, self._tbl_idx, self._tbl_val, recs):
            raise RuntimeError("internal error: a rainflow cycle refers to a sample whose running "
                               "sums were not kept (models.rainflow contract changed?)")
        return recs

    @staticmethod
    def _part_stats(row, out):
        dur_h = row[K.D_DUR_S] / 3600.0
        out[K.S_TK] = row[K.D_TK]
        out[K.S_SOC] = row[K.D_SOC]
        out[K.S_C] = row[K.D_DSOC_CUR] / dur_h if dur_h > 0 else 0.0
        out[K.S_CCHG] = row[K.D_CHG_DSOC] / row[K.D_CHG_H] if row[K.D_CHG_H] > 0 else 0.0
        cur_h = row[K.D_CUR_H]
        out[K.S_TCUR] = row[K.D_TCUR] / cur_h if cur_h > 0 else 0.0
        out[K.S_CCUR] = row[K.D_DSOC_CUR] / cur_h if cur_h > 0 else 0.0

    def _report(self, kst, acc):
        m = self._model
        soh = np.zeros(_BANDS)
        cal = np.zeros(_BANDS)
        cyc = np.zeros(_BANDS)
        lam = np.zeros(_BANDS)
        efc = np.zeros(_BANDS)
        for b in range(_BANDS):
            sb = self._s[b]
            c_nom = K.cal_loss(m, kst[b])
            cal[b] = sb * c_nom
            cyc[b] = sb * K.cyc_loss(m, acc[b])
            lam[b] = sb * K.lam_loss(acc[b][K.A_Z]) if m == R.KOKAM else 0.0
            raw = 1.0 - self.pack_factor * (1.0 - K.cell_q(m, c_nom, acc[b], sb))
            if raw < 0.0 and b == 0:
                self._clipped = True
            soh[b] = K.pack_soh(m, c_nom, acc[b], sb, self.pack_factor)
            efc[b] = acc[b][K.A_EFC]
        s0 = self._s[0]
        if m == R.KOKAM:
            r_lli = 1.0 + s0 * (K.cal_res(m, kst[0]) + (acc[0][K.A_UR] ** R.KOKAM_R4 if acc[0][K.A_UR] > 0 else 0.0))
            r_lam = R.KOKAM_R5 + R.KOKAM_R6 / max(1.01 - lam[0], 1e-6)
            res = max(r_lli, r_lam)
        elif m == R.SONY:
            res = 1.0 + s0 * (K.cal_res(m, kst[0]) + acc[0][K.A_UR])
        else:
            res = float("nan")
        return {"soh": soh, "cal": cal, "cyc": cyc, "lam": lam, "efc": efc, "res": res}

    def _set_prior(self, days, nd, part_row, recs_new, recs_res):
        """Virtual starting age for a used pack (``initial_soh`` < 1), from the first chunk."""
        self._prior_done = True
        m = self._model
        span_s = float(np.sum(days[:nd, K.D_DUR_S])) + part_row[K.D_DUR_S]
        if span_s <= 0.0:
            self._add_warning("The used-battery starting age could not be derived (first chunk has "
                              "no duration); the battery is treated as new.")
            return
        years = span_s / SECONDS_PER_YEAR
        # per-year calendar accumulation (power laws: additive in u = y**(1/p))
        kst = np.zeros((1, K.NKF))
        K.apply_days(m, days, nd, kst, np.zeros((0, 1)), np.zeros((0, K.NSF)))
        if part_row[K.D_DUR_S] > 0:
            K.step_day(m, kst[0], part_row[K.D_CH], part_row[K.D_CH + 1], part_row[K.D_CH + 2],
                       part_row[K.D_CH + 3], part_row[K.D_DUR_S])
        stats = np.zeros((int(self._cs[K.CUR_DAY]) + 1, K.NSF))
        K.apply_days(m, days, nd, np.zeros((1, K.NKF)), np.zeros((0, 1)), stats)
        ps = np.zeros(K.NSF)
        self._part_stats(part_row, ps)
        acc = np.zeros((1, K.NAF))
        recs = np.concatenate((recs_new, recs_res))
        K.apply_cycles(m, self._blast, recs, 0, recs.shape[0], stats,
                       np.zeros((stats.shape[0], 1)), ps, int(self._cs[K.CUR_DAY]), np.zeros(1),
                       acc, np.ones(1), self.pack_factor)
        if m == R.SONY:
            dur = np.concatenate((days[:nd, K.D_DUR_S], [part_row[K.D_DUR_S]]))
            q1 = float(np.sum(np.concatenate((days[:nd, K.D_CH], [part_row[K.D_CH]])) * dur) / span_s)
            q3 = float(np.sum(np.concatenate((days[:nd, K.D_CH + 1], [part_row[K.D_CH + 1]])) * dur) / span_s)
            rate_cal = None
        else:
            rate_cal = kst[0][K.K_U] / years
        rate = {"ur_cal": kst[0][K.K_UR] / years, "u": acc[0][K.A_U] / years,
                "z": acc[0][K.A_Z] / years, "ur": acc[0][K.A_UR] / years}

        def state_at(a_years):
            k = np.zeros(K.NKF)
            a = np.zeros(K.NAF)
            if rate_cal is None:
                k[K.K_U] = K._sigmoid(q1, R.SONY_Q2_PER_DAY, q3, a_years * 365.0)
            else:
                k[K.K_U] = rate_cal * a_years
            k[K.K_UR] = rate["ur_cal"] * a_years
            a[K.A_U] = rate["u"] * a_years
            a[K.A_Z] = rate["z"] * a_years
            a[K.A_UR] = rate["ur"] * a_years
            return k, a

        target = self.initial_soh
        for b in range(_BANDS):
            sb = self._s[b]

            def soh(a_years):
                k, a = state_at(a_years)
                return K.pack_soh(m, K.cal_loss(m, k), a, sb, self.pack_factor)

            lo_a, hi_a = 0.0, 1.0
            while soh(hi_a) > target and hi_a < 1e4:
                lo_a, hi_a = hi_a, hi_a * 2.0
            if soh(hi_a) > target:
                self._add_warning(f"SoH {target:.3f} is not reached under these conditions within "
                                  "10 000 years of virtual age; the used battery starts at that age.")
            else:
                for _ in range(100):
                    mid = 0.5 * (lo_a + hi_a)
                    if soh(mid) > target:
                        lo_a = mid
                    else:
                        hi_a = mid
            k, a = state_at(hi_a)
            self._kst[b] = k
            self._acc[b] = a
            if b == 0:
                self._prior_years = hi_a

    @property
    def prior_age_years(self) -> float:
        """Virtual age [years] assigned to a used pack at the start (0 for a new one)."""
        return self._prior_years

    def _add_warning(self, text, key=None):
        self._warn[key or text] = text

    def _update_warnings(self):
        v = self.cell.validity
        cs = self._cs
        name = self.cell.id
        tmin = cs[K.TMIN_K] - 273.15
        tmax = cs[K.TMAX_K] - 273.15
        lo, hi = v["calendar_temp_c"]
        if tmin < lo - 1e-9:
            self._add_warning(f"Battery temperature down to {tmin:.1f} °C is below the {lo:g}-{hi:g} °C "
                              f"range of the {name} storage tests; the model extrapolates.", "tmin")
        if tmax > hi + 1e-9:
            self._add_warning(f"Battery temperature up to {tmax:.1f} °C is above the {lo:g}-{hi:g} °C "
                              f"range of the {name} storage tests; the model extrapolates.", "tmax")
        lo, hi = v["temp_c"]
        if cs[K.TMAX_CUR_K] > -1e299:
            tcmin = cs[K.TMIN_CUR_K] - 273.15
            tcmax = cs[K.TMAX_CUR_K] - 273.15
            if tcmin < lo - 1e-9 or tcmax > hi + 1e-9:
                self._add_warning(f"Cycling at {tcmin:.1f}-{tcmax:.1f} °C goes beyond the {lo:g}-{hi:g} °C "
                                  f"range of the {name} cycling tests; the model extrapolates.", "tcyc")
        # C-rates in SoC units per hour (>= the nominal-capacity rate; independent of chunking)
        if cs[K.MAX_CHG_C] > v["max_charge_c"] + 1e-9:
            self._add_warning(f"Charging up to {cs[K.MAX_CHG_C]:.2f}C exceeds the {v['max_charge_c']:g}C "
                              f"tested for {name}; fast-charge wear (e.g. lithium plating) is not modelled.",
                              "chg")
        if cs[K.MAX_DIS_C] > v["max_discharge_c"] + 1e-9:
            self._add_warning(f"Discharging up to {cs[K.MAX_DIS_C]:.2f}C exceeds the "
                              f"{v['max_discharge_c']:g}C tested for {name}.", "dis")
        if self._efc_total > 0 and self._efc_outside_dod / self._efc_total > 0.01:
            share = 100.0 * self._efc_outside_dod / self._efc_total
            lo_d, hi_d = v["dod"]
            self._add_warning(f"{share:.0f} % of the cycling (by throughput) is shallower than the "
                              f"{100 * lo_d:.0f}-{100 * hi_d:.0f} % depths tested for {name}; the model "
                              "extrapolates its depth dependence.", "dod")
        if self._model == R.DENSO and self._kst[0][K.K_NEG] > 0:
            self._add_warning("Days stored near 0 % SoC: the nmc622_gr_denso50ah calendar fit turns "
                              "negative there (a capacity gain); it is set to zero.")
        if self._model == R.SONY and cs[K.MAX_DAY_EFC] > 3.0:
            self._add_warning("More than 3 equivalent full cycles per day: the break-in term of the "
                              "lfp_gr_sony3ah model (laboratory cycling) is not included.")
        if self._clipped:
            self._add_warning("The pack SoH reached 0 % and was clipped; the model is far beyond its "
                              "data at this point.")


@dataclass
class Trajectory:
    """SoH trajectory of :func:`simulate_cell` (one row at t = 0, each whole year, and the end).

    Arrays: ``t_years`` [years of 365 d], ``soh``, ``soh_low``, ``soh_high``
    [-], ``loss_calendar``, ``loss_cycle`` [-], ``efc`` [-], ``resistance``
    [relative, NaN if the model has none]; ``warnings``: list of strings.
    """

    t_years: np.ndarray
    soh: np.ndarray
    soh_low: np.ndarray
    soh_high: np.ndarray
    loss_calendar: np.ndarray
    loss_cycle: np.ndarray
    efc: np.ndarray
    resistance: np.ndarray
    warnings: list = field(default_factory=list)

    def at_years(self, years) -> dict:
        """Linear interpolation of every array at ``years``."""
        y = np.asarray(years, dtype=float)
        return {k: np.interp(y, self.t_years, getattr(self, k))
                for k in ("soh", "soh_low", "soh_high", "loss_calendar", "loss_cycle", "efc")}


def simulate_cell(cell_id, time_s, soc, temp_c, years=None, **stepper_kwargs) -> Trajectory:
    """Simulate the ageing of one cell under a SoC / temperature series.

    Parameters
    ----------
    cell_id : str
        Cell model id (:data:`models.ageing.CELL_IDS`).
    time_s, soc, temp_c : array_like
        Sample times [s] (strictly increasing), SoC as a fraction of the cell's
        *current* capacity [-] (taken literally, not rescaled as it fades), cell
        temperature [degC].
    years : float, optional
        Horizon [years of 365 d].  ``None`` runs the series once.  A longer
        horizon repeats the series end to end: its period is its own length
        plus one step (``t[-1] - t[0] + (t[-1] - t[-2])``).
    **stepper_kwargs
        Passed to :class:`AgeingStepper` (``pack_factor``, ``c_rate_mode``, ...).

    Returns
    -------
    Trajectory
        Rows at t = 0, at every whole year and at the end (and at the end of
        each repetition of the series).
    """
    t = _as_f64("time_s", time_s)
    s = _as_f64("soc", soc)
    tc = _as_f64("temp_c", temp_c)
    if not (t.shape[0] == s.shape[0] == tc.shape[0]) or t.shape[0] < 2:
        raise ValueError("time_s, soc and temp_c must have the same length (at least 2 samples)")
    st = AgeingStepper(cell_id, **stepper_kwargs)
    period = float(t[-1] - t[0] + (t[-1] - t[-2]))
    t_rel = t - t[0]
    horizon = float(t_rel[-1]) if years is None else float(years) * SECONDS_PER_YEAR
    rows = [_row(st)]
    k = 0
    while True:
        off = k * period
        if off > horizon:
            break
        tt = t_rel + off
        last = int(np.searchsorted(tt, horizon, side="right"))
        if last == 0:
            break
        bounds = np.arange(max(math.ceil(tt[0] / SECONDS_PER_YEAR), 1),
                           math.floor(tt[last - 1] / SECONDS_PER_YEAR) + 1)
        cuts = np.searchsorted(tt[:last], bounds * SECONDS_PER_YEAR, side="right")
        a = 0
        for c in list(cuts) + [last]:
            if c > a:
                st.advance(tt[a:c], s[a:c], tc[a:c])
                rows.append(_row(st))
                a = c
        k += 1
        if last < tt.shape[0]:
            break
    cols = list(zip(*rows))
    return Trajectory(*(np.array(c) for c in cols), warnings=st.warnings)


def _row(st):
    return (st.t_years, st.soh, st.soh_low, st.soh_high, st.loss_calendar, st.loss_cycle, st.efc,
            st.resistance)
