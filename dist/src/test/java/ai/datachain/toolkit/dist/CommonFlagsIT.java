package ai.datachain.toolkit.dist;

import static ai.datachain.toolkit.dist.AuthSandbox.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import ai.datachain.toolkit.testkit.CommandResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -h}, {@code -v} and {@code -q} are accepted at every level of the command tree, as every
 * level's {@code --help} lists them: before the command words, between them and after them.
 */
class CommonFlagsIT {

    @TempDir
    Path home;

    @Test
    void quietAndVerboseBetweenGroupWordsReachTheCommand() throws Exception {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            AuthSandbox.write(sandbox.globalConfig(), "[studio]\ntoken = \"" + TOKEN + "\"\n");
            Path file = sandbox.globalConfig();
            // Readable by others, so status warns: -q must silence the warning, -v must keep it.
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            String warning = AuthSandbox.readableTokenWarning(file);

            CommandResult plain = sandbox.runner.run("auth", "status");
            CommandResult quiet = sandbox.runner.run("auth", "-q", "status");
            CommandResult verbose = sandbox.runner.run("auth", "-v", "status");

            assertThat(plain.exitCode()).as(plain.toString()).isZero();
            assertThat(plain.stderr()).isEqualTo(warning);
            assertThat(quiet.exitCode()).as(quiet.toString()).isZero();
            assertThat(quiet.stdout()).isEqualTo(plain.stdout());
            assertThat(quiet.stderr()).isEmpty();
            assertThat(verbose.exitCode()).as(verbose.toString()).isZero();
            assertThat(verbose.stdout()).isEqualTo(plain.stdout());
            assertThat(verbose.stderr()).contains(warning);
        }
    }

    @Test
    void verboseBetweenGroupWordsTurnsOnTheCommandsDebugLines() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.studio.autoApprove(true);

            CommandResult result = sandbox.runner.run("auth", "-v", "login", "--no-open");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stderr()).contains("debug: device login started; polling ");
        }
    }

    @Test
    void verboseAfterTheCommandWordRaisesLibraryLogging() {
        CommandResult quiet = Launcher.in(home).run("config", "list");
        CommandResult verbose = Launcher.in(home).run("config", "list", "-v", "-v");
        CommandResult root = Launcher.in(home).run("-v", "config", "list");

        assertThat(quiet.stderr()).isEmpty();
        assertThat(verbose.exitCode()).as(verbose.toString()).isZero();
        // SmallRye Config logs through JBoss Logging into slf4j while the command reads the settings.
        assertThat(verbose.stderr()).contains("] DEBUG io.smallrye.config - ");
        // Before the command word, -v also shows what PF4J says while the plugins load.
        assertThat(root.stderr()).contains("] INFO org.pf4j.");
    }

    @Test
    void helpBetweenGroupWordsShowsTheCommandsHelp() {
        CommandResult result = Launcher.in(home).run("auth", "-h", "status");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).startsWith("Usage: datachain auth status [options]\n");
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void aCommandsOwnOptionBeforeItsWordIsStillAUsageError() {
        CommandResult result = Launcher.in(home).run("auth", "--json", "status");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).isEqualTo("Error: unknown option '--json' for 'datachain auth'\n"
                + "Run 'datachain auth --help' for usage.\n");
    }

    @Test
    void aMissingArgumentIsAUsageErrorNamingIt() {
        CommandResult result = Launcher.in(home).run("plugins", "remove");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).isEqualTo("Error: expected ID, got none\n"
                + "Run 'datachain plugins remove --help' for usage.\n");
    }
}
