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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * HTTP to Studio: JSON in and out, time-outs on every request as the reference has them (one for
 * the connection, one for the whole answer, not only its headers: {@link StudioTimeouts}), a cap
 * on body size, our User-Agent, and debug lines that never contain a token, a device code or an
 * {@code Authorization} header. Proxies come from the environment
 * ({@link EnvironmentProxies}), trusted certificate authorities from the JDK plus any PEM bundle the
 * environment names ({@link TrustedCertificates}).
 */
final class StudioConnection {

    /** Studio's answers are a few hundred bytes; anything past this is not Studio talking. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final HttpClient client;
    private final EnvironmentProxies proxies;
    private final CleartextWarning cleartext;
    private final String userAgent;
    private final Console console;
    private final StudioTimeouts timeouts;

    /** A connection with the login's time-outs. */
    StudioConnection(String toolkitVersion, Console console, Environment environment) {
        this(toolkitVersion, console, environment, StudioTimeouts.LOGIN);
    }

    /**
     * @throws ai.datachain.toolkit.api.CommandException when a proxy variable or a CA bundle is unusable
     */
    StudioConnection(String toolkitVersion, Console console, Environment environment, StudioTimeouts timeouts) {
        this.timeouts = timeouts;
        this.proxies = EnvironmentProxies.from(environment);
        EnvironmentProxies.allowBasicCredentialsInTunnels();
        // The reference client follows no redirects; HTTP/1.1 like it, which also avoids h2c upgrades.
        // The JDK's connect time-out ends the TCP connect early; the rest of the connection's budget
        // (tunnel, TLS) is kept by send().
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeouts.connect())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).proxy(proxies);
        TrustedCertificates.fromEnvironment(environment).ifPresent(builder::sslContext);
        this.client = builder.build();
        this.cleartext = new CleartextWarning(console);
        this.userAgent = "datachain-java/" + toolkitVersion;
        this.console = console;
    }

    /** POSTs a JSON body. */
    StudioResponse postJson(URI uri, String json) throws IOException, InterruptedException {
        SendingSignalPublisher body = new SendingSignalPublisher(HttpRequest.BodyPublishers.ofString(json));
        return send(base(uri).header("Content-Type", "application/json").POST(body).build(), body);
    }

    /** POSTs without a body, authenticated with a token. */
    StudioResponse postWithToken(URI uri, String token) throws IOException, InterruptedException {
        SendingSignalPublisher body = new SendingSignalPublisher(HttpRequest.BodyPublishers.noBody());
        return send(base(uri).header("Authorization", "token " + token).POST(body).build(), body);
    }

    private HttpRequest.Builder base(URI uri) {
        // No JDK request time-out: it would start before the connection; send() keeps both budgets.
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .header("User-Agent", userAgent).header("Accept", "application/json");
        // Sent up front rather than through an Authenticator: a client with an Authenticator turns
        // Studio's own 401s into exceptions. The JDK keeps this header between us and the proxy.
        proxies.proxyFor(uri).flatMap(ProxySetting::basicAuthorization)
                .ifPresent(credentials -> builder.header("Proxy-Authorization", credentials));
        return builder;
    }

    private StudioResponse send(HttpRequest request, SendingSignalPublisher requestBody)
            throws IOException, InterruptedException {
        URI uri = request.uri();
        Optional<ProxySetting> proxy = proxies.proxyFor(uri);
        cleartext.check(uri);
        console.debug("POST " + PrintableText.url(uri.toString()) + proxy.map(p -> " via proxy " + p).orElse(""));
        CompletableFuture<HttpResponse<CappedBodySubscriber.Body>> future =
                client.sendAsync(request, info -> new CappedBodySubscriber(MAX_BODY_BYTES));
        HttpResponse<CappedBodySubscriber.Body> response;
        boolean sending = false;
        try {
            // First budget: until the request goes out (or the exchange fails while connecting).
            CompletableFuture.anyOf(requestBody.sending(), future)
                    .get(timeouts.connect().toMillis(), TimeUnit.MILLISECONDS);
            sending = true;
            // Second budget: the whole answer, counted from the moment the request went out.
            response = future.get(timeouts.answer().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw sending ? TransportFailure.noAnswer(timeouts.answer())
                    : TransportFailure.noConnection(uri, proxy, timeouts.connect());
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            IOException failure = cause instanceof IOException io ? io : new IOException(cause.getMessage(), cause);
            throw TransportFailure.of(failure, uri, proxy, timeouts.connect());
        }
        if (response.statusCode() == 407 && proxy.isPresent()) {
            // Refused tunnels come back as a bare response, without a body.
            console.debug("HTTP 407 from the proxy " + proxy.get());
            throw TransportFailure.proxyRefused(proxy.get(), 407);
        }
        CappedBodySubscriber.Body body = response.body() == null
                ? new CappedBodySubscriber.Body(new byte[0], false) : response.body();
        console.debug("HTTP " + response.statusCode() + " from " + PrintableText.url(uri.toString()) + " (" + body.bytes().length
                + (body.oversized() ? "+" : "") + " bytes)");
        return new StudioResponse(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                body.bytes(), body.oversized(), response.headers().firstValue("Location"));
    }

    /** A one-line description of a transport failure, for messages. */
    static String describe(IOException e) {
        String message = e.getMessage();
        if (e instanceof HttpTimeoutException) {
            return "no answer in time";
        }
        if (e instanceof java.net.ConnectException && (message == null || message.isBlank())) {
            return "connection refused";
        }
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
