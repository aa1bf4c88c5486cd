package ai.datachain.toolkit.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.datachain.toolkit.api.CommandException;
import ai.datachain.toolkit.api.config.ConfigLevel;
import ai.datachain.toolkit.testkit.FakeStudio;
import ai.datachain.toolkit.testkit.RecordedRequest;
import ai.datachain.toolkit.testkit.StudioAnswer;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The auth commands against the Studio stand-in, with settings in memory. */
class AuthCommandsTest {

    private static final String TOKEN = "isat_0123456789abcdefghijABCDEFGHIJ";

    private final FakeStudio studio = FakeStudio.start().interval(0.02).nextAccessToken(TOKEN);
    private final FakeInvocation invocation = new FakeInvocation();

    @AfterEach
    void stop() {
        studio.close();
    }

    @Test
    void loginSavesReferenceKeysThenOurRecordAndSaysSo() {
        studio.approveAfterPolls(2);

        int code = invocation.run(new LoginCommand(), "--no-open", "-H", studio.url(), "--team", "data-team",
                "--expires-in", "30", "--name", "short-term-token");

        assertThat(code).isZero();
        assertThat(studio.deviceLoginBodies()).containsExactly("{\"client_name\": \"DataChain\", "
                + "\"token_name\": \"short-term-token\", \"team_names\": [\"data-team\"], \"expires_in_days\": 30}");
        assertThat(studio.pollBodies()).hasSize(3).allMatch(b -> b.equals("{\"code\": \""
                + studio.lastDeviceCode().orElseThrow() + "\"}"));
        String url = studio.url() + "/auth/device-login?code=" + studio.lastUserCode().orElseThrow();
        assertThat(invocation.stdout()).isEqualTo("Open this url to continue in your web browser: " + url + "\n\n"
                + DeviceLoginFlow.POST_LOGIN_MESSAGE + "\n"
                + "Authentication complete. Saved token to /config/global/config.\n"
                + "Token is scoped to teams: data-team\n"
                + "Token will expire in 30 days.\n"
                + "Set default team to 'data-team' in /config/global/config\n");
        assertThat(invocation.settings.keys(ConfigLevel.GLOBAL)).containsExactly("studio.url", "studio.token",
                "studio.team", "studio.token_name", "studio.token_scopes", "studio.token_teams",
                "studio.token_expires", "studio.token_fingerprint");
        var file = invocation.settings.file(ConfigLevel.GLOBAL);
        assertThat(file.getString("studio.token")).isEqualTo(TOKEN);
        assertThat(file.getList(String.class, "studio.token_scopes")).containsExactly("EXPERIMENTS", "DATASETS",
                "MODELS");
        assertThat(file.getString("studio.token_expires")).isEqualTo(LocalDate.now().plusDays(30).toString());
        assertThat(file.getString("studio.token_fingerprint")).isEqualTo(TokenRecord.fingerprint(TOKEN))
                .matches("[0-9a-f]{12}");
    }

    @Test
    void twoTeamsClearTheDefaultTeamAndAnOldRecordIsReplaced() {
        studio.autoApprove(true);
        invocation.settings.set(ConfigLevel.LOCAL, "studio.team", "old-team")
                .set(ConfigLevel.LOCAL, "studio.token_name", "stale");

        invocation.run(new LoginCommand(), "--no-open", "--local", "-H", studio.url(), "--team", "a", "--team", "b");

        assertThat(invocation.settings.keys(ConfigLevel.LOCAL)).containsExactly("studio.url", "studio.token",
                "studio.token_name", "studio.token_scopes", "studio.token_teams", "studio.token_expires",
                "studio.token_fingerprint");
        assertThat(invocation.settings.file(ConfigLevel.LOCAL).getString("studio.token_name")).startsWith("token-");
        assertThat(invocation.stdout()).endsWith("Token is scoped to teams: a, b\nToken will expire in 365 days.\n"
                + "You can now use 'datachain auth team' to set the default team.\n");
        assertThat(invocation.settings.edits).containsExactly(ConfigLevel.LOCAL);
    }

    @Test
    void alreadyLoggedInToTheSameStudioSendsNothing() {
        invocation.settings.set(ConfigLevel.SYSTEM, "studio.url", studio.url() + "/")
                .set(ConfigLevel.GLOBAL, "studio.token", "isat_old");

        assertThatThrownBy(() -> invocation.run(new LoginCommand(), "--no-open", "-H", studio.url()))
                .hasMessage("Token already exists. To login with a different token, logout using"
                        + " `datachain auth logout`.");
        assertThat(studio.requests()).isEmpty();
    }

