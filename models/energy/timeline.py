"""Calendar, per-step profiles and price vectors over the whole horizon.

:func:`build_timeline` turns a scenario into a :class:`Timeline`: one entry
per simulation step (default 15 minutes) from ``scenario.start_date`` for
``horizon_years`` years.  Everything here is independent of the battery's
state, so it is computed once per scenario and shared by the V2G run and the
baseline.

Conventions (documented in ``docs/energy.md``):

* Local standard time, every day has ``1440 / step_minutes`` steps (no DST).
* Year ``k`` of operation (1-based) covers the dates
  ``[start + (k-1) years, start + k years)``; a 29 February start date falls
  back to 28 February in non-leap years.
* Day type: weekday = Monday-Friday that is not a public holiday of
  ``scenario.country`` (``holidays`` package); weekend = Saturday, Sunday or
  a holiday.  ``"none"`` means no holidays.
* Hourly data (profile shapes, imported 8760/8784-value series) is held
  constant over the steps of each hour ("step-interpolated"); imported
  series are indexed by hour of the calendar year (``day_of_year * 24 + h``)
  and wrap around when shorter than the year (8760 values in a leap year).
* Prices of a step are the mean of the minute grid of
  :func:`models.scenario.tou_price_grid` over the step's minutes; a
  ``tariff.price_series`` replaces them where it says so
  (:func:`models.tariff.apply_price_series`).  Escalation is not applied
  here (the money stage applies it per year).
"""
from __future__ import annotations

import collections
import datetime as _dt
import functools
import hashlib
import pickle
import threading
from dataclasses import dataclass, field

import numpy as np

from ..paths import env_switch
from ..scenario import Scenario, parse_time, parse_window, tou_price_grid, DAY_NAMES

__all__ = ["Timeline", "build_timeline", "derived", "holiday_dates", "ambient_temperature_c", "add_years"]

_NONLEAP_DAYS_IN_MONTH = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])


@dataclass(eq=False)
class Timeline:
    """Everything the dispatcher needs that does not depend on the battery.

    Day arrays have ``n_days`` entries, step arrays ``n_steps`` =
    ``n_days * steps_per_day`` entries; step ``i`` starts at
    ``i * step_minutes`` minutes after ``start_date`` 00:00.
    """

    start_date: _dt.date
    step_minutes: int
    steps_per_day: int
    n_days: int
    n_steps: int
    #: first step of year k (k = 0..N) and ``n_steps`` at index N+1 - 1; length N + 1
    year_step_bounds: np.ndarray
    #: date of the first day of each year of operation, and the end date (N + 1 dates)
    year_start_dates: list
    # ---- day arrays -------------------------------------------------------
    day_date: np.ndarray          # datetime64[D]
    day_month: np.ndarray         # 1..12
    day_weekday: np.ndarray       # 0 = Monday .. 6 = Sunday
    day_holiday: np.ndarray       # bool, public holiday
    day_offday: np.ndarray        # bool, weekend or holiday (weekend driving / tariff)
    day_drive_kwh: np.ndarray     # battery-side driving energy of the day
    day_drive_km: np.ndarray      # distance of the day
    # ---- step arrays ------------------------------------------------------
    load_kw: np.ndarray           # household load (without the car)
    pv_kw: np.ndarray             # PV AC generation
    ambient_c: np.ndarray         # ambient air temperature
    import_price_per_kwh: np.ndarray   # TOU import price + add_on_per_kwh
    export_price_per_kwh: np.ndarray   # flat export price or TOU export periods
    import_price_level: np.ndarray     # int32 rank of the import price (for planning)
    plugged: np.ndarray           # bool, car at home and plugged in
    drive_kwh: np.ndarray         # battery-side driving energy in the step (0 when plugged)
    departure_steps: np.ndarray   # int64, first away step of each trip
    next_departure: np.ndarray    # int64, first departure step > i (n_steps if none)
    is_departure: np.ndarray      # bool, step is the first away step of a trip
    #: int32, day index whose participation window contains the step, else -1
    window_day: np.ndarray
    #: memo of derived arrays (e.g. the dispatcher's PV forecast), keyed by their parameters
    cache: dict = field(default_factory=dict)
    #: content digest of each part this timeline was built from (:func:`build_timeline`), for
    #: :func:`derived`; empty for a timeline made by hand
    part_keys: dict = field(default_factory=dict)

    @property
    def dt_h(self) -> float:
        return self.step_minutes / 60.0

    @property
    def horizon_years(self) -> int:
        return len(self.year_step_bounds) - 1

    def year_slice(self, k: int) -> slice:
        """Steps of year ``k`` of operation (1-based)."""
        return slice(int(self.year_step_bounds[k - 1]), int(self.year_step_bounds[k]))


