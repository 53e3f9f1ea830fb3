"""Packaging checks that need no PyInstaller build (issue 9).

The spec is executed with stand-ins for PyInstaller's build classes, once per
operating system, so the Windows and macOS branches (version resource,
Info.plist) are checked on Linux too.  The frozen build itself is checked by
``build/ci_installers.sh``.
"""
from __future__ import annotations

import os
import plistlib
import re
import shutil
import struct
import subprocess
import sys
import types
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import models

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "build" / "app.spec"
NSI = ROOT / "installer" / "windows" / "v2g-calculator.nsi"
NSI_I18N = {"en": ROOT / "installer" / "windows" / "i18n" / "en.nsh",
            "ja": ROOT / "installer" / "windows" / "i18n" / "ja.nsh"}
ENTITLEMENTS = ROOT / "installer" / "macos" / "entitlements.plist"
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"



def _load_build_script(name: str):
    """Import build/<name>.py without putting build/ on sys.path (build/build.py would shadow PyPI 'build')."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"_v2g_build_{name}", ROOT / "build" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_icons = _load_build_script("make_icons")


# --------------------------------------------------------------------------- spec, run with stand-ins
class _Rec:
    """Records the arguments of one PyInstaller build object."""

    def __init__(self, *args, **kwargs):
        self.args = args
        self.kwargs = kwargs
        self.binaries = []
        self.datas = list(kwargs.get("datas", []))
        self.scripts = []
        self.pure = []


def _fake_pyinstaller(monkeypatch):
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda name: [name, f"{name}.fake_submodule"]
    versioninfo = types.ModuleType("PyInstaller.utils.win32.versioninfo")
    for cls in ("FixedFileInfo", "StringFileInfo", "StringStruct", "StringTable", "VarFileInfo", "VarStruct",
                "VSVersionInfo"):
        setattr(versioninfo, cls, type(cls, (_Rec,), {}))
    for name, mod in {"PyInstaller": types.ModuleType("PyInstaller"),
                      "PyInstaller.utils": types.ModuleType("PyInstaller.utils"),
                      "PyInstaller.utils.hooks": hooks,
                      "PyInstaller.utils.win32": types.ModuleType("PyInstaller.utils.win32"),
                      "PyInstaller.utils.win32.versioninfo": versioninfo}.items():
        monkeypatch.setitem(sys.modules, name, mod)


def run_spec(monkeypatch, system: str, trim: bool = True) -> dict:
    """Execute build/app.spec as PyInstaller would on ``system``; return the recorded objects."""
    import platform

    _fake_pyinstaller(monkeypatch)
    monkeypatch.setattr(platform, "system", lambda: system)
    monkeypatch.setenv("V2G_TRIM", "1" if trim else "0")
    monkeypatch.delenv("V2G_CODESIGN_IDENTITY", raising=False)
    made: dict = {}

    def factory(kind):
        def make(*args, **kwargs):
            obj = _Rec(*args, **kwargs)
            made[kind] = obj
            return obj
        return make

    ns = {"SPECPATH": str(SPEC.parent), "__file__": str(SPEC), "__name__": "__main__"}
    for kind in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"):
        ns[kind] = factory(kind)
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), ns)
    made["ns"] = ns
    return made


def test_spec_analysis_options(monkeypatch):
    made = run_spec(monkeypatch, "Linux")
    an = made["Analysis"].kwargs
    assert an["module_collection_mode"] == {"models": "py"}
    assert Path(made["Analysis"].args[0][0]) == ROOT / "build" / "entry.py"
    assert str(ROOT) in an["pathex"]
    assert {"PyQt5", "PyQt6", "PySide2", "tkinter"} <= set(an["excludes"])
    assert "PySide6.QtNetwork" in an["excludes"] and "PySide6.QtQml" in an["excludes"]
    # pyqtgraph imports these: excluding them would break the frozen app
    for needed in ("PySide6.QtSvg", "PySide6.QtTest", "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets",
                   "numba.cuda"):
        assert needed not in an["excludes"]
    assert "scipy" in an["excludes"]   # not a dependency; numba would take a developer's copy along
    assert "app" in an["hiddenimports"] and "models" in an["hiddenimports"]
    dests = {(Path(src).name, dest) for src, dest in an["datas"]}
    assert ("app_ja.qm", "resources/translations") in dests
    assert not any(src.endswith(".ts") for src, _ in an["datas"])
    for sub in ("fonts", "presets", "icons"):
        assert any(dest == f"resources/{sub}" for _, dest in dests), sub
    assert all(Path(src).is_file() for src, _ in an["datas"])


@pytest.mark.parametrize("dest, keep", [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/platforms/libqminimal.so", True),
    ("PySide6/plugins/platforms/qwindows.dll", True),
    ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6/Qt/plugins/platforms/libqminimalegl.so", False),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
    ("PySide6/plugins/networkinformation/qnetworklistmanager.dll", False),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
    ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
    ("PySide6/Qt/lib/libQt6Network.so.6", False),
    ("PySide6/Qt6Network.dll", False),
    ("PySide6/Qt/lib/libQt6Gui.so.6", True),
    ("PySide6/Qt/lib/libQt6DBus.so.6", True),
    ("PySide6/Qt/lib/libQt6Svg.so.6", True),
    ("PySide6/Qt/translations/qtbase_ja.qm", True),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("PySide6\\translations\\qt_fr.qm", False),
    ("scipy/special/tests/data/boost.npz", False),
    ("resources/translations/app_ja.qm", True),
    ("llvmlite/binding/libllvmlite.so", True),
])
def test_spec_trim_filter(monkeypatch, dest, keep):
    keep_fn = run_spec(monkeypatch, "Linux")["ns"]["_keep"]
    assert keep_fn((dest, "/src/" + dest, "BINARY")) is keep


def test_spec_untrimmed_has_no_excludes(monkeypatch):
    made = run_spec(monkeypatch, "Linux", trim=False)
    assert made["Analysis"].kwargs["excludes"] == []


def test_spec_linux_bundle(monkeypatch):
    made = run_spec(monkeypatch, "Linux")
    exe, coll = made["EXE"].kwargs, made["COLLECT"].kwargs
    assert exe["name"] == coll["name"] == "v2g-calculator"
    assert exe["exclude_binaries"] is True  # one-folder bundle
    assert exe["upx"] is False and exe["strip"] is False
    assert exe["contents_directory"] == "_internal"
    assert "BUNDLE" not in made


def test_spec_windows_branch(monkeypatch):
    made = run_spec(monkeypatch, "Windows")
    exe = made["EXE"].kwargs
    assert exe["console"] is False  # windowed
    assert exe["icon"].endswith(".ico") and Path(exe["icon"]).is_file()
    version = exe["version"]
    assert type(version).__name__ == "VSVersionInfo"
    ffi = version.kwargs["ffi"].kwargs
    nums = tuple(int(x) for x in models.__version__.split(".")[:3]) + (0,)
    assert ffi["filevers"] == ffi["prodvers"] == nums
    table = version.kwargs["kids"][0].args[0][0]
    strings = {s.args[0]: s.args[1] for s in table.args[1]}
    assert strings["ProductVersion"] == models.__version__
    assert strings["OriginalFilename"] == "v2g-calculator.exe"
    assert "BUNDLE" not in made


def test_spec_windows_version_resource_with_real_pyinstaller(monkeypatch):
    """The version resource built by the spec is valid for PyInstaller's own writer (needs the build extra)."""
    pytest.importorskip("PyInstaller")
    try:
        import pefile  # noqa: F401  (a Windows-only dependency of PyInstaller)
    except ImportError:  # only needed to read/write executables, not to build the structure
        monkeypatch.setitem(sys.modules, "pefile", types.ModuleType("pefile"))
    import PyInstaller.compat as pyi_compat

    if not hasattr(pyi_compat, "win32api"):  # defined on Windows only; unused when building the structure
        monkeypatch.setattr(pyi_compat, "win32api", None, raising=False)
    monkeypatch.delitem(sys.modules, "PyInstaller.utils.win32.versioninfo", raising=False)
    import importlib
    import platform

    versioninfo = importlib.import_module("PyInstaller.utils.win32.versioninfo")

    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda name: [name]
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    monkeypatch.setattr(platform, "system", lambda: "Windows")
    made = {}
    ns = {"SPECPATH": str(SPEC.parent), "__name__": "__main__"}
    for kind in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"):
        ns[kind] = (lambda kind: lambda *a, **k: made.setdefault(kind, _Rec(*a, **k)))(kind)
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), ns)
    version = made["EXE"].kwargs["version"]
    assert isinstance(version, versioninfo.VSVersionInfo)
    raw = version.toRaw()
    assert b"V\0S\0_\0V\0E\0R\0S\0I\0O\0N\0_\0I\0N\0F\0O" in raw
    assert models.__version__.encode("utf-16-le") in raw
    text = str(version)
    assert "ProductName" in text and "V2G Calculator" in text


