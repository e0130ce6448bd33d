#!/usr/bin/env bash
# The sign-in benchmark: provisions people with known passwords and authenticator secrets through the admin API into
# a throw-away data directory, starts ./run.sh there, drives the full browser sign-in at 1, 4 and 16 concurrent
# clients (benchmarks/SignInLoad), and prints a table with launch -> ready and the server's memory.
# Settings: PEOPLE (2000), SECONDS_EACH (60 per level), WARMUP (10), CONCURRENCY (1,4,16), PORT (8095),
# JIT_WARMUP (0: off; else seconds at the highest level before the first, not counted: the JIT settles in about 3 minutes
# on two cores), PER_REQUEST (0: off; else seconds of one client alone, with each request's server CPU reported apart).
set -euo pipefail
cd "$(dirname "$0")/.."
PEOPLE=${PEOPLE:-2000}
MEASURE=${SECONDS_EACH:-60}
WARMUP=${WARMUP:-10}
CONCURRENCY=${CONCURRENCY:-1,4,16}
PORT=${PORT:-8095}
PER_REQUEST=${PER_REQUEST:-0}
JIT_WARMUP=${JIT_WARMUP:-0}
DATA=$(mktemp -d /tmp/signin-bench.XXXXXX)
TOKEN=$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 40)

echo "Building the benchmark (and the application, which ./run.sh builds when missing)..."
mvn -B -q -pl benchmarks -am package -DskipTests
[ -f micro-war/target/mfa.war ] || mvn -B -q -pl micro-war -am package -DskipTests

cleanup() {
    if [ -n "${SERVER:-}" ]; then kill "$SERVER" 2>/dev/null || true; fi
    sleep 2
    rm -rf "$DATA"
}
trap cleanup EXIT

started=$(date +%s%N)
MFA_DATA_DIR="$DATA" MFA_HTTP_PORT="$PORT" MFA_BOOTSTRAP_API_TOKEN="$TOKEN" \
    MFA_ADMIN_PASSWORD="bench-admin-$TOKEN" ./run.sh > "$DATA/run.out" 2>&1 &
until curl -fs "http://localhost:$PORT/login" -o /dev/null; do
    if ! kill -0 $! 2>/dev/null; then cat "$DATA/run.out"; exit 1; fi
    sleep 0.2
done
ready=$(date +%s%N)
SERVER=$(pgrep -f -- "--port $PORT" | head -1)
rss() { awk '/VmRSS/ {printf "%d MB", $2 / 1024}' "/proc/$SERVER/status"; }
echo "launch -> sign-in page served: $(( (ready - started) / 1000000 )) ms; RSS after ready: $(rss) (server pid $SERVER)"

java -cp benchmarks/target/benchmarks.jar dev.workspace.mfa.bench.SignInLoad --url "http://localhost:$PORT" \
    --token "$TOKEN" --pid "$SERVER" --people "$PEOPLE" --concurrency "$CONCURRENCY" --seconds "$MEASURE" --warmup "$WARMUP" \
    --jit-warmup "$JIT_WARMUP" --per-request "$PER_REQUEST"
echo
echo "RSS after load: $(rss)"
