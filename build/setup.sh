#!/usr/bin/env bash
# One-command setup for Debian 12 / Ubuntu 24.04 (and CI):
#   bash build/setup.sh              install what is missing, then open the app on the demo
#   bash build/setup.sh --no-launch  install only (used by .ci/run)
#   EXTRAS=dev,build bash build/setup.sh --no-launch
# System packages (Qt runtime libraries, and the tools the report/installer
# checks use) are installed with apt-get when missing: as root directly,
# otherwise through sudo (you will be asked for your password once).
set -euo pipefail
cd "$(dirname "$0")/.."

LAUNCH=1
for arg in "$@"; do
  case "$arg" in
    --no-launch) LAUNCH=0 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done
EXTRAS="${EXTRAS:-dev}"
VENV="${VENV:-.venv}"

# Qt runtime (feasibility.md §2a, proved in a minbase chroot) + python venv support.
APT_PACKAGES=(python3-venv python3-pip libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3)
# A real X window (desktop or xvfb-run) needs the xcb platform libraries.
APT_PACKAGES+=(libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
               libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0 xvfb xauth)
# Report checks: LibreOffice renders the Excel report to PDF (it does not see the app's bundled font,
# hence fonts-noto-cjk), poppler-utils turns PDF pages into pictures.
APT_PACKAGES+=(libreoffice-calc-nogui fonts-noto-cjk poppler-utils)
# Optional extra tools requested by the caller (e.g. report rendering, installer lint).
if [[ -n "${APT_EXTRA:-}" ]]; then
  read -r -a extra <<< "$APT_EXTRA"
  APT_PACKAGES+=("${extra[@]}")
fi

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${APT_PACKAGES[@]}"; do
    status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
    [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
  done
fi
if (( ${#missing[@]} )); then
  echo ">> installing system packages: ${missing[*]}"
  SUDO=""
  if [[ "$(id -u)" != "0" ]]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

PY="${PYTHON:-python3}"
if [[ ! -x "$VENV/bin/python" ]]; then
  echo ">> creating virtual environment $VENV"
  "$PY" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install -q --upgrade pip
echo ">> installing the package with extras [$EXTRAS]"
"$VENV/bin/python" -m pip install -q -c build/constraints.txt -e ".[${EXTRAS}]"

# Compile the calculation engine now (about 15 s) so that the first start of the app is fast.
if [[ "${V2G_SKIP_WARM_UP:-0}" != "1" ]]; then
  echo ">> compiling the calculation engine into the user cache"
  "$VENV/bin/python" -m app --warm-up || echo "   (warm-up failed; the app will compile on first start instead)"
fi

if [[ "$LAUNCH" == "1" ]]; then
  if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
    echo ">> opening V2G Calculator on the demo scenario"
    exec "$VENV/bin/python" -m app
  else
    echo ">> no display found: rendering the demo window to demo-screenshot.png instead"
    echo "   (on a headless machine run: xvfb-run -a $VENV/bin/python -m app)"
    QT_QPA_PLATFORM=offscreen "$VENV/bin/python" -m app --screenshot demo-screenshot.png
  fi
fi
