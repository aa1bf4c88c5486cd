package ai.datachain.toolkit.dist;

import ai.datachain.toolkit.testkit.DatachainRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

/**
 * The launcher run where one directory is a hostile file system (read-only, or full) or another
 * directory altogether. Tests run as root, which ignores permission bits, so these are real mounts:
 * the launcher runs in a private mount namespace ({@code unshare -rm}, no privileges needed where
 * user namespaces are allowed) with the directory mounted over; nothing outside that one run sees
 * the mount.
 */
final class ConfinedLauncher {

    private ConfinedLauncher() {}

    /** Whether this machine lets an unprivileged process mount a tmpfs in its own namespace. */
    static boolean available() {
        try {
            Process probe = new ProcessBuilder("unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=4k tmpfs /mnt")
                    .redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A runner whose launcher sees {@code directory} (it must exist) as a read-only bind mount of itself. */
    static DatachainRunner readOnly(Path home, Path directory) {
        return runner(home, "mount --bind '" + directory + "' '" + directory + "' && mount -o remount,bind,ro '"
                + directory + "' && exec \"$0\" \"$@\"");
    }

    /**
     * A runner whose launcher sees {@code directory} as a full 16 KiB tmpfs holding a copy of the
     * directory's files. What the run leaves there is copied to {@code leftBehind} afterwards,
     * since the mount vanishes with the run.
     */
    static DatachainRunner full(Path home, Path directory, Path leftBehind) {
        Path saved = home.resolve("confined-saved");
        return runner(home, "rm -rf '" + saved + "' && cp -a '" + directory + "' '" + saved + "'"
                + " && mount -t tmpfs -o size=16k tmpfs '" + directory + "'"
                + " && cp -a '" + saved + "/.' '" + directory + "/'"
                + " && { dd if=/dev/zero of='" + directory + "/filler' bs=4k 2>/dev/null; true; }"
                + " && \"$0\" \"$@\"; code=$?; rm -f '" + directory + "/filler'"
                + "; mkdir -p '" + leftBehind + "' && cp -a '" + directory + "/.' '" + leftBehind + "/'; exit $code");
    }

    /**
     * A runner whose launcher sees {@code source} in place of {@code target} (both must exist), e.g.
     * a directory of the test's own over {@code /etc/xdg}, which the test must not touch.
     */
    static DatachainRunner over(Path home, Path source, Path target) {
        return runner(home, "mount --bind '" + source + "' '" + target + "' && exec \"$0\" \"$@\"");
    }

    private static DatachainRunner runner(Path home, String setup) {
        Path script = home.resolve("confined-datachain");
        String text = "#!/bin/sh\nexec unshare -rm sh -c '" + setup.replace("'", "'\\''") + "' '" + Launcher.path()
                + "' \"$@\"\n";
        try {
            Files.writeString(script, text, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return DatachainRunner.launcher(script, home);
    }
}
