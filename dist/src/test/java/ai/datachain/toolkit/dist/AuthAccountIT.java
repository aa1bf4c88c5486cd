package ai.datachain.toolkit.dist;

import static ai.datachain.toolkit.dist.AuthSandbox.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import ai.datachain.toolkit.testkit.CommandResult;
import ai.datachain.toolkit.testkit.FakeStudio;
import ai.datachain.toolkit.testkit.ProxyRequest;
import ai.datachain.toolkit.testkit.RecordedRequest;
import ai.datachain.toolkit.testkit.RecordingProxy;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code auth logout}, {@code token}, {@code team} and {@code status} through the launcher. */
class AuthAccountIT {

    private static final String NOT_LOGGED_IN = "Error: Not logged in to Studio. Log in with 'datachain auth login'.\n";
    private static final String LOGGED_OUT = "Logged out from Studio. (you can log back in with 'datachain auth"
            + " login')\n";

    @TempDir
    Path home;

    @Test
    void logoutRevokesThenRemovesTokenAndTeamKeepingTheRest() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            AuthSandbox.write(sandbox.globalConfig(), sandbox.fixture("05-logout.before", "https://studio.example.com"));

            CommandResult result = sandbox.runner.run("auth", "logout");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).isEqualTo(LOGGED_OUT);
            assertThat(result.stderr()).isEmpty();
            assertThat(sandbox.studio.revokedTokens()).containsExactly("isat_old");
            RecordedRequest request = sandbox.studio.requests().get(0);
            assertThat(request.path()).isEqualTo("/api/device-logout");
            assertThat(request.header("Authorization")).contains("token isat_old");
            assertThat(request.body()).isEmpty();
            assertThat(AuthSandbox.read(sandbox.globalConfig()))
                    .isEqualTo(sandbox.fixture("05-logout.after", "https://studio.example.com"));
        }
    }

    @Test
    void logoutAfterLoginAlsoRemovesOurRecord() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.studio.autoApprove(true);
            assertThat(sandbox.runner.run("auth", "login", "--no-open", "--local", "--team", "t").exitCode()).isZero();

            CommandResult result = sandbox.runner.run("auth", "logout", "--local");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(sandbox.studio.revokedTokens()).containsExactly(TOKEN);
            assertThat(AuthSandbox.read(sandbox.localConfig())).isEqualTo("[studio]\nurl = \"" + sandbox.studio.url()
                    + "\"\n");
        }
    }

    @Test
    void logoutOfARevokedTokenSaysSoAndStillLogsOut() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.studio.logoutStatus(401);
            AuthSandbox.write(sandbox.globalConfig(), sandbox.fixture("05-logout.before", "https://studio.example.com"));

            CommandResult result = sandbox.runner.run("auth", "logout");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stderr()).isEqualTo("Token was already revoked or is invalid on Studio.\n");
            assertThat(result.stdout()).isEqualTo(LOGGED_OUT);
            assertThat(AuthSandbox.read(sandbox.globalConfig()))
                    .isEqualTo(sandbox.fixture("05-logout.after", "https://studio.example.com"));
        }
    }

    @Test
    void logoutLeavesTheFileAloneWhenStudioFails() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.studio.logoutStatus(500);
            String before = sandbox.fixture("05-logout.before", "https://studio.example.com");
            AuthSandbox.write(sandbox.globalConfig(), before);

            CommandResult result = sandbox.runner.run("auth", "logout");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.stderr()).isEqualTo("Error: Studio returned HTTP 500 while revoking the token. Please"
                    + " try again later.\n");
            assertThat(AuthSandbox.read(sandbox.globalConfig())).isEqualTo(before);
        }
    }

    @Test
    void logoutLeavesTheFileAloneWhenStudioIsUnreachable() {
        FakeStudio gone = FakeStudio.start();
        gone.close();
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            String before = "[studio]\nurl = \"" + gone.url() + "\"\ntoken = \"isat_old\"\n";
            AuthSandbox.write(sandbox.localConfig(), before);
            // DATACHAIN_STUDIO_URL would win over the file's url, as in the reference client.
            sandbox.runner.unsetEnv("DATACHAIN_STUDIO_URL");

            CommandResult result = sandbox.runner.run("auth", "logout", "--local");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.stderr()).isEqualTo("Error: Could not reach Studio to revoke the token. Please try"
                    + " again later.\n");
            assertThat(AuthSandbox.read(sandbox.localConfig())).isEqualTo(before);
        }
    }

    /**
     * A cloned project's {@code .datachain/config} names a Studio; the user's global token has no
     * url (set with {@code config set studio.token}). The token goes to the default Studio (here a
     * proxy that refuses every destination but 127.0.0.1 shows where it was headed), never to the
     * project's, and the file stays as it was.
     */
    @Test
    void logoutNeverSendsTheGlobalTokenToTheStudioAProjectNames() {
        try (AuthSandbox sandbox = new AuthSandbox(home); FakeStudio evil = FakeStudio.start();
                RecordingProxy proxy = RecordingProxy.start()) {
            AuthSandbox.write(sandbox.localConfig(), "[studio]\nurl = \"" + evil.url() + "\"\n");
            String global = "[studio]\ntoken = \"" + TOKEN + "\"\n";
            AuthSandbox.write(sandbox.globalConfig(), global);
            sandbox.runner.unsetEnv("DATACHAIN_STUDIO_URL").env("HTTPS_PROXY", proxy.url());

            CommandResult result = sandbox.runner.run("auth", "logout");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
            assertThat(result.stderr()).startsWith("Error: Could not reach Studio to revoke the token");
            assertThat(evil.requests()).isEmpty();
            assertThat(proxy.requests()).extracting(ProxyRequest::target).containsOnly("studio.datachain.ai:443");
            assertThat(AuthSandbox.read(sandbox.globalConfig())).isEqualTo(global);
        }
    }

    @Test
    void logoutWithoutTokenInThatLevelFails() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            AuthSandbox.write(sandbox.localConfig(), "[studio]\ntoken = \"isat_local\"\n");

            CommandResult result = sandbox.runner.run("auth", "logout");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.stderr()).isEqualTo(NOT_LOGGED_IN);
            assertThat(sandbox.studio.requests()).isEmpty();
        }
    }

    @Test
    void tokenPrintsTheResolvedToken() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            AuthSandbox.write(sandbox.globalConfig(), "[studio]\ntoken = \"isat_global\"\n");
            AuthSandbox.write(sandbox.localConfig(), "[studio]\ntoken = \"isat_local\"\n");

            CommandResult result = sandbox.runner.run("auth", "token");
            CommandResult json = sandbox.runner.run("auth", "token", "--json");

            assertThat(result.exitCode()).isZero();
            assertThat(result.stdout()).isEqualTo("isat_local\n");
            assertThat(json.stdout()).isEqualTo("{\n  \"token\" : \"isat_local\"\n}\n");
        }
    }

    @Test
    void tokenAndLogoutRefuseStrayWords() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            String file = "[studio]\nurl = \"" + sandbox.studio.url() + "\"\ntoken = \"isat_global\"\n";
            AuthSandbox.write(sandbox.globalConfig(), file);

            CommandResult token = sandbox.runner.run("auth", "token", "extra");
            CommandResult logout = sandbox.runner.run("auth", "logout", "local");

            assertThat(token.exitCode()).isEqualTo(2);
            assertThat(token.stdout()).isEmpty();
            assertThat(token.stderr()).startsWith("Error: unexpected argument 'extra'\n");
            assertThat(logout.exitCode()).isEqualTo(2);
            assertThat(logout.stderr()).startsWith("Error: unexpected argument 'local'\n");
            assertThat(sandbox.studio.requests()).isEmpty();
            assertThat(AuthSandbox.read(sandbox.globalConfig())).isEqualTo(file);
        }
    }

    @Test
    void tokenWithoutLoginFails() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            CommandResult result = sandbox.runner.run("auth", "token");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.stdout()).isEmpty();
            assertThat(result.stderr()).isEqualTo(NOT_LOGGED_IN);
        }
    }

    @Test
    void teamSetsTheDefaultTeamInTheReferenceBytes() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            AuthSandbox.write(sandbox.globalConfig(), sandbox.fixture("06-team-set.before"));

            CommandResult result = sandbox.runner.run("auth", "team", "ml-team");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).isEqualTo("Set default team to 'ml-team' in " + sandbox.globalConfig() + "\n");
            assertThat(AuthSandbox.read(sandbox.globalConfig())).isEqualTo(sandbox.fixture("06-team-set.after"));
        }
    }

    @Test
    void teamReplacesATeamKeepingItsComment() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            AuthSandbox.write(sandbox.localConfig(), sandbox.fixture("07-team-replace.before"));

            CommandResult result = sandbox.runner.run("auth", "team", "new-team", "--local");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).isEqualTo("Set default team to 'new-team' in " + sandbox.localConfig() + "\n");
            assertThat(AuthSandbox.read(sandbox.localConfig())).isEqualTo(sandbox.fixture("07-team-replace.after"));
            assertThat(sandbox.globalConfig()).doesNotExist();
        }
    }

    @Test
    void teamShowsTheMergedDefaultTeam() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            AuthSandbox.write(sandbox.globalConfig(), "[studio]\nteam = \"global-team\"\n");
            AuthSandbox.write(sandbox.localConfig(), "[studio]\nteam = \"local-team\"\n");

            assertThat(sandbox.runner.run("auth", "team").stdout()).isEqualTo("Default team is 'local-team'\n");
            // Like the reference, showing the team reads the merged config whatever the level option says.
            AuthSandbox.write(sandbox.localConfig(), "[studio]\n");
            assertThat(sandbox.runner.run("auth", "team", "--local").stdout())
                    .isEqualTo("Default team is 'global-team'\n");
            AuthSandbox.write(sandbox.localConfig(), "[studio]\nteam = \"local-team\"\n");
            assertThat(sandbox.runner.run("auth", "team", "--json").stdout())
                    .isEqualTo("{\n  \"team\" : \"local-team\"\n}\n");
        }
    }

    @Test
    void teamWithoutOneFails() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            CommandResult result = sandbox.runner.run("auth", "team");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.stderr()).isEqualTo("Error: No default team set. Use `datachain auth team <team_name>`"
                    + " to set one.\n");
        }
    }

    @Test
    void statusShowsWhatWasRecordedAtLogin() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.studio.autoApprove(true);
            sandbox.runner.run("auth", "login", "--no-open", "--team", "data-team", "--expires-in", "30", "--name",
                    "short-term-token", "-s", "DATASETS");

            CommandResult result = sandbox.runner.run("auth", "status");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).isEqualTo("Logged in to Studio at " + sandbox.studio.url() + "\n"
                    + "Token: " + sandbox.globalConfig() + " (global config)\n"
                    + "Token name: short-term-token\n"
                    + "Scopes: DATASETS\n"
                    + "Teams: data-team\n"
                    + "Expires: " + LocalDate.now().plusDays(30) + " (30 days left)\n"
                    + "Default team: data-team\n");

            CommandResult json = sandbox.runner.run("auth", "status", "--json");
            assertThat(json.stdout()).isEqualTo("{\n"
                    + "  \"logged_in\" : true,\n"
                    + "  \"hostname\" : \"" + sandbox.studio.url() + "\",\n"
                    + "  \"token_source\" : {\n"
                    + "    \"layer\" : \"global\",\n"
                    + "    \"location\" : \"" + sandbox.globalConfig() + "\"\n"
                    + "  },\n"
                    + "  \"details_recorded\" : true,\n"
                    + "  \"token_name\" : \"short-term-token\",\n"
                    + "  \"scopes\" : [ \"DATASETS\" ],\n"
                    + "  \"teams\" : [ \"data-team\" ],\n"
                    + "  \"expires_on\" : \"" + LocalDate.now().plusDays(30) + "\",\n"
                    + "  \"days_left\" : 30,\n"
                    + "  \"default_team\" : \"data-team\"\n"
                    + "}\n");
        }
    }

    @Test
    void statusIgnoresARecordLeftByAnotherClientsLogin() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            AuthSandbox.write(sandbox.globalConfig(), "[studio]\nurl = \"" + sandbox.studio.url() + "\"\n"
                    + "token = \"isat_from_python\"\n" + AuthSandbox.recordLines("old", AuthSandbox.ALL_SCOPES,
                            java.util.List.of(), 365));

            CommandResult result = sandbox.runner.run("auth", "status");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).contains("Token details: not recorded (the token was saved by another client"
                    + " or changed since)\n").doesNotContain("old").doesNotContain("isat_from_python");
        }
    }

    @Test
    void statusNamesTheEnvironmentAsTheTokensSource() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.runner.env("DATACHAIN_STUDIO_TOKEN", "isat_from_ci").env("DATACHAIN_STUDIO_URL",
                    sandbox.studio.url());

            CommandResult result = sandbox.runner.run("auth", "status");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).contains("Token: environment variable DATACHAIN_STUDIO_TOKEN\n",
                    "Token details: not known (the token comes from the environment, not from a login here)\n")
                    .doesNotContain("isat_from_ci");
        }
    }

    @Test
    void statusWithoutLoginExitsOne() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            CommandResult result = sandbox.runner.run("auth", "status");
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.stderr()).isEqualTo(NOT_LOGGED_IN);

            CommandResult json = sandbox.runner.run("auth", "status", "--json");
            assertThat(json.exitCode()).isEqualTo(1);
            assertThat(json.stdout()).isEqualTo("{\n  \"logged_in\" : false,\n  \"hostname\" : \""
                    + sandbox.studio.url() + "\"\n}\n");
        }
    }
}
