"""Benchmarks for V2G Calculator (run with ``python -m bench <name>``).

Benchmarks measure speed; tests never time anything.  Each benchmark is a
module ``bench/<name>.py`` with a ``main(argv: list[str] | None) -> int``
function.  Adding such a module registers it: ``python -m bench`` lists the
modules found, ``python -m bench <name> [options]`` imports ``bench.<name>``
and calls its ``main`` with the remaining arguments.  Modules whose name
starts with ``_`` are helpers, not benchmarks.

Figures are recorded in ``docs/performance.md`` (one section per benchmark).
"""
from __future__ import annotations

import os
import pkgutil

__all__ = ["available", "load_text"]


def load_text() -> str:
    """The 1/5/15-minute load averages as text (benchmarks print it before and after)."""
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except (OSError, AttributeError):  # pragma: no cover - not available on Windows
        return "n/a"


def available() -> list[str]:
    """Names of the benchmark modules in this package (sorted)."""
    return sorted(m.name for m in pkgutil.iter_modules(__path__)
                  if not m.name.startswith("_") and not m.ispkg)
