#!/usr/bin/env bash
# The results service under load, measured by wrk (an external load generator): a store holding the
# 2017 and 2019 general elections (imported with their constituency files), then
#   1. the first view of /elections/parl.2019-12-12 after a start (curl, wall time);
#   2. wrk, 32 connections, 20 s, on /elections/parl.2019-12-12 compressed (Accept-Encoding: gzip);
#   3. wrk, 32 connections, 20 s, on /api/ballots/parl.chipping-barnet.2019-12-12/result;
#   4. a correction through the API, and how long until the national page and the API show it;
#   5. for comparison in the same run, wrk on a small static file served by the same Jetty (/static/live.js);
#   6. with BENCH_PG=1: two nodes on one embedded PostgreSQL, wrk on both at once (page, then API).
# Usage: scripts/bench-web.sh [DATA_UK_DIR] [SECONDS] [CONNECTIONS]
# Environment: BENCH_WORK=DIR keeps the H2 store (and the PostgreSQL data) in DIR and imports only once;
# BENCH_JAVA_OPTS: the server's JVM options (default as `tallyroom serve`: -XX:+UseSerialGC -XX:-UsePerfData);
# BENCH_LOG: the request log, async (default, as `tallyroom serve`), sync (logback without the AsyncAppender)
# or none (slf4j-nop); BENCH_PG=1 adds the two-node PostgreSQL run (BENCH_PG=only: that run alone). The
# two-node run prints the CPU time the nodes and PostgreSQL (its server processes, ended ones included) used
# during each wrk run, per 1,000 requests: unlike latency, it hardly changes with what else the machine runs.
# Before and after a change, side by side: BENCH_BEFORE=DIR names the classes of the build before (a copy of
# an earlier run's $BENCH_WORK/classes); the script then measures only the national page (gzip), starting the
# server from the classes before and from this build alternately, BENCH_ROUNDS times each (default 3), on the
# same store under the same load, and prints each run's bytes, req/s and latency percentiles.
# Needs wrk (Debian: apt-get install -y wrk), curl and python3.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DATA="${1:-}"
if [ -z "$DATA" ]; then
  d="$ROOT"
  while [ "$d" != "/" ] && [ ! -d "$d/shared/data/uk" ]; do d="$(dirname "$d")"; done
  DATA="$d/shared/data/uk"
fi
SECS="${2:-20}"
CONN="${3:-32}"
command -v wrk >/dev/null || { echo "bench-web: wrk is not installed (apt-get install -y wrk)" >&2; exit 2; }
CP_FILE="$(mktemp)"
if [ -n "${BENCH_WORK:-}" ]; then mkdir -p "$BENCH_WORK"; WORK="$(cd "$BENCH_WORK" && pwd)"; else
  mkdir -p "$ROOT/web/target"; WORK="$(mktemp -d "$ROOT/web/target/bench-web.XXXXXX")"; fi
SERVER=""
EXTRA=()
cleanup() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; for p in "${EXTRA[@]}"; do kill "$p" 2>/dev/null; done; rm -f "$CP_FILE"; }
trap cleanup EXIT
# One reactor build gives the classpath with the sibling modules' classes (nothing is installed in ~/.m2).
mvn -q -B -pl web -am test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE"
# The classes are copied, so a build during the run cannot change what is measured.
rm -rf "$WORK/classes"; mkdir -p "$WORK/classes"
for m in web store analysis io count; do
  for k in classes test-classes; do [ -d "$m/target/$k" ] && cp -r "$m/target/$k" "$WORK/classes/$m-$k"; done
