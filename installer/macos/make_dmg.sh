#!/usr/bin/env bash
# macOS disk image of V2G Calculator: the .app next to an "Applications" link, so
# a dealer opens the dmg and drags the app across.  macOS only (hdiutil).
#
#   bash installer/macos/make_dmg.sh "dist/V2G Calculator.app" dist/v2g-calculator-0.1.0-macos-arm64.dmg
#
# The image is compressed with LZMA (ULMO, readable on macOS 10.15+; the app needs 14).
# When V2G_CODESIGN_IDENTITY is set (a "Developer ID Application" identity, see
# keychain.sh) the dmg is signed; otherwise signing is skipped with a message.
set -euo pipefail

APP="${1:?usage: make_dmg.sh APP_BUNDLE OUT.dmg}"
OUT="${2:?usage: make_dmg.sh APP_BUNDLE OUT.dmg}"
VOLNAME="${V2G_DMG_VOLNAME:-V2G Calculator}"

if [[ ! -d "$APP" ]]; then echo "FAIL make_dmg: $APP not found"; exit 1; fi
if ! command -v hdiutil >/dev/null 2>&1; then echo "FAIL make_dmg: hdiutil not found (macOS only)"; exit 1; fi

STAGE="$(mktemp -d "${TMPDIR:-/tmp}/v2g-dmg.XXXXXX")"
trap 'rm -rf "$STAGE"' EXIT
ditto "$APP" "$STAGE/$(basename "$APP")"      # keeps symlinks, extended attributes and signatures
ln -s /Applications "$STAGE/Applications"

mkdir -p "$(dirname "$OUT")"
rm -f "$OUT"
for attempt in 1 2 3 4 5; do
  if hdiutil create -volname "$VOLNAME" -srcfolder "$STAGE" -fs HFS+ -format ULMO -ov "$OUT"; then
    break
  fi
  if [[ "$attempt" == 5 ]]; then echo "FAIL make_dmg: hdiutil create failed 5 times"; exit 1; fi
  echo "hdiutil create failed (often 'Resource busy' on CI runners); retrying in $((attempt * 5)) s"
  sleep $((attempt * 5))
done

if [[ -n "${V2G_CODESIGN_IDENTITY:-}" ]]; then
  codesign --force --timestamp --sign "$V2G_CODESIGN_IDENTITY" "$OUT"
  codesign --verify --verbose=2 "$OUT"
  echo "signed $OUT"
else
  echo "SKIP signing the dmg: V2G_CODESIGN_IDENTITY is not set (unsigned build)"
fi

hdiutil verify "$OUT"
echo "PASS make_dmg: $OUT ($(du -h "$OUT" | cut -f1))"
