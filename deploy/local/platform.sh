#!/usr/bin/env bash
# Runs the whole platform on 127.0.0.1: Mosquitto, kinesis-local, dynalite, ingest-gateway,
# analytics-job (Flink in-process), query-api and the device simulator. Ctrl-C stops all of it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LOCAL="$ROOT/deploy/local"
VERSION="0.1.0-SNAPSHOT"

usage() {
  cat <<'TXT'
Usage: ./platform <command> [options]

Commands:
  up          Build what is missing, install the local stand-ins, start everything on 127.0.0.1,
              wait until each part is healthy and print what to open. Ctrl-C stops it all.
  simulate    Run the device simulator alone against a broker (default tcp://127.0.0.1:1883, e.g. the
              one `up` started); every option after `simulate` goes to the simulator
              (./platform simulate --help lists them).
  bench       Start the stack on its own ports, load it at rising rates and report throughput, latency,
              lag, CPU/RSS per process and losses per rate (./platform bench --help; docs/benchmarks.md).
  token       Print a bearer token for query-api, signed by the local issuer (its key pair lives in
              <state-dir>/jwt and is created on first use), e.g.
                ./platform token --building b1 --role technician --subject alice
              (./platform token --help lists the options; add --state-dir DIR before them if
              `up` used one).
  install     Only install the local stand-ins (npm packages, Mosquitto) and exit.
  help        Show this text.

Options for `up`:
  --no-build              Use the jars as they are (fail if one is missing).
  --rebuild               Rebuild all modules first (./mvnw package -DskipTests).
  --port-base N           Use ports N..N+6 instead of the defaults (MQTT 1883, Kinesis 4567,
                          DynamoDB 8000, gateway 8090, Flink UI 8081, API 8080).
  --state-dir DIR         Where logs, configs and PIDs go (default: .local-stack).
  --buildings N           Demo fleet: buildings (default 2).
  --floors N              Demo fleet: floors per building (default 3).
  --devices-per-floor N   Demo fleet: devices per floor (default 8).
  --rate R                Messages per second per device (default 1).
  --fault-after D         When the demo faults start, e.g. 20s (default 20s).
  --offline-after S       Seconds of silence before a device is OFFLINE (default 20).
  --no-simulator          Start everything but the simulator (publish your own messages).

Everything listens on 127.0.0.1 only. Logs: <state-dir>/logs/. Running `up` again starts afresh
(the emulators keep data in memory).
TXT
}

# ---------------------------------------------------------------- options
cmd="${1:-help}"; shift || true
if [[ "$cmd" == bench ]]; then
  # The system benchmark starts `up` itself (own --port-base and --state-dir); its options follow.
  jar="$ROOT/deploy/bench/target/system-bench.jar"
  [[ -f "$jar" ]] || (cd "$ROOT" && ./mvnw -B -q package -DskipTests -pl deploy/bench -am) \
    || { echo "platform: building the benchmark failed" >&2; exit 1; }
  exec java -Xmx512m -jar "$jar" --repo "$ROOT" "$@"
fi
if [[ "$cmd" == simulate ]]; then
  # Everything after `simulate` belongs to the simulator's own command line.
  jar="$ROOT/device-simulator/target/device-simulator.jar"
  [[ -f "$jar" ]] || (cd "$ROOT" && ./mvnw -B -q package -DskipTests -pl device-simulator -am) \
    || { echo "platform: building the simulator failed" >&2; exit 1; }
  exec java -jar "$jar" "$@"
fi
API_APP="$ROOT/query-api/target/quarkus-app"
# The dev-token command is a plain main in query-api's jar (no Quarkus start).
dev_token() { # ARGS...: runs DevTokenCommand on the packaged API's classpath
  [[ -f "$API_APP/quarkus-run.jar" ]] || (cd "$ROOT" && ./mvnw -B -q package -DskipTests -pl query-api -am) \
    || { echo "platform: building query-api failed" >&2; exit 1; }
  java -cp "$API_APP/app/*:$API_APP/lib/main/*:$API_APP/lib/boot/*" io.smartbuilding.api.security.DevTokenCommand "$@"
}
if [[ "$cmd" == token ]]; then
  token_state="$ROOT/.local-stack"
  if [[ "${1:-}" == --state-dir ]]; then
    [[ -n "${2:-}" && "${2:-}" != -* ]] \
      || { echo "platform: --state-dir needs a directory, e.g. ./platform token --state-dir .local-stack --building b1" >&2; exit 2; }
    token_state="$2"; shift 2
  fi
  case " $* " in *" --help "*|*" -h "*) dev_token --help; exit $? ;; esac
  # The key pair `up` trusts; minting a token before the first `up` creates it.
  dev_token --create-keys --key-dir "$token_state/jwt" || exit $?
  dev_token --key-dir "$token_state/jwt" "$@"
  exit $?
