#!/usr/bin/env bash
# Builds the images docker/compose.yaml runs, without any container registry:
#   switchboard-base:bookworm  Debian bookworm from debootstrap --variant=minbase (+ redis-server, redis-sentinel,
#                              redis-tools, kamailio, libicu72, curl), imported with `docker import`; the Redis,
#                              Sentinel and Kamailio services run it as it is.
#   switchboard:local          the base + Switchboard published self-contained for linux-x64 (docker/Dockerfile).
#
#   docker/build-images.sh          build what is missing (the base once, ~1-3 min; the app image every time)
#   docker/build-images.sh --base   build the base image again
#
# Settings (environment): DOCKER_HOST (the daemon), DEBIAN_MIRROR (default http://deb.debian.org/debian),
# SB_PUBLISH_DIR (an already published linux-x64 server: skip dotnet publish).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

base=switchboard-base:bookworm
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
work="${SB_ARTIFACTS:-$root/artifacts}/docker"
log() { echo "build-images: $*" >&2; }

if [ "${1:-}" = "--base" ] || ! docker image inspect "$base" >/dev/null 2>&1; then
  rootfs="$(mktemp -d /var/tmp/sb-rootfs.XXXXXX)"
  trap 'rm -rf "$rootfs"' EXIT
  log "debootstrap bookworm (minbase) into $rootfs ..."
  debootstrap --variant=minbase --include=redis-server,redis-sentinel,redis-tools,kamailio,libicu72,ca-certificates,curl,procps \
    bookworm "$rootfs" "$mirror" >"$work.debootstrap.log" 2>&1 || { tail -20 "$work.debootstrap.log" >&2; exit 1; }
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  log "docker import -> $base"
  tar -C "$rootfs" -c . | docker import -c 'CMD ["/bin/bash"]' - "$base" >/dev/null
  rm -rf "$rootfs"
  trap - EXIT
fi

context="$work/context"
rm -rf "$context"
mkdir -p "$context"
if [ -n "${SB_PUBLISH_DIR:-}" ]; then
  cp -a "$SB_PUBLISH_DIR" "$context/app"
else
  log "dotnet publish (Release, linux-x64, self-contained) ..."
  dotnet publish src/Switchboard.Server/Switchboard.Server.csproj -c Release -r linux-x64 --self-contained \
    -o "$context/app" -nologo -v:q -clp:ErrorsOnly >&2
fi
cp -a dialplans "$context/dialplans"
log "docker build -> switchboard:local"
docker build -q -f docker/Dockerfile --build-arg "BASE=$base" -t switchboard:local "$context" >/dev/null
log "images: $base, switchboard:local"
