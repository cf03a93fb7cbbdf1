#!/usr/bin/env bash
# `make package-test`: install dist/'s package the way IT would, in a throwaway Debian 12
# root (debootstrap from Debian's packages, then chroot), and use it as a clinician would.
#   1. A tampered .deb, a tampered Packages file and a repository signed by another key
#      are each refused by apt (signed-by= names the real key).
#   2. `apt-get install chartside` from the signed repository succeeds.
#   3. As a normal user, in a network namespace with only loopback: init, import,
#      index --wait, search, ask; then the window starts offscreen and unlocks.
#   4. `apt-get remove` keeps the user's data and /etc/chartside/policy.toml; `purge`
#      removes /etc/chartside and leaves home directories alone.
# Figures (sizes, time to the first window) go to build/package-test/report.json.
# Needs root (debootstrap, chroot, unshare). The base root is made once and kept in
# build/package-test/base; each run works on a fresh copy of it.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO_ROOT=$(pwd)
WORK=$REPO_ROOT/build/package-test
BASE=$WORK/base
ROOT=$WORK/root
DIST=$REPO_ROOT/dist
KEYRING=/usr/share/keyrings/chartside-archive-keyring.gpg
PASSPHRASE="correct horse battery staple 42"
USER_NAME=clinician
REPORT=$WORK/report.json
START=$(date +%s)
step() { echo "== $1 ($(( $(date +%s) - START )) s)"; }
fail() { echo "FAIL: $*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || fail "the install test needs root (debootstrap, chroot, unshare)"
ls "$DIST"/apt/dists/stable/InRelease >/dev/null || fail "no signed repository in dist/: run make package"
packaging/system_deps.sh test

debian_mirror() {
    # The mirror this machine's apt already uses for Debian itself.
    { grep -rhs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}'
      grep -rhs '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
        | awk '{for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) {print $i; break}}'
    } | grep -E '/debian/?$' | head -1
}

mounted=()
cleanup() {
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -R -l "${mounted[i]}" 2>/dev/null || true; done
}
trap cleanup EXIT
in_root() { chroot "$ROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
    DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 "$@"; }

step "throwaway Debian 12 root"
if [ ! -f "$BASE/.complete" ]; then
    rm -rf "$BASE.tmp"
    MIRROR=${DEBIAN_MIRROR:-$(debian_mirror)}
    [ -n "$MIRROR" ] || fail "no Debian mirror in this machine's apt sources; set DEBIAN_MIRROR"
    debootstrap --variant=minbase bookworm "$BASE.tmp" "$MIRROR"
    mv "$BASE.tmp" "$BASE"
    touch "$BASE/.complete"
fi
rm -rf "$ROOT"
mkdir -p "$ROOT"
cp -a "$BASE/." "$ROOT/"  # the contents: a symlinked base stays untouched
for fs in proc sys dev; do
    mkdir -p "$ROOT/$fs"
    case $fs in
        proc) mount -t proc proc "$ROOT/proc" ;;
        *) mount --rbind "/$fs" "$ROOT/$fs"; mount --make-rslave "$ROOT/$fs" ;;
    esac
    mounted+=("$ROOT/$fs")
done
cp /etc/resolv.conf "$ROOT/etc/resolv.conf"

step "repositories: the real one and three bad copies"
cp "$DIST/chartside-archive-keyring.gpg" "$ROOT$KEYRING"
mkdir -p "$ROOT/srv"
# Hard links: the 2+ GB .deb is not copied for the good repository.
cp -al "$DIST/apt" "$ROOT/srv/good"
make_bad() { # name: a copy whose indexes (and, for the .deb case, package) are our own
    rm -rf "$ROOT/srv/$1"
    cp -al "$DIST/apt" "$ROOT/srv/$1"
    rm -rf "$ROOT/srv/$1/dists"
    cp -a "$DIST/apt/dists" "$ROOT/srv/$1/dists"
}
make_bad tampered-deb
deb_rel=$(cd "$DIST/apt" && ls pool/main/c/chartside/chartside_*_amd64.deb)
rm "$ROOT/srv/tampered-deb/$deb_rel"
cp "$DIST/apt/$deb_rel" "$ROOT/srv/tampered-deb/$deb_rel"
# One byte changed inside the data member; the size stays, only the hash can tell.
size=$(stat -c %s "$ROOT/srv/tampered-deb/$deb_rel")
printf 'X' | dd of="$ROOT/srv/tampered-deb/$deb_rel" bs=1 seek=$((size / 2)) conv=notrunc status=none

