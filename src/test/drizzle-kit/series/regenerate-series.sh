#!/usr/bin/env bash
# Regenerates expected/migrations/ by running the real drizzle-kit (0.30.6 with drizzle-orm 0.38.4, as pinned by
# ../package.json) over the series of schema changes in steps/; with `v1`, expected-v1/migrations/ from drizzle-kit
# 1.0.0-rc.5 (../v1/package.json), whose folder holds one folder per migration (<YYYYMMDDHHMMSS>_<name>/migration.sql
# and snapshot.json) and no journal.
#
# Usage: regenerate-series.sh [v0|v1]
#
# steps/NN-short-description/ holds only the ving schema files that change in step NN (full contents);
# `<Kind>.mjs.removed` (empty) removes that kind. Step 00 has no schema files: it is the reference schemas
# (src/main/ving). The schema folder at step N = the reference schemas, then steps 00..N applied in order.
# For every step this script: builds that folder, validates it (`ving schema --validate`), writes ving's Drizzle table
# files for it (`ving drizzle --tables --format drizzle`) and runs
#   drizzle-kit generate --dialect mysql --schema ./schema --out ./migrations --name <description with _ for ->
# on the same migrations folder, so expected/migrations/ is drizzle-kit's cumulative folder (tags 0000_initial, ...).
#
# Renames: drizzle-kit asks interactively ("Is purpose column in apikeys table created or renamed from another
# column?") and there is no flag to pre-answer. Without a TTY it prints the question and exits 0 WITHOUT writing
# anything. A step is a rename step when one of its files carries `renamedFrom:`; such steps run drizzle-kit in a
# pseudo-terminal (a small python3 pty driver below, rather than `script` with fixed sleeps, so a slow start cannot
# make the keystrokes arrive early): it waits for each question, sends Down (ESC [ B) to move from "+ x create" to
# "~ old › new rename", checks that the rename line is the one selected, and sends Enter.
# After each step the script checks that exactly one migration with the expected tag was added, and for rename steps
# that its SQL contains RENAME; any surprise stops the script before expected/ is touched.
#
# The journal's `when` and the snapshots' `id`/`prevId` differ on every run; everything else is reproducible.
# Needs: node + npm, python3, java, and ./ving (built on first use). Runs from any directory.
set -euo pipefail
format="${1:-v0}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dk="$(cd "$here/.." && pwd)"            # src/test/drizzle-kit: package.json, orm.mjs
case "$format" in
  v0) package="$dk/package.json"; expected="$here/expected" ;;
  v1) package="$dk/v1/package.json"; expected="$here/expected-v1" ;;
  *) echo "usage: $0 [v0|v1]" >&2; exit 2 ;;
esac
root="$(cd "$here/../../../.." && pwd)"  # the repository
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# ving: `$root/ving` rebuilds the CLI whenever a source is newer than its build. Other people may be editing the tree
# while this runs (a rebuild mid-series once failed on a half-written class), so build once here through `$root/ving`,
# then copy the built CLI and use that copy for every step: one consistent build for the whole series. If the tree
# does not compile right now but a previous build exists, that build is used, with a warning.
app="$root/cli/target/quarkus-app"
if ! "$root/ving" --version > "$work/build.txt" 2>&1; then
  [ -f "$app/quarkus-run.jar" ] || { cat "$work/build.txt" >&2; echo "ving cannot be built" >&2; exit 1; }
  echo "warning: ./ving could not be rebuilt (tree being edited?); using the existing build in $app" >&2
fi
cp -r "$app" "$work/ving-cli"
ving() { java ${VING_JAVA_OPTS:-} -jar "$work/ving-cli/quarkus-run.jar" "$@"; }

