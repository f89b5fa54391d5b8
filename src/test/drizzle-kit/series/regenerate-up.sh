#!/usr/bin/env bash
# Regenerates expected-up/migrations/: what `drizzle-kit up` of drizzle-kit 1.0.0-rc.5 (../v1/package.json) makes of the
# 0.x series in expected/migrations/: one <YYYYMMDDHHMMSS>_<name>/ folder per journal entry holding its migration.sql
# and its snapshot converted to version 6; meta/ removed. `ving drizzle --upgrade` is compared with it
# (FolderUpgradeTest). Deterministic: the folder names come from the journal's `when`, the ids from the snapshots.
# Needs: node + npm. Runs from any directory.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here/../v1/package.json" "$work/"
(cd "$work" && npm install --no-audit --no-fund --silent)
cp -r "$here/expected/migrations" "$work/migrations"
(cd "$work" && npx drizzle-kit up --dialect mysql --out ./migrations)
rm -rf "$here/expected-up"
mkdir -p "$here/expected-up"
cp -r "$work/migrations" "$here/expected-up/migrations"
echo "wrote $here/expected-up/migrations"
