#!/usr/bin/env bash
# Refreshes reference-data/ (the project's compressed copy of the public reference data) from
# ../shared/data: every file gzipped on its own (gzip -n: no name or time stored, so an unchanged
# file gives identical bytes and git sees no change), licence and README files kept as plain text,
# files gone from the source removed. reference-data/SOURCES.md is the project's own and is kept.
# Usage: scripts/refresh-reference-data.sh [SOURCE_DIR]   (default ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/.."
SRC="${1:-../shared/data}"
DEST=reference-data
if [ ! -d "$SRC" ]; then
  echo "no reference data at $SRC" >&2
  exit 2
fi
SRC="$(cd "$SRC" && pwd)"
mkdir -p "$DEST"
plain() { case "$(basename "$1")" in LICENSE*|README*|*.md) return 0 ;; *) return 1 ;; esac; }
declare -A keep=([SOURCES.md]=1)
while IFS= read -r -d '' f; do
  rel="${f#"$SRC"/}"
  if plain "$rel"; then out="$rel"; else out="$rel.gz"; fi
  keep["$out"]=1
  mkdir -p "$DEST/$(dirname "$rel")"
  if plain "$rel"; then
    cmp -s "$f" "$DEST/$out" || cp "$f" "$DEST/$out"
  elif [ ! -f "$DEST/$out" ] || ! gzip -dc "$DEST/$out" | cmp -s - "$f"; then
    gzip -9 -n -c "$f" > "$DEST/$out.tmp" && mv "$DEST/$out.tmp" "$DEST/$out"
  fi
done < <(find "$SRC" -type f -print0)
while IFS= read -r -d '' f; do
  rel="${f#"$DEST"/}"
  if [ -z "${keep["$rel"]+x}" ]; then rm -f "$f"; echo "removed $rel"; fi
done < <(find "$DEST" -type f -print0)
find "$DEST" -type d -empty -delete
echo "reference-data: $(find "$DEST" -type f | wc -l) files, $(du -sh "$DEST" | cut -f1) on disk, $(find "$DEST" -type f -printf '%s\n' | awk '{s+=$1} END {printf "%.1f MB", s/1048576}') of bytes"
