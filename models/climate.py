"""Ambient and battery temperature for the ageing model.

* :func:`load_presets` / :func:`get_preset`: monthly climate normals of preset
  cities (``resources/presets/climates.json``, written by
  ``build/make_presets.py`` from the project's research notes ``profiles.md``
  section 1; ``confidence`` is "verified" when every row was read in the named
  source, else "uncertain"; ``source`` is the customer-facing citation and
  ``notes`` the dealer-facing caveats, e.g. which rows must be confirmed).
* :func:`ambient_temp_c`: air temperature at any time stamps from monthly mean,
  mean daily maximum and mean daily minimum, with a daily cycle (minimum at
  05:00, maximum at 14:00 local time).
* :func:`battery_temp_c`: pack temperature = ambient + parked offset + a simple
  self-heating term while charging/discharging.  **Planning assumptions,
  uncertain**: no public source with numbers was found (profiles.md section 7).
* :func:`read_hourly_temperature_csv` / :func:`hourly_temp_series`: an imported
  hourly air temperature year (8760 or 8784 rows).

Daily cycle model
-----------------
Monthly values are attached to the middle of each month and interpolated
linearly (cyclic over the year) to every time stamp, giving a mean ``m`` and a
half range ``a = (max - min) / 2``.  The temperature is ``m + a * s(h)`` with
``s`` = -cos(pi (h - 5) / 9) between 05:00 and 14:00 (rising from -1 to +1) and
cos(pi ((h - 14) mod 24) / 15) from 14:00 to 05:00 (falling back to -1).  Both
half waves average to zero, so every day's mean equals the interpolated
monthly mean, and the monthly means of the normals are reproduced to within the
interpolation smoothing.  It is a deliberately simple two-segment cosine
daily cycle; it ignores weather, so it gives climate-typical but never extreme
days (use an imported hourly year for those).
"""
from __future__ import annotations

import csv
import datetime as _dt
import io
import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ._jit import njit
from .paths import resources_dir

#: Pack temperature above ambient when parked [K] (profiles.md section 7: 0-3 K in sun; uncertain).
PARKED_OFFSET_K = 1.5
#: Steady self-heating per C-rate of charge/discharge power [K per 1/h] (profiles.md section 7:
#: AC charging at 3-6 kW adds about 1-3 K; 13 K/C gives +2 K at 6 kW on a 40 kWh pack; uncertain).
HEATING_K_PER_C = 13.0
#: Status of the two constants above.
BATTERY_TEMP_CONFIDENCE = "uncertain"
HOUR_OF_MIN = 5.0
HOUR_OF_MAX = 14.0

__all__ = ["ClimatePreset", "ClimateFileError", "load_presets", "get_preset", "preset_ids",
           "ambient_temp_c", "battery_temp_c", "make_timestamps", "read_hourly_temperature_csv",
           "parse_hourly_temperature_csv", "hourly_temp_series", "PARKED_OFFSET_K",
           "HEATING_K_PER_C", "BATTERY_TEMP_CONFIDENCE"]


# ------------------------------------------------------------------ presets
@dataclass(frozen=True)
class ClimatePreset:
    """Monthly normals of one city (Jan..Dec, degC) with provenance."""

    id: str
    name_en: str
    name_ja: str
    station: str
    mean_c: tuple
    max_c: tuple
    min_c: tuple
    source: str
    as_of: str
    confidence: str
    row_confidence: dict
    notes: str = ""

    def name(self, lang="en"):
        return self.name_ja if str(lang).startswith("ja") else self.name_en


def _climates_path() -> Path:
    return resources_dir() / "presets" / "climates.json"


