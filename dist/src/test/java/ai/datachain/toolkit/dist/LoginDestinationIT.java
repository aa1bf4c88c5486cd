package ai.datachain.toolkit.dist;

import static ai.datachain.toolkit.dist.AuthSandbox.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import ai.datachain.toolkit.testkit.CommandResult;
import ai.datachain.toolkit.testkit.StudioAnswer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a login goes is said before anything is sent when the user did not choose it with -H: the
 * Studio and the file or variable that named it, a warning when a project's file chose it for a
 * token saved globally, and a warning when the login replaces another Studio's token.
 */
class LoginDestinationIT {

    @TempDir
    Path home;

    @Test
    void aStudioFromTheEnvironmentIsNamedBeforeTheFirstRequest() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.studio.scriptDeviceLogin(StudioAnswer.serverError(500), StudioAnswer.serverError(500));

            CommandResult failed = sandbox.runner.run("auth", "login", "--no-open");
            CommandResult quiet = sandbox.runner.run("auth", "login", "--no-open", "-q");

            assertThat(failed.exitCode()).isEqualTo(1);
            assertThat(failed.stderr()).startsWith(sandbox.loginTarget() + "Error: Failed to authenticate with Studio:");
            assertThat(quiet.stderr()).doesNotContain("Logging in to");
        }
    }

    @Test
    void aStudioChosenByAProjectFileIsNamedAndWarnedAboutWhenTheTokenGoesGlobal() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.runner.unsetEnv("DATACHAIN_STUDIO_URL");
            AuthSandbox.write(sandbox.localConfig(), "[studio]\nurl = \"" + sandbox.studio.url() + "\"\n");
            sandbox.studio.autoApprove(true);

            CommandResult result = sandbox.runner.run("auth", "login", "--no-open");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stderr()).isEqualTo("warning: a project chose this Studio: " + sandbox.studio.url()
                    + " comes from " + sandbox.localConfig() + ", and the token will be saved in your global config "
                    + sandbox.globalConfig() + ", for use outside this project too; pass -H to choose the Studio"
                    + " yourself\nLogging in to " + sandbox.studio.url() + " (studio.url in " + sandbox.localConfig()
                    + ")\n" + sandbox.userCodeLine());
        }
    }

    @Test
    void aStudioFromTheGlobalFileIsNamedWithoutAWarningAndMinusHSaysNothing() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.runner.unsetEnv("DATACHAIN_STUDIO_URL");
            AuthSandbox.write(sandbox.globalConfig(), "[studio]\nurl = \"" + sandbox.studio.url() + "\"\n");
            sandbox.studio.autoApprove(true);

            CommandResult fromFile = sandbox.runner.run("auth", "login", "--no-open", "--local");
            CommandResult chosen = sandbox.runner.run("auth", "login", "--no-open", "-H", "http://127.0.0.1:1");

            assertThat(fromFile.exitCode()).as(fromFile.toString()).isZero();
            assertThat(fromFile.stderr()).isEqualTo("Logging in to " + sandbox.studio.url() + " (studio.url in "
                    + sandbox.globalConfig() + ")\n" + sandbox.userCodeLine());
            assertThat(chosen.stderr()).doesNotContain("Logging in to").startsWith("Error: Failed to authenticate");
        }
    }

    @Test
    void replacingAnotherStudiosTokenSaysSoAndHowToRevokeIt() throws Exception {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            AuthSandbox.write(sandbox.globalConfig(), "[studio]\nurl = \"https://old.example.com\"\ntoken = \"isat_old\"\n");
            Files.setPosixFilePermissions(sandbox.globalConfig(), PosixFilePermissions.fromString("rw-------"));
            sandbox.studio.autoApprove(true);

            CommandResult result = sandbox.runner.run("auth", "login", "--no-open");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stderr()).isEqualTo("warning: " + sandbox.globalConfig()
                    + " holds a token for https://old.example.com; this login replaces it there, but"
                    + " https://old.example.com keeps it valid until it expires. To revoke it first, stop now (Ctrl-C)"
                    + " and run 'datachain auth logout' with DATACHAIN_STUDIO_URL unset, or revoke it in that Studio's"
                    + " settings later\n" + sandbox.loginTarget() + sandbox.userCodeLine());
            assertThat(AuthSandbox.read(sandbox.globalConfig())).contains("token = \"" + TOKEN + "\"");
            assertThat(result.stdout() + result.stderr()).doesNotContain("isat_old");
        }
    }
}
