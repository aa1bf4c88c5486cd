#!/usr/bin/env bash
# Opt-in start-up benchmark of the toolkit on a JDK 25 runtime (issue 6): no archive, a static
# AppCDS archive trained like dist/src/build/train-cds.sh, and the JEP 483/514 AOT cache, against
# the default JDK 17 image, for `datachain --help` and `datachain auth token`, plus a trivial-main
# floor on each JDK. Whole processes, interleaved round by round after a warm-up; prints medians,
# ratios, peak RSS, and which classes each archive serves (plugin classes included).
# Without a JDK 25 it prints "skipped: no JDK 25" and exits 0: the default build needs Java 17 only.
#
# Usage: bench/aot-jdk25.sh [JDK25_HOME] [--image DIR] [--modules DIR] [--rounds N] [--warmup N]
# The JDK: the argument, else $JAVA25_HOME, else /usr/lib/jvm/temurin-25-jdk-amd64.
# Needs: a built default image (mvn -B -q package -DskipTests), /usr/bin/time for peak RSS (optional).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd -P)
# shellcheck source=lib/stats.sh
. "$repo/bench/lib/stats.sh"
image=$repo/dist/target/datachain
modules=$repo/dist/target/modules
jdk=
rounds=21
warmup=3
while [ $# -gt 0 ]; do
    case $1 in
        --image) image=$2; shift 2 ;;
        --modules) modules=$2; shift 2 ;;
        --rounds) rounds=$2; shift 2 ;;
        --warmup) warmup=$2; shift 2 ;;
        -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "Error: unknown option '$1'" >&2; exit 2 ;;
        *) [ -z "$jdk" ] || { echo "Error: more than one JDK given ('$jdk', '$1')" >&2; exit 2; }
           jdk=$1; shift ;;
    esac
done
[ "$rounds" -ge 15 ] 2>/dev/null || { echo "Error: --rounds must be a number of at least 15" >&2; exit 2; }
jdk=${jdk:-${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}}

# --- the JDK 25, or nothing to do -------------------------------------------------------------

feature_version() { # feature_version JAVA_HOME: 25 for "25.0.3", 17 for "17.0.15", empty if unknown
    sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null | head -n 1
}
version=
[ -x "$jdk/bin/java" ] && version=$(feature_version "$jdk")
if [ -z "$version" ] || [ "$version" -lt 25 ]; then
    echo "skipped: no JDK 25 (looked at '$jdk'${version:+, which is JDK $version}; pass a JDK 25+ home or set JAVA25_HOME)"
    exit 0
fi

image=$(cd "$image" 2>/dev/null && pwd -P) \
    || { echo "Error: no image at $image (run mvn -B -q package -DskipTests)" >&2; exit 2; }
[ -x "$image/bin/datachain" ] || { echo "Error: no launcher at $image/bin/datachain" >&2; exit 2; }
[ -d "$image/plugins" ] || { echo "Error: no plugins directory in $image" >&2; exit 2; }
[ -d "$modules" ] || { echo "Error: no modular jars at $modules (run mvn -B -q package -DskipTests)" >&2; exit 2; }
modules=$(cd "$modules" && pwd -P)
rss_tool=
[ -x /usr/bin/time ] && rss_tool=/usr/bin/time

work=$(mktemp -d "${TMPDIR:-/tmp}/datachain-aot.XXXXXX")
trap '[ -n "${DATACHAIN_BENCH_KEEP:-}" ] || rm -rf "$work"' EXIT

# --- a JDK 25 runtime for the toolkit ---------------------------------------------------------

# The modules of the default image, from its release file, linked again from the JDK 25: its jlink
# links from its own run-time image when it has no jmods (JEP 493, where the build enabled it).
image_modules=$(sed -n 's/^MODULES="\(.*\)"$/\1/p' "$image/release" | tr ' ' ',')
[ -n "$image_modules" ] || { echo "Error: no MODULES line in $image/release" >&2; exit 2; }
main_module=ai.datachain.toolkit.host/ai.datachain.toolkit.host.Main
runtime=$work/jdk25-image
echo "JDK $version at $jdk: linking the toolkit's modules..." >&2
if "$jdk/bin/jlink" --module-path "$modules" --add-modules "$image_modules" --strip-debug --compress=zip-6 \
        --no-header-files --no-man-pages --exclude-resources=/java.base/java/lang/uniName.dat \
        --output "$runtime" >"$work/jlink.log" 2>&1; then
    how="jlink image from the JDK 25 run-time image (JEP 493), $(du -s --apparent-size -B1 "$runtime" \
        | awk '{ printf "%.1f MB", $1 / 1e6 }')"
    java25=$runtime/bin/java
    module_opts=()
