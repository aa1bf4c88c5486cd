package ai.datachain.toolkit.dist;

import static org.assertj.core.api.Assertions.assertThat;

import ai.datachain.toolkit.testkit.CommandResult;
import ai.datachain.toolkit.testkit.DatachainRunner;
import ai.datachain.toolkit.testkit.FakeStudio;
import ai.datachain.toolkit.testkit.RecordingProxy;
import ai.datachain.toolkit.testkit.SelfSignedCertificate;
import ai.datachain.toolkit.testkit.StudioAnswer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference's time-outs, through the built image: 5 s to get a connection and 5 s for each
 * answer on login and polling, 10 s for logout. Getting the connection (a proxy's tunnel, the TLS
 * handshake) has its own budget, so a slow one leaves the answer its full five seconds. Studio is
 * reached over HTTPS as {@code studio.invalid} through a proxy that can be slow.
 */
class StudioTimeoutsIT {

    private static final String HOST = "studio.invalid";
    /** Slow, but inside either budget; together longer than one budget of 5 s. */
    private static final Duration SLOW = Duration.ofMillis(3500);

    @TempDir
    static Path certificates;
    private static SelfSignedCertificate certificate;

    @TempDir
    Path home;

    @BeforeAll
    static void makeCertificate() {
        certificate = SelfSignedCertificate.generate(certificates, HOST, "127.0.0.1");
    }

    @Test
    void aSlowProxyTunnelLeavesTheAnswerItsFiveSeconds() {
        try (AuthSandbox sandbox = new AuthSandbox(home, FakeStudio.startHttps(certificate));
                RecordingProxy proxy = RecordingProxy.start().resolve(HOST).delayTunnels(SLOW)) {
            sandbox.studio.autoApprove(true).scriptDeviceLogin(StudioAnswer.delay(SLOW))
                    .scriptPolls(StudioAnswer.delay(SLOW));

            CommandResult result = through(sandbox, proxy).run("auth", "login", "--no-open", "-v",
                    "-H", sandbox.studio.url(HOST));

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stderr()).doesNotContain("trying again");
            assertThat(sandbox.studio.pollBodies()).hasSize(1);
            assertThat(AuthSandbox.read(sandbox.globalConfig())).contains("token = \"" + AuthSandbox.TOKEN + "\"\n");
        }
    }

    @Test
    void aSlowTlsHandshakeLeavesTheAnswerItsFiveSeconds() {
        try (AuthSandbox sandbox = new AuthSandbox(home, FakeStudio.startHttps(certificate));
                RecordingProxy proxy = RecordingProxy.start().resolve(HOST).delayHandshakes(SLOW)) {
            sandbox.studio.autoApprove(true).scriptDeviceLogin(StudioAnswer.delay(SLOW));

            CommandResult result = through(sandbox, proxy).run("auth", "login", "--no-open",
                    "-H", sandbox.studio.url(HOST));

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(AuthSandbox.read(sandbox.globalConfig())).contains("token = \"" + AuthSandbox.TOKEN + "\"\n");
        }
    }

    @Test
    void aTunnelThatTakesLongerThanFiveSecondsIsNamed() {
        try (AuthSandbox sandbox = new AuthSandbox(home, FakeStudio.startHttps(certificate));
                RecordingProxy proxy = RecordingProxy.start().resolve(HOST).delayTunnels(Duration.ofSeconds(20))) {
            long started = System.nanoTime();

            CommandResult result = through(sandbox, proxy).run("auth", "login", "--no-open",
                    "-H", sandbox.studio.url(HOST));

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
            assertThat(result.stderr()).isEqualTo("Error: Failed to authenticate with Studio: could not reach "
                    + sandbox.studio.url(HOST) + " (no connection to the proxy " + proxy.url() + " within 5 s)\n");
            assertThat((System.nanoTime() - started) / 1_000_000).isBetween(5000L, 15_000L);
            assertThat(sandbox.globalConfig()).doesNotExist();
        }
    }

    @Test
    void aTricklingAnswerCountsAsNoAnswerAfterFiveSeconds() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            // 42 bytes, one every 250 ms: complete only after more than 10 s.
            sandbox.studio.autoApprove(true).scriptPolls(
                    StudioAnswer.trickle("{\"access_token\": \"isat_never_arrives\"}", Duration.ofMillis(250)));

            CommandResult result = sandbox.runner.run("auth", "login", "--no-open", "-v");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stderr()).contains("could not reach Studio (no answer within 5 s); trying again");
            assertThat(AuthSandbox.read(sandbox.globalConfig())).contains("token = \"" + AuthSandbox.TOKEN + "\"\n");
        }
    }

    @Test
    void logoutWaitsTenSecondsForItsAnswer() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            AuthSandbox.write(sandbox.globalConfig(), "[studio]\nurl = \"" + sandbox.studio.url() + "\"\ntoken = \""
                    + AuthSandbox.TOKEN + "\"\n");
            sandbox.studio.scriptLogout(StudioAnswer.delay(Duration.ofSeconds(7)));

            CommandResult result = sandbox.runner.run("auth", "logout");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(sandbox.studio.revokedTokens()).containsExactly(AuthSandbox.TOKEN);
        }
    }

    @Test
    void logoutGivesUpAfterTenSecondsAndKeepsTheToken() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            String config = "[studio]\nurl = \"" + sandbox.studio.url() + "\"\ntoken = \"" + AuthSandbox.TOKEN + "\"\n";
            AuthSandbox.write(sandbox.globalConfig(), config);
            sandbox.studio.scriptLogout(StudioAnswer.delay(Duration.ofSeconds(30)));
            long started = System.nanoTime();

            CommandResult result = sandbox.runner.run("auth", "logout", "-v");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
            assertThat(result.stderr()).contains("debug: revoking the token failed: no answer within 10 s\n"
                    + "Error: Could not reach Studio to revoke the token. Please try again later.\n");
            assertThat((System.nanoTime() - started) / 1_000_000).isBetween(10_000L, 20_000L);
            assertThat(AuthSandbox.read(sandbox.globalConfig())).isEqualTo(config);
        }
    }

    private static DatachainRunner through(AuthSandbox sandbox, RecordingProxy proxy) {
        return sandbox.runner.env("DATACHAIN_CA_BUNDLE", certificate.pemFile().toString())
                .env("HTTPS_PROXY", proxy.url());
    }
}
