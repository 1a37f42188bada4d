#!/usr/bin/env bash
# Switchboard load harness: a private redis-server and the built server (Release) on free loopback ports with
# benchmarks/load/load.yaml (menu -> one queue nobody serves, so callers stay with music on hold), then N SIPp callers
# (benchmarks/load/caller.xml: RTP with rtp_stream, DTMF "1" as SIP INFO, hold S seconds, BYE).
#
# Usage: benchmarks/load/run.sh [--calls N] [--rate R] [--hold S] [--ramp] [--target 127.0.0.1]
#                               [--sipp-procs K] [--window W] [--agents] [--no-build] [--keep] [--server-tree DIR]
#   --calls N       concurrent callers (default 200)          --rate R   new calls per second (default 20)
#   --hold S        seconds each caller stays (default 30)    --ramp     raise N until a limit is crossed (see below)
#   --sipp-procs K  SIPp processes sharing the callers (default: one per 250 callers)
#   --window W      seconds of steady state measured once every caller is in (default 10)
#   --agents        bridged calls: N agents (LoadTool, real gRPC API) accept every offer and a SIPp uas answers for
#                   their phones with RTP echo, so every caller is bridged to an agent leg for the hold time
#   --no-build      use the existing Release build          --keep     keep the work directory (captures, SIPp logs)
#   --server-tree DIR  run the server of another checkout (e.g. a `git worktree` of an older commit, for an A/B
#                   comparison): DIR's Release build (built unless --no-build), started in DIR; LoadTool stays this tree's
# Ramp mode: N = --calls, then x1.5 per step, until failed calls >= 0.1 % or pacing p99 > 2 ms (or --ramp-max,
# default 3000); prints the highest N that passed.
#
# Reports: calls attempted/succeeded/failed, INVITE->200 set-up time p50/p99 (SIPp -trace_rtt), RTP received by the
# callers per second and the pacing error of the server's RTP (dumpcap on lo, analysed by benchmarks/load/LoadTool),
# server CPU (% of one core, /proc/<pid>/stat) and resident memory (/proc/<pid>/status VmRSS) per caller.
# Runs against loopback only: any other --target is refused.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

calls=200 rate=20 hold=30 ramp=0 target=127.0.0.1 procs=0 window=10 build=1 keep=0 ramp_max=3000 bridged=0 server_tree=""
while [ $# -gt 0 ]; do
  case "$1" in
    --calls) calls="$2"; shift 2 ;;
    --rate) rate="$2"; shift 2 ;;
    --hold) hold="$2"; shift 2 ;;
    --ramp) ramp=1; shift ;;
    --ramp-max) ramp_max="$2"; shift 2 ;;
    --target) target="$2"; shift 2 ;;
    --sipp-procs) procs="$2"; shift 2 ;;
    --window) window="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --keep) keep=1; shift ;;
    --agents) bridged=1; shift ;;
    --server-tree) server_tree="$(cd "$2" && pwd)"; shift 2 ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

case "$target" in
  127.*|localhost) target=127.0.0.1 ;;
  *) echo "run.sh: refusing to load $target: only loopback (127.0.0.0/8) is allowed" >&2; exit 2 ;;
esac
for v in "$calls" "$rate" "$hold" "$window" "$procs" "$ramp_max"; do
  [[ "$v" =~ ^[0-9]+$ ]] || { echo "run.sh: numbers only ($v)" >&2; exit 2; }
done
[ "$calls" -ge 1 ] && [ "$rate" -ge 1 ] && [ "$hold" -ge 1 ] || { echo "run.sh: --calls, --rate and --hold must be >= 1" >&2; exit 2; }

"$root/eng/install-deps.sh" load
command -v dumpcap >/dev/null 2>&1 || echo "run.sh: dumpcap (tshark) missing: no pacing figures" >&2