fi
BUILD=auto; PORT_BASE=""; STATE_DIR="$ROOT/.local-stack"; SIMULATOR=yes
BUILDINGS=2; FLOORS=3; DEVICES_PER_FLOOR=8; RATE=1; FAULT_AFTER=20s; OFFLINE_AFTER=20
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-build) BUILD=no ;;
    --rebuild) BUILD=yes ;;
    --port-base) PORT_BASE="$2"; shift ;;
    --state-dir) STATE_DIR="$(mkdir -p "$2" && cd "$2" && pwd)"; shift ;;
    --buildings) BUILDINGS="$2"; shift ;;
    --floors) FLOORS="$2"; shift ;;
    --devices-per-floor) DEVICES_PER_FLOOR="$2"; shift ;;
    --rate) RATE="$2"; shift ;;
    --fault-after) FAULT_AFTER="$2"; shift ;;
    --offline-after) OFFLINE_AFTER="$2"; shift ;;
    --no-simulator) SIMULATOR=no ;;
    -h|--help) usage; exit 0 ;;
    *) echo "platform: unknown option '$1' (see ./platform help)" >&2; exit 2 ;;
  esac
  shift
done

if [[ -n "$PORT_BASE" ]]; then
  [[ "$PORT_BASE" =~ ^[0-9]+$ && "$PORT_BASE" -ge 1024 && "$PORT_BASE" -le 65000 ]] \
    || { echo "platform: --port-base must be a number between 1024 and 65000" >&2; exit 2; }
  MQTT_PORT=$PORT_BASE; KINESIS_PORT=$((PORT_BASE+1)); KINESIS_TLS_PORT=$((PORT_BASE+2))
  DYNAMODB_PORT=$((PORT_BASE+3)); GATEWAY_PORT=$((PORT_BASE+4)); FLINK_PORT=$((PORT_BASE+5))
  API_PORT=$((PORT_BASE+6))
else
  MQTT_PORT=1883; KINESIS_PORT=4567; KINESIS_TLS_PORT=4568; DYNAMODB_PORT=8000
  GATEWAY_PORT=8090; FLINK_PORT=8081; API_PORT=8080
fi
LOGS="$STATE_DIR/logs"
PIDS="$STATE_DIR/pids"

