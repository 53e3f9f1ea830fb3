"""The relocatable numba cache of ``models/_jit.py`` and the pre-built cache ("seed").

A cache compiled for the generic CPU in one folder must load, without compiling,
for a copy of the package in another folder with another cache folder (what the
frozen app does with ``<bundle>/numba-seed``); a changed source must not load it.
"""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

_PROBE = r"""
import json
from models import _jit
from models.ageing import ocp
value = ocp._ua_scalar(0.5)
loaded, compiled = _jit.cache_stats()
print(json.dumps({"value": value, "loaded": loaded, "compiled": compiled, "seeded": _jit.SEEDED_FILES,
                  "cpu": _jit.numba.config.CPU_NAME, "portable": _jit.PORTABLE,
                  "file": ocp.__file__}))
"""


def _run(cwd: Path, pythonpath: Path, **env) -> dict:
    full = {k: v for k, v in os.environ.items()
            if k not in ("NUMBA_CACHE_DIR", "V2G_NUMBA_SEED", "V2G_NUMBA_PORTABLE", "NUMBA_CPU_NAME",
                         "NUMBA_CPU_FEATURES", "V2G_NUMBA_CACHE", "PYTHONPATH")}
    full.update(env, PYTHONPATH=str(pythonpath))
    out = subprocess.run([sys.executable, "-c", _PROBE], cwd=cwd, env=full, capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def _copy_package(dest: Path) -> Path:
    shutil.copytree(ROOT / "models", dest / "models",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return dest


@pytest.fixture(scope="module")
def seed(tmp_path_factory):
    """A pre-built cache compiled from the source tree for the generic CPU."""
    folder = tmp_path_factory.mktemp("seed")
    got = _run(ROOT, ROOT, NUMBA_CACHE_DIR=str(folder), V2G_NUMBA_PORTABLE="1")
    assert got["cpu"] == "generic" and got["compiled"] >= 1 and got["loaded"] == 0
    assert any(folder.rglob("*.nbc"))
    # relocatable layout: one folder per package, no absolute paths in the names
    assert sorted(p.name for p in folder.iterdir()) == ["models.ageing"]
    return folder, got["value"]


def test_seed_loads_for_a_moved_package_without_compiling(seed, tmp_path):
    folder, value = seed
    other = _copy_package(tmp_path / "elsewhere")
    cache = tmp_path / "user-cache"
    got = _run(other, other, NUMBA_CACHE_DIR=str(cache), V2G_NUMBA_SEED=str(folder))
    assert Path(got["file"]).is_relative_to(other)
    assert got["portable"] and got["cpu"] == "generic"
    assert got["seeded"] == len([p for p in folder.rglob("*") if p.is_file()])
    assert (got["loaded"], got["compiled"]) == (1, 0)
    assert got["value"] == value
    # a second start copies nothing more and still compiles nothing
    again = _run(other, other, NUMBA_CACHE_DIR=str(cache), V2G_NUMBA_SEED=str(folder))
    assert (again["seeded"], again["loaded"], again["compiled"]) == (0, 1, 0)


def test_seed_of_other_sources_is_not_used(seed, tmp_path):
    folder, value = seed
    other = _copy_package(tmp_path / "edited")
    # an edit anywhere in the package (here a file without kernels) makes the seed stale
    with open(other / "models" / "messages.py", "a", encoding="utf-8") as fh:
        fh.write("\n# edited\n")
    got = _run(other, other, NUMBA_CACHE_DIR=str(tmp_path / "cache"), V2G_NUMBA_SEED=str(folder))
    assert got["seeded"] > 0
    assert (got["loaded"], got["compiled"]) == (0, 1)
    assert got["value"] == value


def test_without_seed_the_host_cpu_is_used(tmp_path):
    got = _run(ROOT, ROOT, NUMBA_CACHE_DIR=str(tmp_path / "cache"))
    assert got["cpu"] is None and not got["portable"] and got["seeded"] == 0


def test_portable_triple_drops_the_os_version_only():
    from models._jit import portable_triple

    assert portable_triple("arm64-apple-darwin23.6.0") == "arm64-apple-darwin"
    assert portable_triple("x86_64-apple-darwin24.1.0") == "x86_64-apple-darwin"
    assert portable_triple("x86_64-unknown-linux-gnu") == "x86_64-unknown-linux-gnu"
    assert portable_triple("x86_64-pc-windows-msvc") == "x86_64-pc-windows-msvc"
