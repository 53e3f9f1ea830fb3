"""Ageing benchmark: ``python -m bench ageing [--quick] [--save NPZ] [--blast-python PY] [--json PATH]``.

Workload (the lifetime simulation's): a 15-year, 15-minute SoC / temperature
series (525,600 samples).  SoC: the synthetic EV schedule of
``bench/_soc_profile.py`` (commutes, evening V2G discharge, night charging);
temperature: Tokyo climate normals (``models.climate``) + parked offset.
Measured, warm (kernels compiled/loaded first), medians of round-robin repeats:

* ``AgeingStepper.advance`` fed one year per call (as the lifetime loop does),
  for each of the five cell models, physical C-rate mode;
* the same series in one ``advance`` call, and ``simulate_cell`` (yearly rows);
* optionally NREL BLAST-Lite 1.1.1 on the *same saved arrays* in a separate
  interpreter (``--blast-python /tmp/blastvenv/bin/python``; BLAST-Lite needs
  numpy < 2 and is never a project dependency): ``simulate_battery_life`` on the
  15-year series, run once (no threshold), fixed-SoC mode.

Target: <= 30 ms per 15-year run (2-core shared machine, so the load average
is printed).  Figures: docs/performance.md ("Ageing") and docs/validation.md.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

YEARS = 15
STEP_MIN = 15
N_YEAR = 365 * 24 * 60 // STEP_MIN

_BLAST_SCRIPT = r"""
import json, sys, time
import numpy as np
from blast import models
from importlib.metadata import version
d = np.load(sys.argv[1])
inp = {"Time_s": d["time_s"], "SOC": d["soc"], "Temperature_C": d["temp_c"]}
classes = json.loads(sys.argv[2])
out = {"blast-lite": version("blast-lite"), "numpy": np.__version__, "runs": {}}
for cid, cls in classes.items():
    times = []
    for r in range(int(sys.argv[3])):
        m = getattr(models, cls)()
        t0 = time.perf_counter()
        m.simulate_battery_life(inp, is_conserve_energy_throughput=False)
        times.append(time.perf_counter() - t0)
    out["runs"][cid] = {"seconds": times, "q_end": float(m.outputs["q"][-1]),
                        "t_days_end": float(m.stressors["t_days"][-1])}
print(json.dumps(out))
"""


def workload(years=YEARS, seed=7):
    """(time_s, soc, temp_c) of the benchmark series."""
    from bench._soc_profile import soc_profile
    from models import climate

    n = years * N_YEAR
    soc = soc_profile(years * 365, dt_min=STEP_MIN, seed=seed)[:n]
    t = np.arange(n, dtype=np.float64) * STEP_MIN * 60.0
    p = climate.get_preset("tokyo")
    amb = climate.ambient_temp_c(p.mean_c, p.max_c, p.min_c, start="2026-04-06", step_minutes=STEP_MIN, n=n)
    temp = climate.battery_temp_c(amb)
    return t, np.ascontiguousarray(soc, dtype=np.float64), temp


def main(argv=None) -> int:
    from bench.rainflow import loadavg, machine

    ap = argparse.ArgumentParser(prog="python -m bench ageing", description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="fewer repeats")
    ap.add_argument("--save", metavar="NPZ", help="save the series (for BLAST-Lite elsewhere)")
    ap.add_argument("--blast-python", metavar="PY", help="interpreter with blast-lite 1.1.1 installed")
    ap.add_argument("--blast-cells", default="nmc111_gr_kokam75ah,lfp_gr_250ah",
                    help="cell ids to time in BLAST-Lite (comma separated)")
    ap.add_argument("--json", metavar="PATH", help="write the figures as JSON")
    args = ap.parse_args(argv)

    from models.ageing import CELL_IDS, CELLS, AgeingStepper, simulate_cell, warm_up

    info = {"machine": machine(), "loadavg_before": loadavg()}
    t, soc, temp = workload()
    info["samples"] = int(t.size)
    if args.save:
        np.savez(args.save, time_s=t, soc=soc, temp_c=temp)
    t0 = time.perf_counter()
    warm_up()
    info["warm_up_s"] = time.perf_counter() - t0

    def yearly(cid):
        st = AgeingStepper(cid)
        for y in range(YEARS):
            sl = slice(y * N_YEAR, (y + 1) * N_YEAR)
            st.advance(t[sl], soc[sl], temp[sl])
        return st

    def whole(cid):
        st = AgeingStepper(cid)
        st.advance(t, soc, temp)
        return st

    funcs = {f"yearly:{c}": (lambda c=c: yearly(c)) for c in CELL_IDS}
    funcs["whole:nmc111_gr_kokam75ah"] = lambda: whole("nmc111_gr_kokam75ah")
    funcs["simulate_cell:nmc111_gr_kokam75ah"] = lambda: simulate_cell("nmc111_gr_kokam75ah", t, soc, temp)
    rounds = 5 if args.quick else 15
    times = {k: [] for k in funcs}
    results = {}
    for _ in range(rounds):
        for k, f in funcs.items():
            s = time.perf_counter()
            r = f()
            times[k].append(time.perf_counter() - s)
            results[k] = r
    info["median_ms"] = {k: 1e3 * statistics.median(v) for k, v in times.items()}
    info["min_ms"] = {k: 1e3 * min(v) for k, v in times.items()}
    info["soh_end"] = {k: float(r.soh if hasattr(r, "advance") else r.soh[-1]) for k, r in results.items()}
    info["efc_end"] = {k: float(r.efc if hasattr(r, "advance") else r.efc[-1]) for k, r in results.items()}
    info["loadavg_after"] = loadavg()

    print(f"ageing benchmark: {info['samples']} samples ({YEARS} years at {STEP_MIN} min), "
          f"{info['machine']['cpu']} ({info['machine']['usable_cpus']} usable CPUs), "
          f"load {info['loadavg_before']} -> {info['loadavg_after']}")
    print(f"  warm_up (compile or cache load): {info['warm_up_s']:.2f} s")
    for k in funcs:
        print(f"  {k:40s} median {info['median_ms'][k]:7.1f} ms   min {info['min_ms'][k]:7.1f} ms   "
              f"SoH {info['soh_end'][k]:.4f}  EFC {info['efc_end'][k]:.0f}")

    if args.blast_python:
        cells = [c.strip() for c in args.blast_cells.split(",") if c.strip()]
        classes = {c: CELLS[c].blast_class for c in cells}
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "series.npz")
            np.savez(path, time_s=t, soc=soc, temp_c=temp)
            proc = subprocess.run([args.blast_python, "-c", _BLAST_SCRIPT, path, json.dumps(classes),
                                   "1" if args.quick else "3"], capture_output=True, text=True)
        if proc.returncode != 0:
            print("BLAST-Lite run failed:\n" + proc.stderr[-2000:], file=sys.stderr)
            return 1
        blast = json.loads(proc.stdout.strip().splitlines()[-1])
        info["blast"] = blast
        for c in cells:
            b = statistics.median(blast["runs"][c]["seconds"])
            ours = info["median_ms"][f"yearly:{c}"] / 1e3
            print(f"  BLAST-Lite {blast['blast-lite']} {c:24s} median {b:7.2f} s  (q_end {blast['runs'][c]['q_end']:.4f}"
                  f" at {blast['runs'][c]['t_days_end'] / 365:.2f} y)  ratio BLAST/ours {b / ours:,.0f}x")
        info["loadavg_after_blast"] = loadavg()
        print(f"  load after BLAST runs: {info['loadavg_after_blast']}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(info, fh, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
