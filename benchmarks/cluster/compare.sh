#!/usr/bin/env bash
# One node versus two behind Kamailio: SIPp load (deploy/sipp/queue-caller.xml: callers who press 1 and wait in the BSU
# queue hearing music on hold) through Kamailio, first with one node, then with two; prints per run the calls
# completed/failed, the peak of waiting callers, the share of calls set up within a second, and the CPU seconds
# (user+system, from /proc) each node and Kamailio (all its processes) used.
#   benchmarks/cluster/compare.sh [--calls N] [--rate R] [--hold S]     one run each (defaults 200 calls, 10/s, held 20 s)
#   benchmarks/cluster/compare.sh --search [--rates 10,20,40] [--window S] [--hold S] [--nodes 1,2]
#       capacity search: for each node count, one cluster, then steps of rising call rates (each rate for --window
#       seconds, default 15, callers held --hold s, default 20); a step is carried when under 1 % of its calls fail and
#       99 % are set up within a second; the search stops at the first step that is not. Prints the highest carried
#       rate and the waiting callers it held.
# Needs a built Release server (SB_SERVER_DLL, or the script builds it). Everything runs on 127.0.61.x. Run it only on a
# machine with nothing else measuring (e.g. flock /work/bench.lock benchmarks/cluster/compare.sh --search).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
calls=200; rate=10; hold=20; search=0; rates="10,20,40,80"; window=15; node_counts="1,2"
while [ $# -gt 0 ]; do
  case "$1" in
    --calls) calls=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    --hold) hold=$2; shift 2 ;;
    --search) search=1; shift ;;
    --rates) rates=$2; shift 2 ;;
    --window) window=$2; shift 2 ;;
    --nodes) node_counts=$2; shift 2 ;;
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
column() { # column <stat.csv> <name>: the last row's value of a SIPp statistics column
  awk -F';' -v n="$2" 'NR==1{for(i=1;i<=NF;i++) if($i==n) c=i} END{print (c ? $c : 0)}' "$1"
}

dir=""; pids=(); kam=""
up() { # up <nodes>
  dir=$(mktemp -d)
  export CLUSTER_DIR="$dir"
  deploy/local-cluster.sh up --nodes "$1" >/dev/null 2>&1 || { echo "up failed; logs in $dir" >&2; exit 1; }
  pids=(); local i
  for i in $(seq 1 "$1"); do pids+=("$(cat "$dir/node-$i.pid")"); done
  kam=$(cat "$dir/kamailio.pid")
}
down() { deploy/local-cluster.sh down >/dev/null 2>&1 || true; rm -rf "$dir"; }

step() { # step <calls> <rate> <hold>: one SIPp run; sets the globals ok, failed, peak, fast_pct and appends a result line
  local n=$1 r=$2 h=$3 before=() p w
  for p in "${pids[@]}"; do before+=("$(cpu "$p")"); done
  local kam_before; kam_before=$(cpu_tree "$kam")
  rm -f "$dir/stat.csv" "$dir"/*_rtd.csv
  peak=0; streams=0
  ( cd "$dir" && sipp -sf "$root/deploy/sipp/queue-caller.xml" -s ivr "$CLUSTER_NET.10:5060" -i "$CLUSTER_NET.5" -p 5080 \
      -m "$n" -r "$r" -d $((h * 1000)) -l "$n" -nostdin -timeout $((n / r + h + 60)) -timeout_error \
      -trace_stat -stf stat.csv -trace_rtt -rtt_freq 1 -fd 1 >/dev/null 2>&1 || true ) &
  local sipp_pid=$!
  local m s
  while kill -0 "$sipp_pid" 2>/dev/null; do
    m=$(curl -fsS --max-time 2 "http://$CLUSTER_NET.11:8080/metrics" 2>/dev/null || true)
    w=$(awk '/^switchboard_queue_callers_waiting\{queue="bsu"\}/{print $2}' <<<"$m")
    s=$(awk '/^switchboard_rtp_streams[{ ]/{print $NF}' <<<"$m")
    [ -n "$w" ] && [ "${w%.*}" -gt "$peak" ] && peak=${w%.*}
    [ -n "$s" ] && [ "${s%.*}" -gt "$streams" ] && streams=${s%.*}
    sleep 1
  done
  ok=$(column "$dir/stat.csv" "SuccessfulCall(C)"); failed=$(column "$dir/stat.csv" "FailedCall(C)")
  # Set-up time (INVITE to 200, SIPp's response time 1) of every call: the share within 1,000 ms.
  fast_pct=$(awk -F';' 'FNR==1{c=0; for(i=1;i<=NF;i++) if(tolower($i)=="response_time_ms") c=i; next}
    c{n++; if ($c+0 <= 1000) f++} END{printf "%.1f", n ? 100*f/n : 0}' "$dir"/*_rtt.csv 2>/dev/null || echo 0)
  local line="nodes=${#pids[@]} calls=$n rate=$r/s hold=${h}s completed=$ok failed=$failed peak_waiting=$peak node1_peak_rtp_streams=$streams setup_within_1s=${fast_pct}%" i
  for i in $(seq 1 "${#pids[@]}"); do
    line+=" node${i}_cpu_s=$(sub "$(cpu "${pids[$((i-1))]}")" "${before[$((i-1))]}")"
  done
  line+=" kamailio_cpu_s=$(sub "$(cpu_tree "$kam")" "$kam_before")"
  echo "$line" | tee -a "$results/compare.txt"
}

echo "# $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)$([ "$search" = 1 ] && echo " search rates=$rates window=${window}s hold=${hold}s")" | tee -a "$results/compare.txt"
for nodes in ${node_counts//,/ }; do
  up "$nodes"
  if [ "$search" = 0 ]; then
    step "$calls" "$rate" "$hold"
  else
    best=0; best_peak=0
    for r in ${rates//,/ }; do
      step $((r * window)) "$r" "$hold"
      if [ "$failed" -le $((r * window / 100)) ] && awk -v f="$fast_pct" 'BEGIN{exit !(f >= 99)}'; then
        best=$r; best_peak=$peak
      else
        break
      fi
    done
    echo "carried nodes=$nodes max_rate=$best/s waiting_callers=$best_peak (hold ${hold}s)" | tee -a "$results/compare.txt"
  fi
  down
done
