"""Build the double-click bundle and installers of V2G Calculator.

    python build/build.py                      bundle: dist/v2g-calculator/ (+ dist/V2G Calculator.app on macOS)
    python build/build.py --self-test          ... then run --self-test on the frozen app
    python build/build.py --skip-build --self-test     only run the frozen self-test
    python build/build.py --archive            Linux stand-in: dist/v2g-calculator-<ver>-linux-x86_64.tar.gz
    python build/build.py --installer          Windows: NSIS setup .exe; macOS: .dmg (installer/macos/make_dmg.sh)
    python build/build.py --no-trim            build without trimming (size comparison)
    python build/build.py --no-seed            no pre-built numba cache in the bundle (first start compiles)

PyInstaller's work folder is ``.pyi-work/`` and its output ``dist/`` (both
git-ignored; never ``build/``, which holds these scripts).

Before PyInstaller runs, the calculation engine is compiled for the
architecture's generic CPU into ``.pyi-work/numba-seed`` (``python -m app
--warm-up`` with ``V2G_NUMBA_PORTABLE=1``); the spec ships that folder as
``<bundle>/numba-seed``, from which the app fills its user cache on the very
first start instead of compiling (see ``models/_jit.py``).  Every step prints
its time; the bundle size is printed after the build.  Exit code 0 on
success, 1 on any failure.
"""
from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "build" / "app.spec"
WORK = ROOT / ".pyi-work"
DIST = ROOT / "dist"
APP_NAME = "v2g-calculator"
DISPLAY_NAME = "V2G Calculator"
SYSTEM = platform.system()
NSI = ROOT / "installer" / "windows" / "v2g-calculator.nsi"
SEED = WORK / "numba-seed"


def version() -> str:
    text = (ROOT / "models" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.M).group(1)


def bundle_dir() -> Path:
    return DIST / APP_NAME


def app_bundle() -> Path:
    return DIST / f"{DISPLAY_NAME}.app"


def frozen_executable() -> Path:
    if SYSTEM == "Windows":
        return bundle_dir() / f"{APP_NAME}.exe"
    if SYSTEM == "Darwin":
        return app_bundle() / "Contents" / "MacOS" / APP_NAME
    return bundle_dir() / APP_NAME


def tree_size(path: Path) -> int:
    """Bytes on disk of a folder, counting each file once and symlinks as links."""
    total = 0
    for p in path.rglob("*"):
        try:
            if p.is_symlink():
                continue
            if p.is_file():
                total += p.stat().st_size
        except OSError:
            pass
    return total


def mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def step(title: str):
    print(f"\n== {title}", flush=True)
    return time.perf_counter()


def done(t0: float, what: str) -> None:
    print(f"-- {what} in {time.perf_counter() - t0:.1f} s", flush=True)


def build_seed() -> Path:
    """Compile every kernel for the generic CPU into ``SEED`` (a relocatable numba cache)."""
    t0 = step("pre-built calculation engine (numba cache for the generic CPU)")
    shutil.rmtree(SEED, ignore_errors=True)
    SEED.mkdir(parents=True)
    env = {k: v for k, v in os.environ.items()
           if k not in ("V2G_NUMBA_SEED", "V2G_NUMBA_CACHE", "NUMBA_CPU_FEATURES")}
    env.update(NUMBA_CACHE_DIR=str(SEED), V2G_NUMBA_PORTABLE="1", NUMBA_CPU_NAME="generic")
    subprocess.run([sys.executable, "-m", "app", "--warm-up"], check=True, cwd=ROOT, env=env)
    files = [p for p in SEED.rglob("*") if p.is_file()]
    if not any(p.suffix == ".nbi" for p in files):
        raise SystemExit(f"FAIL: no numba index files in {SEED}")
    done(t0, f"seed: {len(files)} files, {mb(sum(p.stat().st_size for p in files))}")
    return SEED