def add_years(d: _dt.date, years: int) -> _dt.date:
    """``d`` plus whole years; 29 February becomes 28 February in non-leap years."""
    try:
        return d.replace(year=d.year + years)
    except ValueError:
        return d.replace(year=d.year + years, day=28)


@functools.lru_cache(maxsize=32)
def holiday_dates(country: str, first_year: int, last_year: int) -> np.ndarray:
    """Public holidays of ``country`` in the given years as sorted datetime64[D].

    Uses the maintained ``holidays`` package (national holidays, no
    subdivision).  ``"none"`` gives an empty array.  The dates are also kept
    in the user cache folder (:func:`_holiday_cache_file`): the package takes
    about a quarter of a second to import and work out 15 years of Japanese
    holidays, a tenth of the app's start-up.
    """
    if country == "none":
        return np.empty(0, dtype="datetime64[D]")
    path = _holiday_cache_file(country, first_year, last_year)
    if path is not None:
        try:
            got = np.load(path, allow_pickle=False)
            if got.ndim == 1 and got.dtype == np.dtype("datetime64[D]"):
                return got
        except (OSError, ValueError, EOFError):
            pass   # missing or unreadable: work them out again
    import holidays

    cal = holidays.country_holidays(country, years=range(first_year, last_year + 1))
    dates = np.array(sorted(cal.keys()), dtype="datetime64[D]")
    if path is not None:
        try:
            from ..atomic import atomic_write

            path.parent.mkdir(parents=True, exist_ok=True)
            def write(tmp: str) -> None:
                with open(tmp, "wb") as fh:
                    np.save(fh, dates, allow_pickle=False)

            atomic_write(path, write)
        except OSError:
            pass   # a read-only cache only costs time
    return dates


def _holiday_cache_file(country: str, first_year: int, last_year: int):
    """``<models cache>/holidays/<country>-<first>-<last>-<holidays version>.npy``, or None without a
    writable cache folder or when the package's version is unknown (a new release of the package
    may move a holiday, so its version is part of the name; a frozen app names its own version)."""
    from .. import _jit

    if not _jit.CACHE_DIR:
        return None
    import sys
    from pathlib import Path

    try:
        from importlib.metadata import version

        ver = version("holidays")
    except Exception:
        if not getattr(sys, "frozen", False):
            return None
        from .. import __version__   # a frozen app ships one holidays release, no metadata needed

        ver = f"app{__version__}"

    safe = "".join(ch for ch in country if ch.isalnum() or ch in "-_") or "x"
    return Path(_jit.CACHE_DIR) / "holidays" / f"{safe}-{int(first_year)}-{int(last_year)}-{ver}.npy"


def _day_of_year(dates: np.ndarray) -> np.ndarray:
    return (dates - dates.astype("datetime64[Y]").astype("datetime64[D]")).astype(np.int64)


def _hour_of_step(spd: int, step_minutes: int) -> np.ndarray:
    return (np.arange(spd) * step_minutes) // 60


def _hourly_series_per_step(values, dates: np.ndarray, spd: int, step_minutes: int) -> np.ndarray:
    """Imported hourly series -> (n_days, spd), indexed by hour of the calendar year."""
    v = np.asarray(values, dtype=np.float64)
    idx = _day_of_year(dates)[:, None] * 24 + _hour_of_step(spd, step_minutes)[None, :]
    return v[idx % v.shape[0]]


