#!/usr/bin/env bash
# Debian packages `make package` and `make package-test` need. As root, installs what is
# missing; otherwise prints the apt-get line and fails.
#   packaging/system_deps.sh build|test
set -euo pipefail
case "${1:-build}" in
    build) tools="dpkg-deb:dpkg apt-ftparchive:apt-utils gpg:gnupg gpgv:gpgv zstd:zstd \
                  desktop-file-validate:desktop-file-utils appstreamcli:appstream" ;;
    test)  tools="debootstrap:debootstrap unshare:util-linux gpg:gnupg" ;;
    *) echo "usage: $0 build|test" >&2; exit 2 ;;
esac
missing=()
for pair in $tools; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
    echo "missing tools; install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
fi
echo "installing ${missing[*]} from Debian" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