say() { printf '\033[1m[platform]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[platform] %s\033[0m\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- prerequisites
check_tools() {
  command -v java >/dev/null || die "Java 17 or newer is needed (java not found)."
  local v; v=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  [[ "${v%%.*}" -ge 17 ]] || die "Java 17 or newer is needed (found $v)."
  command -v node >/dev/null || die "Node.js 20 is needed for the AWS emulators (node not found)."
  command -v npm >/dev/null || die "npm is needed to install the AWS emulators."
  command -v curl >/dev/null || die "curl is needed for health checks."
}

mosquitto_bin() {
  for b in "$(command -v mosquitto 2>/dev/null || true)" /usr/sbin/mosquitto /usr/local/sbin/mosquitto; do
    [[ -n "$b" && -x "$b" ]] && { echo "$b"; return 0; }
  done
  return 1
}

install_stand_ins() {
  if [[ ! -f "$LOCAL/node_modules/kinesis-local/main.js" || ! -f "$LOCAL/node_modules/dynalite/cli.js" \
        || "$LOCAL/package-lock.json" -nt "$LOCAL/node_modules/.package-lock.json" ]]; then
    say "installing the AWS emulators (pinned npm packages) into deploy/local/node_modules"
    (cd "$LOCAL" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed in deploy/local"
  fi
  if ! mosquitto_bin >/dev/null; then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
      say "installing Mosquitto with apt-get"
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mosquitto mosquitto-clients) >/dev/null \
        || die "apt-get install mosquitto failed"
    elif command -v sudo >/dev/null && command -v apt-get >/dev/null && [[ -t 0 ]]; then
      read -r -p "[platform] Mosquitto (MQTT broker) is missing. Install it with 'sudo apt-get install mosquitto'? [y/N] " answer
      [[ "$answer" =~ ^[Yy] ]] || die "Mosquitto is needed. Install it (e.g. 'sudo apt-get install mosquitto' or 'brew install mosquitto') and run again."
      sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mosquitto mosquitto-clients
    else
      die "Mosquitto is needed. Install it (e.g. 'sudo apt-get install mosquitto' or 'brew install mosquitto') and run again."
    fi
  fi
}

GATEWAY_JAR="$ROOT/ingest-gateway/target/quarkus-app/quarkus-run.jar"
API_JAR="$ROOT/query-api/target/quarkus-app/quarkus-run.jar"
JOB_JAR="$ROOT/analytics-job/target/analytics-job-$VERSION.jar"
JOB_CLASSPATH="$ROOT/analytics-job/target/local-classpath.txt"
JOB_JVM_OPTIONS="$ROOT/analytics-job/target/jvm-options.txt"
SIMULATOR_JAR="$ROOT/device-simulator/target/device-simulator.jar"

build() {
  local missing=no newest_source
  for jar in "$GATEWAY_JAR" "$API_JAR" "$JOB_JAR" "$JOB_CLASSPATH" "$JOB_JVM_OPTIONS" "$SIMULATOR_JAR"; do
    [[ -f "$jar" ]] || missing=yes
  done
  if [[ "$BUILD" == no ]]; then
    [[ "$missing" == no ]] || die "a module jar is missing; run without --no-build"
    return
  fi
  if [[ "$BUILD" == auto && "$missing" == no ]]; then
    # Rebuild only when a source or pom changed after the oldest jar was built.
    newest_source=$(find "$ROOT" -path "$ROOT/.git" -prune -o -path '*/target' -prune -o -path '*/node_modules' -prune \
      -o \( -name '*.java' -o -name 'pom.xml' -o -name '*.properties' \) -newer "$JOB_JAR" -print -quit)
    [[ -z "$newest_source" ]] && return
  fi
  say "building the modules (./mvnw package -DskipTests; the first build downloads dependencies)"
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests) || die "the build failed"
}

# ---------------------------------------------------------------- process handling
STARTED=()

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

check_ports() {
  for p in $MQTT_PORT $KINESIS_PORT $KINESIS_TLS_PORT $DYNAMODB_PORT $GATEWAY_PORT $FLINK_PORT $API_PORT; do
    if port_in_use "$p"; then
      die "port $p on 127.0.0.1 is in use (is another './platform up' running?). Stop it or use --port-base."
    fi
  done
}

# start NAME COMMAND...: runs the command in the background, logs to $LOGS/NAME.log, records its PID.
start() {
  local name="$1"; shift
  "$@" >"$LOGS/$name.log" 2>&1 &
  local pid=$!
  STARTED+=("$pid:$name")
  echo "$pid $name" >>"$PIDS"
}

