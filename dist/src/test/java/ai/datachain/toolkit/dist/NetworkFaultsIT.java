package ai.datachain.toolkit.dist;

import static org.assertj.core.api.Assertions.assertThat;

import ai.datachain.toolkit.testkit.CommandResult;
import ai.datachain.toolkit.testkit.StudioAnswer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The faults of the network matrix that {@link AuthLoginErrorsIT} and {@link AuthLoginFlowsIT} do
 * not already cover, each with its own message: exit 1 and no config file written.
 */
class NetworkFaultsIT {

    private static final String PREFIX = "Error: Failed to authenticate with Studio: ";

    @TempDir
    Path home;

    @Test
    void aHostNameThatDoesNotResolveIsNamed() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            assertFailure(sandbox, sandbox.runner.run("auth", "login", "--no-open", "-H", "https://studio.invalid"),
                    PREFIX + "could not reach https://studio.invalid (cannot resolve the host name studio.invalid)\n");
        }
    }

    @Test
    void aStartThatTimesOutFailsAfterFiveSeconds() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            // Far longer than the client waits; closing the stand-in ends the wait.
            sandbox.studio.scriptDeviceLogin(StudioAnswer.delay(Duration.ofSeconds(30)));
            long started = System.nanoTime();

            CommandResult result = sandbox.runner.run("auth", "login", "--no-open");

            assertFailure(sandbox, result, sandbox.loginTarget() + PREFIX + "could not reach " + sandbox.studio.url()
                    + " (no answer within 5 s)\n");
            assertThat((System.nanoTime() - started) / 1_000_000).isBetween(5000L, 20_000L);
        }
    }

    @Test
    void serverErrorsWhilePollingAreRetriedUntilTheDeadline() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.studio.codeLifetime(Duration.ofSeconds(1))
                    .scriptPolls(Collections.nCopies(100, StudioAnswer.serverError(503)).toArray(StudioAnswer[]::new));

            assertLoginFails(sandbox, "the login was not approved within 1 second while Studio could not"
                    + " be reached (last error: HTTP 503). Run 'datachain auth login' to try again.\n");
            assertThat(sandbox.studio.pollBodies().size()).isBetween(2, 10);
        }
    }

    @Test
    void aClientErrorWithoutDetailOnStartNamesTheStatus() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.studio.scriptDeviceLogin(StudioAnswer.body(404, "text/html", html("Not Found")));

            assertLoginFails(sandbox, "Studio answered HTTP 404\n");
        }
    }

    @Test
    void aClientErrorWithDetailOnStartShowsIt() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.studio.scriptDeviceLogin(StudioAnswer.detail(403, "Device login is disabled"));

            assertLoginFails(sandbox, "Studio answered HTTP 403: Device login is disabled\n");
        }
    }

    @Test
    void aClientErrorWithoutDetailWhilePollingNamesTheStatus() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.studio.scriptPolls(StudioAnswer.body(404, "text/html", html("Not Found")));

            assertLoginFails(sandbox, "Studio answered HTTP 404\n");
        }
    }

    @Test
    void aRedirectOnTheTokenEndpointIsNotFollowed() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.studio.autoApprove(true)
                    .scriptPolls(StudioAnswer.redirect(302, sandbox.studio.url() + "/api/device-login/token"));

            assertLoginFails(sandbox, "Studio answered HTTP 302, a redirect to " + sandbox.studio.url()
                    + "/api/device-login/token (redirects are not followed; check the Studio URL)\n");
            assertThat(sandbox.studio.pollBodies()).hasSize(1);
        }
    }

    @Test
    void aStartAnswerWithoutTheDeviceCodeIsRefused() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.studio.scriptDeviceLogin(StudioAnswer.json(200, "{\"verification_uri\": \"" + sandbox.studio.url()
                    + "/auth/device-login\", \"user_code\": \"ABCD-EFGH\", \"token_uri\": \"" + sandbox.studio.url()
                    + "/api/device-login/token\"}"));

            assertLoginFails(sandbox, "Studio's answer has no device_code\n");
            assertThat(sandbox.studio.pollBodies()).isEmpty();
        }
    }

    @Test
    void aTokenAnswerWithoutTheTokenIsRefused() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.studio.scriptPolls(StudioAnswer.json(200, "{\"token_name\": \"x\"}"));

            assertLoginFails(sandbox, "Studio's answer has no access_token\n");
        }
    }

    @Test
    void anOversizedTokenAnswerIsRefused() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.studio.scriptPolls(StudioAnswer.oversized(1024 * 1024));

            assertLoginFails(sandbox, "Studio's answer (HTTP 200) is larger than 64 KiB\n");
        }
    }

    @Test
    void anUnknownDetailWhilePollingEndsTheLoginAndShowsIt() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.studio.scriptPolls(StudioAnswer.detail(400, "authorization_pending"),
                    StudioAnswer.detail(400, "invalid_grant"));

            assertLoginFails(sandbox, "Studio answered HTTP 400: invalid_grant\n");
            assertThat(sandbox.studio.pollBodies()).hasSize(2);
        }
    }

    private static byte[] html(String title) {
        return ("<html><body><h1>" + title + "</h1></body></html>").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Runs {@code auth login --no-open} and expects it to fail with {@code PREFIX + reason}, after the
     * user code line when the login got as far as having one.
     */
    private static void assertLoginFails(AuthSandbox sandbox, String reason) {
        CommandResult result = sandbox.runner.run("auth", "login", "--no-open");
        String shown = sandbox.studio.lastUserCode().isPresent() ? sandbox.userCodeLine() : "";
        assertFailure(sandbox, result, sandbox.loginTarget() + shown + PREFIX + reason);
    }

    /** Exit 1, exactly this on stderr, and no config file anywhere. */
    private static void assertFailure(AuthSandbox sandbox, CommandResult result, String stderr) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr()).isEqualTo(stderr);
        assertThat(sandbox.globalConfig()).doesNotExist();
        assertThat(sandbox.localConfig()).doesNotExist();
    }
}
