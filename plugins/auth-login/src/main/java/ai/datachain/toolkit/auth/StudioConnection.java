package ai.datachain.toolkit.auth;

import ai.datachain.toolkit.api.Console;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * HTTP to Studio: JSON in and out, a time-out on every request that covers the whole answer (not
 * only its headers), a cap on body size, our User-Agent, and debug lines that never contain a
 * token, a device code or an {@code Authorization} header.
 */
final class StudioConnection {

    /** The reference client's time-out for each request. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** Studio's answers are a few hundred bytes; anything past this is not Studio talking. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final HttpClient client;
    private final String userAgent;
    private final Console console;

    StudioConnection(String toolkitVersion, Console console) {
        // The reference client follows no redirects; HTTP/1.1 like it, which also avoids h2c upgrades.
        this.client = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
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
        return HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("User-Agent", userAgent)
                .header("Accept", "application/json");
    }

    private StudioResponse send(HttpRequest request) throws IOException, InterruptedException {
        console.debug("POST " + request.uri());
        CompletableFuture<HttpResponse<CappedBodySubscriber.Body>> future =
                client.sendAsync(request, info -> new CappedBodySubscriber(MAX_BODY_BYTES));
        HttpResponse<CappedBodySubscriber.Body> response;
        try {
            response = future.get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new HttpTimeoutException("no complete answer within " + REQUEST_TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause.getMessage(), cause);
        }
        CappedBodySubscriber.Body body = response.body();
        console.debug("HTTP " + response.statusCode() + " from " + request.uri() + " (" + body.bytes().length
                + (body.oversized() ? "+" : "") + " bytes)");
        return new StudioResponse(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                body.bytes(), body.oversized());
    }

    /** A one-line description of a transport failure, for messages. */
    static String describe(IOException e) {
        String message = e.getMessage();
        if (e instanceof HttpTimeoutException) {
            return "timed out" + (message == null ? "" : " (" + message + ")");
        }
        if (e instanceof java.net.ConnectException && (message == null || message.isBlank())) {
            return "connection refused";
        }
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
