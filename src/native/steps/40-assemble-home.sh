# shellcheck shell=bash
# Sourced by ../bootstrap.sh.
# Puts the parts together into GRAALVM_HOME:
#   <JDK copy>                         bin/java etc., so java.home is GRAALVM_HOME
#   bin/native-image                   the driver script (native-image.sh)
#   lib/svm/builder/*.jar              the builder, and builder-jvm.args to start it
#   lib/svm/builder/lib/               JNI helper the builder loads (c/reporterchelper)
#   lib/svm/clibraries/linux-amd64/    C libraries and headers for images (c/)
#   lib/static/linux-amd64/glibc/      the JDK's static libraries
# Cheap (seconds); redone whenever a file under src/native or an input changes.

# Identifies what the home is made of: our sources and the versions of the parts.
home_fingerprint() {
    {
        echo "$JDK_HOME $JDK_VERSION $GRAAL_VERSION"
        (cd "$HERE" && find . -type f | LC_ALL=C sort | xargs sha256sum)
    } | sha256sum | cut -d' ' -f1
}

# JVM options that make the builder work on a stock JDK with JVMCI.
write_builder_jvm_args() {
    local home=$1 jars=$2 file=$3 module_path
    module_path=$(find "$jars" -name '*.jar' ! -name "compiler-$GRAAL_VERSION.jar" | LC_ALL=C sort \
        | sed "s|^$jars|$home/lib/svm/builder|" | paste -sd: -)
    {
        echo "-XX:+UnlockExperimentalVMOptions"
        echo "-XX:+EnableJVMCI"
        # The JIT stays C2: no libgraal here, and jargraal as JIT would slow the build.
        echo "-XX:-UseJVMCICompiler"
        echo "-XX:+UseParallelGC"
        echo "-Xss10m"
        echo "--enable-native-access=org.graalvm.nativeimage.builder"
        echo "-Djava.system.class.loader=com.oracle.svm.hosted.NativeImageSystemClassLoader"
        echo "-Dorg.graalvm.nativeimage.imagecode=buildtime"
        echo "-Djdk.internal.lambda.disableEagerInitialization=true"
        echo "-Dcom.oracle.graalvm.isaot=true"
        echo "-Dorg.graalvm.version=$GRAAL_VERSION"
        # The compiler jar replaces the JDK's empty jdk.graal.compiler module.
        echo "--upgrade-module-path=$home/lib/svm/builder/compiler-$GRAAL_VERSION.jar"
        echo "--module-path=$module_path"
        cat "$(builder_jars_dir)/builder-access.args"
    } > "$file"
}

assemble_home() {
    local fingerprint
    fingerprint=$(home_fingerprint)
    if [[ -f $GRAALVM_HOME/.ving-native && $(cat "$GRAALVM_HOME/.ving-native") == "$fingerprint" ]]; then
        log "   cached"
        return
    fi
    local tmp=$GRAALVM_HOME.tmp
    rm -rf "$tmp"

    # A real copy, not symlinks: the JVM derives java.home from the resolved path
    # of libjvm.so, and the builder looks for lib/svm and lib/static under java.home.
    mkdir -p "$tmp"
    cp -a "$(readlink -f "$JDK_HOME")/." "$tmp/"

    local builder=$tmp/lib/svm/builder jars
    jars=$(builder_jars_dir)/jars
    mkdir -p "$builder"
    cp "$jars"/*.jar "$builder/"
    write_builder_jvm_args "$GRAALVM_HOME" "$jars" "$builder/builder-jvm.args"

    local static=$tmp/lib/static/linux-amd64/glibc
    mkdir -p "$static"
    cp "$(static_libs_dir)"/*.a "$static/"

    log "   compiling c/"
    make -s -C "$HERE/c" OUT="$tmp/lib/svm" OBJ="$tmp/.obj" JAVA_HOME="$JDK_HOME" \
        JDK_HEADERS="$(static_libs_dir)/include" >&2 || die "compiling the C libraries failed"
    rm -rf "$tmp/.obj"

    sed -e "s/@GRAAL_VERSION@/$GRAAL_VERSION/" \
        -e "s/@JDK_VERSION@/$JDK_VERSION/" \
        -e "s/@VENDOR_VERSION@/Mandrel-$GRAAL_VERSION.0-ving/" \
        "$HERE/native-image.sh" > "$tmp/bin/native-image"
    chmod +x "$tmp/bin/native-image"

    echo "$fingerprint" > "$tmp/.ving-native"
    rm -rf "$GRAALVM_HOME"
    mv "$tmp" "$GRAALVM_HOME"
}