done
# The class path of a copied class tree ($1), then the dependencies.
classpath() {
  local cp="" d
  for d in "$1"/*; do cp="$cp$d:"; done
  echo "$cp$(cat "$CP_FILE")"
}
CP="$(classpath "$WORK/classes")"
if [ -n "${BENCH_BEFORE:-}" ]; then
  [ -d "$BENCH_BEFORE/web-classes" ] || { echo "bench-web: BENCH_BEFORE=$BENCH_BEFORE holds no web-classes (copy an earlier run's BENCH_WORK/classes)" >&2; exit 2; }
  BEFORE_CP="$(classpath "$(cd "$BENCH_BEFORE" && pwd)")"
fi
# The request log as `tallyroom serve` writes it (logback with app's logback.xml), unless BENCH_LOG=none.
LOGBACK="$HOME/.m2/repository/ch/qos/logback"
LOG_OPTS=()
case "${BENCH_LOG:-async}" in
  none) ;;
  async|sync)
    lb_classic="$(ls "$LOGBACK"/logback-classic/*/logback-classic-*.jar | grep -v sources | tail -1)"
    lb_core="$(ls "$LOGBACK"/logback-core/*/logback-core-*.jar | grep -v sources | tail -1)"
    CP="app/src/main/resources:$lb_classic:$lb_core:$CP"
    [ -n "${BEFORE_CP:-}" ] && BEFORE_CP="app/src/main/resources:$lb_classic:$lb_core:$BEFORE_CP"
    LOG_OPTS=(-Dslf4j.provider=ch.qos.logback.classic.spi.LogbackServiceProvider)
    if [ "${BENCH_LOG:-async}" = sync ]; then
      sed -e 's/<appender-ref ref="ASYNC"\/>/<appender-ref ref="STDERR"\/>/' app/src/main/resources/logback.xml > "$WORK/logback-sync.xml"
      LOG_OPTS+=("-Dlogback.configurationFile=$WORK/logback-sync.xml")
    fi ;;
  *) echo "bench-web: BENCH_LOG is async, sync or none" >&2; exit 2 ;;
