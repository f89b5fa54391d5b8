# shellcheck shell=bash
# Sourced by ../bootstrap.sh.
# The native-image builder: org.graalvm.nativeimage:svm and its dependencies
# (13 jars, ~55 MB) from Maven Central, plus the list of JDK-internal packages
# those jars use, which the builder's JVM must open to them.

builder_jars_dir() { echo "$CACHE/builder-jars/$GRAAL_VERSION"; }

# Modules of the builder jars that reach into JDK internals.
BUILDER_MODULES=org.graalvm.nativeimage.builder,org.graalvm.nativeimage.pointsto,org.graalvm.nativeimage.base,org.graalvm.nativeimage.objectfile,org.graalvm.nativeimage.configure,jdk.graal.compiler,org.graalvm.truffle.compiler

fetch_builder_jars() {
    local dir
    dir=$(builder_jars_dir)
    if [[ -f $dir/.done ]]; then
        log "   cached in $dir"
        return
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    sed "s/@GRAAL_VERSION@/$GRAAL_VERSION/" "$HERE/builder-jars.pom.xml" > "$dir/pom.xml"
    log "   resolving org.graalvm.nativeimage:svm:$GRAAL_VERSION with Maven"
    JAVA_HOME=$JDK_HOME "$HERE/../../mvnw" -B -q -f "$dir/pom.xml" \
        dependency:copy-dependencies -DoutputDirectory="$dir/jars" >&2 \
        || die "Maven could not fetch the builder jars"

    # Without a GraalVM JDK nothing grants the builder access to JDK internals.
    # jdeps lists every JDK-internal package the jars refer to; each one is
    # opened (which includes exporting) to the builder's modules.
    log "   listing the JDK-internal packages the builder uses (jdeps)"
    local jars=$dir/jars compiler
    compiler=$(ls "$jars"/compiler-"$GRAAL_VERSION".jar)
    "$JDK_HOME/bin/jdeps" --multi-release 25 --ignore-missing-deps -verbose:package \
        --upgrade-module-path "$compiler" --module-path "$jars" --add-modules ALL-MODULE-PATH \
        -m org.graalvm.nativeimage.builder > "$dir/jdeps.txt" 2>&1 || die "jdeps failed: $(tail -n 3 "$dir/jdeps.txt")"
    # Lines look like: "   <from package>   -> <to package>   JDK internal API (<module>)"
    awk '$2 == "->" && /JDK internal API/ { m = $NF; gsub(/[()]/, "", m); print m "/" $3 }' "$dir/jdeps.txt" \
        | sort -u | sed "s|\$|=$BUILDER_MODULES|; s|^|--add-opens=|" > "$dir/builder-access.args"
    (($(wc -l < "$dir/builder-access.args") > 20)) || die "jdeps found too few internal packages; see $dir/jdeps.txt"
    touch "$dir/.done"
    log "   $(find "$jars" -name '*.jar' | wc -l) jars, $(wc -l < "$dir/builder-access.args") internal packages"
}
