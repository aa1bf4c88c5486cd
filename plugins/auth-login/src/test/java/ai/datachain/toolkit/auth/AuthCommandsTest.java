package ai.datachain.toolkit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ai.datachain.toolkit.testkit.CommandResult;
import ai.datachain.toolkit.testkit.DatachainRunner;
import ai.datachain.toolkit.testkit.FakeStudio;
import ai.datachain.toolkit.testkit.RecordedRequest;
import ai.datachain.toolkit.testkit.StudioAnswer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The auth commands on the real host, in this JVM: the plugin from its compiled classes, the TOML
 * format from the class path, config files in a temporary home, Studio's stand-in on 127.0.0.1.
 */
class AuthCommandsTest {

    private static final String TOKEN = "isat_0123456789abcdefghijABCDEFGHIJ";
    private static final String NOT_LOGGED_IN = "Error: Not logged in to Studio. Log in with 'datachain auth login'.\n";

    @TempDir
    Path home;

    private final FakeStudio studio = FakeStudio.start().interval(0.02).nextAccessToken(TOKEN);
    private DatachainRunner datachain;
    private Path project;

    @BeforeEach
    void setUp() throws IOException {
        project = Files.createDirectories(home.resolve("project"));
        datachain = DatachainRunner.inProcess(home).plugin(CompiledPlugin.directory()).workingDirectory(project)
                .env("DATACHAIN_SYSTEM_CONFIG_DIR", home.resolve("system").toString());
    }

    @AfterEach
    void stop() {
        studio.close();
    }

    private Path global() {
        return home.resolve(".config/datachain/config");
    }

    private Path local() {
        return project.resolve(".datachain/config");
    }

    private Path system() {
        return home.resolve("system/config");
    }

    @Test
    void loginSavesReferenceKeysThenOurRecordAndSaysSo() {
        studio.approveAfterPolls(2);

        CommandResult result = datachain.run("auth", "login", "--no-open", "-H", studio.url(), "--team", "data-team",
                "--expires-in", "30", "--name", "short-term-token");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(studio.deviceLoginBodies()).containsExactly("{\"client_name\": \"DataChain\", "
                + "\"token_name\": \"short-term-token\", \"team_names\": [\"data-team\"], \"expires_in_days\": 30}");
        assertThat(studio.pollBodies()).hasSize(3).allMatch(b -> b.equals("{\"code\": \""
                + studio.lastDeviceCode().orElseThrow() + "\"}"));
        String url = studio.url() + "/auth/device-login?code=" + studio.lastUserCode().orElseThrow();
        assertThat(result.stdout()).isEqualTo("Open this url to continue in your web browser: " + url + "\n\n"
                + DeviceLoginFlow.POST_LOGIN_MESSAGE + "\n"
                + "Authentication complete. Saved token to " + global() + ".\n"
                + "Token is scoped to teams: data-team\n"
                + "Token will expire in 30 days.\n"
                + "Set default team to 'data-team' in " + global() + "\n");
        assertThat(read(global())).isEqualTo("[studio]\nurl = \"" + studio.url() + "\"\ntoken = \"" + TOKEN + "\"\n"
                + "team = \"data-team\"\ntoken_name = \"short-term-token\"\n"
                + "token_scopes = [\"EXPERIMENTS\", \"DATASETS\", \"MODELS\"]\ntoken_teams = [\"data-team\"]\n"
                + "token_expires = \"" + LocalDate.now().plusDays(30) + "\"\n"
                + "token_fingerprint = \"" + TokenRecord.fingerprint(TOKEN) + "\"\n");
        assertThat(TokenRecord.fingerprint(TOKEN)).matches("[0-9a-f]{12}");
    }

    @Test
    void twoTeamsClearTheDefaultTeamAndAnOldRecordIsReplaced() {
        studio.autoApprove(true);
        write(local(), "[studio]\nteam = \"old-team\"\ntoken_name = \"stale\"\n");

        CommandResult result = datachain.run("auth", "login", "--no-open", "--local", "-H", studio.url(),
                "--team", "a", "--team", "b");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(read(local())).startsWith("[studio]\n").contains("url = \"" + studio.url() + "\"\n",
                "token = \"" + TOKEN + "\"\n", "token_name = \"" + studio.lastTokenName().orElseThrow() + "\"\n",
                "token_teams = [\"a\", \"b\"]\n").doesNotContain("\nteam = ").doesNotContain("stale");
        assertThat(studio.lastTokenName()).get().asString().startsWith("token-");
        assertThat(result.stdout()).endsWith("Token is scoped to teams: a, b\nToken will expire in 365 days.\n"
                + "You can now use 'datachain auth team' to set the default team.\n");
        assertThat(global()).doesNotExist();
    }

