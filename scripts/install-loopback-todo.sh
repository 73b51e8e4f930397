#!/usr/bin/env bash
# Installs LoopBack 4's todo example (@loopback/example-todo 6.0.0, IBM, MIT) into DEST from the
# pinned package.json and package-lock.json in test/real-servers/loopback-todo: a real server
# written by others, which serves its own OpenAPI document, for test/real-servers.
# scripts/install-test-tools.sh calls it when DEST lacks it. Needs only the npm registry.
set -euo pipefail
DEST=${1:?usage: install-loopback-todo.sh DEST_DIR}
here="$(cd "$(dirname "$0")/.." && pwd)/test/real-servers/loopback-todo"
mkdir -p "$DEST"
cp "$here/package.json" "$here/package-lock.json" "$DEST/"
cd "$DEST"
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
test -f node_modules/@loopback/example-todo/dist/application.js
