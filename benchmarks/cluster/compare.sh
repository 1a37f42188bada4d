#!/usr/bin/env bash
# One node versus two behind Kamailio: the same SIPp load (deploy/sipp/queue-caller.xml: callers who press 1 and wait in
# the BSU queue hearing music on hold) through Kamailio, first with one node, then with two; prints per run the calls
# completed/failed, the peak of waiting callers, and the CPU seconds (user+system, from /proc) each process used.
#   benchmarks/cluster/compare.sh [--calls N] [--rate R] [--hold S]     (defaults 200 calls, 10/s, held 20 s)
# Needs a built Release server (SB_SERVER_DLL, or the script builds it). Everything runs on 127.0.61.x.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
calls=200; rate=10; hold=20
while [ $# -gt 0 ]; do
  case "$1" in
    --calls) calls=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    --hold) hold=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
export CLUSTER_NET="${CLUSTER_NET:-127.0.61}"
export Dialplan__Path="${Dialplan__Path:-$root/tests/Switchboard.Interop.Tests/Calls/Fixtures/open-always.yaml}"
export Logging__LogLevel__Default=Warning
results="$root/benchmarks/cluster/results"
mkdir -p "$results"
ticks=$(getconf CLK_TCK)

cpu() { # cpu <pid>: user+system seconds so far (children excluded)
  awk -v t="$ticks" '{printf "%.2f", ($14+$15)/t}' "/proc/$1/stat" 2>/dev/null || echo 0
}
sub() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a-b}'; }
cpu_tree() { # kamailio forks workers: sum over the main pid's process group
  local total=0 p
  for p in $(pgrep -g "$(ps -o pgid= "$1" | tr -d ' ')" 2>/dev/null); do total=$(sub "$(cpu "$p")" "-$total"); done
  echo "$total"
}

run() { # run <nodes>
  local nodes=$1 dir; dir=$(mktemp -d)
  export CLUSTER_DIR="$dir"
  deploy/local-cluster.sh up --nodes "$nodes" >/dev/null 2>&1 || { echo "up failed; logs in $dir" >&2; exit 1; }
  local pids=() before=() i
  for i in $(seq 1 "$nodes"); do pids+=("$(cat "$dir/node-$i.pid")"); done
  local kam; kam=$(cat "$dir/kamailio.pid")
  for p in "${pids[@]}"; do before+=("$(cpu "$p")"); done
  local kam_before; kam_before=$(cpu_tree "$kam")
  local peak=0 w
  ( cd "$dir" && sipp -sf "$root/deploy/sipp/queue-caller.xml" -s ivr "$CLUSTER_NET.10:5060" -i "$CLUSTER_NET.5" -p 5080 \
      -m "$calls" -r "$rate" -d $((hold * 1000)) -l "$calls" -nostdin -timeout $((calls / rate + hold + 60)) -timeout_error \
      -trace_stat -stf stat.csv -fd 1 >/dev/null 2>&1 || true ) &
  local sipp_pid=$!
  while kill -0 "$sipp_pid" 2>/dev/null; do
    w=$(curl -fsS --max-time 2 "http://$CLUSTER_NET.11:8080/metrics" 2>/dev/null | awk '/^switchboard_queue_callers_waiting\{queue="bsu"\}/{print $2}')
    [ -n "$w" ] && [ "${w%.*}" -gt "$peak" ] && peak=${w%.*}
    sleep 1
  done
  local stat="$dir/stat.csv" ok failed
  ok=$(awk -F';' 'NR==1{for(i=1;i<=NF;i++) if($i=="SuccessfulCall(C)") c=i} END{print $c}' "$stat")
  failed=$(awk -F';' 'NR==1{for(i=1;i<=NF;i++) if($i=="FailedCall(C)") c=i} END{print $c}' "$stat")
  local line="nodes=$nodes calls=$calls rate=$rate/s hold=${hold}s completed=$ok failed=$failed peak_waiting=$peak"
  for i in $(seq 1 "$nodes"); do
    line+=" node${i}_cpu_s=$(sub "$(cpu "${pids[$((i-1))]}")" "${before[$((i-1))]}")"
  done
  line+=" kamailio_cpu_s=$(sub "$(cpu_tree "$kam")" "$kam_before")"
  deploy/local-cluster.sh down >/dev/null 2>&1 || true
  rm -rf "$dir"
  echo "$line" | tee -a "$results/compare.txt"
}

echo "# $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results/compare.txt"
run 1
run 2
