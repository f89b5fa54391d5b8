#!/usr/bin/env bash
# Runs a benchmark of src/bench against the MariaDB on 127.0.0.1:3306 (root, no password), or VING_BENCH_DB_HOST.
#   src/bench/run.sh migrations      --prepare on 200 kinds of 15 props; --up of 100 small migrations
#   src/bench/run.sh streams         1,000,000 rows through JDBC streaming, the Vert.x cursor and ving's iterator(),
#                                    each in its own JVM at -Xmx64m, with its peak RSS (needs /usr/bin/time)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
"$root/mvnw" -B -q -f "$root/pom.xml" -pl src/bench -am install -DskipTests >/dev/null
classpath="$("$root/mvnw" -B -q -f "$root/src/bench/pom.xml" dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
cp="$root/src/bench/target/classes:$classpath"
case "${1:-migrations}" in
  migrations) exec java -Xmx512m -cp "$cp" io.quarkiverse.ving.bench.MigrationBenchmark "${@:2}" ;;
  streams)
    cd "$root"
    java -cp "$cp" io.quarkiverse.ving.bench.StreamBenchmark setup >/dev/null
    echo "# Streaming benchmark"
    echo
    echo "- machine: $(nproc) cores, Java $(java -version 2>&1 | head -1 | cut -d'"' -f2), $(mariadb --version | grep -o 'Distrib [^,]*')"
    echo "- 1,000,000 rows of the reference users table, every column read; each way in its own JVM at -Xmx64m; best of 3 runs"
    echo
    echo "| way | rows/s | vs JDBC | peak RSS |"
    echo "|---|---|---|---|"
    jdbc_rate=""
    for mode in jdbc cursor ving ving-cursor; do
      best=""; rss=""
      for _ in 1 2 3; do
        out="$( { /usr/bin/time -f 'RSS %M' java -Xmx64m -cp "$cp" io.quarkiverse.ving.bench.StreamBenchmark "$mode"; } 2>&1 )"
        rows="$(echo "$out" | grep -E '^[0-9]+ ' | cut -d' ' -f1)"; secs="$(echo "$out" | grep -E '^[0-9]+ ' | cut -d' ' -f2)"
        r="$(echo "$out" | grep '^RSS' | cut -d' ' -f2)"
        rate="$(awk -v n="$rows" -v s="$secs" 'BEGIN { printf "%d", n / s }')"
        if [ -z "$best" ] || [ "$rate" -gt "$best" ]; then best="$rate"; rss="$r"; fi
      done
      [ "$mode" = jdbc ] && jdbc_rate="$best"
      label="$(case "$mode" in jdbc) echo 'JDBC streaming (MariaDB Connector/J, fetch 1000)';; cursor) echo 'Vert.x cursor stream (createStream(1000).toMulti())';; ving) echo "ving: iterator(), quarkus.ving.stream=jdbc";; ving-cursor) echo "ving: iterator(), quarkus.ving.stream=cursor";; esac)"
      echo "| $label | $best | $(awk -v a="$best" -v b="$jdbc_rate" 'BEGIN { printf "%.2f", a / b }') | $((rss / 1024)) MB |"
    done
    java -cp "$cp" -Drows=0 io.quarkiverse.ving.bench.StreamBenchmark setup >/dev/null  # leave an empty database
    ;;
  *) echo "unknown benchmark: $1 (known: migrations, streams)" >&2; exit 2 ;;
esac
