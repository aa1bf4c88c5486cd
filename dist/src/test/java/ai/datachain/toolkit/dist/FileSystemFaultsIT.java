package ai.datachain.toolkit.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.datachain.toolkit.testkit.CommandResult;
import ai.datachain.toolkit.testkit.DatachainRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saving a login where the config cannot be written as usual: a read-only file system, a full
 * disk, a directory where the file should be, a file where the directory should be, a symlinked
 * config. Each is a clear one-line error (or, for the link, a save through it), and the file that
 * was there is still there, byte for byte.
 */
class FileSystemFaultsIT {

    private static final String BEFORE = "# my settings\n[core]\nminimum_version = \"0.20\"\n";
    private static final String TOKEN = "isat_fs_faults_0123456789";

    @TempDir
    Path home;

    private Path configDirectory() {
        return home.resolve(".config/datachain");
    }

    private DatachainRunner prepared(DatachainRunner runner) {
        return runner.workingDirectory(home).env("DATACHAIN_SYSTEM_CONFIG_DIR", home.resolve("system").toString())
                .stdin(TOKEN + "\n");
    }

    @Test
    void aReadOnlyFileSystemIsAClearErrorAndTheFileStays() throws Exception {
        assumeTrue(ConfinedLauncher.available(), "this machine does not allow mounts in a user namespace");
        AuthSandbox.write(configDirectory().resolve("config"), BEFORE);

        CommandResult result = prepared(ConfinedLauncher.readOnly(home, configDirectory()))
                .run("auth", "login", "--with-token");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).isEqualTo("Error: cannot write " + configDirectory().resolve("config")
                + ": read-only file system (" + configDirectory().resolve("config.lock")
                + "); the file was not changed\n");
        assertThat(AuthSandbox.read(configDirectory().resolve("config"))).isEqualTo(BEFORE);
    }

    @Test
    void aFullDiskIsAClearErrorAndTheFileStaysWithNoTemporaryFileLeft() throws Exception {
        assumeTrue(ConfinedLauncher.available(), "this machine does not allow mounts in a user namespace");
        AuthSandbox.write(configDirectory().resolve("config"), BEFORE);
        Path leftBehind = home.resolve("left-behind");

        CommandResult result = prepared(ConfinedLauncher.full(home, configDirectory(), leftBehind))
                .run("auth", "login", "--with-token");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).isEqualTo("Error: cannot write " + configDirectory().resolve("config")
                + ": no space left on device; the file was not changed\n");
        assertThat(AuthSandbox.read(leftBehind.resolve("config"))).isEqualTo(BEFORE);
        try (var files = Files.list(leftBehind)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("config", "config.lock");
        }
    }

    @Test
    void aDirectoryWhereTheConfigShouldBeIsAClearError() throws Exception {
        Files.createDirectories(configDirectory().resolve("config"));
        Files.writeString(configDirectory().resolve("config/keep"), "x");

        CommandResult result = prepared(Launcher.in(home)).run("auth", "login", "--with-token");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr()).isEqualTo("Error: cannot read " + configDirectory().resolve("config")
                + ": it is a directory, not a file\n");
        assertThat(Files.readString(configDirectory().resolve("config/keep"))).isEqualTo("x");
    }

    @Test
    void aFileWhereTheConfigDirectoryShouldBeIsAClearError() throws Exception {
        AuthSandbox.write(configDirectory(), BEFORE);

        CommandResult result = prepared(Launcher.in(home)).run("auth", "login", "--with-token");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        // The login reads every level first, so the read names the file in the way.
        assertThat(result.stderr()).isEqualTo("Error: cannot read " + configDirectory().resolve("config") + ": "
                + configDirectory() + " is not a directory\n");
        assertThat(AuthSandbox.read(configDirectory())).isEqualTo(BEFORE);
    }

    @Test
    void aSymlinkedConfigIsSavedThroughTheLinkWhichStaysALink() throws Exception {
        Path dotfiles = home.resolve("dotfiles/datachain");
        AuthSandbox.write(dotfiles, BEFORE);
        Files.createDirectories(configDirectory());
        Files.createSymbolicLink(configDirectory().resolve("config"), dotfiles);

        CommandResult result = prepared(Launcher.in(home)).run("auth", "login", "--with-token");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).startsWith("Saved token to " + configDirectory().resolve("config") + ".\n");
        assertThat(Files.isSymbolicLink(configDirectory().resolve("config"))).isTrue();
        assertThat(AuthSandbox.read(dotfiles)).isEqualTo(BEFORE + "\n[studio]\nurl = \"https://studio.datachain.ai\"\n"
                + "token = \"" + TOKEN + "\"\n");
    }
}