def test_spec_macos_info_plist(monkeypatch):
    made = run_spec(monkeypatch, "Darwin")
    bundle = made["BUNDLE"].kwargs
    assert bundle["name"] == "V2G Calculator.app"
    assert Path(bundle["icon"]).suffix == ".icns" and Path(bundle["icon"]).is_file()
    assert Path(bundle["entitlements_file"]) == ENTITLEMENTS
    assert bundle["codesign_identity"] is None  # unsigned unless V2G_CODESIGN_IDENTITY is set
    exe = made["EXE"].kwargs
    assert exe["console"] is False and exe["argv_emulation"] is True
    # Info.plist round trip through plistlib, as PyInstaller writes it
    info = plistlib.loads(plistlib.dumps(bundle["info_plist"]))
    assert info["CFBundleIdentifier"] == bundle["bundle_identifier"]
    assert re.fullmatch(r"[A-Za-z0-9.-]+", info["CFBundleIdentifier"])
    assert info["CFBundleShortVersionString"] == info["CFBundleVersion"] == models.__version__
    assert info["LSMinimumSystemVersion"] == "14.0"
    assert info["NSHighResolutionCapable"] is True
    assert info["CFBundleDisplayName"] == "V2G Calculator"
    uti = info["UTExportedTypeDeclarations"][0]
    assert uti["UTTypeTagSpecification"]["public.filename-extension"] == ["v2g.json"]
    assert "public.json" in uti["UTTypeConformsTo"]
    owner = [d for d in info["CFBundleDocumentTypes"] if d["LSHandlerRank"] == "Owner"]
    assert owner and owner[0]["LSItemContentTypes"] == [uti["UTTypeIdentifier"]]


