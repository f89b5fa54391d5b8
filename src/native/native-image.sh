#!/usr/bin/env bash
# native-image for the toolchain that src/native/bootstrap.sh assembles.
#
# Maven Central has the GraalVM native-image builder as jars but not its
# command-line driver, so this script stands in for the driver: it turns the
# driver's options into the builder's (-H:...) options, applies what libraries
# put under META-INF/native-image on the class path (native-image.properties,
# reachability metadata JSON), and starts the builder
# (com.oracle.svm.hosted.NativeImageGeneratorRunner) on this JDK.
# bootstrap.sh fills in the @...@ values when it installs this file.
set -euo pipefail

GRAAL_VERSION='@GRAAL_VERSION@'     # version of the builder jars
JDK_VERSION='@JDK_VERSION@'         # full version of the JDK underneath, e.g. 25.0.3+9
VENDOR_VERSION='@VENDOR_VERSION@'   # what --version reports as the distribution

GRAALVM_HOME=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
BUILDER_DIR=$GRAALVM_HOME/lib/svm/builder
CLIB_DIR=$GRAALVM_HOME/lib/svm/clibraries/linux-amd64

die() {
    echo "native-image: $*" >&2
    exit 2
}

usage() {
    cat <<EOF
Usage: native-image [options] <main class> [image name]
       native-image [options] -jar <jar file> [image name]
       native-image [options] -m <module>[/<main class>] [image name]

Supported driver options (everything else: -H:<builder option>, -R:<runtime default>):
  -cp/-classpath/--class-path <path>  -p/--module-path <path>  -m/--module <module>[/<class>]
  -jar <jar>  -o <name>  -D<prop>=<value>  -J<builder JVM option>  -E<env var>[=<value>]  @<argfile>
  --no-fallback  --shared  --static  --static-nolibc  --libc=<libc>  --target=<os-arch>
  -O<level>  -g  -march=<arch>  --gc=serial|epsilon  --parallelism=<n>  --features=<classes>
  --initialize-at-build-time=<names>  --initialize-at-run-time=<names>
  --link-at-build-time[=<names>]  --link-at-build-time-paths=<paths>
  --enable-http  --enable-https  --enable-url-protocols=<list>  --enable-all-security-services
  --enable-monitoring[=<list>]  --enable-native-access=<modules>
  --add-exports/--add-opens/--add-reads <value>  --exact-reachability-metadata[=<pkgs>]
  --trace-object-instantiation=<classes>  --report-unsupported-elements-at-runtime
  --install-exit-handlers  --future-defaults[=<list>]  --list-cpu-features  --list-modules
  --native-compiler-path=<cc>  --native-compiler-options=<opt>  --native-image-info
  --exclude-config <class path regex> <resource regex>
  --color[=<when>]  --silent  --verbose  --dry-run  --version  --help
EOF
}

print_version() {
    # The three-line layout of GraalVM/Mandrel's driver, which Quarkus parses.
    echo "native-image $GRAAL_VERSION $(date -u +%Y-%m-%d -r "$BUILDER_DIR" 2>/dev/null || echo 1970-01-01)"
    echo "OpenJDK Runtime Environment $VENDOR_VERSION (build $JDK_VERSION)"
    echo "OpenJDK 64-Bit Server VM $VENDOR_VERSION (build $JDK_VERSION, mixed mode)"
}

# ---- collected state ---------------------------------------------------------

class_path=()
module_path=()
main_class=''
main_module=''
image_name=''
image_dir=''
shared=false
verbose=false
dry_run=false
jvm_args=()      # options for the builder's JVM
builder_args=()  # options for the builder itself
env_args=()      # environment for the builder (-E)
exclude_config=() # pairs of regular expressions: class path entry, resource (--exclude-config)

# Splits a Java @argfile into NUL-terminated arguments (quotes and backslashes as
# in a shell, lines starting with # ignored).
read_argfile() {
    grep -v '^[[:space:]]*#' "$1" | xargs -r printf '%s\0'
}

