# Sourced by bin/soma: a fast start (issue 20). Two things cost most of a plain `java` start of
# Soma: the JVM cannot use class-data sharing at all while --upgrade-module-path is given (the
# Graal compiler jar must replace the JDK's own jdk.graal.compiler module, which lacks Truffle's
# parts), and every start loads and links some 6000 classes (Truffle, Graal, Soma) from jars.
#
# So, once per JDK: a run-time image (jlink) of the JDK without its jdk.graal.compiler module, in
# which Graal's jar can go on the plain --module-path; and once per build: an ahead-of-time cache
# (JEP 483/514/515: -XX:AOTCacheOutput) from a short training run, which -XX:AOTCache maps in at
# start. Neither is needed: if the image cannot be made, Soma runs on the JDK as before; if the
# cache is missing, stale or unusable, the JVM runs without it (its messages about it are off).
# SOMA_FAST_START=0 switches both off.

RUNTIME="$TARGET/runtime"        # the jlink image (made from $JDK)
AOT_CACHE="$TARGET/soma.aot"     # the ahead-of-time cache of the launcher (made after a build)

# Modules of the JDK that Soma's image leaves out: Graal's own (the jar replaces them), the JDK's
# development tools, and Flight Recorder: with jdk.jfr in the image, Truffle registers its JFR
# event listener while the engine starts, a tenth of a start of `soma -e` (issue 20); Soma uses
# no JFR event, and a JFR recording turns the start-up cache off anyway.
RUNTIME_EXCLUDED=" jdk.graal.compiler jdk.graal.compiler.management jdk.compiler jdk.javadoc jdk.jshell jdk.jlink \
jdk.jpackage jdk.hotspot.agent jdk.jconsole jdk.jdeps jdk.jartool jdk.editpad jdk.jstatd jdk.jcmd jdk.internal.opt \
jdk.internal.ed jdk.internal.le jdk.jfr jdk.management.jfr "
# The image's layout: raised when RUNTIME_EXCLUDED changes, so that older images are made anew.
RUNTIME_LAYOUT=2

# What identifies an image: the JDK it was made from (path and exact version) and its layout.
runtime_stamp() {
    release_value "$JDK/release" JAVA_RUNTIME_VERSION || true
    STAMP="$JDK $REPLY layout $RUNTIME_LAYOUT"
}

# The stamp of the image into IMAGE_STAMP, read without starting anything.
image_stamp() {
    IMAGE_STAMP=""
    [ -r "$RUNTIME/soma-jdk" ] && IFS= read -r IMAGE_STAMP <"$RUNTIME/soma-jdk"
    return 0
}

# Makes $RUNTIME from $JDK when it is missing or from another JDK; false when it cannot be made.
prepare_runtime() {
    local modules m
    runtime_stamp
    image_stamp
    if [ -x "$RUNTIME/bin/java" ] && [ "$IMAGE_STAMP" = "$STAMP" ]; then
        return 0
    fi
    [ -x "$JDK/bin/jlink" ] || return 1
    modules=""
    release_value "$JDK/release" MODULES || true
    for m in $REPLY; do
        case "$RUNTIME_EXCLUDED" in *" $m "*) ;; *) modules="$modules,$m" ;; esac
    done
    [ -n "$modules" ] || return 1
    echo "soma: preparing a run-time image for a fast start (once per JDK)..." >&2
    local tmp="$RUNTIME.tmp.$$"
    rm -rf "$tmp"
    if ! "$JDK/bin/jlink" --add-modules "${modules#,}" --no-man-pages --no-header-files --output "$tmp" >/dev/null 2>&1 \
            || ! "$tmp/bin/java" -version >/dev/null 2>&1; then
        rm -rf "$tmp"
        return 1
    fi
    echo "$STAMP" >"$tmp/soma-jdk"
    rm -rf "$RUNTIME" "$AOT_CACHE"   # an image of another JDK, and the cache made on it
    # -T: never into an image that a run started at the same time has just put there
    mv -T "$tmp" "$RUNTIME" 2>/dev/null || rm -rf "$tmp"
    image_stamp
    [ -x "$RUNTIME/bin/java" ] && [ "$IMAGE_STAMP" = "$STAMP" ]
}

