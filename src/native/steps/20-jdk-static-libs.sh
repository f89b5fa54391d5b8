# shellcheck shell=bash
# Sourced by ../bootstrap.sh.
# The JDK's native libraries as static archives (libjava.a, libnio.a, ...),
# which native-image links into every image. No JDK package ships them, so
# they are built from Debian's copy of the upstream OpenJDK source, of the
# same release as the JDK the builder runs on (its Java classes and these
# natives must match). About 8 minutes on 2 cores; the result is cached.

# sha256 of Debian's openjdk-25 orig tarballs (unmodified upstream source).
declare -A JDK_SOURCE_SHA256=(
    [25.0.3+9]=2dd6c441b49705480db1ebfcd03f43d5dcb7f1d4290e98c1fa6eeefae50cfa07
)

# Modules whose native libraries images may need: java.base (libjava, libnio,
# libnet, libzip, ...), jdk.net (libextnet), java/jdk.management
# (libmanagement, libmanagement_ext), java.prefs (libprefs), jdk.security.auth (libjaas).
JDK_STATIC_LIB_TARGETS=(java.base-static-libs jdk.net-static-libs java.management-static-libs
    jdk.management-static-libs java.prefs-static-libs jdk.security.auth-static-libs)

# JDK-internal headers that c/ compiles against: the locale tables of libjava
# and HotSpot's management interface (jmm.h), which no JDK package ships.
JDK_PRIVATE_HEADERS=(src/java.base/unix/native/libjava/locale_str.h src/hotspot/share/include/jmm.h)

static_libs_dir() { echo "$CACHE/jdk-static-libs/$JDK_VERSION"; }
jdk_source_tarball() { echo "$CACHE/jdk-src/openjdk-25_$JDK_VERSION.orig.tar.xz"; }

# Copies the private headers next to the static libraries (from the tarball, so
# that they can be added to a cache built without them).
extract_jdk_headers() {
    local out=$1 header missing=()
    local src=$CACHE/jdk-src/openjdk-25-$JDK_VERSION
    mkdir -p "$out/include"
    for header in "${JDK_PRIVATE_HEADERS[@]}"; do
        if [[ -f $out/include/$(basename "$header") ]]; then
            continue
        elif [[ -f $src/$header ]]; then
            cp "$src/$header" "$out/include/"
        else
            missing+=("openjdk-25-$JDK_VERSION/$header")
        fi
    done
    ((${#missing[@]} > 0)) || return 0
    local tarball tmp
    tarball=$(jdk_source_tarball)
    download_jdk_source "$tarball"
    tmp=$(mktemp -d)
    tar -xJf "$tarball" -C "$tmp" "${missing[@]}"
    find "$tmp" -name '*.h' -exec cp {} "$out/include/" \;
    rm -rf "$tmp"
}

download_jdk_source() {
    local tarball=$1
    [[ -f $tarball ]] && return
    local url="http://deb.debian.org/debian/pool/main/o/openjdk-25/openjdk-25_${JDK_VERSION/+/%2b}.orig.tar.xz"
    log "   downloading $url"
    curl -fsSL --retry 3 -o "$tarball.part" "$url" || die "cannot download $url (is $JDK_VERSION still in Debian's archive?)"
    local expected=${JDK_SOURCE_SHA256[$JDK_VERSION]:-}
    local actual
    actual=$(sha256sum "$tarball.part" | cut -d' ' -f1)
    if [[ -z $expected ]]; then
        log "   WARNING: no pinned checksum for $JDK_VERSION; got sha256 $actual"
    elif [[ $actual != "$expected" ]]; then
        rm -f "$tarball.part"
        die "checksum mismatch for $url: $actual"
    fi
    mv "$tarball.part" "$tarball"
}

build_jdk_static_libs() {
    local out
    out=$(static_libs_dir)
    if [[ -f $out/.done ]]; then
        extract_jdk_headers "$out"
        log "   cached in $out"
        return
    fi
    local src_root=$CACHE/jdk-src
    local tarball
    tarball=$(jdk_source_tarball)
    local src=$src_root/openjdk-25-$JDK_VERSION
    local build=$CACHE/jdk-build
    mkdir -p "$src_root"

    download_jdk_source "$tarball"
    if [[ ! -f $src/configure ]]; then
        log "   unpacking source"
        tar -xJf "$tarball" -C "$src_root"
    fi

    # A build directory configured for another release is useless.
    if [[ -f $build/spec.gmk ]] && ! grep -q "$src" "$build/spec.gmk"; then
        rm -rf "$build"
    fi
    if [[ ! -f $build/spec.gmk ]]; then
        log "   configuring (log: $CACHE/jdk-configure.log)"
        mkdir -p "$build"
        # Minimal headless release build; bundled image libraries need no -dev packages.
        (cd "$build" && bash "$src/configure" \
            --with-boot-jdk="$JDK_HOME" \
            --with-version-string="$JDK_VERSION" \
            --with-debug-level=release \
            --with-jvm-variants=server \
            --enable-headless-only \
            --disable-warnings-as-errors \
            --with-native-debug-symbols=none \
            --with-freetype=bundled --with-libjpeg=bundled --with-giflib=bundled \
            --with-libpng=bundled --with-lcms=bundled \
            --with-jobs="$(nproc)") > "$CACHE/jdk-configure.log" 2>&1 \
            || { tail -n 30 "$CACHE/jdk-configure.log" >&2; die "configure failed"; }
    fi

    log "   compiling (log: $CACHE/jdk-make.log)"
    # nice: other builds on the machine keep their share of the CPU.
    nice -n 10 make -C "$build" JOBS="$(nproc)" LOG=warn "${JDK_STATIC_LIB_TARGETS[@]}" > "$CACHE/jdk-make.log" 2>&1 \
        || { tail -n 40 "$CACHE/jdk-make.log" >&2; die "building the static libraries failed"; }

    rm -rf "$out"
    mkdir -p "$out"
    find "$build/support/native" -path '*/static/*.a' -exec cp {} "$out/" \;
    [[ -f $out/libjava.a && -f $out/libnio.a && -f $out/libnet.a && -f $out/libzip.a ]] \
        || die "the build produced no libjava.a/libnio.a/libnet.a/libzip.a"
    extract_jdk_headers "$out"
    touch "$out/.done"
    log "   $(find "$out" -name '*.a' | wc -l) libraries in $out"

    # Source and objects take ~1 GB; only the archives are needed from now on.
    rm -rf "$build" "$src"
}