# --------------------------------------------------------------------------- macOS files
def test_entitlements():
    ET.parse(ENTITLEMENTS)  # well-formed XML
    ent = plistlib.loads(ENTITLEMENTS.read_bytes())
    for key in ("com.apple.security.cs.allow-jit", "com.apple.security.cs.allow-unsigned-executable-memory",
                "com.apple.security.cs.disable-library-validation"):
        assert ent.get(key) is True, key


@pytest.mark.skipif(sys.platform == "win32", reason="bash on Windows may be WSL or see CRLF checkouts")
def test_macos_scripts_are_valid_bash():
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("bash not available")
    scripts = sorted((ROOT / "installer" / "macos").glob("*.sh")) + [ROOT / "build" / "ci_installers.sh"]
    assert len(scripts) >= 3
    for script in scripts:
        subprocess.run([bash, "-n", str(script)], check=True)


# --------------------------------------------------------------------------- Windows installer
def test_nsi_directives():
    text = NSI.read_text(encoding="utf-8")
    required = [
        "Unicode true", "Target amd64-unicode", '!include "MUI2.nsh"', "SetCompressor /SOLID lzma",
        '!insertmacro MUI_LANGUAGE "English"', '!insertmacro MUI_LANGUAGE "Japanese"',
        "MUI_LANGDLL_DISPLAY", "RequestExecutionLevel user", 'InstallDir "$LOCALAPPDATA\\Programs\\',
        "Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\", "WriteUninstaller",
        'CreateShortcut "$SMPROGRAMS\\', 'CreateShortcut "$DESKTOP\\', '!define SCENARIO_EXT ".v2g.json"',
        "VIProductVersion", "VIAddVersionKey", "${RunningX64}", 'File /r "${DIST_DIR}\\*.*"',
        "DisplayName", "UninstallString", "DisplayIcon", "DisplayVersion",
    ]
    for directive in required:
        assert directive in text, directive
    # per-user: every registry write goes to HKCU
    assert re.findall(r"\b(?:WriteReg\w+|DeleteReg\w+)\s+(\w+)", text)
    assert set(re.findall(r"\b(?:WriteReg\w+|DeleteReg\w+|ReadReg\w+)\s+(\w+)", text)) == {"HKCU"}
    assert "HKLM" not in text and "RequestExecutionLevel admin" not in text


