#!/usr/bin/env bash
# End-to-end check of the dashboard in headless Chromium: starts the packaged server on the demo profile (free
# port), loads / as a desktop and as a phone, checks what the browser rendered, and saves screenshots to
# target/e2e/. Needs target/envparity-runner.jar (./mvnw package) and Debian's chromium.
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

start server.log -Dparity.schedule.cron=off

browse() { # size, then chromium's output flag
  local size=$1; shift
  # The background-networking flags keep Chromium from calling home, which this network refuses. The logging flags
  # put the page's console on stderr, where a Content-Security-Policy violation shows.
  timeout 60 "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$(mktemp -d "$WORK/profile.XXXX")" \
    --enable-logging=stderr --v=0 \
    --window-size="$size" --virtual-time-budget=3000 "$@" "$URL" 2>>"$OUT/chromium.log"
}

browse 1280,760 --dump-dom > "$OUT/dashboard.dom.html"
browse 1280,760 --screenshot="$OUT/dashboard.png" > /dev/null
browse 390,844 --screenshot="$OUT/dashboard-phone.png" > /dev/null

fail() { echo "dashboard e2e: $1" >&2; exit 1; }
grep -q '4 services need attention between staging and production: 1 unreachable, 1 unhealthy, 2 drifting' "$OUT/dashboard.dom.html" \
  || fail "the verdict is missing from the rendered page"
for status in IN_SYNC UNHEALTHY UNREACHABLE PROMOTION_PENDING DOWNSTREAM_AHEAD; do
  grep -q "data-status=\"$status\"" "$OUT/dashboard.dom.html" || fail "no row with status $status"
done
grep -q 'production 3.2.0 is ahead of staging 3.1.0' "$OUT/dashboard.dom.html" || fail "a finding is missing"
if grep -i 'Content Security Policy' "$OUT/chromium.log" >&2; then
  fail "the page broke its own Content-Security-Policy (the browser blocked part of it)"
fi
for png in dashboard.png dashboard-phone.png; do
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
start server-stale.log '-Dparity.schedule.cron=* * * * * ?' -Dquarkus.scheduler.enabled=false
browse 1280,760 --dump-dom > "$OUT/dashboard-first.dom.html"
grep -q 'class="stale"' "$OUT/dashboard-first.dom.html" && fail "a report just made is marked stale"
sleep 4
browse 1280,760 --dump-dom > "$OUT/dashboard-stale.dom.html"
grep -q 'the scheduled checks since did not run or did not finish' "$OUT/dashboard-stale.dom.html" \
  || fail "a report older than two missed scheduled checks is not marked stale"
grep -q '<meta http-equiv="refresh" content="30">' "$OUT/dashboard-stale.dom.html" \
  || fail "with checks every second the page should reload after its 30-second minimum"
stop
echo "dashboard e2e: ok ($OUT/dashboard.png, $OUT/dashboard-phone.png)"
