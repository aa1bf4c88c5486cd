package ai.datachain.toolkit.dist;

import static ai.datachain.toolkit.dist.AuthSandbox.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import ai.datachain.toolkit.testkit.CommandResult;
import ai.datachain.toolkit.testkit.StudioAnswer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Studio sends is data, not terminal commands: escape sequences, bidi overrides and invisible
 * characters in its answers reach neither the terminal nor the config file as they are, and a token
 * that is not a token is refused without being shown.
 */
class ServerTextIT {

    /** An OSC title change, a fake "complete" line after a carriage return, and a right-to-left override. */
    private static final String FORGED = "\\u001b]0;pwned\\u0007\\rAuthentication complete.\\u202e";

    @TempDir
    Path home;

    @Test
    void escapesInTheLinkTheCodeAndTheTokenNameAreShownAndSavedEscaped() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.studio.scriptDeviceLogin(StudioAnswer.json(200, "{\"verification_uri\": \"" + sandbox.studio.url()
                    + "/auth" + FORGED + "\", \"user_code\": \"AB\\u009b2J\", \"device_code\": \"dc\", \"token_uri\": \""
                    + sandbox.studio.url() + "/api/device-login/token\", \"token_name\": \"name" + FORGED
                    + "\", \"expires_in\": 60}"))
                    .scriptPolls(StudioAnswer.json(200, "{\"access_token\": \"" + TOKEN + "\"}"));

            CommandResult result = sandbox.runner.run("auth", "login", "--no-open");
            CommandResult status = sandbox.runner.run("auth", "status");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            String escaped = "\\x1b]0;pwned\\x07\\x0dAuthentication complete.\\u202e";
            assertThat(result.stdout()).startsWith("Open this url to continue in your web browser: "
                    + sandbox.studio.url() + "/auth" + escaped + "?code=AB\\x9b2J\n");
            assertThat(AuthSandbox.read(sandbox.globalConfig())).contains("token_name = \"name\\\\x1b]0;pwned");
            assertThat(status.stdout()).contains("Token name: name" + escaped + "\n");
            for (CommandResult each : new CommandResult[] {result, status}) {
                assertThat(each.stdout() + each.stderr()).doesNotContain("\u001b", "\u0007", "\r", "\u009b", "\u202e");
            }
        }
    }

    @Test
    void anErrorDetailIsShownEscaped() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.studio.scriptDeviceLogin(StudioAnswer.json(400, "{\"detail\": \"no such team" + FORGED + "\"}"));

            CommandResult result = sandbox.runner.run("auth", "login", "--no-open", "--team", "x");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.stderr()).isEqualTo(sandbox.loginTarget() + "Error: Failed to authenticate with Studio:"
                    + " no such team"
                    + "\\x1b]0;pwned\\x07\\x0dAuthentication complete.\\u202e\n");
            assertThat(sandbox.globalConfig()).doesNotExist();
        }
    }

    @Test
    void aTokenFromStudioWithInvisibleOrControlCharactersIsRefusedUnshownAndUnsaved() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.studio.autoApprove(true)
                    .scriptPolls(StudioAnswer.json(200, "{\"access_token\": \"isat_zero\\u200bwidth\\u001b[2J\"}"));

            CommandResult result = sandbox.runner.run("auth", "login", "--no-open");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.stderr()).isEqualTo(sandbox.loginTarget() + sandbox.userCodeLine()
                    + "Error: Failed to authenticate with Studio:"
                    + " Studio sent an"
                    + " access_token that is not a token (it contains invisible, control or space characters);"
                    + " nothing was saved\n");
            assertThat(result.stdout() + result.stderr()).doesNotContain("isat_zero", "width");
            assertThat(sandbox.globalConfig()).doesNotExist();
        }
    }

    @Test
    void aPipedTokenWithAZeroWidthSpaceIsRefused() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            CommandResult result = sandbox.runner.stdin("isat_ci\u200bhidden\n").run("auth", "login", "--with-token");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.stderr()).isEqualTo("Error: The token on standard input is not a token: it contains"
                    + " invisible, control or space characters.\n");
            assertThat(sandbox.globalConfig()).doesNotExist();
        }
    }

    @Test
    void aPlantedTokenIsNeitherPrintedNorSentAndStoredTextIsNotReplayed() throws Exception {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            String planted = "[studio]\ntoken = \"isat_x\\u001b]8;;https://evil/\\u001b\\\\\"\nteam = \"t\\u001b[31m\"\n";
            AuthSandbox.write(sandbox.localConfig(), planted);

            CommandResult token = sandbox.runner.run("auth", "token");
            CommandResult logout = sandbox.runner.run("auth", "logout", "--local");
            CommandResult team = sandbox.runner.run("auth", "team");

            assertThat(token.exitCode()).isEqualTo(1);
            assertThat(token.stdout()).isEmpty();
            assertThat(token.stderr()).isEqualTo("Error: the studio.token in " + sandbox.localConfig() + " is not a token"
                    + " (it contains invisible, control or space characters); log in again, or remove it with"
                    + " 'datachain config unset studio.token'\n");
            assertThat(logout.exitCode()).isEqualTo(1);
            assertThat(logout.stderr()).startsWith("Error: the studio.token in " + sandbox.localConfig() + " is not a");
            assertThat(sandbox.studio.requests()).isEmpty();
            assertThat(Files.readString(sandbox.localConfig())).isEqualTo(planted);
            assertThat(team.stdout()).isEqualTo("Default team is 't\\x1b[31m'\n");
            for (CommandResult each : new CommandResult[] {token, logout, team}) {
                assertThat(each.stdout() + each.stderr()).doesNotContain("\u001b", "isat_x");
            }
        }
    }
}
