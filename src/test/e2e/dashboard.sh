#!/usr/bin/env bash
# End-to-end check of the dashboard in headless Chromium: starts the packaged server on the demo profile (free
# port) with 30 days of history behind it (history-seed.mjs, in the file store), loads / as a desktop and as a
# phone and one service's page with its timeline, checks what the browser rendered, and saves screenshots to
# target/e2e/. Needs target/envparity-runner.jar (./mvnw package), Node.js and Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")/../../.."
JAR=target/envparity-runner.jar
OUT=target/e2e
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
[ -x "$CHROMIUM" ] || { echo "dashboard e2e: no chromium found" >&2; exit 1; }
[ -f "$JAR" ] || { echo "dashboard e2e: $JAR is missing; run ./mvnw package first" >&2; exit 1; }
mkdir -p "$OUT"
: > "$OUT/chromium.log"
WORK=$(mktemp -d)
SERVER_PID=
cleanup() { [ -n "$SERVER_PID" ] && { kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null; }; rm -rf "$WORK"; }
trap cleanup EXIT

# The demo's five services, as if envparity had checked them every 15 minutes for a month.
node src/test/e2e/history-seed.mjs "$WORK/history.json" 30 staging,production checkout:2.4.0/2.4.0 payments:1.9.0/1.8.3 \
  search:3.1.0/3.2.0 inventory:5.2.0/5.2.0 ledger:0.9.1/0.9.1 > /dev/null

start() { # a log file name, then extra -D options; sets SERVER_PID and URL
  local log=$OUT/$1; shift
  java -Dquarkus.profile=demo -Dquarkus.http.port=0 -Dquarkus.http.host=127.0.0.1 "$@" -jar "$JAR" > "$log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 150); do grep -q "Listening on" "$log" && break; sleep 0.2; done
  local port
  port=$(sed -n 's/.*Listening on: http:\/\/[^:]*:\([0-9]*\).*/\1/p' "$log" | head -1)
  [ -n "$port" ] || { echo "dashboard e2e: the server did not start" >&2; cat "$log" >&2; exit 1; }
  URL="http://127.0.0.1:$port/"
}
stop() { kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=; }

start server.log -Dparity.schedule.cron=off -Dparity.notify.state.store=file -Dparity.notify.state.file="$WORK/state.json"

browse() { # size, path, then chromium's output flag
  local size=$1 path=$2; shift 2
  # The background-networking flags keep Chromium from calling home, which this network refuses. The logging flags
  # put the page's console on stderr, where a Content-Security-Policy violation shows.
  timeout 60 "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$(mktemp -d "$WORK/profile.XXXX")" \
    --enable-logging=stderr --v=0 \
    --window-size="$size" --virtual-time-budget=3000 "$@" "$URL$path" 2>>"$OUT/chromium.log"
}

browse 1280,760 "" --dump-dom > "$OUT/dashboard.dom.html"
browse 1280,760 "" --screenshot="$OUT/dashboard.png" > /dev/null
browse 390,844 "" --screenshot="$OUT/dashboard-phone.png" > /dev/null
browse 1280,900 services/payments --dump-dom > "$OUT/timeline.dom.html"
browse 1280,900 services/payments --screenshot="$OUT/timeline.png" > /dev/null

fail() { echo "dashboard e2e: $1" >&2; exit 1; }
grep -q '4 services need attention between staging and production: 1 unreachable, 1 unhealthy, 2 drifting' "$OUT/dashboard.dom.html" \
  || fail "the verdict is missing from the rendered page"
for status in IN_SYNC UNHEALTHY UNREACHABLE PROMOTION_PENDING DOWNSTREAM_AHEAD; do
  grep -q "data-status=\"$status\"" "$OUT/dashboard.dom.html" || fail "no row with status $status"
done
grep -q 'production 3.2.0 is ahead of staging 3.1.0' "$OUT/dashboard.dom.html" || fail "a finding is missing"
grep -q 'staging 1.9.0 is ahead of production 1.8.3 for [^<]* — since ' "$OUT/dashboard.dom.html" \
  || fail "a finding does not say since when it has been seen"
grep -q 'first seen here' "$OUT/dashboard.dom.html" || fail "no cell says since when it runs its version"
grep -q '<svg class="timeline"' "$OUT/timeline.dom.html" || fail "the timeline is not drawn"
for env in staging production; do
  [ "$(grep -o "<g data-env=\"$env\">" "$OUT/timeline.dom.html" | wc -l)" = 1 ] || fail "the timeline has no $env row"
done
[ "$(grep -o '<rect class="v[0-7]"' "$OUT/timeline.dom.html" | wc -l)" -ge 8 ] || fail "the timeline shows too few versions"
grep -q '<td class="version">1.8.3</td>' "$OUT/timeline.dom.html" || fail "the promotions table lacks 1.8.3"
grep -q 'Lead time to' "$OUT/timeline.dom.html" || fail "no lead times"
if grep -i 'Content Security Policy' "$OUT/chromium.log" >&2; then
  fail "the page broke its own Content-Security-Policy (the browser blocked part of it)"
fi
for png in dashboard.png dashboard-phone.png timeline.png; do
  [ "$(head -c 8 "$OUT/$png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || fail "$png is not a PNG"
  [ "$(stat -c %s "$OUT/$png")" -gt 20000 ] || fail "$png is suspiciously small"
done
grep -q '<meta http-equiv="refresh" content="300">' "$OUT/dashboard.dom.html" \
  || fail "without a schedule the page should reload itself every 5 minutes"
grep -q 'class="stale"' "$OUT/dashboard.dom.html" && fail "a fresh report is marked stale"
grep -q '<summary>Copy as Markdown</summary>' "$OUT/dashboard.dom.html" || fail "the Markdown copy is missing"
stop

# A schedule every second whose checks never run (the scheduler is off): two missed checks later the page says the
# report is stale, as it would when a cron job or an EventBridge schedule silently stopped.
start server-stale.log '-Dparity.schedule.cron=* * * * * ?' -Dquarkus.scheduler.enabled=false -Dparity.notify.state.store=memory
browse 1280,760 "" --dump-dom > "$OUT/dashboard-first.dom.html"
grep -q 'class="stale"' "$OUT/dashboard-first.dom.html" && fail "a report just made is marked stale"
sleep 4
browse 1280,760 "" --dump-dom > "$OUT/dashboard-stale.dom.html"
grep -q 'the scheduled checks since did not run or did not finish' "$OUT/dashboard-stale.dom.html" \
  || fail "a report older than two missed scheduled checks is not marked stale"
grep -q '<meta http-equiv="refresh" content="30">' "$OUT/dashboard-stale.dom.html" \
  || fail "with checks every second the page should reload after its 30-second minimum"
stop
echo "dashboard e2e: ok ($OUT/dashboard.png, $OUT/dashboard-phone.png, $OUT/timeline.png)"