# The main section of a jar's manifest with continuation lines joined.
read_manifest() {
    unzip -p "$1" META-INF/MANIFEST.MF 2>/dev/null | tr -d '\r' \
        | awk '/^ / { line = line substr($0, 2); next } { if (NR > 1) print line; line = $0 } END { print line }'
}

split_path() { # adds the ':'-separated entries of $2 to the array named $1
    local -n target=$1
    local IFS=:
    local entry
    for entry in $2; do
        [[ -n $entry ]] && target+=("$entry")
    done
}

# Adds builder option NAME[=VALUE] or +NAME/-NAME, marked as coming from a
# driver option ("@user+api") or from the driver itself ("@driver"), the way the
# real driver marks them; unmarked -H: options count as experimental.
api() { builder_args+=("$(with_origin "$1" user+api)"); }
with_origin() {
    local option=$1 origin=$2
    if [[ $option == *=* ]]; then
        echo "-H:${option%%=*}@$origin=${option#*=}"
    else
        echo "-H:$option@$origin"
    fi
}

# Comma-separated class/package names -> one -H:ClassInitialization value per name.
class_init() {
    local names=$1 kind=$2 name out=()
    local IFS=,
    for name in $names; do
        out+=("$name:$kind")
    done
    api "ClassInitialization=${out[*]}"
}

