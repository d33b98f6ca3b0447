#!/usr/bin/env bash
# Benchmark: envparity's CLI side by side with the fastest script a team could write instead, on one stub fleet.
#
#   bench/run.sh [services] [latency_ms] [rounds]     (default: 100 services x 3 environments, 100 ms, 5 rounds)
#
# 1. Side by side, interleaved, `rounds` times on the same fleet (services x 3 environments x 2 endpoints):
#    - curl: one `curl --parallel --parallel-max 600` fetching every health and info URL, no comparison;
#    - jar: `java -jar target/envparity-runner.jar check --json`, the JVM's defaults;
#    - launcher: `bin/envparity check --json` from the distribution (target/envparity-<version>-cli.tar.gz),
#      unpacked in a temporary folder; its class-data sharing archive is made by a first, separate run.
#    Each: whole-process wall time, CPU time and peak RSS (GNU time); for envparity also the check's durationMs,
#    the p50 and max latencyMs of the probes, and the check / slowest-probe ratio. Then medians, and the ratio
#    envparity / curl of whole-process wall times.
# 2. One endpoint that never answers (timeout 2 s): the check costs about its timeout.
# 3. Server, warm, through java -jar and bin/envparity: the fifth POST /api/check of one process and its peak RSS,
#    on the same fleet and on one of 300 services.
# The load average is printed with every round: the machine may be shared.
# Needs a JDK 17+, Node.js, jq, curl and GNU time. BENCH_JAVA_HOME=<jdk> adds a launcher column on that JDK.
set -euo pipefail
cd "$(dirname "$0")/.."
SERVICES=${1:-100}
LATENCY=${2:-100}
ROUNDS=${3:-5}
SERVER_SERVICES=300
JAR=target/envparity-runner.jar
DIST=$(compgen -G 'target/envparity-*-cli.tar.gz' | head -n 1 || true)
if [ ! -f "$JAR" ] || [ -z "$DIST" ]; then
  ./mvnw -q -B package -DskipTests
  DIST=$(compgen -G 'target/envparity-*-cli.tar.gz' | head -n 1)
fi
OUT=$(mktemp -d)
cleanup() { kill "${FLEET_PID:-}" "${SERVER_PID:-}" 2>/dev/null || true; rm -rf "$OUT"; }
trap cleanup EXIT

tar -xzf "$DIST" -C "$OUT"
LAUNCHER=$(echo "$OUT"/envparity-*/bin/envparity)
export ENVPARITY_CACHE_DIR=$OUT/cache ENVPARITY_CDS=on # the archive is written by the first run even where CI is set

start_fleet() { # services, then "hang" or nothing
  local services=$1
  shift
  kill "${FLEET_PID:-}" 2>/dev/null || true
  rm -f "$OUT/parity.yaml"
  node bench/stub-fleet.mjs "$services" "$LATENCY" "$OUT" "$@" > "$OUT/fleet.log" 2>&1 &
  FLEET_PID=$!
  for _ in $(seq 1 100); do [ -f "$OUT/parity.yaml" ] && break; sleep 0.1; done
  [ -f "$OUT/parity.yaml" ] || { echo "stub fleet did not start" >&2; cat "$OUT/fleet.log" >&2; exit 1; }
  # The script a team would write instead: every health and info URL, all at once, bodies thrown away.
  sed -n 's/^ *[a-z]*: \(http:.*\)$/\1/p' "$OUT/parity.yaml" \
    | awk '{ printf "url = \"%s/actuator/health\"\noutput = /dev/null\nurl = \"%s/actuator/info\"\noutput = /dev/null\n", $1, $1 }' \
    > "$OUT/curl.cfg"
}

load() { cut -d ' ' -f 1-3 /proc/loadavg; }

timed() { # label, command...: "label wall_s cpu_s rss_mib", stdout of the command in $OUT/out
  local label=$1
  shift
  /usr/bin/time -f '%e %U %S %M' -o "$OUT/time" "$@" > "$OUT/out" 2> "$OUT/stderr" || {
    local code=$?
    [ "$code" -le 1 ] || { echo "$label failed (exit $code):" >&2; cat "$OUT/stderr" >&2; exit 1; }
  }
  read -r wall user sys rss_kb < "$OUT/time"
  echo "$label $wall $(echo "$user + $sys" | bc) $((rss_kb / 1024))"
}

report_figures() { # durationMs p50 max ratio, from the report in $OUT/out
  jq -r '([.services[].environments[].latencyMs] | sort) as $l
    | "\(.durationMs) \($l[($l | length) / 2 | floor]) \($l | max)"' "$OUT/out" \
    | awk '{ printf "%s %s %s %.2f", $1, $2, $3, $1 / $3 }'
}

