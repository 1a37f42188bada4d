#!/usr/bin/env bash
# Builds the images (docker/build-images.sh) and brings docker/compose.yaml up, then waits until both nodes answer
# /healthz and Kamailio has both in rotation. Down again:
#   docker-compose -p switchboard -f docker/compose.yaml down      (add -v to drop Redis's volumes)
#
# Settings (environment): SB_NET (first three octets of every address, default 127.0.60), COMPOSE_PROJECT_NAME
# (default switchboard), SB_COMPOSE_OVERRIDE (an extra compose file, e.g. tokens and a dialplan), SB_SKIP_BUILD=1
# (use the images already built), DOCKER_HOST. With --start-daemon, a machine without a running Docker daemon
# (no systemd) gets one: dockerd with no bridge and no iptables rules (every service uses host networking),
# socket unix:///run/switchboard-docker.sock, data in /var/lib/switchboard-docker, log in /run/switchboard-docker.log.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
net="${SB_NET:-127.0.60}"
project="${COMPOSE_PROJECT_NAME:-switchboard}"
log() { echo "compose-up: $*" >&2; }
die() { echo "compose-up: $*" >&2; exit 1; }

wait_for() { # wait_for <seconds> <what> <command...>
  local end=$(( $(date +%s) + $1 )) what=$2; shift 2
  until "$@" >/dev/null 2>&1; do
    [ "$(date +%s)" -lt "$end" ] || die "timed out waiting for $what"
    sleep 0.5
  done
}

eng/install-deps.sh compose

if [ "${1:-}" = "--start-daemon" ] && ! docker info >/dev/null 2>&1; then
  export DOCKER_HOST=unix:///run/switchboard-docker.sock
  if ! docker info >/dev/null 2>&1; then
    log "starting dockerd ($DOCKER_HOST)"
    setsid dockerd --bridge=none --iptables=false --ip6tables=false --ip-masq=false --host="$DOCKER_HOST" \
      --data-root /var/lib/switchboard-docker --exec-root /run/switchboard-docker --pidfile /run/switchboard-docker.pid \
      >>/run/switchboard-docker.log 2>&1 </dev/null &
    wait_for 60 "dockerd (log /run/switchboard-docker.log)" docker info
  fi
fi
docker info >/dev/null 2>&1 || die "no Docker daemon reachable (DOCKER_HOST=${DOCKER_HOST:-default}); try --start-daemon"

[ "${SB_SKIP_BUILD:-}" = 1 ] || docker/build-images.sh

files=(-f docker/compose.yaml)
[ -n "${SB_COMPOSE_OVERRIDE:-}" ] && files+=(-f "$SB_COMPOSE_OVERRIDE")
SB_NET="$net" docker-compose -p "$project" "${files[@]}" up -d >&2

healthy() { curl -fsS -o /dev/null --max-time 2 "http://$1:8080/healthz"; }
in_rotation() {
  [ "$(docker-compose -p "$project" "${files[@]}" exec -T kamailio kamcmd -s unix:/tmp/kamailio.ctl dispatcher.list 2>/dev/null | grep -c 'FLAGS: AP')" -ge 2 ]
}
wait_for 120 "node 1 healthy on $net.11" healthy "$net.11"
wait_for 60 "node 2 healthy on $net.12" healthy "$net.12"
wait_for 60 "Kamailio to have both nodes in rotation" in_rotation
log "up: Kamailio sip:$net.10:5060 -> nodes $net.11, $net.12; Redis $net.20 (+ replica $net.21) via sentinels $net.20-22:26379"
