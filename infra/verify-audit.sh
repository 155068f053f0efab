#!/usr/bin/env bash
# Walks the audit chain (存证溯源) straight on the database and prints whether it is intact or the first entry that was
# edited, deleted or inserted; exits 1 when broken. Takes the database from APPROVAL_DB_URL, APPROVAL_DB_USER and
# APPROVAL_DB_PASSWORD (as the production profile does). Needs the built jar (infra/run.sh or ./mvnw -DskipTests install).
set -euo pipefail
cd "$(dirname "$0")/.."
exec java -cp web/target/approval.jar -Dloader.main=cn.pubdata.approval.timeline.AuditVerifyCommand \
    org.springframework.boot.loader.launch.PropertiesLauncher
