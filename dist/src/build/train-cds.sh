#!/bin/sh
# Builds the image's class-data sharing archive, lib/datachain.jsa: runs the launcher on a few
# typical command lines recording the classes each loads, then dumps one static archive of them
# all. The launcher maps it at start-up (-Xshare:auto: ignored when it does not match the JVM).
# The image carries this script as lib/train-cds.sh: `datachain runtime create` runs it on the
# runtime it makes, so needs only a POSIX shell and awk besides the image.
#
# Usage: train-cds.sh IMAGE_DIR WORK_DIR
set -eu
image=$1
work=$2

rm -rf "$work"
mkdir -p "$work/home/.config/datachain" "$work/system" "$work/project"
# A global config, so `auth token` trains the configuration path too.
printf '[studio]\ntoken = "isat_training"\nurl = "https://studio.datachain.ai"\n' \
    >"$work/home/.config/datachain/config"

# A first, untrained run writes the command index, as the first run after an install does: its
# classes (temporary files, secure random seeding, the index writer) serve one run only, so the
# archive leaves them out and every trained run takes the path a real command takes.
(cd "$work/project" && env -i PATH="$PATH" HOME="$work/home" DATACHAIN_SYSTEM_CONFIG_DIR="$work/system" \
    DATACHAIN_JAVA_OPTS="-Xshare:off -Duser.home=$work/home" "$image/bin/datachain" --help >/dev/null 2>&1) || true

n=0
# Each line is one command line; `auth token` loads only its own plugin and the format plugin.
while read -r words; do
    n=$((n + 1))
    # The exit code does not matter here, only which classes the run loaded: a command that this
    # build does not have still trains dispatch and error reporting.
    (cd "$work/project" && env -i PATH="$PATH" HOME="$work/home" DATACHAIN_SYSTEM_CONFIG_DIR="$work/system" \
        DATACHAIN_JAVA_OPTS="-Xshare:off -XX:DumpLoadedClassList=$work/$n.classlist -Duser.home=$work/home" \
        "$image/bin/datachain" $words >"$work/$n.out" 2>&1) || true
done <<COMMANDS
--help
plugins list
auth --help
auth login --help
auth token
COMMANDS

# One list, first occurrence kept (the order is the load order). A lambda line stands for one
# call site: two call sites of the same shape (two `this::isDevelopment` in PF4J) give two equal
# lines, and the archive holds one lambda class per line, so each lambda line is kept as many
# times as one run wrote it; a call site left without one spins its lambda class at every start.
awk '/^@lambda-proxy/ { if (++count[FILENAME, $0] > most[$0]) { most[$0] = count[FILENAME, $0]; print } next }
     !seen[$0]++' "$work"/*.classlist >"$work/classlist"
rm -f "$image/lib/datachain.jsa"
if ! "$image/bin/java" -Xshare:dump -XX:+UseSerialGC -XX:SharedClassListFile="$work/classlist" \
        -XX:SharedArchiveFile="$image/lib/datachain.jsa" >"$work/dump.log" 2>&1; then
    cat "$work/dump.log" >&2
    exit 1
fi
