#!/usr/bin/env bash
# `make package-test`: install dist/'s package the way IT would, in a throwaway Debian 12
# root (debootstrap from Debian's packages, then chroot), and use it as a clinician would.
#   1. A tampered .deb, a tampered Packages file and a repository signed by another key
#      are each refused by apt (signed-by= names the real key).
#   2. `apt-get install chartside` from the signed repository succeeds, and brings
#      chartside-model-qwen (Qwen's weights) with it.
#   3. As a normal user, in a network namespace with only loopback: init, import,
#      index --wait, search, ask (answered, citing the right client); then the window
#      starts offscreen and unlocks.
#   4. `delete-local-data` on a second data dir: a wrong confirmation deletes nothing, the
#      right one removes the folder and leaves no server running on it.
#   5. A policy in /etc/chartside/policy.toml locks each key IT asked for (`policy show`
#      names file and line; export and the keyring are refused; the generator is the
#      policy's); a malformed policy stops a command with one line naming file, key and
#      line, and creates no data dir. The shipped policy is put back.
#   6. `apt-get remove` keeps the user's data and /etc/chartside/policy.toml; `purge`
#      removes /etc/chartside and leaves home directories alone; `autoremove` then takes
#      the model, and /opt/chartside is gone.
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
    # The mirror this machine's apt already uses for Debian itself. Either style of sources
    # may be absent (grep then fails, and pipefail with set -e would end the script silently).
    { grep -rhs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' || true
      grep -rhs '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
        | awk '{for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) {print $i; break}}' || true
    } | { grep -E '/debian/?$' || true; } | head -1
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
# Qwen's weights come as a package of their own, which apt installs with the app.
in_root dpkg -s chartside-model-qwen | grep -E '^(Version|Installed-Size):' \
    || fail "apt did not install chartside-model-qwen with chartside"
installed_kib=$(( $(in_root dpkg-query -W -f='${Installed-Size}' chartside) \
    + $(in_root dpkg-query -W -f='${Installed-Size}' chartside-model-qwen) ))
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
# Across the whole workspace, not one client: the packaged generator must answer (not
# decline) and cite a source, and what it cites must be Dana's (c-001) right knee.
as_user chartside --json ask "What was the assessment of the right knee?" > "$WORK/ask.json"
python3 - "$WORK/ask.json" <<'EOF'
import json, sys
answer = json.load(open(sys.argv[1]))
assert answer["models"]["generator"] and answer["timings_ms"]["generate"] > 0, answer
assert not answer["refused"], f"the generator declined: {answer['answer']!r}"
used = [s for s in answer["sources"] if s["used"]]
assert used, f"the answer cites no source: {answer}"
assert {s["client_external_id"] for s in used} == {"c-001"}, used
seconds = answer["timings_ms"]["total"] / 1000
cited = ", ".join(f"[{s['n']}] {s['client_external_id']} {s['field']}" for s in used)
print(f"ask: {answer['models']['generator']} answered in {seconds:.1f} s, citing {cited}:",
      answer["answer"][:160])
EOF

step "the window, offscreen: unlock screen, then the main window"
as_user env CHARTSIDE_WINDOW_CHECK="/home/$USER_NAME/window.json" chartside
cp "$ROOT/home/$USER_NAME/window.json" "$WORK/window.json"
cat "$WORK/window.json"
python3 -c 'import json,sys; t=json.load(open(sys.argv[1])); assert t["main_window_s"] >= t["first_window_s"] > 0' "$WORK/window.json"

step "delete-local-data: a second data dir, typed confirmation"
second=/home/$USER_NAME/second-practice
main_dir=/home/$USER_NAME/.local/share/Chartside
as_second() { as_user env CHARTSIDE_DATA_DIR="$second" "$@"; }
as_second chartside --json init > "$WORK/second-init.json"
[ -d "$ROOT$second/pg" ] || fail "init did not make $second"
# A mistyped path, and a dangerous one (the main data dir): nothing goes.
for typed in "${second}x" "$main_dir"; do
    if as_second chartside --json delete-local-data --confirm "$typed" \
        > "$WORK/delete-wrong.json" 2> "$WORK/delete-wrong.err"; then
        fail "delete-local-data accepted the confirmation $typed"
    fi
    grep -q "not deleted" "$WORK/delete-wrong.err" || fail "no refusal: $(cat "$WORK/delete-wrong.err")"
    [ -d "$ROOT$second/pg" ] && [ -d "$ROOT$main_dir/pg" ] || fail "a wrong confirmation ($typed) deleted data"
