package ai.datachain.toolkit.dist;

import static org.assertj.core.api.Assertions.assertThat;

import ai.datachain.toolkit.testkit.CommandResult;
import ai.datachain.toolkit.testkit.FakeStudio;
import ai.datachain.toolkit.testkit.StudioAnswer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a login fails: the exact message, the exit code, and no file written or changed. */
class AuthLoginErrorsIT {

    private static final String PREFIX = "Error: Failed to authenticate with Studio: ";

    @TempDir
    Path home;

    @Test
    void alreadyLoggedInToThisStudioSendsNothing() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            String file = "[studio]\nurl = \"" + sandbox.studio.url() + "\"\ntoken = \"isat_old\"\n";
            AuthSandbox.write(sandbox.globalConfig(), file);

            CommandResult result = sandbox.runner.run("auth", "login");

            assertFailure(sandbox, result, "Error: Token already exists. To login with a different token, logout using"
                    + " `datachain auth logout`.\n");
            assertThat(sandbox.studio.requests()).isEmpty();
            assertThat(AuthSandbox.read(sandbox.globalConfig())).isEqualTo(file);
        }
    }

    @Test
    void aTokenInTheLocalConfigCountsToo() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            AuthSandbox.write(sandbox.localConfig(), "[studio]\ntoken = \"isat_old\"\n");

            assertFailure(sandbox, sandbox.runner.run("auth", "login"), "Error: Token already exists. To login with a"
                    + " different token, logout using `datachain auth logout`.\n");
        }
    }

    @Test
    void invalidScopesAreAllNamedBeforeAnyRequest() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            CommandResult result = sandbox.runner.run("auth", "login", "-s", "datasets, foo,MODELS,Bar");

            assertFailure(sandbox, result, PREFIX + "Following scopes are not valid: foo, Bar\n");
            assertThat(sandbox.studio.requests()).isEmpty();
        }
    }

    @Test
    void anExistingTokenIsReportedBeforeBadScopes() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            String file = "[studio]\nurl = \"" + sandbox.studio.url() + "\"\ntoken = \"isat_old\"\n";
            AuthSandbox.write(sandbox.globalConfig(), file);

            CommandResult result = sandbox.runner.run("auth", "login", "-s", "foo");

            assertFailure(sandbox, result, "Error: Token already exists. To login with a different token, logout using"
                    + " `datachain auth logout`.\n");
            assertThat(sandbox.studio.requests()).isEmpty();
        }
    }

    @Test
    void lowerCaseScopesWithSpacesAreAccepted() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.studio.autoApprove(true);

            CommandResult result = sandbox.runner.run("auth", "login", "--no-open", "-s", "datasets, models");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(sandbox.studio.deviceLoginBodies()).containsExactly("{\"client_name\": \"DataChain\","
                    + " \"scopes\": [\"DATASETS\", \"MODELS\"], \"expires_in_days\": 365}");
        }
    }

    @Test
    void studioRefusingTheStartShowsItsDetail() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.studio.scriptDeviceLogin(StudioAnswer.detail(400, "Team 'nope' does not exist"));

            assertFailure(sandbox, sandbox.runner.run("auth", "login", "--team", "nope"),
                    PREFIX + "Team 'nope' does not exist\n");
        }
    }

    @Test
    void aServerErrorOnStartNamesTheStatus() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.studio.scriptDeviceLogin(StudioAnswer.serverError(500));

            assertFailure(sandbox, sandbox.runner.run("auth", "login"), PREFIX + "Studio answered HTTP 500\n");
        }
    }

    @Test
    void anUnreachableStudioIsNamed() {
        FakeStudio gone = FakeStudio.start();
        gone.close();
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            CommandResult result = sandbox.runner.run("auth", "login", "-H", gone.url());

            assertFailure(sandbox, result, PREFIX + "could not reach " + gone.url() + " (connection refused)\n");
        }
    }

    @Test
    void garbageAndOversizedAnswersAreCleanErrors() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.studio.scriptDeviceLogin(StudioAnswer.garbage(), StudioAnswer.oversized(5 * 1024 * 1024));

            assertFailure(sandbox, sandbox.runner.run("auth", "login"),
                    PREFIX + "Studio's answer (HTTP 200, text/html) is not JSON\n");
            assertFailure(sandbox, sandbox.runner.run("auth", "login"),
                    PREFIX + "Studio's answer (HTTP 200) is larger than 64 KiB\n");
        }
    }

    @Test
    void aGarbageTokenAnswerIsACleanError() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.studio.scriptPolls(StudioAnswer.garbage());

            assertLoginFails(sandbox, "Studio's answer (HTTP 200, text/html) is not JSON\n");
        }
    }

    @Test
    void anExpiredCodeEndsWithTheReferenceMessage() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.studio.scriptPolls(StudioAnswer.detail(400, "authorization_pending"), StudioAnswer.expired());

            assertLoginFails(sandbox, "failed to authenticate: This 'device_code' has expired.\n");
            assertThat(sandbox.studio.pollBodies()).hasSize(2);
        }
    }

    @Test
    void theCodesLifetimeBoundsTheWait() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            List<StudioAnswer> pending = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                pending.add(StudioAnswer.detail(400, "authorization_pending"));
            }
            sandbox.studio.codeLifetime(Duration.ofSeconds(1)).scriptPolls(pending.toArray(StudioAnswer[]::new));

            assertLoginFails(sandbox, "the login was not approved within 1 second. Run 'datachain auth login' to try"
                    + " again.\n");
        }
    }

    @Test
    void aDeniedLoginShowsTheDetail() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.studio.scriptPolls(StudioAnswer.accessDenied());

            assertLoginFails(sandbox, "the login was denied in Studio (access_denied). Run 'datachain auth login'"
                    + " to try again.\n");
        }
    }

    @Test
    void anotherClientErrorWhilePollingEndsTheLogin() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.studio.scriptPolls(StudioAnswer.detail(403, "Forbidden"));

            assertLoginFails(sandbox, "Studio answered HTTP 403: Forbidden\n");
        }
    }

    @Test
    void anInvalidHostnameIsRefused() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            assertFailure(sandbox, sandbox.runner.run("auth", "login", "-H", "studio.example.com"),
                    "Error: Invalid Studio URL 'studio.example.com': expected an address such as"
                            + " https://studio.datachain.ai\n");
        }
    }

    @Test
    void aStrayWordIsAUsageErrorNotASilentlyIgnoredName() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            CommandResult result = sandbox.runner.run("auth", "login", "my-token");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.stdout()).isEmpty();
            assertThat(result.stderr()).isEqualTo("Error: unexpected argument 'my-token'\n"
                    + "Run 'datachain auth login --help' for usage.\n");
            assertThat(sandbox.studio.requests()).isEmpty();
        }
    }

    @Test
    void aZeroLifetimeIsAUsageError() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            CommandResult result = sandbox.runner.run("auth", "login", "--expires-in", "0");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.stderr()).startsWith("Error: --expires-in must be at least 1 day\n");
            assertThat(sandbox.studio.requests()).isEmpty();
        }
    }

    @Test
    void withTokenRefusesOptionsThatShapeANewToken() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            CommandResult result = sandbox.runner.stdin("isat_x\n").run("auth", "login", "--with-token", "--name", "x");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.stderr()).startsWith("Error: --with-token cannot be combined with --name\n");
            assertThat(sandbox.globalConfig()).doesNotExist();
        }
    }

    /**
     * Runs {@code auth login --no-open} and expects it to fail with {@code PREFIX + reason}, after the
     * user code line when the login got as far as having one.
     */
    private static void assertLoginFails(AuthSandbox sandbox, String reason) {
        CommandResult result = sandbox.runner.run("auth", "login", "--no-open");
        String shown = sandbox.studio.lastUserCode().isPresent() ? sandbox.userCodeLine() : "";
        assertFailure(sandbox, result, shown + PREFIX + reason);
    }

    /** Exit 1, exactly this on stderr, and no new config file anywhere. */
    /** {@code stderr} after the line that names the Studio, which comes when a request was sent. */
    private static void assertFailure(AuthSandbox sandbox, CommandResult result, String stderr) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr()).isEqualTo(sandbox.studio.requests().isEmpty() ? stderr
                : sandbox.loginTarget() + stderr);
        if (!stderr.contains("Token already exists")) {
            assertThat(sandbox.globalConfig()).doesNotExist();
            assertThat(sandbox.localConfig()).doesNotExist();
        }
    }
}
