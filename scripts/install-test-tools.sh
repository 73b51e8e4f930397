#!/usr/bin/env bash
# Installs what the end-to-end tests drive, only what is missing: Neovim, Emacs with Eglot,
# Chromium, bubblewrap for the agent's sandbox, unzip (apt, Debian 12), code-server 4.100.3 (scripts/install-code-server.sh, with the
# apt packages its native modules build with), and LoopBack's todo example, a real server
# verified from its own OpenAPI (scripts/install-loopback-todo.sh, npm). `npm test` and `npm run test:e2e` run it first,
# so the README's test command passes on a fresh machine of this kind (Debian 12, root, Node 20).
# Prints nothing when everything is there. Set SPECL_SKIP_TOOL_INSTALL=1 to skip it.
set -euo pipefail
[ "${SPECL_SKIP_TOOL_INSTALL:-}" = 1 ] && exit 0
cd "$(dirname "$0")/.."

missing=()
command -v nvim >/dev/null || missing+=(neovim)
command -v emacs >/dev/null || missing+=(emacs-nox)
dpkg -s elpa-eglot >/dev/null 2>&1 || missing+=(elpa-eglot)
command -v chromium >/dev/null || missing+=(chromium)
# the agent's sandbox for model-written code (test/agent/process-sandbox.test.ts)
command -v bwrap >/dev/null || missing+=(bubblewrap)
# unpacks the VS Code extension's .vsix outside the repository (test/packaging)
command -v unzip >/dev/null || missing+=(unzip)
code_server="${SPECL_CODE_SERVER:-$HOME/.cache/specl/code-server-4.100.3}"
if [ ! -f "$code_server/node_modules/code-server/out/node/entry.js" ]; then
  # code-server's native modules build with these (scripts/install-code-server.sh)
  for package in build-essential python3 pkg-config libkrb5-dev ripgrep; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "the end-to-end tests need: ${missing[*]}; install them (apt-get install ${missing[*]}) or run as root on Debian" >&2
    exit 1
  fi
  echo "== installing for the end-to-end tests: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if [ ! -f "$code_server/node_modules/code-server/out/node/entry.js" ]; then
  echo "== code-server 4.100.3 for the VS Code end-to-end test, into $code_server"
  bash scripts/install-code-server.sh "$code_server"
fi
loopback_todo="${SPECL_LOOPBACK_TODO:-$HOME/.cache/specl/loopback-todo-6.0.0}"
if [ ! -f "$loopback_todo/node_modules/@loopback/example-todo/dist/application.js" ]; then
  echo "== LoopBack's todo example 6.0.0 for test/real-servers, into $loopback_todo"
  bash scripts/install-loopback-todo.sh "$loopback_todo"
fi