run_curl() { timed curl curl -s --parallel --parallel-max 600 -K "$OUT/curl.cfg"; }
# The state and the history in the benchmark's folder, not in the checkout: each run starts from the same.
STATE="-Dparity.notify.state.file=$OUT/state.json"
run_jar() { timed jar java -Dquarkus.config.locations="$OUT/parity.yaml" "$STATE" -jar "$JAR" check --json; }
run_launcher() { timed "${1:-launcher}" "$LAUNCHER" -Dquarkus.config.locations="$OUT/parity.yaml" "$STATE" check --json; }
run_launcher25() { JAVA_HOME=$BENCH_JAVA_HOME run_launcher launcher-jdk"$BENCH_JAVA_MAJOR"; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(java -version 2>&1 | head -n 1), node $(node --version), $(curl --version | head -n 1 | cut -d ' ' -f 1-2)"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); fleet: $SERVICES services x 3 environments x 2 endpoints = $((SERVICES * 6)) requests, stubs answer after $LATENCY ms"
start_fleet "$SERVICES"
variants=(curl jar launcher)
if [ -n "${BENCH_JAVA_HOME:-}" ]; then
  BENCH_JAVA_MAJOR=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$BENCH_JAVA_HOME/release")
  variants+=(launcher25)
  JAVA_HOME=$BENCH_JAVA_HOME "$LAUNCHER" -Dquarkus.config.locations="$OUT/parity.yaml" check --json > /dev/null 2>&1 || true
  # From Java 25 the archive is an AOT cache, assembled in the background after that first check.
  for _ in $(seq 1 600); do
    [ "$BENCH_JAVA_MAJOR" -lt 25 ] || compgen -G "$ENVPARITY_CACHE_DIR/*.aot" > /dev/null && break
    sleep 0.5
  done
fi
# The launcher's first check on a machine writes its class-data sharing archive (and warms the disk caches).
first=$(run_launcher "launcher-first-run")
echo "$first ($(report_figures)) — writes the archive; later runs use it"
run_jar > /dev/null # disk caches for the jar, discarded

echo
echo "round load(1 5 15) | variant wall_s cpu_s rss_mib [check_ms p50_ms max_ms check/slowest]"
: > "$OUT/rows"
for round in $(seq 1 "$ROUNDS"); do
  for variant in "${variants[@]}"; do
    line="$round $(load | tr ' ' '/') $("run_$variant")"
    [ "$variant" = curl ] || line="$line $(report_figures)"
    echo "$line" | tee -a "$OUT/rows"
  done
done

echo
echo "medians over $ROUNDS rounds (stubs answer after $LATENCY ms):"
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
curl_wall=$(awk '$3 == "curl" { print $4 }' "$OUT/rows" | median)
for variant in "${variants[@]}"; do
  label=$variant
  [ "$variant" = launcher25 ] && label=launcher-jdk$BENCH_JAVA_MAJOR
  rows=$(awk -v v="$label" '$3 == v' "$OUT/rows")
  wall=$(echo "$rows" | awk '{ print $4 }' | median)
  cpu=$(echo "$rows" | awk '{ print $5 }' | median)
  rss=$(echo "$rows" | awk '{ print $6 }' | median)
  text="  $label: whole process ${wall} s, CPU ${cpu} s, peak RSS ${rss} MiB"
  if [ "$variant" != curl ]; then
    text="$text; check $(echo "$rows" | awk '{ print $7 }' | median) ms, latencyMs p50 $(echo "$rows" | awk '{ print $8 }' | median) ms"
    text="$text / max $(echo "$rows" | awk '{ print $9 }' | median) ms (stubs: $LATENCY ms)"
    text="$text, check/slowest probe $(echo "$rows" | awk '{ print $10 }' | median)"
    text="$text; ratio to curl $(echo "scale=2; $wall / $curl_wall" | bc)x"
  fi
  echo "$text"
done

echo
start_fleet "$SERVICES" hang
echo "one endpoint never answers (timeout 2 s): $(run_launcher launcher) $(report_figures) (load $(load))"

echo
server_check() { # label, command...: the fifth check of one server process, and its peak RSS
  local label=$1
  shift
  "$@" -Dquarkus.http.port=0 -Dparity.schedule.cron=off -Dquarkus.config.locations="$OUT/parity.yaml" "$STATE" \
    > "$OUT/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 300); do grep -q "Listening on" "$OUT/server.log" && break; sleep 0.1; done
  PORT=$(sed -n 's/.*Listening on: http:\/\/[^:]*:\([0-9]*\).*/\1/p' "$OUT/server.log" | head -n 1)
  for _ in 1 2 3 4 5; do curl -sf -X POST "http://127.0.0.1:$PORT/api/check" > "$OUT/out"; done
  rss_kb=$(awk '/VmHWM/ { print $2 }' "/proc/$SERVER_PID/status")
  echo "server ($label), 5th check in one process, $(jq '.services | length' "$OUT/out") services:" \
    "check_ms p50_ms max_ms check/slowest = $(report_figures); server peak RSS $((rss_kb / 1024)) MiB (load $(load))"
  kill "$SERVER_PID"
  wait "$SERVER_PID" 2>/dev/null || true
}
java_jar() { exec java "$@" -jar "$JAR"; } # exec: the server's pid is the JVM's
for services in "$SERVICES" "$SERVER_SERVICES"; do
  start_fleet "$services"
  server_check "java -jar" java_jar
  server_check "bin/envparity" "$LAUNCHER"
done
