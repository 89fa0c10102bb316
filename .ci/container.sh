#!/usr/bin/env bash
# Build the repository's own Dockerfile end to end and check the image it makes.
#
#   bash .ci/container.sh            (as root, Debian 12 with the .NET SDK and git)
#
# Installs docker.io and debootstrap, starts a private dockerd (own data root, exec root,
# pid file and socket; stopped on exit), assembles an SDK image like the official one
# (Debian 12 minbase + clang/lld + this machine's .NET SDK) because no container registry
# is reachable, builds the Dockerfile with --build-arg SDK_IMAGE=calc-sdk:local, then checks
# the static binary and the FROM scratch image. Prints PASS/FAIL per check and exits non-zero
# on any failure. See docs/shipping.md.
#
# Environment:
#   CALC_CI_WORK  persistent cache folder (default: <repo>/.ci-work, git-ignored): docker's
#                 data root (image + layer cache) and debootstrap's .deb cache.
#   CALC_CI_FRESH=1  forget the cache first (the fresh-machine path).
set -Eeuo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
WORK=${CALC_CI_WORK:-$ROOT/.ci-work}
IMAGE=calc
SDK_IMAGE=calc-sdk:local
SUITE=bookworm
BUDGET_BYTES=6490000   # the article's 6.49 MB image: fail at or above it
AIM_BYTES=4000000      # what we aim for
SDK_PACKAGES=ca-certificates,libicu72,libssl3,libstdc++6,zlib1g,clang,lld,binutils,libc6-dev

FAILED=0
declare -a TIMES=()
T_START=$EPOCHREALTIME
PHASE='' PHASE_T0=''
DOCKERD_PID=''
RUN=''

