package ai.datachain.toolkit.dist;

import static ai.datachain.toolkit.dist.AuthSandbox.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.datachain.toolkit.testkit.CommandResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The work tree of {@code auth login --local} is not ours: its git config cannot make us run a
 * command, a {@code .datachain} link cannot hide the file from git, and a git that hangs or fails
 * cannot hang the login or silence the warning.
 */
class GitTrustIT {

    @TempDir
    Path home;

    @Test
    void theWorkTreesFsmonitorCommandIsNeverRun() throws Exception {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            Path marker = home.resolve("fsmonitor-ran");
            git(sandbox.project, "init", "-q");
            Files.writeString(sandbox.project.resolve("README"), "x\n");
            git(sandbox.project, "add", "README");
            git(sandbox.project, "config", "core.fsmonitor", "touch '" + marker + "'; false");
            // The trap is real: git itself runs it for the same question.
            git(sandbox.project, "check-ignore", "-q", "--", ".datachain/config");
            assumeTrue(Files.exists(marker), "this git does not run core.fsmonitor for check-ignore");
            Files.delete(marker);

            CommandResult result = sandbox.runner.stdin(TOKEN + "\n").run("auth", "login", "--with-token", "--local");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(marker).doesNotExist();
            assertThat(result.stderr()).startsWith("warning: " + sandbox.localConfig() + " is inside the git work tree "
                    + sandbox.project.toRealPath() + " and not ignored");
        }
    }

    @Test
    void aDatachainLinkToATrackedDirectoryStillGetsTheWarning() throws Exception {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            Path tracked = Files.createDirectories(sandbox.project.resolve("tracked"));
            Files.writeString(tracked.resolve("notes"), "x\n");
            Files.createSymbolicLink(sandbox.project.resolve(".datachain"), Path.of("tracked"));
            git(sandbox.project, "init", "-q");
            git(sandbox.project, "add", "tracked/notes", ".datachain");

            CommandResult result = sandbox.runner.stdin(TOKEN + "\n").run("auth", "login", "--with-token", "--local");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stderr()).isEqualTo("warning: " + sandbox.localConfig() + " (a link to "
                    + tracked.toRealPath().resolve("config") + ") is inside the git work tree "
                    + sandbox.project.toRealPath() + " and not ignored, so git would commit the token saved there;"
                    + " add '.datachain/' to " + sandbox.project.toRealPath().resolve(".gitignore") + "\n");
        }
    }

    @Test
    void aGitThatHangsIsCutOffAndSaysItCouldNotTell() throws Exception {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            Files.createDirectories(sandbox.project.resolve(".git"));
            Path bin = fakeGit("#!/bin/sh\nsleep 30\n");
            sandbox.runner.env("PATH", bin + ":" + System.getenv("PATH"));
            long started = System.nanoTime();

            CommandResult result = sandbox.runner.stdin(TOKEN + "\n").run("auth", "login", "--with-token", "--local");

            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(elapsedMillis).isLessThan(15_000L);
            assertThat(result.stderr()).isEqualTo("warning: " + sandbox.localConfig() + " is inside the git work tree "
                    + sandbox.project.toRealPath() + ", but git could not tell whether it is ignored (git did not answer"
                    + " within 5 s); make sure git does not commit the token saved there\n");
        }
    }

    @Test
    void aGitThatFailsSaysItCouldNotTell() throws Exception {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            Files.createDirectories(sandbox.project.resolve(".git"));
            Path bin = fakeGit("#!/bin/sh\necho 'fatal: detected dubious ownership\033[2J' >&2\nexit 128\n");
            sandbox.runner.env("PATH", bin + ":" + System.getenv("PATH"));

            CommandResult result = sandbox.runner.stdin(TOKEN + "\n").run("auth", "login", "--with-token", "--local");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stderr()).isEqualTo("warning: " + sandbox.localConfig() + " is inside the git work tree "
                    + sandbox.project.toRealPath() + ", but git could not tell whether it is ignored (git check-ignore"
                    + " failed with status 128: fatal: detected dubious ownership\\x1b[2J); make sure git does not commit"
                    + " the token saved there\n");
        }
    }

    private Path fakeGit(String script) throws Exception {
        Path bin = Files.createDirectories(home.resolve("fake-bin"));
        Path git = bin.resolve("git");
        Files.writeString(git, script);
        Files.setPosixFilePermissions(git, PosixFilePermissions.fromString("rwx------"));
        return bin;
    }

    private static void git(Path directory, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", directory.toString()));
        command.addAll(List.of(args));
        Process git = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int status = git.waitFor();
        assumeTrue(status == 0 || args[0].equals("check-ignore"), "git is not available: " + command);
    }
}