esac
read -r -a SERVE_OPTS <<< "${BENCH_JAVA_OPTS:--XX:+UseSerialGC -XX:-UsePerfData}"
JAVA=java
for j in "${JAVA_HOME:-}/bin/java" /usr/lib/jvm/*/bin/java; do
  if [ -x "$j" ] && "$j" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; then JAVA="$j"; break; fi
done
DB="jdbc:h2:file:$WORK/tallyroom"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
PAGE="$BASE/elections/parl.2019-12-12"
BALLOT="parl.chipping-barnet.2019-12-12"
API="$BASE/api/ballots/$BALLOT/result"
echo "machine: $(nproc) cores; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "server JVM options: ${SERVE_OPTS[*]}; request log: ${BENCH_LOG:-async}"
if [ "${BENCH_PG:-0}" != only ] && [ ! -f "$WORK/tallyroom.mv.db" ]; then
  "$JAVA" -cp "$CP" "${LOG_OPTS[@]}" org.tallyroom.web.WebBench import "$DB" "$DATA" 2>/dev/null
fi

# Starts WebBench serve on DB $1, port $2, writing its log to $3 (warm or cold: $4; class path $5, default
# this build's); its pid in $STARTED.
launch() {
  "$JAVA" "${SERVE_OPTS[@]}" "${LOG_OPTS[@]}" -cp "${5:-$CP}" org.tallyroom.web.WebBench serve "$1" "$2" "$WORK/token" "$4" > "$3" 2>&1 &
  STARTED=$!
  for _ in $(seq 1 1200); do grep -q '^ready' "$3" 2>/dev/null && return; sleep 0.05; done
  echo "bench-web: the server did not start:" >&2; cat "$3" >&2; exit 1
}
start_server() {
  launch "$DB" "$PORT" "$WORK/server.log" "${1:-warm}"
  SERVER=$STARTED
}

if [ "${BENCH_PG:-0}" != only ]; then
start_server cold
grep -v ' INFO ' "$WORK/server.log"
echo "first view after a start without warming: $(curl -s -o /dev/null -H 'Accept-Encoding: gzip' -w '%{time_total} s, HTTP %{http_code}' "$PAGE")"
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""
start_server
grep -v ' INFO ' "$WORK/server.log"
echo "first view after a start: $(curl -s -o /dev/null -H 'Accept-Encoding: gzip' -w '%{time_total} s, HTTP %{http_code}, %{size_download} bytes gzipped' "$PAGE")"
echo "second view: $(curl -s -o /dev/null -H 'Accept-Encoding: gzip' -w '%{time_total} s' "$PAGE")"
curl -s -o /dev/null "$API"
if [ -n "${BENCH_BEFORE:-}" ]; then
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""
  SUMMARY=()
  for round in $(seq 1 "${BENCH_ROUNDS:-3}"); do
    for side in before after; do
      if [ "$side" = before ]; then launch "$DB" "$PORT" "$WORK/server.log" warm "$BEFORE_CP"; else launch "$DB" "$PORT" "$WORK/server.log" warm; fi
      SERVER=$STARTED
      bytes=$(curl -s -o /dev/null -H 'Accept-Encoding: gzip' -w '%{size_download}' "$PAGE")
      plain=$(curl -s -o /dev/null -w '%{size_download}' "$PAGE")
      load="$(cut -d' ' -f1 /proc/loadavg)"
      echo "== round $round, $side: wrk $PAGE (gzip: $bytes bytes; uncompressed $plain bytes; load average $load)"
      # The server's CPU time over the run (user + system, from /proc): per request it tells the builds
      # apart even when the shared machine's load makes the latencies noisy.
      cpu0=$(awk '{print $14 + $15}' "/proc/$SERVER/stat")
      wrk -t2 -c"$CONN" -d"${SECS}s" --latency -H 'Accept-Encoding: gzip' "$PAGE" | tee "$WORK/wrk-$side-$round.txt"
      cpu1=$(awk '{print $14 + $15}' "/proc/$SERVER/stat")
      SUMMARY+=("$(python3 - "$WORK/wrk-$side-$round.txt" "$round" "$side" "$bytes" "$plain" "$load" "$((cpu1 - cpu0))" "$(getconf CLK_TCK)" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
requests = int(re.search(r"(\d+) requests in", t).group(1))
cpu_us = int(sys.argv[7]) / int(sys.argv[8]) * 1e6 / max(requests, 1)
def ms(p):
    v, u = re.search(r"^\s+%s%%\s+([0-9.]+)(us|ms|s)\s*$" % p, t, re.M).groups()
    return float(v) * {"us": 0.001, "ms": 1, "s": 1000}[u]
rps = float(re.search(r"Requests/sec:\s+([0-9.]+)", t).group(1))
errors = re.search(r"Non-2xx or 3xx responses: (\d+)|Socket errors: (.*)", t)
print("| %s | %s | %s | %s | %.0f | %.1f | %.1f | %.1f | %.0f | %s | %s |" % (sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], rps,
      ms(50), ms(90), ms(99), cpu_us, sys.argv[6], errors.group(0) if errors else "none"))
PY
)")
      kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""
    done
  done
  echo "== before and after, alternately (wrk -t2 -c$CONN -d${SECS}s, gzip)"
  echo "| round | build | bytes gzipped | bytes uncompressed | req/s | p50 ms | p90 ms | p99 ms | server CPU µs/request | load average before | errors |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"
  printf '%s\n' "${SUMMARY[@]}"
  exit 0
fi
echo "load average before wrk: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== wrk $PAGE (gzip)"
wrk -t2 -c"$CONN" -d"${SECS}s" --latency -H 'Accept-Encoding: gzip' "$PAGE"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== wrk $API"
wrk -t2 -c"$CONN" -d"${SECS}s" --latency "$API"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== for comparison: wrk $BASE/static/live.js (a small static file from the same Jetty and Javalin)"
wrk -t2 -c"$CONN" -d"${SECS}s" --latency "$BASE/static/live.js"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== a correction, then how long until the national page and the API show it"
python3 - "$BASE" "$BALLOT" "$(cat "$WORK/token")" <<'PY'
import json, sys, time, urllib.request
base, ballot, token = sys.argv[1], sys.argv[2], sys.argv[3]
def get(url, gz=False):
    req = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gz else {})
    with urllib.request.urlopen(req) as r:
        return r.headers.get("ETag"), r.read()
page = base + "/elections/parl.2019-12-12"
api = base + "/api/ballots/" + ballot + "/result"
for n in range(3):
    page_tag, _ = get(page, True)
    _, body = get(api)
    view = json.loads(body)
    votes = [int(float(c["votes"])) for c in sorted(view["candidates"], key=lambda c: c["position"])]
    votes[-1] += 1
    req = urllib.request.Request(base + "/api/ballots/" + ballot + "/correct", method="POST",
                                 data=json.dumps({"votes": votes, "reason": "benchmark correction %d" % n}).encode(),
                                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    t0 = time.monotonic()
    with urllib.request.urlopen(req) as r:
        version = r.headers.get("ETag")
    ack = time.monotonic()
    seen = {}
    while len(seen) < 2 and time.monotonic() - ack < 5:
        if "page" not in seen and get(page, True)[0] != page_tag:
            seen["page"] = time.monotonic() - ack
        if "api" not in seen and get(api)[0] == version:
            seen["api"] = time.monotonic() - ack
    print("correction %d: acknowledged in %.1f ms (%s); visible after the acknowledgement: national page %.1f ms, API %.1f ms"
          % (n, (ack - t0) * 1000, version, seen.get("page", float("nan")) * 1000, seen.get("api", float("nan")) * 1000))
PY
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""
fi

[ "${BENCH_PG:-0}" = 1 ] || [ "${BENCH_PG:-0}" = only ] || exit 0
echo "== two nodes on one embedded PostgreSQL"
"$JAVA" "${LOG_OPTS[@]}" -cp "$CP" org.tallyroom.web.WebBench postgres "$WORK" "$DATA" "$WORK/pg-url" > "$WORK/postgres.log" 2>&1 &
EXTRA+=($!)
for _ in $(seq 1 6000); do grep -q '^ready' "$WORK/postgres.log" 2>/dev/null && break; sleep 0.1; done
grep -q '^ready' "$WORK/postgres.log" || { echo "bench-web: PostgreSQL did not start:" >&2; cat "$WORK/postgres.log" >&2; exit 1; }
grep imported "$WORK/postgres.log"
PGURL="$(cat "$WORK/pg-url")"
PGPORT="$(echo "$PGURL" | sed -E 's#^jdbc:postgresql://[^:/]+:([0-9]+)/.*#\1#')"
POSTMASTER="$(ss -ltnpH "sport = :$PGPORT" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)"
# Clock ticks of CPU (user + system) process $1 has used, with its children that ended (/proc/PID/stat 14-17).
ticks() { awk '{ print $14 + $15 + $16 + $17 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
# PostgreSQL's: the postmaster's (ended backends included) plus its live children's.
pg_ticks() {
  local t c
  t=$(ticks "$POSTMASTER")
  for c in $(pgrep -P "$POSTMASTER"); do t=$((t + $(awk '{ print $14 + $15 }' "/proc/$c/stat" 2>/dev/null || echo 0))); done
  echo "$t"
}
PORTS=()
NODES=()
for n in 1 2; do
  p=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  launch "$PGURL" "$p" "$WORK/node$n.log" warm
  EXTRA+=("$STARTED"); PORTS+=("$p"); NODES+=("$STARTED")
  grep -v ' INFO ' "$WORK/node$n.log"
done
HALF=$((CONN / 2))
for what in "elections/parl.2019-12-12" "api/ballots/$BALLOT/result"; do
  echo "== wrk on both nodes at once, $HALF connections each: /$what"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  WRKS=()
  CPU_BEFORE="$(ticks "${NODES[0]}") $(ticks "${NODES[1]}") $(pg_ticks)"
  for n in 0 1; do
    wrk -t1 -c"$HALF" -d"${SECS}s" --latency -H 'Accept-Encoding: gzip' "http://127.0.0.1:${PORTS[$n]}/$what" > "$WORK/wrk-node$n.txt" &
    WRKS+=($!)
  done
  wait "${WRKS[@]}"
  CPU_AFTER="$(ticks "${NODES[0]}") $(ticks "${NODES[1]}") $(pg_ticks)"
  for n in 0 1; do echo "-- node $((n + 1))"; cat "$WORK/wrk-node$n.txt"; done
  python3 - "$WORK/wrk-node0.txt" "$WORK/wrk-node1.txt" "$CPU_BEFORE" "$CPU_AFTER" "$(getconf CLK_TCK)" <<'PY'
import re, sys
total = 0.0
requests = 0
for f in sys.argv[1:3]:
    text = open(f).read()
    total += float(re.search(r"Requests/sec:\s+([0-9.]+)", text).group(1))
    requests += int(re.search(r"([0-9]+) requests in", text).group(1))
print("summed over both nodes: %.0f req/s" % total)
tick = float(sys.argv[5])
used = [(int(b) - int(a)) / tick for a, b in zip(sys.argv[3].split(), sys.argv[4].split())]
print("CPU used during the run: node 1 %.1f s, node 2 %.1f s, PostgreSQL %.1f s; per 1,000 requests: nodes %.0f ms, "
      "PostgreSQL %.0f ms" % (used[0], used[1], used[2], (used[0] + used[1]) * 1e6 / max(requests, 1), used[2] * 1e6 / max(requests, 1)))
PY
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
done