cat > "$work/pty_rename.py" <<'PYEOF'
# Runs argv in a pseudo-terminal, echoing its output, and answers every drizzle-kit
# "... created or renamed from another ...?" question with the first "~ old › new rename" line.
import os, pty, re, select, sys, time
argv = sys.argv[1:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(argv[0], argv)
buf = b''
def pump(timeout):
    """Reads what is available within timeout; False once the child has closed the terminal."""
    global buf
    if not select.select([fd], [], [], timeout)[0]:
        return True
    try:
        data = os.read(fd, 65536)
    except OSError:
        return False
    if not data:
        return False
    sys.stdout.buffer.write(data); sys.stdout.flush()
    buf += data
    return True
def settle(seconds):
    """Reads until the child has been quiet for `seconds`."""
    while select.select([fd], [], [], seconds)[0]:
        if not pump(0):
            return False
    return True
def plain(b):
    return re.sub(r'\x1b\[[0-9;?]*[A-Za-z]', '', b.decode('utf-8', 'replace'))
answered, alive, deadline = 0, True, time.time() + 600
while alive and time.time() < deadline:
    alive = pump(0.5)
    if b'renamed from another' in buf:
        alive = settle(0.7)
        buf = b''
        os.write(fd, b'\x1b[B')          # Down: select the first "~ old > new rename" line
        alive = settle(0.7)
        selected = [l for l in plain(buf).splitlines() if '\u276f' in l]  # the line with the pointer
        if not selected or '~' not in selected[-1] or 'rename' not in selected[-1]:
            sys.stderr.write('\npty_rename: the rename line is not selected after Down: %r\n' % selected)
            os.kill(pid, 9); os.waitpid(pid, 0); sys.exit(3)
        os.write(fd, b'\r')              # Enter
        answered += 1
        alive = settle(1.5)              # let the answered question re-render, then watch for the next one
        buf = b''
if alive:
    sys.stderr.write('\npty_rename: timed out\n'); os.kill(pid, 9)
_, status = os.waitpid(pid, 0)
sys.stderr.write('\npty_rename: answered %d question(s) with "rename"\n' % answered)
code = os.waitstatus_to_exitcode(status)
sys.exit(code if code != 0 else (0 if answered else 4))
PYEOF

cp "$package" "$dk/orm.mjs" "$work/"
(cd "$work" && npm install --silent --no-audit --no-fund >/dev/null 2>&1)
mkdir "$work/ving"
cp "$root/src/main/ving/"*.mjs "$work/ving/"

migration_names() { # v0: the journal's tags; v1: the migration folders; one a line, oldest first (none yet: nothing)
  if [ "$format" = v1 ]; then
    [ -d "$work/migrations" ] || return 0
    find "$work/migrations" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort
    return 0
  fi
  [ -f "$work/migrations/meta/_journal.json" ] || return 0
  node -e 'for (const e of JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).entries) console.log(e.tag)' \
    "$work/migrations/meta/_journal.json"
}

migration_sql() { # the SQL file of the newest migration
  local newest
  newest="$(migration_names | tail -n 1)"
  if [ "$format" = v1 ]; then echo "$work/migrations/$newest/migration.sql"; else echo "$work/migrations/$newest.sql"; fi
}

idx=0
for step in "$here"/steps/*/; do
  step="${step%/}"
  name="$(basename "$step")"             # e.g. 03-add-column-varchar
  nn="${name%%-*}"
  suffix="${name#*-}"; suffix="${suffix//-/_}"
  tag="$(printf '%04d' "$idx")_$suffix"
  [ "$((10#$nn))" -eq "$idx" ] || { echo "step $name is out of sequence (expected number $idx)" >&2; exit 1; }

  rename=no
  for f in "$step"/*; do
    [ -e "$f" ] || continue
    case "$f" in
      *.mjs.removed) rm "$work/ving/$(basename "$f" .removed)" ;;
      *.mjs) cp "$f" "$work/ving/"; if grep -q 'renamedFrom:' "$f"; then rename=yes; fi ;;
    esac
  done
  if ! ving schema --validate --schemas "$work/ving" > "$work/out.txt" 2>&1; then
    cat "$work/out.txt" >&2; echo "step $name: the schema folder is not valid" >&2; exit 1
  fi

  rm -rf "$work/schema"
  ving drizzle --tables --format drizzle --schemas "$work/ving" --out "$work/schema" >/dev/null

  echo "== $name -> $tag (rename: $rename)"
  cmd="npx drizzle-kit generate --dialect mysql --schema ./schema --out ./migrations --name $suffix"
  if [ "$rename" = yes ]; then
    (cd "$work" && python3 "$work/pty_rename.py" bash -c "$cmd") > "$work/out.txt"
  else
    (cd "$work" && $cmd < /dev/null) > "$work/out.txt" 2>&1
  fi
  names="$(migration_names)"
  newest="$(printf '%s\n' "$names" | tail -n 1)"
  # v0 numbers its tags; v1 names its folders by the time, then the name
  if [ "$(printf '%s\n' "$names" | grep -c .)" -ne "$((idx + 1))" ] \
      || { [ "$format" = v0 ] && [ "$newest" != "$tag" ]; } || { [ "$format" = v1 ] && [ "${newest#*_}" != "$suffix" ]; }; then
    cat "$work/out.txt" >&2
    echo "step $name: drizzle-kit did not write migration $tag" >&2; exit 1
  fi
  if [ "$rename" = yes ] && ! grep -q 'RENAME' "$(migration_sql)"; then
    cat "$(migration_sql)" >&2
    echo "step $name: the migration has no RENAME (was the question answered \"create\"?)" >&2; exit 1
  fi
  # v1 names a folder by the second: two migrations in one second would share a name
  if [ "$format" = v1 ]; then sleep 1; fi
  idx=$((idx + 1))
done

rm -rf "$expected/migrations"
mkdir -p "$expected"
cp -r "$work/migrations" "$expected/migrations"
echo "Regenerated $expected/migrations ($idx migrations)"
