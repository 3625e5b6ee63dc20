#!/usr/bin/env bash
# The results service under load, measured by wrk (an external load generator): a store holding the
# 2017 and 2019 general elections (imported with their constituency files), then
#   1. the first view of /elections/parl.2019-12-12 after a start (curl, wall time);
#   2. wrk, 32 connections, 20 s, on /elections/parl.2019-12-12 compressed (Accept-Encoding: gzip);
#   3. wrk, 32 connections, 20 s, on /api/ballots/parl.chipping-barnet.2019-12-12/result;
#   4. a correction through the API, and how long until the national page and the API show it.
# Usage: scripts/bench-web.sh [DATA_UK_DIR] [SECONDS] [CONNECTIONS]
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
WORK="$(mktemp -d "$ROOT/web/target/bench-web.XXXXXX")"
SERVER=""
cleanup() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; rm -f "$CP_FILE"; }
trap cleanup EXIT
# One reactor build gives the classpath with the sibling modules' classes (nothing is installed in ~/.m2).
mvn -q -B -o -pl web -am test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE"
CP="web/target/test-classes:web/target/classes:store/target/classes:store/target/test-classes:analysis/target/classes:io/target/classes:count/target/classes:count/target/test-classes:$(cat "$CP_FILE")"
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
"$JAVA" -cp "$CP" org.tallyroom.web.WebBench import "$DB" "$DATA"

start_server() {
  "$JAVA" -cp "$CP" org.tallyroom.web.WebBench serve "$DB" "$PORT" "$WORK/token" "${1:-warm}" > "$WORK/server.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 600); do grep -q ready "$WORK/server.log" 2>/dev/null && return; sleep 0.05; done
  echo "bench-web: the server did not start:" >&2; cat "$WORK/server.log" >&2; exit 1
}

start_server cold
cat "$WORK/server.log"
echo "first view after a start without warming: $(curl -s -o /dev/null -H 'Accept-Encoding: gzip' -w '%{time_total} s, HTTP %{http_code}' "$PAGE")"
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""
start_server
cat "$WORK/server.log"
echo "first view after a start: $(curl -s -o /dev/null -H 'Accept-Encoding: gzip' -w '%{time_total} s, HTTP %{http_code}, %{size_download} bytes gzipped' "$PAGE")"
echo "second view: $(curl -s -o /dev/null -H 'Accept-Encoding: gzip' -w '%{time_total} s' "$PAGE")"
curl -s -o /dev/null "$API"
echo "load average before wrk: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== wrk $PAGE (gzip)"
wrk -t2 -c"$CONN" -d"${SECS}s" --latency -H 'Accept-Encoding: gzip' "$PAGE"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== wrk $API"
wrk -t2 -c"$CONN" -d"${SECS}s" --latency "$API"
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
