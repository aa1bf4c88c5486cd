package ai.datachain.toolkit.auth;

import ai.datachain.toolkit.api.Console;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Asks Studio for the token until the user approves, as RFC 8628 and the reference client do:
 * every interval while the answer is {@code authorization_pending}, five seconds slower after each
 * {@code slow_down}, never past the deadline. Transport failures and 5xx answers are retried with
 * growing pauses, because the user may be halfway through approving in the browser.
 */
final class TokenPoller {

    /** The reference client's fixed interval, used when Studio names none. */
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
    /** What RFC 8628 adds to the interval on {@code slow_down}. */
    static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);
    /** Studio's name for a code that ran out, and RFC 8628's. */
    static final java.util.Set<String> EXPIRED = java.util.Set.of("authorization_expired", "expired_token");
    /** The shortest pause between polls, whatever Studio asks for: a hostile answer must not make us flood. */
    static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    /** The longest pause between retries after failures. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    /** One poll of the token endpoint. */
    @FunctionalInterface
    interface Endpoint {
        StudioResponse poll() throws IOException, InterruptedException;
    }

    /** Waits between polls; the terminal implementation also shows the countdown. */
    @FunctionalInterface
    interface Pause {
        void pause(Duration duration, Instant deadline) throws InterruptedException;
    }

    private final Clock clock;
    private final Pause pause;
    private final ObjectMapper mapper;
    private final Console console;

    TokenPoller(Clock clock, Pause pause, ObjectMapper mapper, Console console) {
        this.clock = clock;
        this.pause = pause;
        this.mapper = mapper;
        this.console = console;
    }

    /**
     * Polls until Studio hands out the token.
     *
     * @param interval the pause between polls, from Studio or {@link #DEFAULT_INTERVAL}
     * @param deadline when the device code runs out
     * @return the access token
     * @throws LoginFailure when Studio refuses, the code expires or the deadline passes
     */
    String await(Endpoint endpoint, Duration interval, Instant deadline, Duration lifetime)
            throws InterruptedException {
        Duration wait = atLeastMinimum(interval);
        int failuresInARow = 0;
        String lastFailure = null;
        while (true) {
            Duration next;
            try {
                StudioResponse response = endpoint.poll();
                if (response.successful()) {
                    return accessToken(response);
                }
                if (isTransient(response.status())) {
                    failuresInARow++;
                    lastFailure = "HTTP " + response.status();
                    next = backoff(wait, failuresInARow);
                    console.debug("Studio answered HTTP " + response.status() + "; trying again in " + seconds(next));
                } else {
                    Optional<String> detail = response.detail(mapper);
                    String code = detail.orElse("");
                    if (response.status() == 400 && code.equals("authorization_pending")) {
                        failuresInARow = 0;
                        lastFailure = null;
                        next = wait;
                    } else if (response.status() == 400 && code.equals("slow_down")) {
                        failuresInARow = 0;
                        lastFailure = null;
                        wait = slowerInterval(wait, response);
                        next = wait;
                        console.debug("Studio asked to slow down; polling every " + seconds(wait));
                    } else if (response.status() == 400 && EXPIRED.contains(code)) {
                        throw new LoginFailure("failed to authenticate: This 'device_code' has expired.");
                    } else if (response.status() == 400 && code.equals("access_denied")) {
                        throw new LoginFailure("the login was denied in Studio (access_denied). Run 'datachain"
                                + " auth login' to try again.");
                    } else {
                        throw new LoginFailure("Studio answered " + response.describeError(mapper));
                    }
                }
            } catch (IOException e) {
                if (e instanceof TransportFailure failure && failure.needsSettingChange()) {
                    // A certificate or proxy setting will not fix itself while we wait.
                    throw new LoginFailure("could not reach Studio (" + failure.getMessage() + ")");
                }
                failuresInARow++;
                lastFailure = StudioConnection.describe(e);
                next = backoff(wait, failuresInARow);
                console.debug("could not reach Studio (" + lastFailure + "); trying again in " + seconds(next));
            }
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw expired(lifetime, lastFailure);
            }
            pause.pause(next.compareTo(left) < 0 ? next : left, deadline);
        }
    }

    private String accessToken(StudioResponse response) {
        JsonNode token = response.json(mapper).get("access_token");
        if (token == null || !token.isTextual() || token.asText().isBlank()) {
            throw new StudioResponseException("Studio's answer has no access_token");
        }
        AccessToken.problem(token.asText()).ifPresent(problem -> {
            throw new StudioResponseException("Studio sent an access_token that is not a token (" + problem
                    + "); nothing was saved");
        });
        return token.asText();
    }

    /** Server errors, time-outs and rate limits pass; Studio may be restarting. */
    private static boolean isTransient(int status) {
        return status >= 500 || status == 408 || status == 429;
    }

    /** Doubles from the interval with each failure in a row, up to {@link #MAX_BACKOFF}. */
    static Duration backoff(Duration interval, int failuresInARow) {
        Duration backoff = interval;
        for (int i = 1; i < failuresInARow && backoff.compareTo(MAX_BACKOFF) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        return backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
    }

    /**
     * The interval Studio names in its {@code slow_down} answer, if it names one; otherwise five
     * seconds more than now, as RFC 8628 asks.
     */
    private Duration slowerInterval(Duration current, StudioResponse response) {
        return atLeastMinimum(DeviceAuthorization.seconds(response.json(mapper), "interval")
                .orElse(current.plus(SLOW_DOWN_STEP)));
    }

    private static Duration atLeastMinimum(Duration interval) {
        return interval.compareTo(MIN_INTERVAL) < 0 ? MIN_INTERVAL : interval;
    }

    private static LoginFailure expired(Duration lifetime, String lastFailure) {
        String message = "the login was not approved within " + Durations.describe(lifetime)
                + ". Run 'datachain auth login' to try again.";
        if (lastFailure != null) {
            message = "the login was not approved within " + Durations.describe(lifetime)
                    + " while Studio could not be reached (last error: " + lastFailure
                    + "). Run 'datachain auth login' to try again.";
        }
        return new LoginFailure(message);
    }

    private static String seconds(Duration duration) {
        return Durations.describe(duration);
    }
}