# --------------------------------------------------------------------------
# ambient temperature (models.climate)
# --------------------------------------------------------------------------
@functools.lru_cache(maxsize=8)
def _reference_years(kind: str, data: tuple, step_minutes: int) -> np.ndarray:
    """Temperature of every step of a non-leap (row 0) and a leap (row 1) year, (2, 366, spd).

    ``models.climate`` evaluates the temperature from the date and time of day
    only (month position, hour of the year), so one non-leap and one leap
    reference year (2001, 2000) give every day of any horizon exactly; this
    keeps the per-timestamp datetime work to 2 x 366 days.  Steps are
    evaluated at their midpoints.
    """
    from .. import climate

    spd = 1440 // step_minutes
    out = np.zeros((2, 366, spd))
    for row, (year, days) in enumerate(((2001, 365), (2000, 366))):
        ts = (climate.make_timestamps(_dt.date(year, 1, 1), step_minutes, days * spd)
              + np.timedelta64(step_minutes * 30, "s"))
        if kind == "hourly":
            vals = climate.hourly_temp_series(np.asarray(data, dtype=np.float64), ts)
        else:
            mean, mx, mn = data
            vals = climate.ambient_temp_c(mean, mx, mn, ts)
        out[row, :days] = vals.reshape(days, spd)
    out[0, 365] = out[0, 364]
    out.setflags(write=False)
    return out


def ambient_temperature_c(climate_data, dates: np.ndarray, spd: int, step_minutes: int) -> np.ndarray:
    """Ambient air temperature per step, (n_days, spd), from ``models.climate``.

    Monthly normals: :func:`models.climate.ambient_temp_c` (daily cycle, minimum
    05:00, maximum 14:00); an imported hourly year: :func:`models.climate.
    hourly_temp_series` (linear between hours).  Evaluated at step midpoints
    (see :func:`_reference_years`).
    """
    if climate_data.hourly_temp_c is not None:
        ref = _reference_years("hourly", tuple(climate_data.hourly_temp_c), step_minutes)
    else:
        ref = _reference_years("normals", (tuple(climate_data.mean_c), tuple(climate_data.max_c),
                                           tuple(climate_data.min_c)), step_minutes)
    years = dates.astype("datetime64[Y]").astype(np.int64) + 1970
    leap = ((years % 4 == 0) & (years % 100 != 0)) | (years % 400 == 0)
    return ref[leap.astype(np.int64), _day_of_year(dates)]


# --------------------------------------------------------------------------
# builder
# --------------------------------------------------------------------------
def _price_grid_per_step(periods, step_minutes: int) -> np.ndarray:
    grid, _ = tou_price_grid(periods)
    spd = 1440 // step_minutes
    return grid.reshape(12, 2, spd, step_minutes).mean(axis=3)


def _window_steps(text: str, spd: int, step_minutes: int):
    """(own, spill): steps of the window on its start day / after midnight.

    A step belongs to the window only when all its minutes lie inside it.
    """
    a, b = parse_window(text)
    minutes_own = np.zeros(1440, dtype=bool)
    minutes_spill = np.zeros(1440, dtype=bool)
    if a < b:
        minutes_own[a:b] = True
    else:  # crosses midnight (a == b: 24 hours from a)
        minutes_own[a:] = True
        minutes_spill[:b] = True
    own = minutes_own.reshape(spd, step_minutes).all(axis=1)
    spill = minutes_spill.reshape(spd, step_minutes).all(axis=1)
    return own, spill


#: Parts of a timeline kept for reuse (see :func:`build_timeline`) and arrays derived from them
#: (:func:`derived`): an edit of the PV size rebuilds only the PV part; about 5 scenarios' worth
#: (7 parts and 4 derived arrays each), the on-screen one and compared variants
PART_CACHE_SIZE = 5 * 11
_parts: "collections.OrderedDict[tuple, object]" = collections.OrderedDict()
_parts_lock = threading.Lock()


def clear_part_cache() -> None:
    with _parts_lock:
        _parts.clear()


def _frozen(value):
    """Make every array in ``value`` (an array, or a tuple/dict of them) read-only: parts are shared."""
    if isinstance(value, np.ndarray):
        value.setflags(write=False)
    elif isinstance(value, tuple):
        for v in value:
            _frozen(v)
    elif isinstance(value, dict):
        for v in value.values():
            _frozen(v)
    elif isinstance(value, _Calendar):
        _frozen(vars(value))
    return value


def _digest(inputs) -> str:
    return hashlib.blake2b(pickle.dumps(inputs, protocol=pickle.HIGHEST_PROTOCOL), digest_size=20).hexdigest()


def _lookup(key):
    with _parts_lock:
        hit = _parts.get(key)
        if hit is not None:
            _parts.move_to_end(key)
        return hit


def _keep(key, value):
    """Store the read-only ``value`` under ``key`` (least recently used ones beyond the size go)."""
    with _parts_lock:
        _parts[key] = value
        while len(_parts) > PART_CACHE_SIZE:
            _parts.popitem(last=False)
    return value


