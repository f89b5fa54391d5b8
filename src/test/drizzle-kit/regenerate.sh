#!/usr/bin/env bash
# Regenerates expected/ by running the real drizzle-kit (the version a ving application pins) on the Drizzle
# table files ving's generator writes for the reference schemas (`ving drizzle --tables --format drizzle`).
# Needs node and npm. Run it after changing a reference schema, then review the diff of expected/.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cp "$here/package.json" "$here/orm.mjs" "$work/"
"$root/ving" drizzle --tables --format drizzle --schemas "$root/src/main/ving" --out "$work/schema" >/dev/null
(cd "$work" && npm install --silent --no-audit --no-fund >/dev/null)

# export prints "Reading schema files:", one line per file and a blank line before the SQL; keep the SQL.
(cd "$work" && npx drizzle-kit export --dialect mysql --schema ./schema) | sed '1,/^$/d' > "$here/expected/export.sql"

rm -rf "$here/expected/migrations"
(cd "$work" && npx drizzle-kit generate --dialect mysql --schema ./schema --out ./migrations --name init >/dev/null)
cp -r "$work/migrations" "$here/expected/migrations"
echo "Regenerated $here/expected"
