#!/usr/bin/env bash
# A whole Switchboard cluster on loopback, for trying it and for the cluster tests:
#   Kamailio (dispatcher) on NET.10:SIP_PORT in front of N Switchboard nodes on NET.11, NET.12, ... (SIP_PORT each),
#   Redis primary NET.20:REDIS_PORT, replica NET.21:REDIS_PORT, three redis-sentinels NET.20-22:SENTINEL_PORT.
#
#   deploy/local-cluster.sh up [--nodes N]    start everything, wait until Kamailio has every node in rotation
#   deploy/local-cluster.sh down              stop everything now (nodes: SIGTERM twice, no draining), keep the logs
#   deploy/local-cluster.sh status            what runs, and which Redis is primary
#   deploy/local-cluster.sh stop-node I       SIGTERM node I (it drains: 503 to new calls, keeps its calls) and wait
#   deploy/local-cluster.sh kill-node I       SIGKILL node I, as a crash
#   deploy/local-cluster.sh start-node I      start node I again and wait until it is healthy
#   deploy/local-cluster.sh kill-primary      SIGKILL the Redis primary (the sentinels promote the replica)
#   deploy/local-cluster.sh start-redis I     start Redis I (1 or 2) again; the sentinels make it a replica
#   deploy/local-cluster.sh primary           print the primary's address as the sentinels see it
#   deploy/local-cluster.sh wait-rotation     wait until Kamailio has every node in rotation again
#
# Settings (environment): CLUSTER_DIR (state, logs, pids; default .data/cluster), CLUSTER_NET (first three octets,
# default 127.0.0), SIP_PORT (5060), REDIS_PORT (6379), SENTINEL_PORT (26379), API_PORT (5090), WEB_PORT (8080),
# SB_SERVER_DLL (a built Switchboard.Server.dll; default: build Release), NODE_DRAIN_TIMEOUT (seconds stop-node waits,
# default 330). Every other variable in the environment reaches the nodes (e.g. Sip__Accounts__0__User=anna,
# Drain__Deadline=00:02:00). Every node gets the same Sip__Domain (default: Kamailio's address), the host part of the
# address agents' phones register under through Kamailio, so any node finds any phone's binding in Redis.
# `up` writes CLUSTER_DIR/cluster.env with every address, for scripts and tests.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

dir="${CLUSTER_DIR:-$root/.data/cluster}"
net="${CLUSTER_NET:-127.0.0}"
sip_port="${SIP_PORT:-5060}"
redis_port="${REDIS_PORT:-6379}"
sentinel_port="${SENTINEL_PORT:-26379}"
api_port="${API_PORT:-5090}"
web_port="${WEB_PORT:-8080}"
service="switchboard"
kamailio_ip="$net.10"

die() { echo "local-cluster: $*" >&2; exit 1; }
log() { echo "local-cluster: $*" >&2; }
node_ip() { echo "$net.$((10 + $1))"; }
redis_ip() { echo "$net.$((19 + $1))"; }        # Redis 1 on .20, Redis 2 on .21
sentinel_ip() { echo "$net.$((19 + $1))"; }     # sentinels 1-3 on .20, .21, .22
sentinels() { echo "$(sentinel_ip 1):$sentinel_port,$(sentinel_ip 2):$sentinel_port,$(sentinel_ip 3):$sentinel_port"; }
pid_of() { [ -f "$dir/$1.pid" ] && cat "$dir/$1.pid" || true; }
alive() { local p; p=$(pid_of "$1"); [ -n "$p" ] && kill -0 "$p" 2>/dev/null; }

# wait_for <seconds> <what> <command...>: polls the command every 0.1 s.
wait_for() {
  local seconds=$1 what=$2; shift 2
  local end=$(( $(date +%s) + seconds ))
  until "$@" >/dev/null 2>&1; do
    [ "$(date +%s)" -lt "$end" ] || die "timed out after ${seconds}s waiting for $what (logs in $dir)"
    sleep 0.1
  done
}

# spawn <name> <command...>: starts a process in its own session, output to <name>.log, pid to <name>.pid.
spawn() {
  local name=$1; shift
  alive "$name" && die "$name already runs (pid $(pid_of "$name"))"
  setsid "$@" >>"$dir/$name.log" 2>&1 < /dev/null &
  echo $! > "$dir/$name.pid"
}

stop() { # stop <name> <signal> <seconds>
  local name=$1 signal=$2 seconds=$3 p
  p=$(pid_of "$name")
  [ -n "$p" ] || return 0
  if kill -0 "$p" 2>/dev/null; then
    kill "-$signal" "$p" 2>/dev/null || true
    local end=$(( $(date +%s) + seconds ))
    while kill -0 "$p" 2>/dev/null; do
      if [ "$(date +%s)" -ge "$end" ]; then
        log "$name did not stop within ${seconds}s of SIG$signal; SIGKILL"
        kill -KILL "$p" 2>/dev/null || true
      fi
      sleep 0.1
    done
  fi
  rm -f "$dir/$name.pid"
}