def _part(kind: str, inputs, build, keys: dict | None = None):
    """``build()``, or the part built before from equal ``inputs`` (anything picklable: the scenario
    fields the part reads); ``keys[kind]`` gets the inputs' digest.  Off with ``V2G_ENERGY_CACHE=0``."""
    digest = _digest(inputs)
    if keys is not None:
        keys[kind] = digest
    if not env_switch("V2G_ENERGY_CACHE"):
        return _frozen(build())
    hit = _lookup((kind, digest))
    return hit if hit is not None else _keep((kind, digest), _frozen(build()))


def _derived_key(tl: Timeline, name: str, parts: tuple, extra):
    if not env_switch("V2G_ENERGY_CACHE") or not all(p in tl.part_keys for p in parts):
        return None
    return (f"derived:{name}", _digest((tuple(tl.part_keys[p] for p in parts), extra)))


def derived_lookup(tl: Timeline, name: str, parts: tuple, extra):
    """The array :func:`derived` would return from its memo, or None (nothing is built)."""
    key = _derived_key(tl, name, parts, extra)
    return None if key is None else _lookup(key)


def derived_store(tl: Timeline, name: str, parts: tuple, extra, value):
    """Keep ``value`` (made read-only) as :func:`derived` would; returns it."""
    key = _derived_key(tl, name, parts, extra)
    value = _frozen(value)
    return value if key is None else _keep(key, value)


def derived(tl: Timeline, name: str, parts: tuple, extra, build):
    """``build()`` - an array computed from the timeline parts named in ``parts`` (see
    :func:`build_timeline`; ``"pv_kw"`` is the scaled PV output) and the picklable ``extra`` only - or
    the read-only array built before for a timeline with the same parts.  A timeline made by hand
    (no ``part_keys``) always builds."""
    hit = derived_lookup(tl, name, parts, extra)
    return hit if hit is not None else derived_store(tl, name, parts, extra, build())


@dataclass(eq=False, frozen=True)
class _Calendar:
    start: _dt.date
    step: int
    spd: int
    year_dates: list
    day_off: np.ndarray
    n_days: int
    dates: np.ndarray
    month0: np.ndarray
    weekday: np.ndarray
    dim: np.ndarray
    holiday: np.ndarray
    offday: np.ndarray
    dtype_idx: np.ndarray
    hours: np.ndarray
    month1: np.ndarray     # 1..12


def _calendar(s: Scenario) -> _Calendar:
    step = int(s.step_minutes)
    spd = 1440 // step
    start = _dt.date.fromisoformat(s.start_date)
    n_years = int(s.horizon_years)
    year_dates = [add_years(start, k) for k in range(n_years + 1)]
    day_off = np.array([(d - start).days for d in year_dates], dtype=np.int64)
    n_days = int(day_off[-1])
    dates = np.datetime64(start, "D") + np.arange(n_days)
    month0 = (dates.astype("datetime64[M]").astype(np.int64) % 12)       # 0..11
    weekday = (dates.astype(np.int64) + 3) % 7                            # 1970-01-01 = Thursday
    month_start = dates.astype("datetime64[M]")
    dim = ((month_start + 1).astype("datetime64[D]") - month_start.astype("datetime64[D]")).astype(np.int64)
    hol = holiday_dates(s.country, start.year, year_dates[-1].year)
    holiday = np.isin(dates, hol) if hol.size else np.zeros(n_days, dtype=bool)
    offday = (weekday >= 5) | holiday
    dtype_idx = offday.astype(np.int64)                                   # 0 weekday, 1 weekend/holiday
    return _Calendar(start, step, spd, year_dates, day_off, n_days, dates, month0, weekday, dim, holiday,
                     offday, dtype_idx, _hour_of_step(spd, step), month0 + 1)


