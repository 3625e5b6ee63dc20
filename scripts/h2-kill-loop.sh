#!/usr/bin/env bash
# Does H2 keep every acknowledged commit through kill -9? (See scripts/H2KillLoop.java and the store's
# Connections, which explains why the store opens H2 files with REUSE_SPACE=FALSE.)
# Usage: scripts/h2-kill-loop.sh [CYCLES] [URL_OPTIONS] [JAVA_OPTIONS...]
#   scripts/h2-kill-loop.sh 400 ";REUSE_SPACE=FALSE"     # the store's setting: no loss expected
#   scripts/h2-kill-loop.sh 400 ""                       # H2's default (space reused): losses, about 1 in 80 stops here
# Needs a JDK 21+ (Temurin 25 is looked for first) and the H2 jar in ~/.m2 (any build of the project puts it there).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CYCLES="${1:-200}"
OPTS="${2:-;REUSE_SPACE=FALSE}"
shift $(( $# > 2 ? 2 : $# ))
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
VERSION="$(sed -n 's:.*<h2.version>\(.*\)</h2.version>.*:\1:p' "$ROOT/pom.xml")"
H2="$HOME/.m2/repository/com/h2database/h2/$VERSION/h2-$VERSION.jar"
[ -f "$H2" ] || { echo "h2-kill-loop: no $H2 (build the project once)" >&2; exit 2; }
OUT="$ROOT/target/h2-kill-loop"
rm -rf "$OUT"; mkdir -p "$OUT/classes" "$OUT/db"
"$JAVA_HOME/bin/javac" -cp "$H2" -d "$OUT/classes" "$ROOT/scripts/H2KillLoop.java"
exec "$JAVA_HOME/bin/java" "$@" -cp "$H2:$OUT/classes" H2KillLoop parent "$OUT/db/t" "$CYCLES" "$OPTS"
