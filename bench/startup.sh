#!/usr/bin/env bash
# Start-up benchmark of the datachain runtime image against the JVM floor (issue 6).
#
# Whole-process wall time and peak RSS of: the floor (a trivial Java main on the image's own
# bin/java), `datachain --help`, `datachain auth token` with a global config, and `auth token`
# with 50 extra trivial plugins. Runs are interleaved round by round after a warm-up; prints
# medians, ratios, peak RSS, image and tarball size, and exits 1 when a target is missed.
#
# Usage: bench/startup.sh [--image DIR] [--tarball FILE] [--rounds N] [--warmup N]
# Needs: a built image (mvn -B verify), javac/jar (JDK 17+), /usr/bin/time (Debian package `time`).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd -P)
# shellcheck source=lib/stats.sh
. "$repo/bench/lib/stats.sh"
image=$repo/dist/target/datachain
tarball=
rounds=21
warmup=3
while [ $# -gt 0 ]; do
    case $1 in
        --image) image=$2; shift 2 ;;
        --tarball) tarball=$2; shift 2 ;;
        --rounds) rounds=$2; shift 2 ;;
        --warmup) warmup=$2; shift 2 ;;
        -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "Error: unknown argument '$1'" >&2; exit 2 ;;
    esac
done
image=$(cd "$image" && pwd -P) || { echo "Error: no image at $image (run mvn -B verify)" >&2; exit 2; }
if [ -z "$tarball" ]; then
    tarball=$(ls "$(dirname "$image")"/datachain-*-linux-x64.tar.gz 2>/dev/null | head -n 1 || true)
fi
launcher=$image/bin/datachain
[ -x "$launcher" ] || { echo "Error: no launcher at $launcher" >&2; exit 2; }
if [ ! -x /usr/bin/time ]; then
    echo "Error: /usr/bin/time is needed for peak RSS: install the Debian package 'time' (apt-get install time)" >&2
    exit 2
fi
jdk_bin=${JAVA_HOME:+$JAVA_HOME/bin/}
command -v "${jdk_bin}javac" >/dev/null || { echo "Error: javac not found (set JAVA_HOME to a JDK 17+)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/datachain-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

# --- fixtures ---------------------------------------------------------------------------------

# The floor: the least any Java command can cost on this runtime.
mkdir -p "$work/floor"
printf 'public class Floor { public static void main(String[] a) { System.out.println("floor"); } }\n' \
    >"$work/floor/Floor.java"
"${jdk_bin}javac" --release 17 -d "$work/floor" "$work/floor/Floor.java"

# A home with a global config holding a token, and empty system/local levels.
home=$work/home
token=isat_benchmark0000000000000000000000000000
mkdir -p "$home/.config/datachain" "$home/system" "$home/project"
printf '[studio]\ntoken = "%s"\nurl = "https://studio.datachain.ai"\n' "$token" >"$home/.config/datachain/config"

# 50 trivial plugins, each a directory with plugin.properties and a jar holding one Command.
extra=$work/plugins50
mkdir -p "$work/plugin-src" "$work/plugin-classes"
for i in $(seq -w 1 50); do
    mkdir -p "$work/plugin-src/bench/p$i"
    cat >"$work/plugin-src/bench/p$i/Noop$i.java" <<EOF
package bench.p$i;

@org.pf4j.Extension
public final class Noop$i implements ai.datachain.toolkit.api.Command {
    public ai.datachain.toolkit.api.CommandDeclaration declaration() {
        return ai.datachain.toolkit.api.CommandDeclaration.of("bench$i noop", "Does nothing (benchmark plugin $i).");
    }
    public int run(ai.datachain.toolkit.api.Invocation invocation) { return 0; }
}
EOF
done
# One javac for all 50, against the API inside the image itself (the index is written per plugin
# below, so no annotation processing).
"${jdk_bin}javac" --system "$image" --add-modules ai.datachain.toolkit.api -proc:none -d "$work/plugin-classes" \
    "$work"/plugin-src/bench/p*/Noop*.java
for i in $(seq -w 1 50); do
    dir=$extra/bench-$i
    mkdir -p "$dir/lib" "$work/jar$i/META-INF" "$work/jar$i/bench"
    printf 'plugin.id=bench-%s\nplugin.version=1.0.0\nplugin.description=benchmark plugin\nplugin.provider=bench\n' \
        "$i" >"$dir/plugin.properties"
    printf 'bench.p%s.Noop%s\n' "$i" "$i" >"$work/jar$i/META-INF/extensions.idx"
    cp -r "$work/plugin-classes/bench/p$i" "$work/jar$i/bench/"
    "${jdk_bin}jar" --create --file "$dir/lib/bench-$i.jar" -C "$work/jar$i" .
done

# --- what to run ------------------------------------------------------------------------------

labels=()
declare -A argv extra_dirs
add() { labels+=("$1"); argv[$1]=$2; extra_dirs[$1]=${3:-}; }

run_env() { # run_env EXTRA_PLUGIN_DIR CMD...: the command in the benchmark home, clean environment
    local dirs=$1; shift
    env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME="$home" \
        DATACHAIN_SYSTEM_CONFIG_DIR="$home/system" ${dirs:+DATACHAIN_PLUGINS_DIR=$dirs} \
        "$@"
}

add floor "$image/bin/java -cp $work/floor Floor"
# Context only (no target): the floor when it may map the image's class-data sharing archive, as
# the launcher does. The image ships no default JDK archive, so the plain floor runs without one.
if [ -f "$image/lib/datachain.jsa" ]; then
    add floor+cds "$image/bin/java -XX:SharedArchiveFile=$image/lib/datachain.jsa -Xshare:auto -cp $work/floor Floor"
fi
add help "$launcher --help"
add "login-help" "$launcher auth login --help"
add "login-help+50" "$launcher auth login --help" "$extra"

# `auth token` comes with the auth-login plugin's later commands: measure it only when it exists.
has_token=false
if (cd "$home/project" && run_env "" "$launcher" auth --help 2>/dev/null) | grep -Eq '^ +token( |$)'; then
    has_token=true
    add token "$launcher auth token"
    add "token+50" "$launcher auth token" "$extra"
fi

# Every command must work before it is timed.
for label in "${labels[@]}"; do
    if ! (cd "$home/project" && run_env "${extra_dirs[$label]}" ${argv[$label]} >"$work/out" 2>"$work/err"); then
        echo "Error: '$label' failed:" >&2; cat "$work/err" >&2; exit 1
    fi
    if [ -s "$work/err" ]; then
        echo "Error: '$label' wrote to stderr:" >&2; cat "$work/err" >&2; exit 1
    fi
    case $label in
        token*) [ "$(cat "$work/out")" = "$token" ] \
            || { echo "Error: '$label' did not print the configured token" >&2; exit 1; } ;;
    esac
