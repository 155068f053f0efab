#!/usr/bin/env bash
# Starts the application of the last build (web/target/approval.jar) for infra/run.sh and infra/benchmark-start.sh,
# the way that starts fastest: the jar unpacked once per build into $APPROVAL_DATA_DIR/app (java -Djarmode=tools
# extract: classes load from plain jars, not from jars nested in the jar), and a class-data archive (CDS) of what a
# start loads, written at the exit of the first run after a build and mapped by every later one. The JIT compiles with
# C1 only (-XX:TieredStopAtLevel=1): at start the C2 compiler threads compete with the start for the cores.
# Measured on a shared 2-core machine (see README, "Start and memory"): a warm start's CPU time from 44 s to 13 s.
# JAVA_OPTS are passed on; APPROVAL_FAST_START=false starts the jar as it is, with nothing of this.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=web/target/approval.jar
if [ "${APPROVAL_FAST_START:-true}" = false ]; then
  exec java ${JAVA_OPTS:-} -jar "$JAR" "$@"
fi
APP=${APPROVAL_DATA_DIR:-.run-data}/app
if [ ! -f "$APP/approval.jar" ] || [ "$JAR" -nt "$APP/approval.jar" ]; then
  rm -rf "$APP"
  java -Djarmode=tools -jar "$JAR" extract --destination "$APP" > /dev/null
  touch "$APP/approval.jar" # newer than the build's jar from now on
fi
if [ -f "$APP/approval.jsa" ]; then
  cds=-XX:SharedArchiveFile="$APP/approval.jsa"
else
  cds=-XX:ArchiveClassesAtExit="$APP/approval.jsa" # this run writes it when it stops
fi
# -Xlog:cds=off: the archive names the classes it cannot hold (generated ones), harmless and many
exec java "$cds" -Xlog:cds=off -Xlog:cds+dynamic=off -XX:TieredStopAtLevel=1 ${JAVA_OPTS:-} -jar "$APP/approval.jar" "$@"
