#!/usr/bin/env bash
# Import the "Developer ID Application" certificate into a temporary keychain so
# that PyInstaller (build/app.spec), make_dmg.sh and codesign can sign.
#
# Needs:  MACOS_CERTIFICATE_P12       base64 of the exported .p12 (certificate + private key)
#         MACOS_CERTIFICATE_PASSWORD  its password
# Writes V2G_CODESIGN_IDENTITY=<SHA-1 of the identity> to $GITHUB_ENV (or prints it).
# Without the certificate it prints SKIP and exits 0: the build stays unsigned
# (PyInstaller still signs ad hoc, which Apple Silicon requires to run at all).
set -euo pipefail

if [[ -z "${MACOS_CERTIFICATE_P12:-}" || -z "${MACOS_CERTIFICATE_PASSWORD:-}" ]]; then
  echo "SKIP code signing: MACOS_CERTIFICATE_P12 / MACOS_CERTIFICATE_PASSWORD not set (unsigned build)"
  exit 0
fi

KEYCHAIN="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/v2g-signing.keychain-db"
KEYCHAIN_PASSWORD="$(openssl rand -hex 24)"
CERT_DIR="$(mktemp -d "${TMPDIR:-/tmp}/v2g-cert.XXXXXX")"
CERT="$CERT_DIR/developer-id.p12"
trap 'rm -rf "$CERT_DIR"' EXIT
printf '%s' "$MACOS_CERTIFICATE_P12" | base64 --decode > "$CERT"

security create-keychain -p "$KEYCHAIN_PASSWORD" "$KEYCHAIN"
security set-keychain-settings -lut 21600 "$KEYCHAIN"
security unlock-keychain -p "$KEYCHAIN_PASSWORD" "$KEYCHAIN"
security import "$CERT" -k "$KEYCHAIN" -P "$MACOS_CERTIFICATE_PASSWORD" -T /usr/bin/codesign -T /usr/bin/security
security set-key-partition-list -S apple-tool:,apple:,codesign: -s -k "$KEYCHAIN_PASSWORD" "$KEYCHAIN" >/dev/null
# search the temporary keychain first, keep the user's keychains after it
security list-keychains -d user -s "$KEYCHAIN" $(security list-keychains -d user | tr -d '"')

IDENTITY="$(security find-identity -v -p codesigning "$KEYCHAIN" | awk '/Developer ID Application/ {print $2; exit}')"
if [[ -z "$IDENTITY" ]]; then
  echo "FAIL keychain: no 'Developer ID Application' identity in the certificate"
  security find-identity -v -p codesigning "$KEYCHAIN"
  exit 1
fi
echo "code signing identity: $IDENTITY"
if [[ -n "${GITHUB_ENV:-}" ]]; then
  echo "V2G_CODESIGN_IDENTITY=$IDENTITY" >> "$GITHUB_ENV"
  echo "V2G_KEYCHAIN=$KEYCHAIN" >> "$GITHUB_ENV"
else
  echo "export V2G_CODESIGN_IDENTITY=$IDENTITY"
fi
