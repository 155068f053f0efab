#!/usr/bin/env bash
# Start and memory figures of the all-in-one: the jar of the last build started as infra/run.sh starts it
# (infra/launch.sh) on a fresh data directory (first start: migrations, deployment, PostgreSQL's initdb, the jar
# unpacked, the class-data archive written at its exit) and again on the same directory (warm start), each timed until
# readiness answers UP, with the CPU time it took; then the RSS of the application, its PostgreSQL and Keycloak. Appends to
# web/target/benchmarks/benchmarks.csv and .md (run the Benchmarks class first for the rest of the table).
# Ports: BENCH_PORT (18190) and BENCH_MANAGEMENT_PORT (18191); Keycloak as for infra/run.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PORT:-18190}
MGMT=${BENCH_MANAGEMENT_PORT:-18191}
DATA=$(mktemp -d /tmp/approval-bench.XXXXXX)
OUT=web/target/benchmarks
mkdir -p "$OUT"
infra/keycloak.sh start > /dev/null
set -a
. "${APPROVAL_DATA_DIR:-.run-data}/keycloak.env"
set +a
export KEYCLOAK_URL=${KEYCLOAK_URL:-http://localhost:${KEYCLOAK_PORT:-8180}}

ready() { (exec 3<> "/dev/tcp/127.0.0.1/$MGMT" && printf 'GET /actuator/health/readiness HTTP/1.0\r\n\r\n' >&3 && grep -q '"UP"' <&3) 2> /dev/null; }
rss() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$1/status" 2> /dev/null || echo 0; }
pss() { awk '/^Pss:/ {print int($2 / 1024)}' "/proc/$1/smaps_rollup" 2> /dev/null || echo 0; }

start() { # label
  local started pid seconds
  started=$(date +%s.%N)
  APPROVAL_DATA_DIR=$DATA APPROVAL_PORT=$PORT APPROVAL_MANAGEMENT_PORT=$MGMT APPROVAL_SMTP_PORT=0 APPROVAL_IMAP_PORT=0 \
    infra/launch.sh > "$OUT/start-$1.log" 2>&1 &
  pid=$!
  until ready; do
    kill -0 "$pid" 2> /dev/null || { echo "应用退出，见 $OUT/start-$1.log"; exit 1; }
    sleep 0.2
  done
  seconds=$(echo "$(date +%s.%N) - $started" | bc)
  echo "$pid $seconds $(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) / hz)}' "/proc/$pid/stat")"
}

stop() { # pid: the JVM was started in a subshell, so it is waited for by its pid
  kill "$1"
  while kill -0 "$1" 2> /dev/null; do sleep 0.2; done
}

read -r pid first first_cpu < <(start first)
stop "$pid"
read -r pid warm warm_cpu < <(start warm)
app=$(rss "$pid")
postmaster=$(head -1 "$DATA/postgres/postmaster.pid")
pg=$(( $(pss "$postmaster") + $(for c in $(pgrep -P "$postmaster"); do pss "$c"; done | paste -sd+ | bc) ))
kc=$(for p in $(pgrep -f "kc.home.dir=$(cd "${APPROVAL_DATA_DIR:-.run-data}" && pwd)/keycloak"); do rss "$p"; done | paste -sd+ | bc)
stop "$pid"
rm -rf "$DATA"
{
  echo "start,first start on a fresh data directory,$(printf %.1f "$first"),s,jar of the last build; CPU ${first_cpu} s; goal (cold) < 180"
  echo "start,warm start on the kept data directory,$(printf %.1f "$warm"),s,CPU ${warm_cpu} s; goal < 40"
  echo "memory (run command),application,$app,MB RSS,after the warm start"
  echo "memory (run command),PostgreSQL,$pg,MB PSS,postmaster and its processes (shared memory divided among them)"
  echo "memory (run command),Keycloak,${kc:-0},MB RSS,"
  echo "memory (run command),total,$(( app + pg + ${kc:-0} )),MB RSS,goal < 2560"
} | tee -a "$OUT/benchmarks.csv" | sed 's/^/| /; s/,/ | /g; s/$/ |/' | tee -a "$OUT/benchmarks.md"
