#!/usr/bin/env bash
# Compares the quick compiler alone (C1, -XX:TieredStopAtLevel=1) with full tiering (C2) for each of the
# six kinds of import in the UK data and for `import uk`, each through ./tallyroom into a fresh H2 store.
# C1 and C2 runs alternate, so both see the same load. Prints wall seconds per run and the medians.
# Usage: scripts/bench-import-jit.sh [DATA_DIR] [RUNS]   (default: ../shared/data beside the checkout, 3)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
D="${1:-$ROOT/../shared/data}"
RUNS="${2:-3}"
W="$(mktemp -d)"
trap 'rm -rf "$W"' EXIT
./tallyroom --help >/dev/null # builds the jar first if it is stale, outside the timing
echo "machine: $(nproc) cores; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
now() { date +%s.%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
once() { # LEVEL ARGS...: wall seconds of one import into a fresh store
  local level="$1" s; shift
  rm -rf "$W/db"
  s=$(now)
  TALLYROOM_JAVA_OPTS="-XX:TieredStopAtLevel=$level" ./tallyroom "$@" --db "jdbc:h2:$W/db/tallyroom" --quiet >/dev/null
  echo "$(now) - $s" | bc
}
kind() { # LABEL ARGS...
  local label="$1" c1=() c2=() i; shift
  for ((i = 0; i < RUNS; i++)); do
    c1+=("$(once 1 "$@")")
    c2+=("$(once 4 "$@")")
  done
  printf '  %-16s C1 %6.2f s  C2 %6.2f s   (C1: %s; C2: %s)\n' "$label" \
    "$(printf '%s\n' "${c1[@]}" | median)" "$(printf '%s\n' "${c2[@]}" | median)" "${c1[*]}" "${c2[*]}"
}
kind hoc-candidates import hoc-candidates "$D"/uk/westminster/ge{2015,2017,2019,2024}-results-by-candidate.csv \
  $(for y in 2015 2017 2019 2024; do echo --constituencies "$D/uk/westminster/ge$y-results-by-constituency.csv"; done)
kind ge2019 import hoc-candidates "$D/uk/westminster/ge2019-results-by-candidate.csv" \
  --constituencies "$D/uk/westminster/ge2019-results-by-constituency.csv"
kind hoc-notional import hoc-notional "$D/uk/westminster/ge2019-notional-2024-boundaries-by-candidate.csv"
kind london-borough import london-borough "$D"/uk/london-boroughs/{2006,2014,2018,2022}-candidates.csv
kind london-2016 import london-2016 "$D/uk/london-2016"
kind council-control import council-control "$D"/uk/council-control/council-composition-{1973-2015,2016-2025}.csv
kind ni-assembly import ni-assembly "$D/stv/ni-assembly"
kind uk import uk "$D"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
