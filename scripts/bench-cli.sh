#!/usr/bin/env bash
# Start-up and end-to-end command timings for docs/benchmarks.md, with hyperfine (apt-get install -y hyperfine).
#   scripts/bench-cli.sh [BASELINE_LAUNCHER] [RUNS]
# BASELINE_LAUNCHER: another checkout's ./tallyroom (its jar already built) measured in the same run, so the
# ratios hold on a shared, noisy machine. Inputs are generated into target/bench-cli (seeded); the GE2019
# store is imported there once. Prints the load average before and after.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
NEW="$ROOT/tallyroom"
BASE="${1:-}"
RUNS="${2:-10}"
W="$ROOT/target/bench-cli"
DATA="$ROOT/../shared/data"
mkdir -p "$W"
cd "$W"
"$NEW" --version >/dev/null   # builds if needed
[ -f av-1m.csv ] || "$NEW" generate --quiet --ballots 1000000 --candidates 14 --ranks 5 --seed 1 av-1m.csv
[ -f senate.blt ] || "$NEW" generate --quiet --ballots 5000000 --candidates 150 --parties 8 --seats 12 --ranks 12 --seed 1 senate.blt
DB="jdbc:h2:file:$W/ge2019/tallyroom"
[ -f ge2019/tallyroom.mv.db ] || "$NEW" import hoc-candidates --quiet --db "$DB" \
    "$DATA/uk/westminster/ge2019-results-by-candidate.csv" \
    --constituencies "$DATA/uk/westminster/ge2019-results-by-constituency.csv" >/dev/null
SCOT="$(echo "$DATA"/stv/scotland2007-2012/ballots/*.blt)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
bench() { # name runs command...
  local name="$1" runs="$2"; shift 2
  local args=(-N --warmup 1 --runs "$runs" --export-json "$W/$name.json" -n "new" "$NEW $*")
  [ -n "$BASE" ] && args+=(-n "baseline" "$BASE $*")
  local shown="$*"
  [ "${#shown}" -gt 160 ] && shown="${shown:0:160}..."
  echo "== $name: tallyroom $shown"
  hyperfine "${args[@]}" 2>&1 | grep -v '^ *$'
}
bench help "$RUNS" --help
bench fptp "$RUNS" count --method fptp "$ROOT/examples/ward-tallies.csv"
bench elections "$RUNS" elections --db "$DB"
bench analyse-contest "$RUNS" analyse contest --db "$DB" parl.chipping-barnet.2019-12-12
bench scotland-374 "$RUNS" count --method stv-scotland --format json --out "$W/scot-out" $SCOT
bench av-1m "$RUNS" count --method av av-1m.csv
bench senate-stv-scotland 3 count --method stv-scotland senate.blt
bench senate-stv-meek 3 count --method stv-meek senate.blt
echo "peak memory (KB, one run each):"
for m in av:av-1m.csv stv-scotland:senate.blt stv-meek:senate.blt; do
  /usr/bin/time -f "  ${m%%:*} ${m#*:}: %M KB, %e s wall, %U s user" "$NEW" count --method "${m%%:*}" "${m#*:}" >/dev/null
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
