#!/usr/bin/env bash
# Side by side with the machine's floor (issue 20): Switchboard and a reference doing the same work, in one run,
# interleaved (Switchboard, reference, Switchboard, reference, ... --pairs times per figure), CPU of the measured
# process only (utime + stime from /proc/PID/stat, all threads; all processes for Kamailio) before and after a fixed
# workload, with the load average at each measurement. Prints each pair and the ratio range per figure.
#
# Usage: benchmarks/floor/compare.sh [--only LIST] [--callers N] [--relay N] [--reg-rate R] [--reg-count M]
#                                    [--setup-rate R] [--setup-count M] [--pairs P] [--window W] [--idle-warm S]
#                                    [--callers-warm 0|1] [--reclock] [--no-build] [--keep]
#   --only LIST     comma-separated figures: idle,callers,relay,registrar,setup (default: all)
#   --callers N     waiting callers (default 200): Switchboard (the Release server, SIPp callers of
#                   benchmarks/load/caller.xml in queue "load" hearing prompts and music, RTP both ways) versus the C
#                   floor (floor.c: one socket per stream, epoll + recvfrom/sendto; and batched: one socket,
#                   recvmmsg/sendmmsg), 50 packets/s each way per stream, --window seconds of steady state.
#                   --callers-warm 1 (default): one unmeasured Switchboard run of N/2 callers first (JIT tiering,
#                   first heap growth); memory figure: VmRSS per waiting caller from idle, and per caller added from
#                   the warm-up's steady state (N/2) to pair 1's (N)
#   --relay N       bridged calls relayed (default 100): Switchboard's media engine in-process (LoadTool relay: strict
#                   RTP, clock, MediaBridge) versus rtpengine (userspace, ng protocol), each fed by the same C
#                   generator (both phones of every call, 50 packets/s each); CPU per relayed packet, and the relay
#                   host's RSS and managed heap per bridged call added (media engine only, N/2 -> N calls). --reclock: the bridge re-clocks
#                   (Media:Bridge:Reclock, one frame per 20 ms tick) instead of relaying as packets arrive
#   --reg-rate R, --reg-count M   REGISTERs with digest auth (SIPp register.xml; 401 then 200) at R/s, M of them
#                   (default 200/s, 2000), Switchboard's registrar (Redis) versus Kamailio (usrloc in memory,
#                   kamailio-registrar.cfg); CPU ms per 1,000 registrations (redis-server's shown apart), after an
#                   unmeasured warm-up of M registrations on each side
#   --setup-rate R, --setup-count M   call set-ups (SIPp setup.xml: INVITE, 200, ACK, one second of the call, BYE)
#                   at R/s, M of them (default 100/s, 1000): Switchboard's IVR answers and plays the menu prompt, versus
#                   Kamailio as stateful proxy (kamailio-proxy.cfg) relaying to a SIPp uas that answers (not the same
#                   work: no media, no dialplan); CPU ms per 1,000 calls of the server (redis-server's apart) and of
#                   Kamailio + the uas (Kamailio's apart), after an unmeasured warm-up of M calls on each side
#   idle            CPU per second of the idle server (after the other figures and --idle-warm seconds of quiet,
#                   default 35) and of idle Kamailio, measured in the same window of 3 x --window seconds. .NET's tiered
#                   JIT keeps recompiling the idle node's periodic work for ~10 minutes: --idle-warm 900 for steady state
#   --pairs P       interleaved pairs per figure (default 3)      --window W   measuring window in seconds (default 10)
#   --no-build      use the existing Release build                --keep       keep the work directory
# Installs what it needs on demand (eng/install-deps.sh floor: gcc, SIPp, redis-server, Kamailio, rtpengine).
# Loopback only. The machine may be shared: the load average printed with every figure says how quiet it was.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

