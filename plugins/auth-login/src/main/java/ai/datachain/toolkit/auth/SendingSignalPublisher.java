package ai.datachain.toolkit.auth;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * A request body that tells when the HTTP client starts sending the request, which it does once
 * the connection is ready: TCP connected, a proxy tunnel granted, TLS negotiated.
 *
 * <p>Why: the JDK client's request time-out starts before the connection and so covers it, and
 * its connect time-out ends at the TCP connect. The reference client gives the connection and the
 * answer a budget each ({@link StudioTimeouts}); this signal is where one budget ends and the
 * other starts. The client asks a body for its length while it writes the request headers (a
 * body without bytes is never subscribed to), and subscribes to a body with bytes after that, so
 * either call marks the moment.
 */
final class SendingSignalPublisher implements HttpRequest.BodyPublisher {

    private final HttpRequest.BodyPublisher body;
    private final CompletableFuture<Void> sending = new CompletableFuture<>();

    SendingSignalPublisher(HttpRequest.BodyPublisher body) {
        this.body = body;
    }

    /** Completes when the client starts writing the request. */
    CompletableFuture<Void> sending() {
        return sending;
    }

    @Override
    public long contentLength() {
        sending.complete(null);
        return body.contentLength();
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        sending.complete(null);
        body.subscribe(subscriber);
    }
}
