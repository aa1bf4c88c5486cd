package ai.datachain.toolkit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * A DataChain Studio stand-in for tests and demos: the device login of the reference protocol on
 * 127.0.0.1, with scriptable failures.
 *
 * <ul>
 *   <li>{@code POST /api/device-login} starts a login and records the request body;
 *   <li>{@code POST /api/device-login/token} ({@code token_uri}) answers {@code authorization_pending}
 *       until the login is approved, then the token; {@code authorization_expired} after the code's
 *       lifetime;
 *   <li>{@code GET /auth/device-login?code=USER_CODE} ({@code verification_uri}) is a small approval
 *       page whose button posts to {@code /auth/device-login/approve};
 *   <li>{@code POST /api/device-logout} with {@code Authorization: token ...} revokes a token.
 * </ul>
 *
 * <p>All paths sit below an optional base path, to test Studio instances served under a prefix.
 * The URLs in its answers use the host name the client asked for (its {@code Host} header), as a
 * web framework behind a proxy would, so a client that reached it by another name keeps that name.
 * {@link #startHttps} serves the same over TLS. Every method is thread-safe.
 */
public final class FakeStudio implements AutoCloseable {

    static final String DEVICE_LOGIN = "/api/device-login";
    static final String TOKEN = "/api/device-login/token";
    static final String DEVICE_LOGOUT = "/api/device-logout";
    static final String VERIFICATION = "/auth/device-login";
    static final String APPROVE = "/auth/device-login/approve";
    private static final int MAX_REQUEST_BYTES = 1024 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServer server;
    private final ExecutorService executor;
    private final String basePath;
    private final String scheme;
    private final Clock clock;

    private final List<RecordedRequest> requests = new ArrayList<>();
    private final Map<String, Session> sessionsByDeviceCode = new LinkedHashMap<>();
    private final Deque<StudioAnswer> deviceLoginAnswers = new ArrayDeque<>();
    private final Deque<StudioAnswer> pollAnswers = new ArrayDeque<>();
    private final Deque<StudioAnswer> logoutAnswers = new ArrayDeque<>();
    private final List<String> revokedTokens = new ArrayList<>();
    private final List<String> issuedTokens = new ArrayList<>();

    private boolean autoApprove;
    private int approveAfterPolls = -1;
    private Double interval;
    private Duration codeLifetime = Duration.ofMinutes(15);
    private String nextAccessToken;
    private int logoutStatus = 200;
    private Consumer<String> events = event -> {};

    /** One login in progress. */
    private static final class Session {
        final String userCode;
        final String deviceCode;
        final String tokenName;
        final Instant expiresAt;
        boolean approved;
        int polls;
        String token;

        Session(String userCode, String deviceCode, String tokenName, Instant expiresAt) {
            this.userCode = userCode;
            this.deviceCode = deviceCode;
            this.tokenName = tokenName;
            this.expiresAt = expiresAt;
        }
    }

    private FakeStudio(int port, String basePath, Clock clock, SSLContext tls) throws IOException {
        this.basePath = basePath;
        this.clock = clock;
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        if (tls == null) {
            this.scheme = "http";
            this.server = HttpServer.create(address, 0);
        } else {
            this.scheme = "https";
            HttpsServer https = HttpsServer.create(address, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            this.server = https;
        }
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fake-studio");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext(basePath.isEmpty() ? "/" : basePath, this::handle);
        server.start();
    }

    /**
     * Starts on a free port of 127.0.0.1.
     *
     * @return the running stand-in; close it when done
     */
    public static FakeStudio start() {
        return start(0, "");
    }

    /**
     * Starts on 127.0.0.1.
     *
     * @param port the port, 0 for any free one
     * @param basePath a prefix for every path, e.g. {@code /studio}, or empty
     *
     * @return the running stand-in; close it when done
     * @throws IllegalArgumentException when the base path does not start with {@code /}
     */
    public static FakeStudio start(int port, String basePath) {
        return start(port, basePath, null);
    }

    /**
     * Starts on a free port of 127.0.0.1, serving HTTPS with the certificate of {@code certificate},
     * which clients trust only when told to (e.g. through its {@link SelfSignedCertificate#pemFile()}).
     *
     * @param certificate the server's certificate and key
     * @return the running stand-in; close it when done
     */
    public static FakeStudio startHttps(SelfSignedCertificate certificate) {
        return start(0, "", certificate.serverContext());
    }

    private static FakeStudio start(int port, String basePath, SSLContext tls) {
        String prefix = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
        if (!prefix.isEmpty() && !prefix.startsWith("/")) {
            throw new IllegalArgumentException("base path must start with '/': " + basePath);
        }
        try {
            return new FakeStudio(port, prefix, Clock.systemUTC(), tls);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Studio stand-in on port " + port, e);
        }
    }

    /**
     * The base URL to log in to, e.g. {@code http://127.0.0.1:40123} (plus the base path).
     *
     * @return the URL, without a trailing {@code /}
     */
    public String url() {
        return url("127.0.0.1");
    }

    /**
     * The base URL under another host name that leads here, e.g. {@code https://studio.invalid:40123}
     * for a client whose proxy maps that name to this stand-in.
     *
     * @param hostName the host name to put in the URL
     * @return the URL, without a trailing {@code /}
     */
    public String url(String hostName) {
        return scheme + "://" + hostName + ":" + port() + basePath;
    }

    /**
     * The port, useful when it was started on a free one.
     *
     * @return the port it listens on
     */
    public int port() {
        return server.getAddress().getPort();
    }

    // ---- behaviour ----

    /**
     * Approves every login as soon as it starts, as if the user clicked at once.
     *
     * @param autoApprove true to approve at once; false leaves logins pending until {@link #approve}
     * @return this stand-in
     */
    public synchronized FakeStudio autoApprove(boolean autoApprove) {
        this.autoApprove = autoApprove;
        return this;
    }

    /**
     * Answers {@code authorization_pending} to the first {@code polls} polls of each login, then approves.
     *
     * @param polls how many polls to keep pending
     * @return this stand-in
     */
    public synchronized FakeStudio approveAfterPolls(int polls) {
        this.approveAfterPolls = polls;
        return this;
    }

    /**
     * Sends {@code interval} (seconds) in the device-login answer; null sends none, like Studio today.
     *
     * @param seconds the interval, or null
     * @return this stand-in
     */
    public synchronized FakeStudio interval(Double seconds) {
        this.interval = seconds;
        return this;
    }

    /**
     * How long codes live: sent as {@code expires_in} and enforced on polls.
     *
     * @param lifetime how long a code lives
     * @return this stand-in
     */
    public synchronized FakeStudio codeLifetime(Duration lifetime) {
        this.codeLifetime = lifetime;
        return this;
    }

    /**
     * The token the next approved login receives (by default a random {@code isat_...}).
     *
     * @param token the token
     * @return this stand-in
     */
    public synchronized FakeStudio nextAccessToken(String token) {
        this.nextAccessToken = token;
        return this;
    }

    /**
     * Status of {@code /api/device-logout} when nothing is scripted: 200 revokes, 401, 500...
     *
     * @param status the HTTP status
     * @return this stand-in
     */
    public synchronized FakeStudio logoutStatus(int status) {
        this.logoutStatus = status;
        return this;
    }

    /**
     * Answers for the next device-login requests, in order, before normal behaviour resumes.
     *
     * @param answers one per request, in order
     * @return this stand-in
     */
    public synchronized FakeStudio scriptDeviceLogin(StudioAnswer... answers) {
        deviceLoginAnswers.addAll(List.of(answers));
        return this;
    }

    /**
     * Answers for the next token polls, in order, before normal behaviour resumes.
     *
     * @param answers one per poll, in order
     * @return this stand-in
     */
    public synchronized FakeStudio scriptPolls(StudioAnswer... answers) {
        pollAnswers.addAll(List.of(answers));
        return this;
    }

    /**
     * Answers for the next logout requests, in order.
     *
     * @param answers one per request, in order
     * @return this stand-in
     */
    public synchronized FakeStudio scriptLogout(StudioAnswer... answers) {
        logoutAnswers.addAll(List.of(answers));
        return this;
    }

    /**
     * Receives one line per event (login started, approved, token issued, revoked); never secrets.
     *
     * @param listener gets each line
     * @return this stand-in
     */
    public synchronized FakeStudio onEvent(Consumer<String> listener) {
        this.events = listener;
        return this;
    }

    /**
     * Approves the login with this user code, as the button on the approval page does.
     *
     * @param userCode the code the user would type, in any case
     * @return true when a login with that code was found
     */
    public synchronized boolean approve(String userCode) {
        for (Session session : sessionsByDeviceCode.values()) {
            if (session.userCode.equalsIgnoreCase(userCode.strip())) {
                session.approved = true;
                events.accept("approved login " + session.userCode);
                return true;
            }
        }
        return false;
    }

    // ---- observation ----

    /**
     * Every request received, in order.
     *
     * @return a copy
     */
    public synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /**
     * The JSON bodies of the device-login requests, as sent.
     *
     * @return the bodies, in order
     */
    public synchronized List<String> deviceLoginBodies() {
        return bodiesOf(DEVICE_LOGIN);
    }

    /**
     * The bodies of the token polls, as sent.
     *
     * @return the bodies, in order
     */
    public synchronized List<String> pollBodies() {
        return bodiesOf(TOKEN);
    }

    /**
     * Tokens revoked through {@code /api/device-logout}.
     *
     * @return the tokens, in order
     */
    public synchronized List<String> revokedTokens() {
        return List.copyOf(revokedTokens);
    }

    /**
     * Tokens handed out to approved logins.
     *
     * @return the tokens, in order
     */
    public synchronized List<String> issuedTokens() {
        return List.copyOf(issuedTokens);
    }

    /**
     * The user code of the latest login, if any.
     *
     * @return the code, or empty before the first login
     */
    public synchronized Optional<String> lastUserCode() {
        return sessionsByDeviceCode.values().stream().reduce((first, second) -> second).map(s -> s.userCode);
    }

    /**
     * The token name of the latest login: the requested one, or the random one Studio picked.
     *
     * @return the name, or empty before the first login
     */
    public synchronized Optional<String> lastTokenName() {
        return sessionsByDeviceCode.values().stream().reduce((first, second) -> second).map(s -> s.tokenName);
    }

    /**
     * The device code of the latest login, if any (to check a client never prints it).
     *
     * @return the code, or empty before the first login
     */
    public synchronized Optional<String> lastDeviceCode() {
        return sessionsByDeviceCode.values().stream().reduce((first, second) -> second).map(s -> s.deviceCode);
    }

    private List<String> bodiesOf(String path) {
        return requests.stream().filter(r -> r.path().equals(basePath + path)).map(RecordedRequest::body).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- HTTP ----

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = readBody(exchange);
            String fullPath = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            record(exchange, fullPath + (query == null ? "" : "?" + query), body);
            String path = fullPath.substring(basePath.length());
            String method = exchange.getRequestMethod();
            if (method.equals("POST") && path.equals(DEVICE_LOGIN)) {
                if (!scripted(deviceLoginAnswers, exchange)) {
                    startLogin(exchange, body);
                }
            } else if (method.equals("POST") && path.equals(TOKEN)) {
                if (!scripted(pollAnswers, exchange)) {
                    poll(exchange, body);
                }
            } else if (method.equals("POST") && path.equals(DEVICE_LOGOUT)) {
                if (!scripted(logoutAnswers, exchange)) {
                    logout(exchange);
                }
            } else if (method.equals("GET") && path.equals(VERIFICATION)) {
                approvalPage(exchange, formValue(query, "code").orElse(""));
            } else if (method.equals("POST") && path.equals(APPROVE)) {
                String code = formValue(body, "code").or(() -> formValue(query, "code")).orElse("");
                approvedPage(exchange, code);
            } else {
                sendJson(exchange, 404, "{\"detail\": \"Not found\"}");
            }
        }
    }

    private boolean scripted(Deque<StudioAnswer> answers, HttpExchange exchange) throws IOException {
        StudioAnswer answer;
        synchronized (this) {
            answer = answers.poll();
        }
        return answer != null && answer.answer(exchange);
    }

    private synchronized void record(HttpExchange exchange, String path, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                values.isEmpty() ? "" : values.get(0)));
        requests.add(new RecordedRequest(exchange.getRequestMethod(), path, headers, body));
    }

    /** This stand-in's base URL as the client named it. */
    private String advertisedUrl(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        return host == null || host.isBlank() ? url() : scheme + "://" + host + basePath;
    }

    private void startLogin(HttpExchange exchange, String body) throws IOException {
        JsonNode request;
        try {
            request = MAPPER.readTree(body);
        } catch (IOException e) {
            sendJson(exchange, 400, "{\"detail\": \"Request body is not JSON\"}");
            return;
        }
        if (request == null || !request.isObject() || !request.path("client_name").isTextual()) {
            sendJson(exchange, 400, "{\"detail\": \"client_name is required\"}");
            return;
        }
        ObjectNode answer = MAPPER.createObjectNode();
        String url = advertisedUrl(exchange);
        synchronized (this) {
            String tokenName = request.path("token_name").isTextual() ? request.get("token_name").asText()
                    : "token-" + hex(3);
            Session session = new Session(userCode(), hex(20), tokenName, clock.instant().plus(codeLifetime));
            session.approved = autoApprove;
            sessionsByDeviceCode.put(session.deviceCode, session);
            answer.put("verification_uri", url + VERIFICATION);
            answer.put("user_code", session.userCode);
            answer.put("device_code", session.deviceCode);
            answer.put("token_uri", url + TOKEN);
            answer.put("token_name", tokenName);
            answer.put("expires_in", codeLifetime.toSeconds());
            if (interval != null) {
                answer.put("interval", interval);
            }
            events.accept("login started: open " + url + VERIFICATION + "?code=" + session.userCode
                    + " (token name " + tokenName + ")");
        }
        sendJson(exchange, 200, answer.toString());
    }

    private void poll(HttpExchange exchange, String body) throws IOException {
        String deviceCode;
        try {
            deviceCode = MAPPER.readTree(body).path("code").asText("");
        } catch (IOException e) {
            deviceCode = "";
        }
        String answer;
        int status = 400;
        synchronized (this) {
            Session session = sessionsByDeviceCode.get(deviceCode);
            if (session == null) {
                answer = "{\"detail\": \"invalid_grant\"}";
            } else if (!clock.instant().isBefore(session.expiresAt)) {
                answer = "{\"detail\": \"authorization_expired\"}";
            } else {
                session.polls++;
                if (approveAfterPolls >= 0 && session.polls > approveAfterPolls) {
                    session.approved = true;
                }
                if (session.approved) {
                    if (session.token == null) {
                        session.token = nextAccessToken != null ? nextAccessToken : "isat_" + hex(16);
                        nextAccessToken = null;
                        issuedTokens.add(session.token);
                        events.accept("token issued for login " + session.userCode);
                    }
                    status = 200;
                    answer = MAPPER.createObjectNode().put("access_token", session.token).toString();
                } else {
                    answer = "{\"detail\": \"authorization_pending\"}";
                }
            }
        }
        sendJson(exchange, status, answer);
    }

    private void logout(HttpExchange exchange) throws IOException {
        String authorization = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")).orElse("");
        if (!authorization.startsWith("token ") || authorization.length() == "token ".length()) {
            sendJson(exchange, 401, "{\"detail\": \"Authentication credentials were not provided.\"}");
            return;
        }
        int status;
        synchronized (this) {
            status = logoutStatus;
            if (status == 200) {
                revokedTokens.add(authorization.substring("token ".length()));
                events.accept("token revoked");
            }
        }
        sendJson(exchange, status, status == 200 ? "{}" : status == 401
                ? "{\"detail\": \"Invalid token.\"}" : "{\"detail\": \"Server error\"}");
    }

    private void approvalPage(HttpExchange exchange, String userCode) throws IOException {
        String code = html(userCode);
        String page = "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>Studio stand-in: approve login"
                + "</title></head>\n<body style=\"font-family: sans-serif; max-width: 32em; margin: 3em auto\">\n"
                + "<h1>Approve device login</h1>\n<p>A <code>datachain</code> command is asking for a token."
                + " Check that it shows this code:</p>\n<p style=\"font-size: 2em; letter-spacing: .1em\"><code>"
                + code + "</code></p>\n<form method=\"post\" action=\"" + basePath + APPROVE + "\">\n"
                + "<input type=\"hidden\" name=\"code\" value=\"" + code + "\">\n"
                + "<button type=\"submit\">Approve</button>\n</form>\n</body></html>\n";
        StudioAnswer.send(exchange, 200, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }

    private void approvedPage(HttpExchange exchange, String userCode) throws IOException {
        boolean approved = approve(userCode);
        String page = "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>Studio stand-in</title></head>\n"
                + "<body style=\"font-family: sans-serif; max-width: 32em; margin: 3em auto\">\n"
                + (approved ? "<h1>Approved</h1>\n<p>Return to your terminal.</p>\n"
                        : "<h1>Unknown code</h1>\n<p>No login is waiting for code <code>" + html(userCode)
                                + "</code>.</p>\n")
                + "</body></html>\n";
        StudioAnswer.send(exchange, approved ? 200 : 404, "text/html; charset=utf-8",
                page.getBytes(StandardCharsets.UTF_8));
    }

    private static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
        StudioAnswer.send(exchange, status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static String readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readNBytes(MAX_REQUEST_BYTES), StandardCharsets.UTF_8);
        }
    }

    private static Optional<String> formValue(String form, String name) {
        if (form == null) {
            return Optional.empty();
        }
        for (String pair : form.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8).equals(name)) {
                return Optional.of(URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    private static String userCode() {
        String letters = "BCDFGHJKLMNPQRSTVWXZ";
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(letters.charAt(RANDOM.nextInt(letters.length())));
        }
        return code.toString();
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String quote(String text) {
        return MAPPER.getNodeFactory().textNode(text).toString();
    }
}
