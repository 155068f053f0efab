#!/usr/bin/env bash
# Starts the whole approval system on embedded defaults: Keycloak with the project's realm, a real PostgreSQL and an
# SMTP/IMAP outbox inside the JVM, the Operaton engine with Tasklist, Cockpit and Admin, the workers and the portal API.
# Prints where to log in. Everything it needs comes from Maven Central and the npm registry; nothing is installed by hand.
# After a crash (kill -9, power loss) just run it again: the PostgreSQL a killed run left running is shut down, a stale
# postmaster.pid cleared (StalePostmaster), and a Keycloak still starting from that run is waited for.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
echo "构建中（首次运行会下载依赖，约需数分钟）…"
./mvnw -B -q -DskipTests install
echo "构建完成，用时 $(( $(date +%s) - started )) 秒；启动 Keycloak…"
infra/keycloak.sh start
set -a
. "${APPROVAL_DATA_DIR:-.run-data}/keycloak.env"
set +a
echo "正在启动审批系统…（从运行本脚本起已用 $(( $(date +%s) - started )) 秒）"
# unpacked and with a class-data archive after the first run: see infra/launch.sh
JAVA_OPTS="${JAVA_OPTS:-} -Dapproval.launched-at=$started" exec infra/launch.sh "$@"