else
    # No linkable run-time image: the JDK's own java with the image's modular jars.
    how="the JDK's own java with --module-path (jlink could not link: $(head -n 1 "$work/jlink.log")); its floor maps the JDK's default CDS archive"
    rm -rf "$runtime"
    mkdir -p "$runtime"
    java25=$jdk/bin/java
    module_opts=(--module-path "$modules")
fi
# The plugins sit where the host looks for them: datachain.home/plugins.
cp -r "$image/plugins" "$runtime/plugins"

# --- fixtures ---------------------------------------------------------------------------------

mkdir -p "$work/floor"
printf 'public class Floor { public static void main(String[] a) { System.out.println("floor"); } }\n' \
    >"$work/floor/Floor.java"
"$jdk/bin/javac" --release 17 -d "$work/floor" "$work/floor/Floor.java"

home=$work/home
token=isat_benchmark0000000000000000000000000000
mkdir -p "$home/.config/datachain" "$home/system" "$home/project"
printf '[studio]\ntoken = "%s"\nurl = "https://studio.datachain.ai"\n' "$token" >"$home/.config/datachain/config"

run_env() { # run_env CMD...: the command in the benchmark home, clean environment
    (cd "$home/project" && env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME="$home" \
        DATACHAIN_SYSTEM_CONFIG_DIR="$home/system" "$@")
}

# A timed run puts its timer (/usr/bin/time) right before the program.
timer=()
run_plain() { run_env "${timer[@]}" "$@"; }

# The JDK 25 command line, as the launcher builds it: its JVM options, then ours, then the main.
toolkit25() { # toolkit25 JVM_OPTION... -- ARGS...
    local opts=()
    while [ "$1" != -- ]; do opts+=("$1"); shift; done
    shift
    run_env "${timer[@]}" "$java25" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 "${opts[@]}" \
        -Ddatachain.home="$runtime" -Ddatachain.interactive=false "${module_opts[@]}" -m "$main_module" "$@"
}

# --- training ---------------------------------------------------------------------------------

# As train-cds.sh: one untrained run writes the command index first, so the trained runs take the
# path a real command takes.
toolkit25 -Xshare:off -- --help >/dev/null 2>&1 || true
training_commands=("--help" "plugins list" "auth --help" "auth login --help" "auth token")

echo "training the AppCDS archive (static, from the class lists of ${#training_commands[@]} commands)..." >&2
n=0
for words in "${training_commands[@]}"; do
    n=$((n + 1))
    # shellcheck disable=SC2086 # one command line per entry, split into words on purpose
    toolkit25 -Xshare:off -XX:DumpLoadedClassList="$work/$n.classlist" -- $words >/dev/null 2>&1 || true
