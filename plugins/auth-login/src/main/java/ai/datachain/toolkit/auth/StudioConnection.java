package ai.datachain.toolkit.auth;

import ai.datachain.toolkit.api.Console;
import ai.datachain.toolkit.api.Environment;
import ai.datachain.toolkit.http.EnvironmentProxies;
import ai.datachain.toolkit.http.ProxySetting;
import ai.datachain.toolkit.http.TrustedCertificates;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * HTTP to Studio: JSON in and out, a time-out on every request that covers the whole answer (not
 * only its headers), a cap on body size, our User-Agent, and debug lines that never contain a
 * token, a device code or an {@code Authorization} header. Proxies come from the environment
 * ({@link EnvironmentProxies}), trusted certificate authorities from the JDK plus any PEM bundle the
 * environment names ({@link TrustedCertificates}).
 */
final class StudioConnection {

    /** The reference client's time-out for each request. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** Studio's answers are a few hundred bytes; anything past this is not Studio talking. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final HttpClient client;
    private final EnvironmentProxies proxies;
    private final CleartextWarning cleartext;
    private final String userAgent;
    private final Console console;

    /**
     * @throws ai.datachain.toolkit.api.CommandException when a proxy variable or a CA bundle is unusable
     */
    StudioConnection(String toolkitVersion, Console console, Environment environment) {
        this.proxies = EnvironmentProxies.from(environment);
        EnvironmentProxies.allowBasicCredentialsInTunnels();
        // The reference client follows no redirects; HTTP/1.1 like it, which also avoids h2c upgrades.
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).proxy(proxies);
        TrustedCertificates.fromEnvironment(environment).ifPresent(builder::sslContext);
        this.client = builder.build();
        this.cleartext = new CleartextWarning(console);
        this.userAgent = "datachain-java/" + toolkitVersion;
        this.console = console;
    }

    /** POSTs a JSON body. */
    StudioResponse postJson(URI uri, String json) throws IOException, InterruptedException {
        HttpRequest request = base(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return send(request);
    }

    /** POSTs without a body, authenticated with a token. */
    StudioResponse postWithToken(URI uri, String token) throws IOException, InterruptedException {
        HttpRequest request = base(uri).header("Authorization", "token " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        return send(request);
    }

    private HttpRequest.Builder base(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("User-Agent", userAgent).header("Accept", "application/json");
        // Sent up front rather than through an Authenticator: a client with an Authenticator turns
        // Studio's own 401s into exceptions. The JDK keeps this header between us and the proxy.
        proxies.proxyFor(uri).flatMap(ProxySetting::basicAuthorization)
                .ifPresent(credentials -> builder.header("Proxy-Authorization", credentials));
        return builder;
    }

    private StudioResponse send(HttpRequest request) throws IOException, InterruptedException {
        URI uri = request.uri();
        Optional<ProxySetting> proxy = proxies.proxyFor(uri);
        cleartext.check(uri);
        console.debug("POST " + uri + proxy.map(p -> " via proxy " + p).orElse(""));
        CompletableFuture<HttpResponse<CappedBodySubscriber.Body>> future =
                client.sendAsync(request, info -> new CappedBodySubscriber(MAX_BODY_BYTES));
        HttpResponse<CappedBodySubscriber.Body> response;
        try {
            response = future.get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw TransportFailure.of(new HttpTimeoutException("request timed out"), uri, proxy,
                    REQUEST_TIMEOUT.toSeconds());
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            IOException failure = cause instanceof IOException io ? io : new IOException(cause.getMessage(), cause);
            throw TransportFailure.of(failure, uri, proxy, REQUEST_TIMEOUT.toSeconds());
        }
        if (response.statusCode() == 407 && proxy.isPresent()) {
            // Refused tunnels come back as a bare response, without a body.
            console.debug("HTTP 407 from the proxy " + proxy.get());
            throw TransportFailure.proxyRefused(proxy.get(), 407);
        }
        CappedBodySubscriber.Body body = response.body() == null
                ? new CappedBodySubscriber.Body(new byte[0], false) : response.body();
        console.debug("HTTP " + response.statusCode() + " from " + uri + " (" + body.bytes().length
                + (body.oversized() ? "+" : "") + " bytes)");
        return new StudioResponse(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                body.bytes(), body.oversized(), response.headers().firstValue("Location"));
    }

    /** A one-line description of a transport failure, for messages. */
    static String describe(IOException e) {
        String message = e.getMessage();
        if (e instanceof HttpTimeoutException) {
            return "no answer within " + REQUEST_TIMEOUT.toSeconds() + " s";
        }
        if (e instanceof java.net.ConnectException && (message == null || message.isBlank())) {
            return "connection refused";
        }
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
