#!/usr/bin/env bash
# Measures the server's ask path end to end (device ask -> validated and stored -> question at a subscriber) side by
# side with the reference bridge, in one run, and prints a table of medians.
#
#   server:    bootstrap/target/familyqa-server.jar on its own Mosquitto (dynamic security) and a scratch PostgreSQL
#              database; 10 families, one device connection each
#   reference: the reference bridge ("whatever is queued" batch mode) on its own anonymous Mosquitto and its own
#              scratch database, driven by its own e2e load mode
#   embedded:  (EMBEDDED=1) the server with its defaults, HiveMQ CE and H2, max throughput only
#
# Needs: java 17, the built jars (see bench/README.md), mosquitto with the dynamic security plugin, PostgreSQL on
# 127.0.0.1:5432 (user postgres), and a built copy of the reference folder in $REF_DIR.
# Every process started here is stopped by its PID; the scratch databases and the scratch folder are removed.
#
# Env: REPS (3) SECONDS_PER_RUN (6) WARMUP (2) RATE (1000) WINDOW (200) FAMILIES (10) EMBEDDED (1)
#      MQTT_PORT (18840) REF_MQTT_PORT (18841) HTTP_PORT (18090) EMBEDDED_MQTT_PORT (18842)
#      REF_DIR (required: a built copy of the reference folder) PGHOST (127.0.0.1) PGPORT (5432) PGUSER (postgres) PGPASSWORD (postgres)
set -u -o pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
REPS=${REPS:-3}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-6}
WARMUP=${WARMUP:-2}
RATE=${RATE:-1000}
WINDOW=${WINDOW:-200}
FAMILIES=${FAMILIES:-10}
EMBEDDED=${EMBEDDED:-1}
MQTT_PORT=${MQTT_PORT:-18840}
REF_MQTT_PORT=${REF_MQTT_PORT:-18841}
HTTP_PORT=${HTTP_PORT:-18090}
EMBEDDED_MQTT_PORT=${EMBEDDED_MQTT_PORT:-18842}
REF_DIR=${REF_DIR:?set REF_DIR to a built copy of the reference bridge folder}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGPASSWORD=${PGPASSWORD:-postgres}
JAVA_OPTS=${JAVA_OPTS:--Xms256m -Xmx1g}
SERVER_JAR=$ROOT/bootstrap/target/familyqa-server.jar
BENCH_JAR=$ROOT/bench/target/familyqa-bench.jar
REF_JAR=$REF_DIR/target/baselines.jar
DYNSEC_PLUGIN=${DYNSEC_PLUGIN:-$(ls /usr/lib/*/mosquitto_dynamic_security.so 2>/dev/null | head -1)}
CLK_TCK=$(getconf CLK_TCK)

MOSQ_PID="" REF_MOSQ_PID="" SERVER_PID="" BRIDGE_PID=""
DB=familyqa_e2e_$$
REF_DB=familyqa_ref_$$
T_START=$(date +%s)

log() { printf '[%4ss] %s\n' "$(($(date +%s) - T_START))" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
random_secret() { head -c 18 /dev/urandom | base64 | tr -d '/+='; }

cpu_ticks() { # user+sys ticks of a process and its children
  local t=0 p
  [ -n "$1" ] || { echo 0; return; }
  for p in "$1" $(ps -o pid= --ppid "$1" 2>/dev/null); do
    [ -r "/proc/$p/stat" ] && t=$((t + $(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$p/stat" 2>/dev/null || echo 0)))
  done
  echo "$t"
}
ticks_s() { awk -v t="$1" -v hz="$CLK_TCK" 'BEGIN { printf "%.2f", t / hz }'; }

stop_pid() { # stop_pid PID : TERM, wait up to 15 s, then KILL
  local pid=$1 i
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null
  for ((i = 0; i < 150; i++)); do kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null; return 0; }; sleep 0.1; done
  log "pid $pid did not stop on TERM, sending KILL"
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  return 0
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_pid "$BRIDGE_PID"
  stop_pid "$SERVER_PID"
  stop_pid "$MOSQ_PID"
  stop_pid "$REF_MOSQ_PID"
  dropdb --if-exists "$DB" 2>/dev/null
  dropdb --if-exists "$REF_DB" 2>/dev/null
  if [ "${KEEP_WORK:-0}" = 1 ]; then log "scratch kept in $WORK"; else rm -rf "$WORK"; fi
  exit "$rc"
}

port_free() { ! ss -Htln "sport = :$1" 2>/dev/null | grep -q .; }
wait_port() { local i; for ((i = 0; i < 300; i++)); do port_free "$1" || return 0; sleep 0.1; done; return 1; }

for f in "$SERVER_JAR" "$BENCH_JAR" "$REF_JAR"; do [ -f "$f" ] || die "$f is missing; build it first (bench/README.md)"; done
[ -n "$DYNSEC_PLUGIN" ] || die "mosquitto's dynamic security plugin was not found; set DYNSEC_PLUGIN"
for p in "$MQTT_PORT" "$REF_MQTT_PORT" "$HTTP_PORT" "$EMBEDDED_MQTT_PORT"; do port_free "$p" || die "port $p is in use"; done

WORK=$(mktemp -d /tmp/familyqa-e2e.XXXXXX)
trap cleanup EXIT
trap 'exit 130' INT TERM
RESULTS=$WORK/results.txt
{
  echo "# date_utc=$(date -u +%FT%TZ) cores=$(nproc) reps=$REPS seconds=$SECONDS_PER_RUN warmup=$WARMUP rate=$RATE window=$WINDOW families=$FAMILIES"
  echo "# $(java -version 2>&1 | head -1) | $(mosquitto -h 2>/dev/null | head -1) | $(psql -At -c 'SHOW server_version' postgres)"
} >"$RESULTS"

# ---------------------------------------------------------------- brokers and databases
ADMIN_PASSWORD=$(random_secret)
SERVER_MQTT_PASSWORD=$(random_secret)
ADMIN_TOKEN=$(random_secret)$(random_secret)
mosquitto_ctrl dynsec init "$WORK/dynsec.json" admin "$ADMIN_PASSWORD" >/dev/null || die "dynsec init failed"
cat >"$WORK/mosquitto.conf" <<EOF
per_listener_settings false
allow_anonymous false
persistence false
set_tcp_nodelay true
max_packet_size 16384
max_queued_messages 200000
max_inflight_messages 20
user root
log_dest stderr
log_type error
log_type warning
plugin $DYNSEC_PLUGIN
plugin_opt_config_file $WORK/dynsec.json
listener $MQTT_PORT 127.0.0.1
EOF
sed "s/^listener .*/listener $REF_MQTT_PORT 127.0.0.1/" "$REF_DIR/mosquitto.conf" >"$WORK/ref-mosquitto.conf"
mosquitto -c "$WORK/mosquitto.conf" >"$WORK/mosquitto.log" 2>&1 &
MOSQ_PID=$!
mosquitto -c "$WORK/ref-mosquitto.conf" >"$WORK/ref-mosquitto.log" 2>&1 &
REF_MOSQ_PID=$!
wait_port "$MQTT_PORT" || die "mosquitto did not start: $(cat "$WORK/mosquitto.log")"
wait_port "$REF_MQTT_PORT" || die "reference mosquitto did not start: $(cat "$WORK/ref-mosquitto.log")"
createdb "$DB" || die "createdb $DB failed"
createdb "$REF_DB" || die "createdb $REF_DB failed"
psql -X -q -d "$REF_DB" -f "$REF_DIR/pgbench/schema.sql" >/dev/null 2>&1 || die "reference schema failed"
PG_POSTMASTER=$(psql -At -d "$DB" -c "SELECT pid FROM pg_stat_activity WHERE backend_type = 'checkpointer'" |
  xargs -r ps -o ppid= -p | tr -d ' ')
log "mosquitto $MOSQ_PID on $MQTT_PORT, reference mosquitto $REF_MOSQ_PID on $REF_MQTT_PORT, databases $DB and $REF_DB"

# ---------------------------------------------------------------- processes
start_server() { # start_server LOGNAME ENV...
  local name=$1 i
  shift
  env "$@" FAMILYQA_HTTP_PORT="$HTTP_PORT" FAMILYQA_ADMIN_TOKEN="$ADMIN_TOKEN" \
    FAMILYQA_RATE_LIMIT_PER_SECOND=1000000 FAMILYQA_RATE_LIMIT_BURST=100000 \
    java $JAVA_OPTS -jar "$SERVER_JAR" >"$WORK/$name.log" 2>&1 &
  SERVER_PID=$!
  for ((i = 0; i < 600; i++)); do
    curl -fs -o /dev/null -H "Authorization: Bearer $ADMIN_TOKEN" "http://127.0.0.1:$HTTP_PORT/api/families" && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || die "server exited: $(tail -20 "$WORK/$name.log")"
    sleep 0.1
  done
  die "server did not answer on $HTTP_PORT: $(tail -20 "$WORK/$name.log")"
}

run_load() { # run_load LABEL PORT ARGS... : the project's driver; appends RESULT with the CPU split
  local label=$1 port=$2 line out t0 s0 m0 p0 s1 m1 p1
  shift 2
  s0=$(cpu_ticks "$SERVER_PID"); m0=$(cpu_ticks "$MOSQ_PID"); p0=$(cpu_ticks "$PG_POSTMASTER"); t0=$(date +%s.%N)
  out=$(java $JAVA_OPTS -cp "$BENCH_JAR" org.familyqa.bench.AskLoad run --mqtt-port "$port" \
    --credentials "$WORK/credentials-$label.txt" --label "$label" "$@" 2>&1)
  s1=$(cpu_ticks "$SERVER_PID"); m1=$(cpu_ticks "$MOSQ_PID"); p1=$(cpu_ticks "$PG_POSTMASTER")
  echo "$out" >>"$WORK/load-$label.log"
  line=$(grep '^RESULT' <<<"$out") || { log "no result: $(tail -5 <<<"$out")"; return 1; }
  echo "$line rep=$REP cpu_server_s=$(ticks_s $((s1 - s0))) cpu_mosq_s=$(ticks_s $((m1 - m0))) cpu_pg_s=$(ticks_s $((p1 - p0)))" >>"$RESULTS"
  log "  $(grep -oE ' (label|mode|rate_out|p50_us|p90_us|p99_us|duplicates)=[^ ]+' <<<" $line" | tr -d '\n')"
}

run_reference() { # run_reference ARGS... : the reference's own e2e driver against its bridge
  local line out b0 b1 m0 m1 p0 p1
  b0=$(cpu_ticks "$BRIDGE_PID"); m0=$(cpu_ticks "$REF_MOSQ_PID"); p0=$(cpu_ticks "$PG_POSTMASTER")
  out=$(java $JAVA_OPTS -jar "$REF_JAR" e2e --port "$REF_MQTT_PORT" --label reference "$@" 2>&1)
  b1=$(cpu_ticks "$BRIDGE_PID"); m1=$(cpu_ticks "$REF_MOSQ_PID"); p1=$(cpu_ticks "$PG_POSTMASTER")
  line=$(grep '^RESULT' <<<"$out") || { log "no result: $(tail -5 <<<"$out")"; return 1; }
  echo "$line rep=$REP cpu_server_s=$(ticks_s $((b1 - b0))) cpu_mosq_s=$(ticks_s $((m1 - m0))) cpu_pg_s=$(ticks_s $((p1 - p0)))" >>"$RESULTS"
  log "  $(grep -oE ' (label|mode|rate_out|p50_us|p90_us|p99_us)=[^ ]+' <<<" $line" | tr -d '\n')"
}

setup_families() { # setup_families LABEL
  java -cp "$BENCH_JAR" org.familyqa.bench.AskLoad setup --http "http://127.0.0.1:$HTTP_PORT" \
    --admin-token "$ADMIN_TOKEN" --families "$FAMILIES" --out "$WORK/credentials-$1.txt" |
    sed "s/^SETUP /# setup label=$1 /" >>"$RESULTS" || die "creating families failed"
}

log "starting the server on Mosquitto + PostgreSQL"
start_server server FAMILYQA_DATA_DIR="$WORK/data-server" FAMILYQA_BROKER=mosquitto \
  FAMILYQA_MQTT_HOST=127.0.0.1 FAMILYQA_MQTT_PORT="$MQTT_PORT" FAMILYQA_MQTT_ADMIN_USER=admin \
  FAMILYQA_MQTT_ADMIN_PASSWORD="$ADMIN_PASSWORD" FAMILYQA_MQTT_SERVER_PASSWORD="$SERVER_MQTT_PASSWORD" \
  FAMILYQA_DB_URL="jdbc:postgresql://127.0.0.1:$PGPORT/$DB" FAMILYQA_DB_USER="$PGUSER" FAMILYQA_DB_PASSWORD="$PGPASSWORD"
setup_families server
log "server pid $SERVER_PID; starting the reference bridge (batch, whatever is queued)"
java $JAVA_OPTS -jar "$REF_JAR" bridge --port "$REF_MQTT_PORT" --jdbc "jdbc:postgresql://127.0.0.1:$PGPORT/$REF_DB" \
  --db-password "$PGPASSWORD" --mode batch --workers 2 --pool 2 --window-us 0 --batch-max 256 >"$WORK/bridge.log" 2>&1 &
BRIDGE_PID=$!
for ((i = 0; i < 300; i++)); do grep -q '^READY' "$WORK/bridge.log" && break; sleep 0.1; done
grep -q '^READY' "$WORK/bridge.log" || die "reference bridge did not start: $(tail -5 "$WORK/bridge.log")"

log "JIT warm-up of both (not recorded)"
REP=0
java $JAVA_OPTS -cp "$BENCH_JAR" org.familyqa.bench.AskLoad run --mqtt-port "$MQTT_PORT" \
  --credentials "$WORK/credentials-server.txt" --mode max --window "$WINDOW" --seconds 4 --warmup-seconds 1 >/dev/null 2>&1
java $JAVA_OPTS -jar "$REF_JAR" e2e --port "$REF_MQTT_PORT" --mode max --window "$WINDOW" --seconds 4 --warmup-seconds 1 \
  >/dev/null 2>&1

if [ "${HOLD_SECONDS:-0}" -gt 0 ]; then # for profiling by hand: everything stays up meanwhile
  log "holding $HOLD_SECONDS s: server pid $SERVER_PID, scratch $WORK"
  sleep "$HOLD_SECONDS"
fi
for ((REP = 1; REP <= REPS; REP++)); do
  log "rep $REP/$REPS"
  run_load server "$MQTT_PORT" --mode max --window "$WINDOW" --seconds "$SECONDS_PER_RUN" --warmup-seconds "$WARMUP"
  run_reference --mode max --window "$WINDOW" --seconds "$SECONDS_PER_RUN" --warmup-seconds "$WARMUP"
  run_load server "$MQTT_PORT" --mode fixed --rate "$RATE" --seconds "$SECONDS_PER_RUN" --warmup-seconds "$WARMUP"
  run_reference --mode fixed --rate "$RATE" --seconds "$SECONDS_PER_RUN" --warmup-seconds "$WARMUP"
done
STORED=$(psql -At -d "$DB" -c "SELECT count(*) FROM question")
UNPUBLISHED=$(psql -At -d "$DB" -c "SELECT count(*) FROM outbox_event" 2>/dev/null || echo "?")
echo "# server_questions_stored=$STORED outbox_unpublished=$UNPUBLISHED" >>"$RESULTS"
stop_pid "$BRIDGE_PID"; BRIDGE_PID=""
stop_pid "$SERVER_PID"; SERVER_PID=""

if [ "$EMBEDDED" = 1 ]; then
  log "starting the server with its defaults: embedded HiveMQ CE + H2"
  start_server embedded FAMILYQA_DATA_DIR="$WORK/data-embedded" FAMILYQA_MQTT_PORT="$EMBEDDED_MQTT_PORT" \
    FAMILYQA_MQTT_TLS_PORT=$((EMBEDDED_MQTT_PORT + 1))
  setup_families embedded
  REP=0
  java $JAVA_OPTS -cp "$BENCH_JAR" org.familyqa.bench.AskLoad run --mqtt-port "$EMBEDDED_MQTT_PORT" \
    --credentials "$WORK/credentials-embedded.txt" --mode max --window "$WINDOW" --seconds 4 --warmup-seconds 1 \
    >/dev/null 2>&1
  for ((REP = 1; REP <= REPS; REP++)); do
    run_load embedded "$EMBEDDED_MQTT_PORT" --mode max --window "$WINDOW" --seconds "$SECONDS_PER_RUN" \
      --warmup-seconds "$WARMUP"
    run_load embedded "$EMBEDDED_MQTT_PORT" --mode fixed --rate "$RATE" --seconds "$SECONDS_PER_RUN" \
      --warmup-seconds "$WARMUP"
  done
  stop_pid "$SERVER_PID"; SERVER_PID=""
fi

# ---------------------------------------------------------------- summary: median [min - max] per label and mode
cp "$RESULTS" "${RESULTS_OUT:-$ROOT/bench/target/e2e-results.txt}" 2>/dev/null
grep '^#' "$RESULTS"
echo
echo "| what | mode | asks/s | p50 µs | p90 µs | p99 µs | CPU s server / mosquitto / postgres |"
echo "|---|---|---:|---:|---:|---:|---|"
grep '^RESULT' "$RESULTS" | awk '
  function kv(key,   i, n, parts) { for (i = 1; i <= NF; i++) { split($i, parts, "="); if (parts[1] == key) return parts[2] } return "" }
  { key = kv("label") " | " kv("mode"); order[key] = order[key] ? order[key] : ++n; names[order[key]] = key
    c = ++count[key]
    rate[key, c] = kv("rate_out"); p50[key, c] = kv("p50_us"); p90[key, c] = kv("p90_us"); p99[key, c] = kv("p99_us")
    cpu[key, c] = kv("cpu_server_s") "/" kv("cpu_mosq_s") "/" kv("cpu_pg_s") }
  function med(arr, key, n,   i, j, v, t, lo, hi) {
    for (i = 1; i <= n; i++) v[i] = arr[key, i] + 0
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
    return v[int((n + 1) / 2)] " [" v[1] "–" v[n] "]" }
  END { for (i = 1; i <= n; i++) { k = names[i]; c = count[k]
      printf "| %s | %s | %s | %s | %s | %s |\n", k, med(rate, k, c), med(p50, k, c), med(p90, k, c), med(p99, k, c), cpu[k, 1] } }'
log "done"
