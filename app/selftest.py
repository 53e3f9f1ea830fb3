"""Installation self-test (``python -m app --self-test``, also on the frozen app).

:func:`run` checks, in order, that

1. every module of :mod:`models` and :mod:`app` imports;
2. the shipped resources are where :func:`models.paths.resources_dir` says
   (fonts, the Japanese ``.qm``, presets);
3. Qt starts (offscreen when there is no display), loads the bundled fonts and
   the Japanese translation;
4. every numba kernel compiles or loads from the cache (the ``warm_up``
   functions of :mod:`models.rainflow`, :mod:`models.ageing` and, when present,
   :mod:`models.energy`), and says where the cache is (or that it runs
   uncached because the cache folder is not writable), whether a pre-built
   cache shipped with the app was used, and how many kernels were loaded from
   the cache and how many compiled;
5. the demo scenario simulates to a complete result;
6. the engine process the window computes in (:mod:`app.engine`) starts and
   returns the same demo result (net present value to the last bit);
7. the customer report (xlsx) is written to a temporary folder and exists.

Each step prints one ``PASS``/``FAIL`` line.  The report goes to stdout (when
there is one: a windowed Windows build has none) **and** to a log file,
``models.paths.user_log_dir()/self-test.log`` by default (or the path in the
environment variable ``V2G_SELFTEST_LOG``), so a dealer's support call can ask
for that file; when that folder is not writable the log goes to the temporary
folder.  :func:`run` returns the process exit code:
0 when every step passed, 1 otherwise.  It never raises.
"""
from __future__ import annotations

import importlib
import os
import pkgutil
import platform
import sys
import tempfile
import time
import traceback
from pathlib import Path

LOG_NAME = "self-test.log"

# Modules that must not be imported by the self-test: ``app.__main__`` starts the GUI.
_SKIP_MODULES = {"app.__main__"}


class _Report:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.failed: list[str] = []

    def say(self, text: str) -> None:
        self.lines.append(text)
        out = sys.stdout
        if out is not None:  # windowed Windows build: no console
            try:
                print(text, file=out, flush=True)
            except (OSError, ValueError, UnicodeError):
                pass

    def step(self, name: str, fn) -> object:
        t0 = time.perf_counter()
        try:
            detail = fn()
        except BaseException as exc:  # report, never crash (SystemExit from a module included)
            if isinstance(exc, KeyboardInterrupt):
                raise
            self.failed.append(name)
            self.say(f"FAIL {name} ({time.perf_counter() - t0:.2f} s): {type(exc).__name__}: {exc}")
            for line in traceback.format_exc().rstrip().splitlines():
                self.say(f"     {line}")
            return None
        extra = f": {detail}" if isinstance(detail, str) and detail else ""
        self.say(f"PASS {name} ({time.perf_counter() - t0:.2f} s){extra}")
        return detail


def _default_log_path() -> Path:
    from models.paths import user_log_dir

    return user_log_dir() / LOG_NAME


def _write_log(lines: list[str], log_path) -> Path | None:
    """Write the report; fall back to the temp folder when the log folder is not writable."""
    text = "\n".join(lines) + "\n"
    candidates = []
    log_path = log_path or os.environ.get("V2G_SELFTEST_LOG") or None
    try:
        candidates.append(Path(log_path) if log_path else _default_log_path())
    except Exception:  # platformdirs missing or broken: still try the temp folder
        pass
    candidates.append(Path(tempfile.gettempdir()) / f"v2g-calculator-{LOG_NAME}")
    for path in candidates:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            return path
        except OSError:
            continue
    return None


def _walk(package_name: str) -> list[str]:
    pkg = importlib.import_module(package_name)
    names = [package_name]
    for info in pkgutil.walk_packages(pkg.__path__, prefix=package_name + "."):
        names.append(info.name)
    return sorted(n for n in names if n not in _SKIP_MODULES)


def _import_all() -> str:
    names = _walk("models") + _walk("app")
    broken = []
    for name in names:
        try:
            importlib.import_module(name)
        except Exception as exc:
            broken.append(f"{name} ({type(exc).__name__}: {exc})")
    if broken:
        raise ImportError("; ".join(broken))
    if len(names) < 10:  # a frozen build that lost its package listing would import almost nothing
        raise ImportError(f"only {len(names)} modules found: {names}")
    return f"{len(names)} modules"


def _resources() -> str:
    from models.paths import resources_dir

    root = resources_dir()
    needed = {
        "fonts": sorted(p.name for p in (root / "fonts").glob("*.[ot]tf")),
        "translations": sorted(p.name for p in (root / "translations").glob("*.qm")),
        "presets": sorted(p.name for p in (root / "presets").glob("*.json")),
    }
    missing = [k for k, v in needed.items() if not v]
    if missing:
        raise FileNotFoundError(f"{root}: nothing in {', '.join(missing)}")
    if "app_ja.qm" not in needed["translations"]:
        raise FileNotFoundError(f"{root / 'translations' / 'app_ja.qm'} is missing")
    # shipped example scenarios must load (they are offered in the File menu)
    from models import scenario as sc

    examples = sorted((root / "examples").glob("*.json"))
    for path in examples:
        sc.load(path)
    counts = ", ".join(f"{k} {len(v)}" for k, v in needed.items())
    return f"{root} ({counts}, examples {len(examples)} loaded)"


