#!/usr/bin/env bash
# Measures the server with many families enabled, on its embedded defaults (HiveMQ CE + H2): the heap after a full
# GC, and how long enabling MQTT for one more family takes. Families are created and enabled through the HTTP API.
#
# Env: FAMILIES (10000) HTTP_PORT (18095) MQTT_PORT (18846) JAVA_OPTS (-Xms64m -Xmx1g)
# Every process started here is stopped by its PID; the scratch folder is removed.
set -u -o pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
FAMILIES=${FAMILIES:-10000}
HTTP_PORT=${HTTP_PORT:-18095}
MQTT_PORT=${MQTT_PORT:-18846}
JAVA_OPTS=${JAVA_OPTS:--Xms64m -Xmx1g}
SERVER_JAR=$ROOT/bootstrap/target/familyqa-server.jar
BENCH_JAR=$ROOT/bench/target/familyqa-bench.jar
SERVER_PID=""

log() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
cleanup() {
  local rc=$? i
  trap - EXIT INT TERM
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID"
    for ((i = 0; i < 150; i++)); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$SERVER_PID" 2>/dev/null && kill -KILL "$SERVER_PID"
  fi
  rm -rf "$WORK"
  exit "$rc"
}

WORK=$(mktemp -d /tmp/familyqa-families.XXXXXX)
trap cleanup EXIT
trap 'exit 130' INT TERM
ADMIN_TOKEN=$(head -c 36 /dev/urandom | base64 | tr -d '/+=')

FAMILYQA_DATA_DIR="$WORK/data" FAMILYQA_HTTP_PORT="$HTTP_PORT" FAMILYQA_MQTT_PORT="$MQTT_PORT" \
  FAMILYQA_MQTT_TLS_PORT=$((MQTT_PORT + 1)) FAMILYQA_ADMIN_TOKEN="$ADMIN_TOKEN" \
  java $JAVA_OPTS -jar "$SERVER_JAR" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for ((i = 0; i < 600; i++)); do
  curl -fs -o /dev/null -H "Authorization: Bearer $ADMIN_TOKEN" "http://127.0.0.1:$HTTP_PORT/api/families" && break
  kill -0 "$SERVER_PID" 2>/dev/null || die "server exited: $(tail -20 "$WORK/server.log")"
  sleep 0.1
done

heap() { # heap LABEL : used heap after a full GC
  jcmd "$SERVER_PID" GC.run >/dev/null
  echo "heap label=$1 $(jcmd "$SERVER_PID" GC.heap_info | awk '/garbage-first heap/ { print "committed=" $4 " used=" $6 }' | tr -d ',')"
}

heap start
log "creating and enabling $FAMILIES families"
T0=$(date +%s)
java -cp "$BENCH_JAR" org.familyqa.bench.AskLoad setup --http "http://127.0.0.1:$HTTP_PORT" \
  --admin-token "$ADMIN_TOKEN" --families "$FAMILIES" --out "$WORK/credentials.txt" || die "creating or enabling the families failed; see the output above"
log "done in $(($(date +%s) - T0)) s"
heap "after-$FAMILIES"
echo "one more family, 5 times:"
for i in 1 2 3 4 5; do
  java -cp "$BENCH_JAR" org.familyqa.bench.AskLoad setup --http "http://127.0.0.1:$HTTP_PORT" \
    --admin-token "$ADMIN_TOKEN" --families 1 --out "$WORK/one.txt"
done