def load_presets(path=None) -> dict:
    """All climate presets, ``{id: ClimatePreset}`` in file order."""
    p = Path(path) if path is not None else _climates_path()
    data = json.loads(p.read_text(encoding="utf-8"))
    out = {}
    for d in data["presets"]:
        out[d["id"]] = ClimatePreset(
            id=d["id"], name_en=d["name_en"], name_ja=d["name_ja"], station=d["station"],
            mean_c=tuple(float(v) for v in d["mean_c"]), max_c=tuple(float(v) for v in d["max_c"]),
            min_c=tuple(float(v) for v in d["min_c"]), source=d["source"], as_of=d["as_of"],
            confidence=d["confidence"], row_confidence=dict(d.get("row_confidence", {})),
            notes=d.get("notes", ""))
    return out


def preset_ids() -> tuple:
    return tuple(load_presets())


def get_preset(preset_id: str) -> ClimatePreset:
    presets = load_presets()
    try:
        return presets[preset_id]
    except KeyError:
        raise ValueError(f"unknown climate preset {preset_id!r}; valid ids: {', '.join(presets)}") from None


# ------------------------------------------------------------------ time stamps
def make_timestamps(start, step_minutes, n) -> np.ndarray:
    """``n`` local time stamps (``datetime64[s]``) from ``start`` (date, datetime or ISO string)."""
    if isinstance(start, _dt.date) and not isinstance(start, _dt.datetime):
        start = _dt.datetime(start.year, start.month, start.day)
    t0 = np.datetime64(start, "s")
    step = np.timedelta64(int(round(float(step_minutes) * 60)), "s")
    if step <= np.timedelta64(0, "s"):
        raise ValueError(f"step_minutes must be positive, got {step_minutes!r}")
    return t0 + np.arange(int(n)) * step


def _as_timestamps(timestamps, start, step_minutes, n):
    if timestamps is not None:
        return np.asarray(timestamps, dtype="datetime64[s]")
    if start is None or step_minutes is None or n is None:
        raise ValueError("give either timestamps or start, step_minutes and n")
    return make_timestamps(start, step_minutes, n)


def _month_position(ts):
    """Fractional month index (0 = start of January, 12 = end of December)."""
    years = ts.astype("datetime64[Y]")
    months = ts.astype("datetime64[M]")
    idx = (months - years.astype("datetime64[M]")).astype(np.int64)
    m0 = months.astype("datetime64[s]")
    m1 = (months + 1).astype("datetime64[s]")
    frac = (ts - m0).astype(np.float64) / (m1 - m0).astype(np.float64)
    return idx + frac


def _monthly_interp(values, mpos):
    v = np.asarray(values, dtype=np.float64)
    if v.shape != (12,):
        raise ValueError(f"monthly values must have 12 entries (Jan..Dec), got shape {v.shape}")
    if not np.all(np.isfinite(v)):
        raise ValueError("monthly values must be finite numbers")
    x = np.arange(-1, 13) + 0.5
    y = np.concatenate(([v[11]], v, [v[0]]))
    return np.interp(mpos, x, y)


def _daily_shape(hour):
    """-1 at 05:00, +1 at 14:00, two cosine half waves (each with zero mean)."""
    h = np.asarray(hour, dtype=np.float64)
    rising = (h >= HOUR_OF_MIN) & (h < HOUR_OF_MAX)
    up = -np.cos(np.pi * (h - HOUR_OF_MIN) / (HOUR_OF_MAX - HOUR_OF_MIN))
    hh = np.mod(h - HOUR_OF_MAX, 24.0)
    down = np.cos(np.pi * hh / (24.0 - (HOUR_OF_MAX - HOUR_OF_MIN)))
    return np.where(rising, up, down)


