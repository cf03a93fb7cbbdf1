#!/usr/bin/env bash
# `make package`: bundle, .deb, SBOM, signatures and apt repository into dist/.
# The PyInstaller bundle (the slow part) is rebuilt only when its inputs change: the app's
# sources, the pins, the spec and entry script (build/package/bundle.inputs).
# SOURCE_DATE_EPOCH defaults to the commit's time, so two builds of one commit match.
set -euo pipefail
cd "$(dirname "$0")/.."
START=$(date +%s)
step() { echo "== $1 ($(( $(date +%s) - START )) s)"; }

export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 QT_QPA_PLATFORM=offscreen
export PYTHONHASHSEED=0
PY=.venv-package/bin/python
# Overridable so a second build (the reproducibility check) does not touch the first.
WORK=${CHARTSIDE_PACKAGE_WORK:-build/package}
DIST=${CHARTSIDE_PACKAGE_DIST:-dist}

step "system tools"
packaging/system_deps.sh build
step "build environment (.venv-package)"
packaging/build_env.sh
mkdir -p "$WORK" "$DIST"

step "icons and splash"
$PY packaging/assets.py "$WORK/assets" > /dev/null
cp "$WORK/assets/splash.png" "$WORK/splash.png"
export CHARTSIDE_PACKAGE_WORK=$WORK  # read by chartside.spec

step "translations"
rm -rf "$WORK/i18n"; mkdir -p "$WORK/i18n"
for ts in ui/i18n/*.ts; do
    [ -e "$ts" ] || continue
    .venv-package/bin/pyside6-lrelease -silent "$ts" -qm "$WORK/i18n/$(basename "${ts%.ts}").qm"
done

# The bundle's inputs by content, whether committed or not (committing an unchanged file
# does not rebuild it), including new files git does not ignore; the packaging files the
# bundle never reads (the install test, docs, test data, other platforms) are left out.
inputs() {
    git ls-files -z --cached --others --exclude-standard -- \
        app core ui models migrations packaging pyproject.toml \
        ':(exclude)packaging/install_test.sh' ':(exclude)packaging/README.md' \
        ':(exclude)packaging/testdata' ':(exclude)packaging/windows' ':(exclude)packaging/macos' \
        | sort -zu | while IFS= read -r -d '' f; do
            if [ -f "$f" ]; then sha256sum -- "$f"; fi
        done
    $PY -m pip freeze --all
}
DIGEST=$(inputs | sha256sum | cut -d' ' -f1)
BUNDLE="$WORK/dist/chartside"
if [ -x "$BUNDLE/chartside" ] && [ "$(cat "$WORK/bundle.inputs" 2>/dev/null)" = "$DIGEST" ]; then
    step "bundle unchanged since the last build: reused"
else
    step "PyInstaller bundle"
    rm -f "$WORK/bundle.inputs"
    $PY -m PyInstaller --noconfirm --clean --log-level WARN \
        --distpath "$WORK/dist" --workpath "$WORK/work" packaging/chartside.spec
    $PY packaging/fix_modes.py "$BUNDLE"
    echo "$DIGEST" > "$WORK/bundle.inputs"
fi
du -s --block-size=1M "$BUNDLE" | awk '{print "bundle: " $1 " MiB"}'
$PY packaging/sizes.py "$BUNDLE"

step ".deb"
rm -f "$DIST"/chartside_* "$DIST"/chartside-model-*
$PY packaging/deb.py "$BUNDLE" "$WORK/assets" "$WORK/deb" "$DIST"
du --block-size=1M "$DIST"/*.deb | awk '{print ".deb: " $2 " " $1 " MiB"}'
VERSION=$($PY -c 'import tomllib;print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')
step "SBOM"
$PY packaging/sbom.py "$DIST/chartside_${VERSION}.cdx.json"
step "signatures and apt repository"
packaging/sign_repo.sh "$DIST" "$WORK"
ls -l "$DIST"
step "done"
