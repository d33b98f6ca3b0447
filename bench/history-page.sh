#!/usr/bin/env bash
# The history at scale: SERVICES services x 3 environments with DAYS days of history (a release every 2-6 days moving
# down the promotion order, a few incidents: src/test/e2e/history-seed.mjs) in the file store, behind the server.
# Times, over REQUESTS requests each (curl's time_total, one at a time): a service's page with its timeline over 30 and
# 90 days, GET /api/history/<service>, the dashboard of every service, and a check (POST /api/check), which reads every
# service's history and writes what changed; then the same check on an empty history in memory, for comparison.
# The server runs with the container image's JVM options under a 384 MiB limit (as bench/server-memory.sh does).
# Usage: bench/history-page.sh [services] [days] [requests]   (needs JDK 17+, Node.js, curl)
set -euo pipefail
cd "$(dirname "$0")/.."
SERVICES=${1:-300}
DAYS=${2:-90}
REQUESTS=${3:-50}
JAR=target/envparity-runner.jar
[ -f "$JAR" ] || ./mvnw -q -B package -DskipTests
OUT=$(mktemp -d)
cleanup() { kill "${FLEET_PID:-}" "${SERVER_PID:-}" 2> /dev/null || true; rm -rf "$OUT"; }
trap cleanup EXIT

node bench/stub-fleet.mjs "$SERVICES" 20 "$OUT" > "$OUT/fleet.log" 2>&1 &
FLEET_PID=$!
for _ in $(seq 1 100); do [ -f "$OUT/parity.yaml" ] && break; sleep 0.1; done
node src/test/e2e/history-seed.mjs "$OUT/history.json" "$DAYS" dev,staging,production "${SERVICES}xs:1.1.0/1.1.0/1.0.0"
echo "history file: $(( $(stat -c %s "$OUT/history.json") / 1024 )) KiB"

OPTIONS=$(sed -n 's/^ENV JAVA_TOOL_OPTIONS="\(.*\)"$/\1/p' src/main/docker/Dockerfile.jvm)
start_server() { # store
  # shellcheck disable=SC2086 # the image's options, one word each
  java -XX:MaxRAM=384m $OPTIONS -Dquarkus.http.port=0 -Dparity.schedule.cron=off -Dquarkus.config.locations="$OUT/parity.yaml" \
    -Dparity.notify.state.store="$1" -Dparity.notify.state.file="$OUT/state.json" -jar "$JAR" > "$OUT/server-$1.log" 2>&1 &
  SERVER_PID=$!
  # One log per server: the previous server's "Listening on" must not be read before this one's log is created.
  for _ in $(seq 1 600); do grep -qs "Listening on" "$OUT/server-$1.log" && break; sleep 0.1; done
  PORT=$(sed -n 's/.*Listening on: http:\/\/[^:]*:\([0-9]*\).*/\1/p' "$OUT/server-$1.log" | head -1)
}

stop_server() {
  kill "$SERVER_PID"
  wait "$SERVER_PID" 2> /dev/null || true
  SERVER_PID=
}

measure() { # label, method, path
  local times
  times=$(for _ in $(seq 1 "$REQUESTS"); do
    curl -sf -o /dev/null -w '%{time_total}\n' -X "$2" "http://127.0.0.1:$PORT$3"
  done | sort -n)
  awk -v label="$1" -v n="$REQUESTS" '{ t[NR] = $1 * 1000 } END {
    printf "%-44s median %6.1f ms   p95 %6.1f ms   max %6.1f ms\n", label, t[int((n + 1) / 2)], t[int(n * 0.95 + 0.999)], t[n] }' <<< "$times"
}

MIDDLE=s$(printf %03d $((SERVICES / 2)))
start_server file
curl -sf -X POST "http://127.0.0.1:$PORT/api/check" > /dev/null # the first check, and the JIT's first look at it all
for path in "/services/$MIDDLE" "/services/$MIDDLE?days=90" "/api/history/$MIDDLE" "/"; do
  for _ in 1 2 3 4 5; do curl -sf -o /dev/null "http://127.0.0.1:$PORT$path"; done
done
echo "$SERVICES services x 3 environments, $DAYS days of history, $REQUESTS requests each, load average $(cut -d' ' -f1 /proc/loadavg):"
measure "GET /services/$MIDDLE (30 days)" GET "/services/$MIDDLE"
measure "GET /services/$MIDDLE?days=90" GET "/services/$MIDDLE?days=90"
measure "GET /api/history/$MIDDLE" GET "/api/history/$MIDDLE"
measure "GET / (every service)" GET "/"
measure "POST /api/check (history in the file)" POST "/api/check"
echo "peak RSS $(( $(awk '/VmHWM/ {print $2}' "/proc/$SERVER_PID/status") / 1024 )) MiB"
stop_server

start_server memory
curl -sf -X POST "http://127.0.0.1:$PORT/api/check" > /dev/null
measure "POST /api/check (empty history, in memory)" POST "/api/check"
echo "peak RSS $(( $(awk '/VmHWM/ {print $2}' "/proc/$SERVER_PID/status") / 1024 )) MiB"
stop_server
