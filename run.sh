#!/usr/bin/env bash
# Starts the workspace on Payara Micro: ./run.sh   (README "Quick start" and "Configuration")
# Builds what is missing or stale, then runs micro-war/target/mfa.war at context root / until Ctrl-C.
set -euo pipefail
# The data directory holds the database, the master key and the first admin password: readable by us alone.
umask 077

cd "$(dirname "$0")"
ROOT=$(pwd)
WAR="$ROOT/micro-war/target/mfa.war"
MICRO="$ROOT/micro-war/target/payara-micro.jar"

export MFA_HTTP_PORT="${MFA_HTTP_PORT:-8080}"
# Links in emails (invitations, "Forgot password?") start with it; set it to the address people use behind a proxy.
export MFA_PUBLIC_URL="${MFA_PUBLIC_URL:-http://localhost:$MFA_HTTP_PORT}"
export MFA_DATA_DIR="$(mkdir -p "${MFA_DATA_DIR:-$ROOT/data}" && cd "${MFA_DATA_DIR:-$ROOT/data}" && pwd)"
LOG="$MFA_DATA_DIR/server.log"

stale() {
    [ ! -f "$WAR" ] || [ ! -f "$MICRO" ] && return 0
    [ -n "$(find "$ROOT" -path "$ROOT/data" -prune -o \( -path '*/src/*' -o -name pom.xml \) -newer "$WAR" -type f -print -quit)" ]
}

if stale; then
    echo "Building the application (mvn package, tests skipped)..."
    mvn -B -q -DskipTests package
fi

# A small service's JVM (docs/performance.md): a bounded heap with the serial collector, which needs no memory of its
# own, and few malloc arenas. MFA_JAVA_OPTS replaces these options, e.g. with "-Xmx1g" on a node that keeps more sessions.
read -r -a JAVA_OPTS <<< "${MFA_JAVA_OPTS:--XX:+UseSerialGC -Xms160m -Xmx320m -XX:MaxHeapFreeRatio=40 -Xss512k}"
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"

