"""Lifetime energy simulation benchmark: ``python -m bench simulate [--quick] [--repeats N] [--json PATH]``.

Workload: the pinned demo (``models.scenario.demo()``): 15 years at
15-minute steps (525,984 steps), V2G run plus baseline, with the ageing
model (``models.ageing.AgeingStepper``) - the figure the GUI needs while a
slider moves.  Target (issue 5): ``simulate_energy`` <= 150 ms median, warm,
on a 2-core machine.

Measured in one process, warm (kernels compiled or loaded from the cache
first), round-robin repeats, medians:

* ``energy``        ``simulate_energy(demo)`` with ageing (the target figure;
  the baseline run in a second thread), nothing reused: the timeline parts are
  rebuilt every time (as after an edit of the start date);
* ``energy_pv_edit``  the same for a new PV size every call: the timeline parts
  that do not read it are reused (``models.energy.timeline.build_timeline``);
* ``energy_in_turn``  the same with ``V2G_THREADS=0`` (the two runs in turn);
* ``energy_no_ageing``  the same with ``ageing_factory=False``;
* ``timeline``      ``build_timeline(demo)`` alone (calendar, profiles, prices), rebuilt;
* ``timeline_pv_edit``  the same for a new PV size (only the PV part rebuilt);
* ``dispatch``      the dispatcher alone (prepare + 15 years, both runs);
* ``ageing_alone``  two ``AgeingStepper`` fed the same 15 years of SoC and
  temperature year by year (what the ageing model costs on this workload);
* ``pipeline``      ``models.simulate(demo)`` (energy + money -> Result), for
  information, with the energy-result and timeline-part caches emptied first;
* ``pipeline_money_edit``  the same when the energy run is reused (an edit of
  money fields only, ``models.simulation.MONEY_ONLY_FIELDS``).

It also times the first call in a fresh process (imports + numba cache
load or compile + first run).  The machine may be shared: the load average
is printed before and after.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

from bench import load_text

import numpy as np


def _workloads():
    from models import scenario as sc
    from models.ageing import AgeingStepper
    from models.energy import RuleBasedDispatcher, build_timeline, simulate_energy
    from models.energy.dispatch import DispatchState
    from models.simulation import simulate

    s = sc.demo()
    tl = build_timeline(s)

    # SoC/temperature chunks of both runs, recorded once, for "ageing alone"
    chunks = {"v2g": [], "baseline": []}

    def keep(year, run, steps, sl):
        t = (np.arange(sl.start, sl.stop, dtype=np.float64) + 1.0) * tl.step_minutes * 60.0
        soc = steps["soc"]
        temp = steps["battery_temp_c"]
        if year == 1:
            t = np.concatenate(([0.0], t))
            soc = np.concatenate(([s.charging.target_soc], soc))
            temp = np.concatenate(([temp[0]], temp))
        chunks[run].append((t, np.ascontiguousarray(soc), np.ascontiguousarray(temp)))

    simulate_energy(s, ageing_factory=False, year_callback=keep)
    v = s.vehicle

    def ageing_alone():
        for run in ("v2g", "baseline"):
            st = AgeingStepper(v.cell_model, pack_factor=v.pack_factor, initial_soh=v.initial_soh,
                               uncertainty_sigma=s.ageing.uncertainty_sigma)
            for t, soc, temp in chunks[run]:
                st.advance(t, soc, temp)

    def dispatch_only():
        d = RuleBasedDispatcher()
        for run in ("v2g", "baseline"):
            plan = d.prepare(tl, s, run == "v2g")
            state = DispatchState(soc=s.charging.target_soc)
            for k in range(1, tl.horizon_years + 1):
                _, state = d.run(plan, tl.year_slice(k), state, v.capacity_kwh)

    from models import simulation

    def in_turn():
        os.environ["V2G_THREADS"] = "0"
        try:
            simulate_energy(s)
        finally:
            os.environ.pop("V2G_THREADS", None)

    from models.energy import timeline as timeline_mod

    def fresh(fn):
        """``fn`` with nothing reused: the timeline parts (models.energy.timeline) rebuilt."""
        def run():
            timeline_mod.clear_part_cache()
            return fn()
        return run

    # an edit of the PV size (a new value every call, as the GUI benchmark): only the PV part is rebuilt
    d = sc.to_dict(s)
    pv_edits = []
    for i in range(200):
        d["home"]["pv_kwp"] = round(4.0 + 0.01 * (i + 1), 2)
        pv_edits.append(sc.from_dict(d))
    pv_iter = iter(pv_edits * 10)

    def pipeline():
        simulation.clear_energy_cache()
        timeline_mod.clear_part_cache()
        simulate(s)

    return {
        "energy": fresh(lambda: simulate_energy(s)),
        "energy_pv_edit": lambda: simulate_energy(next(pv_iter)),
        "energy_in_turn": fresh(in_turn),
        "energy_no_ageing": fresh(lambda: simulate_energy(s, ageing_factory=False)),
        "timeline": fresh(lambda: build_timeline(s)),
        "timeline_pv_edit": lambda: build_timeline(next(pv_iter)),
        "dispatch": dispatch_only,
        "ageing_alone": ageing_alone,
        "pipeline": pipeline,
        "pipeline_money_edit": lambda: simulate(s),
    }, tl.n_steps


_COLD = r"""
import time
t0 = time.perf_counter()
from models import scenario as sc
from models.energy import simulate_energy
r = simulate_energy(sc.demo())
print(time.perf_counter() - t0)
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench simulate", description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer repeats, no cold-start subprocess")
    ap.add_argument("--repeats", type=int, default=None, help="round-robin repeats (default 15, quick 5)")
    ap.add_argument("--json", metavar="PATH", help="also write the figures as JSON")
    args = ap.parse_args(argv)
    repeats = args.repeats or (5 if args.quick else 15)

    print(f"load average before: {load_text()}  (cores: {os.cpu_count()})")
    work, n_steps = _workloads()
    for fn in work.values():      # warm: compile / load cache, first allocations
        fn()
    times: dict[str, list[float]] = {k: [] for k in work}
    for _ in range(repeats):
        for name, fn in work.items():
            t0 = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t0)
    med = {k: statistics.median(v) * 1e3 for k, v in times.items()}
    best = {k: min(v) * 1e3 for k, v in times.items()}
    print(f"workload: demo, 15 years x 15-min steps = {n_steps} steps, V2G run + baseline; "
          f"{repeats} round-robin repeats")
    print(f"{'part':<22}{'median ms':>11}{'min ms':>9}")
    for k in work:
        print(f"{k:<22}{med[k]:>11.1f}{best[k]:>9.1f}")
    ratio = med["energy"] / med["ageing_alone"] if med["ageing_alone"] > 0 else float("nan")
    print(f"energy / ageing alone: {ratio:.2f}x;  energy without ageing: {med['energy_no_ageing']:.1f} ms")
    target_ok = med["energy"] <= 150.0
    print(f"target energy <= 150 ms median: {'met' if target_ok else 'NOT met'}")
    out = {"median_ms": med, "min_ms": best, "repeats": repeats, "n_steps": n_steps,
           "energy_over_ageing_alone": ratio, "target_met": target_ok}
    if not args.quick:
        colds = []
        for _ in range(2):
            r = subprocess.run([sys.executable, "-c", _COLD], capture_output=True, text=True, check=True)
            colds.append(float(r.stdout.strip().splitlines()[-1]))
        print(f"fresh process, import + first simulate_energy (numba cache warm): "
              f"{', '.join(f'{c:.2f} s' for c in colds)}")
        out["fresh_process_s"] = colds
    from models import scenario as sc
    from models.energy import ENERGY_COLUMNS, simulate_energy

    res = simulate_energy(sc.demo())
    print("demo year 1 (kWh):")
    for run in ("v2g", "baseline"):
        print(f"  {run:<9}" + ", ".join(f"{c.replace('energy_', '').replace('_kwh', '')}={res.energy[run][c][1]:.1f}"
                                        for c in ENERGY_COLUMNS))
    out["year1_kwh"] = {run: {c: float(res.energy[run][c][1]) for c in ENERGY_COLUMNS} for run in ("v2g", "baseline")}
    print(f"load average after: {load_text()}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(out, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