done
# The 50 plugins must really be loaded: plugins list shows them.
count=$(cd "$home/project" && run_env "$extra" "$launcher" plugins list | grep -c '^bench-.*(started)' || true)
[ "$count" = 50 ] || { echo "Error: expected 50 benchmark plugins started, plugins list shows $count" >&2; exit 1; }

# --- measure ----------------------------------------------------------------------------------

declare -A times rss
measure() { # measure LABEL: one run; appends wall ms and peak RSS KiB
    local label=$1 start end
    start=$EPOCHREALTIME
    (cd "$home/project" && run_env "${extra_dirs[$label]}" /usr/bin/time -f %M -o "$work/rss" ${argv[$label]} \
        >/dev/null 2>&1)
    end=$EPOCHREALTIME
    times[$label]+="$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", (e - s) * 1000 }') "
    rss[$label]+="$(tail -n 1 "$work/rss") "
}

total=$((warmup + rounds))
for round in $(seq 1 "$total"); do
    n=${#labels[@]}
    for k in $(seq 0 $((n - 1))); do
        label=${labels[$(( (k + round) % n ))]} # rotate the order so no command always goes first
        if [ "$round" -le "$warmup" ]; then
            (cd "$home/project" && run_env "${extra_dirs[$label]}" ${argv[$label]} >/dev/null 2>&1)
        else
            measure "$label"
        fi
    done
    printf '.' >&2
done
echo >&2


declare -A med peak
for label in "${labels[@]}"; do
    med[$label]=$(echo "${times[$label]}" | median)
    peak[$label]=$(echo "${rss[$label]}" | maximum)
done

# --- report -----------------------------------------------------------------------------------

missed=0
row() { # row TARGET MEASURED LIMIT: prints the target with its verdict and counts a miss
    local verdict=ok
    if ! awk -v v="${2%x}" -v l="$3" 'BEGIN { exit !(v <= l) }'; then verdict=MISSED; missed=$((missed + 1)); fi
    printf '%-44s %8s  %s\n' "$1" "$2" "$verdict"
}

echo "datachain start-up: $rounds rounds after $warmup warm-up, $(nproc) cores, image $image"
cds_floor=${med[floor+cds]:-${med[floor]}}
printf '%-16s %10s %8s %12s %12s\n' command "median ms" "x floor" "x floor+cds" "max RSS MiB"
for label in "${labels[@]}"; do
    printf '%-16s %10.1f %8s %12s %12.1f\n' "$label" "${med[$label]}" "$(ratio "${med[$label]}" "${med[floor]}")" \
        "$(ratio "${med[$label]}" "$cds_floor")" "$(awk -v k="${peak[$label]}" 'BEGIN { print k / 1024 }')"
done
echo

printf '%-44s %8s  %s\n' target measured verdict
row "--help <= 3.0x floor" "$(ratio "${med[help]}" "${med[floor]}")x" 3.0
if $has_token; then
    row "auth token <= 3.0x floor (stretch 2.0x)" "$(ratio "${med[token]}" "${med[floor]}")x" 3.0
    row "auth token, 50 plugins <= 1.3x none" "$(ratio "${med[token+50]}" "${med[token]}")x" 1.3
    row "auth token max RSS <= 2.0x floor" "$(ratio "${peak[token]}" "${peak[floor]}")x" 2.0
else
    echo "SKIPPED: auth token rows: this image has no 'auth token' command yet (auth-login plugin)."
fi
row "auth login --help, 50 plugins <= 1.3x none" "$(ratio "${med[login-help+50]}" "${med[login-help]}")x" 1.3
image_bytes=$(du -s --apparent-size -B1 "$image" | cut -f1)
row "image <= 53 MB" "$(awk -v b="$image_bytes" 'BEGIN { printf "%.2f", b / 1e6 }')" 53
if [ -n "$tarball" ] && [ -f "$tarball" ]; then
    row "tarball <= 28 MB" "$(awk -v b="$(stat -c %s "$tarball")" 'BEGIN { printf "%.2f", b / 1e6 }')" 28
else
    echo "SKIPPED: tarball: none found beside the image (pass --tarball FILE)"
fi
if [ "$missed" -gt 0 ]; then
    echo "$missed target(s) missed"
    exit 1
fi
