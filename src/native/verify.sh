#!/usr/bin/env bash
# Builds the ving command line and the integration-tests application as native executables with the toolchain
# bootstrap.sh assembles, and runs their integration tests against them (docs/native.md). The JVM tests are .ci/run's.
#
# Usage: src/native/verify.sh   (from anywhere; the same environment as bootstrap.sh, e.g. VING_NATIVE_CACHE)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"

GRAALVM_HOME=$(src/native/bootstrap.sh | tail -1)
export GRAALVM_HOME
# the extension and its deployment module, which the two applications build with
./mvnw -B install -DskipTests
./mvnw -B verify -Dnative -pl cli,integration-tests -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