def test_nsi_strings_defined_in_both_languages():
    used = set(re.findall(r"\$\((\w+)\)", NSI.read_text(encoding="utf-8"))) - {"^Name"}
    assert used
    for lang, path in NSI_I18N.items():
        text = path.read_text(encoding="utf-8")
        defined = set(re.findall(r"^LangString\s+(\w+)\s+\$\{LANG_(\w+)\}", text, re.M))
        names = {name for name, _ in defined}
        assert used <= names, (lang, used - names)
        assert {code for _, code in defined} == {"ENGLISH" if lang == "en" else "JAPANESE"}
    assert re.search(r"[\u3040-\u30ff]", NSI_I18N["ja"].read_text(encoding="utf-8"))


@pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("makensis") is None,
                    reason="Linux check; makensis (Debian package nsis) not installed")
def test_nsi_compiles_against_stand_in_payload(tmp_path):
    payload = tmp_path / "payload"
    (payload / "_internal" / "resources").mkdir(parents=True)
    (payload / "v2g-calculator.exe").write_bytes(b"stand-in")
    (payload / "_internal" / "resources" / "シナリオ.txt").write_text("ja", encoding="utf-8")
    out = tmp_path / "v2g-calculator-test-setup.exe"
    proc = subprocess.run(["makensis", "-V2", "-WX", "-INPUTCHARSET", "UTF8", f"-DAPP_VERSION={models.__version__}",
                           f"-DDIST_DIR={payload}", f"-DOUTFILE={out}", str(NSI)],
                          capture_output=True, text=True, cwd=NSI.parent,
                          # makensis 3.08 crashes on non-ASCII file names unless the locale is UTF-8
                          env={**os.environ, "LC_ALL": "C.UTF-8"})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    head = out.read_bytes()[:4096]
    assert head[:2] == b"MZ"
    pe = struct.unpack_from("<I", head, 0x3C)[0]
    assert head[pe:pe + 4] == b"PE\0\0" and struct.unpack_from("<H", head, pe + 4)[0] == 0x8664  # x64


# --------------------------------------------------------------------------- icons
def test_icons_generated_from_one_source():
    assert make_icons.SOURCE.is_file()
    ET.parse(make_icons.SOURCE)
    assert make_icons.check() == []
    ico = make_icons.read_ico((make_icons.ICONS / "v2g-calculator.ico").read_bytes())
    assert (256, "png") in ico and (16, "bmp") in ico and (32, "bmp") in ico and (48, "bmp") in ico
    icns = dict(make_icons.read_icns((make_icons.ICONS / "v2g-calculator.icns").read_bytes()))
    assert icns["ic10"] == 1024 and icns["ic07"] == 128 and icns["icp4"] == 16


def test_ico_writer_round_trip():
    from PySide6.QtGui import QColor, QImage

    img = QImage(16, 16, QImage.Format.Format_ARGB32)
    img.fill(QColor(10, 20, 30, 128))
    dib = make_icons.dib_bytes(img)
    assert len(dib) == 40 + 16 * 16 * 4 + 4 * 16
    assert dib[40:44] == bytes([30, 20, 10, 128])  # B, G, R, A


# --------------------------------------------------------------------------- build layout
def test_pyinstaller_work_and_dist_folders():
    text = (ROOT / "build" / "build.py").read_text(encoding="utf-8")
    assert 'WORK = ROOT / ".pyi-work"' in text and 'DIST = ROOT / "dist"' in text
    assert '"--workpath", str(WORK)' in text and '"--distpath", str(DIST)' in text
    ignored = [line.strip() for line in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
               if line.strip() and not line.lstrip().startswith("#")]
    assert ".pyi-work/" in ignored and "dist/" in ignored
    assert "build/" not in ignored and "/build/" not in ignored


