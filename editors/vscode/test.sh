#!/usr/bin/env bash
# Tests of the VS Code extension's highlighting (needs node and npm; npm ci reaches the npm registry):
#   1. the grammar is generated from src/i18n/keywords.rs and up to date;
#   2. the grammar unit tests tests/*.test.kh (vscode-tmgrammar-test);
#   3. every shipped policy tokenizes, its keywords scoped as keywords (tests/tokenize-policies.js).
# Usage: bash editors/vscode/test.sh
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "test.sh: node and npm are needed (Debian: apt-get install nodejs npm)" >&2
    exit 1
fi
if [ ! -d node_modules ]; then
    npm ci --no-audit --no-fund
fi

node syntaxes/generate.js --check
npx --no-install vscode-tmgrammar-test 'tests/*.test.kh'
node tests/tokenize-policies.js
