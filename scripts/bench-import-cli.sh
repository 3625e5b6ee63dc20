#!/usr/bin/env bash
# Times importing everything in the UK data through the command line, as a user would: one
# `./tallyroom import ...` per kind of file (six JVMs, the launcher's own flags), into a fresh H2 store;
# then the single `./tallyroom import uk DATA_DIR` into another fresh store.
# Usage: scripts/bench-import-cli.sh [DATA_DIR]   (default: ../shared/data beside the checkout)
# TALLYROOM_JAVA_OPTS reaches the JVMs (e.g. -XX:TieredStopAtLevel=1 for C1 only, =4 for C2).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
D="${1:-$ROOT/../shared/data}"
W="$(mktemp -d)"
trap 'rm -rf "$W"' EXIT
DB="jdbc:h2:$W/db/tallyroom"
./tallyroom --help >/dev/null # builds the jar first if it is stale, outside the timing
echo "machine: $(nproc) cores; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
now() { date +%s.%N; }
t0=$(now)
run() {
  local s; s=$(now)
  ./tallyroom "$@" --db "$DB" --quiet >/dev/null
  printf '  %-16s %6.2f s\n' "$2" "$(echo "$(now) - $s" | bc)"
}
run import hoc-candidates "$D"/uk/westminster/ge{2015,2017,2019,2024}-results-by-candidate.csv \
  $(for y in 2015 2017 2019 2024; do echo --constituencies "$D/uk/westminster/ge$y-results-by-constituency.csv"; done)
run import hoc-notional "$D/uk/westminster/ge2019-notional-2024-boundaries-by-candidate.csv"
run import london-borough "$D"/uk/london-boroughs/{2006,2014,2018,2022}-candidates.csv
run import london-2016 "$D/uk/london-2016"
run import council-control "$D"/uk/council-control/council-composition-{1973-2015,2016-2025}.csv
run import ni-assembly "$D/stv/ni-assembly"
printf 'total %.2f s\n' "$(echo "$(now) - $t0" | bc)"
DB="jdbc:h2:$W/db2/tallyroom"
run import uk "$D"
