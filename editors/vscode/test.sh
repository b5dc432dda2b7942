#!/usr/bin/env bash
# Tests of the VS Code extension (needs node and npm; `npm ci` fetches from the npm registry):
#   1. the grammar is generated from src/i18n/keywords.rs and up to date;
#   2. the grammar unit tests tests/*.test.kh (vscode-tmgrammar-test);
#   3. every shipped policy tokenizes, its keywords scoped as keywords (tests/tokenize-policies.js);
#   4. the client in src/extension.js starts `kaohe lsp` as configured (tests/extension.test.js).
# Usage: bash editors/vscode/test.sh
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "test.sh: node and npm are needed (Debian: apt-get install nodejs npm)" >&2
    exit 1
fi
# install when node_modules is missing or older than the lock file
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund
fi

node syntaxes/generate.js --check
node_modules/.bin/vscode-tmgrammar-test 'tests/*.test.kh'
node tests/tokenize-policies.js
node tests/extension.test.js