def run_pyinstaller(trim: bool, seed: Path | None) -> None:
    t0 = step(f"PyInstaller {'(trimmed)' if trim else '(no trimming)'}")
    env = dict(os.environ, V2G_TRIM="1" if trim else "0")
    env.pop("V2G_NUMBA_SEED_BUILD", None)
    if seed is not None:
        env["V2G_NUMBA_SEED_BUILD"] = str(seed)
    cmd = [sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm", "--clean",
           "--workpath", str(WORK), "--distpath", str(DIST), "--log-level", "WARN"]
    print(" ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=ROOT, env=env)
    done(t0, "bundle built")
    exe = frozen_executable()
    if not exe.exists():
        raise SystemExit(f"FAIL: {exe} was not produced")
    size_root = app_bundle() if SYSTEM == "Darwin" else bundle_dir()
    print(f"bundle: {size_root} ({mb(tree_size(size_root))} on disk)")


def frozen_self_test(extra_env: dict | None = None, cwd: Path | None = None, label: str = "") -> int:
    """Run ``--self-test`` on the frozen app, print its log; return its exit code.

    A windowed Windows/macOS app has no console, so the report is read back from
    the log file (``V2G_SELFTEST_LOG``).
    """
    exe = frozen_executable()
    t0 = step(f"frozen self-test {label}".rstrip())
    with tempfile.TemporaryDirectory(prefix="v2g-selftest-") as tmp:
        log = Path(tmp) / "self-test.log"
        env = dict(os.environ)
        env["V2G_SELFTEST_LOG"] = str(log)
        if SYSTEM == "Linux" and not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
            env.setdefault("QT_QPA_PLATFORM", "offscreen")
        env.update(extra_env or {})
        proc = subprocess.run([str(exe), "--self-test"], cwd=str(cwd or tmp), env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=600)
        out = proc.stdout.decode("utf-8", "replace")
        if log.exists():
            print(log.read_text(encoding="utf-8"), end="")
        else:
            print(out, end="")
            print(f"(no log file at {log})")
    done(t0, f"frozen self-test exit code {proc.returncode}")
    return proc.returncode


def archive() -> Path:
    """Linux stand-in for an installer: tar.gz of the one-folder bundle."""
    t0 = step("tar.gz of the bundle")
    machine = platform.machine().lower()
    out = DIST / f"{APP_NAME}-{version()}-{SYSTEM.lower()}-{machine}.tar.gz"
    with tarfile.open(out, "w:gz", compresslevel=6) as tar:
        tar.add(bundle_dir(), arcname=APP_NAME)
    done(t0, f"{out.name}: {mb(out.stat().st_size)}")
    return out


def makensis_command(nsi: Path, defines: dict) -> list[str]:
    exe = shutil.which("makensis")
    if exe is None and SYSTEM == "Windows":
        for base in (os.environ.get("ProgramFiles(x86)"), os.environ.get("ProgramFiles")):
            if base and (Path(base) / "NSIS" / "makensis.exe").exists():
                exe = str(Path(base) / "NSIS" / "makensis.exe")
                break
    if exe is None:
        raise SystemExit("FAIL: makensis not found (Debian: apt-get install nsis; Windows: choco install nsis)")
    sw = "/" if SYSTEM == "Windows" else "-"
    cmd = [exe, f"{sw}V3", f"{sw}INPUTCHARSET", "UTF8"]
    cmd += [f"{sw}D{k}={v}" for k, v in defines.items()]
    return cmd + [str(nsi)]


def nsis_installer(dist_dir: Path | None = None, out_dir: Path | None = None) -> Path:
    t0 = step("NSIS installer")
    out_dir = out_dir or DIST
    out = out_dir / f"{APP_NAME}-{version()}-windows-x64-setup.exe"
    defines = {"APP_VERSION": version(), "DIST_DIR": str(dist_dir or bundle_dir()), "OUTFILE": str(out)}
    env = dict(os.environ)
    if SYSTEM != "Windows":  # makensis 3.08 crashes on non-ASCII file names in a non-UTF-8 locale
        env["LC_ALL"] = "C.UTF-8"
    subprocess.run(makensis_command(NSI, defines), check=True, cwd=NSI.parent, env=env)
    done(t0, f"{out.name}: {mb(out.stat().st_size)}")
    return out


def dmg() -> Path:
    t0 = step("macOS disk image")
    out = DIST / f"{APP_NAME}-{version()}-macos-arm64.dmg"
    subprocess.run(["bash", str(ROOT / "installer" / "macos" / "make_dmg.sh"), str(app_bundle()), str(out)],
                   check=True, cwd=ROOT)
    done(t0, f"{out.name}: {mb(out.stat().st_size)}")
    return out


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--skip-build", action="store_true", help="use the existing dist/ bundle")
    p.add_argument("--no-trim", action="store_true", help="do not trim unused Qt modules, plug-ins, tests")
    p.add_argument("--no-seed", action="store_true",
                   help="do not ship a pre-built numba cache (the first start then compiles)")
    p.add_argument("--self-test", action="store_true", help="run --self-test on the frozen app")
    p.add_argument("--archive", action="store_true", help="write a tar.gz of the bundle (Linux stand-in)")
    p.add_argument("--installer", action="store_true", help="Windows: NSIS installer; macOS: dmg")
    p.add_argument("--max-mb", type=float, default=None,
                   help="fail when the installer (or tar.gz) is larger than this many MB (10^6 bytes)")
    args = p.parse_args(argv)
    outputs: list[Path] = []

    t_all = time.perf_counter()
    print(f"V2G Calculator {version()} on {SYSTEM} {platform.machine()}, Python {platform.python_version()}")
    try:
        if not args.skip_build:
            seed = None if args.no_seed else build_seed()
            run_pyinstaller(trim=not args.no_trim, seed=seed)
        if args.self_test:
            code = frozen_self_test()
            if code != 0:
                print(f"FAIL: frozen self-test exit code {code}")
                return 1
        if args.archive:
            outputs.append(archive())
        if args.installer:
            if SYSTEM == "Windows":
                outputs.append(nsis_installer())
            elif SYSTEM == "Darwin":
                outputs.append(dmg())
            elif not args.archive:
                outputs.append(archive())
        if args.max_mb is not None:
            for out in outputs:
                size = out.stat().st_size / 1e6
                verdict = "PASS" if size <= args.max_mb else "FAIL"
                print(f"{verdict} size: {out.name} {size:.1f} MB (limit {args.max_mb:g} MB)")
                if verdict == "FAIL":
                    return 1
    except subprocess.CalledProcessError as exc:
        print(f"FAIL: {exc}")
        return 1
    print(f"\nbuild.py finished in {time.perf_counter() - t_all:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
