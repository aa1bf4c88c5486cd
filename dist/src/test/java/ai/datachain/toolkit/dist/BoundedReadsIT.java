package ai.datachain.toolkit.dist;

import static ai.datachain.toolkit.dist.AuthSandbox.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.datachain.toolkit.testkit.CommandResult;
import ai.datachain.toolkit.testkit.DatachainRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads that end and exits that tell the truth: a config that is a pipe, a device, huge or nested
 * without end is one line of error naming it, and output that cannot be written is a failure.
 */
class BoundedReadsIT {

    @TempDir
    Path home;

    private Path config() {
        return home.resolve(".config/datachain/config");
    }

    private DatachainRunner runner() {
        return Launcher.in(home).workingDirectory(home).timeout(Duration.ofSeconds(30))
                .env("DATACHAIN_SYSTEM_CONFIG_DIR", home.resolve("system").toString());
    }

    @Test
    void aPipeOrADeviceIsNotReadAtAll() throws Exception {
        Files.createDirectories(config().getParent());
        Process mkfifo = new ProcessBuilder("mkfifo", config().toString()).inheritIO().start();
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available");

        CommandResult fifo = runner().run("config", "list");
        Files.delete(config());
        Files.createSymbolicLink(config(), Path.of("/dev/zero"));
        CommandResult zero = runner().run("config", "get", "studio.url");

        for (CommandResult result : new CommandResult[] {fifo, zero}) {
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
            assertThat(result.stderr()).isEqualTo("Error: cannot read " + config() + ": it is not a regular file (a"
                    + " pipe, socket or device)\n");
        }
    }

    @Test
    void aFileOverOneMebibyteIsRefused() throws Exception {
        AuthSandbox.write(config(), "# " + "x".repeat(1024 * 1024) + "\n");

        CommandResult result = runner().run("config", "list");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).isEqualTo("Error: cannot read " + config() + ": it is larger than 1 MiB, too large"
                + " for a config file\n");
    }

    @Test
    void nestingWithoutEndIsOneLineOfError() {
        AuthSandbox.write(config(), "[studio]\nx = " + "[".repeat(100_000) + "]".repeat(100_000) + "\n");
        String before = AuthSandbox.read(config());

        CommandResult list = runner().run("config", "list");
        CommandResult set = runner().run("config", "set", "studio.team", "t");

        for (CommandResult result : new CommandResult[] {list, set}) {
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
            assertThat(result.stderr()).isEqualTo("Error: cannot read " + config() + ": it nests arrays or tables too"
                    + " deeply\n");
        }
        assertThat(AuthSandbox.read(config())).isEqualTo(before);
    }

    @Test
    void outputThatCannotBeWrittenIsAFailure() throws Exception {
        assumeTrue(Files.isWritable(Path.of("/dev/full")), "no /dev/full here");
        AuthSandbox.write(config(), "[studio]\ntoken = \"" + TOKEN + "\"\n");
        ProcessBuilder builder = new ProcessBuilder(Launcher.path().toString(), "auth", "token")
                .redirectOutput(new java.io.File("/dev/full")).redirectError(ProcessBuilder.Redirect.PIPE);
        builder.environment().clear();
        builder.environment().putAll(runner().environment());
        builder.directory(home.toFile());
        Process process = builder.start();
        String stderr = new String(process.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(process.waitFor()).isEqualTo(1);
        assertThat(stderr).isEqualTo("Error: could not write the output (standard output is closed or its disk is"
                + " full)\n");
    }
}