def _prices(s: Scenario, c: _Calendar):
    t = s.tariff
    step = c.step
    imp_grid = _price_grid_per_step(t.import_periods, step) + t.add_on_per_kwh      # [12, 2, spd]
    _, inv = np.unique(imp_grid, return_inverse=True)
    lev_grid = inv.reshape(imp_grid.shape).astype(np.int32)
    import_price = imp_grid[c.month0, c.dtype_idx].ravel()
    import_level = lev_grid[c.month0, c.dtype_idx].ravel()
    if t.export_periods:
        exp_grid = _price_grid_per_step(t.export_periods, step)
        export_price = exp_grid[c.month0, c.dtype_idx].ravel()
    else:
        export_price = np.full(c.n_days * c.spd, float(t.export_price_per_kwh))
    ps = t.price_series
    if ps is not None and (ps.use_for_import or ps.use_for_export):
        from ..tariff import apply_price_series

        import_price, export_price = apply_price_series(t, s.start_date, step, import_price, export_price)
        import_price = np.ascontiguousarray(import_price, dtype=np.float64)
        export_price = np.ascontiguousarray(export_price, dtype=np.float64)
        if ps.use_for_import:
            _, inv = np.unique(import_price, return_inverse=True)
            import_level = inv.astype(np.int32)
    return import_price, export_price, np.ascontiguousarray(import_level)


def _load(s: Scenario, c: _Calendar) -> np.ndarray:
    lp = s.home.load_profile
    if lp.hourly_kwh is not None:
        load = _hourly_series_per_step(lp.hourly_kwh, c.dates, c.spd, c.step)
    else:
        share = np.asarray(lp.monthly_share, dtype=np.float64)
        month_kwh = s.home.annual_load_kwh * share / share.sum() if share.sum() > 0 else np.zeros(12)
        shapes = np.array([lp.weekday_shape, lp.weekend_shape], dtype=np.float64)
        sums = shapes.sum(axis=1, keepdims=True)
        frac = np.divide(shapes, sums, out=np.zeros_like(shapes), where=sums > 0)   # [2, 24]
        day_kwh = month_kwh[c.month0] / c.dim
        load = day_kwh[:, None] * frac[c.dtype_idx][:, c.hours]      # kWh in the hour = kW
    return np.ascontiguousarray(load.ravel())


def _pv_per_kwp(s: Scenario, c: _Calendar) -> np.ndarray:
    """PV AC output per kWp of every step (the PV size only scales it)."""
    pvp = s.home.pv_profile
    if pvp.hourly_kw_per_kwp is not None:
        pv = _hourly_series_per_step(pvp.hourly_kw_per_kwp, c.dates, c.spd, c.step)
    else:
        rows = np.asarray(pvp.hourly_shape, dtype=np.float64)                          # [12, 24]
        rs = rows.sum(axis=1, keepdims=True)
        rfrac = np.divide(rows, rs, out=np.zeros_like(rows), where=rs > 0)
        day_kwh = np.asarray(pvp.monthly_kwh_per_kwp, dtype=np.float64)[c.month0] / c.dim
        pv = day_kwh[:, None] * rfrac[c.month0][:, c.hours]
    return np.ascontiguousarray(pv.ravel())