# One node needs no data grid. A cluster (README "Several nodes") finds its members over TCP at the listed addresses,
# never by multicast; Hazelcast listens only on this node's own address in that list (--interfaces with
# hazelcast.socket.bind.any=false: either alone still listens on every interface). Backups of sessions may sit on a
# member of the same host (--nohostaware): without that, two nodes on one machine would keep no backup at all.
CLUSTER_OPTS=(--nohazelcast)
PREBOOT="$ROOT/micro-war/src/main/payara/preboot.asadmin"
if [ "${MFA_CLUSTER:-off}" = "on" ]; then
    for setting in MFA_CLUSTER_NAME MFA_CLUSTER_MEMBERS MFA_SECRET_KEY MFA_DB_URL; do
        if [ -z "${!setting:-}" ]; then
            echo "ERROR: MFA_CLUSTER=on needs $setting (README \"Several nodes\")" >&2
            exit 1
        fi
    done
    if [[ "$MFA_DB_URL" != jdbc:postgresql:* ]]; then
        echo "ERROR: MFA_CLUSTER=on needs a shared database: MFA_DB_URL=jdbc:postgresql:..." >&2
        exit 1
    fi
    # This node's own entry in the list: an address of this machine with this node's cluster port.
    export MFA_CLUSTER_PORT="${MFA_CLUSTER_PORT:-6900}"
    LOCAL_ADDRESSES=" 127.0.0.1 $(hostname -I 2>/dev/null || true) "
    OWN_ADDRESS=""
    for member in ${MFA_CLUSTER_MEMBERS//,/ }; do
        if [ "${member##*:}" = "$MFA_CLUSTER_PORT" ] && [[ "$LOCAL_ADDRESSES" == *" ${member%:*} "* ]]; then
            OWN_ADDRESS="${member%:*}"
            break
        fi
    done
    if [ -z "$OWN_ADDRESS" ]; then
        echo "ERROR: MFA_CLUSTER_MEMBERS ($MFA_CLUSTER_MEMBERS) has no entry for this node: one of this machine's" \
            "addresses (${LOCAL_ADDRESSES# }) with MFA_CLUSTER_PORT $MFA_CLUSTER_PORT" >&2
        exit 1
    fi
    CLUSTER_OPTS=(--clustername "$MFA_CLUSTER_NAME" --clustermode "tcpip:$MFA_CLUSTER_MEMBERS" --interfaces "$OWN_ADDRESS"
        --startport "$MFA_CLUSTER_PORT" --nohostaware --name "$(hostname)-$MFA_HTTP_PORT")
    # Sessions live in the data grid: the shared preboot file turns session availability off for a single node.
    PREBOOT="$MFA_DATA_DIR/preboot-cluster.asadmin"
    { cat "$ROOT/micro-war/src/main/payara/preboot.asadmin"
      echo "set configs.config.server-config.availability-service.web-container-availability.availability-enabled=true"
    } > "$PREBOOT"
elif [ "${MFA_CLUSTER:-off}" != "off" ]; then
    echo "ERROR: MFA_CLUSTER must be on or off, not '$MFA_CLUSTER'" >&2
    exit 1
fi

echo "Starting Payara Micro on port $MFA_HTTP_PORT (data in $MFA_DATA_DIR, log in $LOG)..."
java "${JAVA_OPTS[@]}" -Dhazelcast.socket.bind.any=false -jar "$MICRO" \
    --deploy "$WAR:/" \
    --port "$MFA_HTTP_PORT" \
    "${CLUSTER_OPTS[@]}" --disablephonehome \
    --prebootcommandfile "$PREBOOT" \
    > "$LOG" 2>&1 &
PID=$!

stop_server() {
    kill "$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
}

stop() {
    echo "Stopping..."
    stop_server
    exit 0
}
trap stop INT TERM

# The server did not come up: stop it, and this script with it.
give_up() {
    stop_server
    exit 1
}

explain_port_in_use() {
    if grep -q "Address already in use" "$LOG"; then
        echo "Port $MFA_HTTP_PORT${MFA_CLUSTER_PORT:+ or $MFA_CLUSTER_PORT} is already in use: another server runs there (MFA_HTTP_PORT, MFA_CLUSTER_PORT)." >&2
    fi
}

# Micro prints "ready" even after a failed deployment (docs/architecture.md#failed-deployments): wait for our own line.
touch "$LOG"
while kill -0 "$PID" 2>/dev/null; do
    if grep -q "Exception while loading the app\|Exception during lifecycle processing" "$LOG"; then
        echo "ERROR: the application failed to deploy. Details:" >&2
        grep -m1 -A3 "SEVERE\|Exception while loading" "$LOG" >&2 || true
        # The first setting refused at start-up names itself (e.g. "MFA_LDAP_USER_BASE is required with MFA_LDAP_URL").
        grep -m1 "Caused by: java.lang.Illegal" "$LOG" | sed 's/^Caused by: java.lang.[A-Za-z]*: /Cause: /' >&2 || true
        give_up
    fi
    # Micro gives up when a port it needs is taken (and, in a cluster, may stay alive doing nothing).
    if grep -q "Failed to start, exiting" "$LOG"; then
        echo "ERROR: Payara Micro could not start; see $LOG" >&2
        explain_port_in_use
        give_up
    fi
    if grep -q "Payara Micro .* ready in" "$LOG"; then
        if grep -q "mfa was successfully deployed" "$LOG"; then
            echo "Workspace is ready: http://localhost:$MFA_HTTP_PORT/  (Ctrl-C stops it)"
            # Shown here once, on the console only: the log names the file, never the password.
            if grep -q "Created the bootstrap administrator .*temporary password" "$LOG" && [ -f "$MFA_DATA_DIR/initial-admin-password" ]; then
                ADMIN=$(grep -h -o "Created the bootstrap administrator [^;]*" "$LOG" | head -1 | sed 's/.* //')
                echo "First sign-in: $ADMIN with the temporary password $(cat "$MFA_DATA_DIR/initial-admin-password")"
                echo "(you will choose your own password; the temporary one is also in $MFA_DATA_DIR/initial-admin-password)"
            fi
            break
        fi
        echo "ERROR: Payara Micro started but the application was not deployed; see $LOG" >&2
        give_up
    fi
    sleep 1
done
if ! kill -0 "$PID" 2>/dev/null; then
    echo "ERROR: Payara Micro exited; see $LOG" >&2
    explain_port_in_use
    exit 1
fi
wait "$PID"
