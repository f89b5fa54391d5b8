#!/usr/bin/env bash
# Runs a benchmark of src/bench against the MariaDB on 127.0.0.1:3306 (root, no password), or VING_BENCH_DB_HOST.
#   src/bench/run.sh migrations      --prepare on 200 kinds of 15 props; --up of 100 small migrations
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
"$root/mvnw" -B -q -f "$root/pom.xml" -pl src/bench -am install -DskipTests >/dev/null
classpath="$("$root/mvnw" -B -q -f "$root/src/bench/pom.xml" dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
case "${1:-migrations}" in
  migrations) main=io.quarkiverse.ving.bench.MigrationBenchmark ;;
  *) echo "unknown benchmark: $1 (known: migrations)" >&2; exit 2 ;;
esac
exec java -Xmx512m -cp "$root/src/bench/target/classes:$classpath" "$main" "${@:2}"