done
cat "$WORK/delete-wrong.err"
as_second chartside --json delete-local-data --confirm "$second" > "$WORK/delete.json"
cat "$WORK/delete.json"
[ ! -e "$ROOT$second" ] || fail "delete-local-data left $second"
[ -d "$ROOT$main_dir/pg" ] || fail "delete-local-data touched the main data dir"
# No process on this machine (the chroot shares its process table) names the folder.
python3 - "$second" <<'EOF' || fail "a process still runs on the deleted data dir"
import os, sys
for pid in filter(str.isdigit, os.listdir("/proc")):
    if int(pid) == os.getpid():
        continue
    try:
        cmd = open(f"/proc/{pid}/cmdline", "rb").read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        continue
    if sys.argv[1] in cmd:
        sys.exit(f"process {pid} still runs on {sys.argv[1]}: {cmd}")
EOF

step "policy: /etc/chartside/policy.toml locks each key IT asked for"
POLICY=/etc/chartside/policy.toml
shipped=$WORK/policy.shipped.toml
cp -p "$ROOT$POLICY" "$shipped"
# The shipped policy locks nothing: export works (so the refusal below is the policy's).
as_user chartside --json export --out "/home/$USER_NAME/export-allowed.json" > /dev/null
[ -s "$ROOT/home/$USER_NAME/export-allowed.json" ] || fail "export under the shipped policy wrote nothing"
# The line numbers matter: policy show and the refusals must name them.
cp packaging/testdata/policy-locked.toml "$ROOT$POLICY"
# The user's environment asks for other values; the policy wins.
as_user env CHARTSIDE_SECURITY__AUTO_LOCK_MINUTES=25 CHARTSIDE_MODELS__DEFAULT_GENERATOR=base \
    CHARTSIDE_SECURITY__EXPORT_ALLOWED=true CHARTSIDE_SECURITY__KEYRING_ALLOWED=true \
    CHARTSIDE_BACKUP__EVERY_HOURS=1 CHARTSIDE_BACKUP__FOLDER=/tmp \
    chartside --json policy show > "$WORK/policy-show.json"
python3 - "$WORK/policy-show.json" "$POLICY" <<'EOF'
import json, sys
shown, policy = json.load(open(sys.argv[1])), sys.argv[2]
assert shown["policy_file"] == policy, shown["policy_file"]
rows = {row["key"]: row for row in shown["settings"]}
expected = {  # key: (value, line)
    "security.auto_lock_minutes": (5, 3),
    "security.export_allowed": (False, 4),
    "security.keyring_allowed": (False, 5),
    "models.default_generator": ("instruct", 8),
    "backup.every_hours": (12, 11),
    "backup.folder": ("/srv/chartside-backups", 12),
}
for key, (value, line) in expected.items():
    row = rows[key]
    assert row["locked"] is True, row
    assert row["value"] == value, row
    assert row["source"] == f"in the policy file {policy}, line {line}", row
    print(f"policy show: {key} = {row['value']!r}, locked, {row['source']}")
extra = [k for k, r in rows.items() if r["locked"] and k not in expected]
assert not extra, f"locked but not in the policy: {extra}"
EOF
refused() { # name, message, command...: refused in one line on stderr, non-zero exit
    local name=$1 message=$2
    shift 2
    if as_user "$@" > "$WORK/$name.json" 2> "$WORK/$name.err"; then
        fail "$name: not refused under the policy"
    fi
    [ "$(grep -c . "$WORK/$name.err")" = 1 ] || fail "$name: not one line: $(cat "$WORK/$name.err")"
    grep -qF -- "$message" "$WORK/$name.err" || fail "$name: $(cat "$WORK/$name.err")"
    grep -q '"PolicyForbids"' "$WORK/$name.json" || fail "$name: $(cat "$WORK/$name.json")"
    cat "$WORK/$name.err"
}
refused export "Exporting notes is turned off: security.export_allowed = false in the policy file $POLICY, line 4" \
    chartside --json export --out "/home/$USER_NAME/export-refused.json"
[ ! -e "$ROOT/home/$USER_NAME/export-refused.json" ] || fail "a refused export wrote a file"
refused keyring "The OS keyring is turned off: security.keyring_allowed = false in the policy file $POLICY, line 5" \
    chartside --json keys keyring-enable
