#!/usr/bin/env bash
# Runs a benchmark of src/bench against the MariaDB on 127.0.0.1:3306 (root, no password), or VING_BENCH_DB_HOST.
#   src/bench/run.sh migrations      --prepare on 200 kinds of 15 props; --up of 100 small migrations
#   src/bench/run.sh streams [N]     1,000,000 rows through JDBC streaming, the Vert.x cursor, ving's iterator() and
#                                    as records through the generated Users.findAll(),
#                                    each run in its own JVM at -Xmx64m, the ways interleaved over N rounds (5);
#                                    reports the median rate, the time to the first row, the peak RSS (needs
#                                    /usr/bin/time) and the CPU time the MariaDB server spent (when it is local)
#   src/bench/run.sh validation      read + validate one schema file of 1,000, 10,000 and 100,000 props, .mjs and
#                                    JSON: props per second by wall time and by the process's CPU time, with the
#                                    launcher's collector (parallel) and with the JVM's default one (G1)
#   src/bench/run.sh startup [N]     `./ving schema --validate` and `./ving drizzle --status`, start to finish, on
#                                    JDK 17 and 25, with and without the launcher's start-up archive, beside
#                                    node's own start-up; then the native ving beside a bare Quarkus picocli
#                                    application (src/bench/startup-baseline) built here by the same toolchain
#                                    (src/native/bootstrap.sh): time and peak RSS, and their ratios. The median of
#                                    N runs (10) each. VING_BENCH_NATIVE=no skips the native part; executables
#                                    already built (cli/target/*-runner, src/bench/startup-baseline/target/*-runner)
#                                    are measured as they are: delete them to measure new builds
#   src/bench/run.sh startup-native [N]   the native part of startup alone
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# the deployment module too: the runtime's extension-descriptor check resolves it
"$root/mvnw" -B -q -f "$root/pom.xml" -pl src/bench,deployment -am install -DskipTests
classpath="$("$root/mvnw" -B -q -f "$root/src/bench/pom.xml" dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
cp="$root/src/bench/target/classes:$classpath"

# user + system CPU ticks the local mariadbd has used so far; nothing when the server is elsewhere
server_cpu_ticks() {
  local pid
  pid="$(pgrep -x mariadbd || pgrep -x mysqld || true)"
  if [ -n "$pid" ] && [ -z "${VING_BENCH_DB_HOST:-}" ]; then awk '{ print $14 + $15 }' "/proc/${pid%%$'\n'*}/stat"; fi
}

# one run of a way: prints "rows seconds first_row_seconds rss_kb server_ticks"
stream_run() {
  local before after out
  before="$(server_cpu_ticks)"
  out="$( { /usr/bin/time -f 'RSS %M' java -Xmx64m -cp "$cp" io.quarkiverse.ving.bench.StreamBenchmark "$1"; } 2>&1 )"
  after="$(server_cpu_ticks)"
  echo "$(echo "$out" | grep -E '^[0-9]+ [0-9.]+ [0-9.]+$') $(echo "$out" | grep '^RSS' | cut -d' ' -f2) $(( ${after:-0} - ${before:-0} ))"
}

label() {
  case "$1" in
    jdbc) echo 'JDBC streaming (MariaDB Connector/J, fetch 1000)' ;;
    cursor) echo 'Vert.x cursor stream (`createStream(1000).toMulti()`)' ;;
    ving) echo 'ving: `iterator()`, `quarkus.ving.stream=jdbc`' ;;
    ving-cursor) echo 'ving: `iterator()`, `quarkus.ving.stream=cursor`' ;;
    findall) echo 'ving records: `users.findAll(null)`, `quarkus.ving.stream=jdbc`' ;;
    describe) echo 'ving descriptions: each record `describe`d to an admin, with meta and links' ;;
  esac
}

# milliseconds one run of a command takes, start to finish
millis() {
  local start
  start="$(date +%s%N)"
  "$@" >/dev/null 2>&1 || true
  echo $(( ($(date +%s%N) - start) / 1000000 ))
}

# one run of a command: prints "milliseconds peak_rss_kb minor_page_faults", start to finish
millis_rss() {
  local start rss
  rss="$(mktemp)"
  start="$(date +%s%N)"
  /usr/bin/time -f '%M %R' -o "$rss" "$@" >/dev/null 2>&1 || true
  echo "$(( ($(date +%s%N) - start) / 1000000 )) $(tail -1 "$rss")"
  rm -f "$rss"
}