# Handles the arguments given in "$@"; called for the command line and for each
# Args= line of a native-image.properties file.
parse_args() {
    while (($# > 0)); do
        local arg=$1
        shift
        case $arg in
            @*) local expanded=()
                [[ -r ${arg#@} ]] || die "cannot read argument file ${arg#@}"
                mapfile -d '' -t expanded < <(read_argfile "${arg#@}")
                parse_args "${expanded[@]}" ;;
            --version|-version) print_version; exit 0 ;;
            --help|-h|-\?) usage; exit 0 ;;
            -cp|-classpath|--class-path)
                (($# > 0)) || die "$arg needs a value"
                split_path class_path "$1"; shift ;;
            --class-path=*) split_path class_path "${arg#*=}" ;;
            -p|--module-path)
                (($# > 0)) || die "$arg needs a value"
                split_path module_path "$1"; shift ;;
            --module-path=*) split_path module_path "${arg#*=}" ;;
            -m|--module)
                (($# > 0)) || die "$arg needs a value"
                main_module=${1%%/*}; [[ $1 == */* ]] && main_class=${1#*/}; shift ;;
            --module=*) local m=${arg#*=}; main_module=${m%%/*}; [[ $m == */* ]] && main_class=${m#*/} ;;
            -jar)
                (($# > 0)) || die "-jar needs a value"
                local jar=$1 manifest entry; shift
                [[ -f $jar ]] || die "no such jar: $jar"
                class_path+=("$jar")
                manifest=$(read_manifest "$jar")
                main_class=$(sed -n 's/^Main-Class:[[:space:]]*//p' <<< "$manifest" | head -n 1)
                [[ -n $main_class ]] || die "$jar has no Main-Class in its manifest"
                [[ -n $image_name ]] || image_name=$(basename "$jar" .jar)
                # Like java -jar (and the real driver), follow the manifest's Class-Path,
                # relative to the jar's directory: Quarkus' runner jar lists lib/*.jar there.
                local manifest_cp=()
                read -ra manifest_cp <<< "$(sed -n 's/^Class-Path:[[:space:]]*//p' <<< "$manifest")"
                for entry in "${manifest_cp[@]+"${manifest_cp[@]}"}"; do
                    [[ $entry == /* ]] || entry=$(dirname "$jar")/$entry
                    class_path+=("$entry")
                done ;;
            -o)
                (($# > 0)) || die "-o needs a value"
                image_name=$1; shift ;;
            -J*) jvm_args+=("${arg#-J}") ;;
            -D*) jvm_args+=("$arg") ;;
            -E*=*) env_args+=("${arg#-E}") ;;
            -E*) local var=${arg#-E}; env_args+=("$var=${!var-}") ;;
            -H:*|-R:*) builder_args+=("$arg") ;;
            -O*) api "Optimize=${arg#-O}" ;;
            -g) api "GenerateDebugInfo=2" ;;
            -march=*) api "MicroArchitecture=${arg#*=}" ;;
            --no-fallback) api "FallbackThreshold=0" ;;
            --auto-fallback|--force-fallback)
                die "$arg: fallback images need the real GraalVM driver; use --no-fallback" ;;
            --shared) shared=true; api "+SharedLibrary" ;;
            --static) api "+StaticExecutable" ;;
            --static-nolibc) api "+StaticExecutableWithDynamicLibC" ;;
            --libc=*) api "UseLibC=${arg#*=}" ;;
            --target=*) api "TargetPlatform=${arg#*=}" ;;
            --gc=serial) api "+UseSerialGC" ;;
            --gc=epsilon) api "+UseEpsilonGC" ;;
            --gc=*) die "$arg: only serial and epsilon are available in this toolchain" ;;
            --parallelism=*) api "NumberOfThreads=${arg#*=}" ;;
            --features=*) api "Features=${arg#*=}" ;;
            --initialize-at-build-time) class_init '' build_time ;;
            --initialize-at-build-time=*) class_init "${arg#*=}" build_time ;;
            --initialize-at-run-time=*) class_init "${arg#*=}" run_time ;;
            --link-at-build-time) api "LinkAtBuildTime=" ;;
            --link-at-build-time=*) api "LinkAtBuildTime=${arg#*=}" ;;
            --link-at-build-time-paths=*) api "LinkAtBuildTimePaths=${arg#*=}" ;;
            --enable-http) api "EnableURLProtocols=http" ;;
            --enable-https) api "EnableURLProtocols=https" ;;
            --enable-url-protocols=*) api "EnableURLProtocols=${arg#*=}" ;;
            --enable-all-security-services) api "+EnableAllSecurityServices" ;;
            --enable-monitoring) api "EnableMonitoringFeatures=all" ;;
            --enable-monitoring=*) api "EnableMonitoringFeatures=${arg#*=}" ;;
            --enable-native-access=*) api "EnableNativeAccess=${arg#*=}" ;;
            --add-exports|--add-opens|--add-reads)
                (($# > 0)) || die "$arg needs a value"
                parse_args "$arg=$1"; shift ;;
            --add-exports=*) api "AddExports=${arg#*=}" ;;
            --add-opens=*) api "AddOpens=${arg#*=}" ;;
            --add-reads=*) api "AddReads=${arg#*=}" ;;
            --exact-reachability-metadata) api "ThrowMissingRegistrationErrors=" ;;
            --exact-reachability-metadata=*) api "ThrowMissingRegistrationErrors=${arg#*=}" ;;
            --exact-reachability-metadata-path=*) api "ThrowMissingRegistrationErrorsPaths=${arg#*=}" ;;
            --trace-object-instantiation=*) api "TraceObjectInstantiation=${arg#*=}" ;;
            --trace-class-initialization=*) api "TraceClassInitialization=${arg#*=}" ;;
            --report-unsupported-elements-at-runtime) api "+ReportUnsupportedElementsAtRuntime" ;;
            --allow-incomplete-classpath) api "+AllowIncompleteClasspath" ;;
            --install-exit-handlers) api "+InstallExitHandlers" ;;
            --future-defaults) api "FutureDefaults=<default-value>" ;;
            --future-defaults=*) api "FutureDefaults=${arg#*=}" ;;
            --list-cpu-features) api "+ListCPUFeatures" ;;
            --list-modules) api "+ListModules" ;;
            --native-compiler-path=*) api "CCompilerPath=${arg#*=}" ;;
            --native-compiler-options=*) api "CCompilerOption=${arg#*=}" ;;
            --native-image-info) api "+DumpTargetInfo" ;;
            --color) api "Color=always" ;;
            --color=*) api "Color=${arg#*=}" ;;
            --silent) api "+BuildOutputSilent" ;;
            --strict-image-heap|--configure-reflection-metadata) ;; # no-ops in GraalVM 25 as well
            --exclude-config)
                (($# >= 2)) || die "--exclude-config needs a class path pattern and a resource pattern"
                exclude_config+=("$1" "$2"); shift 2 ;;
            --verbose) verbose=true ;;
            --dry-run) dry_run=true ;;
            -*) die "unsupported option: $arg (pass builder options as -H:...)" ;;
            *)  # first plain argument: main class; second: image name
                if [[ -z $main_class && -z $main_module ]]; then
                    main_class=$arg
                elif [[ -z $image_name ]]; then
                    image_name=$arg
                else
                    die "unexpected argument: $arg"
                fi ;;
        esac
    done
}

# Prints the Args/JavaArgs/ImageName values of a native-image.properties text on stdin
# as "<key> <value>" lines (continuation lines joined).
properties_values() {
    awk '
        { sub(/\r$/, "") }
        /^[[:space:]]*[#!]/ && cont == "" { next }
        { line = cont $0 }
        /\\$/ { sub(/\\$/, "", line); cont = line " "; next }
        { cont = "" }
        match(line, /^[[:space:]]*(Args|JavaArgs|ImageName)[[:space:]]*[=:][[:space:]]*/) {
            key = line; sub(/[[:space:]]*[=:].*/, "", key); sub(/^[[:space:]]*/, "", key)
            print key " " substr(line, RSTART + RLENGTH)
        }'
}

# Applies one native-image.properties file; $2 is its directory, which replaces
# ${.} (files inside jars keep ${.} as it is).
apply_properties() {
    local text=$1 dir=$2 key value words
    while read -r key value; do
        [[ -n $dir ]] && value=${value//\$\{.\}/$dir}
        read -ra words <<< "$value"
        case $key in
            Args) parse_args "${words[@]}" ;;
            JavaArgs) jvm_args+=("${words[@]}") ;;
            ImageName) [[ -n $image_name ]] || image_name=$value ;;
        esac
    done < <(properties_values <<< "$text")
}

# True if --exclude-config excludes resource $2 of class path entry $1.
excluded() {
    local i
    for ((i = 0; i < ${#exclude_config[@]}; i += 2)); do
        if grep -qE -- "${exclude_config[i]}" <<< "$1" && grep -qE -- "${exclude_config[i + 1]}" <<< "/$2"; then
            return 0
        fi
    done
    return 1
}

# The builder option that loads a configuration file found on the class path.
config_option() {
    case $(basename "$1") in
        reflect-config.json) echo ReflectionConfigurationResources ;;
        jni-config.json) echo JNIConfigurationResources ;;
        proxy-config.json) echo DynamicProxyConfigurationResources ;;
        resource-config.json) echo ResourceConfigurationResources ;;
        serialization-config.json) echo SerializationConfigurationResources ;;
        predefined-classes-config.json) echo PredefinedClassesConfigurationResources ;;
        reachability-metadata.json) echo ReachabilityMetadataResources ;;
    esac
}

