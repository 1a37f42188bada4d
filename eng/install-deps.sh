#!/usr/bin/env bash
# Installs the Debian packages Switchboard's scripts use, when missing. Usage: eng/install-deps.sh [run|test|load|prompts|web|cluster|floor|compose]
set -euo pipefail

want=()
need() { # need <command> <debian package>
  command -v "$1" >/dev/null 2>&1 || want+=("$2")
}

case "${1:-test}" in
  run)     need redis-server redis-server ;;
  test)    need redis-server redis-server; need sipp sip-tester; need baresip baresip-core; need tshark tshark; need chromium chromium
           need kamailio kamailio; need redis-sentinel redis-sentinel; need redis-cli redis-tools; need curl curl
           need svcrack sipvicious; need fail2ban-regex fail2ban ;; # the Security interop tests' attacker tools and filter check
  load)    need redis-server redis-server; need redis-cli redis-tools; need sipp sip-tester; need dumpcap tshark; need curl curl ;;
  prompts) need espeak-ng espeak-ng; need sox sox ;;
  web)     need chromium chromium ;;
  # deploy/local-cluster.sh: Kamailio (dispatcher) in front, Redis with Sentinel behind; kamcmd comes with kamailio.
  cluster) need redis-server redis-server; need redis-sentinel redis-sentinel; need redis-cli redis-tools; need kamailio kamailio; need curl curl ;;
  # benchmarks/floor/compare.sh: the C floor program (gcc), SIPp, the server's Redis, and the two references.
  floor)   need gcc gcc; need sipp sip-tester; need redis-server redis-server; need redis-cli redis-tools; need curl curl
           need kamailio kamailio; need rtpengine rtpengine-daemon ;;
  # docker/compose-up.sh: Debian's Docker daemon and docker-compose 1.29; debootstrap makes the base image (no registry).
  compose) need dockerd docker.io; need docker-compose docker-compose; need debootstrap debootstrap; need curl curl ;;
  *) echo "usage: $0 [run|test|load|prompts|web|cluster|floor|compose]" >&2; exit 2 ;;
esac

[ ${#want[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 && sudo="sudo" || { echo "missing: ${want[*]} (run as root or install them: apt-get install -y ${want[*]})" >&2; exit 1; }
fi
echo "installing: ${want[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
# tshark asks whether non-root users may capture; answer no without a prompt.
echo "wireshark-common wireshark-common/install-setuid boolean false" | $sudo debconf-set-selections 2>/dev/null || true
$sudo apt-get update -qq >/dev/null
$sudo apt-get install -y -qq --no-install-recommends "${want[@]}" >/dev/null
