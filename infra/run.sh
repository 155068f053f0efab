#!/usr/bin/env bash
# Starts the whole approval system on embedded defaults: a real PostgreSQL and an SMTP/IMAP outbox inside the JVM,
# the Operaton engine with Tasklist, Cockpit and Admin, the workers and the portal API. Prints where to log in.
# Everything it needs comes from Maven Central and the npm registry; nothing is installed by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
echo "构建中（首次运行会下载依赖，约需数分钟）…"
./mvnw -B -q -DskipTests -Dskip.installnodenpm -Dskip.npm -Dmaven.antrun.skip=true install
echo "构建完成，用时 $(( $(date +%s) - started )) 秒；正在启动…"
exec java ${JAVA_OPTS:-} -jar web/target/approval.jar "$@"