# Like the real driver, read META-INF/native-image/** of every class and module
# path entry: native-image.properties carry options, the JSON files reachability
# metadata that the builder loads only when told their resource names.
apply_library_config() {
    local entry resource option
    for entry in "${class_path[@]+"${class_path[@]}"}" "${module_path[@]+"${module_path[@]}"}"; do
        [[ $entry == /* ]] || entry=$PWD/$entry
        local resources=()
        if [[ -d $entry/META-INF/native-image ]]; then
            mapfile -t resources < <(cd "$entry" && find META-INF/native-image -type f | LC_ALL=C sort)
        elif [[ -f $entry && $entry == *.jar ]]; then
            mapfile -t resources < <(unzip -Z1 "$entry" 2>/dev/null | grep '^META-INF/native-image/.*[^/]$' | LC_ALL=C sort)
        fi
        for resource in "${resources[@]+"${resources[@]}"}"; do
            excluded "$entry" "$resource" && continue
            if [[ $resource == */native-image.properties ]]; then
                if [[ -d $entry ]]; then
                    apply_properties "$(cat "$entry/$resource")" "$(dirname "$entry/$resource")"
                else
                    apply_properties "$(unzip -p "$entry" "$resource")" ''
                fi
            elif option=$(config_option "$resource") && [[ -n $option ]]; then
                builder_args+=("$(with_origin "$option=$resource" driver)")
            fi
        done
    done
}

