"""``v2g-calc degrade PROFILE.csv --cell ID [--years N] [--out OUT.csv]``.

Runs one cell ageing model (:func:`models.ageing.simulate_cell`) on a
``time_s,soc,temp_c`` profile and writes ``t_years,soh,loss_calendar,loss_cycle,efc``
at t = 0, every whole year and the end (to ``--out`` or, without it, stdout).
Exit codes: 0 ok, 2 invalid input (message naming the line and column on
stderr), 1 internal error; never a traceback.
"""
from __future__ import annotations

import argparse
import os
import sys
import traceback

EXIT_OK, EXIT_INTERNAL, EXIT_INVALID = 0, 1, 2


def _positive_years(text):
    try:
        v = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not (0 < v <= 100):
        raise argparse.ArgumentTypeError(f"years must be in (0, 100], got {text}")
    return v


def _pack_factor(text):
    try:
        v = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not (1.0 <= v <= 3.0):
        raise argparse.ArgumentTypeError(f"pack factor must be in [1, 3], got {text}")
    return v


def add_parser(subparsers):
    """Add the ``degrade`` sub-command to an argparse ``subparsers`` object; returns its parser."""
    from models.ageing.cells import CELL_IDS   # light import: no numba

    p = subparsers.add_parser(
        "degrade", help="battery ageing of one cell model under a SoC/temperature profile",
        description="Simulate capacity fade of a cell model under PROFILE.csv (columns time_s,soc,temp_c: "
                    "seconds from start, SoC fraction, cell temperature in degC). A shorter profile is "
                    "repeated end to end up to --years.")
    p.add_argument("profile", metavar="PROFILE.csv")
    p.add_argument("--cell", required=True, choices=CELL_IDS, help="cell ageing model id")
    p.add_argument("--years", type=_positive_years, default=None,
                   help="horizon in years of 365 days (default: the profile once)")
    p.add_argument("--out", metavar="OUT.csv", default=None, help="output CSV (default: stdout)")
    p.add_argument("--pack-factor", type=_pack_factor, default=1.0,
                   help="multiply cell losses (packs age faster; scenario default 1.2)")
    p.add_argument("--c-rate-mode", choices=("physical", "blast"), default="physical",
                   help="C-rate convention (blast = NREL BLAST-Lite's chunk average)")
    p.set_defaults(command="degrade")
    return p


def run(args) -> int:
    """Execute a parsed ``degrade`` command; returns the exit code (messages on stderr)."""
    from models.ageing import ProfileError, read_profile, simulate_cell, write_trajectory_csv

    try:
        t, soc, temp = read_profile(args.profile)
    except ProfileError as exc:
        print(f"{args.profile}: {exc}", file=sys.stderr)
        return EXIT_INVALID
    try:
        traj = simulate_cell(args.cell, t, soc, temp, years=args.years,
                             pack_factor=getattr(args, "pack_factor", 1.0),
                             c_rate_mode=getattr(args, "c_rate_mode", "physical"))
    except ValueError as exc:
        print(f"{args.profile}: {exc}", file=sys.stderr)
        return EXIT_INVALID
    except Exception as exc:  # never a traceback
        if os.environ.get("V2G_DEBUG"):
            traceback.print_exc()
        print(f"internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_INTERNAL
    for w in traj.warnings:
        print(f"warning: {w}", file=sys.stderr)
    if args.out:
        try:
            with open(args.out, "w", encoding="utf-8", newline="") as fh:
                write_trajectory_csv(traj, fh)
        except OSError as exc:
            print(f"{args.out}: cannot write: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_INVALID
    else:
        write_trajectory_csv(traj, sys.stdout)
    return EXIT_OK