# The native ving beside the bare Quarkus picocli application, both built by the project's toolchain: the median
# time and peak RSS of N interleaved runs, and the ratios the CLI is held to (docs/benchmarks.md).
native_startup() {
  local runs="$1" status_args=("${@:2}") graalvm ving baseline results
  graalvm="$(src/native/bootstrap.sh | tail -1)"
  ving="$(ls cli/target/*-runner 2>/dev/null | head -1 || true)"
  if [ ! -x "$ving" ]; then
    GRAALVM_HOME="$graalvm" ./mvnw -B -q package -Dnative -pl cli -DskipTests
    ving="$(ls cli/target/*-runner | head -1)"
  fi
  baseline="$(ls src/bench/startup-baseline/target/*-runner 2>/dev/null | head -1 || true)"
  if [ ! -x "$baseline" ]; then
    GRAALVM_HOME="$graalvm" ./mvnw -B -q -f src/bench/startup-baseline/pom.xml package -Dnative -DskipTests
    baseline="$(ls src/bench/startup-baseline/target/*-runner | head -1)"
  fi
  "$ving" drizzle --up --migrations integration-tests/src/main/resources/ving/migrations >/dev/null # --status's database
  results="$(mktemp)"
  for ((round = 0; round < runs; round++)); do
    echo "ving-version $(millis_rss "$ving" --version)" >>"$results"
    echo "ving-validate $(millis_rss "$ving" schema --validate)" >>"$results"
    echo "ving-status $(millis_rss "$ving" "${status_args[@]}")" >>"$results"
    echo "bare-version $(millis_rss "$baseline" --version)" >>"$results"
    echo "bare-connect $(millis_rss "$baseline" connect)" >>"$results"
  done
  # the median of a column (2: milliseconds, 3: peak RSS in KB, 4: minor page faults) of one command's runs
  middle() { awk -v w="$1" -v c="$2" '$1 == w { print $c }' "$results" | sort -n | sed -n "$(( (runs + 1) / 2 ))p"; }
  ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
  row() { # label, ving's command, the bare one, target
    echo "| $1 | $(middle "$2" 2) ms | $(middle "$3" 2) ms | $(ratio "$(middle "$2" 2)" "$(middle "$3" 2)") \
| $(( $(middle "$2" 3) / 1024 )) MB | $(( $(middle "$3" 3) / 1024 )) MB | $(ratio "$(middle "$2" 3)" "$(middle "$3" 3)") \
| $(middle "$2" 4) | $(middle "$3" 4) | $(ratio "$(middle "$2" 4)" "$(middle "$3" 4)") | $4 |"
  }
  echo
  echo "Native, each executable run directly; the bare application is \`$baseline\`"
  echo "(\`--version\`, and \`connect\`: one JDBC connection and \`SELECT 1\`)."
  echo
  echo "| native ving | time | bare | time ratio | peak RSS | bare | RSS ratio | page faults | bare | faults ratio | target |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
  row "\`ving --version\` / bare \`--version\`" ving-version bare-version ""
  row "\`ving schema --validate\` / bare \`--version\`" ving-validate bare-version "time and RSS ≤ 1.2"
  row "\`ving drizzle --status\` / bare \`connect\`" ving-status bare-connect "time ≤ 1.0 (bare + one connection), RSS ≤ 1.2"
  rm -f "$results"
}

# The start-up benchmarks' database, made empty (fresh) or dropped (drop); VING_MYSQL points the commands at it.
startup_database() {
  local host="${VING_BENCH_DB_HOST:-127.0.0.1:3306}" database=ving_bench_startup
  export VING_MYSQL="mysql://root@$host/$database"
  local create=""
  [ "$1" = fresh ] && create="; create database $database"
  mariadb -h "${host%%:*}" -P "${host##*:}" -uroot -e "drop database if exists $database$create"
}

