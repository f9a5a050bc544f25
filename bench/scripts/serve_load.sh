#!/usr/bin/env bash
# Load test of POST /v1/models/credit-risk/predict over loopback with wrk, monitoring on and off in the same run.
# Prints: throughput ratio (on/off), p99 added by monitoring, RSS over 1M predictions, /metrics render time.
# Usage: [TARGET=predictions] bench/scripts/serve_load.sh [duration_seconds_per_round=10] [rounds=3] [connections=8]
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-10}; rounds=${2:-3}; connections=${3:-8}
threads=$(( connections < 2 ? connections : 2 ))  # wrk needs connections >= threads; 1 connection = latency without queueing
command -v wrk >/dev/null || { echo "wrk is required (Debian package wrk)"; exit 2; }
dotnet build src/DriftWatch.Cli -c Release -nologo -clp:ErrorsOnly >/dev/null
dll=artifacts/bin/DriftWatch.Cli/release/DriftWatch.Cli.dll
work=$(mktemp -d); trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
instance='{"age":41,"income":52000,"debt_to_income":0.3,"credit_history_months":120,"num_open_accounts":4,"loan_amount":15000,"employment_type":"salaried","device_type":"mobile"}'
cat > "$work/one.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"instances":[$instance]}'
LUA
batch=$(printf "$instance,%.0s" $(seq 1 100)); batch="{\"instances\":[${batch%,}]}"
cat > "$work/batch.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '$batch'
LUA

start() { # $1 = on|off, $2 = port
  mkdir -p "$work/$1"
  printf 'store:\n  path: %s\n  writer_capacity: 100000\nmonitoring:\n  enabled: %s\n' "$work/$1/db.sqlite" "$([ "$1" = on ] && echo true || echo false)" > "$work/$1/driftwatch.yaml"
  (cd "$work/$1" && exec dotnet "$OLDPWD/$dll" serve --urls "http://127.0.0.1:$2" --config driftwatch.yaml >"$work/$1/log" 2>&1) &
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$2/readyz" >/dev/null 2>&1 && return; sleep 0.2; done
  echo "service ($1) did not start"; cat "$work/$1/log"; exit 1
}
pid_of() { ss -ltnp "sport = :$1" | grep -oP 'pid=\K[0-9]+' | head -1; }
rss_mb() { awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$1/status"; }
run_wrk() { # $1 port, $2 script -> "rps p99_ms"
  wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -s "$2" "http://127.0.0.1:$1/v1/models/credit-risk/predict" |
    awk '/Requests\/sec/ {rps=$2} /^ +99%/ {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; p=v} END {print rps, p}'
}

echo "load before: $(uptime)"
start on 18181; start off 18182
# Warm up both (JIT, pools) before measuring.
run_wrk 18181 "$work/one.lua" >/dev/null; run_wrk 18182 "$work/one.lua" >/dev/null
on_rps=0; off_rps=0; on_p99=0; off_p99=0
for r in $(seq 1 "$rounds"); do  # alternate so drift in machine load hits both sides alike
  read -r a b < <(run_wrk 18181 "$work/one.lua"); read -r c d < <(run_wrk 18182 "$work/one.lua")
  echo "round $r: monitoring on ${a} req/s p99 ${b} ms | off ${c} req/s p99 ${d} ms"
  on_rps=$(echo "$on_rps + $a" | bc -l); on_p99=$(echo "$on_p99 + $b" | bc -l)
  off_rps=$(echo "$off_rps + $c" | bc -l); off_p99=$(echo "$off_p99 + $d" | bc -l)
done
echo "load after the rounds: $(uptime)"
printf 'throughput ratio (on/off): %.3f\n' "$(echo "$on_rps / $off_rps" | bc -l)"
printf 'p99 added by monitoring: %.0f us (on %.3f ms, off %.3f ms, mean of %d rounds)\n' \
  "$(echo "($on_p99 - $off_p99) / $rounds * 1000" | bc -l)" "$(echo "$on_p99 / $rounds" | bc -l)" "$(echo "$off_p99 / $rounds" | bc -l)" "$rounds"

# RSS over 1M predictions (100 instances per request, monitoring on).
pid=$(pid_of 18181)
count() { curl -s "http://127.0.0.1:18181/metrics" | awk '/^driftwatch_predictions_total\{/ {print $2}'; }
target=${TARGET:-1000000}; first=""
while :; do
  n=$(count); n=${n%.*}
  [ -z "$first" ] && [ "$n" -ge 100000 ] && first=$(rss_mb "$pid") && echo "RSS at $n predictions: ${first} MB"
  [ -n "$first" ] && echo "  $n predictions: RSS $(rss_mb "$pid") MB"
  [ "$n" -ge "$target" ] && break
  wrk -t"$threads" -c"$connections" -d5s -s "$work/batch.lua" "http://127.0.0.1:18181/v1/models/credit-risk/predict" >/dev/null
done
last=$(rss_mb "$pid")
printf 'RSS at %s predictions: %s MB (change %+.1f%% since 100k)\n' "$(count)" "$last" "$(echo "($last - $first) / $first * 100" | bc -l)"
curl -s "http://127.0.0.1:18181/metrics" | grep -E '^driftwatch_predictions_shed_total' || true

# /metrics render time on the running service (default model), 50 scrapes.
total=0
for _ in $(seq 1 50); do
  t=$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:18181/metrics"); total=$(echo "$total + $t" | bc -l)
done
printf '/metrics scrape (1 model x 8 features, over HTTP): %.2f ms mean of 50\n' "$(echo "$total / 50 * 1000" | bc -l)"
echo "monitor cost per row and /metrics with 3 models x 50 features: dotnet run -c Release --project bench/DriftWatch.Benchmarks -- --filter '*ServeMonitor*' '*MetricsScrape*' --job short"
