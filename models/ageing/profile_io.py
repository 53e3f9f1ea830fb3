"""CSV input/output of the ``degrade`` command: SoC/temperature profiles and SoH trajectories.

Profile format: a header line and the columns ``time_s,soc,temp_c`` (any order,
extra columns ignored): seconds from the start (strictly increasing), SoC as a
fraction of the current capacity in [0, 1], cell temperature in degC.  Every
problem raises :class:`ProfileError` naming the row (header = row 1) and column.
"""
from __future__ import annotations

import csv
import io
import math
from pathlib import Path

import numpy as np

REQUIRED = ("time_s", "soc", "temp_c")
TRAJECTORY_COLUMNS = ("t_years", "soh", "loss_calendar", "loss_cycle", "efc")

__all__ = ["ProfileError", "read_profile", "parse_profile", "write_trajectory_csv", "yearly_rows",
           "REQUIRED", "TRAJECTORY_COLUMNS"]


class ProfileError(ValueError):
    """A profile CSV problem.

    ``row`` is the 1-based row of the file as a spreadsheet shows it (the header is row 1),
    ``column`` the column name.
    """

    def __init__(self, message, row=None, column=None):
        self.row = row
        self.column = column
        where = []
        if row is not None:
            where.append(f"row {row}")
        if column is not None:
            where.append(f"column {column!r}")
        super().__init__(f"{', '.join(where)}: {message}" if where else message)


def read_profile(path):
    """Read a profile CSV file -> ``(time_s, soc, temp_c)`` float64 arrays (see module doc)."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise ProfileError(f"cannot read {p}: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ProfileError(f"not UTF-8 text (byte {exc.start})") from None
    return parse_profile(text)


def parse_profile(text):
    """Parse profile CSV text -> ``(time_s, soc, temp_c)``; raises :class:`ProfileError`."""
    rows = csv.reader(io.StringIO(text))
    header = None
    header_line = 0
    for lineno, row in enumerate(rows, start=1):
        if row and any(c.strip() for c in row):
            header = [c.strip().lower() for c in row]
            header_line = lineno
            break
    if header is None:
        raise ProfileError("the file is empty (expected a header with time_s,soc,temp_c)")
    for name in REQUIRED:
        if name not in header:
            raise ProfileError(f"missing column (header has: {', '.join(header) or 'nothing'})",
                               row=header_line, column=name)
    idx = [header.index(name) for name in REQUIRED]
    cols = ([], [], [])
    lines = []
    for lineno, row in enumerate(rows, start=header_line + 1):
        if not row or not any(c.strip() for c in row):
            continue
        for k, (j, name) in enumerate(zip(idx, REQUIRED)):
            if j >= len(row):
                raise ProfileError(f"missing value ({len(row)} fields, header has {len(header)})",
                                   row=lineno, column=name)
            cell = row[j].strip()
            try:
                v = float(cell)
            except ValueError:
                raise ProfileError(f"not a number: {cell!r}", row=lineno, column=name) from None
            if not math.isfinite(v):
                raise ProfileError(f"not a finite number: {cell!r}", row=lineno, column=name)
            cols[k].append(v)
        lines.append(lineno)
    if len(lines) < 2:
        raise ProfileError(f"need at least 2 data rows, found {len(lines)}")
    t, soc, temp = (np.asarray(c, dtype=np.float64) for c in cols)
    bad = np.nonzero(np.diff(t) <= 0)[0]
    if bad.size:
        i = int(bad[0]) + 1
        raise ProfileError(f"time must increase (got {float(t[i])!r} after {float(t[i - 1])!r})", row=lines[i],
                           column="time_s")
    bad = np.nonzero((soc < 0.0) | (soc > 1.0))[0]
    if bad.size:
        i = int(bad[0])
        raise ProfileError(f"SoC must be a fraction in [0, 1], got {float(soc[i])!r}", row=lines[i], column="soc")
    bad = np.nonzero((temp < -60.0) | (temp > 100.0))[0]
    if bad.size:
        i = int(bad[0])
        raise ProfileError(f"temperature {float(temp[i])!r} degC is outside -60..100", row=lines[i], column="temp_c")
    return t, soc, temp


def yearly_rows(traj):
    """Indices of the trajectory rows at t = 0, each whole year, and the end (no duplicates)."""
    t = np.asarray(traj.t_years)
    idx = [0]
    for y in range(1, int(math.floor(t[-1] + 1e-9)) + 1):
        idx.append(int(np.argmin(np.abs(t - y))))
    if abs(t[-1] - t[idx[-1]]) > 1e-9:
        idx.append(len(t) - 1)
    return sorted(set(idx))


def write_trajectory_csv(traj, fh, rows=None):
    """Write ``t_years,soh,loss_calendar,loss_cycle,efc`` rows of ``traj`` to the text file ``fh``."""
    rows = yearly_rows(traj) if rows is None else rows
    w = csv.writer(fh, lineterminator="\n")
    w.writerow(TRAJECTORY_COLUMNS)
    for i in rows:
        w.writerow([f"{float(getattr(traj, c)[i]):.6f}" if c in ("t_years", "efc")
                    else f"{float(getattr(traj, c)[i]):.8f}" for c in TRAJECTORY_COLUMNS])
