#!/usr/bin/env bash
# The server's memory as the container image runs it (src/main/docker/Dockerfile.jvm): its JVM options under a
# memory limit, a stub fleet of SERVICES x 3 environments, CHECKS checks in a row (POST /api/check, each followed by
# the dashboard), then the peak RSS (VmHWM). deploy/kubernetes sizes its requests and limits from this.
# -XX:MaxRAM stands for the container's limit: the JVM sizes its heap from it as it would from the cgroup's.
# Usage: bench/server-memory.sh [services] [limit] [checks]   (needs JDK 17+, Node.js, curl)
set -euo pipefail
cd "$(dirname "$0")/.."
SERVICES=${1:-300}
LIMIT=${2:-384m}
CHECKS=${3:-60}
JAR=target/envparity-runner.jar
[ -f "$JAR" ] || ./mvnw -q -B package -DskipTests
OUT=$(mktemp -d)
cleanup() { kill "${FLEET_PID:-}" "${SERVER_PID:-}" 2> /dev/null || true; rm -rf "$OUT"; }
trap cleanup EXIT

node bench/stub-fleet.mjs "$SERVICES" 100 "$OUT" > "$OUT/fleet.log" 2>&1 &
FLEET_PID=$!
for _ in $(seq 1 100); do [ -f "$OUT/parity.yaml" ] && break; sleep 0.1; done
OPTIONS=$(sed -n 's/^ENV JAVA_TOOL_OPTIONS="\(.*\)"$/\1/p' src/main/docker/Dockerfile.jvm)
# shellcheck disable=SC2086 # the image's options, one word each
java -XX:MaxRAM="$LIMIT" $OPTIONS -Dquarkus.http.port=0 -Dparity.schedule.cron=off \
  -Dquarkus.config.locations="$OUT/parity.yaml" -Dparity.notify.state.file="$OUT/state.json" -jar "$JAR" > "$OUT/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 600); do grep -q "Listening on" "$OUT/server.log" && break; sleep 0.1; done
PORT=$(sed -n 's/.*Listening on: http:\/\/[^:]*:\([0-9]*\).*/\1/p' "$OUT/server.log" | head -1)
for _ in $(seq 1 "$CHECKS"); do
  curl -sf -X POST "http://127.0.0.1:$PORT/api/check" > /dev/null
  curl -sf "http://127.0.0.1:$PORT/" > /dev/null
done
hwm=$(awk '/VmHWM/ {print $2}' "/proc/$SERVER_PID/status")
echo "server, $SERVICES services x 3 environments, $CHECKS checks, limit $LIMIT, $OPTIONS: peak RSS $((hwm / 1024)) MiB"
