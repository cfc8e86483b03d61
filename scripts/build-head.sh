#!/usr/bin/env bash
# Rebuilds plugin/ from exactly the committed sources (HEAD), even while the working tree has
# uncommitted changes, so the committed plugin always matches the committed code.
set -euo pipefail
root=$(git rev-parse --show-toplevel)
tmp=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$tmp/wt" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
git -C "$root" worktree add -q --detach "$tmp/wt" HEAD
ln -s "$root/node_modules" "$tmp/wt/node_modules"
(cd "$tmp/wt" && node scripts/build.mjs --outdir "$tmp/plugin")
rm -rf "$root/plugin"
cp -r "$tmp/plugin" "$root/plugin"
