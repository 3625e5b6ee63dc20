#!/usr/bin/env bash
# CPU seconds by JVM thread group (main, C2 and C1 compilers, the collector) of one command, read from
# /proc every half second while it runs (Linux; the launcher execs java, so the process stays the same).
# Prints each half-second's ticks (1/100 s) per group, then the totals.
# Usage: scripts/thread-cpu.sh ./tallyroom import uk --db jdbc:h2:file:/tmp/x/db --quiet ../shared/data
set -uo pipefail
"$@" >/dev/null 2>&1 &
pid=$!
sample() {
  cat /proc/"$pid"/task/*/stat 2>/dev/null | sed -E 's/^[0-9]+ \((.*)\) [A-Z] (.*)$/\1|\2/' | awk -F'|' '
    { split($2, a, " "); n = $1
      g = n ~ /^C2 / ? "C2" : n ~ /^C1 / ? "C1" : n == "java" ? "main" : n ~ /^VM Thread/ ? "GC" : "other"
      c[g] += a[11] + a[12] }
    END { printf "main=%d C2=%d C1=%d GC=%d other=%d\n", c["main"], c["C2"], c["C1"], c["GC"], c["other"] }'
}
start=$(date +%s%N); last=""
while kill -0 "$pid" 2>/dev/null; do
  s=$(sample)
  if [ -n "$s" ] && [ "$s" != "main=0 C2=0 C1=0 GC=0 other=0" ]; then
    echo "$s" | awk -v prev="$last" -v t="$(( ($(date +%s%N) - start) / 1000000 ))" '
      { split(prev, p, "[ =]"); split($0, c, "[ =]"); printf "%6.1f s", t / 1000
        for (i = 1; i < length(c); i += 2) printf "  %s %3d", c[i], c[i + 1] - (prev == "" ? 0 : p[i + 1]); print "" }'
    last="$s"
  fi
  sleep 0.5
done
wait "$pid"; rc=$?
echo "wall $(( ($(date +%s%N) - start) / 1000000 )) ms, exit $rc; CPU seconds by group (last sample before exit):"
echo "$last" | tr ' ' '\n' | awk -F= '{ printf "  %-5s %6.2f s\n", $1, $2 / 100 }'