say() { printf '%s\n' "$*"; }
pass() { say "PASS: $*"; }
fail() { say "FAIL: $*"; FAILED=$((FAILED + 1)); }
die() { say "FAIL: $*"; exit 1; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

phase() {
    phase_end
    PHASE=$1 PHASE_T0=$EPOCHREALTIME
    say "== $PHASE"
}
phase_end() {
    if [[ -n $PHASE ]]; then
        local t; t=$(elapsed "$PHASE_T0" "$EPOCHREALTIME")
        TIMES+=("$(printf '%-44s %7ss' "$PHASE" "$t")")
        say "   ($PHASE: ${t}s)"
        PHASE=''
    fi
}

umount_under() {
    findmnt -R -n -l -o TARGET | grep -F "$1/" | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
}

stop_dockerd() {
    if [[ -n $DOCKERD_PID ]] && kill -0 "$DOCKERD_PID" 2>/dev/null; then
        kill -TERM "$DOCKERD_PID" 2>/dev/null || true
        for _ in $(seq 100); do kill -0 "$DOCKERD_PID" 2>/dev/null || break; sleep 0.2; done
        if kill -0 "$DOCKERD_PID" 2>/dev/null; then
            say "dockerd $DOCKERD_PID did not stop in 20 s: killing it"
            kill -KILL "$DOCKERD_PID" 2>/dev/null || true
        fi
        wait "$DOCKERD_PID" 2>/dev/null || true
    fi
    DOCKERD_PID=''
}

on_exit() {
    local rc=$?
    [[ -n $PHASE ]] && phase_end
    stop_dockerd
    if [[ -n $RUN && -d $RUN ]]; then
        umount_under "$RUN"   # dockerd leaves exec-root/netns/default mounted
        rm -rf --one-file-system "$RUN" || true
    fi
    say "== timings"
    local line; for line in "${TIMES[@]}"; do say "   $line"; done
    say "   $(printf '%-44s %7ss' 'TOTAL container.sh' "$(elapsed "$T_START" "$EPOCHREALTIME")")"
    if ((rc == 0 && FAILED == 0)); then say "PASS: container.sh"; else say "FAIL: container.sh (exit $rc, $FAILED failed checks)"; fi
}
trap on_exit EXIT
trap 'exit 130' INT TERM

[[ $(id -u) == 0 ]] || die "run as root (installs packages, starts dockerd)"

# ---------------------------------------------------------------------------------------------
phase "host packages"
need=()
command -v dockerd >/dev/null && [[ -x /usr/bin/docker ]] || need+=(docker.io)
command -v debootstrap >/dev/null || need+=(debootstrap)
command -v file >/dev/null || need+=(file)
command -v readelf >/dev/null || need+=(binutils)
command -v flock >/dev/null || need+=(util-linux)
if ((${#need[@]})); then
    say "installing: ${need[*]}"
    apt-get update -q >/dev/null || die "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}" ca-certificates >/dev/null \
        || die "apt-get install ${need[*]}"
else
    say "docker.io, debootstrap, file, binutils already installed"
fi
# The docker.io CLI matches its daemon (another docker on PATH may be newer and want buildx).
DOCKER_BIN=/usr/bin/docker

mkdir -p "$WORK"
exec 9>"$WORK/lock"
flock -w 1800 9 || die "another container.sh still holds $WORK/lock after 30 min"
if [[ ${CALC_CI_FRESH:-0} == 1 ]]; then
    say "CALC_CI_FRESH=1: removing the cache in $WORK"
    umount_under "$WORK"   # overlay mounts a killed dockerd may have left
    rm -rf --one-file-system "$WORK/docker" "$WORK/debootstrap-cache" "$WORK/sdk-rootfs"
fi
# Short private paths: unix socket paths are limited to 107 bytes.
RUN=$(mktemp -d /tmp/calc-ci.XXXXXX)
SOCK=$RUN/docker.sock
docker() { DOCKER_BUILDKIT=0 "$DOCKER_BIN" -H "unix://$SOCK" "$@"; }

# ---------------------------------------------------------------------------------------------
phase "start dockerd"
echo '{}' >"$RUN/daemon.json"
# No default bridge and no iptables rules: nothing here touches the host's network set-up,
# and a second dockerd on the machine does not clash. Builds use --network host.
dockerd --config-file "$RUN/daemon.json" \
    --data-root "$WORK/docker" --exec-root "$RUN/exec" --pidfile "$RUN/dockerd.pid" \
    -H "unix://$SOCK" --bridge none --iptables=false --ip-masq=false --ip-forward=false \
    >"$WORK/dockerd.log" 2>&1 &
DOCKERD_PID=$!
for i in $(seq 120); do
    docker version >/dev/null 2>&1 && break
    kill -0 "$DOCKERD_PID" 2>/dev/null || { tail -20 "$WORK/dockerd.log"; die "dockerd exited (log: $WORK/dockerd.log)"; }
    ((i < 120)) || { tail -20 "$WORK/dockerd.log"; die "dockerd did not answer within 60 s"; }
    sleep 0.5
done
say "dockerd $DOCKERD_PID on unix://$SOCK, data root $WORK/docker, storage $(docker info -f '{{.Driver}}')"

# ---------------------------------------------------------------------------------------------
phase "SDK image ($SDK_IMAGE)"
DOTNET_DIR=$(dirname -- "$(readlink -f -- "$(command -v dotnet)")")
SDK_VERSION=$(dotnet --version)
MIRROR=$(awk '/^URIs:/ { for (i = 2; i <= NF; i++) if ($i ~ /\/debian\/?$/) { print $i; exit } }' \
    /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
if [[ -z $MIRROR ]]; then
    MIRROR=$(awk '$1 == "deb" && $2 ~ /\/debian\/?$/ { print $2; exit }' /etc/apt/sources.list 2>/dev/null || true)
fi
MIRROR=${MIRROR:-http://deb.debian.org/debian}
# Extra CAs this machine trusts (e.g. a TLS-inspecting egress proxy): the SDK image trusts
# them too, or the NuGet restore in the build stage fails with UntrustedRoot.
EXTRA_CAS=/usr/local/share/ca-certificates
CA_SUM=$(find "$EXTRA_CAS" -type f -name '*.crt' -print0 2>/dev/null | sort -z | xargs -0 -r cat | sha256sum | cut -c1-12)
SDK_KEY="$SUITE minbase $SDK_PACKAGES dotnet-sdk-$SDK_VERSION cas-$CA_SUM revocation-${NUGET_CERT_REVOCATION_MODE:-online}"
if [[ $(docker image inspect -f '{{index .Config.Labels "calc.sdk.key"}}' "$SDK_IMAGE" 2>/dev/null) == "$SDK_KEY" ]]; then
    say "cached: $SDK_IMAGE ($SDK_KEY)"
else
    ROOTFS=$WORK/sdk-rootfs
    if [[ -d $ROOTFS ]]; then
        umount_under "$ROOTFS"   # a failed debootstrap can leave proc/sys mounted inside
        rm -rf --one-file-system "$ROOTFS"
    fi
    mkdir -p "$WORK/debootstrap-cache"
    say "debootstrap $SUITE from $MIRROR with $SDK_PACKAGES"
    debootstrap --variant=minbase --include="$SDK_PACKAGES" --cache-dir="$WORK/debootstrap-cache" \
        "$SUITE" "$ROOTFS" "$MIRROR" >"$WORK/debootstrap.log" 2>&1 \
        || { tail -20 "$WORK/debootstrap.log"; die "debootstrap (log: $WORK/debootstrap.log)"; }
    say "adding the .NET SDK $SDK_VERSION from $DOTNET_DIR"
    mkdir -p "$ROOTFS/usr/share/dotnet"
    cp -a "$DOTNET_DIR/." "$ROOTFS/usr/share/dotnet/"
    ln -sf /usr/share/dotnet/dotnet "$ROOTFS/usr/bin/dotnet"
    if compgen -G "$EXTRA_CAS/*" >/dev/null; then
        say "trusting this machine's extra CAs: $(ls "$EXTRA_CAS" | tr '\n' ' ')"
        cp -a "$EXTRA_CAS/." "$ROOTFS/usr/local/share/ca-certificates/"
        chroot "$ROOTFS" update-ca-certificates >/dev/null 2>&1 || die "update-ca-certificates in the SDK root"
    fi
    rm -rf "$ROOTFS"/var/cache/apt/archives/*.deb "$ROOTFS"/var/lib/apt/lists/*
    tar -C "$ROOTFS" --numeric-owner --exclude='./proc/*' --exclude='./sys/*' --exclude='./dev/*' -c . |
        docker import \
            --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
            --change 'ENV DOTNET_ROOT=/usr/share/dotnet' \
            --change 'ENV DOTNET_CLI_TELEMETRY_OPTOUT=1' \
            --change 'ENV DOTNET_NOLOGO=1' \
            --change 'ENV NUGET_XMLDOC_MODE=skip' \
            --change "ENV NUGET_CERT_REVOCATION_MODE=${NUGET_CERT_REVOCATION_MODE:-online}" \
            --change "LABEL calc.sdk.key=\"$SDK_KEY\"" \
            --change 'CMD ["/bin/bash"]' \
            - "$SDK_IMAGE" >/dev/null || die "docker import $SDK_IMAGE"
    rm -rf --one-file-system "$ROOTFS"
    docker image prune -f >/dev/null   # the previous SDK image, if any
fi
docker run --rm --network none "$SDK_IMAGE" sh -c 'dotnet --version && command -v clang ld.lld objcopy' >/dev/null \
    || die "$SDK_IMAGE lacks dotnet, clang, ld.lld or objcopy"
say "$SDK_IMAGE: $(docker image inspect -f '{{.Size}}' "$SDK_IMAGE" | awk '{ printf "%.0f MB", $1 / 1e6 }'), SDK $SDK_VERSION"

# ---------------------------------------------------------------------------------------------
phase "docker build (the repository's Dockerfile)"
VERSION=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$ROOT/Directory.Build.props" | head -1)
REVISION=$(git -C "$ROOT" rev-parse HEAD 2>/dev/null || echo unknown)
EPOCH=$(git -C "$ROOT" log -1 --format=%ct 2>/dev/null || echo 0)
SOURCE=$(git -C "$ROOT" remote get-url origin 2>/dev/null || true)
[[ $SOURCE =~ ^(https?|ssh|git)://|^[^/]+@[^/]+: ]] || SOURCE=unknown   # not a local path
# --network host: the NuGet restore in the build stage needs the network, and this daemon
# has no bridge. The legacy builder (DOCKER_BUILDKIT=0) needs nothing from a registry.
docker build --network host --build-arg SDK_IMAGE="$SDK_IMAGE" \
    --build-arg VERSION="${VERSION:-0.0.0}" --build-arg REVISION="$REVISION" --build-arg SOURCE="$SOURCE" \
    --build-arg SOURCE_DATE_EPOCH="$EPOCH" \
    -t "$IMAGE" "$ROOT" >"$WORK/build.log" 2>&1 \
    || { tail -40 "$WORK/build.log"; die "docker build (log: $WORK/build.log)"; }
steps=$(grep -c '^Step ' "$WORK/build.log" || true)
cached=$(grep -c 'Using cache' "$WORK/build.log" || true)
grep -i -E 'warning|error' "$WORK/build.log" | sed 's/^/   /' | head -20 || true
# Untagged images include the build stage's layer cache: keep a week of it, drop the rest.
docker image prune -f --filter until=168h >/dev/null
pass "docker build -t $IMAGE . ($steps steps, $cached from cache)"

# ---------------------------------------------------------------------------------------------
phase "check the image"
docker save "$IMAGE" -o "$RUN/image.tar"
mkdir -p "$RUN/image"
tar -C "$RUN/image" -xf "$RUN/image.tar"
mapfile -t layers < <(tr ',[]' '\n\n\n' <"$RUN/image/manifest.json" | sed -n 's/^"\([^"]*layer.tar\)"$/\1/p')
if ((${#layers[@]} == 1)); then pass "image has one layer"; else fail "image has ${#layers[@]} layers, want 1"; fi
files=$(for l in "${layers[@]}"; do tar -tf "$RUN/image/$l"; done | sort)
if [[ $files == calc ]]; then pass "image holds only /calc"; else fail "image holds more than /calc: $(echo $files)"; fi
size=$(docker image inspect -f '{{.Size}}' "$IMAGE")
size_mb=$(awk -v s="$size" 'BEGIN { printf "%.2f", s / 1e6 }')
say "image size: $size bytes = $size_mb MB (budget < 6.49 MB, aim <= 4 MB)"
if ((size < BUDGET_BYTES)); then pass "image size $size_mb MB < 6.49 MB"; else fail "image size $size_mb MB >= 6.49 MB"; fi
((size <= AIM_BYTES)) || say "NOTE: image is above the 4 MB aim"
user=$(docker image inspect -f '{{.Config.User}}' "$IMAGE")
entry=$(docker image inspect -f '{{json .Config.Entrypoint}}' "$IMAGE")
[[ $user == 65534:65534 ]] && pass "USER $user" || fail "USER is '$user', want 65534:65534"
[[ $entry == '["/calc"]' ]] && pass "ENTRYPOINT $entry" || fail "ENTRYPOINT is $entry, want [\"/calc\"]"
for label in title description version source licenses; do
    v=$(docker image inspect -f "{{index .Config.Labels \"org.opencontainers.image.$label\"}}" "$IMAGE")
    [[ -n $v ]] && pass "label org.opencontainers.image.$label=$v" || fail "label org.opencontainers.image.$label missing"
done

# ---------------------------------------------------------------------------------------------
phase "check the static binary"
mkdir -p "$RUN/bin" "$RUN/chroot"
tar -C "$RUN/bin" -xf "$RUN/image/${layers[0]}" calc
BIN=$RUN/bin/calc
say "binary size: $(stat -c %s "$BIN") bytes; $(file -b "$BIN")"
file -b "$BIN" | grep -q -E 'statically linked|static-pie linked' && pass "file: static" || fail "file: not static: $(file -b "$BIN")"
readelf -lW "$BIN" | grep -q INTERP && fail "readelf -l: has an ELF interpreter" || pass "readelf -l: no INTERP"
readelf -dW "$BIN" | grep -q NEEDED && fail "readelf -d: NEEDED $(readelf -dW "$BIN" | grep NEEDED | tr -s ' ')" || pass "readelf -d: no NEEDED"
cp "$BIN" "$RUN/chroot/calc"
[[ $(ls -A "$RUN/chroot") == calc ]] || die "chroot dir is not empty"

# Expected results follow SPEC.md.
printf '1+2\n2*3\nx = 7\nx^2\n2^64 - 1\n' >"$RUN/exprs.txt"
EXPECT_STDIN=$'3\n6\n49\n18446744073709551615'
NEST=$(printf '(%.0s' $(seq 1000))1$(printf ')%.0s' $(seq 1000))

# check NAME EXPECTED STDIN-FILE COMMAND...: exit status 0 and stdout equal to EXPECTED.
check() {
    local name=$1 expected=$2 input=$3; shift 3
    local out rc=0
    out=$("$@" <"$input" 2>"$RUN/stderr") || rc=$?
    if ((rc == 0)) && [[ $out == "$expected" ]]; then
        pass "$name"
    else
        fail "$name: exit $rc, stdout '$(head -c 300 <<<"$out")', stderr '$(head -c 300 "$RUN/stderr")'"
    fi
}
check "chroot: calc 1+2 = 3" 3 /dev/null env -i /usr/sbin/chroot "$RUN/chroot" /calc '1+2'
check "chroot: stdin, one result per line" "$EXPECT_STDIN" "$RUN/exprs.txt" env -i /usr/sbin/chroot "$RUN/chroot" /calc
check "chroot: 1000 nested parentheses" 1 /dev/null env -i /usr/sbin/chroot "$RUN/chroot" /calc "$NEST"
check "chroot: user recursion 9000 deep" 9000 /dev/null \
    env -i /usr/sbin/chroot "$RUN/chroot" /calc 'f(n) = n < 1 ? 0 : 1 + f(n-1); f(9000)'
# An address-space limit is no reason to fail: the worker's stack and malloc's arenas fit.
check "chroot: stdin mode under ulimit -v 500000" "$EXPECT_STDIN" "$RUN/exprs.txt" \
    bash -c 'ulimit -v 500000 && exec env -i /usr/sbin/chroot "$0" /calc' "$RUN/chroot"
check "chroot: closed stdin is empty input" "" /dev/null \
    bash -c 'exec env -i /usr/sbin/chroot "$0" /calc <&-' "$RUN/chroot"

# ---------------------------------------------------------------------------------------------
phase "run the image"
check "docker run --rm calc 2+3 = 5" 5 /dev/null docker run --rm "$IMAGE" 2+3
check "docker run -i --rm calc < exprs.txt" "$EXPECT_STDIN" "$RUN/exprs.txt" docker run -i --rm "$IMAGE"
check "docker run --read-only --network none --user 65534 --cap-drop ALL calc 2+3" 5 /dev/null \
    docker run --rm --read-only --network none --user 65534 --cap-drop ALL "$IMAGE" 2+3
check "hardened docker run -i < exprs.txt" "$EXPECT_STDIN" "$RUN/exprs.txt" \
    docker run -i --rm --read-only --network none --user 65534 --cap-drop ALL "$IMAGE"
check "docker run: 1000 nested parentheses" 1 /dev/null docker run --rm --network none "$IMAGE" "$NEST"

phase_end
((FAILED == 0))
