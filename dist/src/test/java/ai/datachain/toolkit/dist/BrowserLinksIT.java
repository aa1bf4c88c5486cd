package ai.datachain.toolkit.dist;

import static ai.datachain.toolkit.dist.AuthSandbox.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import ai.datachain.toolkit.testkit.CommandResult;
import ai.datachain.toolkit.testkit.FakeStudio;
import ai.datachain.toolkit.testkit.StudioAnswer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where Studio's answer may send the user and the device code: only web links to a browser, a
 * warning for a login page elsewhere, polls only to the Studio in use, and never faster than once
 * a second.
 */
class BrowserLinksIT {

    @TempDir
    Path home;

    private static StudioAnswer startAnswer(FakeStudio studio, String verificationUri, String tokenUri) {
        return StudioAnswer.json(200, "{\"verification_uri\": \"" + verificationUri + "\", \"user_code\": \"ABCD\","
                + " \"device_code\": \"dc\", \"token_uri\": \"" + tokenUri + "\", \"token_name\": \"n\","
                + " \"expires_in\": 60}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--gpu-launcher=touch /tmp/x", "javascript:alert(1)", "file:///etc/passwd"})
    void aLinkThatIsNotAWebLinkNeverReachesTheBrowser(String link) {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.runner.env("BROWSER", sandbox.recordingBrowser().toString());
            sandbox.studio.scriptDeviceLogin(startAnswer(sandbox.studio, link, sandbox.studio.url()
                    + "/api/device-login/token")).scriptPolls(StudioAnswer.json(200, "{\"access_token\": \"" + TOKEN + "\"}"));

            CommandResult result = sandbox.runner.run("auth", "login");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).startsWith("Open this url to continue in your web browser: " + link + "?code=ABCD\n");
            assertThat(result.stderr()).contains("warning: Studio's login link is not a plain http(s) address, so no"
                    + " browser is opened for it; open it only if you trust it\n");
            assertThat(sandbox.browserLog()).doesNotExist();
        }
    }

    @Test
    void aLoginPageOnAnotherHostIsShownWithAWarning() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.runner.env("BROWSER", sandbox.recordingBrowser().toString());
            sandbox.studio.scriptDeviceLogin(startAnswer(sandbox.studio, "https://studio.evil.example/auth",
                    sandbox.studio.url() + "/api/device-login/token"))
                    .scriptPolls(StudioAnswer.json(200, "{\"access_token\": \"" + TOKEN + "\"}"));

            CommandResult result = sandbox.runner.run("auth", "login");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stderr()).contains("warning: the login link is on studio.evil.example, not on the Studio"
                    + " in use (127.0.0.1); approve only if you trust studio.evil.example\n");
            assertThat(AuthSandbox.read(sandbox.browserLog())).isEqualTo("https://studio.evil.example/auth?code=ABCD\n");
        }
    }

    @Test
    void aTokenUriOnAnotherOriginIsRefusedBeforeAnyPoll() {
        try (AuthSandbox sandbox = new AuthSandbox(home); FakeStudio other = FakeStudio.start()) {
            sandbox.studio.scriptDeviceLogin(startAnswer(sandbox.studio, sandbox.studio.url() + "/auth",
                    other.url() + "/api/device-login/token"));

            CommandResult result = sandbox.runner.run("auth", "login", "--no-open");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.stderr()).isEqualTo(sandbox.loginTarget() + "Error: Failed to authenticate with Studio:"
                    + " Studio's token_uri "
                    + other.url() + "/api/device-login/token is not on " + sandbox.studio.url()
                    + ", the Studio in use; the login code is sent to no other address\n");
            assertThat(other.requests()).isEmpty();
            assertThat(sandbox.studio.pollBodies()).isEmpty();
            assertThat(sandbox.globalConfig()).doesNotExist();
        }
    }

    @Test
    void noTwoPollsComeLessThanASecondApartWhateverTheIntervalSays() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.studio.interval(1e-9).approveAfterPolls(2);
            long started = System.nanoTime();

            CommandResult result = sandbox.runner.run("auth", "login", "--no-open");

            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(sandbox.studio.pollBodies()).hasSize(3);
            assertThat(elapsedMillis).isGreaterThanOrEqualTo(2000L);
        }
    }
}