idle_warm=35 only="idle,callers,relay,registrar,setup" setup_rate=100 setup_count=1000 callers_warm=1 reclock=0 callers=200 relay=100 reg_rate=200 reg_count=2000 pairs=3 window=10 build=1 keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --only) only="$2"; shift 2 ;;
    --callers) callers="$2"; shift 2 ;;
    --relay) relay="$2"; shift 2 ;;
    --reg-rate) reg_rate="$2"; shift 2 ;;
    --reg-count) reg_count="$2"; shift 2 ;;
    --pairs) pairs="$2"; shift 2 ;;
    --window) window="$2"; shift 2 ;;
    --idle-warm) idle_warm="$2"; shift 2 ;;
    --callers-warm) callers_warm="$2"; shift 2 ;;
    --reclock) reclock=1; shift ;;
    --no-build) build=0; shift ;;
    --keep) keep=1; shift ;;
    --setup-rate) setup_rate="$2"; shift 2 ;;
    --setup-count) setup_count="$2"; shift 2 ;;
    -h|--help) sed -n "2,$(( $(grep -n '^set -euo' "$0" | cut -d: -f1) - 1 ))p" "$0"; exit 0 ;;
    *) echo "compare.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
for v in "$callers" "$relay" "$reg_rate" "$reg_count" "$setup_rate" "$setup_count" "$pairs" "$window" "$idle_warm"; do
  [[ "$v" =~ ^[0-9]+$ ]] && [ "$v" -ge 1 ] || { echo "compare.sh: positive numbers only ($v)" >&2; exit 2; }
done
[[ "$callers_warm" =~ ^[01]$ ]] || { echo "compare.sh: --callers-warm is 0 or 1" >&2; exit 2; }
[ "$callers" -le 1000 ] && [ "$relay" -le 1000 ] || { echo "compare.sh: at most 1000 callers or relayed calls" >&2; exit 2; }
wants() { [[ ",$only," == *",$1,"* ]]; }

"$root/eng/install-deps.sh" floor

art="${SB_ARTIFACTS:-$root/artifacts}"
if [ "$build" -eq 1 ]; then
  echo "compare.sh: building Switchboard.Server and LoadTool (Release)..." >&2
  dotnet build "$root/src/Switchboard.Server/Switchboard.Server.csproj" -c Release -nologo -v:q -clp:ErrorsOnly >&2
  dotnet build "$root/benchmarks/load/LoadTool/Switchboard.LoadTool.csproj" -c Release -nologo -v:q -clp:ErrorsOnly >&2
fi
server_dll="$art/bin/Switchboard.Server/release/Switchboard.Server.dll"
tool_dll="$art/bin/Switchboard.LoadTool/release/Switchboard.LoadTool.dll"
for f in "$server_dll" "$tool_dll"; do [ -f "$f" ] || { echo "compare.sh: build output not found: $f" >&2; exit 1; }; done

work="$(mktemp -d /tmp/sb-floor.XXXXXX)"
gcc -O2 -Wall -Wextra -o "$work/floor" "$here/floor.c"

