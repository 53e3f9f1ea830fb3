"""Benchmark: a 25-year Excel report (``python -m bench report [--repeats N]``).

Target (issue 8): <= 1.5 s median on a 2-core machine, simulation excluded.
"""
from __future__ import annotations

import argparse
import os
import platform
import statistics
import tempfile
import time


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench report")
    ap.add_argument("--repeats", type=int, default=7)
    args = ap.parse_args(argv)
    import models
    from app.report import write_report
    from models import scenario as sc

    d = sc.to_dict(sc.demo())
    d["horizon_years"] = 25
    d["charger"]["lifetime_years"] = 25.0
    s = sc.from_dict(d)
    result = models.simulate(s).to_dict()
    times = {"en": [], "ja": []}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.repeats):
            for lang in ("en", "ja"):
                t0 = time.perf_counter()
                write_report(result, s, os.path.join(tmp, f"r_{lang}.xlsx"), lang=lang, dealer_name="Dealer",
                             customer_name="Customer")
                times[lang].append(time.perf_counter() - t0)
        size = os.path.getsize(os.path.join(tmp, "r_en.xlsx"))
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?") \
        if os.path.exists("/proc/cpuinfo") else platform.processor()
    from bench import load_text

    print(f"machine: {cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, load {load_text()}")
    for lang, ts in times.items():
        print(f"25-year report ({lang}): median {1000 * statistics.median(ts):.0f} ms, "
              f"min {1000 * min(ts):.0f} ms over {len(ts)} runs; file {size / 1024:.0f} KiB")
    return 0
