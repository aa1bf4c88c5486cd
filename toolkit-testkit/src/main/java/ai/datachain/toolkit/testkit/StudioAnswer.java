package ai.datachain.toolkit.testkit;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * A scripted answer of the {@link FakeStudio}, used instead of its normal behaviour for one
 * request: an error, a fault, or a delay before the normal answer.
 */
public abstract class StudioAnswer {

    StudioAnswer() {}

    /**
     * Answers the exchange.
     *
     * @return true when the exchange was answered, false when the normal behaviour should follow
     */
    abstract boolean answer(HttpExchange exchange) throws IOException;

    /**
     * Any status with a JSON body.
     *
     * @param status the HTTP status
     * @param json the body
     * @return the answer
     */
    public static StudioAnswer json(int status, String json) {
        return body(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Studio's error shape: {@code {"detail": "..."}}.
     *
     * @param status the HTTP status
     * @param detail the message
     * @return the answer
     */
    public static StudioAnswer detail(int status, String detail) {
        return json(status, "{\"detail\": " + FakeStudio.quote(detail) + "}");
    }

    /**
     * RFC 8628's {@code slow_down}, without a new interval: the client adds five seconds.
     *
     * @return the answer, a 400
     */
    public static StudioAnswer slowDown() {
        return detail(400, "slow_down");
    }

    /**
     * {@code slow_down} naming the new interval in seconds, so tests need not wait five more.
     *
     * @param intervalSeconds the new interval
     * @return the answer, a 400
     */
    public static StudioAnswer slowDown(double intervalSeconds) {
        return json(400, "{\"detail\": \"slow_down\", \"interval\": " + intervalSeconds + "}");
    }

    /**
     * The device code ran out.
     *
     * @return the answer, a 400 with {@code authorization_expired}
     */
    public static StudioAnswer expired() {
        return detail(400, "authorization_expired");
    }

    /**
     * The user refused in the browser.
     *
     * @return the answer, a 400 with {@code access_denied}
     */
    public static StudioAnswer accessDenied() {
        return detail(400, "access_denied");
    }

    /**
     * A server error with an HTML body, like a proxy in front of a restarting Studio.
     *
     * @param status the HTTP status, e.g. 502
     * @return the answer
     */
    public static StudioAnswer serverError(int status) {
        return body(status, "text/html", ("<html><body><h1>" + status + "</h1></body></html>")
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A 200 whose body is not JSON.
     *
     * @return the answer
     */
    public static StudioAnswer garbage() {
        return body(200, "text/html", "<html>this is not Studio</html>".getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A 200 with a JSON body of {@code bytes} bytes, far more than any Studio answer.
     *
     * @param bytes the body's size
     * @return the answer
     */
    public static StudioAnswer oversized(int bytes) {
        byte[] body = new byte[bytes];
        Arrays.fill(body, (byte) 'a');
        byte[] prefix = "{\"access_token\": \"".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        body[bytes - 2] = '"';
        body[bytes - 1] = '}';
        return body(200, "application/json", body);
    }

    /**
     * A redirect elsewhere, which a Studio client must report rather than follow.
     *
     * @param status the HTTP status, e.g. 302
     * @param location the {@code Location} header
     * @return the answer
     */
    public static StudioAnswer redirect(int status, String location) {
        return new StudioAnswer() {
            @Override
            boolean answer(HttpExchange exchange) throws IOException {
                exchange.getResponseHeaders().set("Location", location);
                send(exchange, status, "text/html", "<html>moved</html>".getBytes(StandardCharsets.UTF_8));
                return true;
            }
        };
    }

    /**
     * Closes the connection without answering, as a crashing server or a reset would.
     *
     * @return the answer
     */
    public static StudioAnswer dropConnection() {
        return new StudioAnswer() {
            @Override
            boolean answer(HttpExchange exchange) {
                // Closing before any response header makes the server drop the connection.
                exchange.close();
                return true;
            }
        };
    }

    /**
     * Waits, then answers normally: a slow Studio.
     *
     * @param delay how long to wait
     * @return the answer
     */
    public static StudioAnswer delay(Duration delay) {
        return new StudioAnswer() {
            @Override
            boolean answer(HttpExchange exchange) {
                sleep(delay);
                return false;
            }
        };
    }

    /**
     * A 200 with a JSON body sent one byte at a time, {@code pause} apart: headers at once, the
     * answer only after {@code pause} times its length. A stalled server, as a client sees it.
     *
     * @param json the body
     * @param pause the pause after each byte
     * @return the answer
     */
    public static StudioAnswer trickle(String json, Duration pause) {
        return new StudioAnswer() {
            @Override
            boolean answer(HttpExchange exchange) throws IOException {
                byte[] body = json.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    for (byte b : body) {
                        out.write(b);
                        out.flush();
                        sleep(pause);
                    }
                } catch (IOException e) {
                    // The client gave up on it, as it should.
                }
                return true;
            }
        };
    }

    /**
     * Any status, content type and body.
     *
     * @param status the HTTP status
     * @param contentType the {@code Content-Type} header
     * @param body the body; none when empty
     * @return the answer
     */
    public static StudioAnswer body(int status, String contentType, byte[] body) {
        return new StudioAnswer() {
            @Override
            boolean answer(HttpExchange exchange) throws IOException {
                send(exchange, status, contentType, body);
                return true;
            }
        };
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        } catch (IOException e) {
            // The client may hang up on a large body; that is its right.
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
