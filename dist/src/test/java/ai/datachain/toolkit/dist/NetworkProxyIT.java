package ai.datachain.toolkit.dist;

import static ai.datachain.toolkit.dist.AuthSandbox.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import ai.datachain.toolkit.testkit.CommandResult;
import ai.datachain.toolkit.testkit.FakeStudio;
import ai.datachain.toolkit.testkit.ProxyRequest;
import ai.datachain.toolkit.testkit.RecordingProxy;
import ai.datachain.toolkit.testkit.SelfSignedCertificate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proxies from the environment, through the built image. Studio is reached as {@code studio.invalid},
 * a name only the recording proxy resolves: a login that succeeds went through the proxy.
 */
class NetworkProxyIT {

    private static final String HOST = "studio.invalid";
    private static final String USER = "ada";
    /** A password with characters that must be percent-encoded in the proxy URL. */
    private static final String PASSWORD = "s3cret:@pw";
    private static final String ENCODED_PASSWORD = "s3cret%3A%40pw";
    private static final String PREFIX = "Error: Failed to authenticate with Studio: ";

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
    void httpsGoesThroughAnAuthenticatingProxyTunnel() {
        try (AuthSandbox sandbox = new AuthSandbox(home, FakeStudio.startHttps(certificate));
                RecordingProxy proxy = RecordingProxy.start().resolve(HOST).requireCredentials(USER, PASSWORD)) {
            sandbox.studio.autoApprove(true);
            String studio = sandbox.studio.url(HOST);
            sandbox.runner.env("DATACHAIN_CA_BUNDLE", certificate.pemFile().toString())
                    .env("HTTPS_PROXY", "http://" + USER + ":" + ENCODED_PASSWORD + "@127.0.0.1:" + proxy.port());

            CommandResult result = sandbox.runner.run("auth", "login", "--no-open", "-v", "-v", "-H", studio);

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(proxy.requests()).isNotEmpty().allSatisfy(request -> {
                assertThat(request.method()).isEqualTo("CONNECT");
                assertThat(request.target()).isEqualTo(HOST + ":" + sandbox.studio.port());
                assertThat(request.proxyAuthorization()).contains(basic(USER, PASSWORD));
            });
            assertThat(sandbox.studio.requests()).hasSize(2)
                    .allSatisfy(request -> assertThat(request.header("Proxy-Authorization")).isEmpty());
            assertThat(result.stderr()).contains("debug: POST " + studio + "/api/device-login via proxy http://" + USER
                    + ":***@127.0.0.1:" + proxy.port() + "\n");
            assertThat(result.stdout() + result.stderr()).doesNotContain(PASSWORD).doesNotContain(ENCODED_PASSWORD)
                    .doesNotContain(TOKEN);
            assertThat(AuthSandbox.read(sandbox.globalConfig())).startsWith("[studio]\nurl = \"" + studio + "\"\n");
        }
    }

