"""Every models module imports with PySide6 blocked (the core never imports Qt or app)."""
import pkgutil
import subprocess
import sys
from pathlib import Path

import models

ROOT = Path(__file__).resolve().parents[1]

BLOCKER = r'''
import importlib.abc, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        root = name.split(".")[0]
        if root in ("PySide6", "shiboken6", "PyQt5", "PyQt6", "pyqtgraph", "app"):
            raise ImportError(f"blocked import of {name}")
        return None
sys.meta_path.insert(0, Block())
import importlib, pkgutil, models
names = ["models"] + [m.name for m in pkgutil.walk_packages(models.__path__, "models.")]
for n in names:
    importlib.import_module(n)
bad = [m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "pyqtgraph", "app")]
assert not bad, bad
print(len(names))
'''


def test_models_import_without_qt():
    out = subprocess.run([sys.executable, "-c", BLOCKER], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    expected = 1 + len(list(pkgutil.walk_packages(models.__path__, "models.")))
    assert int(out.stdout.strip().splitlines()[-1]) == expected
