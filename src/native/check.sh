#!/usr/bin/env bash
# Proves a toolchain from bootstrap.sh works: compiles check/Hello.java, builds
# it with $GRAALVM_HOME/bin/native-image into a native executable and runs it.
#   --smoke  also builds and runs check/Smoke.java, which exercises the JDK's
#            native libraries (zip, files, sockets, processes, signals,
#            management) and so catches symbols missing at link time; it is
#            built with -jar from a jar carrying META-INF/native-image
#            configuration (check/smoke-meta) that the program relies on.
# Usage: src/native/check.sh [--smoke] [GRAALVM_HOME]   (default: $GRAALVM_HOME)
# Each build takes 1.5-2 minutes on 2 cores.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
log() { echo "[ving-native check] $*" >&2; }

smoke=false
if [[ ${1:-} == --smoke ]]; then
    smoke=true
    shift
fi
home=${1:-${GRAALVM_HOME:?give GRAALVM_HOME as argument or variable}}
work=${VING_NATIVE_CACHE:-$HOME/.cache/ving-native}/check

# Builds check/<Class>.java into $work/<image> and prints the executable's output.
# With jar=true the classes and check/smoke-meta go into a jar built with -jar.
build_and_run() {
    local class=$1 image=$2 jar=$3
    shift 3
    # ignore.symbol.file: compile against the real modules, so sun.misc.Signal raises no "proprietary API" warnings.
    "$home/bin/javac" -XDignore.symbol.file -d "$work/classes" "$HERE/check/$class.java"
    local input=(-cp classes "$class")
    if $jar; then
        "$home/bin/jar" --create --file "$work/$image.jar" --main-class "$class" \
            -C "$work/classes" . -C "$HERE/check/smoke-meta" .
        input=(-jar "$image.jar")
    fi
    log "building $image"
    local start=$SECONDS
    (cd "$work" && "$home/bin/native-image" --no-fallback "${input[@]}" -o "$image" >&2)
    log "built $image in $((SECONDS - start))s: $(du -h "$work/$image" | cut -f1), $(file -b "$work/$image" | cut -d, -f1-2)"
    "$work/$image" "$@"
}

rm -rf "$work"
mkdir -p "$work/classes"
"$home/bin/native-image" --version >&2

output=$(build_and_run Hello hello false "the ving toolchain")
echo "$output" >&2
[[ $output == "Hello from the ving toolchain!"* ]] || { log "FAILED: unexpected output from hello"; exit 1; }

if $smoke; then
    output=$(build_and_run Smoke smoke true)
    echo "$output" >&2
    grep -qx "SMOKE OK" <<< "$output" || { log "FAILED: smoke test"; exit 1; }
fi
log "OK"
