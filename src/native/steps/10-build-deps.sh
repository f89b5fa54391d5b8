# shellcheck shell=bash
# Sourced by ../bootstrap.sh.
# Debian packages the toolchain needs. Installed with apt-get when missing.

# Linking every native image: the C compiler, libc and zlib headers; unzip reads jars.
LINK_PACKAGES=(gcc libc6-dev zlib1g-dev unzip)

# Only for building the JDK's static libraries. OpenJDK's configure insists on
# the X11, CUPS, ALSA and fontconfig headers even for a headless build; the
# image libraries (freetype, libjpeg, ...) are taken from the JDK source.
JDK_BUILD_PACKAGES=(make autoconf zip file xz-utils curl
    libx11-dev libxext-dev libxrender-dev libxrandr-dev libxtst-dev libxt-dev
    libcups2-dev libfontconfig1-dev libasound2-dev)

install_build_deps() {
    local wanted=("${LINK_PACKAGES[@]}") missing=() pkg
    [[ -f $(static_libs_dir)/.done ]] || wanted+=("${JDK_BUILD_PACKAGES[@]}")
    for pkg in "${wanted[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
    done
    if ((${#missing[@]} == 0)); then
        log "   all present"
        return
    fi
    log "   installing: ${missing[*]}"
    local sudo=()
    ((EUID == 0)) || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}