    @Test
    void aTokenForAnotherStudioDoesNotBlockLogin() {
        studio.autoApprove(true);
        invocation.settings.set(ConfigLevel.GLOBAL, "studio.url", "https://elsewhere")
                .set(ConfigLevel.GLOBAL, "studio.token", "isat_old");

        assertThat(invocation.run(new LoginCommand(), "--no-open", "-H", studio.url())).isZero();
        assertThat(invocation.settings.file(ConfigLevel.GLOBAL).getString("studio.url")).isEqualTo(studio.url());
        // The device login is unauthenticated: the other Studio's token is not sent along.
        assertThat(studio.requests()).allSatisfy(request -> assertThat(request.header("Authorization")).isEmpty());
    }

    @Test
    void invalidScopesFailBeforeAnyRequest() {
        assertThatThrownBy(() -> invocation.run(new LoginCommand(), "-H", studio.url(), "-s", "DATASETS,foo,bar"))
                .hasMessage("Failed to authenticate with Studio: Following scopes are not valid: foo, bar");
        assertThat(studio.requests()).isEmpty();
    }

    @Test
    void refusedLoginWritesNothing() {
        studio.scriptPolls(StudioAnswer.accessDenied());

        assertThatThrownBy(() -> invocation.run(new LoginCommand(), "--no-open", "-H", studio.url()))
                .hasMessage("Failed to authenticate with Studio: the login was denied in Studio (access_denied)."
                        + " Run 'datachain auth login' to try again.");
        assertThat(invocation.settings.edits).isEmpty();
    }

    @Test
    void noSecretAppearsAtAnyVerbosity() {
        studio.approveAfterPolls(1).scriptPolls(StudioAnswer.serverError(502));
        invocation.verbosity = 3;

        invocation.run(new LoginCommand(), "--no-open", "-H", studio.url());

        String everything = invocation.stdout() + invocation.stderr();
        assertThat(invocation.stderr()).contains("debug: POST " + studio.url() + "/api/device-login");
        assertThat(everything).doesNotContain(TOKEN).doesNotContain(studio.lastDeviceCode().orElseThrow())
                .doesNotContainIgnoringCase("authorization:");
        assertThat(studio.requests().get(0).header("User-Agent")).contains("datachain-java/0.0.0-test");
    }

    @Test
    void withTokenSavesStdinWithoutARecord() {
        invocation.stdin("  isat_from_ci\n");

        assertThat(invocation.run(new LoginCommand(), "--with-token", "-H", studio.url(), "--team", "ml")).isZero();

        assertThat(invocation.settings.keys(ConfigLevel.GLOBAL)).containsExactly("studio.url", "studio.token",
                "studio.team");
        assertThat(invocation.settings.file(ConfigLevel.GLOBAL).getString("studio.token")).isEqualTo("isat_from_ci");
        assertThat(invocation.stdout()).isEqualTo("Saved token to /config/global/config.\n"
                + "Set default team to 'ml' in /config/global/config\n");
        assertThat(studio.requests()).isEmpty();
    }

    @Test
    void withTokenRefusesEmptyInputAndLoginOnlyOptions() {
        invocation.stdin("\n \n");
        assertThatThrownBy(() -> invocation.run(new LoginCommand(), "--with-token"))
                .hasMessageStartingWith("No token on standard input.");
        assertThatThrownBy(() -> invocation.run(new LoginCommand(), "--with-token", "--scopes", "MODELS"))
                .hasMessage("--with-token cannot be combined with --scopes")
                .extracting(e -> ((CommandException) e).exitCode()).isEqualTo(2);
        assertThat(invocation.settings.edits).isEmpty();
    }

    @Test
    void logoutRevokesThenRemovesTokenTeamAndRecord() {
        invocation.settings.set(ConfigLevel.GLOBAL, "studio.url", studio.url())
                .set(ConfigLevel.GLOBAL, "studio.token", TOKEN).set(ConfigLevel.GLOBAL, "studio.team", "t")
                .set(ConfigLevel.GLOBAL, "studio.token_fingerprint", "0123456789ab");

        assertThat(invocation.run(new LogoutCommand())).isZero();

        assertThat(studio.revokedTokens()).containsExactly(TOKEN);
        RecordedRequest request = studio.requests().get(0);
        assertThat(request.path()).isEqualTo("/api/device-logout");
        assertThat(request.body()).isEmpty();
        assertThat(invocation.settings.keys(ConfigLevel.GLOBAL)).containsExactly("studio.url");
        assertThat(invocation.stdout())
                .isEqualTo("Logged out from Studio. (you can log back in with 'datachain auth login')\n");
    }

