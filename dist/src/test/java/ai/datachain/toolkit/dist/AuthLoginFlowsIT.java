package ai.datachain.toolkit.dist;

import static ai.datachain.toolkit.dist.AuthSandbox.POST_LOGIN;
import static ai.datachain.toolkit.dist.AuthSandbox.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import ai.datachain.toolkit.testkit.CommandResult;
import ai.datachain.toolkit.testkit.FakeStudio;
import ai.datachain.toolkit.testkit.RecordedRequest;
import ai.datachain.toolkit.testkit.StudioAnswer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a login reaches the user and survives a flaky Studio: browsers, polling, interruption, stdin, JSON. */
class AuthLoginFlowsIT {

    @TempDir
    Path home;

    @Test
    void browserCommandWithPercentSGetsTheUrlInPlace() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.studio.autoApprove(true);
            sandbox.runner.env("BROWSER", sandbox.recordingBrowser() + " --new-window %s --quiet");

            CommandResult result = sandbox.runner.run("auth", "login");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(AuthSandbox.read(sandbox.browserLog()))
                    .isEqualTo("--new-window\n" + sandbox.verificationUrl() + "\n--quiet\n");
        }
    }

    @Test
    void aBrowserThatFailsIsReportedAndTheLoginGoesOn() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.studio.approveAfterPolls(1);
            sandbox.runner.env("BROWSER", "false");

            CommandResult result = sandbox.runner.run("auth", "login");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).startsWith("Opening link for login at " + sandbox.verificationUrl() + "\n\n"
                    + POST_LOGIN + "\nAuthentication complete.");
            assertThat(result.stderr()).isEqualTo(sandbox.loginTarget() + "\n" + AuthSandbox.BROWSER_FAILED + "\n"
                    + "Reason: 'false' exited with status 1.\n");
        }
    }

    @Test
    void withoutBrowserOrDisplayTheUserOpensTheLinkByHand() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.studio.approveAfterPolls(1);

            CommandResult result = sandbox.runner.run("auth", "login");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stderr()).isEqualTo(sandbox.loginTarget() + "\n" + AuthSandbox.BROWSER_FAILED + "\n"
                    + "Reason: no BROWSER is set and there is no display.\n");
        }
    }

    @Test
    void aStudioUnderABasePathKeepsItsPath() {
        try (AuthSandbox sandbox = new AuthSandbox(home, FakeStudio.start(0, "/studio"))) {
            sandbox.studio.autoApprove(true);

            CommandResult result = sandbox.runner.run("auth", "login", "--no-open", "-H", sandbox.studio.url() + "/");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(sandbox.studio.requests()).extracting(RecordedRequest::path)
                    .containsExactly("/studio/api/device-login", "/studio/api/device-login/token");
            RecordedRequest start = sandbox.studio.requests().get(0);
            assertThat(start.header("Content-Type")).contains("application/json");
            assertThat(start.header("User-Agent").orElseThrow()).matches("datachain-java/\\d+\\.\\d+\\.\\d+\\S*");
            assertThat(AuthSandbox.read(sandbox.globalConfig())).contains("url = \"" + sandbox.studio.url() + "\"\n");
        }
    }

    @Test
    void theTokenUriAndVerificationUriAreUsedAsStudioSendsThem() {
        // token_uri must have the Studio's origin (BrowserLinksIT shows the refusal); there it is used as sent.
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.studio.scriptDeviceLogin(StudioAnswer.json(200, "{\"verification_uri\":"
                    + " \"https://verify.example/device\", \"user_code\": \"WXYZ-1234\", \"device_code\": \"dev-123\","
                    + " \"token_uri\": \"" + sandbox.studio.url() + "/api/device-login/token\", \"token_name\": \"t\","
                    + " \"expires_in\": 900}"));
            sandbox.studio.scriptPolls(StudioAnswer.json(200, "{\"access_token\": \"" + TOKEN + "\"}"));

            CommandResult result = sandbox.runner.run("auth", "login", "--no-open");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).startsWith("Open this url to continue in your web browser:"
                    + " https://verify.example/device?code=WXYZ-1234\n\n" + POST_LOGIN + "\n");
            assertThat(sandbox.studio.requests()).extracting(RecordedRequest::path)
                    .containsExactly("/api/device-login", "/api/device-login/token");
            assertThat(sandbox.studio.pollBodies()).containsExactly("{\"code\": \"dev-123\"}");
            // The hostname, not the token endpoint, is what the config remembers.
            assertThat(AuthSandbox.read(sandbox.globalConfig())).startsWith("[studio]\nurl = \""
                    + sandbox.studio.url() + "\"\ntoken = \"" + TOKEN + "\"\n");
        }
    }

    @Test
    void quietAndVerboseChangeLoggingNotTheResults() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.studio.autoApprove(true);

            CommandResult quiet = sandbox.runner.run("auth", "login", "--no-open", "-q", "--team", "t");

            assertThat(quiet.exitCode()).as(quiet.toString()).isZero();
            assertThat(quiet.stderr()).isEqualTo(sandbox.userCodeLine());
            String file = sandbox.globalConfig().toString();
            assertThat(quiet.stdout()).isEqualTo("Open this url to continue in your web browser: "
                    + sandbox.verificationUrl() + "\n\n" + POST_LOGIN + "\n"
                    + "Authentication complete. Saved token to " + file + ".\n"
                    + "Token is scoped to teams: t\n"
                    + "Token will expire in 365 days.\n"
                    + "Set default team to 't' in " + file + "\n");

            CommandResult verbose = sandbox.runner.run("auth", "token", "-v", "-v");
            assertThat(verbose.exitCode()).as(verbose.toString()).isZero();
            assertThat(verbose.stdout()).isEqualTo(TOKEN + "\n");
            assertThat(verbose.stderr()).doesNotContain(TOKEN);
            assertThat(sandbox.runner.run("auth", "token", "-q", "-q").stdout()).isEqualTo(TOKEN + "\n");
        }
    }

    @Test
    void withoutAnIntervalFromStudioPollsEveryFiveSeconds() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.studio.interval(null).approveAfterPolls(1);
            long started = System.nanoTime();

            CommandResult result = sandbox.runner.run("auth", "login", "--no-open");

            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(sandbox.studio.pollBodies()).hasSize(2);
            assertThat(elapsedMillis).isBetween(5000L, 9000L);
        }
    }

    @Test
    void slowDownIsHonoured() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.studio.autoApprove(true).scriptPolls(StudioAnswer.slowDown(0.1), StudioAnswer.slowDown(0.2));

            CommandResult result = sandbox.runner.run("auth", "login", "--no-open");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(sandbox.studio.pollBodies()).hasSize(3);
        }
    }

    @Test
    void transientPollFailuresAreRetriedUntilTheTokenComes() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.studio.autoApprove(true).scriptPolls(StudioAnswer.serverError(503), StudioAnswer.dropConnection(),
                    StudioAnswer.serverError(502));

            CommandResult result = sandbox.runner.run("auth", "login", "--no-open");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stderr()).isEqualTo(sandbox.loginTarget() + sandbox.userCodeLine());
            assertThat(sandbox.studio.pollBodies()).hasSize(4);
            assertThat(AuthSandbox.read(sandbox.globalConfig())).contains("token = \"" + TOKEN + "\"\n");
        }
    }

    @Test
    void aPollThatTimesOutIsRetried() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.studio.autoApprove(true).scriptPolls(StudioAnswer.delay(Duration.ofSeconds(7)));

            CommandResult result = sandbox.runner.run("auth", "login", "--no-open", "-v");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stderr()).contains("could not reach Studio (no answer within 5 s); trying again");
            assertThat(sandbox.studio.pollBodies()).hasSize(2);
        }
    }

    @Test
    void interruptedLoginExits130AndWritesNothing() throws Exception {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            Process process = sandbox.runner.start("auth", "login", "--no-open");
            BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String first = stdout.readLine();
            assertThat(first).startsWith("Open this url to continue in your web browser: ");
            Thread.sleep(200);

            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();

            CommandResult result = sandbox.runner.finish(process);
            assertThat(result.exitCode()).isEqualTo(130);
            assertThat(sandbox.globalConfig()).doesNotExist();
            assertThat(sandbox.studio.pollBodies()).isNotEmpty();
        }
    }

    @Test
    void ctrlCDuringTheCountdownEndsItsLineSoThePromptStartsOnItsOwn() throws Exception {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.studio.interval(1.0);
            // What the launcher sets when stderr is a terminal: the live countdown line.
            Process process = sandbox.runner.env("DATACHAIN_JAVA_OPTS", "-Ddatachain.interactive=true")
                    .start("auth", "login", "--no-open");
            BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(stdout.readLine()).startsWith("Open this url to continue in your web browser: ");
            Thread.sleep(1500);

            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();

            CommandResult result = sandbox.runner.finish(process);
            assertThat(result.exitCode()).isEqualTo(130);
            assertThat(result.stderr()).contains("\r\033[KWaiting for authorization... ").endsWith(" left\n");
            assertThat(sandbox.globalConfig()).doesNotExist();
        }
    }

    @Test
    void withTokenSavesWhatComesOnStdin() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            CommandResult result = sandbox.runner.stdin("isat_from_ci\n").run("auth", "login", "--with-token");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).isEqualTo("Saved token to " + sandbox.globalConfig() + ".\n"
                    + "You can now use 'datachain auth team' to set the default team.\n");
            assertThat(AuthSandbox.read(sandbox.globalConfig())).isEqualTo("[studio]\nurl = \"" + sandbox.studio.url()
                    + "\"\ntoken = \"isat_from_ci\"\n");
            assertThat(sandbox.studio.requests()).isEmpty();
        }
    }

    @Test
    void withTokenRefusesAnEmptyStdin() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            CommandResult result = sandbox.runner.stdin("\n").run("auth", "login", "--with-token");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.stderr()).isEqualTo("Error: No token on standard input. Pipe one in, e.g."
                    + " 'datachain auth login --with-token < token.txt'.\n");
            assertThat(sandbox.globalConfig()).doesNotExist();
        }
    }

    @Test
    void jsonLoginPrintsOneDocumentAndKeepsTheLinkOnStderr() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.studio.autoApprove(true);

            CommandResult result = sandbox.runner.run("auth", "login", "--no-open", "--json", "--team", "ml-team",
                    "--name", "ci");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stderr()).isEqualTo(sandbox.loginTarget()
                    + "Open this url to continue in your web browser: " + sandbox.verificationUrl() + "\n"
                    + sandbox.userCodeLine() + "\n" + POST_LOGIN + "\n");
            assertThat(result.stdout()).isEqualTo("{\n"
                    + "  \"hostname\" : \"" + sandbox.studio.url() + "\",\n"
                    + "  \"config_file\" : \"" + sandbox.globalConfig() + "\",\n"
                    + "  \"level\" : \"global\",\n"
                    + "  \"token_name\" : \"ci\",\n"
                    + "  \"scopes\" : [ \"EXPERIMENTS\", \"DATASETS\", \"MODELS\" ],\n"
                    + "  \"teams\" : [ \"ml-team\" ],\n"
                    + "  \"default_team\" : \"ml-team\",\n"
                    + "  \"expires_in_days\" : 365,\n"
                    + "  \"expires_on\" : \"" + java.time.LocalDate.now().plusDays(365) + "\"\n"
                    + "}\n");
        }
    }

    @Test
    void noSecretIsPrintedEvenWhenVerbose() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.studio.approveAfterPolls(1).scriptPolls(StudioAnswer.serverError(500));

            CommandResult result = sandbox.runner.run("auth", "login", "--no-open", "-v", "-v");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stderr()).contains("debug: POST " + sandbox.studio.url() + "/api/device-login");
            String everything = result.stdout() + result.stderr();
            assertThat(everything).doesNotContain(TOKEN).doesNotContain(sandbox.studio.lastDeviceCode().orElseThrow())
                    .doesNotContainIgnoringCase("authorization:");
        }
    }
}
