#!/usr/bin/env bash
# Linux CI checks of the double-click installers (issue 9); .ci/run calls it after the tests.
#
#   bash build/ci_installers.sh
#
# Self-contained: installs its Debian packages (nsis p7zip-full binutils; as root or
# through sudo) and the `build` extra into the existing .venv, then
#   1. builds the Linux one-folder bundle (build/build.py -> dist/v2g-calculator/),
#   2. checks that every Qt library a bundled file links is in the bundle,
#   3. runs the frozen --self-test offscreen with a fresh per-user cache (the pre-built
#      engine shipped in numba-seed/ must be loaded, nothing compiled), times the very
#      first start to the first chart, runs again from another folder (the numba cache
#      must be reused, not rebuilt), and with an unwritable HOME/XDG_CACHE_HOME (must
#      run uncached, not crash),
#   4. renders a frozen --screenshot offscreen,
#   5. writes the tar.gz stand-in for an installer and checks it is <= 200 MB,
#   6. compiles the NSIS script (makensis -WX) against a small stand-in payload and
#      lists the installer with `7z l` to check the expected files are inside.
# Prints one PASS/FAIL line per check and a summary; exits 1 when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
PY="$ROOT/.venv/bin/python"
START=$SECONDS
FAILED=()
SIZE_LIMIT_MB=200

pass() { echo "PASS $*"; }
fail() { echo "FAIL $*"; FAILED+=("$1"); }
section() { echo; echo "=== $* ($((SECONDS - START)) s)"; }

if [[ ! -x "$PY" ]]; then
  echo "FAIL setup: $PY not found (run bash build/setup.sh --no-launch first)"
  exit 1
fi
T="$(mktemp -d -t v2g-ci-installers.XXXXXX)"
trap 'rm -rf "$T"' EXIT

