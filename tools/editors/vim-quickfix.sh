#!/usr/bin/env bash
# Loads bklint's gnu output into Vim's quickfix list (the errorformat from docs/integrations.md) and prints the
# list as Vim shows it, one entry a line: "file|line col N type| text". Usage: vim-quickfix.sh PIPELINE...
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
out=$(mktemp); qf=$(mktemp); trap 'rm -f "$out" "$qf"' EXIT
"$here/bklint" --format gnu --fail-on never "$@" > "$out"
vim -es -N -u NONE -i NONE \
  -c 'set errorformat=%f:%l:%c:\ %trror:\ %m,%f:%l:%c:\ %tarning:\ %m,%f:%l:%c:\ %tnfo:\ %m' \
  -c "cfile $out" -c "redir! > $qf" -c 'silent clist' -c 'redir END' -c 'qa!' </dev/null || true
sed '/^$/d' "$qf"
