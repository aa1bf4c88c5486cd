package ai.datachain.toolkit.testkit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A forward proxy on 127.0.0.1 that records what passes through it: {@code CONNECT} tunnels for
 * https:// and absolute-form requests for http://, optionally behind Basic credentials. It knows
 * host names nobody else resolves ({@link #resolve}), so a test can prove a client really went
 * through it. It only ever connects to 127.0.0.1: any other destination gets a 502.
 */
public final class RecordingProxy implements AutoCloseable {

    private static final int MAX_HEAD_BYTES = 64 * 1024;

    private final ServerSocket server;
    private final ExecutorService executor;
    private final List<ProxyRequest> requests = new ArrayList<>();
    private final Set<String> names = new HashSet<>(Set.of("127.0.0.1", "localhost"));
    private volatile String expectedAuthorization;
    private volatile Duration tunnelDelay = Duration.ZERO;
    private volatile Duration handshakeDelay = Duration.ZERO;

    private RecordingProxy() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "recording-proxy");
            thread.setDaemon(true);
            return thread;
        });
        executor.execute(this::accept);
    }

    /**
     * Starts on a free port of 127.0.0.1.
     *
     * @return the running proxy; close it when done
     */
    public static RecordingProxy start() {
        try {
            return new RecordingProxy();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the proxy", e);
        }
    }

    /**
     * Makes {@code hostName} lead to 127.0.0.1, for this proxy only.
     *
     * @param hostName the name, in any case
     * @return this proxy
     */
    public synchronized RecordingProxy resolve(String hostName) {
        names.add(hostName.toLowerCase(Locale.ROOT));
        return this;
    }

    /**
     * Answers 407 unless a request carries these Basic credentials.
     *
     * @param user the user name
     * @param password the password
     * @return this proxy
     */
    public RecordingProxy requireCredentials(String user, String password) {
        expectedAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /**
     * Waits this long before granting each {@code CONNECT} tunnel: a slow proxy.
     *
     * @param delay how long to wait
     * @return this proxy
     */
    public RecordingProxy delayTunnels(Duration delay) {
        this.tunnelDelay = delay;
        return this;
    }

    /**
     * Holds the server's first bytes in each tunnel this long. Over TLS those are its ServerHello,
     * so this is a slow TLS handshake as the client sees it.
     *
     * @param delay how long to hold them
     * @return this proxy
     */
    public RecordingProxy delayHandshakes(Duration delay) {
        this.handshakeDelay = delay;
        return this;
    }

    /**
     * {@code http://127.0.0.1:PORT}, for {@code HTTPS_PROXY} and {@code HTTP_PROXY}.
     *
     * @return the URL
     */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /**
     * The port on 127.0.0.1.
     *
     * @return the port it listens on
     */
    public int port() {
        return server.getLocalPort();
    }

    /**
     * Every request received, in order.
     *
     * @return a copy
     */
    public synchronized List<ProxyRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing a listening socket has nothing left to report
        }
        executor.shutdownNow();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                executor.execute(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            List<String> head = readHead(in);
            if (head.isEmpty()) {
                return;
            }
            String[] requestLine = head.get(0).split(" ");
            if (requestLine.length != 3) {
                reply(out, "400 Bad Request");
                return;
            }
            String method = requestLine[0];
            String target = requestLine[1];
            Optional<String> authorization = header(head, "Proxy-Authorization");
            synchronized (this) {
                requests.add(new ProxyRequest(method, target, authorization));
            }
            String expected = expectedAuthorization;
            if (expected != null && !authorization.map(expected::equals).orElse(false)) {
                out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"proxy\"\r\n"
                        + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                return;
            }
            if (method.equals("CONNECT")) {
                tunnel(client, in, out, target);
            } else {
                forward(in, out, method, target, head);
            }
        } catch (IOException e) {
            // a client or server that hangs up mid-way ends this connection only
        }
    }

    private void tunnel(Socket client, InputStream in, OutputStream out, String target) throws IOException {
        int colon = target.lastIndexOf(':');
        Optional<Socket> upstream = colon < 0 ? Optional.empty() : connect(target.substring(0, colon),
                Integer.parseInt(target.substring(colon + 1)));
        if (upstream.isEmpty()) {
            reply(out, "502 Bad Gateway");
            return;
        }
        try (Socket server = upstream.get()) {
            sleep(tunnelDelay);
            out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            executor.execute(() -> pipe(in, server));
            InputStream fromServer = server.getInputStream();
            if (!handshakeDelay.isZero()) {
                // Read what the server says first, then hold it back.
                byte[] first = new byte[16 * 1024];
                int read = fromServer.read(first);
                sleep(handshakeDelay);
                if (read > 0) {
                    client.getOutputStream().write(first, 0, read);
                    client.getOutputStream().flush();
                }
            }
            pipe(fromServer, client);
        }
    }

    private void forward(InputStream in, OutputStream out, String method, String target, List<String> head)
            throws IOException {
        URI uri = URI.create(target);
        Optional<Socket> upstream = uri.getHost() == null ? Optional.empty()
                : connect(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort());
        if (upstream.isEmpty()) {
            reply(out, "502 Bad Gateway");
            return;
        }
        try (Socket server = upstream.get()) {
            StringBuilder request = new StringBuilder(method).append(' ').append(uri.getRawPath())
                    .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(" HTTP/1.1\r\n");
            for (String line : head.subList(1, head.size())) {
                String name = line.substring(0, Math.max(0, line.indexOf(':'))).strip().toLowerCase(Locale.ROOT);
                if (!name.startsWith("proxy-") && !name.equals("connection")) {
                    request.append(line).append("\r\n");
                }
            }
            request.append("Connection: close\r\n\r\n");
            OutputStream toServer = server.getOutputStream();
            toServer.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            long length = header(head, "Content-Length").map(Long::parseLong).orElse(0L);
            toServer.write(in.readNBytes((int) Math.min(length, Integer.MAX_VALUE)));
            toServer.flush();

            InputStream fromServer = new BufferedInputStream(server.getInputStream());
            List<String> responseHead = readHead(fromServer);
            StringBuilder response = new StringBuilder();
            for (String line : responseHead) {
                if (!line.toLowerCase(Locale.ROOT).startsWith("connection:")) {
                    response.append(line).append("\r\n");
                }
            }
            // One request per connection keeps this proxy simple; the client is told so.
            response.append("Connection: close\r\n\r\n");
            out.write(response.toString().getBytes(StandardCharsets.ISO_8859_1));
            fromServer.transferTo(out);
            out.flush();
        }
    }

    /** A socket to 127.0.0.1 for a name this proxy knows, else nothing. */
    private Optional<Socket> connect(String host, int port) {
        boolean known;
        synchronized (this) {
            known = names.contains(host.toLowerCase(Locale.ROOT));
        }
        if (!known) {
            return Optional.empty();
        }
        try {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
            return Optional.of(socket);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void pipe(InputStream from, Socket to) {
        try {
            from.transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (SocketException e) {
            // the other side closed first
        } catch (IOException e) {
            // same: a tunnel ends when either side ends it
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(OutputStream out, String status) throws IOException {
        out.write(("HTTP/1.1 " + status + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static Optional<String> header(List<String> head, String name) {
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        return head.stream().skip(1).filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
                .map(line -> line.substring(prefix.length()).strip()).findFirst();
    }

    /** The request or status line and the header lines, up to the blank line. */
    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int total = 0;
        int b;
        while ((b = in.read()) != -1 && total++ < MAX_HEAD_BYTES) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                if (text.endsWith("\r")) {
                    text = text.substring(0, text.length() - 1);
                }
                if (text.isEmpty()) {
                    return lines;
                }
                lines.add(text);
                line.reset();
            } else {
                line.write(b);
            }
        }
        return List.of();
    }
}