art="${SB_ARTIFACTS:-$root/artifacts}"
server_root="${server_tree:-$root}"
if [ "$build" -eq 1 ]; then
  echo "run.sh: building Switchboard.Server ($server_root) and LoadTool (Release)..." >&2
  dotnet build "$server_root/src/Switchboard.Server/Switchboard.Server.csproj" -c Release -nologo -v:q -clp:ErrorsOnly >&2
  dotnet build "$here/LoadTool/Switchboard.LoadTool.csproj" -c Release -nologo -v:q -clp:ErrorsOnly >&2
fi
server_dll="$art/bin/Switchboard.Server/release/Switchboard.Server.dll"
[ -n "$server_tree" ] && server_dll="$server_tree/artifacts/bin/Switchboard.Server/release/Switchboard.Server.dll"
tool_dll="$art/bin/Switchboard.LoadTool/release/Switchboard.LoadTool.dll"
for f in "$server_dll" "$tool_dll"; do [ -f "$f" ] || { echo "run.sh: build output not found: $f" >&2; exit 1; }; done
loadtool() { dotnet "$tool_dll" "$@"; }

work="$(mktemp -d /tmp/sb-load.XXXXXX)"
redis_pid="" server_pid="" sipp_pids=() helper_pids=()
cleanup() {
  trap - EXIT INT TERM
  for p in "${sipp_pids[@]}" "${helper_pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "$server_pid" "$redis_pid"; do
    if [ -n "$p" ] && kill -0 "$p" 2>/dev/null; then kill -TERM "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; fi
  done
  if [ "$keep" -eq 1 ]; then echo "run.sh: work directory kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
udp_busy() { grep -qi ":$(printf '%04X' "$1") " /proc/net/udp /proc/net/udp6 2>/dev/null; }
free_port() { # a port free for TCP and UDP in [$1, $1+2000)
  local p
  for _ in $(seq 1 200); do
    p=$(( $1 + RANDOM % 2000 ))
    port_open "$p" || udp_busy "$p" || { echo "$p"; return; }
  done
  echo "run.sh: no free port near $1" >&2; return 1
}
count_events() { redis-cli -p "$redis_port" --raw XRANGE 'sb:{default}:events' - + 2>/dev/null | grep -ci "^$1\$" || true; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }   # utime + stime of the process (all threads)
rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }
hz=$(getconf CLK_TCK)

# Private Redis: no persistence, loopback only.
redis_port=$(free_port 41000)
redis-server --port "$redis_port" --bind 127.0.0.1 --protected-mode yes --save "" --appendonly no \
  --daemonize no --logfile "$work/redis.log" &
redis_pid=$!
for _ in $(seq 1 100); do port_open "$redis_port" && break; sleep 0.1; done
port_open "$redis_port" || { echo "run.sh: redis-server did not start (see $work/redis.log)" >&2; keep=1; exit 1; }

# Bridged mode: the agents' bearer tokens are HS256 JWTs signed with a key made for this run.
jwt_key="$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 48)"

# The server, Release, on free loopback ports; logs at Warning so logging is not what we measure.
sip_port=$(free_port 45000)
web_port=$(free_port 47000)
api_port=$(free_port 49000)
(
  cd "$server_root"
  export Sip__BindAddress=127.0.0.1 Sip__Port="$sip_port" Web__Url="http://127.0.0.1:$web_port" Api__Url="http://127.0.0.1:$api_port"
  export Redis__Configuration="127.0.0.1:$redis_port" Dialplan__Path="$here/load.yaml" Acd__NodeId="load-$sip_port"
  export Logging__LogLevel__Default=Warning
  [ "$bridged" -eq 1 ] && export Api__Jwt__SigningKey="$jwt_key"
  exec dotnet "$server_dll"
) >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
healthy=0
for _ in $(seq 1 600); do
  kill -0 "$server_pid" 2>/dev/null || break
  if curl -fs -o /dev/null "http://127.0.0.1:$web_port/healthz" 2>/dev/null; then healthy=1; break; fi
  sleep 0.1