case "${1:-migrations}" in
  migrations) exec java -Xmx512m -cp "$cp" io.quarkiverse.ving.bench.MigrationBenchmark "${@:2}" ;;
  validation)
    # the collector the ving launcher runs commands with (parallel), then the JVM's default one (G1): the gap between
    # them is the collector's share
    java -Xmx4g -XX:+UseParallelGC -cp "$cp" io.quarkiverse.ving.bench.ValidationBenchmark
    echo
    java -Xmx4g -XX:+UseG1GC -cp "$cp" io.quarkiverse.ving.bench.ValidationBenchmark
    ;;
  streams)
    cd "$root"
    rounds="${2:-5}"
    modes=(jdbc cursor ving ving-cursor findall describe)
    results="$(mktemp)"
    java -cp "$cp" io.quarkiverse.ving.bench.StreamBenchmark setup >/dev/null
    for ((round = 1; round <= rounds; round++)); do
      for mode in "${modes[@]}"; do echo "$mode $(stream_run "$mode")" >>"$results"; done
    done
    java -cp "$cp" -Drows=0 io.quarkiverse.ving.bench.StreamBenchmark setup >/dev/null # leave an empty database
    echo "# Streaming benchmark"
    echo
    echo "- machine: $(nproc) cores, Java $(java -version 2>&1 | head -1 | cut -d'"' -f2), $(mariadb --version | grep -o 'Distrib [^,]*')"
    echo "- 1,000,000 rows of the reference users table, every column read; each run in its own JVM at -Xmx64m;"
    echo "  the ways interleaved over $rounds rounds; median rate with its run's first row and server CPU, highest peak RSS"
    echo
    echo "| way | rows/s (median) | vs JDBC | slowest … fastest | first row after | peak RSS | server CPU |"
    echo "|---|---|---|---|---|---|---|"
    hz="$(getconf CLK_TCK)"
    jdbc_rate=""
    for mode in "${modes[@]}"; do
      # rate rss ticks first_row, sorted by rate
      runs="$(awk -v m="$mode" '$1 == m { printf "%d %d %d %s\n", $2 / $3, $5, $6, $4 }' "$results" | sort -n)"
      median="$(echo "$runs" | sed -n "$(( (rounds + 1) / 2 ))p")"
      rate="${median%% *}"
      [ "$mode" = jdbc ] && jdbc_rate="$rate"
      echo "| $(label "$mode") | $rate | $(awk -v a="$rate" -v b="$jdbc_rate" 'BEGIN { printf "%.2f", a / b }') \
| $(echo "$runs" | head -1 | cut -d' ' -f1) … $(echo "$runs" | tail -1 | cut -d' ' -f1) \
| $(echo "$median" | awk '{ printf "%d ms", $4 * 1000 }') \
| $(( $(echo "$runs" | cut -d' ' -f2 | sort -n | tail -1) / 1024 )) MB \
| $(echo "$median" | awk -v hz="$hz" '{ printf "%.1f s", $3 / hz }') |"
    done
    rm -f "$results"
    ;;
  startup)
    cd "$root"
    runs="${2:-10}"
    jdk17="${VING_BENCH_JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}"
    jdk25="${VING_BENCH_JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
    startup_database fresh
    JAVA_HOME="$jdk17" ./ving drizzle --up --migrations integration-tests/src/main/resources/ving/migrations >/dev/null
    validate=(./ving schema --validate)
    status=(./ving drizzle --status --migrations integration-tests/src/main/resources/ving/migrations)
    # train both JDKs' archives before measuring
    JAVA_HOME="$jdk17" "${validate[@]}" >/dev/null
    JAVA_HOME="$jdk25" "${validate[@]}" >/dev/null
    labels=("JDK 17, plain (VING_STARTUP=off)"
      "JDK 17, C1 only (VING_STARTUP=off VING_JAVA_OPTS=-XX:TieredStopAtLevel=1)"
      "JDK 17, launcher default: CDS archive + C1 only"
      "JDK 25, plain (VING_STARTUP=off)"
      "JDK 25, launcher default: AOT cache + C1 only")
    environments=("JAVA_HOME=$jdk17 VING_STARTUP=off"
      "JAVA_HOME=$jdk17 VING_STARTUP=off VING_JAVA_OPTS=-XX:TieredStopAtLevel=1"
      "JAVA_HOME=$jdk17"
      "JAVA_HOME=$jdk25 VING_STARTUP=off"
      "JAVA_HOME=$jdk25")
    results="$(mktemp)"
    # the ways interleaved, round after round: this machine's speed drifts
    for ((round = 0; round < runs; round++)); do
      for i in "${!environments[@]}"; do
        # shellcheck disable=SC2086 # one word per assignment
        echo "$i validate $(env ${environments[$i]} bash -c "$(declare -f millis); millis ${validate[*]}")" >>"$results"
        # shellcheck disable=SC2086
        echo "$i status $(env ${environments[$i]} bash -c "$(declare -f millis); millis ${status[*]}")" >>"$results"
      done
      echo "node validate $(millis node -e 0)" >>"$results"
    done
    median() { awk -v w="$1" -v c="$2" '$1 == w && $2 == c { print $3 }' "$results" | sort -n | sed -n "$(( (runs + 1) / 2 ))p"; }
    echo "# Start-up benchmark"
    echo
    echo "- machine: $(nproc) cores, $(mariadb --version | grep -o 'Distrib [^,]*'); median of $runs interleaved runs, wall time"
    echo "  of the whole command including the ./ving launcher (bash, and its check that nothing needs building)"
    echo
    echo "| JVM | ving schema --validate | ving drizzle --status |"
    echo "|---|---|---|"
    for i in "${!environments[@]}"; do
      echo "| ${labels[$i]} | $(median "$i" validate) ms | $(median "$i" status) ms |"
    done
    echo "| node $(node --version), \`node -e 0\` (nothing loaded) | $(median node validate) ms | |"
    # peak memory (maximum resident set) of one --status on the JVM; the native executable's is in the next table
    echo
    echo "| \`ving drizzle --status\` | peak memory (max RSS) |"
    echo "|---|---|"
    echo "| JDK 17, launcher default | $(env JAVA_HOME="$jdk17" /usr/bin/time -f %M "${status[@]}" 2>&1 >/dev/null | tail -1) KB |"
    rm -f "$results"
    if [ "${VING_BENCH_NATIVE:-}" != no ]; then
      native_startup "$runs" "${status[@]:1}"
    fi
    startup_database drop
    ;;
  startup-native)
    cd "$root"
    startup_database fresh
    native_startup "${2:-10}" drizzle --status --migrations integration-tests/src/main/resources/ving/migrations
    startup_database drop
    ;;
  *) echo "unknown benchmark: $1 (known: migrations, streams, validation, startup, startup-native)" >&2; exit 2 ;;
esac