def test_release_workflow_steps():
    text = WORKFLOW.read_text(encoding="utf-8")
    for needed in ("windows-2022", "macos-14", "-c build/constraints.txt", "pytest", "build/build.py",
                   "--self-test", "makensis", "--installer", "actions/upload-artifact", "keychain.sh",
                   "notarize.sh", "hdiutil attach", "uninstall.exe"):
        assert needed in text, needed


# --------------------------------------------------------------------------- self-test, source mode
def test_selftest_passes_in_process(tmp_path, capsys):
    from app import selftest

    log = tmp_path / "logs" / "self-test.log"
    code = selftest.run(log_path=log)
    out = capsys.readouterr().out
    assert code == 0, out
    text = log.read_text(encoding="utf-8")
    for step in ("import all modules", "resources", "Qt, fonts, translations", "numba kernels",
                 "simulate demo", "Excel report"):
        assert f"PASS {step}" in text, step
    assert "self-test PASS" in text and "FAIL" not in text
    assert "self-test PASS" in out


def test_selftest_reports_failure(tmp_path, monkeypatch, capsys):
    from app import selftest

    def broken():
        raise RuntimeError("simulated breakage")

    monkeypatch.setattr(selftest, "_simulate_demo", broken)
    monkeypatch.setattr(selftest, "_numba_kernels", lambda: "skipped in this test")
    code = selftest.run(log_path=tmp_path / "st.log")
    text = (tmp_path / "st.log").read_text(encoding="utf-8")
    assert code == 1
    assert "FAIL simulate demo" in text and "simulated breakage" in text
    assert "FAIL Excel report" in text and "self-test FAIL" in text


def test_selftest_log_falls_back_to_temp(tmp_path, monkeypatch):
    from app import selftest

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    written = selftest._write_log(["line"], blocker / "sub" / "self-test.log")
    assert written is not None and written.read_text(encoding="utf-8") == "line\n"
    assert written.parent != blocker / "sub"