done
if [ "$healthy" -ne 1 ]; then
  echo "run.sh: the server did not become healthy; its output:" >&2
  tail -n 30 "$work/server.out" "$work/server.err" >&2
  keep=1; exit 1
fi
echo "run.sh: server pid $server_pid, SIP udp 127.0.0.1:$sip_port, Redis 127.0.0.1:$redis_port, work $work" >&2

loadtool audio "$work/caller.ul" 10
caller_min=20000 caller_max=32000   # SIPp media ports (-mp per process); the server's legs use ephemeral ports >= 32768

# run_step N: one measurement with N callers; prints the summary and sets step_failed_pct, step_pacing_p99.
run_step() {
  local n=$1 k=$procs step="$work/step-$1"
  mkdir -p "$step"
  [ "$k" -ge 1 ] || k=$(( (n + 249) / 250 ))
  [ "$k" -le "$n" ] || k=$n
  local ramp_up=$(( (n + rate - 1) / rate ))
  local win=$window
  # Measure once every caller is in and has passed the menu (~4 s), before the first ones hang up.
  local settle=$(( ramp_up + 5 ))
  if [ $(( settle + win + 2 )) -gt "$hold" ]; then
    win=$(( hold - settle - 2 ))
    if [ "$win" -lt 2 ]; then
      echo "run.sh: --hold $hold is too short for $n callers at $rate/s (need >= $(( settle + 4 ))); measuring anyway" >&2
      win=2; settle=$(( hold > 4 ? hold - 4 : 0 ))
    fi
  fi
  local rss0 ticks0 t0 ticks1 t1 rss1 idle
  # The idle server's own CPU (timers, Redis heartbeats) for 2 s, to tell it apart from the per-caller cost.
  ticks0=$(cpu_ticks "$server_pid"); t0=$(date +%s.%N); sleep 2
  idle=$(awk -v a="$ticks0" -v b="$(cpu_ticks "$server_pid")" -v s="$t0" -v e="$(date +%s.%N)" -v hz="$hz" 'BEGIN { printf "%.1f", 100 * (b - a) / hz / (e - s) }')
  rss0=$(rss_kb "$server_pid")
  local enqueued_before answered_before
  enqueued_before=$(count_events enqueued)
  answered_before=$(count_events answered)
  helper_pids=()
  local agents_out="" uas_port=""
  if [ "$bridged" -eq 1 ]; then
    # The agents' phones: one SIPp uas (built-in scenario: 180, 200 with SDP, waits for BYE) echoing RTP.
    uas_port=$(free_port 53000)
    mkdir -p "$step/uas"
    ( cd "$step/uas" && exec sipp -sn uas -i 127.0.0.1 -p "$uas_port" -mi 127.0.0.1 -mp "$(free_port 17000)" -rtp_echo \
        -nostdin -trace_err -max_socket 65000 ) >"$step/uas/out.txt" 2>&1 &
    helper_pids+=($!)
    rm -f "$step/agents.ready"
    ( exec dotnet "$tool_dll" agents "http://127.0.0.1:$api_port" "$jwt_key" "$n" load "127.0.0.1:$uas_port" "$step/agents.ready" ) \
      >"$step/agents.out" 2>"$step/agents.err" &
    local agents_pid=$!
    helper_pids+=($agents_pid)
    for _ in $(seq 1 600); do [ -f "$step/agents.ready" ] && break; kill -0 "$agents_pid" 2>/dev/null || break; sleep 0.1; done
    [ -f "$step/agents.ready" ] || { echo "run.sh: the agents did not sign in:" >&2; cat "$step/agents.err" >&2; keep=1; exit 1; }
    echo "run.sh: $n agents signed in and ready; their phones: SIPp uas 127.0.0.1:$uas_port" >&2
  fi
  sipp_pids=()
  local i per rest mine mp stats=() rtts=()
  per=$(( n / k )); rest=$(( n % k ))
  for i in $(seq 0 $(( k - 1 ))); do
    mine=$per; [ "$i" -lt "$rest" ] && mine=$(( per + 1 ))
    mkdir -p "$step/sipp$i"
    ln -sf "$here/caller.xml" "$step/sipp$i/caller.xml"
    ln -sf "$work/caller.ul" "$step/sipp$i/caller.ul"
    mp=$(( caller_min + i * (caller_max - caller_min) / k ))
    local rate_i
    rate_i=$(awk -v r="$rate" -v m="$mine" -v n="$n" 'BEGIN { printf "%.3f", r * m / n }')
    ( cd "$step/sipp$i" && exec sipp -sf caller.xml "127.0.0.1:$sip_port" -i 127.0.0.1 -mi 127.0.0.1 -p "$(free_port 51000)" \
        -s ivr -m "$mine" -l "$mine" -r "$rate_i" -d $(( hold * 1000 )) -mp "$mp" -recv_timeout 10000 \
        -timeout $(( hold + ramp_up + 60 )) -timeout_error -nostdin -trace_stat -stf stat.csv -fd 1 \
        -trace_rtt -rtt_freq 1 -trace_err -max_socket 65000 ) >"$step/sipp$i/out.txt" 2>&1 &
    sipp_pids+=($!)
  done
  t0=$(date +%s.%N); ticks0=$(cpu_ticks "$server_pid")
  sleep "$settle"
  # Steady state: every caller in the queue.
  local c0 c1 w0 w1
  c0=$(cpu_ticks "$server_pid"); w0=$(date +%s.%N)
  if command -v dumpcap >/dev/null 2>&1; then
    dumpcap -q -i lo -P -s 64 -a "duration:$win" -f "udp dst portrange $caller_min-$caller_max" -w "$step/rtp.pcap" >/dev/null 2>"$step/dumpcap.err" || true
  else
    sleep "$win"
  fi
  c1=$(cpu_ticks "$server_pid"); w1=$(date +%s.%N)
  rss1=$(rss_kb "$server_pid")
  local enqueued answered_steady
  enqueued=$(count_events enqueued)
  answered_steady=$(count_events answered)
  local status=0 p
  for p in "${sipp_pids[@]}"; do wait "$p" || status=1; done
  sipp_pids=()
  t1=$(date +%s.%N); ticks1=$(cpu_ticks "$server_pid")
  if [ "$bridged" -eq 1 ]; then
    sleep 2   # the last BYEs and wrap-ups
    for p in "${helper_pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
    for p in "${helper_pids[@]}"; do wait "$p" 2>/dev/null || true; done
    helper_pids=()
    agents_out=$(cat "$step/agents.out" 2>/dev/null || true)
  fi

  local created=0 ok=0 failed=0 f
  for i in $(seq 0 $(( k - 1 ))); do
    f="$step/sipp$i/stat.csv"
    if [ -f "$f" ]; then
      read -r a b c < <(awk -F';' 'NR == 1 { for (j = 1; j <= NF; j++) h[$j] = j; next }
        { t = $h["TotalCallCreated"]; s = $h["SuccessfulCall(C)"]; x = $h["FailedCall(C)"] } END { print t + 0, s + 0, x + 0 }' "$f")
      created=$(( created + a )); ok=$(( ok + b )); failed=$(( failed + c ))
    fi
    rtts+=( "$step"/sipp"$i"/*_rtt.csv )
  done
  local not_run=$(( n - created )); [ "$not_run" -gt 0 ] || not_run=0
  failed=$(( failed + not_run ))
  local rtt_out pacing_out=""
  rtt_out=$(loadtool rtt "${rtts[@]}" 2>/dev/null || true)
  [ -f "$step/rtp.pcap" ] && pacing_out=$(loadtool pacing "$step/rtp.pcap" "$caller_min" "$caller_max" || true)
  get() { printf '%s\n' "$1" | awk -F= -v k="$2" '$1 == k { print $2 }'; }

  step_failed_pct=$(awk -v f="$failed" -v n="$n" 'BEGIN { printf "%.3f", 100 * f / n }')
  step_pacing_p99=$(get "$pacing_out" pacing_p99_ms); step_pacing_p99=${step_pacing_p99:-nan}
  local cpu_win cpu_all
  cpu_win=$(awk -v a="$c0" -v b="$c1" -v s="$w0" -v e="$w1" -v hz="$hz" 'BEGIN { printf "%.1f", 100 * (b - a) / hz / (e - s) }')
  cpu_all=$(awk -v a="$ticks0" -v b="$ticks1" -v s="$t0" -v e="$t1" -v hz="$hz" 'BEGIN { printf "%.1f", 100 * (b - a) / hz / (e - s) }')
  local bridged_line=""
  [ "$bridged" -eq 1 ] && bridged_line="bridged to agents      $(( answered_steady - answered_before )) answered by the end of the steady window (Answered events); agents: offers $(get "$agents_out" offers), accepted $(get "$agents_out" accepted), connected $(get "$agents_out" connected), wrap-ups $(get "$agents_out" wrapups)
"
  cat <<EOF

=== Switchboard load: $n callers, $rate calls/s, hold $hold s, $k SIPp process(es), server $(git -C "$server_root" rev-parse --short HEAD 2>/dev/null || echo '?') ($(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load avg $(cut -d' ' -f1-3 /proc/loadavg))
calls attempted        $created of $n
calls succeeded        $ok
in the queue (ACD)     $(( enqueued - enqueued_before )) callers enqueued (Enqueued events in the Redis stream)
${bridged_line}calls failed           $failed (${step_failed_pct} %)$( [ "$status" -ne 0 ] && echo "  [a SIPp process exited non-zero: see $step/sipp*/out.txt]")
setup INVITE->200      p50 $(get "$rtt_out" setup_p50_ms) ms, p99 $(get "$rtt_out" setup_p99_ms) ms, max $(get "$rtt_out" setup_max_ms) ms ($(get "$rtt_out" setup_samples) samples)
RTP at the callers     $(get "$pacing_out" rtp_pps) packets/s from $(get "$pacing_out" rtp_flows) streams over $(get "$pacing_out" rtp_seconds) s (expected $(( n * 50 ))/s), lost $(get "$pacing_out" rtp_lost)
pacing error           p50 $(get "$pacing_out" pacing_p50_ms) ms, p99 ${step_pacing_p99} ms, max $(get "$pacing_out" pacing_max_ms) ms, > 2 ms: $(get "$pacing_out" pacing_over_2ms_pct) %
server CPU (steady)    ${cpu_win} % of one core over ${win} s = $(awk -v c="$cpu_win" -v n="$n" 'BEGIN { printf "%.3f", c / n }') % per caller (idle before: ${idle} %; whole run: ${cpu_all} %)
server memory          RSS ${rss0} KB before, ${rss1} KB in steady state = $(( (rss1 - rss0) / n )) KB per caller
EOF
}

if [ "$ramp" -eq 0 ]; then
  run_step "$calls"
  exit 0
fi

best=0 n=$calls
while [ "$n" -le "$ramp_max" ]; do
  run_step "$n"
  if awk -v f="$step_failed_pct" -v p="$step_pacing_p99" 'BEGIN { exit !(f < 0.1 && p != "nan" && p <= 2.0) }'; then
    best=$n
  else
    echo "ramp: limit crossed at $n callers (failed ${step_failed_pct} %, pacing p99 ${step_pacing_p99} ms)"
    break
  fi
  sleep 3   # let the last BYEs and the server settle
  n=$(( n * 3 / 2 ))
done
echo
echo "ramp: maximum carried = $best concurrent callers (failed < 0.1 % and pacing p99 <= 2 ms)"
