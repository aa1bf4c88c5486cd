package ai.datachain.toolkit.maven;

import ai.datachain.toolkit.http.EnvironmentProxies;
import ai.datachain.toolkit.http.ProxySetting;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.aether.spi.connector.transport.AbstractTransporter;
import org.eclipse.aether.spi.connector.transport.GetTask;
import org.eclipse.aether.spi.connector.transport.PeekTask;
import org.eclipse.aether.spi.connector.transport.PutTask;
import org.eclipse.aether.spi.connector.transport.TransportTask;
import org.eclipse.aether.spi.connector.transport.http.HttpTransporterException;

/**
 * Maven Resolver's transport over the JDK's HTTP client, set up like the toolkit's Studio client:
 * proxies and extra certificate authorities from the environment, a time-out on connecting and on
 * every answer, and a bound on how long and how much one download may take. Resolver's own JDK
 * transport is not published for this version and its Apache one would bring an HTTP library of its
 * own and ignore {@code NO_PROXY}, so this small one is ours. Read-only: a plugin source never
 * uploads.
 */
final class JdkHttpTransporter extends AbstractTransporter {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Until the answer's headers arrive. */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    /** One whole file, body included: a stalled repository cannot hang an install. */
    static final Duration TRANSFER_TIMEOUT = Duration.ofMinutes(2);
    /** Far above any plugin archive; past it the repository is not serving a plugin. */
    static final long MAX_BYTES = 256L * 1024 * 1024;

    private final URI base;
    private final HttpClient client;
    private final EnvironmentProxies proxies;
    private final String userAgent;
    private final ScheduledExecutorService deadlines;

    JdkHttpTransporter(URI base, HttpClient client, EnvironmentProxies proxies, String userAgent) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.client = client;
        this.proxies = proxies;
        this.userAgent = userAgent;
        this.deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "datachain-download-deadline");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public int classify(Throwable error) {
        return error instanceof HttpTransporterException http && http.getStatusCode() == 404
                ? ERROR_NOT_FOUND : ERROR_OTHER;
    }

    @Override
    protected void implPeek(PeekTask task) throws Exception {
        HttpResponse<Void> response = client.send(request(task).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.discarding());
        requireSuccess(response.statusCode());
    }

    @Override
    protected void implGet(GetTask task) throws Exception {
        HttpResponse<InputStream> response = client.send(request(task).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            requireSuccess(response.statusCode());
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (length > MAX_BYTES) {
                throw new IOException(resolve(task) + " is " + length + " bytes, more than any plugin (at most "
                        + MAX_BYTES + ")");
            }
            // Closing the body unblocks a read that waits on a stalled server.
            ScheduledFuture<?> deadline = deadlines.schedule(() -> closeQuietly(body),
                    TRANSFER_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            try {
                utilGet(task, new BoundedInputStream(body, MAX_BYTES), false, length, false);
            } catch (IOException e) {
                if (deadline.isDone()) {
                    throw new IOException("download of " + resolve(task) + " took longer than "
                            + TRANSFER_TIMEOUT.toSeconds() + " s", e);
                }
                throw e;
            } finally {
                deadline.cancel(false);
            }
        }
    }

    @Override
    protected void implPut(PutTask task) {
        throw new UnsupportedOperationException("plugin repositories are read, never written");
    }

    @Override
    protected void implClose() {
        deadlines.shutdownNow();
    }

    private HttpRequest.Builder request(TransportTask task) {
        URI uri = resolve(task);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(ANSWER_TIMEOUT).header("User-Agent", userAgent);
        proxies.proxyFor(uri).flatMap(ProxySetting::basicAuthorization)
                .ifPresent(credentials -> builder.header("Proxy-Authorization", credentials));
        return builder;
    }

    private URI resolve(TransportTask task) {
        return base.resolve(task.getLocation());
    }

    private static void requireSuccess(int status) throws HttpTransporterException {
        if (status < 200 || status >= 300) {
            throw new HttpTransporterException(status);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // The read that was waiting fails, which is what the deadline is for.
        }
    }

    /** Refuses to read past a size: a repository could otherwise fill the disk. */
    private static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private long remaining;

        BoundedInputStream(InputStream in, long limit) {
            this.in = in;
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = in.read(buffer, offset, (int) Math.min(length, remaining + 1));
            if (read > 0) {
                remaining -= read;
                if (remaining < 0) {
                    throw new IOException("the repository sent more than " + MAX_BYTES + " bytes for one file");
                }
            }
            return read;
        }
    }
}