# --------------------------------------------------------------------------- macOS scripts, dry runs
def _stub(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text("#!/usr/bin/env bash\n" + body + "\n", encoding="utf-8")
    path.chmod(0o755)


@pytest.mark.skipif(sys.platform == "win32" or shutil.which("bash") is None, reason="needs a POSIX bash")
def test_make_dmg_flow_with_stub_tools(tmp_path):
    """make_dmg.sh with stand-ins for hdiutil/ditto: staging layout, retry, unsigned path."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    calls = tmp_path / "calls.txt"
    # hdiutil create fails once ("Resource busy"), then writes the image; records the staging folder
    _stub(bin_dir, "hdiutil", f'''echo "$@" >> "{calls}"
if [ "$1" = create ]; then
  if [ ! -f "{tmp_path}/busy-once" ]; then touch "{tmp_path}/busy-once"; echo "Resource busy" >&2; exit 1; fi
  src=""; prev=""; for a in "$@"; do [ "$prev" = -srcfolder ] && src="$a"; prev="$a"; done
  ls -A "$src" > "{tmp_path}/staged.txt"; [ -L "$src/Applications" ] && echo link >> "{tmp_path}/staged.txt"
  for out; do :; done; printf dmg > "$out"
fi
exit 0''')
    _stub(bin_dir, "ditto", 'cp -R "$1" "$2"')
    _stub(bin_dir, "sleep", "exit 0")
    app = tmp_path / "dist" / "V2G Calculator.app"
    (app / "Contents" / "MacOS").mkdir(parents=True)
    out = tmp_path / "dist" / "test.dmg"
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    env.pop("V2G_CODESIGN_IDENTITY", None)
    proc = subprocess.run(["bash", str(ROOT / "installer" / "macos" / "make_dmg.sh"), str(app), str(out)],
                          capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert out.read_text() == "dmg"
    staged = (tmp_path / "staged.txt").read_text().split()
    assert "V2G" in staged and "Applications" in staged and "link" in staged
    log = calls.read_text()
    assert log.count("create") == 2 and "-format ULMO" in log and "verify" in log
    assert "SKIP signing the dmg" in proc.stdout and "PASS make_dmg" in proc.stdout


@pytest.mark.skipif(sys.platform == "win32" or shutil.which("bash") is None, reason="needs a POSIX bash")
@pytest.mark.parametrize("script, args", [("keychain.sh", []), ("notarize.sh", ["{app}"])])
def test_signing_steps_skip_cleanly_without_credentials(tmp_path, script, args):
    app = tmp_path / "V2G Calculator.app"
    app.mkdir()
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("MACOS_CERTIFICATE", "APPLE_", "V2G_CODESIGN"))}
    proc = subprocess.run(["bash", str(ROOT / "installer" / "macos" / script)] + [a.format(app=app) for a in args],
                          capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.startswith("SKIP ")


@pytest.mark.skipif(sys.platform == "win32" or shutil.which("bash") is None, reason="needs a POSIX bash")
@pytest.mark.parametrize("verdict", ["Accepted", "Invalid"])
def test_notarize_flow_with_stub_tools(tmp_path, verdict):
    """notarize.sh with credentials and stand-ins for xcrun/ditto/spctl: zip, submit --wait, staple."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    calls = tmp_path / "calls.txt"
    _stub(bin_dir, "xcrun", f'''echo "xcrun $*" >> "{calls}"
if [ "$1 $2" = "notarytool submit" ]; then echo '{{"id": "abc-123", "status": "{verdict}"}}'; fi
exit 0''')
    _stub(bin_dir, "ditto", f'echo "ditto $*" >> "{calls}"; for out; do :; done; printf zip > "$out"')
    _stub(bin_dir, "spctl", f'echo "spctl $*" >> "{calls}"')
    app = tmp_path / "V2G Calculator.app"
    app.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MACOS_CERTIFICATE", "APPLE_"))}
    env.update(PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}", V2G_CODESIGN_IDENTITY="ABCDEF0123",
               APPLE_ID="dealer@example.com", APPLE_TEAM_ID="TEAM123456", APPLE_APP_PASSWORD="secret")
    proc = subprocess.run(["bash", str(ROOT / "installer" / "macos" / "notarize.sh"), str(app)],
                          capture_output=True, text=True, env=env)
    log = calls.read_text()
    assert "ditto -c -k --keepParent" in log
    assert re.search(r"xcrun notarytool submit .+/V2G Calculator\.zip --apple-id dealer@example.com --team-id TEAM123456 "
                     r"--password secret --wait", log)
    if verdict == "Accepted":
        assert proc.returncode == 0, proc.stdout + proc.stderr
        assert "xcrun stapler staple" in log and "spctl --assess --type execute" in log
        assert "PASS notarize" in proc.stdout
    else:
        assert proc.returncode == 1
        assert "xcrun notarytool log abc-123" in log and "stapler" not in log
        assert "FAIL notarize: status 'Invalid'" in proc.stdout


def test_frozen_engine_children_refuse_qt_and_the_window_does_not():
    """build/rth_engine_without_qt.py: only multiprocessing children (engine, resource tracker) refuse Qt,
    and the spec runs it before PyInstaller's PySide6 hook."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("rth_engine_without_qt", ROOT / "build" / "rth_engine_without_qt.py")
    mod = importlib.util.module_from_spec(spec)
    saved_argv, saved_path = sys.argv, list(sys.meta_path)
    try:
        sys.argv = ["v2g-calculator", "--screenshot", "x.png"]
        spec.loader.exec_module(mod)
        assert sys.meta_path == saved_path            # the window's process: nothing refused
    finally:
        sys.argv = saved_argv
        sys.meta_path[:] = saved_path
    assert mod._multiprocessing_child(["--multiprocessing-fork", "tracker_fd=6", "pipe_handle=8"])
    assert mod._multiprocessing_child(["-B", "-S", "-I", "-c", "from multiprocessing.resource_tracker import main"])
    assert not mod._multiprocessing_child(["--self-test"])
    with pytest.raises(ImportError, match="engine process"):
        mod._NoQtInThisProcess.find_spec("PySide6.QtCore")
    assert mod._NoQtInThisProcess.find_spec("numba") is None
    text = (ROOT / "build" / "app.spec").read_text(encoding="utf-8")
    assert "rth_engine_without_qt.py" in text and "a.scripts = [e for e in a.scripts if e[0] == _OWN_RTH]" in text