def ambient_temp_c(monthly_mean, monthly_max, monthly_min, timestamps=None, *, start=None,
                   step_minutes=None, n=None) -> np.ndarray:
    """Air temperature [degC] at local time stamps from monthly climate normals.

    Parameters
    ----------
    monthly_mean, monthly_max, monthly_min : sequence of 12 float
        Monthly mean temperature, mean daily maximum and mean daily minimum
        [degC], January to December.
    timestamps : array_like of datetime64 or datetime, optional
        Local time stamps.  Alternatively give ``start`` (date/datetime/ISO
        string), ``step_minutes`` and ``n``.

    Returns
    -------
    ndarray of float64
        Temperature [degC]; minimum at 05:00 and maximum at 14:00 each day,
        daily mean = monthly mean interpolated between mid-months, daily range
        = interpolated (max - min).  See the module docstring.
    """
    ts = _as_timestamps(timestamps, start, step_minutes, n)
    mx = np.asarray(monthly_max, dtype=np.float64)
    mn = np.asarray(monthly_min, dtype=np.float64)
    if np.any(mx < mn):
        i = int(np.argmax(mx < mn))
        raise ValueError(f"monthly max below monthly min in month {i + 1}")
    mpos = _month_position(ts)
    mean = _monthly_interp(monthly_mean, mpos)
    half = 0.5 * (_monthly_interp(mx, mpos) - _monthly_interp(mn, mpos))
    hour = (ts - ts.astype("datetime64[D]")).astype(np.float64) / 3600.0
    return mean + half * _daily_shape(hour)


def battery_temp_c(ambient_c, power_kw=None, capacity_kwh=None, *, parked_offset_k=PARKED_OFFSET_K,
                   heating_k_per_c=HEATING_K_PER_C, time_constant_h=0.0, step_minutes=None) -> np.ndarray:
    """Battery (cell) temperature [degC] from ambient air temperature.

    ``T_batt = T_ambient + parked_offset_k + heating_k_per_c * |P| / E`` with the
    charge/discharge power ``P`` [kW] and the pack energy ``E`` [kWh] (so ``|P|/E``
    is the C-rate [1/h]); optionally the heating term is smoothed by a
    first-order lag ``time_constant_h`` (needs ``step_minutes``).

    The defaults are planning assumptions marked **uncertain**
    (:data:`BATTERY_TEMP_CONFIDENCE`): pack about 0-3 K above ambient when
    parked, AC charging at 3-6 kW adding about 1-3 K (profiles.md section 7;
    no authoritative public numbers were found).  Active thermal management
    (cooling in heat, heating in cold) is not modelled.
    """
    amb = np.asarray(ambient_c, dtype=np.float64)
    if power_kw is None:
        return amb + float(parked_offset_k)
    if capacity_kwh is None or not capacity_kwh > 0:
        raise ValueError("capacity_kwh must be positive when power_kw is given")
    p = np.broadcast_to(np.asarray(power_kw, dtype=np.float64), amb.shape)
    if time_constant_h and time_constant_h > 0:
        if not step_minutes:
            raise ValueError("step_minutes is needed with time_constant_h")
        a = math.exp(-(float(step_minutes) / 60.0) / float(time_constant_h))
        heat = np.abs(p) * float(heating_k_per_c) / float(capacity_kwh)
        return amb + float(parked_offset_k) + first_order_lag(np.ascontiguousarray(heat), a)
    # called for every year of both runs: one compiled pass instead of five numpy passes
    out = _heated(np.ascontiguousarray(amb).reshape(-1), np.ascontiguousarray(p).reshape(-1),
                  float(parked_offset_k), float(heating_k_per_c), float(capacity_kwh))
    return out.reshape(amb.shape)


@njit
def _heated(amb, p, offset_k, k_per_c, capacity_kwh):
    """``(amb + offset_k) + |p| k_per_c / capacity_kwh`` element by element (same rounding as numpy)."""
    out = np.empty(amb.shape[0])
    for i in range(amb.shape[0]):
        out[i] = (amb[i] + offset_k) + (abs(p[i]) * k_per_c) / capacity_kwh
    return out