server_dll() {
  if [ -n "${SB_SERVER_DLL:-}" ]; then echo "$SB_SERVER_DLL"; return; fi
  if [ -f "$dir/cluster.env" ] && grep -q '^SB_SERVER_DLL=' "$dir/cluster.env"; then
    grep '^SB_SERVER_DLL=' "$dir/cluster.env" | cut -d= -f2-; return
  fi
  log "building Switchboard (Release)..."
  dotnet build src/Switchboard.Server/Switchboard.Server.csproj -c Release -nologo -v:q -clp:ErrorsOnly >&2
  echo "${SB_ARTIFACTS:-$root/artifacts}/bin/Switchboard.Server/release/Switchboard.Server.dll"
}

redis_ping() { [ "$(redis-cli -h "$1" -p "$2" ping 2>/dev/null)" = "PONG" ]; }

start_redis() { # start_redis <1|2> [replicaof-ip]
  local i=$1 ip; ip=$(redis_ip "$1")
  mkdir -p "$dir/redis-$i"
  local replica=()
  [ -n "${2:-}" ] && replica=(--replicaof "$2" "$redis_port")
  spawn "redis-$i" redis-server --bind "$ip" --port "$redis_port" --protected-mode no --dir "$dir/redis-$i" \
    --appendonly yes --appendfsync everysec --save "" --replica-announce-ip "$ip" \
    --repl-diskless-sync yes --repl-diskless-sync-delay 0 "${replica[@]}"
  wait_for 10 "redis-$i on $ip:$redis_port" redis_ping "$ip" "$redis_port"
}

start_sentinel() { # start_sentinel <1|2|3>
  local i=$1 ip conf; ip=$(sentinel_ip "$1"); conf="$dir/sentinel-$i.conf"
  cat > "$conf" <<CONF
bind $ip
port $sentinel_port
dir $dir
sentinel announce-ip $ip
sentinel monitor $service $(redis_ip 1) $redis_port 2
sentinel down-after-milliseconds $service 1000
sentinel failover-timeout $service 3000
sentinel parallel-syncs $service 1
CONF
  spawn "sentinel-$i" redis-sentinel "$conf"
  wait_for 10 "sentinel-$i on $ip:$sentinel_port" redis_ping "$ip" "$sentinel_port"
}

quorum_ready() { redis-cli -h "$(sentinel_ip 1)" -p "$sentinel_port" sentinel ckquorum "$service" 2>/dev/null | grep -q "^OK 3 usable"; }
replica_known() { [ "$(redis-cli -h "$(sentinel_ip "$1")" -p "$sentinel_port" sentinel replicas "$service" 2>/dev/null | grep -c '^flags$')" -ge 1 ]; }
all_replica_known() { replica_known 1 && replica_known 2 && replica_known 3; }

primary() { redis-cli -h "$(sentinel_ip 1)" -p "$sentinel_port" sentinel get-master-addr-by-name "$service" 2>/dev/null | paste -sd: -; }

node_env() { # node_env <i>: the settings of node i, as NAME=value words for env(1)
  local i=$1 ip; ip=$(node_ip "$1")
  echo "Sip__BindAddress=$ip" "Sip__Port=$sip_port" "Media__Address=$ip" \
    "Api__Url=http://$ip:$api_port" "Web__Url=http://$ip:$web_port" "Acd__NodeId=node-$i" \
    "Redis__Configuration=$(sentinels),serviceName=$service,name=node-$i" "DOTNET_NOLOGO=1" \
    "Drain__Settle=${Drain__Settle:-00:00:02}" "Sip__Domain=${Sip__Domain:-$kamailio_ip}"
}

healthy() { curl -fsS -o /dev/null --max-time 2 "http://$1:$web_port/healthz"; }

start_node() { # start_node <i> <dll>
  local i=$1 dll=$2
  # shellcheck disable=SC2046
  spawn "node-$i" env $(node_env "$i") dotnet "$dll"
  wait_for 60 "node $i healthy on http://$(node_ip "$i"):$web_port/healthz" healthy "$(node_ip "$i")"
}

kamcmd_() { kamcmd -s "unix:$dir/kamailio.ctl" "$@"; }
# Every set-1 destination active ("AP": active + probing).
in_rotation() { [ "$(kamcmd_ dispatcher.list 2>/dev/null | grep -c 'FLAGS: AP')" -ge "$1" ]; }

