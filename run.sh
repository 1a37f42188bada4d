#!/usr/bin/env bash
# Builds (Release) and starts Switchboard with dialplans/kommun.yaml.
# Without Redis__Configuration in the environment it starts a private redis-server (AOF on, data in .data/redis,
# 127.0.0.1 only, port 6380 or another free one) and stops it again on Ctrl+C or exit.
# Any setting can be overridden the ASP.NET Core way, e.g. Sip__Port=5070 Web__Url=http://127.0.0.1:8081 ./run.sh
# Dialplan__Path=dialplans/demo.yaml ./run.sh takes calls at any hour (kommun.yaml is closed nights and weekends).
# Prints whether the line is open now and until when (sbctl hours --now). SB_CONFIGURATION=debug runs the Debug
# build; SB_NO_BUILD=1 skips the build step (the tests set both to use the build they already made).
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
cd "$root"

command -v dotnet >/dev/null 2>&1 || { echo "run.sh: the .NET 10 SDK is needed (dotnet not on PATH)" >&2; exit 1; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  if ! port_open 6380; then echo 6380; return; fi
  local p
  for _ in $(seq 1 50); do
    p=$(( 20000 + RANDOM % 20000 ))
    port_open "$p" || { echo "$p"; return; }
  done
  echo "run.sh: no free port for Redis" >&2
  return 1
}

redis_pid=""
server_pid=""
cleanup() {
  trap - EXIT INT TERM
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [ -n "$redis_pid" ] && kill -0 "$redis_pid" 2>/dev/null; then
    echo "run.sh: stopping private Redis (pid $redis_pid)" >&2
    kill -TERM "$redis_pid" 2>/dev/null || true
    wait "$redis_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

config="${SB_CONFIGURATION:-release}"
if [ "${SB_NO_BUILD:-}" != "1" ]; then
  echo "run.sh: building Switchboard ($config)..." >&2
  dotnet build src/Switchboard.Server/Switchboard.Server.csproj -c "$config" -nologo -v:q -clp:ErrorsOnly
fi
dll="${SB_ARTIFACTS:-$root/artifacts}/bin/Switchboard.Server/$config/Switchboard.Server.dll"
[ -f "$dll" ] || { echo "run.sh: build output not found: $dll" >&2; exit 1; }

if [ -z "${Redis__Configuration:-}" ]; then
  eng/install-deps.sh run
  redis_port=$(free_port)
  mkdir -p .data/redis
  redis-server --port "$redis_port" --bind 127.0.0.1 --protected-mode yes \
    --dir "$root/.data/redis" --appendonly yes --appendfsync everysec \
    --daemonize no --logfile "$root/.data/redis/redis.log" &
  redis_pid=$!
  for _ in $(seq 1 100); do
    port_open "$redis_port" && break
    kill -0 "$redis_pid" 2>/dev/null || { echo "run.sh: redis-server failed to start; see .data/redis/redis.log" >&2; exit 1; }
    sleep 0.1
  done
  port_open "$redis_port" || { echo "run.sh: redis-server did not listen on 127.0.0.1:$redis_port" >&2; exit 1; }
  export Redis__Configuration="127.0.0.1:$redis_port"
  echo "run.sh: private Redis on 127.0.0.1:$redis_port (AOF in .data/redis), pid $redis_pid" >&2
fi

export Dialplan__Path="${Dialplan__Path:-$root/dialplans/kommun.yaml}"
sip_bind="${Sip__BindAddress:-127.0.0.1}"
sip_port="${Sip__Port:-5060}"
api_url="${Api__Url:-http://127.0.0.1:5090}"
web_url="${Web__Url:-http://127.0.0.1:8080}"
web_url="${web_url%/}"

# What a caller gets right now, from the dialplan file's calendar (a supervisor's live override is not seen here).
line_status=$("$root/sbctl" hours "$Dialplan__Path" --now 2>/dev/null) || line_status="(sbctl hours --now failed; run it by hand)"
case "$line_status" in
  *": closed now"*) line_status="$line_status
             (callers hear the closed-hours message; to try calls at any hour: Dialplan__Path=dialplans/demo.yaml ./run.sh)" ;;
esac

dotnet "$dll" &
server_pid=$!

web_port="${web_url##*:}"
web_port="${web_port%/}"
for _ in $(seq 1 300); do
  port_open "$web_port" && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done

if kill -0 "$server_pid" 2>/dev/null; then
  cat >&2 <<EOF

  Switchboard is running (Ctrl+C stops it$([ -n "$redis_pid" ] && echo " and its Redis")):
    SIP      udp+tcp $sip_bind:$sip_port
    gRPC     $api_url
    web      $web_url/   (wallboard: $web_url/wallboard, health: $web_url/healthz, metrics: $web_url/metrics)
    dialplan $Dialplan__Path
    line     $line_status
    Redis    $Redis__Configuration

EOF
fi

set +e
wait "$server_pid"
status=$?
server_pid=""
exit "$status"
