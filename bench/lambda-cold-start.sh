#!/usr/bin/env bash
# The JVM Lambda function's cold start, as AWS runs it: the AWS runtime interface client (from Maven Central) loads
# QuarkusStreamHandler from function.zip's jar and lib/, polls a stand-in Runtime API (bench/lambda-runtime-api.mjs)
# and answers one direct invocation {"action":"check"} against the stub fleet.
#
#   bench/lambda-cold-start.sh [runs] [services] [latency_ms]     (default 3 runs, 100 services, 100 ms)
#   BENCH_TARGET=/other/checkout/target bench/lambda-cold-start.sh     (another build, to compare)
#
# Reports per run: init (JVM start until the first poll for an event: Quarkus booted by the handler class) and
# the first check (event handed over until the report is posted back), in ms, with the load average.
# JVM flags: TieredStopAtLevel=1 as AWS's Java runtimes set by default, and the serial collector (one vCPU).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
SERVICES=${2:-100}
LATENCY=${3:-100}
TARGET=${BENCH_TARGET:-target} # another build's target/ folder, to compare
JAR=$TARGET/envparity-runner.jar
[ -f "$JAR" ] || ./mvnw -q -B package -DskipTests
RIC=target/bench-lambda
if [ ! -f "$RIC/aws-lambda-java-runtime-interface-client-2.10.1.jar" ]; then
  for artifact in com.amazonaws:aws-lambda-java-runtime-interface-client:2.10.1 \
    com.amazonaws:aws-lambda-java-serialization:1.2.0 software.amazon.awssdk:utils-lite:2.34.0; do
    ./mvnw -q -B dependency:copy -Dartifact="$artifact" -DoutputDirectory="$RIC"
  done
fi
OUT=$(mktemp -d)
cleanup() { kill "${FLEET_PID:-}" "${API_PID:-}" "${FN_PID:-}" 2>/dev/null || true; rm -rf "$OUT"; }
trap cleanup EXIT

node bench/stub-fleet.mjs "$SERVICES" "$LATENCY" "$OUT" > "$OUT/fleet.log" 2>&1 &
FLEET_PID=$!
for _ in $(seq 1 100); do [ -f "$OUT/parity.yaml" ] && break; sleep 0.1; done

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); $(java -version 2>&1 | head -n 1); $SERVICES services x 3 environments, stubs $LATENCY ms"
echo "run load(1/5/15) init_ms first_check_ms report_durationMs"
for run in $(seq 1 "$RUNS"); do
  rm -f "$OUT/port"
  node bench/lambda-runtime-api.mjs "$OUT/port" '{"action":"check"}' > "$OUT/timings" &
  API_PID=$!
  for _ in $(seq 1 100); do [ -s "$OUT/port" ] && break; sleep 0.05; done
  load=$(cut -d ' ' -f 1-3 /proc/loadavg | tr ' ' '/')
  AWS_LAMBDA_RUNTIME_API=127.0.0.1:$(cat "$OUT/port") AWS_LAMBDA_FUNCTION_NAME=envparity AWS_REGION=us-east-1 \
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE=1024 QUARKUS_PROFILE=lambda _HANDLER=io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest \
    java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dquarkus.config.locations="$OUT/parity.yaml" \
    -cp "$JAR:$TARGET/lib/*:$RIC/*" com.amazonaws.services.lambda.runtime.api.client.AWSLambda \
    io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest > "$OUT/fn.log" 2>&1 &
  FN_PID=$!
  wait "$API_PID" || { echo "the function did not answer:" >&2; cat "$OUT/fn.log" >&2; exit 1; }
  kill "$FN_PID" 2>/dev/null || true
  wait "$FN_PID" 2>/dev/null || true
  # Node started just before the JVM: init is measured from its start, a few ms early at most.
  jq -r --arg run "$run" --arg load "$load" '"\($run) \($load) \(.ready) \(.response - .sent) \(.durationMs) \(.error // "")"' "$OUT/timings"
done