make_bad tampered-packages
pk=$ROOT/srv/tampered-packages/dists/stable/main/binary-amd64
sed -i 's/^Description: .*/Description: an index edited after signing/' "$pk/Packages"
gzip -9nf -c "$pk/Packages" > "$pk/Packages.gz"

make_bad other-key
OTHER=$WORK/other-gnupg
rm -rf "$OTHER"; mkdir -m 700 "$OTHER"
GNUPGHOME=$OTHER gpg --batch --quiet --passphrase '' --quick-gen-key "Not Chartside <other@example.invalid>" ed25519 sign 1d
rel=$ROOT/srv/other-key/dists/stable
rm -f "$rel/InRelease" "$rel/Release.gpg"
GNUPGHOME=$OTHER gpg --batch --clearsign -o "$rel/InRelease" "$rel/Release"
GNUPGHOME=$OTHER gpg --batch --armor --detach-sign -o "$rel/Release.gpg" "$rel/Release"
GNUPGHOME=$OTHER gpgconf --kill all

use_repo() { # the only Chartside source apt sees is /srv/$1
    echo "deb [signed-by=$KEYRING] file:/srv/$1 stable main" > "$ROOT/etc/apt/sources.list.d/chartside.list"
    rm -rf "$ROOT/var/lib/apt/lists/"*chartside* "$ROOT/var/lib/apt/lists/_srv_"*
}

step "Debian's own packages for the dependencies"
in_root apt-get update -qq
refused=()
for bad in tampered-deb tampered-packages other-key; do
    step "refuses: $bad"
    use_repo "$bad"
    log=$WORK/$bad.log
    if in_root sh -c 'apt-get update -q && apt-get install -y -q chartside' > "$log" 2>&1; then
        fail "$bad: apt installed chartside (log: $log)"
    fi
    in_root dpkg -s chartside > /dev/null 2>&1 && fail "$bad: chartside is installed"
    grep -E -m1 "Hash Sum mismatch|NO_PUBKEY|not signed|Size mismatch|unexpected size|is not signed|BADSIG|EXPKEYSIG|signatures were invalid|Packages.*mismatch|File has unexpected" "$log" \
        || grep -E -m1 "^E:|^W:" "$log" || true
    refused+=("$bad")
done

step "apt-get install chartside (signed-by, the real key)"
use_repo good
t0=$(date +%s%N)
in_root apt-get update -q
in_root apt-get install -y -q chartside
install_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
in_root dpkg -s chartside | grep -E '^(Version|Installed-Size):'
installed_kib=$(in_root dpkg-query -W -f='${Installed-Size}' chartside)
opt_mib=$(du -s --block-size=1M "$ROOT/opt/chartside" | cut -f1)
[ -f "$ROOT/etc/chartside/policy.toml" ] || fail "no /etc/chartside/policy.toml"
[ -x "$ROOT/usr/bin/chartside" ] || fail "no /usr/bin/chartside"
in_root sh -c 'man -w chartside 2>/dev/null || ls /usr/share/man/man1/chartside.1.gz'