    @Test
    void logoutKeepsTheFileWhenStudioFails() {
        invocation.settings.set(ConfigLevel.LOCAL, "studio.url", studio.url()).set(ConfigLevel.LOCAL, "studio.token",
                TOKEN);
        studio.logoutStatus(500);
        assertThatThrownBy(() -> invocation.run(new LogoutCommand(), "--local"))
                .hasMessage("Studio returned HTTP 500 while revoking the token. Please try again later.");

        studio.close();
        assertThatThrownBy(() -> invocation.run(new LogoutCommand(), "--local"))
                .hasMessage("Could not reach Studio to revoke the token. Please try again later.");
        assertThat(invocation.settings.edits).isEmpty();
    }

    @Test
    void logoutReadsOnlyItsLevel() {
        invocation.settings.set(ConfigLevel.LOCAL, "studio.token", TOKEN);
        assertThatThrownBy(() -> invocation.run(new LogoutCommand()))
                .hasMessage("Not logged in to Studio. Log in with 'datachain auth login'.");
    }

    @Test
    void tokenAndTeamReadTheMergedConfig() {
        invocation.settings.set(ConfigLevel.GLOBAL, "studio.token", "isat_g").set(ConfigLevel.LOCAL, "studio.team",
                "local-team");

        invocation.run(new TokenCommand());
        invocation.run(new TeamCommand());
        invocation.run(new TeamCommand(), "new-team", "--local");

        assertThat(invocation.stdout()).isEqualTo("isat_g\nDefault team is 'local-team'\n"
                + "Set default team to 'new-team' in /config/local/config\n");
        assertThat(invocation.settings.file(ConfigLevel.LOCAL).getString("studio.team")).isEqualTo("new-team");
    }

    @Test
    void statusTrustsTheRecordOnlyWhileTheFingerprintMatches() {
        studio.autoApprove(true);
        invocation.run(new LoginCommand(), "--no-open", "-H", studio.url(), "-s", "models", "--name", "my-token");
        FakeInvocation status = new FakeInvocation();
        invocation.settings.keys(ConfigLevel.GLOBAL).forEach(key -> status.settings.set(ConfigLevel.GLOBAL, key,
                invocation.settings.file(ConfigLevel.GLOBAL).getProperty(key)));

        status.run(new StatusCommand());
        assertThat(status.stdout()).isEqualTo("Logged in to Studio at " + studio.url() + "\n"
                + "Token: /config/global/config (global config)\n"
                + "Token name: my-token\nScopes: MODELS\nTeams: not restricted\n"
                + "Expires: " + LocalDate.now().plusDays(365) + " (365 days left)\nDefault team: none\n");

        FakeInvocation stale = new FakeInvocation();
        status.settings.keys(ConfigLevel.GLOBAL).forEach(key -> stale.settings.set(ConfigLevel.GLOBAL, key,
                status.settings.file(ConfigLevel.GLOBAL).getProperty(key)));
        stale.settings.set(ConfigLevel.GLOBAL, "studio.token", "isat_other");
        stale.run(new StatusCommand(), "--json");
        assertThat(stale.stdout()).contains("\"details_recorded\" : false", "\"token_name\" : null")
                .doesNotContain("isat_other");
    }

    @Test
    void statusWithoutTokenFails() {
        assertThatThrownBy(() -> invocation.run(new StatusCommand()))
                .hasMessage("Not logged in to Studio. Log in with 'datachain auth login'.");
        assertThat(invocation.run(new StatusCommand(), "--json")).isEqualTo(1);
        assertThat(invocation.stdout()).contains("\"logged_in\" : false");
    }

    @Test
    void teamNamesAreListedInLoginJson() {
        studio.autoApprove(true);
        invocation.run(new LoginCommand(), "--no-open", "--json", "-H", studio.url(), "--team", "a");
        assertThat(invocation.stdout()).startsWith("{").contains("\"default_team\" : \"a\"", "\"teams\" : [ \"a\" ]")
                .doesNotContain(TOKEN);
        assertThat(invocation.stderr()).startsWith("Open this url to continue in your web browser: ");
        assertThat(List.of(invocation.stdout().split("\n"))).last().isEqualTo("}");
    }
}
