package ai.datachain.toolkit.dist;

import static ai.datachain.toolkit.dist.AuthSandbox.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.datachain.toolkit.testkit.CommandResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files we write are ours: a config link is not followed into a file or directory other users
 * can write, and a planted lock-file link cannot make us create a file elsewhere. Both are decided
 * before anything is written.
 */
class WrittenFilesIT {

    @TempDir
    Path home;

    @Test
    void aLinkIntoAFileOthersCanWriteIsRefusedBeforeTheTokenIsWritten() throws Exception {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            Path shared = Files.createDirectories(home.resolve("shared"));
            Path target = shared.resolve("config");
            Files.writeString(target, "# shared\n");
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw-rw-"));
            Files.createDirectories(sandbox.localConfig().getParent());
            Files.createSymbolicLink(sandbox.localConfig(), target);

            CommandResult result = sandbox.runner.stdin(TOKEN + "\n").run("auth", "login", "--with-token", "--local");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.stderr()).isEqualTo("Error: cannot write " + sandbox.localConfig() + ": it is a symbolic"
                    + " link to " + target.toRealPath() + ", which other users can write (mode rw-rw-rw-); nothing was"
                    + " written. Restrict it with 'chmod 600 " + target.toRealPath() + "' or remove the link\n");
            assertThat(Files.readString(target)).isEqualTo("# shared\n");
        }
    }

    @Test
    void aLinkIntoADirectoryOthersCanWriteIsRefusedUnlessItIsSticky() throws Exception {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            Path shared = Files.createDirectories(home.resolve("shared"));
            Path target = shared.resolve("config");
            Files.writeString(target, "");
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
            Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
            Files.createDirectories(sandbox.localConfig().getParent());
            Files.createSymbolicLink(sandbox.localConfig(), target);

            CommandResult refused = sandbox.runner.stdin(TOKEN + "\n").run("auth", "login", "--with-token", "--local");
            Files.setAttribute(shared, "unix:mode", 01777);
            CommandResult sticky = sandbox.runner.stdin(TOKEN + "\n").run("auth", "login", "--with-token", "--local");

            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.stderr()).isEqualTo("Error: cannot write " + sandbox.localConfig() + ": it is a symbolic"
                    + " link into " + shared.toRealPath() + ", which other users can write (mode rwxrwxrwx), so they"
                    + " could replace the file; nothing was written. Restrict it with 'chmod go-w " + shared.toRealPath()
                    + "' or remove the link\n");
            assertThat(sticky.exitCode()).as(sticky.toString()).isZero();
            assertThat(Files.readString(target)).contains("token = \"" + TOKEN + "\"");
        }
    }

    @Test
    void aLinkIntoAnotherUsersFileIsRefused() throws Exception {
        assumeTrue(Files.getAttribute(Path.of("/proc/self"), "unix:uid").equals(0), "needs root to give a file away");
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            Path target = Files.createDirectories(home.resolve("theirs")).resolve("config");
            Files.writeString(target, "");
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
            Files.setOwner(target, target.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
            Files.createDirectories(sandbox.localConfig().getParent());
            Files.createSymbolicLink(sandbox.localConfig(), target);

            CommandResult result = sandbox.runner.stdin(TOKEN + "\n").run("auth", "login", "--with-token", "--local");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.stderr()).isEqualTo("Error: cannot write " + sandbox.localConfig() + ": it is a symbolic"
                    + " link to " + target.toRealPath() + ", which belongs to another user (nobody), who could read or"
                    + " change it; nothing was written. Remove the link, or link to a copy of your own\n");
            assertThat(Files.size(target)).isZero();
        }
    }

    @Test
    void aPlantedLockFileLinkIsNotFollowed() throws Exception {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            Path config = sandbox.globalConfig();
            AuthSandbox.write(config, "[studio]\nteam = \"a\"\n");
            Path elsewhere = home.resolve("elsewhere/created");
            Files.createDirectories(elsewhere.getParent());
            Path lock = config.resolveSibling("config.lock");
            Files.createSymbolicLink(lock, elsewhere);

            CommandResult result = sandbox.runner.run("config", "set", "studio.team", "b");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.stderr()).isEqualTo("Error: cannot write " + config + ": it is a symbolic link, which a"
                    + " lock file never is; remove it (" + lock + "); the file was not changed\n");
            assertThat(elsewhere).doesNotExist();
            assertThat(Files.isSymbolicLink(lock)).isTrue();
            assertThat(AuthSandbox.read(config)).isEqualTo("[studio]\nteam = \"a\"\n");
        }
    }
}