    @Test
    void plainHttpGoesThroughTheProxyAndWarnsThatTheTokenIsUnencrypted() {
        try (AuthSandbox sandbox = new AuthSandbox(home); RecordingProxy proxy = RecordingProxy.start().resolve(HOST)) {
            sandbox.studio.autoApprove(true);
            String studio = sandbox.studio.url(HOST);
            sandbox.runner.env("http_proxy", proxy.url());

            CommandResult result = sandbox.runner.run("auth", "login", "--no-open", "-H", studio);

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stderr()).isEqualTo("warning: http://" + HOST + ":" + sandbox.studio.port() + " is not"
                    + " encrypted: the login code and the token travel in clear text. Use an https:// address unless"
                    + " you trust every network in between.\n" + sandbox.userCodeLine());
            assertThat(proxy.requests()).extracting(ProxyRequest::method, ProxyRequest::target).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("POST", studio + "/api/device-login"),
                    org.assertj.core.groups.Tuple.tuple("POST", studio + "/api/device-login/token"));
            assertThat(AuthSandbox.read(sandbox.globalConfig())).contains("token = \"" + TOKEN + "\"\n");
        }
    }

    @Test
    void wrongProxyCredentialsAreNamedWithoutThePassword() {
        try (AuthSandbox sandbox = new AuthSandbox(home, FakeStudio.startHttps(certificate));
                RecordingProxy proxy = RecordingProxy.start().resolve(HOST).requireCredentials(USER, PASSWORD)) {
            sandbox.runner.env("DATACHAIN_CA_BUNDLE", certificate.pemFile().toString())
                    .env("https_proxy", "http://" + USER + ":wrong-secret@127.0.0.1:" + proxy.port());

            CommandResult result = sandbox.runner.run("auth", "login", "--no-open", "-v", "-H", sandbox.studio.url(HOST));

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
            assertThat(result.stderr()).contains("debug: HTTP 407 from the proxy http://ada:***@127.0.0.1:" + proxy.port()
                    + "\n" + PREFIX + "could not reach " + sandbox.studio.url(HOST) + " (the proxy"
                    + " http://ada:***@127.0.0.1:" + proxy.port() + " (from https_proxy) answered HTTP 407: it did not"
                    + " accept the user name and password in https_proxy)\n").doesNotContain("wrong-secret");
            assertThat(sandbox.studio.requests()).isEmpty();
        }
    }

    @Test
    void aProxyThatWantsCredentialsSaysWhereToPutThem() {
        try (AuthSandbox sandbox = new AuthSandbox(home, FakeStudio.startHttps(certificate));
                RecordingProxy proxy = RecordingProxy.start().resolve(HOST).requireCredentials(USER, PASSWORD)) {
            sandbox.runner.env("DATACHAIN_CA_BUNDLE", certificate.pemFile().toString()).env("HTTPS_PROXY", proxy.url());

            CommandResult result = sandbox.runner.run("auth", "login", "--no-open", "-H", sandbox.studio.url(HOST));

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
            assertThat(result.stderr()).isEqualTo(PREFIX + "could not reach " + sandbox.studio.url(HOST) + " (the proxy "
                    + proxy.url() + " (from HTTPS_PROXY) answered HTTP 407: it wants a user name and password; put them"
                    + " in HTTPS_PROXY as http://user:password@host:port)\n");
        }
    }

    @Test
    void basicIsAllowedInTunnelsOnlyWhenTheUserHasNotForbiddenIt() {
        try (AuthSandbox sandbox = new AuthSandbox(home, FakeStudio.startHttps(certificate));
                RecordingProxy proxy = RecordingProxy.start().resolve(HOST).requireCredentials(USER, PASSWORD)) {
            sandbox.runner.env("DATACHAIN_CA_BUNDLE", certificate.pemFile().toString())
                    .env("HTTPS_PROXY", "http://" + USER + ":" + ENCODED_PASSWORD + "@127.0.0.1:" + proxy.port())
                    .env("DATACHAIN_JAVA_OPTS", "-Djdk.http.auth.tunneling.disabledSchemes=Basic");

            CommandResult result = sandbox.runner.run("auth", "login", "--no-open", "-H", sandbox.studio.url(HOST));

            // The JDK's own rule, kept because the user set it: the credentials never reach the proxy.
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
            assertThat(result.stderr()).contains("answered HTTP 407").doesNotContain(PASSWORD);
            assertThat(proxy.requests()).isNotEmpty()
                    .allSatisfy(request -> assertThat(request.proxyAuthorization()).isEmpty());
        }
    }

    @Test
    void logoutThroughTheProxyStillTreatsStudios401AsAlreadyRevoked() {
        try (AuthSandbox sandbox = new AuthSandbox(home, FakeStudio.startHttps(certificate));
                RecordingProxy proxy = RecordingProxy.start().resolve(HOST).requireCredentials(USER, PASSWORD)) {
            sandbox.studio.logoutStatus(401);
            AuthSandbox.write(sandbox.globalConfig(), "[studio]\nurl = \"" + sandbox.studio.url(HOST) + "\"\ntoken = \""
                    + TOKEN + "\"\n");
            // The file's url is the one this test routes through the proxy; DATACHAIN_STUDIO_URL would win over it.
            sandbox.runner.unsetEnv("DATACHAIN_STUDIO_URL").env("SSL_CERT_FILE", certificate.pemFile().toString())
                    .env("HTTPS_PROXY", "http://" + USER + ":" + ENCODED_PASSWORD + "@127.0.0.1:" + proxy.port());

            CommandResult result = sandbox.runner.run("auth", "logout");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stderr()).isEqualTo("Token was already revoked or is invalid on Studio.\n");
            assertThat(proxy.requests()).extracting(ProxyRequest::method).containsExactly("CONNECT");
            assertThat(AuthSandbox.read(sandbox.globalConfig())).doesNotContain(TOKEN);
        }
    }

    @Test
    void noProxyHostsGoDirect() {
        try (AuthSandbox sandbox = new AuthSandbox(home); RecordingProxy proxy = RecordingProxy.start()) {
            sandbox.studio.autoApprove(true);
            sandbox.runner.env("HTTP_PROXY", proxy.url()).env("no_proxy", "example.com, 127.0.0.1:" + sandbox.studio.port());

            CommandResult result = sandbox.runner.run("auth", "login", "--no-open");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(proxy.requests()).isEmpty();
            assertThat(sandbox.studio.requests()).hasSize(2);
        }
    }

    @Test
    void anUnreachableProxyIsNamed() {
        RecordingProxy gone = RecordingProxy.start();
        gone.close();
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.runner.env("HTTP_PROXY", gone.url());

            CommandResult result = sandbox.runner.run("auth", "login", "--no-open");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
            assertThat(result.stderr()).isEqualTo(sandbox.loginTarget() + PREFIX + "could not reach "
                    + sandbox.studio.url() + " (cannot"
                    + " connect to the proxy " + gone.url() + " (from HTTP_PROXY): connection refused)\n");
            assertThat(sandbox.studio.requests()).isEmpty();
        }
    }

    @Test
    void anUnusableProxyVariableIsAClearErrorWithoutThePassword() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.runner.env("HTTPS_PROXY", "socks5://ada:hunter2@proxy.example.com:1080");

            CommandResult result = sandbox.runner.run("auth", "login", "--no-open");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.stderr()).isEqualTo("Error: HTTPS_PROXY 'socks5://ada:***@proxy.example.com:1080' is not"
                    + " a usable proxy: only http:// proxies are supported, not socks5://. Expected e.g."
                    + " http://proxy.example.com:3128 or http://user:password@proxy.example.com:3128\n");
            assertThat(sandbox.studio.requests()).isEmpty();
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