def first_order_lag(x: np.ndarray, a: float) -> np.ndarray:
    """Discrete first-order lag ``y[i] = (1 - a) x[i] + a y[i-1]``, ``y[-1] = 0``.

    ``a = exp(-dt / tau)`` for a step ``dt`` and a time constant ``tau`` (the
    exact step response of ``tau dy/dt = x - y`` with ``x`` held over each
    step).  The same recursion as ``scipy.signal.lfilter([1 - a], [1, -a], x)``;
    a plain loop here so that the app does not need scipy.
    """
    y = np.empty(x.shape[0])
    prev = 0.0
    b = 1.0 - a
    for i, v in enumerate(x.tolist()):
        prev = b * v + a * prev
        y[i] = prev
    return y


# ------------------------------------------------------------------ hourly import
class ClimateFileError(ValueError):
    """Problem in an hourly temperature CSV; ``row`` = spreadsheet row (header = 1), ``column`` = name."""

    def __init__(self, message, row=None, column=None):
        self.row = row
        self.column = column
        where = ", ".join(x for x in (f"row {row}" if row is not None else "",
                                      f"column {column!r}" if column is not None else "") if x)
        super().__init__(f"{where}: {message}" if where else message)


def read_hourly_temperature_csv(path) -> np.ndarray:
    """Read an hourly air-temperature year (8760 or 8784 values, degC) from a CSV file.

    The file has one value per row, either as its only column or in a column
    named ``temp_c`` (a header row is optional when there is one column).
    """
    p = Path(path)
    try:
        text = p.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise ClimateFileError(f"cannot read {p}: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise ClimateFileError(f"not UTF-8 text (byte {exc.start})") from None
    return parse_hourly_temperature_csv(text)


def parse_hourly_temperature_csv(text) -> np.ndarray:
    rows = [(i, r) for i, r in enumerate(csv.reader(io.StringIO(text)), start=1)
            if r and any(c.strip() for c in r)]
    if not rows:
        raise ClimateFileError("the file is empty (expected 8760 hourly temperatures)")
    first_row, first = rows[0]
    header = [c.strip().lower() for c in first]
    col, name = 0, "temp_c"
    if "temp_c" in header:
        col = header.index("temp_c")
        rows = rows[1:]
    else:
        try:
            float(first[0])
        except ValueError:
            if len(first) == 1:
                rows = rows[1:]           # a one-column header with another name
                name = first[0].strip() or "temp_c"
            else:
                raise ClimateFileError("no 'temp_c' column in the header", row=first_row, column="temp_c") from None
    vals = []
    for i, r in rows:
        if col >= len(r):
            raise ClimateFileError("missing value", row=i, column=name)
        cell = r[col].strip()
        try:
            v = float(cell)
        except ValueError:
            raise ClimateFileError(f"not a number: {cell!r}", row=i, column=name) from None
        if not math.isfinite(v) or not -60.0 <= v <= 60.0:
            raise ClimateFileError(f"temperature must be a finite number in -60..60 degC, got {cell!r}",
                                   row=i, column=name)
        vals.append(v)
    if len(vals) not in (8760, 8784):
        raise ClimateFileError(f"need 8760 (or 8784) hourly values, found {len(vals)}")
    return np.asarray(vals, dtype=np.float64)


def hourly_temp_series(hourly_c, timestamps=None, *, start=None, step_minutes=None, n=None) -> np.ndarray:
    """Temperature [degC] at time stamps from an hourly year (linear between hours, cyclic).

    Value ``k`` of ``hourly_c`` is the temperature at hour ``k`` after 1 January 00:00
    of each year; a 8760-value year is reused for leap years (hours beyond wrap).
    """
    h = np.asarray(hourly_c, dtype=np.float64)
    ts = _as_timestamps(timestamps, start, step_minutes, n)
    y0 = ts.astype("datetime64[Y]").astype("datetime64[s]")
    hours = (ts - y0).astype(np.float64) / 3600.0
    pos = np.mod(hours, h.shape[0])
    x = np.arange(h.shape[0] + 1, dtype=np.float64)
    y = np.concatenate((h, h[:1]))
    return np.interp(pos, x, y)
