#!/usr/bin/env bash
# Fetches Keycloak from Maven Central (keycloak-quarkus-dist) and runs it with the project's realm (infra/keycloak).
#   infra/keycloak.sh start   start it unless it is running, wait until ready, print where it is
#   infra/keycloak.sh stop    stop the one this script started
#   infra/keycloak.sh status  exit 0 when it is running and the realm is there
# Secrets (client secrets, the bootstrap admin) are generated on first start into $APPROVAL_DATA_DIR/keycloak.env,
# never kept in the repository. Demo users share the password in DEMO_PASSWORD (default: demo).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
KC_VERSION=26.7.3
DATA=$(mkdir -p "${APPROVAL_DATA_DIR:-$ROOT/.run-data}" && cd "${APPROVAL_DATA_DIR:-$ROOT/.run-data}" && pwd)
KC_HOME=$DATA/keycloak-$KC_VERSION
PORT=${KEYCLOAK_PORT:-8180}
MGMT_PORT=${KEYCLOAK_MANAGEMENT_PORT:-9180}
ENV_FILE=$DATA/keycloak.env
PID_FILE=$DATA/keycloak.pid
LOG=$DATA/keycloak.log

# plain bash, so that neither curl nor wget has to be installed
http_get() { # port path pattern
  (exec 3<> "/dev/tcp/127.0.0.1/$1" && printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$2" >&3 && grep -q "$3" <&3) 2> /dev/null
}
# ready means healthy and the realm imported: Keycloak reports healthy before its import has finished
ready() {
  http_get "$MGMT_PORT" /health/ready '"UP"' && http_get "$PORT" /realms/approval/.well-known/openid-configuration '"issuer"'
}

fetch() {
  [ -x "$KC_HOME/bin/kc.sh" ] && return
  echo "下载 Keycloak $KC_VERSION（Maven Central）…"
  "$ROOT/mvnw" -B -q dependency:copy -Dartifact=org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip -DoutputDirectory="$DATA"
  # the JDK's jar tool unpacks it, so unzip need not be installed; it drops the executable bits
  (cd "$DATA" && jar xf "keycloak-quarkus-dist-$KC_VERSION.zip" && rm "keycloak-quarkus-dist-$KC_VERSION.zip")
  chmod +x "$KC_HOME"/bin/*.sh
  # build-time options once; later starts are --optimized (about 12 s instead of 40 s)
  "$KC_HOME/bin/kc.sh" build --health-enabled=true --cache=local --db=dev-file > "$DATA/keycloak-build.log" 2>&1
}

# The pid in $PID_FILE, when that process is still this directory's kc.sh: after a crash or a reboot the pid may
# belong to another process, which is never signalled.
ours() {
  local pid arg
  pid=$(cat "$PID_FILE" 2> /dev/null) || return 1
  [ -r "/proc/$pid/cmdline" ] || return 1
  while IFS= read -r -d '' arg; do
    case "$arg" in
      */kc.sh) [ "$(readlink -f "$arg")" = "$(readlink -f "$KC_HOME/bin/kc.sh")" ] && { echo "$pid"; return 0; } ;;
    esac
  done < "/proc/$pid/cmdline"
  return 1
}

secrets() {
  if [ ! -f "$ENV_FILE" ]; then
    umask 077
    {
      echo "WEBAPPS_CLIENT_SECRET=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
      echo "WORKERS_CLIENT_SECRET=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
      echo "IDENTITY_CLIENT_SECRET=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
      echo "KC_BOOTSTRAP_ADMIN_USERNAME=kcadmin"
      echo "KC_BOOTSTRAP_ADMIN_PASSWORD=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
    } > "$ENV_FILE"
  fi
  set -a; . "$ENV_FILE"; set +a
  export DEMO_PASSWORD=${DEMO_PASSWORD:-demo}
}

start() {
  if ready; then
    if [ ! -f "$ENV_FILE" ]; then
      echo "端口 $PORT 上已有一个不是由本目录启动的 Keycloak（找不到 $ENV_FILE）：请先停止它，或设置 KEYCLOAK_PORT 与 KEYCLOAK_MANAGEMENT_PORT" >&2
      exit 1
    fi
    echo "Keycloak 已在运行：http://localhost:$PORT"
    return
  fi
  # a Keycloak of an earlier run is still starting (that run was killed meanwhile): wait for it rather than start a
  # second one on the same port; one that never gets ready is stopped and replaced
  local previous
  if previous=$(ours); then
    echo "上次启动的 Keycloak（PID $previous）尚未就绪，等待它…"
    for _ in $(seq 1 180); do
      ready && { echo "Keycloak 已就绪：http://localhost:$PORT/realms/approval"; return; }
      kill -0 "$previous" 2> /dev/null || break
      sleep 1
    done
    if kill -0 "$previous" 2> /dev/null; then
      echo "上次启动的 Keycloak（PID $previous）180 秒内未就绪，停止它并重新启动"
      stop
      for _ in $(seq 1 30); do kill -0 "$previous" 2> /dev/null || break; sleep 1; done
    fi
  fi
  fetch
  secrets
  mkdir -p "$KC_HOME/data/import"
  # Keycloak never re-imports a realm it has: when the realm file changed, start from an empty store
  local realm_sum
  realm_sum=$(cksum < "$ROOT/infra/keycloak/approval-realm.json")
  if [ "$(cat "$KC_HOME/data/realm.cksum" 2> /dev/null)" != "$realm_sum" ]; then
    rm -rf "$KC_HOME/data/h2"
    echo "$realm_sum" > "$KC_HOME/data/realm.cksum"
  fi
  cp "$ROOT/infra/keycloak/approval-realm.json" "$KC_HOME/data/import/"
  local started=$(date +%s)
  nohup "$KC_HOME/bin/kc.sh" start --optimized --http-enabled=true --http-port="$PORT" \
    --http-management-port="$MGMT_PORT" --hostname="http://localhost:$PORT" --import-realm > "$LOG" 2>&1 &
  echo $! > "$PID_FILE"
  for _ in $(seq 1 180); do
    if ready; then
      echo "Keycloak 已就绪（$(( $(date +%s) - started )) 秒）：http://localhost:$PORT/realms/approval"
      return
    fi
    kill -0 "$(cat "$PID_FILE")" 2> /dev/null || { echo "Keycloak 启动失败，见 $LOG"; tail -20 "$LOG"; exit 1; }
    sleep 1
  done
  echo "Keycloak 180 秒内未就绪，见 $LOG"; exit 1
}

stop() {
  local pid
  if pid=$(ours); then
    kill "$pid" 2> /dev/null || true
  fi
  rm -f "$PID_FILE"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  status) ready ;;
  *) echo "usage: $0 start|stop|status"; exit 2 ;;
esac