step "as $USER_NAME, network namespace with loopback only"
in_root useradd -m -s /bin/sh "$USER_NAME"
cp packaging/testdata/clinic.json "$ROOT/home/$USER_NAME/clinic.json"
in_root chown "$USER_NAME:" "/home/$USER_NAME/clinic.json"
# A generous generation limit: this checks the package, not the speed of a shared machine.
as_user() { # run "$@" as the clinician, with no network but loopback
    unshare -n -- sh -c 'ip link set lo up && exec "$@"' sh \
        chroot --userspec="$USER_NAME:$USER_NAME" "$ROOT" /usr/bin/env -i \
        PATH=/usr/bin:/bin HOME="/home/$USER_NAME" USER="$USER_NAME" LC_ALL=C.UTF-8 \
        CHARTSIDE_PASSPHRASE="$PASSPHRASE" QT_QPA_PLATFORM=offscreen \
        CHARTSIDE_MODELS__GENERATION_TIMEOUT_S=900 "$@"
}
# /proc/net/dev lists the interfaces of the reader's namespace: loopback only.
[ "$(as_user cat /proc/net/dev | grep -c ':')" = 1 ] || fail "the namespace has more than lo"
as_user chartside --json init > "$WORK/init.json"
as_user chartside --json import /home/$USER_NAME/clinic.json > "$WORK/import.json"
as_user chartside --json index --wait > "$WORK/index.json"
as_user chartside --json search "knee pain after running" > "$WORK/search.json"
python3 - "$WORK/search.json" <<'EOF'
import json, sys
results = json.load(open(sys.argv[1]))
assert results and results[0]["client_external_id"] == "c-001", results[:1]
print("search: top hit", results[0]["client_external_id"], results[0]["field"])
EOF
as_user chartside --json ask "What was the assessment of the right knee?" --client c-001 \
    > "$WORK/ask.json"
# The packaged generator ran on retrieved notes; whether it answers or declines is the
# answer-quality evals' business (bench/), not the package's.
python3 - "$WORK/ask.json" <<'EOF'
import json, sys
answer = json.load(open(sys.argv[1]))
assert answer["sources"] and answer["timings_ms"]["generate"] > 0, answer
assert answer["models"]["generator"], answer
state = "declined" if answer["refused"] else "answered"
seconds = answer["timings_ms"]["total"] / 1000
print(f"ask: {answer['models']['generator']} {state} in {seconds:.1f} s:", answer["answer"][:120])
EOF

step "the window, offscreen: unlock screen, then the main window"
as_user env CHARTSIDE_WINDOW_CHECK="/home/$USER_NAME/window.json" chartside
cp "$ROOT/home/$USER_NAME/window.json" "$WORK/window.json"
cat "$WORK/window.json"
python3 -c 'import json,sys; t=json.load(open(sys.argv[1])); assert t["main_window_s"] >= t["first_window_s"] > 0' "$WORK/window.json"

step "apt-get remove keeps data and policy; purge removes /etc/chartside only"
data_dir=$(ls -d "$ROOT/home/$USER_NAME/.local/share/Chartside")
in_root apt-get remove -y -q chartside
[ -f "$ROOT/etc/chartside/policy.toml" ] || fail "remove deleted the policy"
[ -d "$data_dir" ] || fail "remove deleted the user's data"
[ ! -e "$ROOT/opt/chartside/chartside" ] || fail "remove left the program"
in_root apt-get purge -y -q chartside
[ ! -e "$ROOT/etc/chartside" ] || fail "purge left /etc/chartside"
[ -d "$data_dir" ] || fail "purge touched the home directory"

deb_mib=$(du -s --block-size=1M "$DIST"/chartside_*_amd64.deb | cut -f1)
python3 - "$REPORT" "$deb_mib" "$installed_kib" "$opt_mib" "$install_ms" "$WORK/window.json" "${refused[*]}" <<'EOF'
import json, sys
out, deb, kib, opt, install, window, refused = sys.argv[1:]
report = {
    "deb_mib": int(deb),
    "installed_size_mib": round(int(kib) / 1024),
    "opt_chartside_mib": int(opt),
    "apt_install_s": round(int(install) / 1000, 1),
    "window": json.load(open(window)),
    "refused": refused.split(),
}
open(out, "w").write(json.dumps(report, indent=2) + "\n")
print(json.dumps(report, indent=2))
EOF
step "install test passed"