    @Test
    void alreadyLoggedInToTheSameStudioSendsNothing() {
        write(system(), "[studio]\nurl = \"" + studio.url() + "/\"\n");
        write(global(), "[studio]\ntoken = \"isat_old\"\n");

        CommandResult result = datachain.run("auth", "login", "--no-open", "-H", studio.url());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).isEqualTo("Error: Token already exists. To login with a different token, logout"
                + " using `datachain auth logout`.\n");
        assertThat(studio.requests()).isEmpty();
    }

    @Test
    void aTokenFromTheEnvironmentIsNotALoginAndDoesNotBlockOne() {
        studio.autoApprove(true);
        datachain.env("DATACHAIN_STUDIO_TOKEN", "isat_from_env").env("DATACHAIN_STUDIO_URL", studio.url());

        CommandResult result = datachain.run("auth", "login", "--no-open");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(read(global())).contains("token = \"" + TOKEN + "\"");
    }

    @Test
    void aTokenForAnotherStudioDoesNotBlockLogin() {
        studio.autoApprove(true);
        write(global(), "[studio]\nurl = \"https://elsewhere\"\ntoken = \"isat_old\"\n");

        CommandResult result = datachain.run("auth", "login", "--no-open", "-H", studio.url());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(read(global())).startsWith("[studio]\nurl = \"" + studio.url() + "\"\ntoken = \"" + TOKEN + "\"\n");
        // The device login is unauthenticated: the other Studio's token is not sent along.
        assertThat(studio.requests()).allSatisfy(request -> assertThat(request.header("Authorization")).isEmpty());
    }

    @Test
    void invalidScopesFailBeforeAnyRequest() {
        CommandResult result = datachain.run("auth", "login", "-H", studio.url(), "-s", "DATASETS,foo,bar");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).isEqualTo("Error: Failed to authenticate with Studio: Following scopes are not"
                + " valid: foo, bar\n");
        assertThat(studio.requests()).isEmpty();
    }

    @Test
    void refusedLoginWritesNothing() {
        studio.scriptPolls(StudioAnswer.accessDenied());

        CommandResult result = datachain.run("auth", "login", "--no-open", "-H", studio.url());

        assertThat(result.exitCode()).isEqualTo(1);
        // The code flow shows the user code first, then the refusal.
        assertThat(result.stderr()).isEqualTo("User code: " + studio.lastUserCode().orElseThrow() + "\n"
                + "Error: Failed to authenticate with Studio: the login was denied in"
                + " Studio (access_denied). Run 'datachain auth login' to try again.\n");
        assertThat(global()).doesNotExist();
    }

    @Test
    void noSecretAppearsAtAnyVerbosity() {
        studio.approveAfterPolls(1).scriptPolls(StudioAnswer.serverError(502));

        CommandResult result = datachain.run("auth", "login", "--no-open", "-H", studio.url(), "-v", "-v", "-v");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stderr()).contains("debug: POST " + studio.url() + "/api/device-login");
        assertThat(result.stdout() + result.stderr()).doesNotContain(TOKEN)
                .doesNotContain(studio.lastDeviceCode().orElseThrow()).doesNotContainIgnoringCase("authorization:");
        assertThat(studio.requests().get(0).header("User-Agent")).get().asString().contains("datachain-java/");
    }

    @Test
    void withTokenSavesStdinWithoutARecord() {
        CommandResult result = datachain.stdin("  isat_from_ci\n")
                .run("auth", "login", "--with-token", "-H", studio.url(), "--team", "ml");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(read(global())).isEqualTo("[studio]\nurl = \"" + studio.url() + "\"\ntoken = \"isat_from_ci\"\n"
                + "team = \"ml\"\n");
        assertThat(result.stdout()).isEqualTo("Saved token to " + global() + ".\n"
                + "Set default team to 'ml' in " + global() + "\n");
        assertThat(studio.requests()).isEmpty();
    }

    @Test
    void withTokenRefusesEmptyInputAndLoginOnlyOptions() {
        CommandResult empty = datachain.stdin("\n \n").run("auth", "login", "--with-token");
        CommandResult scoped = datachain.run("auth", "login", "--with-token", "--scopes", "MODELS");

        assertThat(empty.exitCode()).isEqualTo(1);
        assertThat(empty.stderr()).startsWith("Error: No token on standard input.");
        assertThat(scoped.exitCode()).isEqualTo(2);
        assertThat(scoped.stderr()).startsWith("Error: --with-token cannot be combined with --scopes\n");
        assertThat(global()).doesNotExist();
    }

    @Test
    void logoutRevokesThenRemovesTokenTeamAndRecord() {
        write(global(), "[studio]\nurl = \"" + studio.url() + "\"\ntoken = \"" + TOKEN + "\"\nteam = \"t\"\n"
                + "token_fingerprint = \"0123456789ab\"\n");

        CommandResult result = datachain.run("auth", "logout");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(studio.revokedTokens()).containsExactly(TOKEN);
        RecordedRequest request = studio.requests().get(0);
        assertThat(request.path()).isEqualTo("/api/device-logout");
        assertThat(request.body()).isEmpty();
        assertThat(read(global())).isEqualTo("[studio]\nurl = \"" + studio.url() + "\"\n");
        assertThat(result.stdout()).isEqualTo("Logged out from Studio. (you can log back in with 'datachain auth login')\n");
    }

    @Test
    void logoutKeepsTheFileWhenStudioFails() {
        String file = "[studio]\nurl = \"" + studio.url() + "\"\ntoken = \"" + TOKEN + "\"\n";
        write(local(), file);
        studio.logoutStatus(500);

        CommandResult refused = datachain.run("auth", "logout", "--local");
        studio.close();
        CommandResult unreachable = datachain.run("auth", "logout", "--local");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).isEqualTo("Error: Studio returned HTTP 500 while revoking the token. Please try"
                + " again later.\n");
        assertThat(unreachable.exitCode()).isEqualTo(1);
        assertThat(unreachable.stderr()).isEqualTo("Error: Could not reach Studio to revoke the token. Please try"
                + " again later.\n");
        assertThat(read(local())).isEqualTo(file);
    }

    @Test
    void logoutReadsOnlyItsLevel() {
        write(local(), "[studio]\ntoken = \"" + TOKEN + "\"\n");

        CommandResult result = datachain.run("auth", "logout");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).isEqualTo(NOT_LOGGED_IN);
        assertThat(studio.requests()).isEmpty();
    }

    @Test
    void logoutSendsTheTokenOnlyWhereItsOwnLevelSays() throws IOException {
        try (FakeStudio planted = FakeStudio.start()) {
            // A team image whose default Studio is the stand-in; a cloned project names another one;
            // the user's global token was set without a URL.
            Path image = Files.createDirectories(home.resolve("image/plugins")).getParent();
            write(image.resolve("conf/config"), "[studio]\nurl = \"" + studio.url() + "\"\n");
            write(local(), "[studio]\nurl = \"" + planted.url() + "\"\n");
            write(global(), "[studio]\ntoken = \"" + TOKEN + "\"\n");
            DatachainRunner team = DatachainRunner.inProcess(image, home).plugin(CompiledPlugin.directory())
                    .workingDirectory(project).env("DATACHAIN_SYSTEM_CONFIG_DIR", home.resolve("system").toString());

            CommandResult result = team.run("auth", "logout");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(planted.requests()).isEmpty();
            assertThat(studio.revokedTokens()).containsExactly(TOKEN);
            assertThat(read(local())).isEqualTo("[studio]\nurl = \"" + planted.url() + "\"\n");
        }
    }

    @Test
    void logoutPrefersTheEnvironmentOverItsFile() {
        try (FakeStudio stored = FakeStudio.start()) {
            write(global(), "[studio]\nurl = \"" + stored.url() + "\"\ntoken = \"" + TOKEN + "\"\n");
            datachain.env("DATACHAIN_STUDIO_URL", studio.url());

            CommandResult result = datachain.run("auth", "logout");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(stored.requests()).isEmpty();
            assertThat(studio.revokedTokens()).containsExactly(TOKEN);
        }
    }

    @Test
    void tokenAndTeamReadTheMergedConfig() {
        write(global(), "[studio]\ntoken = \"isat_g\"\n");
        write(local(), "[studio]\nteam = \"local-team\"\n");

        CommandResult token = datachain.run("auth", "token");
        CommandResult team = datachain.run("auth", "team");
        CommandResult set = datachain.run("auth", "team", "new-team", "--local");

        assertThat(token.stdout()).isEqualTo("isat_g\n");
        assertThat(team.stdout()).isEqualTo("Default team is 'local-team'\n");
        assertThat(set.stdout()).isEqualTo("Set default team to 'new-team' in " + local() + "\n");
        assertThat(read(local())).isEqualTo("[studio]\nteam = \"new-team\"\n");
    }

    @Test
    void statusTrustsTheRecordOnlyWhileTheFingerprintMatches() {
        studio.autoApprove(true);
        datachain.run("auth", "login", "--no-open", "-H", studio.url(), "-s", "models", "--name", "my-token");

        CommandResult status = datachain.run("auth", "status");
        write(global(), read(global()).replace(TOKEN, "isat_other"));
        CommandResult stale = datachain.run("auth", "status", "--json");

        assertThat(status.stdout()).isEqualTo("Logged in to Studio at " + studio.url() + "\n"
                + "Token: " + global() + " (global config)\n"
                + "Token name: my-token\nScopes: MODELS\nTeams: not restricted\n"
                + "Expires: " + LocalDate.now().plusDays(365) + " (365 days left)\nDefault team: none\n");
        assertThat(stale.stdout()).contains("\"details_recorded\" : false", "\"token_name\" : null",
                "\"layer\" : \"global\"").doesNotContain("isat_other");
    }

    @Test
    void statusNamesTheVariableATokenComesFrom() {
        datachain.env("DATACHAIN_STUDIO_TOKEN", "isat_env");

        CommandResult result = datachain.run("auth", "status");

        assertThat(result.stdout()).isEqualTo("Logged in to Studio at https://studio.datachain.ai\n"
                + "Token: environment variable DATACHAIN_STUDIO_TOKEN\n"
                + "Token details: not known (the token comes from the environment, not from a login here)\n"
                + "Default team: none\n");
    }

    @Test
    void statusWithoutTokenFails() {
        CommandResult text = datachain.run("auth", "status");
        CommandResult json = datachain.run("auth", "status", "--json");

        assertThat(text.exitCode()).isEqualTo(1);
        assertThat(text.stderr()).isEqualTo(NOT_LOGGED_IN);
        assertThat(json.exitCode()).isEqualTo(1);
        assertThat(json.stdout()).contains("\"logged_in\" : false", "\"hostname\" : \"https://studio.datachain.ai\"");
    }

    @Test
    void theStudioAddressIsTheEnvironmentsOverTheFilesAndBlankCountsAsUnset() {
        write(global(), "[studio]\nurl = \"https://from-config\"\n");
        CommandResult fromConfig = datachain.run("auth", "status", "--json");
        CommandResult fromEnvironment = datachain.env("DATACHAIN_STUDIO_URL", "https://from-env")
                .run("auth", "status", "--json");
        CommandResult blank = datachain.env("DATACHAIN_STUDIO_URL", "  ").run("auth", "status", "--json");

        assertThat(fromConfig.stdout()).contains("\"hostname\" : \"https://from-config\"");
        assertThat(fromEnvironment.stdout()).contains("\"hostname\" : \"https://from-env\"");
        assertThat(blank.stdout()).contains("\"hostname\" : \"https://from-config\"");
    }

    @Test
    void teamNamesAreListedInLoginJson() {
        studio.autoApprove(true);

        CommandResult result = datachain.run("auth", "login", "--no-open", "--json", "-H", studio.url(), "--team", "a");

        assertThat(result.stdout()).startsWith("{").contains("\"default_team\" : \"a\"", "\"teams\" : [ \"a\" ]")
                .doesNotContain(TOKEN);
        assertThat(result.stderr()).startsWith("Open this url to continue in your web browser: ");
        assertThat(List.of(result.stdout().split("\n"))).last().isEqualTo("}");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
