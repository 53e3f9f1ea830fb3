"""Dispatcher: ``python -m bench <name> [args...]`` runs ``bench.<name>.main(args)``."""
from __future__ import annotations

import importlib
import sys

from . import available


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    names = available()
    if not argv or argv[0] in ("-h", "--help", "--list"):
        print("usage: python -m bench <name> [options]   (python -m bench <name> --help)")
        print("benchmarks: " + (", ".join(names) if names else "(none)"))
        return 0 if argv else 2
    name, rest = argv[0], argv[1:]
    if name not in names:
        print(f"unknown benchmark {name!r}; available: {', '.join(names)}", file=sys.stderr)
        return 2
    module = importlib.import_module(f"{__package__}.{name}")
    entry = getattr(module, "main", None)
    if not callable(entry):
        print(f"bench.{name} has no main(argv) function", file=sys.stderr)
        return 2
    return int(entry(rest) or 0)


if __name__ == "__main__":
    sys.exit(main())
