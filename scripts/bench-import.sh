#!/usr/bin/env bash
# Times importing everything in the UK data (general elections 2015-2024, notional 2019, London boroughs
# 2006-2022, GLA 2016, council control 1973-2025, NI Assembly sheets) into a fresh H2 database and a fresh embedded
# PostgreSQL (org.tallyroom.store.uk.ImportBench, in the store module's test classes).
# Usage: scripts/bench-import.sh [DATA_UK_DIR] [RUNS] [LABEL_PREFIX]
#   LABEL_PREFIX times only the imports whose label starts with it, e.g. "hoc-candidates ge2019".
# Or: scripts/bench-import.sh --ab ROUNDS SUFFIX... compares H2 URL suffixes ("-" for none) on warm imports
#   into fresh H2 files, in turn each round (org.tallyroom.store.uk.ImportAb), e.g. --ab 5 - ";PAGE_SIZE=65536".
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
AB=()
if [ "${1:-}" = "--ab" ]; then
  shift
  AB=("$@")
  set --
fi
DATA="${1:-}"
if [ -z "$DATA" ]; then
  d="$ROOT"
  while [ "$d" != "/" ] && [ ! -d "$d/shared/data/uk" ]; do d="$(dirname "$d")"; done
  DATA="$d/shared/data/uk"
fi
RUNS="${2:-3}"
ONLY="${3:-}"
CP_FILE="$(mktemp)"
trap 'rm -f "$CP_FILE"' EXIT
# One reactor build gives the classpath with the sibling modules' classes (nothing is installed in ~/.m2).
mvn -q -B -pl store -am test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE"
CP="store/target/test-classes:store/target/classes:io/target/classes:count/target/classes:count/target/test-classes:$(cat "$CP_FILE")"
JAVA=java
for j in "${JAVA_HOME:-}/bin/java" /usr/lib/jvm/*/bin/java; do
  if [ -x "$j" ] && "$j" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; then JAVA="$j"; break; fi
done
echo "machine: $(nproc) cores; $(lscpu | sed -n 's/^Model name: *//p')"
if [ "${#AB[@]}" -gt 0 ]; then
  "$JAVA" -XX:+UseSerialGC -Xmn256m -cp "$CP" org.tallyroom.store.uk.ImportAb "$DATA" "${AB[@]}"
  exit
fi
"$JAVA" -cp "$CP" org.tallyroom.store.uk.ImportBench "$DATA" "$RUNS" "$ONLY"
