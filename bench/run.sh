#!/usr/bin/env bash
# Benchmark of one whole check: 100 services x 3 environments (600 requests) against stub environments that
# answer after 100 ms (a sequential prober would need 600 x 100 ms = 60 s), measured three ways:
#   1. the CLI, `check --json`, a cold JVM as a CI gate runs it (wall time, slowest probe, peak RSS);
#   2. the same fleet with one endpoint that never answers (timeout 2s): it must cost about its timeout;
#   3. the server, warm: the fifth POST /api/check of one process (what the schedule and Lambda reuse get).
# Usage: bench/run.sh [services] [latency_ms]   (needs JDK 17+, Node.js, jq, curl and GNU time)
set -euo pipefail
cd "$(dirname "$0")/.."
SERVICES=${1:-100}
LATENCY=${2:-100}
JAR=target/envparity-runner.jar
[ -f "$JAR" ] || ./mvnw -q -B package -DskipTests
OUT=$(mktemp -d)
cleanup() { kill "${FLEET_PID:-}" "${SERVER_PID:-}" 2>/dev/null || true; rm -rf "$OUT"; }
trap cleanup EXIT

start_fleet() {
  kill "${FLEET_PID:-}" 2>/dev/null || true
  rm -f "$OUT/parity.yaml"
  node bench/stub-fleet.mjs "$SERVICES" "$LATENCY" "$OUT" "$@" > "$OUT/fleet.log" 2>&1 &
  FLEET_PID=$!
  for _ in $(seq 1 100); do [ -f "$OUT/parity.yaml" ] && return; sleep 0.1; done
  echo "stub fleet did not start" >&2; cat "$OUT/fleet.log" >&2; exit 1
}

summary() { # label, report file, extra text
  jq -r --arg name "$1" --arg extra "$3" '
    ([.services[].environments[].latencyMs] | max) as $slowest
    | "\($name): \(.services | length) services x \(.environments | length) environments, check \(.durationMs) ms, "
      + "slowest probe \($slowest) ms, ratio \((.durationMs / $slowest * 100 | round) / 100)\($extra)"' "$2"
}

cli_check() { # label
  /usr/bin/time -f '%e %M' -o "$OUT/time" java -Dquarkus.config.locations="$OUT/parity.yaml" \
    -jar "$JAR" check --json > "$OUT/report.json" 2> "$OUT/stderr"
  read -r process_s rss_kb < "$OUT/time"
  summary "$1" "$OUT/report.json" "; whole process ${process_s} s, peak RSS $((rss_kb / 1024)) MiB"
}

start_fleet
cli_check "warm-up of disk caches (discarded)" > /dev/null
cli_check "CLI, ${LATENCY} ms stubs"
start_fleet hang
cli_check "CLI, one endpoint never answers (timeout 2s)"

start_fleet
java -Dquarkus.http.port=0 -Dparity.schedule.cron=off -Dquarkus.config.locations="$OUT/parity.yaml" \
  -jar "$JAR" > "$OUT/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do grep -q "Listening on" "$OUT/server.log" && break; sleep 0.1; done
PORT=$(sed -n 's/.*Listening on: http:\/\/[^:]*:\([0-9]*\).*/\1/p' "$OUT/server.log" | head -1)
for _ in 1 2 3 4 5; do curl -sf -X POST "http://127.0.0.1:$PORT/api/check" > "$OUT/server.json"; done
rss_kb=$(awk '/VmHWM/ {print $2}' "/proc/$SERVER_PID/status")
summary "server, 5th check in one process" "$OUT/server.json" "; server peak RSS $((rss_kb / 1024)) MiB"
