package ai.datachain.toolkit.host.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReproducibleTarballTest {

    private static final long TIME = 1_795_824_000L; // 2026-11-28T00:00:00Z
    private static final String LONG = "a-directory-name-long-enough-to-need-the-prefix-field/".repeat(3)
            + "and-a-file-name-that-alone-takes-most-of-the-name-field-of-a-ustar-header.txt";

    @TempDir
    Path temp;

    @Test
    void systemTarReadsEveryKindOfEntryBackAsItWas() throws Exception {
        Path tree = tree(temp.resolve("tree"));
        Path tarball = temp.resolve("out.tar.gz");

        ReproducibleTarball.write(tree, "runtime", TIME, tarball);

        // The deepest directory needs ustar's prefix field, the file below it a pax header.
        String dir = "drwxr-xr-x 0/0               0 2026-11-28 00:00:00 runtime/";
        String deep = "a-directory-name-long-enough-to-need-the-prefix-field/";
        assertThat(tar("-tvzf", tarball.toString(), "--numeric-owner", "--full-time")).isEqualTo(dir + "\n"
                + dir + "bin/\n"
                + "-rwxr-xr-x 0/0              10 2026-11-28 00:00:00 runtime/bin/run\n"
                + dir + "deep/\n" + dir + "deep/" + deep + "\n" + dir + "deep/" + deep + deep + "\n"
                + dir + "deep/" + deep + deep + deep + "\n"
                + "-rw-r--r-- 0/0               4 2026-11-28 00:00:00 runtime/deep/" + LONG + "\n"
                + dir + "legal/\n"
                + "lrwxrwxrwx 0/0               0 2026-11-28 00:00:00 runtime/legal/LICENSE -> ../notes.txt\n"
                + "-rw-r--r-- 0/0            1000 2026-11-28 00:00:00 runtime/notes.txt\n");
        Path unpacked = Files.createDirectories(temp.resolve("unpacked"));
        tar("-xzf", tarball.toString(), "-C", unpacked.toString());
        assertThat(unpacked.resolve("runtime/deep/" + LONG)).hasContent("deep");
        assertThat(unpacked.resolve("runtime/notes.txt")).hasSameBinaryContentAs(tree.resolve("notes.txt"));
    }

    @Test
    void theSameTreeGivesTheSameBytesWhateverItsTimesAndPermissions() throws Exception {
        Path one = tree(temp.resolve("one"));
        Path two = tree(temp.resolve("two"));
        Files.setLastModifiedTime(two.resolve("notes.txt"), FileTime.fromMillis(0));
        Files.setPosixFilePermissions(two.resolve("notes.txt"), PosixFilePermissions.fromString("rw-------"));

        ReproducibleTarball.write(one, "runtime", TIME, temp.resolve("one.tar.gz"));
        ReproducibleTarball.write(two, "runtime", TIME, temp.resolve("two.tar.gz"));

        assertThat(temp.resolve("two.tar.gz")).hasSameBinaryContentAs(temp.resolve("one.tar.gz"));
        byte[] gzip = Files.readAllBytes(temp.resolve("one.tar.gz"));
        assertThat(new byte[] {gzip[4], gzip[5], gzip[6], gzip[7], gzip[3]}).as("gzip time and flags").containsOnly(0);
    }

    private static Path tree(Path root) throws Exception {
        Files.createDirectories(root.resolve("bin"));
        Files.writeString(root.resolve("bin/run"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(root.resolve("bin/run"), PosixFilePermissions.fromString("rwxr-x---"));
        Files.writeString(root.resolve("notes.txt"), "n".repeat(1000));
        Files.createDirectories(root.resolve("legal"));
        Files.createSymbolicLink(root.resolve("legal/LICENSE"), Path.of("../notes.txt"));
        Path deep = root.resolve("deep").resolve(LONG);
        Files.createDirectories(deep.getParent());
        Files.writeString(deep, "deep");
        return root;
    }

    private static String tar(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "tar";
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
