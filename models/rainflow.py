"""Rainflow cycle counting (ASTM E1049-85, section 5.4.4), exact and streaming.

Battery cycle ageing is driven by the charge/discharge cycles hidden in the
state-of-charge (SoC) series.  This module extracts them with the three-point
rainflow method of ASTM E1049-85 [1]_ and returns one row per cycle: range
(depth), mean, count (1.0 full, 0.5 half), and the 0-based sample indices of
the cycle's start and end.

For float64 input of at least 3 finite, not-all-equal samples the result equals
:func:`rainflow.extract_cycles` of the ``rainflow`` package 3.2.0 [2]_ element
for element and in the same order (ranges are ``abs(a - b)``, means
``0.5 * (a + b)``, so they are bit-identical).  That package is the reference
used by NREL BLAST-Lite [3]_ and reproduces the ASTM example and the MATLAB
``rainflow`` table [4]_.  The remaining inputs follow the explicit policies
listed in :func:`count_cycles`; ``docs/rainflow.md`` explains the algorithm,
the plateau index convention and the streaming design.

Public API
----------
:func:`count_cycles`       whole series -> :class:`Cycles`
:class:`RainflowCounter`   streaming counter (chunk by chunk, e.g. year by year)
:func:`cycle_histogram`    cycles -> 2-D histogram over depth x mean SoC
:class:`Cycles`            the result container (numpy arrays)
:func:`warm_up`            compile / load every kernel on tiny inputs

Importing this module is cheap: the numba kernels are compiled (or loaded from
the on-disk cache, see :mod:`models._jit`) on first use or by :func:`warm_up`.

References
----------
.. [1] ASTM E1049-85 (reapproved 2011), "Standard Practices for Cycle Counting
   in Fatigue Analysis", section 5.4.4 (rainflow counting) and Fig. 6.
.. [2] P. Janiszewski, ``rainflow`` 3.2.0, https://github.com/iamlikeme/rainflow
   (MIT licence; used as a test oracle only, no code taken).
.. [3] NREL, BLAST-Lite 1.1.1, ``blast/utils/rainflow.py`` (vendors [2]).
.. [4] MathWorks, Signal Processing Toolbox, ``rainflow`` documentation
   (per-cycle table for the ASTM example).
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np

__all__ = [
    "Cycles",
    "RainflowCounter",
    "count_cycles",
    "cycle_histogram",
    "DEFAULT_DEPTH_EDGES",
    "DEFAULT_MEAN_EDGES",
    "warm_up",
]

# --------------------------------------------------------------------------
# Result container
# --------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Cycles:
    """Rainflow cycles as parallel numpy arrays (one element per cycle).

    Attributes
    ----------
    range : ndarray of float64
        Cycle range ``abs(x[i_start] - x[i_end])`` in the unit of the input
        (for SoC in [0, 1]: depth of discharge as a fraction).
    mean : ndarray of float64
        Cycle mean ``0.5 * (x[i_start] + x[i_end])`` in the unit of the input.
    count : ndarray of float64
        1.0 for a full cycle, 0.5 for a half cycle.
    i_start, i_end : ndarray of int64
        0-based sample indices of the two reversals that bound the cycle
        (``i_start < i_end``).  For a cycle counted by a
        :class:`RainflowCounter` these are global indices (samples of all
        chunks pushed so far).

    Rows are in emission order: full cycles when they close, then the
    residual half cycles in start order (the order of ``rainflow`` 3.2.0).
    """

    range: np.ndarray
    mean: np.ndarray
    count: np.ndarray
    i_start: np.ndarray
    i_end: np.ndarray

    def __len__(self) -> int:
        return int(self.count.shape[0])

    def __getitem__(self, key) -> "Cycles":
        """Select cycles with a slice, an index array or a boolean mask."""
        return Cycles(self.range[key], self.mean[key], self.count[key],
                      self.i_start[key], self.i_end[key])

    @property
    def efc(self) -> float:
        """Equivalent full cycles ``sum(count * range)`` (input units).

        For SoC in [0, 1] this is the charge throughput divided by twice the
        usable capacity, i.e. the usual "equivalent full cycles".  Because
        rainflow preserves total variation, ``2 * efc == sum(abs(diff(x)))``.
        """
        return float(np.dot(self.count, self.range)) if len(self) else 0.0

    @property
    def nbytes(self) -> int:
        """Bytes held by the five arrays (40 bytes per cycle)."""
        return int(sum(a.nbytes for a in (self.range, self.mean, self.count,
                                          self.i_start, self.i_end)))

    @staticmethod
    def empty() -> "Cycles":
        """A :class:`Cycles` with no rows."""
        f = np.empty(0, dtype=np.float64)
        i = np.empty(0, dtype=np.int64)
        return Cycles(f, f.copy(), f.copy(), i, i.copy())

    @staticmethod
    def concatenate(parts: Iterable["Cycles"]) -> "Cycles":
        """Concatenate several :class:`Cycles` in the given order."""
        parts = list(parts)
        if not parts:
            return Cycles.empty()
        if len(parts) == 1:
            return parts[0]
        return Cycles(*(np.concatenate([getattr(p, f) for p in parts])
                        for f in ("range", "mean", "count", "i_start", "i_end")))

    def tolist(self) -> list[tuple[float, float, float, int, int]]:
        """Rows as ``(range, mean, count, i_start, i_end)`` tuples, the format
        of :func:`rainflow.extract_cycles`."""
        return list(zip(self.range.tolist(), self.mean.tolist(), self.count.tolist(),
                        self.i_start.tolist(), self.i_end.tolist()))

    def __repr__(self) -> str:
        return f"Cycles(n={len(self)}, efc={self.efc:.6g})"


# --------------------------------------------------------------------------
# numba kernels (compiled lazily, see _kernels())
# --------------------------------------------------------------------------

# Kernel constants (numba freezes module globals at compile time; the cache
# is keyed on this file's content, so editing them recompiles).
#: Samples per block.  Each block is checked for NaN/inf, scanned for
#: reversals into a small scratch buffer (L1/L2 resident) and then fed to the
#: three-point stack.  Output and stack capacity are guaranteed per block.
_BLOCK = 2048
#: Sub-block of the vectorised slope-sign pre-pass (sparse mode).
_SUB = 64
#: A block with more than ``_BLOCK // _DENSE_DIV`` reversals switches the next
#: block to the branchless scan (random-walk-like data); otherwise the sparse
#: mode is used (it is faster when reversals are rare, e.g. SoC data).
_DENSE_DIV = 16
_FMAX = float(np.finfo(np.float64).max)

# istate layout (int64[4])
_N_OUT, _STK_LEN, _BAD, _DENSE = 0, 1, 2, 3
# fstate layout (float64[2]): last sample value, last non-zero slope
_PREV, _DSLOPE = 0, 1



def _signatures():
    """The one float64 signature of each kernel.

    The series is typed as a *read-only* C array, which also accepts
    writable arrays, so read-only inputs (memory maps, frozen arrays) need
    neither a copy nor a second compiled specialisation.
    """
    from numba import types as t

    x_ro = t.Array(t.float64, 1, "C", readonly=True)
    f64 = t.Array(t.float64, 1, "C")
    i64 = t.Array(t.int64, 1, "C")
    advance = t.int64(x_ro, t.int64, t.int64, t.int64, f64, i64, i64, f64,
                      f64, f64, f64, i64, i64)
    finish = t.int64(t.int64, f64, i64, i64, f64, f64, f64, f64, i64, i64)
    return advance, finish


def _advance_py(x, lo, hi, offset, fstate, istate, stk_i, stk_v,
                o_rng, o_mean, o_cnt, o_i0, o_i1):
    """Feed ``x[lo:hi]`` to the counter state; return the position reached.

    Stops early (returning the start of the block it could not process) when
    the output or stack buffers lack room for one more block, or at a
    non-finite sample (``istate[_BAD]`` is then set to its global index).
    ``offset`` is the global index of ``x[0]``; ``fstate[_PREV]`` holds the
    sample before ``x[lo]``.  The caller has already pushed sample 0 of the
    whole series as the first stack point.

    A reversal is confirmed at sample i when the slope into i has the opposite
    sign of the last non-zero slope ``dl`` (the product test of rainflow
    3.2.0); it sits at sample i-1, i.e. at the LAST sample of a plateau.
    """
    block = _BLOCK
    sub = _SUB
    dense_limit = _BLOCK // _DENSE_DIV
    fmax = _FMAX
    cap_out = o_rng.shape[0]
    cap_stk = stk_v.shape[0]
    rb_i = np.empty(block + 1, dtype=np.int64)
    rb_v = np.empty(block + 1, dtype=np.float64)
    prev = fstate[0]
    dl = fstate[1]
    n_out = istate[0]
    sl = istate[1]
    dense = istate[3]
    pos = lo
    while pos < hi:
        end = min(pos + block, hi)
        nb = end - pos
        if n_out + sl + nb > cap_out or sl + nb > cap_stk:
            break
        k = 0
        bad = -1
        if dense:
            # branchless scan: reversal-dense data (random walks) would
            # mispredict most branches.  A vectorised NaN/inf check of the
            # block comes first.  (Loops run over views with range(n) indices
            # so that numba emits no negative-index wrap-around code, which
            # would stop LLVM from vectorising them.)
            xb = x[pos:end]
            n_nf = 0
            for i in range(nb):
                n_nf += not (abs(xb[i]) <= fmax)
            if n_nf:
                bad = pos
            else:
                base = offset + pos - 1
                for i in range(nb):
                    v = xb[i]
                    d = v - prev
                    rb_i[k] = base + i
                    rb_v[k] = prev
                    k += 1 if dl * d < 0.0 else 0
                    dl = d if d != 0.0 else dl
                    prev = v
        else:
            a = pos
            if a == 0:
                # first sample of the chunk: its predecessor is the state's prev
                v = x[0]
                if not (abs(v) <= fmax):
                    bad = 0
                else:
                    d = v - prev
                    if d != 0.0:
                        if dl * d < 0.0:
                            rb_i[k] = offset - 1
                            rb_v[k] = prev
                            k += 1
                        dl = d
                    prev = v
                    a = 1
            while a < end and bad < 0:
                b = min(a + sub, end)
                m = b - a
                q = x[a:b]
                p = x[a - 1:b - 1]
                # vectorised pre-pass: slope signs and NaN/inf of the sub-block
                n_up = 0
                n_dn = 0
                n_nf = 0
                for i in range(m):
                    d = q[i] - p[i]
                    n_up += d > 0.0
                    n_dn += d < 0.0
                    n_nf += not (abs(q[i]) <= fmax)
                if n_nf:
                    bad = a
                    break
                if (n_up and n_dn) or (n_up and dl < 0.0) or (n_dn and dl > 0.0):
                    # a slope change inside: branchy exact scan
                    base = offset + a - 1
                    for i in range(m):
                        v = q[i]
                        d = v - prev
                        if d != 0.0:
                            if dl * d < 0.0:
                                rb_i[k] = base + i
                                rb_v[k] = prev
                                k += 1
                            dl = d
                        prev = v
                else:
                    # flat, or monotone in the current direction: no reversal
                    if n_up or n_dn:
                        i = m - 1
                        while q[i] == p[i]:
                            i -= 1
                        dl = q[i] - p[i]
                    prev = q[m - 1]
                a = b
        if bad >= 0:
            for i in range(bad, end):
                if not (abs(x[i]) <= fmax):
                    istate[2] = offset + i
                    break
            break
        dense = 1 if k > dense_limit else 0
        # three-point rule (ASTM E1049-85 5.4.4) on the new reversals.  The
        # new reversal r is X's end; it is stored only once no more ranges
        # close, and the two stack-top values stay in registers (t1 = top,
        # t2 = below it).
        t1 = stk_v[sl - 1] if sl >= 1 else 0.0
        t2 = stk_v[sl - 2] if sl >= 2 else 0.0
        for j in range(k):
            r = rb_v[j]
            while sl >= 2:
                if abs(r - t1) < abs(t1 - t2):
                    break          # X < Y: read the next reversal
                if sl == 2:
                    # Y contains the starting point: half cycle, drop point 0
                    o_rng[n_out] = abs(t2 - t1)
                    o_mean[n_out] = 0.5 * (t2 + t1)
                    o_cnt[n_out] = 0.5
                    o_i0[n_out] = stk_i[0]
                    o_i1[n_out] = stk_i[1]
                    n_out += 1
                    stk_i[0] = stk_i[1]
                    stk_v[0] = t1
                    sl = 1
                else:
                    # full cycle: drop the peak and valley of Y
                    o_rng[n_out] = abs(t2 - t1)
                    o_mean[n_out] = 0.5 * (t2 + t1)
                    o_cnt[n_out] = 1.0
                    o_i0[n_out] = stk_i[sl - 2]
                    o_i1[n_out] = stk_i[sl - 1]
                    n_out += 1
                    sl -= 2
                    if sl >= 1:
                        t1 = stk_v[sl - 1]
                    if sl >= 2:
                        t2 = stk_v[sl - 2]
            stk_i[sl] = rb_i[j]
            stk_v[sl] = r
            sl += 1
            t2 = t1
            t1 = r
        pos = end
    fstate[0] = prev
    fstate[1] = dl
    istate[0] = n_out
    istate[1] = sl
    istate[3] = dense
    return pos


def _finish_py(n_seen, fstate, istate, stk_i, stk_v, o_rng, o_mean, o_cnt, o_i0, o_i1):
    """End of series: the last sample becomes a reversal, then the residue.

    The last sample ``(n_seen - 1, fstate[_PREV])`` is appended as a point
    when at least two samples were seen and the series is not constant
    (``fstate[_DSLOPE] != 0``).  It may close full cycles; the remaining
    stack is emitted as half cycles in start order.  Modifies the stack
    arrays and ``istate`` (pass copies to keep a counter's state).  The
    output buffers need room for ``istate[_STK_LEN] + 1`` more rows.
    """
    n_out = istate[0]
    sl = istate[1]
    if n_seen >= 2 and fstate[1] != 0.0:
        stk_i[sl] = n_seen - 1
        stk_v[sl] = fstate[0]
        sl += 1
        while sl >= 3:
            x1 = stk_v[sl - 3]
            x2 = stk_v[sl - 2]
            x3 = stk_v[sl - 1]
            if abs(x3 - x2) < abs(x2 - x1):
                break
            if sl == 3:
                o_rng[n_out] = abs(x1 - x2)
                o_mean[n_out] = 0.5 * (x1 + x2)
                o_cnt[n_out] = 0.5
                o_i0[n_out] = stk_i[0]
                o_i1[n_out] = stk_i[1]
                n_out += 1
                stk_i[0] = stk_i[1]
                stk_v[0] = x2
                stk_i[1] = stk_i[2]
                stk_v[1] = x3
                sl = 2
            else:
                o_rng[n_out] = abs(x1 - x2)
                o_mean[n_out] = 0.5 * (x1 + x2)
                o_cnt[n_out] = 1.0
                o_i0[n_out] = stk_i[sl - 3]
                o_i1[n_out] = stk_i[sl - 2]
                n_out += 1
                stk_i[sl - 3] = stk_i[sl - 1]
                stk_v[sl - 3] = x3
                sl -= 2
    # residue: consecutive points as half cycles, in start order
    for j in range(sl - 1):
        a = stk_v[j]
        b = stk_v[j + 1]
        o_rng[n_out] = abs(a - b)
        o_mean[n_out] = 0.5 * (a + b)
        o_cnt[n_out] = 0.5
        o_i0[n_out] = stk_i[j]
        o_i1[n_out] = stk_i[j + 1]
        n_out += 1
    istate[0] = n_out
    istate[1] = 0
    return n_out


_KERNEL_LOCK = threading.Lock()
_KERNELS: tuple | None = None


def _kernels():
    """Compile (or load from cache) the kernels once, thread-safely.

    Decorating here rather than at import keeps ``import models.rainflow``
    cheap; the explicit signature makes numba compile exactly one float64
    specialisation (and cache it, see :mod:`models._jit`).
    """
    global _KERNELS
    if _KERNELS is None:
        with _KERNEL_LOCK:
            if _KERNELS is None:
                from ._jit import njit

                sig_advance, sig_finish = _signatures()
                _KERNELS = (njit(sig_advance)(_advance_py),
                            njit(sig_finish)(_finish_py))
    return _KERNELS


# --------------------------------------------------------------------------
# Buffers and the shared driver
# --------------------------------------------------------------------------

_PROBE = 1 << 16   # samples counted before the output size is estimated


class _Out:
    """Growable output buffers (five arrays, 40 bytes per row)."""

    __slots__ = ("rng", "mean", "cnt", "i0", "i1")

    def __init__(self, cap: int):
        self.rng = np.empty(cap, dtype=np.float64)
        self.mean = np.empty(cap, dtype=np.float64)
        self.cnt = np.empty(cap, dtype=np.float64)
        self.i0 = np.empty(cap, dtype=np.int64)
        self.i1 = np.empty(cap, dtype=np.int64)

    @property
    def cap(self) -> int:
        return self.rng.shape[0]

    def reserve(self, used: int, need: int) -> None:
        """Ensure capacity ``need``, keeping the first ``used`` rows."""
        if need <= self.cap:
            return
        cap = max(need, self.cap + self.cap // 2)
        for name in self.__slots__:
            old = getattr(self, name)
            new = np.empty(cap, dtype=old.dtype)
            new[:used] = old[:used]
            setattr(self, name, new)

    def result(self, n: int) -> Cycles:
        arrays = (self.rng, self.mean, self.cnt, self.i0, self.i1)
        if self.cap > 2 * n + 1024:   # do not keep a mostly empty buffer alive
            return Cycles(*(a[:n].copy() for a in arrays))
        return Cycles(*(a[:n] for a in arrays))


class _State:
    """Counter state: last sample, last non-zero slope, and the point stack.

    Memory: 16 bytes per stack point (int64 index + float64 value) at a
    capacity that grows by 1.5x plus one block (2048 points), plus a few
    scalars.  The stack holds the reversals that no cycle has closed yet; its
    ranges shrink strictly from bottom to top, so for bounded data it stays
    short (tens of points for SoC histories), but in the worst case (a
    damped oscillation) it grows with the number of reversals.
    """

    __slots__ = ("n_seen", "fstate", "istate", "stk_i", "stk_v")

    def __init__(self):
        self.n_seen = 0
        self.fstate = np.zeros(2, dtype=np.float64)
        self.istate = np.array([0, 0, -1, 0], dtype=np.int64)
        self.stk_i = np.empty(_BLOCK + 64, dtype=np.int64)
        self.stk_v = np.empty(_BLOCK + 64, dtype=np.float64)

    def copy(self) -> "_State":
        new = _State.__new__(_State)
        sl = int(self.istate[_STK_LEN])
        cap = max(sl + _BLOCK + 64, 64)
        new.n_seen = self.n_seen
        new.fstate = self.fstate.copy()
        new.istate = self.istate.copy()
        new.stk_i = np.empty(cap, dtype=np.int64)
        new.stk_v = np.empty(cap, dtype=np.float64)
        new.stk_i[:sl] = self.stk_i[:sl]
        new.stk_v[:sl] = self.stk_v[:sl]
        return new

    def reserve_stack(self, need: int) -> None:
        if need <= self.stk_v.shape[0]:
            return
        sl = int(self.istate[_STK_LEN])
        cap = max(need, self.stk_v.shape[0] * 3 // 2)
        for name in ("stk_i", "stk_v"):
            old = getattr(self, name)
            new = np.empty(cap, dtype=old.dtype)
            new[:sl] = old[:sl]
            setattr(self, name, new)

    @property
    def nbytes(self) -> int:
        return int(self.stk_i.nbytes + self.stk_v.nbytes
                   + self.fstate.nbytes + self.istate.nbytes)


def _as_series(x, name: str = "x") -> np.ndarray:
    """Input policy: a 1-D contiguous float64 copy or view of ``x``.

    Integer and boolean dtypes are converted to float64 first (so counting
    never overflows or wraps; integers above 2**53 are rounded).  Complex
    input is rejected.
    """
    a = np.asarray(x)
    if a.dtype.kind == "c":
        raise TypeError(f"{name} must be real, got dtype {a.dtype}")
    if a.dtype.kind not in "biuf":
        a = np.asarray(a, dtype=np.float64)   # e.g. object arrays of numbers
    if a.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional, got shape {a.shape}")
    return np.ascontiguousarray(a, dtype=np.float64)


def _check_first(x: np.ndarray, offset: int) -> None:
    if not np.isfinite(x[0]):
        raise ValueError(f"non-finite value {float(x[0])!r} at sample index {offset} "
                         "(NaN and inf are not allowed in a rainflow series)")


def _feed(state: _State, x: np.ndarray, out: _Out, expect_rows: float | None) -> None:
    """Push the samples of ``x`` (a float64 C array) into ``state``.

    Cycles closed by the chunk are written to ``out`` from row
    ``state.istate[_N_OUT]``.  Raises ``ValueError`` at the first non-finite
    sample; ``state`` is then left partially updated (callers that must stay
    consistent work on a copy).
    """
    advance, _ = _kernels()
    n = x.shape[0]
    if n == 0:
        return
    offset = state.n_seen
    lo = 0
    fs, ist = state.fstate, state.istate
    if state.n_seen == 0:
        _check_first(x, 0)
        state.stk_i[0] = 0
        state.stk_v[0] = x[0]
        ist[_STK_LEN] = 1
        fs[_PREV] = x[0]
        fs[_DSLOPE] = 0.0
        lo = 1
    n_out0 = int(ist[_N_OUT])
    if expect_rows is not None:
        out.reserve(n_out0, n_out0 + int(expect_rows) + _BLOCK + 64)
    target = n if expect_rows is not None else min(n, lo + _PROBE)
    pos = lo
    while True:
        pos = advance(x, pos, target, offset, fs, ist, state.stk_i, state.stk_v,
                      out.rng, out.mean, out.cnt, out.i0, out.i1)
        if ist[_BAD] >= 0:
            bad = int(ist[_BAD])
            ist[_BAD] = -1
            raise ValueError(f"non-finite value {float(x[bad - offset])!r} at sample index {bad} "
                             "(NaN and inf are not allowed in a rainflow series)")
        sl = int(ist[_STK_LEN])
        n_out = int(ist[_N_OUT])
        if pos < target:          # buffers too small for the next block
            state.reserve_stack(sl + _BLOCK + 1)
            grow = n_out + sl + _BLOCK + 1
            if pos > lo:          # extrapolate the row density seen so far
                grow = max(grow, n_out + int((n_out - n_out0) / (pos - lo) * (n - pos) * 1.1))
            out.reserve(n_out, grow)
            continue
        if target == n:
            break
        # probe done: size the output for the rest of the chunk
        est = (n_out - n_out0) / max(pos - lo, 1) * (n - pos) * 1.1
        out.reserve(n_out, n_out + int(est) + sl + _BLOCK + 64)
        target = n
    state.n_seen += n


def _finish(state: _State, out: _Out) -> None:
    """Append the end-of-series cycles of ``state`` to ``out`` (consumes it)."""
    _, finish = _kernels()
    sl = int(state.istate[_STK_LEN])
    n_out = int(state.istate[_N_OUT])
    out.reserve(n_out, n_out + sl + 2)
    state.reserve_stack(sl + 2)
    finish(state.n_seen, state.fstate, state.istate, state.stk_i, state.stk_v,
           out.rng, out.mean, out.cnt, out.i0, out.i1)


# --------------------------------------------------------------------------
# Public functions
# --------------------------------------------------------------------------


def count_cycles(x) -> Cycles:
    """Rainflow-count the whole series ``x`` (ASTM E1049-85, 3-point method).

    Parameters
    ----------
    x : array_like, 1-D
        The series, e.g. SoC as a fraction [-] at fixed time steps.  Any real
        dtype; converted to contiguous float64 first.

    Returns
    -------
    Cycles
        One row per cycle ``(range, mean, count, i_start, i_end)`` in
        emission order.

    Raises
    ------
    ValueError
        If ``x`` contains NaN or +-inf (the message names the first bad
        sample index), or is not one-dimensional.
    TypeError
        If ``x`` is complex.

    Notes
    -----
    Policies (see ``docs/rainflow.md``):

    * ``n >= 3`` finite, not all equal: identical to
      :func:`rainflow.extract_cycles` 3.2.0, including order.
    * fewer than 2 samples: no cycles.
    * two distinct samples ``[a, b]``: one half cycle ``(|a-b|, (a+b)/2, 0.5,
      0, 1)`` (rainflow 3.2.0 returns nothing; ASTM treats both ends as
      reversals).
    * a constant series: no cycles (rainflow 3.2.0 returns one zero-range
      half cycle).
    * NaN / inf: ``ValueError`` (rainflow 3.2.0 returns wrong cycles).
    * integer dtypes: converted to float64 first, so nothing overflows
      (rainflow 3.2.0 overflows on int32 / wraps on uint8).
    * plateaus: a reversal on a plateau is placed at the **last** sample of
      the plateau (as rainflow 3.2.0); the first and last samples are always
      reversals.
    * a slope change is detected with ``d_prev * d_next < 0`` as in rainflow
      3.2.0; if that product underflows to zero (both slopes below about
      1e-162 in magnitude) the reversal is not recognised, exactly like the
      reference.

    The work is one pass over the data in blocks of 2048 samples.  When
    reversals are rare (SoC data) a vectorised pre-pass over 64-sample
    sub-blocks checks for NaN/inf and skips flat or monotone stretches at
    memory speed, and only sub-blocks with a slope change get the exact
    branchy scan; when reversals are dense (random walks) a branchless scan
    is used.  The reversals then go through the three-point stack.  Output
    arrays grow with the number of cycles (40 bytes per cycle), never with
    ``n``.  See ``docs/rainflow.md`` and ``docs/performance.md``.

    Examples
    --------
    >>> c = count_cycles([-2, 1, -3, 5, -1, 3, -4, 4, -2])   # ASTM Fig. 6
    >>> c.range.tolist()
    [3.0, 4.0, 4.0, 8.0, 9.0, 8.0, 6.0]
    >>> c.count.tolist()
    [0.5, 0.5, 1.0, 0.5, 0.5, 0.5, 0.5]
    """
    a = _as_series(x)
    if a.shape[0] < 2:
        return Cycles.empty()
    state = _State()
    out = _Out(min(a.shape[0], _BLOCK) + _BLOCK + 64)
    _feed(state, a, out, None)
    _finish(state, out)
    return out.result(int(state.istate[_N_OUT]))


class RainflowCounter:
    """Streaming rainflow counter: push chunks, get the cycles they close.

    Counting each chunk separately turns every cycle that spans a chunk
    boundary into half cycles (breos #154 reports -4.2 % equivalent full
    cycles on a midnight-straddling probe).  This counter carries the state
    of the three-point algorithm across chunks instead, so for **any**
    chunking::

        Cycles.concatenate([c.push(k) for k in chunks] + [c.residue()])
        == count_cycles(np.concatenate(chunks))      # element for element

    Indices are global (counted over all samples pushed so far).

    State and memory: the last sample, the last non-zero slope, the sample
    count and the stack of still-open reversals (16 bytes per point; capacity
    is the stack length plus one 2048-point block, about 33 kB for SoC data,
    where the stack has tens of points).  The stack holds points with
    strictly shrinking ranges, so it only grows long for very unusual data
    (a long damped oscillation); its length is :attr:`open_points`.
    :meth:`copy` snapshots the state in O(stack length).

    Examples
    --------
    >>> c = RainflowCounter()
    >>> c.push([0.5, 0.9, 0.4, 0.8]).tolist()     # starting-point half cycle
    [(0.4, 0.7, 0.5, 0, 1)]
    >>> c.push([0.3, 0.6, 0.2]).tolist()          # 0.3 confirms: 0.4-0.8 closes
    [(0.4, 0.6000000000000001, 1.0, 2, 3)]
    >>> c.residue().tolist()                      # end: 0.2 closes 0.3-0.6
    [(0.3, 0.44999999999999996, 1.0, 4, 5), (0.7, 0.55, 0.5, 1, 6)]
    >>> c.n_samples
    7
    """

    __slots__ = ("_state", "_rows_per_sample")

    def __init__(self):
        self._state = _State()
        self._rows_per_sample = 0.0

    @property
    def n_samples(self) -> int:
        """Samples pushed so far (the global index of the next sample)."""
        return self._state.n_seen

    @property
    def open_points(self) -> int:
        """Reversals on the stack not yet closed into a cycle."""
        return int(self._state.istate[_STK_LEN])

    @property
    def nbytes(self) -> int:
        """Bytes of state held by the counter (mostly the stack buffer)."""
        return self._state.nbytes

    def open_indices(self) -> np.ndarray:
        """Global sample indices that later cycles may still start or end on.

        These are the open reversals on the stack plus the last sample pushed
        (it becomes a reversal if the next sample turns back), sorted and
        unique.  Every cycle returned by a later :meth:`push` or
        :meth:`residue` has ``i_start`` in this set or at a sample not yet
        pushed, and ``i_end`` in this set or not yet pushed.  Useful for
        keeping per-sample data (time, temperature) only where it is still
        needed.  Unlike ``residue()`` indices, this includes the first sample
        of a series that has been constant so far.
        """
        st = self._state
        sl = int(st.istate[_STK_LEN])
        if st.n_seen == 0:
            return np.empty(0, dtype=np.int64)
        idx = np.append(st.stk_i[:sl], st.n_seen - 1)
        return np.unique(idx)

    def push(self, chunk) -> Cycles:
        """Count the samples of ``chunk`` after those pushed before.

        Returns the cycles closed by the samples of this chunk (global
        indices).  A chunk's last sample is only confirmed as a reversal by a
        later sample moving the other way, so cycles it would close appear in
        the next :meth:`push` or in :meth:`residue`.  Empty chunks are
        allowed.  On ``ValueError`` (NaN/inf, index named in the message) the
        counter is left unchanged.
        """
        a = _as_series(chunk, "chunk")
        if a.shape[0] == 0:
            return Cycles.empty()
        work = self._state.copy()      # committed only on success
        work.istate[_N_OUT] = 0
        n = a.shape[0]
        expect = self._rows_per_sample * n * 1.1 if self._state.n_seen >= _PROBE else None
        out = _Out(min(n, _BLOCK) + _BLOCK + 64 + int(work.istate[_STK_LEN]))
        _feed(work, a, out, expect)
        rows = int(work.istate[_N_OUT])
        work.istate[_N_OUT] = 0
        self._state = work
        total = self._state.n_seen
        self._rows_per_sample += (rows - self._rows_per_sample * n) / total
        return out.result(rows)

    def residue(self) -> Cycles:
        """Cycles that ending the stream now would add, without consuming them.

        These are the still-open half cycles (count 0.5) in start order.  The
        last sample pushed becomes the final reversal, so when it lies beyond
        the previous range it first closes full cycles (count 1.0), exactly
        as at the end of :func:`count_cycles`.
        """
        st = self._state.copy()
        st.istate[_N_OUT] = 0
        out = _Out(int(st.istate[_STK_LEN]) + 2)
        _finish(st, out)
        return out.result(int(st.istate[_N_OUT]))

    def copy(self) -> "RainflowCounter":
        """Independent snapshot of the counter (O(stack length))."""
        new = RainflowCounter.__new__(RainflowCounter)
        new._state = self._state.copy()
        new._rows_per_sample = self._rows_per_sample
        return new

    __copy__ = copy

    def __deepcopy__(self, memo) -> "RainflowCounter":
        return self.copy()

    def __repr__(self) -> str:
        return (f"RainflowCounter(n_samples={self.n_samples}, "
                f"open_points={self.open_points})")


# --------------------------------------------------------------------------
# Binning for the cycle map
# --------------------------------------------------------------------------

#: Default depth (range) bin edges for SoC as a fraction: 0, 0.05, ..., 1.0.
DEFAULT_DEPTH_EDGES = np.round(np.linspace(0.0, 1.0, 21), 12)
#: Default mean-SoC bin edges: 0, 0.1, ..., 1.0.
DEFAULT_MEAN_EDGES = np.round(np.linspace(0.0, 1.0, 11), 12)


def _edges(e, default: np.ndarray, name: str) -> np.ndarray:
    if e is None:
        return default.copy()
    e = np.asarray(e, dtype=np.float64)
    if e.ndim != 1 or e.shape[0] < 2 or not np.all(np.isfinite(e)) or np.any(np.diff(e) <= 0):
        raise ValueError(f"{name} must be a 1-D, finite, strictly increasing array "
                         "of at least 2 edges")
    return e


def _bin_index(v: np.ndarray, e: np.ndarray) -> np.ndarray:
    """Bin of each value: [e[k], e[k+1]) and the last bin closed; -1 outside."""
    k = np.searchsorted(e, v, side="right") - 1
    k[v == e[-1]] = e.shape[0] - 2
    k[(v < e[0]) | (v > e[-1])] = -1
    return k


def cycle_histogram(cycles: Cycles, depth_edges: Sequence[float] | None = None,
                    mean_edges: Sequence[float] | None = None):
    """2-D histogram of cycles over depth (range) x mean, weighted by count.

    Parameters
    ----------
    cycles : Cycles
        Output of :func:`count_cycles` or :class:`RainflowCounter`.
    depth_edges : array_like, optional
        Bin edges for the cycle range (depth).  Default
        :data:`DEFAULT_DEPTH_EDGES` = 0, 0.05, ..., 1.0 (SoC fraction).
    mean_edges : array_like, optional
        Bin edges for the cycle mean.  Default :data:`DEFAULT_MEAN_EDGES` =
        0, 0.1, ..., 1.0.

    Returns
    -------
    depth_edges, mean_edges : ndarray of float64
        The edges used.
    counts : ndarray of float64, shape (len(depth_edges)-1, len(mean_edges)-1)
        ``counts[i, j]`` = sum of ``count`` (full = 1, half = 0.5) of the
        cycles with depth in bin ``i`` and mean in bin ``j``.

    Notes
    -----
    Bin closure follows :func:`numpy.histogram2d`: every bin is closed on the
    left and open on the right, ``[e[k], e[k+1])``, except the last, which is
    closed on both sides, so a depth of exactly 1.0 or a mean of exactly 1.0
    is counted.  Cycles outside the edges are not counted (with the default
    edges and SoC in [0, 1] none are).  Note the difference to
    ``rainflow.count_cycles(binsize=...)``, whose bins are right-closed.
    """
    de = _edges(depth_edges, DEFAULT_DEPTH_EDGES, "depth_edges")
    me = _edges(mean_edges, DEFAULT_MEAN_EDGES, "mean_edges")
    nd, nm = de.shape[0] - 1, me.shape[0] - 1
    if len(cycles) == 0:
        return de, me, np.zeros((nd, nm), dtype=np.float64)
    i = _bin_index(np.asarray(cycles.range, dtype=np.float64), de)
    j = _bin_index(np.asarray(cycles.mean, dtype=np.float64), me)
    keep = (i >= 0) & (j >= 0)
    flat = i[keep] * nm + j[keep]
    counts = np.bincount(flat, weights=np.asarray(cycles.count)[keep], minlength=nd * nm)
    return de, me, counts.reshape(nd, nm).astype(np.float64, copy=False)


# --------------------------------------------------------------------------
# Warm-up
# --------------------------------------------------------------------------


def warm_up() -> None:
    """Compile (first run) or load from cache every rainflow kernel.

    Runs each kernel on tiny inputs, including both scan variants.  Safe to
    call from a background thread (the kernels release the GIL) and more than
    once.
    """
    count_cycles(np.array([0.0, 1.0, 0.0, 1.0, 0.5]))
    rng = np.random.default_rng(0)
    count_cycles(np.cumsum(rng.standard_normal(3 * _BLOCK)))   # dense path
    c = RainflowCounter()
    c.push(np.array([0.2, 0.8, 0.3]))
    c.residue()