# A file (the cache, or the mark of a failed attempt) is fresh when it is newer than every jar on
# the module path, than their folders (a jar added or removed) and than the image. Bash's own -nt
# on each, not find: no process started on every run.
fresh_for_build() {
    [ -f "$1" ] || return 1
    local f
    for f in "$TARGET/soma.jar" "$TARGET/lib" "$TARGET"/lib/* "$TARGET/upgrade" "$TARGET"/upgrade/* \
            "$LAUNCHER/soma-launcher.jar" "$LAUNCHER/lib" "$LAUNCHER"/lib/* "$RUNTIME/soma-jdk"; do
        [ "$f" -nt "$1" ] && return 1
    done
    return 0
}

# A training run of the launcher that writes the cache (atomically: a run at the same time keeps
# starting without one); compilations in the foreground, so that one finishes (bin/training.soma).
# The JVM's own messages go to target/soma.aot.log.
make_aot_cache() {
    local tmp="$AOT_CACHE.tmp.$$" log="$TARGET/soma.aot.log"
    # not where it cannot be written, and not again for a build whose training run failed
    [ -w "$TARGET" ] || return 0
    fresh_for_build "$AOT_CACHE.failed" && return 0
    echo "soma: preparing the start-up cache (once per build)..." >&2
    rm -f "$AOT_CACHE" "$AOT_CACHE.failed"
    if (cd "$SOMA_HOME" && "$JAVA" "${JVM_OPTS[@]}" --enable-native-access=org.jline -XX:AOTCacheOutput="$tmp" \
            -Dpolyglot.engine.BackgroundCompilation=false \
            -m soma.launcher/soma.launcher.Main "$SOMA_HOME/bin/training.soma") >"$log" 2>&1 && [ -s "$tmp" ]; then
        mv -f "$tmp" "$AOT_CACHE"
        module_path
        echo "$MODULE_PATH" >"$AOT_CACHE.modules"
    else
        rm -f "$tmp" "$tmp.config"
        touch "$AOT_CACHE.failed" # Soma runs without the cache until the next build (see the log)
    fi
}

# Sets JAVA, JVM_MODULE_OPTS (how the modules are found) and AOT_OPTS (the cache, if usable).
fast_start() {
    choose_java
    AOT_OPTS=()
    soma_module_path
    if on_image; then
        JVM_MODULE_OPTS=(--module-path="$REPLY")
    else
        JVM_MODULE_OPTS=(--upgrade-module-path="$TARGET/upgrade" --module-path="$REPLY")
    fi
}

# JAVA: the run-time image's (and COMPILER_JAR: Graal's compiler jar, for its module path) when
# the fast start is on and the image can be had, else the JDK's.
choose_java() {
    JAVA="$JDK/bin/java"
    [ "${SOMA_FAST_START:-1}" != "0" ] || return 0
    # a JFR recording (SOMA_JAVA_OPTS=-XX:StartFlightRecording...) needs the JDK: the image has no jdk.jfr
    case "${SOMA_JAVA_OPTS:-}" in *FlightRecord*) return 0 ;; esac
    prepare_runtime || return 0
    local jars=("$TARGET"/upgrade/compiler-*.jar)
    [ -f "${jars[0]}" ] || return 0
    JAVA="$RUNTIME/bin/java"
    COMPILER_JAR="${jars[0]}"
}

# True when this start runs on the run-time image (fast_start chose it), where the lean module
# path and the start-up cache apply.
on_image() {
    [ "${SOMA_FAST_START:-1}" != "0" ] && [ "$JAVA" = "$RUNTIME/bin/java" ]
}

# The module path into REPLY: Soma's jar and libraries, on the image Graal's compiler jar (Graal's
# other modules, truffle-compiler, word, collections, nativeimage, are in lib already; on the JDK
# it comes by --upgrade-module-path), then the launcher's jar and libraries. With "lean", and on
# the image, GraalVM's tools (--inspect, --dap, --cpusampler: their jars and the JSON library they
# share) are left out: Truffle loads every instrument it finds while the engine starts, and looks
# through every jar for service files (issue 20).
soma_module_path() {
    local jar libs=":$TARGET/lib" compiler=""
    if on_image; then
        compiler=":$COMPILER_JAR"
        if [ "${1:-}" = lean ]; then
            libs=""
            for jar in "$TARGET"/lib/*.jar; do
                case "${jar##*/}" in *-tool-*.jar | json-*.jar) ;; *) libs="$libs:$jar" ;; esac
            done
        fi
    fi
    REPLY="$TARGET/soma.jar$libs$compiler:$LAUNCHER/soma-launcher.jar:$LAUNCHER/lib"
}

# The launcher's module path without GraalVM's tools, when none is asked for (bin/soma): the
# start-up cache is made and used with this module path; a run with a tool starts without it.
lean_module_path() {
    on_image || return 0
    local i
    soma_module_path lean
    for i in "${!JVM_OPTS[@]}"; do
        case "${JVM_OPTS[$i]}" in --module-path=*) JVM_OPTS[i]="--module-path=$REPLY" ;; esac
    done
}

# MODULE_PATH: the launcher's module path in JVM_OPTS.
module_path() {
    local o
    MODULE_PATH=""
    for o in "${JVM_OPTS[@]}"; do
        case "$o" in --module-path=*) MODULE_PATH="${o#--module-path=}" ;; esac
    done
}

# True when the cache was made with today's module path: the JVM maps a cache only for the module
# path it was made with (another, such as an older bin/soma's, would leave every start without it).
same_module_path() {
    local made=""
    module_path
    [ -r "$AOT_CACHE.modules" ] && IFS= read -r made <"$AOT_CACHE.modules"
    [ "$made" = "$MODULE_PATH" ]
}

# The cache's options for the launcher (-m soma.launcher): made first if missing or stale.
# -Xlog:aot/cds off: a cache the JVM cannot map (another CPU, a changed jar) is not worth a word.
aot_options() {
    on_image || return 0
    fresh_for_build "$AOT_CACHE" && same_module_path || make_aot_cache
    if [ -f "$AOT_CACHE" ]; then
        if [ "${SOMA_FAST_START:-1}" = "debug" ]; then
            AOT_OPTS=(-XX:AOTCache="$AOT_CACHE" -Xlog:aot)
        else
            AOT_OPTS=(-XX:AOTCache="$AOT_CACHE" -Xlog:aot=off -Xlog:aot+codecache=off -Xlog:cds=off)
        fi
    fi
}