stop_all() {
  trap - INT TERM EXIT
  [[ ${#STARTED[@]} -eq 0 ]] && return
  say "stopping"
  local i entry pid name
  for ((i=${#STARTED[@]}-1; i>=0; i--)); do   # reverse start order: producers first
    entry="${STARTED[$i]}"; pid="${entry%%:*}"; name="${entry#*:}"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; say "  $name did not stop in 10 s: killed"; fi
    wait "$pid" 2>/dev/null || true
  done
  rm -f "$PIDS"
  say "stopped; logs are in $LOGS"
}

# A previous run that was killed hard may have left processes: stop those we can prove are ours.
stop_leftovers() {
  [[ -f "$PIDS" ]] || return 0
  while read -r pid name; do
    if [[ -r "/proc/$pid/cmdline" ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "$ROOT\|$STATE_DIR"; then
      say "stopping $name (pid $pid) left over from an earlier run"
      kill -TERM "$pid" 2>/dev/null || true
    fi
  done <"$PIDS"
  sleep 1
  rm -f "$PIDS"
}

wait_port() { # NAME PORT PID
  for _ in $(seq 1 600); do
    port_in_use "$2" && return 0
    kill -0 "$3" 2>/dev/null || die "$1 exited during start; see $LOGS/$1.log"
    sleep 0.1
  done
  die "$1 did not open port $2 within 60 s; see $LOGS/$1.log"
}

wait_http() { # NAME URL PID TIMEOUT_S
  for _ in $(seq 1 $(( $4 * 5 ))); do
    curl -fsS -o /dev/null "$2" 2>/dev/null && return 0
    kill -0 "$3" 2>/dev/null || die "$1 exited during start; see $LOGS/$1.log"
    sleep 0.2
  done
  die "$1 was not healthy at $2 within $4 s; see $LOGS/$1.log"
}

last_pid() { local e="${STARTED[-1]}"; echo "${e%%:*}"; }

# ---------------------------------------------------------------- up
up() {
  check_tools
  install_stand_ins
  build
  mkdir -p "$LOGS"
  stop_leftovers
  check_ports
  trap stop_all EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM

  local node_modules="$LOCAL/node_modules"
  cat >"$STATE_DIR/mosquitto.conf" <<CONF
listener $MQTT_PORT 127.0.0.1
allow_anonymous true
persistence false
max_inflight_messages 1000
max_queued_messages 1000000
log_dest stdout
log_type error
log_type warning
log_type notice
CONF
  say "starting Mosquitto on 127.0.0.1:$MQTT_PORT"
  start mosquitto "$(mosquitto_bin)" -c "$STATE_DIR/mosquitto.conf"
  wait_port mosquitto "$MQTT_PORT" "$(last_pid)"

  say "starting kinesis-local on 127.0.0.1:$KINESIS_PORT"
  start kinesis env KINESIS_MOCK_PLAIN_PORT="$KINESIS_PORT" KINESIS_MOCK_TLS_PORT="$KINESIS_TLS_PORT" \
    AWS_REGION=us-east-1 LOG_LEVEL=WARN KINESIS_MOCK_CERT_PATH="$node_modules/kinesis-local/server.json" \
    node -r "$LOCAL/loopback-only.js" "$node_modules/kinesis-local/main.js"
  wait_port kinesis "$KINESIS_PORT" "$(last_pid)"

  say "starting dynalite on 127.0.0.1:$DYNAMODB_PORT"
  start dynamodb node -r "$LOCAL/loopback-only.js" "$node_modules/dynalite/cli.js" --host 127.0.0.1 \
    --port "$DYNAMODB_PORT" --createTableMs 0 --deleteTableMs 0 --updateTableMs 0
  wait_port dynamodb "$DYNAMODB_PORT" "$(last_pid)"

  # The local token issuer: a key pair kept in the state dir (never committed), reused across runs
  # so tokens stay valid; query-api trusts its public half.
  dev_token --create-keys --key-dir "$STATE_DIR/jwt" || die "could not create the local issuer's keys"

  local jvm=(java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto)
  say "starting ingest-gateway (health on 127.0.0.1:$GATEWAY_PORT)"
  start ingest-gateway "${jvm[@]}" -Xmx256m -Dquarkus.profile=local -Dquarkus.http.port="$GATEWAY_PORT" \
    -Dgateway.mqtt.broker-url="tcp://127.0.0.1:$MQTT_PORT" \
    -Dgateway.kinesis.endpoint-override="http://127.0.0.1:$KINESIS_PORT" \
    -jar "$GATEWAY_JAR"
  wait_http ingest-gateway "http://127.0.0.1:$GATEWAY_PORT/q/health/ready" "$(last_pid)" 120

  say "starting query-api on 127.0.0.1:$API_PORT"
  start query-api "${jvm[@]}" -Xmx256m -Dquarkus.profile=local -Dquarkus.http.port="$API_PORT" \
    -Dquarkus.dynamodb.endpoint-override="http://127.0.0.1:$DYNAMODB_PORT" \
    -Dmp.jwt.verify.publickey.location="file:$STATE_DIR/jwt/public-key.pem" \
    -jar "$API_JAR"
  local api_pid; api_pid=$(last_pid)

  mkdir -p "$STATE_DIR/flink-tmp"
  say "starting analytics-job (Flink in-process, web UI on 127.0.0.1:$FLINK_PORT)"
  # jvm-options.txt holds the --add-opens flags Flink needs on Java 17 (its own scripts pass them).
  start analytics-job java @"$ROOT/analytics-job/target/jvm-options.txt" -Xmx768m \
    -Djava.io.tmpdir="$STATE_DIR/flink-tmp" \
    -Dlog4j.configurationFile="$LOCAL/log4j2-analytics.properties" \
    -cp "$JOB_JAR:$(cat "$JOB_CLASSPATH")" io.smartbuilding.analytics.AnalyticsJob \
    --config "$ROOT/analytics-job/config/local.properties" \
    --local true --local.web-ui-port "$FLINK_PORT" \
    --kinesis.endpoint "http://127.0.0.1:$KINESIS_PORT" \
    --dynamodb.endpoint "http://127.0.0.1:$DYNAMODB_PORT" \
    --rules.offline.after-seconds "$OFFLINE_AFTER" \
    --checkpoint.dir "file://$STATE_DIR/checkpoints"
  local job_pid; job_pid=$(last_pid)

  wait_http query-api "http://127.0.0.1:$API_PORT/q/health/ready" "$api_pid" 120
  for _ in $(seq 1 600); do
    curl -fsS "http://127.0.0.1:$FLINK_PORT/jobs/overview" 2>/dev/null | grep -q '"state":"RUNNING"' && break
    kill -0 "$job_pid" 2>/dev/null || die "analytics-job exited during start; see $LOGS/analytics-job.log"
    sleep 0.2
  done
  curl -fsS "http://127.0.0.1:$FLINK_PORT/jobs/overview" 2>/dev/null | grep -q '"state":"RUNNING"' \
    || die "analytics-job was not RUNNING within 120 s; see $LOGS/analytics-job.log"

  if [[ "$SIMULATOR" == yes ]]; then
    say "starting device-simulator: $BUILDINGS buildings x $FLOORS floors x $DEVICES_PER_FLOOR devices, $RATE msg/s each"
    start device-simulator java -Xmx256m -jar "$SIMULATOR_JAR" --broker "tcp://127.0.0.1:$MQTT_PORT" \
      --buildings "$BUILDINGS" --floors "$FLOORS" --devices-per-floor "$DEVICES_PER_FLOOR" --rate "$RATE" \
      --fault-after "$FAULT_AFTER" --overheat 1 --silent 1 --client-id demo-sim
    sleep 1
    kill -0 "$(last_pid)" 2>/dev/null || die "device-simulator exited during start; see $LOGS/device-simulator.log"
  fi

  local STATE_OPTION=""
  [[ "$STATE_DIR" == "$ROOT/.local-stack" ]] || STATE_OPTION=" --state-dir $STATE_DIR"
  cat <<TXT

  The platform is up (everything on 127.0.0.1). Logs: $LOGS

  REST API        http://127.0.0.1:$API_PORT/api/v1/buildings
  OpenAPI         http://127.0.0.1:$API_PORT/q/openapi
  Flink web UI    http://127.0.0.1:$FLINK_PORT
  Gateway metrics http://127.0.0.1:$GATEWAY_PORT/q/metrics
  MQTT broker     tcp://127.0.0.1:$MQTT_PORT  (topic buildings/{buildingId}/devices/{deviceId}/telemetry)

  The API wants a bearer token (roles viewer, technician, manager; buildings in the token):
    TOKEN=\$(./platform token$STATE_OPTION --role manager --building '*' --subject you)

  Try:
    curl -s -H "Authorization: Bearer \$TOKEN" http://127.0.0.1:$API_PORT/api/v1/buildings
    curl -s -H "Authorization: Bearer \$TOKEN" 'http://127.0.0.1:$API_PORT/api/v1/alerts?status=open'
    (the overheating device's alert opens about $FAULT_AFTER + 15 s after start, the silent device's
     OFFLINE alert $OFFLINE_AFTER s after it stops)

  Press Ctrl-C to stop everything.
TXT
  echo "PLATFORM READY api=$API_PORT mqtt=$MQTT_PORT" >"$STATE_DIR/ready"
  # Stay in the foreground; if any part dies, say so and stop the rest.
  while true; do
    for entry in "${STARTED[@]}"; do
      if ! kill -0 "${entry%%:*}" 2>/dev/null; then
        say "${entry#*:} stopped unexpectedly; see $LOGS/${entry#*:}.log"
        exit 1
      fi
    done
    sleep 1
  done
}

case "$cmd" in
  up) rm -f "$STATE_DIR/ready"; up ;;
  install) check_tools; install_stand_ins; say "local stand-ins installed" ;;
  help|-h|--help) usage ;;
  *) echo "platform: unknown command '$cmd' (see ./platform help)" >&2; exit 2 ;;
esac
