#!/usr/bin/env bash
# Notarise a signed .app or .dmg with Apple and staple the ticket to it.
#
#   bash installer/macos/notarize.sh "dist/V2G Calculator.app"
#   bash installer/macos/notarize.sh dist/v2g-calculator-0.1.0-macos-arm64.dmg
#
# Credentials, either an App Store Connect API key (preferred on CI):
#   APPLE_API_KEY_P8 (base64 of the .p8 file), APPLE_API_KEY_ID, APPLE_API_ISSUER
# or an Apple ID with an app-specific password:
#   APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD
# Skips cleanly (exit 0, SKIP line) when no credentials are set or the item is not
# signed with a Developer ID (V2G_CODESIGN_IDENTITY empty).
set -euo pipefail

ITEM="${1:?usage: notarize.sh APP_OR_DMG}"
if [[ ! -e "$ITEM" ]]; then echo "FAIL notarize: $ITEM not found"; exit 1; fi
if [[ -z "${V2G_CODESIGN_IDENTITY:-}" ]]; then
  echo "SKIP notarisation of $ITEM: not signed with a Developer ID (V2G_CODESIGN_IDENTITY not set)"
  exit 0
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/v2g-notary.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
AUTH=()
if [[ -n "${APPLE_API_KEY_P8:-}" && -n "${APPLE_API_KEY_ID:-}" && -n "${APPLE_API_ISSUER:-}" ]]; then
  printf '%s' "$APPLE_API_KEY_P8" | base64 --decode > "$WORK/AuthKey.p8"
  AUTH=(--key "$WORK/AuthKey.p8" --key-id "$APPLE_API_KEY_ID" --issuer "$APPLE_API_ISSUER")
elif [[ -n "${APPLE_ID:-}" && -n "${APPLE_TEAM_ID:-}" && -n "${APPLE_APP_PASSWORD:-}" ]]; then
  AUTH=(--apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" --password "$APPLE_APP_PASSWORD")
else
  echo "SKIP notarisation of $ITEM: no App Store Connect API key or Apple ID credentials set"
  exit 0
fi

SUBMIT="$ITEM"
if [[ -d "$ITEM" ]]; then          # an .app is sent as a zip
  SUBMIT="$WORK/$(basename "$ITEM" .app).zip"
  ditto -c -k --keepParent "$ITEM" "$SUBMIT"
fi

echo "submitting $(basename "$SUBMIT") to the Apple notary service (waits for the verdict)"
xcrun notarytool submit "$SUBMIT" "${AUTH[@]}" --wait --timeout 45m --output-format json > "$WORK/result.json" || true
cat "$WORK/result.json"; echo
STATUS="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("status",""))' "$WORK/result.json" 2>/dev/null || true)"
ID="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("id",""))' "$WORK/result.json" 2>/dev/null || true)"
if [[ "$STATUS" != "Accepted" ]]; then
  echo "FAIL notarize: status '${STATUS:-unknown}'"
  if [[ -n "$ID" ]]; then xcrun notarytool log "$ID" "${AUTH[@]}" || true; fi
  exit 1
fi

xcrun stapler staple "$ITEM"
xcrun stapler validate "$ITEM"
if [[ -d "$ITEM" ]]; then
  spctl --assess --type execute --verbose=2 "$ITEM"
else
  spctl --assess --type open --context context:primary-signature --verbose=2 "$ITEM"
fi
echo "PASS notarize: $ITEM"