as_user env CHARTSIDE_MODELS__DEFAULT_GENERATOR=qwen chartside --json models list > "$WORK/models.json"
python3 - "$WORK/models.json" <<'EOF'
import json, sys
models = json.load(open(sys.argv[1]))["models"]
active = [m for m in models if m["kind"] == "generator" and m["active"]]
assert [m["name"] for m in active] == ["SmolLM2-135M-Instruct"], active
assert "models.default_generator" in (active[0]["why"] or ""), active
print("models list: the policy's generator,", active[0]["name"], "-", active[0]["why"])
kernels = json.load(open(sys.argv[1]))["llama_cpu"]
# The package's llama.cpp chooses its CPU kernels at run time (packaging/llama_wheel.sh).
assert kernels["variants"] and kernels["level"] != "generic", kernels
print("models list:", kernels["describe"])
EOF

step "policy: a malformed one stops start-up, naming file, key and line"
n=0
malformed() { # the words its one line must hold (one a line), then the policy's text
    n=$((n + 1))
    local fresh=/home/$USER_NAME/fresh-$n words=$1 word
    printf '%b' "$2" > "$ROOT$POLICY"
    if as_user env CHARTSIDE_DATA_DIR="$fresh" chartside --json init \
        > "$WORK/malformed-$n.json" 2> "$WORK/malformed-$n.err"; then
        fail "malformed policy $n: init succeeded"
    fi
    [ "$(grep -c . "$WORK/malformed-$n.err")" = 1 ] \
        || fail "malformed policy $n: not one line: $(cat "$WORK/malformed-$n.err")"
    while IFS= read -r word; do
        grep -qF -- "$word" "$WORK/malformed-$n.err" \
            || fail "malformed policy $n: no '$word' in: $(cat "$WORK/malformed-$n.err")"
    done <<< "$words"
    [ ! -e "$ROOT$fresh" ] || fail "malformed policy $n: $fresh was created"
    cat "$WORK/malformed-$n.err"
}
malformed "$POLICY
security.auto_lok_minutes=5
line 3" '# a misspelt key\n[security]\nauto_lok_minutes = 5\n'
malformed "$POLICY
security.auto_lock_minutes=90
line 2" '[security]\nauto_lock_minutes = 90\n'
malformed "$POLICY
backup.every_hours='daily'
line 2" "[backup]\nevery_hours = 'daily'\n"
# A syntax error has no key to name: the file and the line.
malformed "$POLICY
not valid TOML
line 1" '[security\nauto_lock_minutes = 5\n'
cp -p "$shipped" "$ROOT$POLICY"
cmp -s "$shipped" "$ROOT$POLICY" || fail "the shipped policy was not put back"
as_user chartside --json policy show > "$WORK/policy-restored.json"
python3 - "$WORK/policy-restored.json" <<'EOF'
import json, sys
locked = [s["key"] for s in json.load(open(sys.argv[1]))["settings"] if s["locked"]]
assert not locked, f"the shipped policy locks {locked}"
EOF

step "apt-get remove keeps data and policy; purge removes /etc/chartside only"
data_dir=$(ls -d "$ROOT/home/$USER_NAME/.local/share/Chartside")
in_root apt-get remove -y -q chartside
[ -f "$ROOT/etc/chartside/policy.toml" ] || fail "remove deleted the policy"
[ -d "$data_dir" ] || fail "remove deleted the user's data"
[ ! -e "$ROOT/opt/chartside/chartside" ] || fail "remove left the program"
in_root apt-get purge -y -q chartside
[ ! -e "$ROOT/etc/chartside" ] || fail "purge left /etc/chartside"
[ -d "$data_dir" ] || fail "purge touched the home directory"
in_root apt-get autoremove --purge -y -q
in_root dpkg -s chartside-model-qwen > /dev/null 2>&1 && fail "autoremove left the model"
[ ! -e "$ROOT/opt/chartside" ] || fail "the two packages left files in /opt/chartside"
[ -d "$data_dir" ] || fail "autoremove touched the home directory"

deb_mib=$(du -s --block-size=1M "$DIST"/chartside_*_amd64.deb | cut -f1)
model_deb_mib=$(du -s --block-size=1M "$DIST"/chartside-model-qwen_*_all.deb | cut -f1)
python3 - "$REPORT" "$deb_mib" "$model_deb_mib" "$installed_kib" "$opt_mib" "$install_ms" "$WORK/window.json" "${refused[*]}" <<'EOF'
import json, sys
out, deb, model_deb, kib, opt, install, window, refused = sys.argv[1:]
report = {
    "deb_mib": int(deb),
    "model_deb_mib": int(model_deb),
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
