package ai.datachain.toolkit.dist;

import static ai.datachain.toolkit.dist.AuthSandbox.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import ai.datachain.toolkit.testkit.CommandResult;
import ai.datachain.toolkit.testkit.FakeStudio;
import ai.datachain.toolkit.testkit.SelfSignedCertificate;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS through the built image: certificates are verified, an untrusted one is refused with a way
 * out, and a private certificate authority is trusted once named by DATACHAIN_CA_BUNDLE or
 * SSL_CERT_FILE. The stand-in serves HTTPS on 127.0.0.1 with a certificate made for the test run.
 */
class NetworkTlsIT {

    private static final String PREFIX = "Error: Failed to authenticate with Studio: ";

    @TempDir
    static Path certificates;
    private static SelfSignedCertificate loopback;

    @TempDir
    Path home;

    @BeforeAll
    static void makeCertificate() {
        loopback = SelfSignedCertificate.generate(certificates, "127.0.0.1", "localhost");
    }

    @Test
    void anUntrustedCertificateIsRefusedWithHowToTrustIt() {
        try (AuthSandbox sandbox = new AuthSandbox(home, FakeStudio.startHttps(loopback))) {
            CommandResult result = sandbox.runner.run("auth", "login", "--no-open");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
            assertThat(result.stderr()).isEqualTo(sandbox.loginTarget() + PREFIX + "could not reach "
                    + sandbox.studio.url() + " (the TLS"
                    + " certificate of 127.0.0.1 is not trusted: no trusted certificate authority signed it. If your"
                    + " network uses its own certificate authority, set DATACHAIN_CA_BUNDLE (or SSL_CERT_FILE) to a"
                    + " PEM file holding its certificate)\n");
            assertThat(sandbox.studio.requests()).isEmpty();
            assertThat(sandbox.globalConfig()).doesNotExist();
        }
    }

    @Test
    void aCaBundleInDatachainCaBundleIsTrusted() {
        try (AuthSandbox sandbox = new AuthSandbox(home, FakeStudio.startHttps(loopback))) {
            sandbox.studio.autoApprove(true);
            sandbox.runner.env("DATACHAIN_CA_BUNDLE", loopback.pemFile().toString());

            CommandResult result = sandbox.runner.run("auth", "login", "--no-open");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stderr()).isEqualTo(sandbox.loginTarget() + sandbox.userCodeLine());
            assertThat(sandbox.studio.url()).startsWith("https://");
            assertThat(AuthSandbox.read(sandbox.globalConfig()))
                    .startsWith("[studio]\nurl = \"" + sandbox.studio.url() + "\"\ntoken = \"" + TOKEN + "\"\n");
        }
    }

    @Test
    void sslCertFileIsTrustedTooAndLogoutUsesIt() {
        try (AuthSandbox sandbox = new AuthSandbox(home, FakeStudio.startHttps(loopback))) {
            sandbox.studio.autoApprove(true);
            sandbox.runner.env("SSL_CERT_FILE", loopback.pemFile().toString());

            assertThat(sandbox.runner.run("auth", "login", "--no-open").exitCode()).isZero();
            CommandResult logout = sandbox.runner.run("auth", "logout");

            assertThat(logout.exitCode()).as(logout.toString()).isZero();
            assertThat(sandbox.studio.revokedTokens()).containsExactly(TOKEN);
        }
    }

    @Test
    void aCertificateForAnotherNameIsRefusedEvenWhenTrusted() {
        SelfSignedCertificate other = SelfSignedCertificate.generate(home.resolve("other"), "other.invalid");
        try (AuthSandbox sandbox = new AuthSandbox(home, FakeStudio.startHttps(other))) {
            sandbox.runner.env("DATACHAIN_CA_BUNDLE", other.pemFile().toString());

            CommandResult result = sandbox.runner.run("auth", "login", "--no-open");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
            assertThat(result.stderr()).isEqualTo(sandbox.loginTarget() + PREFIX + "could not reach "
                    + sandbox.studio.url() + " (the TLS certificate of 127.0.0.1 is not valid for that host name)\n");
        }
    }

    @Test
    void aMissingOrEmptyBundleIsAClearErrorBeforeAnyRequest() {
        try (AuthSandbox sandbox = new AuthSandbox(home, FakeStudio.startHttps(loopback))) {
            Path missing = home.resolve("missing.pem");
            CommandResult result = sandbox.runner.env("DATACHAIN_CA_BUNDLE", missing.toString())
                    .run("auth", "login", "--no-open");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.stderr()).isEqualTo("Error: DATACHAIN_CA_BUNDLE names " + missing
                    + ", which does not exist\n");

            Path empty = home.resolve("empty.pem");
            AuthSandbox.write(empty, "# nothing here\n");
            result = sandbox.runner.unsetEnv("DATACHAIN_CA_BUNDLE").env("SSL_CERT_FILE", empty.toString())
                    .run("auth", "login", "--no-open");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.stderr()).isEqualTo("Error: SSL_CERT_FILE file " + empty + " holds no PEM certificate"
                    + " (expected blocks starting with -----BEGIN CERTIFICATE-----)\n");
            assertThat(sandbox.studio.requests()).isEmpty();
            assertThat(sandbox.globalConfig()).doesNotExist();
        }
    }

    @Test
    void logoutFromAnUntrustedStudioSaysWhyAndKeepsTheToken() {
        try (AuthSandbox sandbox = new AuthSandbox(home, FakeStudio.startHttps(loopback))) {
            String file = "[studio]\nurl = \"" + sandbox.studio.url() + "\"\ntoken = \"" + TOKEN + "\"\n";
            AuthSandbox.write(sandbox.globalConfig(), file);

            CommandResult result = sandbox.runner.run("auth", "logout");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.stderr()).startsWith("Error: Could not reach Studio to revoke the token: the TLS"
                    + " certificate of 127.0.0.1 is not trusted").contains("DATACHAIN_CA_BUNDLE").doesNotContain(TOKEN);
            assertThat(AuthSandbox.read(sandbox.globalConfig())).isEqualTo(file);
        }
    }
}
