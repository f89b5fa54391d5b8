#!/usr/bin/env bash
# Regenerates expected/ by running the real drizzle-kit (the version a ving application pins) on schema/,
# the Drizzle table files ving's generator writes for the reference schemas in src/main/ving.
# Needs node and npm. Run it after changing a reference schema (and schema/ to match), then review the diff.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cp "$here/package.json" "$work/"
cp -r "$here/schema" "$work/schema"
(cd "$work" && npm install --silent --no-audit --no-fund >/dev/null)

# export prints "Reading schema files:", one line per file and a blank line before the SQL; keep the SQL.
(cd "$work" && npx drizzle-kit export --dialect mysql --schema ./schema) | sed '1,/^$/d' > "$here/expected/export.sql"

rm -rf "$here/expected/migrations"
(cd "$work" && npx drizzle-kit generate --dialect mysql --schema ./schema --out ./migrations --name init >/dev/null)
cp -r "$work/migrations" "$here/expected/migrations"
echo "Regenerated $here/expected"