done
# Since JDK 21 a class list numbers its classes ("id: N", which super: and interfaces: of a
# custom loader's class refer to), so the lists are merged by renumbering, first occurrence kept.
awk '
    FNR == 1 { delete local }
    /^[#@]/ { if (!seen[$0]++) print; next }
    {
        key = $1; for (i = 2; i <= NF; i++) if ($i == "source:") key = key " " $(i + 1)
        if (!(key in id)) { id[key] = next_id++; fresh = 1 } else fresh = 0
        local[$3] = id[key]
        if (!fresh) next
        line = $1 " id: " id[key]
        for (i = 4; i <= NF; i++) {
            if ($i == "source:") { line = line " source: " $(i + 1); i++; continue }
            line = line " " (($i ~ /^[0-9]+$/) ? local[$i] : $i)
        }
        print line
    }' "$work"/[0-9]*.classlist >"$work/classlist"
appcds=$work/jdk25-appcds.jsa
# Dumped with the main module named: JDK 25 otherwise disables optimized module handling at every
# run and says so on stdout, even with -Xshare:auto.
if ! run_env "$java25" -Xshare:dump -XX:+UseSerialGC -XX:SharedClassListFile="$work/classlist" \
        -XX:SharedArchiveFile="$appcds" "${module_opts[@]}" -m "$main_module" >"$work/dump.log" 2>&1; then
    echo "Error: the AppCDS dump failed:" >&2; cat "$work/dump.log" >&2; exit 1
fi

# JEP 514: one run with -XX:AOTCacheOutput records and writes the cache. It records one command
# line: `auth token` (a cache a launcher would ship), and `--help` for its own cache (the best
# case for that command).
echo "training the AOT caches (JEP 514, one-step)..." >&2
aot_token=$work/token.aot
aot_help=$work/help.aot
toolkit25 -XX:AOTCacheOutput="$aot_token" -- auth token >"$work/aot-token.log" 2>&1 \
    || { echo "Error: AOT training on 'auth token' failed:" >&2; cat "$work/aot-token.log" >&2; exit 1; }
toolkit25 -XX:AOTCacheOutput="$aot_help" -- --help >"$work/aot-help.log" 2>&1 \
    || { echo "Error: AOT training on '--help' failed:" >&2; cat "$work/aot-help.log" >&2; exit 1; }

# --- what to run ------------------------------------------------------------------------------

labels=()
declare -A argv
add() { labels+=("$1"); shift; argv[${labels[-1]}]=$(printf '%q ' "$@"); }

add "floor 17" run_plain "$image/bin/java" -cp "$work/floor" Floor
add "floor 25" run_plain "$java25" -cp "$work/floor" Floor
for words in "--help" "auth token"; do
    cmd=${words#--}; cmd=${cmd// /-}
    # shellcheck disable=SC2086
    add "$cmd 17 default" run_plain "$image/bin/datachain" $words
    # shellcheck disable=SC2086
    add "$cmd 25 none" toolkit25 -Xshare:off -- $words
    # shellcheck disable=SC2086
    add "$cmd 25 appcds" toolkit25 -XX:SharedArchiveFile="$appcds" -Xshare:auto -- $words
    # shellcheck disable=SC2086
    add "$cmd 25 aot(token)" toolkit25 -XX:AOTCache="$aot_token" -- $words
done
add "help 25 aot(help)" toolkit25 -XX:AOTCache="$aot_help" -- --help

invoke() { # invoke LABEL [TIMER...]: runs the labelled command line
    local label=$1; shift
    timer=("$@")
    eval "${argv[$label]}"
    local status=$?
    timer=()
    return $status
}

# Every command must work, quietly, before it is timed; every archive must really map.
for label in "${labels[@]}"; do
    if ! invoke "$label" >"$work/out" 2>"$work/err"; then
        echo "Error: '$label' failed:" >&2; cat "$work/err" >&2; exit 1
    fi
    if [ -s "$work/err" ]; then
        echo "Error: '$label' wrote to stderr:" >&2; cat "$work/err" >&2; exit 1
    fi
    case $label in
        auth-token*) [ "$(cat "$work/out")" = "$token" ] \
            || { echo "Error: '$label' did not print the configured token" >&2; exit 1; } ;;
    esac
done
toolkit25 -XX:SharedArchiveFile="$appcds" -Xshare:on -- auth token >/dev/null 2>"$work/err" \
    || { echo "Error: the JDK 25 AppCDS archive does not map:" >&2; cat "$work/err" >&2; exit 1; }
toolkit25 -XX:AOTCache="$aot_token" -XX:AOTMode=on -- auth token >/dev/null 2>"$work/err" \
    || { echo "Error: the AOT cache does not map:" >&2; cat "$work/err" >&2; exit 1; }

# --- what each archive serves -----------------------------------------------------------------

# Classes `auth token` loads, by where they come from; plugin classes are those the unarchived
# run loads from the plugin jars (PF4J's class loaders).
coverage() { # coverage NAME FILE CMD...: one line of counts; the class-load log stays in FILE
    local name=$1 log=$2; shift 2
    "$@" -Xlog:class+load=info:file="$log" -- auth token >/dev/null 2>&1
    local total shared plugin_shared plugin_jars
    total=$(grep -c ' source: ' "$log" || true)
    shared=$(grep -c ' source: shared objects file' "$log" || true)
    plugin_shared=$(grep ' source: shared objects file' "$log" | awk '{ print $2 }' \
        | grep -cxFf "$work/plugin-classes" || true)
    plugin_jars=$(grep -c " source: file:.*$runtime/plugins/" "$log" || true)
    printf '%-22s %7d %9d %11d %9d\n' "$name" "$total" "$shared" "$plugin_shared" "$plugin_jars"
}
toolkit25 -Xshare:off -Xlog:class+load=info:file="$work/cl-none.log" -- auth token >/dev/null 2>&1
grep " source: file:.*$runtime/plugins/" "$work/cl-none.log" | awk '{ print $2 }' | sort -u >"$work/plugin-classes"
coverage_report=$(
    echo "auth token on JDK 25: classes loaded, and the $(wc -l <"$work/plugin-classes") plugin classes the run without archive loads from the plugin jars"
    printf '%-22s %7s %9s %11s %9s\n' "" loaded "from arch" "plugin arch" "from jars"
    coverage "no archive" "$work/cl-none.log" toolkit25 -Xshare:off
    coverage "appcds" "$work/cl-appcds.log" toolkit25 -XX:SharedArchiveFile="$appcds" -Xshare:auto
    coverage "aot(token)" "$work/cl-aot.log" toolkit25 -XX:AOTCache="$aot_token"
)
# What the AOT cache still leaves to run time, by kind.
unarchived=$(grep ' source: ' "$work/cl-aot.log" | grep -v ' source: shared objects file' | awk '
    FNR == NR { plugin[$1] = 1; next }
    / source: __JVM_LookupDefineClass__/ { n["LambdaForm classes"]++; next }
    / source: __dynamic_proxy__/ { n["dynamic proxies"]++; next }
    / source: (file|jar|jrt):/ { n["from jars or the image"]++; next }
    $2 ~ /\$\$Lambda/ { n[($NF in plugin) ? "lambdas of plugin classes" : "other lambdas"]++; next }
    { n["other"]++ }
    END { for (k in n) printf "%d %s, ", n[k], k }' "$work/plugin-classes" - | sed 's/, $//')

# --- measure ----------------------------------------------------------------------------------

declare -A times rss
total=$((warmup + rounds))
for round in $(seq 1 "$total"); do
    n=${#labels[@]}
    for k in $(seq 0 $((n - 1))); do
        label=${labels[$(( (k + round) % n ))]} # rotate the order so no command always goes first
        if [ "$round" -le "$warmup" ]; then
            invoke "$label" >/dev/null 2>&1
        else
            start=$EPOCHREALTIME
            invoke "$label" ${rss_tool:+"$rss_tool" -f %M -o "$work/rss"} >/dev/null 2>&1
            end=$EPOCHREALTIME
            times[$label]+="$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", (e - s) * 1000 }') "
            [ -z "$rss_tool" ] || rss[$label]+="$(tail -n 1 "$work/rss") "
        fi
    done
    printf '.' >&2
done
echo >&2


declare -A med
for label in "${labels[@]}"; do med[$label]=$(echo "${times[$label]}" | median); done

# --- report -----------------------------------------------------------------------------------

echo "datachain on JDK $version vs the default JDK 17 image: $rounds rounds after $warmup warm-up," \
    "$(nproc) cores, load $(cut -d ' ' -f 1 /proc/loadavg)"
echo "JDK 25 runtime: $how"
echo "archives: AppCDS $(ratio "$(stat -c %s "$appcds")" 1e6) MB (${#training_commands[@]} commands)," \
    "AOT cache $(ratio "$(stat -c %s "$aot_token")" 1e6) MB (auth token), $(ratio "$(stat -c %s "$aot_help")" 1e6) MB (--help);" \
    "JDK 17 image's datachain.jsa $(ratio "$(stat -c %s "$image/lib/datachain.jsa" 2>/dev/null || echo 0)" 1e6) MB"
printf '%-26s %10s %9s %11s %12s\n' command "median ms" "x floor" "x JDK 17" "max RSS MiB"
for label in "${labels[@]}"; do
    case $label in
        floor*) reference=${med[floor 17]} ;;
        *) reference=${med[${label%% *} 17 default]} ;;
    esac
    case $label in
        *" 25 "*|"floor 25") floor=${med[floor 25]} ;;
        *) floor=${med[floor 17]} ;;
    esac
    peak=-
    [ -z "$rss_tool" ] || peak=$(awk -v k="$(echo "${rss[$label]}" | maximum)" 'BEGIN { printf "%.1f", k / 1024 }')
    printf '%-26s %10.1f %9s %11s %12s\n' "$label" "${med[$label]}" "$(ratio "${med[$label]}" "$floor")" \
        "$(ratio "${med[$label]}" "$reference")" "$peak"
done
echo "(x floor: against the trivial main on the same JDK; x JDK 17: against the default image, same command)"
echo
for cmd in help auth-token; do
    echo "$cmd: AOT cache vs JDK 25 AppCDS $(ratio "${med[$cmd 25 aot(token)]}" "${med[$cmd 25 appcds]}")x," \
        "vs JDK 25 no archive $(ratio "${med[$cmd 25 aot(token)]}" "${med[$cmd 25 none]}")x," \
        "vs JDK 17 default $(ratio "${med[$cmd 25 aot(token)]}" "${med[$cmd 17 default]}")x"
done
echo
echo "$coverage_report"
echo "not from the AOT cache in auth token: $unarchived"
