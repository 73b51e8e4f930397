#!/usr/bin/env bash
# The README tried as a new user would: clones this repository's HEAD into a fresh folder and
# runs .ci/run there (the README's two commands). Not a vitest test, since it runs the whole
# suite itself. Usage: scripts/test-fresh-clone.sh [folder] (default: a new temporary folder).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
dest="${1:-$(mktemp -d)/specl}"
git clone -q "$repo" "$dest"
cd "$dest"
echo "== fresh clone of $(git rev-parse --short HEAD) in $dest"
start=$(date +%s)
bash .ci/run
echo "== the README's commands passed on a fresh clone in $(( $(date +%s) - start )) s"
