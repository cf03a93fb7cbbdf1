#!/usr/bin/env bash
# Signs what `make package` built in DIST and lays out a signed apt repository:
#   DIST/SHA256SUMS + SHA256SUMS.asc (detached; check: gpgv --keyring KEY.gpg SHA256SUMS.asc SHA256SUMS)
#   DIST/apt/dists/stable/{Release,Release.gpg,InRelease}, main/binary-amd64/Packages(.gz)
#   DIST/chartside-archive-keyring.gpg (binary, for signed-by=) and .asc (armoured)
# The key: CHARTSIDE_SIGNING_KEY (an armoured secret key in the variable) or
# CHARTSIDE_SIGNING_KEY_FILE (a path), with CHARTSIDE_SIGNING_PASSPHRASE if it has one.
# With neither, a throwaway key is made for this build, and the build says so.
#   packaging/sign_repo.sh DIST WORK
set -euo pipefail
DIST=$(realpath "$1")
WORK=$(realpath -m "$2")
export GNUPGHOME="$WORK/gnupg"
rm -rf "$GNUPGHOME"
mkdir -p -m 700 "$GNUPGHOME"
echo "pinentry-mode loopback" > "$GNUPGHOME/gpg.conf"

if [ -n "${CHARTSIDE_SIGNING_KEY:-}" ]; then
    printf '%s\n' "$CHARTSIDE_SIGNING_KEY" | gpg --batch --quiet --import
    echo "signing with the key from CHARTSIDE_SIGNING_KEY"
elif [ -n "${CHARTSIDE_SIGNING_KEY_FILE:-}" ]; then
    gpg --batch --quiet --import "$CHARTSIDE_SIGNING_KEY_FILE"
    echo "signing with the key in $CHARTSIDE_SIGNING_KEY_FILE"
else
    gpg --batch --quiet --passphrase '' --quick-gen-key \
        "Chartside throwaway build key <build@chartside.invalid>" ed25519 sign 1d
    echo "WARNING: no signing key given (CHARTSIDE_SIGNING_KEY or CHARTSIDE_SIGNING_KEY_FILE):"
    echo "WARNING: signed with a THROWAWAY key made for this build; do not ship these files."
fi
KEYID=$(gpg --batch --with-colons --list-secret-keys | awk -F: '/^sec/ {print $5; exit}')
SIGN=(gpg --batch --yes --local-user "$KEYID" --passphrase "${CHARTSIDE_SIGNING_PASSPHRASE:-}")

gpg --batch --yes --export "$KEYID" > "$DIST/chartside-archive-keyring.gpg"
gpg --batch --yes --armor --export "$KEYID" > "$DIST/chartside-archive-keyring.asc"

# The apt repository: the two .debs hard-linked into the pool, indexes made by apt-ftparchive.
REPO="$DIST/apt"
rm -rf "$REPO"
mkdir -p "$REPO/pool/main/c/chartside" "$REPO/dists/stable/main/binary-amd64"
for deb in "$DIST"/chartside_*_amd64.deb "$DIST"/chartside-model-*_all.deb; do
    ln "$deb" "$REPO/pool/main/c/chartside/"
done
(cd "$REPO" && apt-ftparchive packages pool > dists/stable/main/binary-amd64/Packages)
gzip -9nk "$REPO/dists/stable/main/binary-amd64/Packages"
apt-ftparchive \
    -o APT::FTPArchive::Release::Origin=Chartside \
    -o APT::FTPArchive::Release::Label=Chartside \
    -o APT::FTPArchive::Release::Suite=stable \
    -o APT::FTPArchive::Release::Codename=stable \
    -o APT::FTPArchive::Release::Architectures=amd64 \
    -o APT::FTPArchive::Release::Components=main \
    release "$REPO/dists/stable" > "$WORK/Release"
mv "$WORK/Release" "$REPO/dists/stable/Release"
"${SIGN[@]}" --clearsign -o "$REPO/dists/stable/InRelease" "$REPO/dists/stable/Release"
"${SIGN[@]}" --armor --detach-sign -o "$REPO/dists/stable/Release.gpg" "$REPO/dists/stable/Release"

# SHA256SUMS over the release files (not the repo, whose indexes are signed above).
(cd "$DIST" && sha256sum -- chartside_*_amd64.deb chartside_*_amd64.contents.txt \
    chartside-model-*_all.deb chartside-model-*_all.contents.txt \
    chartside_*.cdx.json chartside-archive-keyring.gpg chartside-archive-keyring.asc > SHA256SUMS)
"${SIGN[@]}" --armor --detach-sign -o "$DIST/SHA256SUMS.asc" "$DIST/SHA256SUMS"
gpgv --keyring "$DIST/chartside-archive-keyring.gpg" "$DIST/SHA256SUMS.asc" "$DIST/SHA256SUMS"
echo "signed: $DIST/SHA256SUMS.asc, $REPO/dists/stable/InRelease (key $KEYID)"
# The agent gpg started for this throwaway home would outlive the build.
gpgconf --kill all
