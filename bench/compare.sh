#!/usr/bin/env bash
# A/B start-up comparison: one datachain command line on two or more runtime images (or on one
# image with different DATACHAIN_JAVA_OPTS), whole processes, interleaved round by round in
# rotating order after a warm-up, in the home bench/startup.sh uses (a global config holding a
# token; each image's command index written first, as on a machine in use). Prints each variant's
# median wall and CPU (user + sys) milliseconds and its ratio to the first: the way to measure one
# change, since the machine's speed drifts between separate runs.
#
# Usage: bench/compare.sh [--rounds N] [--warmup N] [--plugins-dir DIR] VARIANT... -- ARG...
#   --plugins-dir: extra plugins for every variant (DATACHAIN_PLUGINS_DIR)
#   VARIANT: an image directory, or IMAGE@OPTS to run that image with DATACHAIN_JAVA_OPTS=OPTS
#   ARG...:  the command line after `datachain`, e.g. -- auth token
# Example: bench/compare.sh /tmp/before dist/target/datachain -- --help
# Needs: /usr/bin/time (Debian package `time`).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd -P)
# shellcheck source=lib/stats.sh
. "$repo/bench/lib/stats.sh"
rounds=31
warmup=3
variants=()
plugins_dir=
while [ $# -gt 0 ]; do
    case $1 in
        --rounds) rounds=$2; shift 2 ;;
        --warmup) warmup=$2; shift 2 ;;
        --plugins-dir) plugins_dir=$(cd "$2" && pwd -P); shift 2 ;;
        -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        --) shift; break ;;
        -*) echo "Error: unknown option '$1'" >&2; exit 2 ;;
        *) variants+=("$1"); shift ;;
    esac
done
[ ${#variants[@]} -ge 2 ] || { echo "Error: give at least two variants, then -- and the command line" >&2; exit 2; }
[ $# -gt 0 ] || { echo "Error: no command line after --" >&2; exit 2; }
[ "$rounds" -ge 5 ] 2>/dev/null || { echo "Error: --rounds must be a number of at least 5" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "Error: /usr/bin/time is needed for CPU times: apt-get install time" >&2; exit 2; }

declare -A launcher opts
for variant in "${variants[@]}"; do
    dir=${variant%%@*}
    [ -x "$dir/bin/datachain" ] || { echo "Error: no launcher at $dir/bin/datachain" >&2; exit 2; }
    launcher[$variant]=$(cd "$dir" && pwd -P)/bin/datachain
    opts[$variant]=$([ "$dir" != "$variant" ] && echo "${variant#*@}" || true)
done

work=$(mktemp -d "${TMPDIR:-/tmp}/datachain-compare.XXXXXX")
trap 'rm -rf "$work"' EXIT
home=$work/home
mkdir -p "$home/.config/datachain" "$home/system" "$home/project"
printf '[studio]\ntoken = "isat_benchmark0000000000000000000000000000"\nurl = "https://studio.datachain.ai"\n' \
    >"$home/.config/datachain/config"

run() { # run VARIANT CMD...: CMD in the benchmark home, clean environment, the variant's JVM options
    local variant=$1
    shift
    (cd "$home/project" && env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME="$home" \
        DATACHAIN_SYSTEM_CONFIG_DIR="$home/system" ${plugins_dir:+DATACHAIN_PLUGINS_DIR="$plugins_dir"} \
        ${opts[$variant]:+DATACHAIN_JAVA_OPTS="${opts[$variant]}"} "$@")
}

# Every variant must work before it is timed, with its command index written as on a machine in use:
# `auth token` (a plugin command, in every image since the command index) loads every plugin once.
for variant in "${variants[@]}"; do
    run "$variant" "${launcher[$variant]}" auth token >/dev/null 2>&1 || true
    if ! run "$variant" "${launcher[$variant]}" "$@" >/dev/null 2>"$work/err"; then
        echo "Error: '$variant' failed:" >&2; cat "$work/err" >&2; exit 1
    fi
done

declare -A wall cpu
n=${#variants[@]}
for round in $(seq 1 $((warmup + rounds))); do
    for k in $(seq 0 $((n - 1))); do
        variant=${variants[$(( (k + round) % n ))]} # rotate the order so no variant always goes first
        start=$EPOCHREALTIME
        run "$variant" /usr/bin/time -f '%U %S' -o "$work/cpu" "${launcher[$variant]}" "$@" >/dev/null 2>&1 || true
        end=$EPOCHREALTIME
        if [ "$round" -gt "$warmup" ]; then
            wall[$variant]+="$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", (e - s) * 1000 }') "
            cpu[$variant]+="$(awk '{ printf "%.0f", ($1 + $2) * 1000 }' "$work/cpu") "
        fi
    done
    printf '.' >&2
done
echo >&2

echo "datachain $*: $rounds rounds after $warmup warm-up, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
printf '%10s %8s %10s %8s  %s\n' "wall ms" "x first" "CPU ms" "x first" variant
first_wall=$(echo "${wall[${variants[0]}]}" | median)
first_cpu=$(echo "${cpu[${variants[0]}]}" | median)
for variant in "${variants[@]}"; do
    w=$(echo "${wall[$variant]}" | median)
    c=$(echo "${cpu[$variant]}" | median)
    printf '%10.1f %8s %10.0f %8s  %s\n' "$w" "$(ratio "$w" "$first_wall")" "$c" "$(ratio "$c" "$first_cpu")" \
        "$variant"
done
