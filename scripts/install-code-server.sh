#!/usr/bin/env bash
# Installs code-server 4.100.3 (the VS Code 1.100.3 server and web workbench) into DEST, for the
# VS Code end-to-end test (test/editors/vscode.test.ts); .ci/run calls it when DEST lacks it.
# Offline-registry install of code-server (VS Code 1.100.3 server + web workbench) on Debian 12 / Node 20, as root.
# Needs: apt-get install -y build-essential python3 pkg-config libkrb5-dev ripgrep
set -euo pipefail
DEST=${1:?usage: install-code-server.sh DEST_DIR}
mkdir -p "$DEST" && cd "$DEST"
[ -f package.json ] || npm init -y >/dev/null
export npm_config_yes=true          # node-pty's post-install runs `npx node-gyp`
npm install --no-audit --no-fund --ignore-scripts code-server@4.100.3   # last 4.x line whose engines.node is 20
cd node_modules/code-server/lib/vscode
npm install --omit=dev --ignore-scripts --no-audit --no-fund
# @vscode/ripgrep's postinstall downloads rg from GitHub; it skips when bin/ exists -> use Debian's rg
mkdir -p node_modules/@vscode/ripgrep/bin && ln -sf /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg
npm rebuild                          # builds node-pty, spdlog, kerberos, ... with node-gyp (headers from nodedir=/usr)
# the rest of code-server's postinstall.sh, by hand
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sf code-linux.sh code-server)
(cd bin/helpers && ln -sf browser-linux.sh browser.sh)
(cd extensions && npm install --omit=dev --no-audit --no-fund)
cd "$DEST" && npm rebuild argon2
node node_modules/code-server/out/node/entry.js --version
