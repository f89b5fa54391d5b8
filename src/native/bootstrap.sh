#!/usr/bin/env bash
# Assembles a GraalVM-like toolchain (a GRAALVM_HOME with a working
# bin/native-image) from parts our registries serve, so that native builds can
# be verified on machines without a GraalVM or Mandrel download:
#   - the JDK 25 of this machine (it has JVMCI),
#   - the native-image builder jars from Maven Central (org.graalvm.nativeimage:svm),
#   - the JDK's static libraries, built from Debian's OpenJDK source package,
#   - small C libraries written here (c/) that the builder links into images,
#   - a driver script (native-image.sh) in place of GraalVM's native-image launcher.
#
# Usage: src/native/bootstrap.sh [--check]
#   --check  also builds and runs a hello-world native executable (check.sh;
#            check.sh --smoke tests more of the JDK's native code)
# Progress goes to stderr; the last line on stdout is the GRAALVM_HOME path.
# Everything heavy is cached in ${VING_NATIVE_CACHE:-$HOME/.cache/ving-native}
# and skipped when already there, so a second run takes seconds.
# VING_NATIVE_JDK picks the JDK 25 (default /usr/lib/jvm/temurin-25-jdk-amd64).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CACHE=${VING_NATIVE_CACHE:-$HOME/.cache/ving-native}

# Versions that go together: the builder jars, and the JDK they run on, whose
# static libraries must come from the same JDK release.
GRAAL_VERSION=25.0.2
JDK_HOME=${VING_NATIVE_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}

log() { echo "[ving-native] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Runs a step, timing it. Steps print their own "cached" message when they skip work.
step() {
    local name=$1 start=$SECONDS
    shift
    log "== $name"
    "$@"
    log "   $name: $((SECONDS - start))s"
}

check=false
for arg in "$@"; do
    case $arg in
        --check) check=true ;;
        -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "${BASH_SOURCE[0]}" >&2; exit 0 ;;
        *) die "unknown argument: $arg" ;;
    esac
done

[[ $(uname -sm) == "Linux x86_64" ]] || die "only Linux x86-64 is supported"
[[ -x $JDK_HOME/bin/java ]] || die "no JDK at $JDK_HOME (set VING_NATIVE_JDK)"
# The JDK's own build number (25.0.3+9) picks the matching OpenJDK source release.
JDK_VERSION=$(sed -n 's/^JAVA_RUNTIME_VERSION="\([^"-]*\).*"/\1/p' "$JDK_HOME/release")
[[ $JDK_VERSION == 25.* ]] || die "$JDK_HOME is not a JDK 25 (found '$JDK_VERSION')"
grep -q 'jdk.internal.vm.ci' "$JDK_HOME/release" || die "$JDK_HOME has no JVMCI module"

mkdir -p "$CACHE"
for f in "$HERE"/steps/*.sh; do
    # shellcheck source=/dev/null
    source "$f"
done

GRAALVM_HOME=$CACHE/graalvm-$GRAAL_VERSION-jdk$JDK_VERSION
step "build dependencies" install_build_deps
step "JDK $JDK_VERSION static libraries" build_jdk_static_libs
step "native-image builder $GRAAL_VERSION jars" fetch_builder_jars
step "assemble $GRAALVM_HOME" assemble_home
if $check; then
    step "hello-world check" "$HERE/check.sh" "$GRAALVM_HOME"
fi
echo "$GRAALVM_HOME"