redis_pid="" server_pid="" kamailio_pid="" rtpengine_pid="" proxy_pid="" uas_pid="" side_pids=()
stop_pid() { if [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; then kill -TERM "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; fi; }
cleanup() {
  trap - EXIT INT TERM
  for p in "${side_pids[@]}"; do stop_pid "$p"; done
  for p in "$server_pid" "$kamailio_pid" "$proxy_pid" "$uas_pid" "$rtpengine_pid" "$redis_pid"; do stop_pid "$p"; done
  if [ "$keep" -eq 1 ]; then echo "compare.sh: work directory kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
udp_busy() { grep -qi ":$(printf '%04X' "$1") " /proc/net/udp /proc/net/udp6 2>/dev/null; }
free_port() {
  local p
  for _ in $(seq 1 200); do
    p=$(( $1 + RANDOM % 2000 ))
    port_open "$p" || udp_busy "$p" || { echo "$p"; return; }
  done
  echo "compare.sh: no free port near $1" >&2; return 1
}
hz=$(getconf CLK_TCK)
# CPU ticks (utime + stime) of processes and, with "tree", of their children too (Kamailio forks its workers).
ticks() { local t=0 p; for p in "$@"; do [ -r "/proc/$p/stat" ] && t=$(( t + $(awk '{ print $14 + $15 }' "/proc/$p/stat") )); done; echo "$t"; }
tree() { echo "$1"; pgrep -P "$1" 2>/dev/null || true; }
load() { cut -d' ' -f1 /proc/loadavg; }
now() { date +%s.%N; }
calc() { awk "BEGIN { printf \"$1\", ($2) }"; }

results="$work/results.txt"
: >"$results"
# record FIGURE PAIR SB_VALUE REF_NAME REF_VALUE UNIT LOAD: one line per pair; the ratio is SB / reference.
record() {
  local ratio
  ratio=$(calc "%.2f" "$5 > 0 ? $3 / $5 : 0")
  [ "$ratio" = "0.00" ] && ratio="n/a"
  printf '%-10s pair %s  switchboard %10s  %-18s %10s  %-22s ratio %5sx  load %s\n' "$1" "$2" "$3" "$4" "$5" "$6" "$ratio" "$7" | tee -a "$results"
}

# --- The server (Release) with a private redis-server, as benchmarks/load/run.sh starts it ------------------------
start_server() {
  redis_port=$(free_port 41000)
  redis-server --port "$redis_port" --bind 127.0.0.1 --protected-mode yes --save "" --appendonly no --daemonize no \
    --logfile "$work/redis.log" &
  redis_pid=$!
  for _ in $(seq 1 100); do port_open "$redis_port" && break; sleep 0.1; done
  sip_port=$(free_port 45000); web_port=$(free_port 47000); api_port=$(free_port 49000)
  (
    cd "$root"
    export Sip__BindAddress=127.0.0.1 Sip__Port="$sip_port" Web__Url="http://127.0.0.1:$web_port" Api__Url="http://127.0.0.1:$api_port"
    export Redis__Configuration="127.0.0.1:$redis_port" Dialplan__Path="$root/benchmarks/load/load.yaml" Acd__NodeId="floor-$sip_port"
    export Logging__LogLevel__Default=Warning Sip__Accounts__0__User=floor Sip__Accounts__0__Password=floor-secret-pw
    # Each REGISTER leaves two server transactions alive for Timer J (32 s on UDP): the default cap of 5,000 (a flood
    # guard) would refuse a sustained benchmark rate above ~75 registrations/s with 503.
    export Sip__Security__MaxServerTransactions=1000000
    # 100 call set-ups a second from one SIPp: the unconfirmed-call caps (50 per source, 200 in all: a flood guard)
    # would answer 503 whenever the machine's load delays ACKs by half a second.
    export Sip__Security__MaxUnconfirmedCallsPerSource=2000 Sip__Security__MaxUnconfirmedCalls=2000
    exec dotnet "$server_dll"
  ) >"$work/server.out" 2>"$work/server.err" &
  server_pid=$!
  for _ in $(seq 1 600); do
    kill -0 "$server_pid" 2>/dev/null || break
    curl -fs -o /dev/null "http://127.0.0.1:$web_port/healthz" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "compare.sh: the server did not become healthy:" >&2; tail -n 30 "$work/server.out" "$work/server.err" >&2; keep=1; exit 1
}

# launch_kamailio CFG DIR PORT NAME: Kamailio with CFG on udp:127.0.0.1:PORT (its files in DIR), once its workers are
# up; its pid goes into the variable NAME.
launch_kamailio() {
  local cfg=$1 dir=$2 port=$3 pid children
  mkdir -p "$dir"
  kamailio -f "$cfg" -DD -E -l "udp:127.0.0.1:$port" -w "$dir" -Y "$dir" -P "$dir/kamailio.pid" >"$dir/out.txt" 2>&1 &
  pid=$!
  printf -v "$4" '%s' "$pid"
  for _ in $(seq 1 50); do children=$(pgrep -c -P "$pid" 2>/dev/null || true); [ "${children:-0}" -ge 2 ] && break; sleep 0.1; done
  sleep 1
  kill -0 "$pid" 2>/dev/null || { echo "compare.sh: Kamailio ($cfg) did not start:" >&2; cat "$dir/out.txt" >&2; keep=1; exit 1; }
}

start_kamailio() {
  kam_port=$(free_port 46000)
  launch_kamailio "$here/kamailio-registrar.cfg" "$work/kamailio" "$kam_port" kamailio_pid
}

start_proxy() { # Kamailio as stateful proxy in front of a SIPp uas (the "setup" reference)
  local uas_port
  uas_port=$(free_port 57000); proxy_port=$(free_port 58000)
  mkdir -p "$work/proxy"
  ( cd "$work/proxy" && exec sipp -sn uas -i 127.0.0.1 -p "$uas_port" -nostdin ) >"$work/proxy/uas.txt" 2>&1 &
  uas_pid=$!
  sed "s|UAS_ADDRESS|sip:127.0.0.1:$uas_port|" "$here/kamailio-proxy.cfg" >"$work/proxy/kamailio.cfg"
  launch_kamailio "$work/proxy/kamailio.cfg" "$work/proxy" "$proxy_port" proxy_pid
  kill -0 "$uas_pid" 2>/dev/null || { echo "compare.sh: the SIPp uas did not start:" >&2; cat "$work/proxy/uas.txt" >&2; keep=1; exit 1; }
}

start_rtpengine() {
  ng_port=$(free_port 22000)
  rtpengine --table=-1 --interface=127.0.0.1 --listen-ng="127.0.0.1:$ng_port" --port-min=30000 --port-max=39999 \
    --foreground --log-stderr --log-level=3 --pidfile="$work/rtpengine.pid" >"$work/rtpengine.out" 2>&1 &
  rtpengine_pid=$!
  sleep 1
  kill -0 "$rtpengine_pid" 2>/dev/null || { echo "compare.sh: rtpengine did not start:" >&2; cat "$work/rtpengine.out" >&2; keep=1; exit 1; }
}

# --- Figures ------------------------------------------------------------------------------------------------------
# cpu_window SECONDS PID...: prints the CPU seconds the processes used over SECONDS of wall time from now, and that
# wall time.
cpu_window() {
  local seconds=$1; shift
  local c0 w0 c1 w1
  c0=$(ticks "$@"); w0=$(now); sleep "$seconds"; c1=$(ticks "$@"); w1=$(now)
  echo "$(calc "%.4f" "($c1 - $c0) / $hz") $(calc "%.3f" "$w1 - $w0")"
}

idle_pair() { # both idle in the same window (3 x --window, for resolution): ms of CPU per second
  local kam cpu_sb cpu_kam l
  l=$(load)
  kam=$(tree "$kamailio_pid")
  local c0 k0 w0 c1 k1 w1
  c0=$(ticks "$server_pid"); k0=$(ticks $kam); w0=$(now); sleep $(( 3 * window )); c1=$(ticks "$server_pid"); k1=$(ticks $kam); w1=$(now)
  cpu_sb=$(calc "%.2f" "1000 * ($c1 - $c0) / $hz / ($w1 - $w0)")
  cpu_kam=$(calc "%.2f" "1000 * ($k1 - $k0) / $hz / ($w1 - $w0)")
  record idle "$1" "$cpu_sb" kamailio "$cpu_kam" "ms CPU per s" "$l"
}

rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }
rtp_sessions() { { curl -fs "http://127.0.0.1:$web_port/metrics" 2>/dev/null || true; } | awk '/^switchboard_rtp_sessions[ {]/ { n = int($NF) } END { print n + 0 }'; } 

# callers_switchboard PAIR N: prints % of a core per caller, the load average, the server's RSS (KB) before the
# callers and in the steady window, and its RTP sessions in the steady window
callers_switchboard() {
  local n=$2 rate=50 dir="$work/callers-$1" rss0
  mkdir -p "$dir"
  rss0=$(rss_kb "$server_pid")
  local settle=$(( (n + rate - 1) / rate + 5 ))
  local hold=$(( settle + window + 3 ))
  ln -sf "$root/benchmarks/load/caller.xml" "$dir/caller.xml"
  ln -sf "$work/caller.ul" "$dir/caller.ul"
  ( cd "$dir" && exec sipp -sf caller.xml "127.0.0.1:$sip_port" -i 127.0.0.1 -mi 127.0.0.1 -p "$(free_port 51000)" -s ivr \
      -m "$n" -l "$n" -r "$rate" -d $(( hold * 1000 )) -mp 20000 -recv_timeout 10000 -timeout $(( hold + 60 )) -timeout_error \
      -nostdin -trace_stat -stf stat.csv -max_socket 65000 ) >"$dir/out.txt" 2>&1 &
  local sipp=$!
  side_pids+=("$sipp")
  sleep "$settle"
  local l cpu win_wall rss1
  l=$(load)
  read -r cpu win_wall < <(cpu_window "$window" "$server_pid")
  rss1=$(rss_kb "$server_pid")
  local sessions
  sessions=$(rtp_sessions)
  wait "$sipp" || echo "compare.sh: SIPp callers exited non-zero (see $dir/out.txt)" >&2
  local failed
  failed=$(awk -F';' 'NR == 1 { for (j = 1; j <= NF; j++) h[$j] = j; next } { x = $h["FailedCall(C)"] } END { print x + 0 }' "$dir/stat.csv" 2>/dev/null || echo "?")
  [ "$failed" = "0" ] || echo "compare.sh: $failed of $n SIPp callers failed (pair $1)" >&2
  sleep 2
  echo "$(calc "%.4f" "100 * $cpu / $win_wall / $n") $l $rss0 $rss1 $sessions"
}

callers_floor() { # $1 pair, $2 plain|batched: prints % of a core per stream
  local n=$callers mode=$2 gen_port floor_base dir="$work/floor-$2-$1" run=$(( window + 4 ))
  mkdir -p "$dir"
  gen_port=$(free_port 53000)
  floor_base=21000
  local floor_pid gen_pid
  if [ "$mode" = plain ]; then
    for i in $(seq 0 $(( n - 1 ))); do echo "$(( floor_base + 2 * i )) $gen_port"; done >"$dir/streams.txt"
    "$work/floor" batched "$n" "$gen_port" "$floor_base" 2 "$run" >"$dir/gen.out" &
    gen_pid=$!
    "$work/floor" plain "$dir/streams.txt" "$run" >"$dir/floor.out" &
    floor_pid=$!
  else
    "$work/floor" batched "$n" "$gen_port" "$floor_base" 0 "$run" >"$dir/gen.out" &
    gen_pid=$!
    "$work/floor" batched "$n" "$floor_base" "$gen_port" 0 "$run" >"$dir/floor.out" &
    floor_pid=$!
  fi
  side_pids+=("$gen_pid" "$floor_pid")
  sleep 2
  local l cpu win_wall
  l=$(load)
  read -r cpu win_wall < <(cpu_window "$window" "$floor_pid")
  wait "$floor_pid" "$gen_pid" || true
  echo "$(calc "%.4f" "100 * $cpu / $win_wall / $n") $l"
}

host_value() { sed -n "s/^$2=\\([0-9]*\\).*/\\1/p" "$1/host.out"; } # host_value DIR KEY: a figure the relay host printed

relay_run() { # $1 pair, $2 switchboard|rtpengine: prints microseconds of CPU per relayed packet, the load average and (Switchboard) KB of RSS per bridged call
  local n=$relay side=$2 dir="$work/relay-$2-$1" run=$(( window + 4 )) peer_base=41000 pid
  mkdir -p "$dir"
  if [ "$side" = switchboard ]; then
    SB_RELAY_RECLOCK=$reclock dotnet "$tool_dll" relay "$n" "$peer_base" "$dir/streams.txt" "$dir/ready" >"$dir/host.out" 2>&1 &
    pid=$!
    side_pids+=("$pid")
    for _ in $(seq 1 300); do [ -f "$dir/ready" ] && break; kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    [ -f "$dir/ready" ] || { echo "compare.sh: the relay host did not start:" >&2; cat "$dir/host.out" >&2; keep=1; exit 1; }
  else
    pid=$rtpengine_pid
    dotnet "$tool_dll" rtpengine "$ng_port" "$n" "$peer_base" "$dir/streams.txt" >"$dir/control.out" 2>&1 \
      || { echo "compare.sh: rtpengine set-up failed:" >&2; cat "$dir/control.out" >&2; keep=1; exit 1; }
  fi
  "$work/floor" plain "$dir/streams.txt" "$run" >"$dir/gen.out" &
  local gen=$!
  side_pids+=("$gen")
  sleep 2
  local l cpu win_wall
  l=$(load)
  read -r cpu win_wall < <(cpu_window "$window" "$pid")
  local per_call="-"
  if [ "$side" = switchboard ]; then
    # Per bridged call added from N/2 to N calls, before traffic (the relay host prints it; an older build does not: -)
    local half rh rr hh hr
    half=$(host_value "$dir" half); rh=$(host_value "$dir" rss_half_kb); rr=$(host_value "$dir" rss_ready_kb)
    hh=$(host_value "$dir" heap_half); hr=$(host_value "$dir" heap_ready)
    [ -z "$hr" ] || [ "${half:-0}" -eq 0 ] || per_call="$(calc "%.1f" "($rr - $rh) / ($n - $half)")KB-RSS/$(calc "%.1f" "($hr - $hh) / 1024 / ($n - $half)")KB-managed"
  fi
  wait "$gen" || true
  [ "$side" = switchboard ] && stop_pid "$pid"
  # Relayed packets: what the generator received over its whole run, as a rate, times the window.
  local received seconds
  received=$(sed -n 's/.*received=\([0-9]*\).*/\1/p' "$dir/gen.out"); seconds=$(sed -n 's/.*seconds=\([0-9.]*\).*/\1/p' "$dir/gen.out")
  [ "${received:-0}" -gt 0 ] || { echo "compare.sh: nothing was relayed ($side, pair $1)" >&2; echo "0 $l $per_call"; return; }
  echo "$(calc "%.2f" "1e6 * $cpu / ($received / $seconds * $win_wall)") $l $per_call"
}

registrar_run() { # $1 pair, $2 switchboard|kamailio: prints CPU ms per 1,000 registrations (and redis-server's apart)
  local side=$2 dir="$work/register-$2-$1" target pids extra=""
  mkdir -p "$dir"
  if [ "$side" = switchboard ]; then target="127.0.0.1:$sip_port"; pids="$server_pid"; else target="127.0.0.1:$kam_port"; pids=$(tree "$kamailio_pid"); fi
  local l c0 r0 c1 r1
  l=$(load)
  c0=$(ticks $pids); r0=$(ticks "$redis_pid")
  ( cd "$dir" && exec sipp -sf "$here/register.xml" "$target" -i 127.0.0.1 -p "$(free_port 55000)" -m "$reg_count" -r "$reg_rate" \
      -timeout 120 -timeout_error -nostdin -trace_stat -stf stat.csv -trace_err ) >"$dir/out.txt" 2>&1 || echo "compare.sh: SIPp registrations exited non-zero ($side, see $dir)" >&2
  c1=$(ticks $pids); r1=$(ticks "$redis_pid")
  local ok
  ok=$(awk -F';' 'NR == 1 { for (j = 1; j <= NF; j++) h[$j] = j; next } { s = $h["SuccessfulCall(C)"] } END { print s + 0 }' "$dir/stat.csv" 2>/dev/null || echo 0)
  [ "$ok" -gt 0 ] || { echo "0 $l"; return; }
  [ "$side" = switchboard ] && extra=" redis=$(calc "%.0f" "1e6 * ($r1 - $r0) / $hz / $ok")"
  echo "$(calc "%.0f" "1e6 * ($c1 - $c0) / $hz / $ok") $l ok=$ok$extra"
}

setup_run() { # $1 pair, $2 switchboard|kamailio: prints CPU ms per 1,000 calls (server, or Kamailio + uas) and the part apart
  local side=$2 dir="$work/setup-$2-$1" target pids apart
  mkdir -p "$dir"
  if [ "$side" = switchboard ]; then target="127.0.0.1:$sip_port"; pids="$server_pid"; apart="$redis_pid"
  else target="127.0.0.1:$proxy_port"; pids="$(tree "$proxy_pid") $uas_pid"; apart=$(tree "$proxy_pid"); fi
  local l c0 a0 c1 a1
  l=$(load)
  c0=$(ticks $pids); a0=$(ticks $apart)
  ( cd "$dir" && exec sipp -sf "$here/setup.xml" "$target" -s ivr -i 127.0.0.1 -mi 127.0.0.1 -mp "$(free_port 59000)" -p "$(free_port 55000)" \
      -m "$setup_count" -r "$setup_rate" -timeout 120 -timeout_error -nostdin -trace_stat -stf stat.csv -trace_err ) >"$dir/out.txt" 2>&1 \
    || echo "compare.sh: SIPp calls exited non-zero ($side, see $dir)" >&2
  sleep 2 # the last calls' tear-down
  c1=$(ticks $pids); a1=$(ticks $apart)
  local ok
  ok=$(awk -F';' 'NR == 1 { for (j = 1; j <= NF; j++) h[$j] = j; next } { s = $h["SuccessfulCall(C)"] } END { print s + 0 }' "$dir/stat.csv" 2>/dev/null || echo 0)
  [ "$ok" -gt 0 ] || { echo "0 $l ok=0 apart=0"; return; }
  echo "$(calc "%.0f" "1e6 * ($c1 - $c0) / $hz / $ok") $l ok=$ok apart=$(calc "%.0f" "1e6 * ($a1 - $a0) / $hz / $ok")"
}

echo "compare.sh: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start ($(date -u +%H:%M:%SZ)), work $work" >&2
if wants idle || wants callers || wants registrar || wants setup; then start_server; fi
if wants setup; then start_proxy; fi
if wants idle || wants registrar; then start_kamailio; fi
if wants relay; then start_rtpengine; fi
dotnet "$tool_dll" audio "$work/caller.ul" 10

if wants callers; then
  warm_rss0="" warm_rss="" warm_sessions=""
  if [ "$callers_warm" -eq 1 ]; then
    # Unmeasured for CPU: the fresh server's first callers run tier-0 JIT code (a profile of the first pair showed a
    # quarter of the server's CPU in the JIT). Half the callers: its steady RSS is the memory figure's base.
    read -r _ _ warm_rss0 warm_rss warm_sessions < <(callers_switchboard 0 $(( (callers + 1) / 2 )))
  fi
  for p in $(seq 1 "$pairs"); do
    read -r sb lsb r0 r1 s1 < <(callers_switchboard "$p" "$callers")
    if [ "$p" = 1 ] && [ -n "$warm_rss" ]; then
      # RSS grows by one-off amounts on a fresh server (JIT code, the GC heap's and malloc's first growth, code pages):
      # per caller ADDED is the growth from the warm-up's steady state (half the callers) to pair 1's (all of them).
      printf 'memory     callers  RSS %s KB idle, %s KB with %s RTP sessions, %s KB with %s: %s KB per waiting caller from idle, %s KB per caller added (goal <= 60)\n' \
        "$warm_rss0" "$warm_rss" "$warm_sessions" "$r1" "$s1" "$(( (r1 - warm_rss0) / callers ))" \
        "$([ "$s1" -gt "$warm_sessions" ] && calc "%.0f" "($r1 - $warm_rss) / ($s1 - $warm_sessions)" || echo "n/a")" | tee -a "$results"
    fi
    read -r fl lfl < <(callers_floor "$p" plain)
    read -r fb lfb < <(callers_floor "$p" batched)
    record "callers" "$p" "$sb" floor-plain "$fl" "% core per caller, N=$callers" "$lsb/$lfl"
    record "callers" "$p" "$sb" floor-batched "$fb" "% core per caller, N=$callers" "$lsb/$lfb"
  done
fi
if wants relay; then
  for p in $(seq 1 "$pairs"); do
    read -r sb lsb sbmem < <(relay_run "$p" switchboard)
    read -r rt lrt _ < <(relay_run "$p" rtpengine)
    record "relay" "$p" "$sb" "rtpengine" "$rt" "us CPU per packet, N=$relay$([ "$reclock" -eq 1 ] && echo ", reclocked")" "$lsb/$lrt"
    printf 'memory     relay    %s per bridged call added (media engine only, N/2 -> N calls, pair %s)\n' "$sbmem" "$p" | tee -a "$results"
  done
fi
if wants registrar; then
  # Warm-up, not measured: the server's first registrations run JIT-compiled tier-0 code (a profile of the first
  # 2,000 showed a quarter of the CPU in the JIT and tiered compilation); Kamailio gets the same warm-up.
  registrar_run 0 switchboard >/dev/null
  registrar_run 0 kamailio >/dev/null
  for p in $(seq 1 "$pairs"); do
    read -r sb lsb sbok sbredis < <(registrar_run "$p" switchboard)
    read -r km lkm kmok < <(registrar_run "$p" kamailio)
    record "registrar" "$p" "$sb" "kamailio" "$km" "ms CPU per 1000 REG, $reg_rate/s" "$lsb/$lkm"
    echo "           ($sbok, $kmok; redis-server ms per 1000: ${sbredis#redis=})" | tee -a "$results"
  done
fi
if wants setup; then
  # Warm-up, not measured (JIT), as for the registrar.
  setup_run 0 switchboard >/dev/null
  setup_run 0 kamailio >/dev/null
  for p in $(seq 1 "$pairs"); do
    read -r sb lsb sbok sbredis < <(setup_run "$p" switchboard)
    read -r km lkm kmok kmalone < <(setup_run "$p" kamailio)
    record "setup" "$p" "$sb" "kamailio+uas" "$km" "ms CPU per 1000 calls, $setup_rate/s" "$lsb/$lkm"
    echo "           ($sbok, $kmok; redis-server ms per 1000: ${sbredis#apart=}; Kamailio alone: ${kmalone#apart=})" | tee -a "$results"
  done
fi
if wants idle; then
  # Last, and after --idle-warm (at least 35 s: the registrations' server transactions, Timer J, 32 s, are over).
  sleep "$idle_warm"
  for p in $(seq 1 "$pairs"); do idle_pair "$p"; done
fi

echo
echo "=== Side by side ($(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)) ==="
awk '/ ratio / { f = $1 " vs " $6; for (i = 1; i < NF; i++) if ($i == "ratio") r = $(i + 1); if (r == "n/a") next; r += 0
                if (!(f in lo)) { order[++n] = f; lo[f] = r; hi[f] = r } else { if (r < lo[f]) lo[f] = r; if (r > hi[f]) hi[f] = r } }
     END { for (i = 1; i <= n; i++) printf "%-30s ratio %.2f-%.2fx over %s\n", order[i], lo[order[i]], hi[order[i]], "the pairs above" }' "$results"
