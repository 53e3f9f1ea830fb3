"""Update and compile the Qt Linguist catalogues.

    python build/translations.py          # lupdate app/*.py -> resources/translations/app_ja.ts, then lrelease
    python build/translations.py --check  # exit 1 if app_ja.ts has unfinished or obsolete-free gaps
    python build/translations.py --help   # usage (writes nothing)

English source strings live in the code (``self.tr("...")``); Japanese
translations are edited in ``resources/translations/app_ja.ts`` (Qt Linguist or
any text editor) and compiled to ``app_ja.qm``, which is committed so a fresh
checkout runs without build tools.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "app_ja.ts"
QM = TS.with_suffix(".qm")


def _tool(name: str) -> str:
    exe = Path(sys.executable).with_name(name)
    if exe.exists():
        return str(exe)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found (it comes with PySide6-Essentials)")
    return found


def unfinished(ts_path: Path = TS) -> list[str]:
    """Source strings without a finished Japanese translation."""
    tree = ET.parse(ts_path)
    out = []
    for msg in tree.iter("message"):
        tr = msg.find("translation")
        if tr is None:
            continue
        if tr.get("type") in ("unfinished",) or not (tr.text or "").strip():
            if tr.get("type") not in ("obsolete", "vanished"):
                out.append(msg.findtext("source") or "")
    return out


USAGE = """usage: python build/translations.py [--check | --help]

  (no argument)  update resources/translations/app_ja.ts from the tr() strings in app/ and compile app_ja.qm
  --check        list untranslated strings, also tr() strings not yet in the catalogue; exit 1 if there
                 are any (nothing is written)
  --help, -h     show this help (nothing is written)
"""


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if any(a in ("-h", "--help") for a in argv):
        print(USAGE, end="")
        return 0
    unknown = [a for a in argv if a != "--check"]
    if unknown:  # never regenerate on a mistyped option
        print(f"unknown argument: {' '.join(unknown)}\n{USAGE}", end="", file=sys.stderr)
        return 2
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app").rglob("*.py"))
    if "--check" in argv:
        # extract the strings of the code as it is now into a copy, so a new tr() string that was
        # never added to the catalogue counts as untranslated too
        import tempfile

        with tempfile.TemporaryDirectory(prefix="v2g-ts-") as tmp:
            copy = Path(tmp) / TS.name
            shutil.copyfile(TS, copy)
            subprocess.run([_tool("pyside6-lupdate"), *sources, "-ts", str(copy), "-no-obsolete", "-silent"],
                           cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
            missing = unfinished(copy)
        for s in missing:
            print(f"untranslated: {s}")
        return 1 if missing else 0
    TS.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([_tool("pyside6-lupdate"), *sources, "-ts", str(TS.relative_to(ROOT)), "-no-obsolete"],
                   cwd=ROOT, check=True)
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], cwd=ROOT, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
