#!/usr/bin/env bash
# Smoke test of an envparity container image, as .github/workflows/container.yml runs it after `docker build`:
# stub services for staging and production on the host, a parity.yaml mounted read-only at /config/parity.yaml,
# the API token from the environment, and the restrictions deploy/kubernetes asks for (read-only root filesystem
# with a volume for the state and a tmpfs for /tmp, no capabilities, no privilege escalation, 384 MiB); then the
# probes, one report behind the token, the user id, and one `check` (the CLI).
#
#   src/test/docker/smoke-test.sh IMAGE                  # ENGINE=podman to use Podman
#   ENGINE=jar src/test/docker/smoke-test.sh target/envparity-runner.jar
#
# ENGINE=jar runs the packaged jar instead of an image (ContainerSmokeIT does, where no container engine is
# available), so that this script is tested before the workflow runs it. Needs node, curl and jq.
set -euo pipefail
IMAGE=${1:?usage: smoke-test.sh IMAGE}
ENGINE=${ENGINE:-docker}
WORK=$(mktemp -d)
NAME=envparity-smoke-$$
TOKEN=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
export PARITY_API_TOKEN=$TOKEN
PIDS=()

cleanup() {
  if [ "$ENGINE" != jar ]; then
    "$ENGINE" rm -f "$NAME" > /dev/null 2>&1 || true
    "$ENGINE" volume rm -f "$NAME" > /dev/null 2>&1 || true
  fi
  for pid in "${PIDS[@]}"; do kill "$pid" 2> /dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

fail() {
  echo "smoke test failed: $*" >&2
  if [ "$ENGINE" = jar ]; then cat "$WORK/server.log" >&2 || true; else "$ENGINE" logs "$NAME" >&2 || true; fi
  exit 1
}

# Two environments of one service, answering like Spring Boot's actuator.
node -e '
  const http = require("http");
  const server = http.createServer((req, res) => {
    const m = req.url.match(/^\/(staging|production)\/actuator\/(health|info)$/);
    if (!m) { res.writeHead(404); return res.end(); }
    const body = m[2] === "health" ? {status: "UP"} : {build: {version: "2.4.0"}, git: {commit: {id: "4f2a9c1"}}};
    res.writeHead(200, {"content-type": "application/json"});
    res.end(JSON.stringify(body));
  });
  server.listen(0, "0.0.0.0", () => console.log("port " + server.address().port));
' > "$WORK/stubs.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 100); do grep -q '^port ' "$WORK/stubs.log" && break; sleep 0.1; done
STUB_PORT=$(sed -n 's/^port //p' "$WORK/stubs.log")
[ -n "$STUB_PORT" ] || fail "the stub services did not start: $(cat "$WORK/stubs.log")"

if [ "$ENGINE" = jar ]; then
  JAR=$(realpath "$IMAGE")
  STUB_HOST=127.0.0.1
  STATE_DIR=$WORK/state
else
  STUB_HOST=host.docker.internal
  STATE_DIR=/var/lib/envparity
fi
mkdir -p "$WORK/state"
cat > "$WORK/parity.yaml" <<YAML
parity:
  environments: [staging, production]
  services:
    checkout:
      urls:
        staging: http://$STUB_HOST:$STUB_PORT/staging
        production: http://$STUB_HOST:$STUB_PORT/production
  notify:
    state:
      store: file
      file: $STATE_DIR/state.json
  api:
    token: \${PARITY_API_TOKEN}
YAML
chmod 0644 "$WORK/parity.yaml"

# The same restrictions for the server and the CLI.
run_args=(--read-only --tmpfs /tmp --cap-drop ALL --security-opt no-new-privileges --memory 384m
  -v "$NAME:/var/lib/envparity" -v "$WORK/parity.yaml:/config/parity.yaml:ro" -e PARITY_API_TOKEN
  --add-host host.docker.internal:host-gateway)

if [ "$ENGINE" = jar ]; then
  (cd "$WORK/state" && QUARKUS_CONFIG_LOCATIONS="$WORK/parity.yaml" QUARKUS_HTTP_PORT=0 exec java -jar "$JAR") \
    > "$WORK/server.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 1200); do grep -q 'Listening on' "$WORK/server.log" && break; sleep 0.1; done
  PORT=$(sed -n 's/.*Listening on: http:\/\/[^:]*:\([0-9]*\).*/\1/p' "$WORK/server.log" | head -1)
else
  "$ENGINE" run -d --name "$NAME" "${run_args[@]}" -p 127.0.0.1::8080 "$IMAGE" > /dev/null
  PORT=$("$ENGINE" port "$NAME" 8080 | head -1 | sed 's/.*://')
fi
[ -n "$PORT" ] || fail "envparity did not start"
BASE=http://127.0.0.1:$PORT

ready=no
for _ in $(seq 1 120); do
  if curl -fsS "$BASE/q/health/ready" 2> /dev/null | jq -e '.status == "UP"' > /dev/null; then ready=yes; break; fi
  sleep 1
done
[ "$ready" = yes ] || fail "/q/health/ready did not answer UP within 120 s"
curl -fsS "$BASE/q/health/live" | jq -e '.status == "UP"' > /dev/null || fail "/q/health/live is not UP"
curl -fsS "$BASE/q/health/started" | jq -e '.status == "UP"' > /dev/null || fail "/q/health/started is not UP"
echo "probes: ready, live and started are UP"

status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$BASE/api/check")
[ "$status" = 401 ] || fail "POST /api/check without the token answered $status, not 401"
curl -fsS -H "Authorization: Bearer $TOKEN" "$BASE/api/report" > "$WORK/report.json" || fail "GET /api/report with the token failed"
jq -e '.services[0].name == "checkout" and .services[0].status == "IN_SYNC"
  and .services[0].environments.staging.version == "2.4.0" and .services[0].environments.production.version == "2.4.0"' \
  "$WORK/report.json" > /dev/null || fail "unexpected report: $(cat "$WORK/report.json")"
echo "report: checkout IN_SYNC at 2.4.0 in staging and production"

if [ "$ENGINE" != jar ]; then
  uid=$("$ENGINE" exec "$NAME" id -u)
  [ "$uid" != 0 ] || fail "the server runs as root"
  echo "user: $uid"
  "$ENGINE" run --rm "${run_args[@]}" "$IMAGE" check --json > "$WORK/cli.json" 2> "$WORK/cli.err" \
    || fail "check exited $?: $(cat "$WORK/cli.err")"
else
  (cd "$WORK/state" && QUARKUS_CONFIG_LOCATIONS="$WORK/parity.yaml" exec java -jar "$JAR" check --json) \
    > "$WORK/cli.json" 2> "$WORK/cli.err" || fail "check exited $?: $(cat "$WORK/cli.err")"
fi
jq -e '.trigger == "cli" and .severity == "ok"' "$WORK/cli.json" > /dev/null || fail "unexpected CLI report: $(cat "$WORK/cli.json")"
echo "cli: check --json exited 0 with severity ok"
echo "smoke test passed: $IMAGE"