def _qt() -> str:
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6 import __version__ as pyside_version
    from PySide6.QtWidgets import QApplication

    from app import i18n
    from app.fonts import APP_FONT_FAMILY, load_fonts

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "v2g-calculator"])
    families = load_fonts()
    if APP_FONT_FAMILY not in families:
        raise RuntimeError(f"bundled font {APP_FONT_FAMILY!r} not loaded (got {families})")
    try:
        if not i18n.install(app, "ja"):
            raise RuntimeError("Japanese translation (app_ja.qm) not loaded")
    finally:
        i18n.install(app, "en")
    return f"PySide6 {pyside_version}, platform {app.platformName()}, fonts {len(families)}, ja translation"


def _numba_kernels() -> str:
    from models import _jit, ageing, rainflow

    rainflow.warm_up()
    ageing.warm_up()
    parts = ["rainflow", "ageing"]
    try:
        from models import energy
    except ImportError:  # pragma: no cover - energy is part of the package
        energy = None
    if energy is not None and callable(getattr(energy, "warm_up", None)):
        energy.warm_up()
        parts.append("energy")
    cache = f"cache {_jit.CACHE_DIR}" if _jit.CACHE else "cache off (folder not writable or disabled)"
    seed = (f"pre-built cache {_jit.SEED_DIR} ({_jit.SEEDED_FILES} files copied now)"
            if _jit.SEED_DIR else "no pre-built cache")
    loaded, compiled = _jit.cache_stats()
    cpu = _jit.numba.config.CPU_NAME or "host"
    return (f"warm_up({'/'.join(parts)}), numba {_jit.numba.__version__}, {cache}, {seed}, "
            f"CPU {cpu}: {loaded} loaded from the cache, {compiled} compiled")


def _kernel_census() -> tuple[int, list[str]]:
    """Count the numba dispatchers in :mod:`models` that hold compiled code."""
    from numba.core.registry import CPUDispatcher

    compiled, idle = 0, []
    for name, mod in sorted(sys.modules.items()):
        if not (name == "models" or name.startswith("models.")) or mod is None:
            continue
        for attr, obj in sorted(vars(mod).items()):
            if isinstance(obj, CPUDispatcher) and getattr(obj, "__module__", name) == name:
                if obj.signatures:
                    compiled += 1
                else:
                    idle.append(f"{name}.{attr}")
    return compiled, idle


def _simulate_demo():
    import models
    from models import scenario as sc

    scenario = sc.demo()
    result = models.simulate(scenario)
    if result.status != "complete":
        raise RuntimeError(f"demo result status is {result.status!r}, expected 'complete'")
    return scenario, result.to_dict()


def _engine_process(state: dict) -> str:
    """Start an engine process of its own, simulate the demo there, compare with this process."""
    from app import engine

    t0 = time.perf_counter()
    eng = engine.EngineProcess()
    try:
        remote = eng.simulate(state["demo"][0], timeout_s=600)   # a hung engine fails the step
        pid = eng.pid
    finally:
        eng.stop()
    here, there = state["demo"][1]["summary"]["npv"], remote["summary"]["npv"]
    if here != there:
        raise RuntimeError(f"engine process NPV {there!r} differs from this process's {here!r}")
    return f"pid {pid}, demo result identical, {time.perf_counter() - t0:.1f} s"


def _report(state: dict) -> str:
    from app.report import write_report

    scenario, result = state["demo"]
    with tempfile.TemporaryDirectory(prefix="v2g-selftest-") as tmp:
        path = write_report(result, scenario, Path(tmp) / "self-test.xlsx", lang="ja")
        if not path.is_file():
            raise FileNotFoundError(path)
        size = path.stat().st_size
        with open(path, "rb") as fh:
            if fh.read(2) != b"PK":
                raise ValueError(f"{path.name} is not an xlsx (zip) file")
        if size < 2000:
            raise ValueError(f"{path.name} is suspiciously small ({size} bytes)")
    return f"{size} bytes"


def run(log_path=None) -> int:
    """Run every check; write the report to stdout and ``log_path``; return the exit code."""
    rep = _Report()
    started = time.perf_counter()
    try:
        from models import __version__
    except Exception:  # pragma: no cover
        __version__ = "?"
    frozen = "frozen" if getattr(sys, "frozen", False) else "source"
    rep.say(f"V2G Calculator {__version__} self-test ({frozen}, Python {platform.python_version()}, "
            f"{platform.system()} {platform.machine()})")
    rep.say(f"executable: {sys.executable}")

    state: dict = {}
    rep.step("import all modules", _import_all)
    rep.step("resources", _resources)
    rep.step("Qt, fonts, translations", _qt)
    rep.step("numba kernels", _numba_kernels)

    def simulate_step():
        state["demo"] = _simulate_demo()
        try:  # after warm-up and a full simulation every kernel called from Python holds machine code
            compiled, idle = _kernel_census()
            inner = f", {len(idle)} more used only inside other kernels" if idle else ""
            return f"status complete; {compiled} numba kernels ready{inner}"
        except Exception:  # the census is information only
            return "status complete"

    rep.step("simulate demo", simulate_step)
    for title, check in (("engine process", _engine_process), ("Excel report", _report)):
        if "demo" in state:
            rep.step(title, lambda c=check: c(state))
        else:
            rep.failed.append(title)
            rep.say(f"FAIL {title}: skipped (no demo result)")

    code = 1 if rep.failed else 0
    verdict = "PASS" if code == 0 else f"FAIL ({', '.join(rep.failed)})"
    rep.say(f"self-test {verdict} in {time.perf_counter() - started:.1f} s, exit code {code}")
    written = _write_log(rep.lines, log_path)
    rep.say(f"log: {written}" if written else "log: could not be written")
    if written:  # keep the log line in the file as well
        _write_log(rep.lines, written)
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run())
