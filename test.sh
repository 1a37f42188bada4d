#!/usr/bin/env bash
# Runs the whole Switchboard test suite against real redis-server, SIPp and baresip on loopback.
# Installs what is missing, then prints the totals as one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

eng/install-deps.sh test || { echo "0 passed, 1 failed"; exit 1; }

log=$(mktemp)
status=0
dotnet build Switchboard.sln -nologo -v:q 2>&1 | tee "$log" | grep -E "error|Build succeeded" || true
if ! grep -q "Build succeeded" "$log"; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

# --blame-hang-timeout: a hung test ends its test host instead of the CI run.
dotnet test Switchboard.sln --no-build -nologo --blame-hang-timeout 4m "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test exited with $status without a failed test (a test host crashed or hung): counted as 1 failed"
  failed=1
fi
rm -f "$log"
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