# ---- main ----------------------------------------------------------------------

parse_args "$@"
apply_library_config

if ! $shared && [[ -z $main_class && -z $main_module ]]; then
    usage >&2
    die "no main class given"
fi

# -o may carry a directory; the default name is the main class in lower case, as the driver does.
if [[ -z $image_name ]]; then
    simple_name=${main_class##*.}
    image_name=${simple_name,,}
    [[ -n $image_name ]] || image_name=${main_module##*.}
fi
if [[ $image_name == */* ]]; then
    image_dir=$(dirname "$image_name")
    image_name=$(basename "$image_name")
fi
mkdir -p "${image_dir:-.}"
image_dir=$(cd "${image_dir:-.}" && pwd)

# Class path entries become absolute: the builder does not run in our working directory's terms.
abs_path() {
    local joined='' entry
    for entry in "$@"; do
        [[ $entry == /* ]] || entry=$PWD/$entry
        joined+=${joined:+:}$entry
    done
    printf '%s' "$joined"
}

command=("$GRAALVM_HOME/bin/java")
# A memory limit unless the caller chose one: the builder needs several GB for real applications.
if ! printf '%s\n' "${jvm_args[@]+"${jvm_args[@]}"}" | grep -qE '^-Xmx|MaxRAMPercentage'; then
    command+=(-XX:MaxRAMPercentage=60)
fi
# The driver tells the builder which distribution it is; features read it (Quarkus' checks its version with it).
command+=(-Dorg.graalvm.vendorversion="$VENDOR_VERSION")
# The builder starts as a module, which resolves only what it needs; the image's class path may use any default JDK
# module (jdk.net for the MariaDB driver's socket options), so they are resolved as for a class-path launch.
command+=(--add-modules=ALL-DEFAULT)
command+=(@"$BUILDER_DIR/builder-jvm.args" "${jvm_args[@]+"${jvm_args[@]}"}")
command+=(-m org.graalvm.nativeimage.builder/com.oracle.svm.hosted.NativeImageGeneratorRunner)
command+=(-imagecp "$(abs_path "${class_path[@]+"${class_path[@]}"}")")
if ((${#module_path[@]} > 0)); then
    command+=(-imagemp "$(abs_path "${module_path[@]}")")
fi
command+=(
    "$(with_origin "CLibraryPath=$CLIB_DIR" driver)"
    "$(with_origin "Path=$image_dir" driver)"
    "$(with_origin "Name=$image_name" driver)"
    "$(with_origin "ImageBuildID=$(cat /proc/sys/kernel/random/uuid)" driver)"
    # The builder defaults to a fallback image, which only the real driver can make.
    "$(with_origin "FallbackThreshold=0" driver)"
)
if [[ -n $main_module ]]; then
    command+=("$(with_origin "Module=$main_module" driver)")
fi
if [[ -n $main_class ]]; then
    command+=("$(with_origin "Class=$main_class" driver)")
fi
command+=("${builder_args[@]+"${builder_args[@]}"}")

if $verbose || $dry_run; then
    printf '%q ' "${command[@]}" >&2
    echo >&2
fi
$dry_run && exit 0
exec env "${env_args[@]+"${env_args[@]}"}" "${command[@]}"