# ---------------------------------------------------------------- tools
section "system packages"
APT_PACKAGES=(nsis p7zip-full binutils)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done
if (( ${#missing[@]} )); then
  SUDO=""; [[ "$(id -u)" != "0" ]] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if command -v makensis >/dev/null && command -v 7z >/dev/null && command -v objdump >/dev/null; then
  pass "tools: $(makensis -VERSION), 7z, objdump"
else
  fail "tools" "makensis/7z/objdump missing after apt-get install ${APT_PACKAGES[*]}"
  exit 1
fi

section "build extra"
if "$PY" -m pip install -q -c build/constraints.txt -e ".[build]"; then
  pass "pip install -e .[build]: $("$PY" -m PyInstaller --version 2>/dev/null | sed 's/^/PyInstaller /')"
else
  fail "pip install -e .[build]"
  exit 1
fi

# ---------------------------------------------------------------- bundle
section "PyInstaller bundle"
t0=$SECONDS
if "$PY" build/build.py > "$T/build.log" 2>&1; then
  pass "bundle built in $((SECONDS - t0)) s: $(grep '^bundle:' "$T/build.log" | sed 's/^bundle: //')"
else
  tail -40 "$T/build.log"
  fail "bundle" "build/build.py failed"
  echo; echo "SUMMARY: FAIL (${FAILED[*]}) in $((SECONDS - START)) s"; exit 1
fi
EXE="$ROOT/dist/v2g-calculator/v2g-calculator"
VERSION="$("$PY" -c 'import models; print(models.__version__)')"

# Every libQt6* that a bundled file needs must be in the bundle (guards the spec's trimming).
if "$PY" - "$ROOT/dist/v2g-calculator" > "$T/needed.txt" <<'EOF'
import os, re, subprocess, sys
root = sys.argv[1]
names, needed = set(), {}
for folder, _dirs, files in os.walk(root):
    for f in files:
        path = os.path.join(folder, f)
        names.add(f)
        if os.path.islink(path) or not (".so" in f or f == "v2g-calculator"):
            continue
        out = subprocess.run(["objdump", "-p", path], capture_output=True, text=True).stdout
        for lib in re.findall(r"^\s+NEEDED\s+(\S+)", out, re.M):
            needed.setdefault(lib, []).append(os.path.relpath(path, root))
missing = {lib: users for lib, users in needed.items() if lib.startswith("libQt6") and lib not in names}
for lib, users in sorted(missing.items()):
    print(f"{lib} needed by {', '.join(users[:3])}")
sys.exit(1 if missing else 0)
EOF
then
  pass "bundle links: every libQt6* needed by a bundled file is bundled"
else
  cat "$T/needed.txt"
  fail "bundle links" "Qt libraries missing from the bundle"
fi

# ---------------------------------------------------------------- frozen self-test
run_selftest() {  # label, cwd, extra env...
  local label="$1" cwd="$2"; shift 2
  local t=$SECONDS
  (cd "$cwd" && env -u NUMBA_CACHE_DIR -u V2G_NUMBA_CACHE QT_QPA_PLATFORM=offscreen "$@" "$EXE" --self-test) \
    > "$T/selftest-$label.out" 2>&1
  local rc=$?
  echo "--- frozen --self-test ($label): exit code $rc in $((SECONDS - t)) s"
  sed 's/^/    /' "$T/selftest-$label.out"
  return $rc
}

section "frozen self-test (fresh per-user cache)"
CACHE_HOME="$T/cache-home"
NUMBA_DIR="$CACHE_HOME/V2GCalculator/$VERSION/numba"
mkdir -p "$T/cwd1"
if run_selftest cold "$T/cwd1" XDG_CACHE_HOME="$CACHE_HOME" V2G_SELFTEST_LOG="$T/selftest-cold.log" \
   && grep -q "self-test PASS" "$T/selftest-cold.out" && grep -q "self-test PASS" "$T/selftest-cold.log"; then
  pass "frozen --self-test exit 0 (report on stdout and in the log file)"
else
  fail "frozen self-test"
fi
n_cold="$(find "$NUMBA_DIR" -name '*.nbi' 2>/dev/null | wc -l)"
if (( n_cold > 0 )) && grep -q "cache $NUMBA_DIR" "$T/selftest-cold.out"; then
  pass "numba cache written to the per-user, per-version folder: $n_cold index files in \$XDG_CACHE_HOME/V2GCalculator/$VERSION/numba"
else
  fail "numba cache" "no cache index files in $NUMBA_DIR"
fi

SEED_DIR="$ROOT/dist/v2g-calculator/_internal/numba-seed"
n_seed="$(find "$SEED_DIR" -name '*.nbc' 2>/dev/null | wc -l)"
if (( n_seed > 0 )) && grep -q "pre-built cache .*numba-seed" "$T/selftest-cold.out" \
   && grep -q ", 0 compiled" "$T/selftest-cold.out"; then
  pass "pre-built engine used on the first start: $n_seed machine-code files shipped, $(grep -o '[0-9]* loaded from the cache, 0 compiled' "$T/selftest-cold.out")"
else
  fail "pre-built engine" "seed files: $n_seed; $(grep -o 'CPU .*compiled' "$T/selftest-cold.out" || echo 'no kernel census')"
fi

section "frozen very first start: window to first chart with an empty user cache"
FIRST_HOME="$T/first-cache-home"
mkdir -p "$T/cwd-first"
t_first=$EPOCHREALTIME
if (cd "$T/cwd-first" && env -u NUMBA_CACHE_DIR -u V2G_NUMBA_CACHE QT_QPA_PLATFORM=offscreen \
      XDG_CACHE_HOME="$FIRST_HOME" XDG_CONFIG_HOME="$T/first-config" XDG_DATA_HOME="$T/first-data" \
      "$EXE" --screenshot "$T/first.png" > "$T/first.out" 2>&1) && [[ -s "$T/first.png" ]]; then
  secs="$(awk -v a="$t_first" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')"
  n_first="$(find "$FIRST_HOME" -name '*.nbc' | wc -l)"
  if (( n_seed > 0 && n_first == n_seed )); then
    pass "first start rendered the first chart in ${secs} s (process start to PNG written, load $(cut -d' ' -f1 /proc/loadavg)); machine code only copied from the pre-built cache ($n_first files, none compiled)"
  else
    fail "first start" "cache holds $n_first machine-code files, the pre-built cache $n_seed: something was compiled (${secs} s)"
  fi
else
  sed 's/^/    /' "$T/first.out" | tail -20
  fail "first start screenshot"
fi

section "frozen self-test again from another folder (cache reused)"
if run_selftest warm / XDG_CACHE_HOME="$CACHE_HOME" V2G_SELFTEST_LOG="$T/selftest-warm.log" \
   && grep -q "self-test PASS" "$T/selftest-warm.out"; then
  n_warm="$(find "$NUMBA_DIR" -name '*.nbi' | wc -l)"
  n_new="$(find "$NUMBA_DIR" -name '*.nbc' -newer "$T/selftest-cold.log" | wc -l)"
  if [[ "$n_warm" == "$n_cold" && "$n_new" == "0" ]]; then
    pass "numba cache reused from another working folder ($n_warm index files, no new machine code)"
  else
    fail "numba cache reuse" "index files $n_cold -> $n_warm, $n_new new .nbc files"
  fi
else
  fail "frozen self-test (second run)"
fi

section "frozen self-test with unwritable HOME and XDG_CACHE_HOME (runs uncached)"
# /proc/<missing> cannot be created even by root
rm -f "${TMPDIR:-/tmp}/v2g-calculator-self-test.log"
if run_selftest readonly "$T" HOME=/proc/v2g-no-home XDG_CACHE_HOME=/proc/v2g-no-cache \
   XDG_STATE_HOME=/proc/v2g-no-state XDG_CONFIG_HOME=/proc/v2g-no-config XDG_DATA_HOME=/proc/v2g-no-data \
   && grep -q "self-test PASS" "$T/selftest-readonly.out" \
   && grep -q "cache off" "$T/selftest-readonly.out"; then
  pass "unwritable cache folder: self-test passes with numba's cache off; log fell back to $(sed -n 's/^log: //p' "$T/selftest-readonly.out")"
else
  fail "unwritable cache folder"
fi

# ---------------------------------------------------------------- frozen GUI
section "frozen --screenshot (offscreen, Japanese)"
if (cd "$T" && env -u NUMBA_CACHE_DIR QT_QPA_PLATFORM=offscreen XDG_CACHE_HOME="$CACHE_HOME" \
      "$EXE" --screenshot "$T/shot.png" --lang ja > "$T/shot.out" 2>&1) \
   && [[ -s "$T/shot.png" ]] && [[ "$(head -c 8 "$T/shot.png" | od -An -tx1 | tr -d ' \n')" == "89504e470d0a1a0a" ]]; then
  mkdir -p "$ROOT/dist"
  cp "$T/shot.png" "$ROOT/dist/frozen-screenshot-ja.png"
  pass "frozen --screenshot wrote a $(stat -c %s "$T/shot.png")-byte PNG (copy: dist/frozen-screenshot-ja.png)"
else
  sed 's/^/    /' "$T/shot.out" | tail -20
  fail "frozen screenshot"
fi

section "frozen command line = python -m app command line"
if "$EXE" --help > "$T/help-frozen.txt" 2>&1 && "$PY" -m app --help > "$T/help-source.txt" 2>&1 \
   && diff -u "$T/help-source.txt" "$T/help-frozen.txt"; then
  pass "frozen --help is identical to python -m app --help ($(grep -o -- '--[a-z-]*' "$T/help-frozen.txt" | sort -u | tr '\n' ' '))"
else
  fail "frozen --help" "differs from python -m app --help"
fi
if "$PY" -m app.cli init "$T/demo.v2g.json" --force > /dev/null 2>&1 \
   && (cd "$T" && env -u NUMBA_CACHE_DIR QT_QPA_PLATFORM=offscreen XDG_CACHE_HOME="$CACHE_HOME" \
         "$EXE" --lang en --tab cashflow --screenshot "$T/shot-file.png" "$T/demo.v2g.json" > "$T/shot-file.out" 2>&1) \
   && [[ -s "$T/shot-file.png" ]]; then
  pass "frozen app opened a scenario file given as argument (--tab cashflow screenshot, $(stat -c %s "$T/shot-file.png") bytes)"
else
  sed 's/^/    /' "$T/shot-file.out" 2>/dev/null | tail -20
  fail "frozen scenario argument"
fi

# ---------------------------------------------------------------- size
section "tar.gz stand-in for the installer"
if "$PY" build/build.py --skip-build --archive > "$T/archive.log" 2>&1; then
  TGZ="$(ls -t "$ROOT"/dist/v2g-calculator-"$VERSION"-linux-*.tar.gz | head -1)"
  bytes="$(stat -c %s "$TGZ")"
  mbytes=$(( (bytes + 999999) / 1000000 ))
  disk="$(du -sm "$ROOT/dist/v2g-calculator" | cut -f1)"
  if (( mbytes <= SIZE_LIMIT_MB )); then
    pass "size: bundle ${disk} MiB on disk, $(basename "$TGZ") ${mbytes} MB (limit ${SIZE_LIMIT_MB} MB)"
  else
    fail "size" "$(basename "$TGZ") is ${mbytes} MB (limit ${SIZE_LIMIT_MB} MB)"
  fi
else
  cat "$T/archive.log"
  fail "tar.gz"
fi

# ---------------------------------------------------------------- NSIS
section "NSIS installer script (stand-in payload)"
P="$T/payload"
mkdir -p "$P/_internal/resources/translations" "$P/_internal/resources/presets" "$P/_internal/resources/icons"
printf 'stand-in for the Windows executable\n' > "$P/v2g-calculator.exe"
cp resources/translations/*.qm "$P/_internal/resources/translations/"
cp resources/presets/*.json "$P/_internal/resources/presets/"
cp resources/icons/v2g-calculator.ico "$P/_internal/resources/icons/"
printf 'Unicode file name check\n' > "$P/_internal/resources/シナリオ例.txt"
SETUP="$T/v2g-calculator-$VERSION-windows-x64-setup.exe"
t0=$SECONDS
# makensis 3.08 crashes (SIGSEGV) on non-ASCII file names unless the locale is UTF-8
if (cd installer/windows && LC_ALL=C.UTF-8 makensis -V2 -WX -INPUTCHARSET UTF8 -DAPP_VERSION="$VERSION" \
      -DDIST_DIR="$P" -DOUTFILE="$SETUP" v2g-calculator.nsi) > "$T/makensis.log" 2>&1; then
  pass "makensis -WX compiled $(basename "$SETUP") ($(stat -c %s "$SETUP") bytes) in $((SECONDS - t0)) s"
else
  cat "$T/makensis.log"
  fail "makensis"
fi
if [[ -f "$SETUP" ]]; then
  if objdump -f "$SETUP" | grep -q "pei-x86-64"; then
    pass "installer is a 64-bit Windows executable ($(objdump -f "$SETUP" | sed -n 's/.*file format //p'))"
  else
    fail "installer format" "$(objdump -f "$SETUP" | head -3)"
  fi
  7z l -ba -slt "$SETUP" > "$T/7z.txt" 2>&1
  7z l "$SETUP" | sed -n '/^   Date/,$p' | sed 's/^/    /'
  grep '^Path = ' "$T/7z.txt" | sed 's/^Path = //' | tr '\\' '/' | sort > "$T/listed.txt"
  expected=(v2g-calculator.exe uninstall.exe "_internal/resources/シナリオ例.txt" '$PLUGINSDIR/LangDLL.dll'
            '$PLUGINSDIR/System.dll')
  for f in resources/translations/*.qm resources/presets/*.json; do expected+=("_internal/$f"); done
  expected+=("_internal/resources/icons/v2g-calculator.ico")
  absent=()
  for f in "${expected[@]}"; do grep -qxF "$f" "$T/listed.txt" || absent+=("$f"); done
  if (( ${#absent[@]} == 0 )); then
    pass "7z l lists all ${#expected[@]} expected entries (app, uninstaller, payload incl. a Japanese file name, language chooser)"
  else
    fail "7z listing" "missing: ${absent[*]}"
  fi
  if grep -q '^Type = Nsis' "$T/7z.txt" || 7z l "$SETUP" | grep -q 'Type = Nsis'; then
    pass "7z recognises an NSIS installer ($(7z l "$SETUP" | sed -n 's/^SubType = //p' | head -1))"
  else
    fail "7z type" "not recognised as NSIS"
  fi
fi

# ---------------------------------------------------------------- summary
echo
if (( ${#FAILED[@]} )); then
  echo "SUMMARY: FAIL (${FAILED[*]}) in $((SECONDS - START)) s"
  exit 1
fi
echo "SUMMARY: PASS, all installer checks in $((SECONDS - START)) s"