def _driving(s: Scenario, c: _Calendar) -> dict:
    d = s.driving
    spd, n_days = c.spd, c.n_days
    month0, offday = c.month0, c.offday
    km = np.where(offday, d.weekend_km, d.weekday_km) * np.asarray(d.monthly_distance_factor)[month0]
    drive_day_kwh = km * d.kwh_per_km * np.asarray(d.monthly_consumption_factor)[month0]
    dep_step = np.empty(2, dtype=np.int64)
    ret_step = np.empty(2, dtype=np.int64)
    for i, kind in enumerate(("weekday", "weekend")):
        dep_m = parse_time(getattr(d, f"{kind}_departure"))
        ret_m = parse_time(getattr(d, f"{kind}_return"))
        dep_step[i] = dep_m // c.step
        ret_step[i] = min(-(-ret_m // c.step), spd)
        if ret_step[i] <= dep_step[i]:
            ret_step[i] = dep_step[i] + 1
    dd = dep_step[c.dtype_idx]
    rr = ret_step[c.dtype_idx]
    trips = km > 0
    s_idx = np.arange(spd)[None, :]
    away = trips[:, None] & (s_idx >= dd[:, None]) & (s_idx < rr[:, None])
    per_step = np.where(trips, drive_day_kwh / np.maximum(rr - dd, 1), 0.0)
    drive = np.where(away, per_step[:, None], 0.0).ravel()
    plugged = ~away.ravel()
    n = n_days * spd
    departures = (np.nonzero(trips)[0] * spd + dd[trips]).astype(np.int64)
    # next departure after step i: today's if the step is before it, else the next trip day's
    dep_of_day = np.where(trips, np.arange(n_days) * spd + dd, n)
    after = np.minimum.accumulate(np.append(dep_of_day, n)[::-1])[::-1]     # first trip day >= d
    next_dep = np.where(s_idx < np.where(trips, dd, -1)[:, None], dep_of_day[:, None],
                        after[1:][:, None]).ravel().astype(np.int64)
    is_departure = np.zeros(n, dtype=bool)
    is_departure[departures] = True
    return dict(day_drive_kwh=np.where(trips, drive_day_kwh, 0.0), day_drive_km=km, plugged=plugged,
                drive_kwh=drive, departure_steps=departures, next_departure=next_dep, is_departure=is_departure)


def _windows(s: Scenario, c: _Calendar) -> np.ndarray:
    p = s.participation
    spd, n_days = c.spd, c.n_days
    window_day = np.full((n_days, spd), -1, dtype=np.int32)
    if p.mode != "none" and p.windows and p.days:
        part_day = np.isin(c.weekday, [DAY_NAMES.index(x) for x in p.days])
        own = np.zeros(spd, dtype=bool)
        spill = np.zeros(spd, dtype=bool)
        for w in p.windows:
            o, sp = _window_steps(w, spd, c.step)
            own |= o
            spill |= sp
        days_idx = np.arange(n_days, dtype=np.int32)
        prev_part = np.concatenate(([False], part_day[:-1]))
        window_day = np.where(prev_part[:, None] & spill[None, :], (days_idx - 1)[:, None], window_day)
        window_day = np.where(part_day[:, None] & own[None, :], days_idx[:, None], window_day)
        window_day = window_day.astype(np.int32)
    return np.ascontiguousarray(window_day.ravel())


def build_timeline(scenario: Scenario) -> Timeline:
    """Calendar, profiles, prices, driving schedule and windows for the horizon.

    Built from parts that each read a few scenario fields (calendar; prices; load; PV per kWp;
    ambient temperature; driving; participation windows).  A part built before from the same
    fields is reused (:func:`_part`, read-only arrays shared between timelines), so an edit
    rebuilds only what it changes - an edit of the PV size only multiplies the PV part.
    """
    s = scenario
    keys: dict[str, str] = {}
    cal_in = (s.start_date, int(s.horizon_years), int(s.step_minutes), s.country)
    c = _part("calendar", cal_in, lambda: _calendar(s), keys)
    import_price, export_price, import_level = _part("prices", (cal_in, s.tariff), lambda: _prices(s, c), keys)
    load = _part("load", (cal_in, s.home.load_profile, s.home.annual_load_kwh), lambda: _load(s, c), keys)
    pv_unit = _part("pv", (cal_in, s.home.pv_profile), lambda: _pv_per_kwp(s, c), keys)
    ambient = _part("ambient", (cal_in, s.home.climate),
                    lambda: np.ascontiguousarray(ambient_temperature_c(s.home.climate, c.dates, c.spd,
                                                                       c.step).ravel()), keys)
    drv = _part("driving", (cal_in, s.driving), lambda: _driving(s, c), keys)
    p = s.participation
    window_day = _part("windows", (cal_in, p.mode, p.windows, p.days), lambda: _windows(s, c), keys)
    pv = pv_unit * float(s.home.pv_kwp)
    pv.setflags(write=False)
    keys["pv_kw"] = _digest((keys["pv"], float(s.home.pv_kwp)))
    spd = c.spd
    return Timeline(
        start_date=c.start, step_minutes=c.step, steps_per_day=spd, n_days=c.n_days, n_steps=c.n_days * spd,
        year_step_bounds=c.day_off * spd, year_start_dates=list(c.year_dates),
        day_date=c.dates, day_month=c.month1, day_weekday=c.weekday, day_holiday=c.holiday,
        day_offday=c.offday, day_drive_kwh=drv["day_drive_kwh"], day_drive_km=drv["day_drive_km"],
        load_kw=load, pv_kw=pv, ambient_c=ambient,
        import_price_per_kwh=import_price, export_price_per_kwh=export_price, import_price_level=import_level,
        plugged=drv["plugged"], drive_kwh=drv["drive_kwh"], departure_steps=drv["departure_steps"],
        next_departure=drv["next_departure"], is_departure=drv["is_departure"], window_day=window_day,
        part_keys=keys,
    )
