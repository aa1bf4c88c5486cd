package ai.datachain.toolkit.dist;

import static ai.datachain.toolkit.dist.AuthSandbox.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.datachain.toolkit.testkit.CommandResult;
import ai.datachain.toolkit.testkit.StudioAnswer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the token lands: owner-only files, a warning for files others can read or git would commit. */
class TokenFileSafetyIT {

    @TempDir
    Path home;

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void aLoginCreatesAnOwnerOnlyFileInOwnerOnlyDirectories() throws Exception {
        try (AuthSandbox first = new AuthSandbox(home.resolve("a")); AuthSandbox second = new AuthSandbox(home.resolve("b"))) {
            first.studio.autoApprove(true);

            CommandResult global = first.runner.run("auth", "login", "--no-open");
            CommandResult local = second.runner.stdin(TOKEN + "\n").run("auth", "login", "--with-token", "--local");

            assertThat(global.exitCode()).as(global.toString()).isZero();
            assertThat(local.exitCode()).as(local.toString()).isZero();
            assertThat(mode(first.globalConfig())).isEqualTo("rw-------");
            assertThat(mode(first.globalConfig().getParent())).isEqualTo("rwx------");
            assertThat(mode(first.home.resolve(".config"))).isEqualTo("rwx------");
            assertThat(mode(second.localConfig())).isEqualTo("rw-------");
            assertThat(mode(second.localConfig().getParent())).isEqualTo("rwx------");
        }
    }

    @Test
    void statusWarnsWhenOthersCanReadTheTokenFile() throws Exception {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            AuthSandbox.write(sandbox.globalConfig(), "[studio]\ntoken = \"" + TOKEN + "\"\n");
            Path file = sandbox.globalConfig();
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            String warning = AuthSandbox.readableTokenWarning(file);

            CommandResult exposed = sandbox.runner.run("auth", "status");
            CommandResult json = sandbox.runner.run("auth", "status", "--json");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
            CommandResult groupReadable = sandbox.runner.run("auth", "status");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            CommandResult ownerOnly = sandbox.runner.run("auth", "status");

            assertThat(exposed.exitCode()).as(exposed.toString()).isZero();
            assertThat(exposed.stderr()).isEqualTo(warning);
            assertThat(exposed.stdout()).contains("Token: " + file + " (global config)\n");
            assertThat(json.stderr()).isEqualTo(warning);
            assertThat(json.stdout()).startsWith("{");
            assertThat(groupReadable.stderr()).isEqualTo(warning);
            assertThat(ownerOnly.stderr()).isEmpty();
            assertThat(ownerOnly.stdout()).isEqualTo(exposed.stdout());
        }
    }

    @Test
    void aLoginIntoAnExistingReadableFileKeepsItsModeAndSaysSo() throws Exception {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            AuthSandbox.write(sandbox.globalConfig(), "[core]\nx = 1\n");
            Path file = sandbox.globalConfig();
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

            CommandResult result = sandbox.runner.stdin(TOKEN + "\n").run("auth", "login", "--with-token");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stderr()).isEqualTo("warning: " + file + " holds your Studio token and other users can"
                    + " read it; restrict it with 'chmod 600 " + file + "'\n");
            assertThat(mode(file)).isEqualTo("rw-r--r--");
        }
    }

    @Test
    void aLocalLoginInAGitWorkTreeWarnsBeforeTheTokenIsSaved() throws Exception {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            gitInit(sandbox.project);
            String warning = "warning: " + sandbox.localConfig() + " is inside the git work tree " + sandbox.project
                    + " and not ignored, so git would commit the token saved there; add '.datachain/' to "
                    + sandbox.project.resolve(".gitignore") + "\n";
            // Bad scopes end the login before the warning: the error is all there is to say.
            CommandResult badScopes = sandbox.runner.run("auth", "login", "--no-open", "--local", "-s", "foo");
            assertThat(badScopes.exitCode()).isEqualTo(1);
            assertThat(badScopes.stderr()).isEqualTo("Error: Failed to authenticate with Studio: Following scopes are"
                    + " not valid: foo\n");
            assertThat(sandbox.studio.requests()).isEmpty();

            // Studio refuses: the warning came before any token existed, and nothing was written.
            sandbox.studio.scriptPolls(StudioAnswer.accessDenied());

            CommandResult refused = sandbox.runner.run("auth", "login", "--no-open", "--local");

            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
            assertThat(refused.stderr()).startsWith(warning);
            assertThat(sandbox.localConfig()).doesNotExist();

            sandbox.studio.autoApprove(true);
            CommandResult saved = sandbox.runner.run("auth", "login", "--no-open", "--local");
            assertThat(saved.exitCode()).as(saved.toString()).isZero();
            assertThat(saved.stderr()).isEqualTo(warning + sandbox.loginTarget() + sandbox.userCodeLine());
            assertThat(saved.stdout()).contains("Authentication complete.");
        }
    }

    @Test
    void noWarningWhenGitIgnoresTheFileOrForTheGlobalConfig() throws Exception {
        try (AuthSandbox ignored = new AuthSandbox(home.resolve("a")); AuthSandbox global = new AuthSandbox(home.resolve("b"))) {
            gitInit(ignored.project);
            Files.writeString(ignored.project.resolve(".gitignore"), ".datachain/\n");
            gitInit(global.project);

            CommandResult local = ignored.runner.stdin(TOKEN + "\n").run("auth", "login", "--with-token", "--local");
            CommandResult inGlobal = global.runner.stdin(TOKEN + "\n").run("auth", "login", "--with-token");

            assertThat(local.exitCode()).as(local.toString()).isZero();
            assertThat(local.stderr()).isEmpty();
            assertThat(inGlobal.exitCode()).as(inGlobal.toString()).isZero();
            assertThat(inGlobal.stderr()).isEmpty();
        }
    }

    @Test
    void noWarningOutsideAGitWorkTree() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            CommandResult result = sandbox.runner.stdin(TOKEN + "\n").run("auth", "login", "--with-token", "--local");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stderr()).isEmpty();
        }
    }

    private static void gitInit(Path directory) throws Exception {
        Process init = new ProcessBuilder("git", "init", "-q", directory.toString()).inheritIO().start();
        assumeTrue(init.waitFor() == 0, "git is not available");
    }
}
