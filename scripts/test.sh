#!/usr/bin/env bash
# The README's test command: installs what the tests need when missing, builds, runs every test project,
# and ends with one line: "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")/.."

need=()
command -v prometheus >/dev/null 2>&1 || need+=(prometheus)
command -v prometheus-alertmanager >/dev/null 2>&1 || need+=(prometheus-alertmanager)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing Debian packages: ${need[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null 2>&1 \
    || echo "warning: could not install ${need[*]}; tests that need them will fail"
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if ! dotnet build DriftWatch.slnx -c Release -nologo -clp:ErrorsOnly; then
  echo "0 passed, 1 failed"
  exit 1
fi

log=$(mktemp)
dotnet test --solution DriftWatch.slnx -c Release --no-build "$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}

total=$(grep -E '^\s+total: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+')
failed=$(grep -E '^\s+failed: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+')
passed=$(grep -E '^\s+succeeded: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+')
skipped=$(grep -E '^\s+skipped: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+')
rm -f "$log"
total=${total:-0}; failed=${failed:-0}; passed=${passed:-0}; skipped=${skipped:-0}
# A test host that crashed reports no summary: count it as a failure.
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi

line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo
echo "$line"
[ "$rc" -eq 0 ] && [ "$failed" -eq 0 ]
