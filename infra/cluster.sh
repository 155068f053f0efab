#!/usr/bin/env bash
# A local cluster on one machine: one PostgreSQL (with the SMTP/IMAP outbox), two engine nodes on two ports and two
# worker processes, all from the one jar the build makes; Keycloak with the project's realm as for infra/run.sh.
#   infra/cluster.sh start [--no-build]   build, start everything, wait until each is ready, print where it is
#   infra/cluster.sh stop                 stop what this script started (by the pids it recorded)
# Logs and pids in $APPROVAL_DATA_DIR/cluster (default .run-data/cluster). Ports: CLUSTER_PG_PORT (5433), nodes
# 8080/8090 (management 8081/8091), workers' management ports 8181/8182, SMTP 3025, IMAP 3143.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${APPROVAL_DATA_DIR:-.run-data}
DIR=$DATA/cluster
PG_PORT=${CLUSTER_PG_PORT:-5433}
JAR=web/target/approval.jar
mkdir -p "$DIR"

http_ok() { # port path pattern
  (exec 3<> "/dev/tcp/127.0.0.1/$1" && printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$2" >&3 && grep -q "$3" <&3) 2> /dev/null
}

ours() { # name: the recorded pid, when it is still a java of this jar
  local pid
  pid=$(cat "$DIR/$1.pid" 2> /dev/null) || return 1
  [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q "approval.jar" && echo "$pid"
}

launch() { # name, then the java arguments
  local name=$1
  shift
  if ours "$name" > /dev/null; then
    echo "$name 已在运行（PID $(ours "$name")）"
    return
  fi
  nohup java ${JAVA_OPTS:--Xmx512m} "$@" > "$DIR/$name.log" 2>&1 &
  echo $! > "$DIR/$name.pid"
}

await_ready() { # name port
  local i
  for i in $(seq 1 240); do
    http_ok "$2" /actuator/health/readiness '"UP"' && return 0
    ours "$1" > /dev/null || { echo "$1 已退出，见 $DIR/$1.log"; tail -40 "$DIR/$1.log"; exit 1; }
    sleep 1
  done
  echo "$1 在 240 秒内未就绪，见 $DIR/$1.log"
  exit 1
}

stop() {
  local name pid
  for name in worker-2 worker-1 node-2 node-1 services; do
    if pid=$(ours "$name"); then
      kill "$pid"
      for _ in $(seq 1 60); do kill -0 "$pid" 2> /dev/null || break; sleep 1; done
      echo "已停止 $name（PID $pid）"
    fi
    rm -f "$DIR/$name.pid"
  done
}

start() {
  started=$(date +%s)
  if [ "${1:-}" != "--no-build" ]; then
    echo "构建中…"
    ./mvnw -B -q -DskipTests install
  fi
  infra/keycloak.sh start
  set -a
  . "$DATA/keycloak.env"
  set +a
  export KEYCLOAK_URL=${KEYCLOAK_URL:-http://localhost:${KEYCLOAK_PORT:-8180}}
  export APPROVAL_DB_URL="jdbc:postgresql://localhost:$PG_PORT/postgres" APPROVAL_DB_USER=postgres APPROVAL_DB_PASSWORD=
  export APPROVAL_SMTP_HOST=127.0.0.1 APPROVAL_SMTP_PORT=${CLUSTER_SMTP_PORT:-3025}

  launch services -cp "$JAR" -Dloader.main=cn.pubdata.approval.embedded.StandaloneServices \
    org.springframework.boot.loader.launch.PropertiesLauncher "$DIR/postgres" "$PG_PORT" "$APPROVAL_SMTP_PORT" "${CLUSTER_IMAP_PORT:-3143}"
  for _ in $(seq 1 120); do grep -q READY "$DIR/services.log" 2> /dev/null && break; sleep 1; done
  grep -q READY "$DIR/services.log" || { echo "PostgreSQL 未启动，见 $DIR/services.log"; exit 1; }

  # the first node migrates the schema and deploys the models; the second finds them there
  launch node-1 -jar "$JAR" --spring.profiles.active=engine-node --server.port=8080 --management.server.port=8081
  await_ready node-1 8081
  launch node-2 -jar "$JAR" --spring.profiles.active=engine-node --server.port=8090 --management.server.port=8091
  # each worker asks its own node first and the other one when its own cannot be reached
  APPROVAL_ENGINE_URLS=http://localhost:8080/engine-rest,http://localhost:8090/engine-rest APPROVAL_MANAGEMENT_PORT=8181 \
    launch worker-1 -jar "$JAR" --spring.profiles.active=worker --approval.workers.worker-id=worker-1
  APPROVAL_ENGINE_URLS=http://localhost:8090/engine-rest,http://localhost:8080/engine-rest APPROVAL_MANAGEMENT_PORT=8182 \
    launch worker-2 -jar "$JAR" --spring.profiles.active=worker --approval.workers.worker-id=worker-2
  await_ready node-2 8091
  await_ready worker-1 8181
  await_ready worker-2 8182
  cat << INFO

==== 本机集群已就绪（用时 $(( $(date +%s) - started )) 秒）====
  引擎节点 1  : http://localhost:8080/operaton/app/tasklist/default/ 、/api、/engine-rest；管理端口 http://localhost:8081/actuator/health
  引擎节点 2  : http://localhost:8090/operaton/app/tasklist/default/ 、/api、/engine-rest；管理端口 http://localhost:8091/actuator/health
  执行器 1    : 取 http://localhost:8080/engine-rest 的任务（不可达时改取 8090）；管理端口 http://localhost:8181/actuator/health
  执行器 2    : 取 http://localhost:8090/engine-rest 的任务（不可达时改取 8080）；管理端口 http://localhost:8182/actuator/health
  PostgreSQL  : $APPROVAL_DB_URL（用户 postgres），数据在 $DIR/postgres
  发出的邮件  : IMAP localhost:${CLUSTER_IMAP_PORT:-3143}（用户名和密码均为收件邮箱地址）
  Keycloak    : $KEYCLOAK_URL/realms/approval（演示账号密码均为 demo）
  指标        : http://localhost:8081/actuator/prometheus（各管理端口相同路径）
  日志与 PID  : $DIR/；停止：infra/cluster.sh stop
INFO
}

case "${1:-start}" in
  start) shift || true; start "$@" ;;
  stop) stop ;;
  *) echo "用法：infra/cluster.sh start [--no-build] | stop"; exit 2 ;;
esac