up() {
  local nodes=2
  while [ $# -gt 0 ]; do
    case "$1" in
      --nodes) nodes=$2; shift 2 ;;
      *) die "unknown option $1" ;;
    esac
  done
  [ "$nodes" -ge 1 ] && [ "$nodes" -le 9 ] || die "--nodes takes 1..9"
  eng/install-deps.sh cluster
  mkdir -p "$dir"
  local dll; dll=$(server_dll)
  [ -f "$dll" ] || die "Switchboard.Server.dll not found: $dll"

  start_redis 1
  start_redis 2 "$(redis_ip 1)"
  for i in 1 2 3; do start_sentinel "$i"; done
  wait_for 30 "the three sentinels to know each other" quorum_ready
  wait_for 30 "the sentinels to know the replica" all_replica_known

  for i in $(seq 1 "$nodes"); do start_node "$i" "$dll"; done

  : > "$dir/dispatcher.list"
  for i in $(seq 1 "$nodes"); do echo "1 sip:$(node_ip "$i"):$sip_port 8" >> "$dir/dispatcher.list"; done
  for i in $(seq 1 "$nodes"); do echo "2 sip:$(node_ip "$i"):$sip_port 0" >> "$dir/dispatcher.list"; done
  spawn kamailio kamailio -f "$root/deploy/kamailio/kamailio.cfg" -D -E -w "$dir" \
    -l "udp:$kamailio_ip:$sip_port" -l "tcp:$kamailio_ip:$sip_port" \
    -A "DS_LIST=\"$dir/dispatcher.list\"" -A "CTL_SOCKET=\"unix:$dir/kamailio.ctl\"" -P "$dir/kamailio.main.pid"
  wait_for 30 "Kamailio to have all $nodes nodes in rotation" in_rotation "$nodes"

  {
    echo "KAMAILIO=$kamailio_ip:$sip_port"
    echo "SIP_DOMAIN=${Sip__Domain:-$kamailio_ip}"
    echo "NODES=$nodes"
    for i in $(seq 1 "$nodes"); do
      echo "NODE_${i}_SIP=$(node_ip "$i"):$sip_port"
      echo "NODE_${i}_API=http://$(node_ip "$i"):$api_port"
      echo "NODE_${i}_WEB=http://$(node_ip "$i"):$web_port"
    done
    echo "REDIS_1=$(redis_ip 1):$redis_port"
    echo "REDIS_2=$(redis_ip 2):$redis_port"
    echo "SENTINELS=$(sentinels)"
    echo "REDIS_CONFIGURATION=$(sentinels),serviceName=$service"
    echo "SB_SERVER_DLL=$dll"
  } > "$dir/cluster.env"
  log "up: Kamailio sip:$kamailio_ip:$sip_port -> $nodes node(s); Redis primary $(primary) via sentinels $(sentinels)"
}

down() {
  stop kamailio TERM 10
  local f p
  # Nodes: SIGTERM starts draining, a second SIGTERM stops at once (calls still up end with a BYE).
  for f in "$dir"/node-*.pid; do
    [ -e "$f" ] || continue
    p=$(cat "$f"); kill -TERM "$p" 2>/dev/null || true
  done
  sleep 0.2
  for f in "$dir"/node-*.pid; do
    [ -e "$f" ] || continue
    p=$(cat "$f"); kill -TERM "$p" 2>/dev/null || true
  done
  for f in "$dir"/node-*.pid; do [ -e "$f" ] && stop "$(basename "$f" .pid)" TERM 20; done
  for i in 1 2 3; do stop "sentinel-$i" TERM 10; done
  for i in 1 2; do stop "redis-$i" TERM 10; done
  log "down (logs kept in $dir)"
}

status() {
  local f name
  for f in "$dir"/*.pid; do
    [ -e "$f" ] || continue
    name=$(basename "$f" .pid)
    [ "$name" = kamailio.main ] && continue
    if alive "$name"; then echo "$name running (pid $(pid_of "$name"))"; else echo "$name stopped"; fi
  done
  echo "primary $(primary)"
}

[ $# -ge 1 ] || die "usage: $0 up [--nodes N] | down | status | stop-node I | kill-node I | start-node I | kill-primary | start-redis I | primary | wait-rotation"
command=$1; shift
case "$command" in
  up) up "$@" ;;
  down) down ;;
  status) status ;;
  stop-node) stop "node-$1" TERM "${NODE_DRAIN_TIMEOUT:-330}" ;;
  kill-node) stop "node-$1" KILL 10 ;;
  start-node) start_node "$1" "$(server_dll)" ;;
  kill-primary)
    p=$(primary); [ -n "$p" ] || die "no primary known to sentinel 1"
    for i in 1 2; do
      if [ "$(redis_ip "$i"):$redis_port" = "$p" ]; then stop "redis-$i" KILL 10; log "killed redis-$i ($p)"; fi
    done ;;
  start-redis)
    p=$(primary); start_redis "$1" "${p%%:*}" ;;
  primary) primary ;;
  wait-rotation)
    n=$(grep '^NODES=' "$dir/cluster.env" | cut -d= -f2)
    wait_for 30 "Kamailio to have all $n nodes in rotation" in_rotation "$n" ;;
  *) die "unknown command $command" ;;
esac
