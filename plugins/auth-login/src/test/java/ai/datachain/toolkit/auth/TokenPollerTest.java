package ai.datachain.toolkit.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenPollerTest {

    private static final Instant START = Instant.parse("2026-11-28T10:00:00Z");
    private static final Duration FIVE = Duration.ofSeconds(5);

    private final FakeClock clock = new FakeClock();
    private final List<Duration> pauses = new ArrayList<>();
    private final Deque<Object> answers = new ArrayDeque<>();
    private int polls;
    private final TokenPoller poller = new TokenPoller(clock, (duration, deadline) -> {
        pauses.add(duration);
        clock.now = clock.now.plus(duration);
    }, new ObjectMapper(), new RecordingConsole());

    @Test
    void pollsAtOnceThenEveryIntervalUntilTheTokenComes() throws Exception {
        answers.add(pending());
        answers.add(pending());
        answers.add(json(200, "{\"access_token\": \"isat_x\"}"));

        assertThat(await(FIVE, Duration.ofMinutes(15))).isEqualTo("isat_x");
        assertThat(polls).isEqualTo(3);
        assertThat(pauses).containsExactly(FIVE, FIVE);
    }

    @Test
    void slowDownAddsFiveSecondsToEveryLaterWait() throws Exception {
        answers.add(json(400, "{\"detail\": \"slow_down\"}"));
        answers.add(pending());
        answers.add(json(400, "{\"detail\": \"slow_down\"}"));
        answers.add(json(200, "{\"access_token\": \"isat_x\"}"));

        await(FIVE, Duration.ofMinutes(15));
        assertThat(pauses).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(15));
    }

    @Test
    void slowDownWithAnIntervalUsesThatInterval() throws Exception {
        answers.add(json(400, "{\"detail\": \"slow_down\", \"interval\": 2.5}"));
        answers.add(pending());
        answers.add(json(200, "{\"access_token\": \"isat_x\"}"));

        await(FIVE, Duration.ofMinutes(1));
        assertThat(pauses).containsExactly(Duration.ofMillis(2500), Duration.ofMillis(2500));
    }

    @Test
    void noTwoPollsComeLessThanASecondApartWhateverStudioAsks() throws Exception {
        answers.add(pending());
        answers.add(json(400, "{\"detail\": \"slow_down\", \"interval\": 1e-9}"));
        answers.add(pending());
        answers.add(json(200, "{\"access_token\": \"isat_x\"}"));

        await(Duration.ofNanos(1), Duration.ofMinutes(1));
        assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void aTokenWithInvisibleOrControlCharactersIsRefusedWithoutBeingShown() {
        answers.add(json(200, "{\"access_token\": \"isat_\\u200bhidden\"}"));

        assertThatThrownBy(() -> await(FIVE, Duration.ofMinutes(1)))
                .hasMessage("Studio sent an access_token that is not a token (it contains invisible, control or"
                        + " space characters); nothing was saved");
    }

    @Test
    void expiredCodeEndsWithTheReferenceMessage() {
        answers.add(pending());
        answers.add(json(400, "{\"detail\": \"authorization_expired\"}"));

        assertThatThrownBy(() -> await(FIVE, Duration.ofMinutes(15))).isInstanceOf(LoginFailure.class)
                .hasMessage("Failed to authenticate with Studio: failed to authenticate: This 'device_code' has"
                        + " expired.");
    }

    @Test
    void otherClientErrorsEndWithTheServersDetail() {
        answers.add(json(400, "{\"detail\": \"invalid_grant\"}"));
        assertThatThrownBy(() -> await(FIVE, Duration.ofMinutes(15)))
                .hasMessage("Failed to authenticate with Studio: Studio answered HTTP 400: invalid_grant");

        answers.add(new StudioResponse(403, "text/html", "<html>".getBytes(StandardCharsets.UTF_8), false));
        assertThatThrownBy(() -> await(FIVE, Duration.ofMinutes(15)))
                .hasMessage("Failed to authenticate with Studio: Studio answered HTTP 403");
    }

    @Test
    void aDeniedLoginAndAnExpiredTokenHaveTheirOwnMessages() {
        answers.add(json(400, "{\"detail\": \"access_denied\"}"));
        assertThatThrownBy(() -> await(FIVE, Duration.ofMinutes(15))).hasMessage("Failed to authenticate with Studio:"
                + " the login was denied in Studio (access_denied). Run 'datachain auth login' to try again.");

        answers.add(json(400, "{\"detail\": \"expired_token\"}"));
        assertThatThrownBy(() -> await(FIVE, Duration.ofMinutes(15)))
                .hasMessage("Failed to authenticate with Studio: failed to authenticate: This 'device_code' has expired.");
    }

    @Test
    void aRedirectIsReportedNotFollowed() {
        answers.add(new StudioResponse(302, "text/html", new byte[0], false,
                java.util.Optional.of("https://login.example.com/")));
        assertThatThrownBy(() -> await(FIVE, Duration.ofMinutes(15))).hasMessage("Failed to authenticate with Studio:"
                + " Studio answered HTTP 302, a redirect to https://login.example.com/ (redirects are not followed;"
                + " check the Studio URL)");
        assertThat(polls).isEqualTo(1);
    }

    @Test
    void transientFailuresAreRetriedWithGrowingPauses() throws Exception {
        answers.add(new ConnectException());
        answers.add(json(503, "{}"));
        answers.add(new HttpTimeoutException("request timed out"));
        answers.add(pending());
        answers.add(json(200, "{\"access_token\": \"isat_x\"}"));

        assertThat(await(FIVE, Duration.ofMinutes(15))).isEqualTo("isat_x");
        assertThat(pauses).containsExactly(FIVE, Duration.ofSeconds(10), Duration.ofSeconds(20), FIVE);
    }

    @Test
    void backoffStopsGrowingAtTheCap() {
        assertThat(TokenPoller.backoff(FIVE, 1)).isEqualTo(FIVE);
        assertThat(TokenPoller.backoff(FIVE, 4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(TokenPoller.backoff(FIVE, 5)).isEqualTo(Duration.ofSeconds(60));
        assertThat(TokenPoller.backoff(FIVE, 50)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void theDeadlineBoundsTheWaitAndGetsOneLastPoll() {
        for (int i = 0; i < 10; i++) {
            answers.add(pending());
        }
        assertThatThrownBy(() -> await(FIVE, Duration.ofSeconds(12))).isInstanceOf(LoginFailure.class)
                .hasMessage("Failed to authenticate with Studio: the login was not approved within 12 seconds."
                        + " Run 'datachain auth login' to try again.");
        assertThat(pauses).containsExactly(FIVE, FIVE, Duration.ofSeconds(2));
        assertThat(polls).isEqualTo(4);
    }

    @Test
    void aDeadlineReachedWhileStudioIsDownNamesTheLastError() {
        for (int i = 0; i < 10; i++) {
            answers.add(new ConnectException());
        }
        assertThatThrownBy(() -> await(FIVE, Duration.ofMinutes(2)))
                .hasMessage("Failed to authenticate with Studio: the login was not approved within 2 minutes"
                        + " while Studio could not be reached (last error: connection refused). Run 'datachain"
                        + " auth login' to try again.");
    }

    @Test
    void aSuccessWithoutTokenOrWithGarbageIsACleanError() {
        answers.add(json(200, "{\"token\": \"x\"}"));
        assertThatThrownBy(() -> await(FIVE, Duration.ofMinutes(1))).isInstanceOf(StudioResponseException.class)
                .hasMessage("Studio's answer has no access_token");

        answers.add(new StudioResponse(200, "text/html", "<html/>".getBytes(StandardCharsets.UTF_8), false));
        assertThatThrownBy(() -> await(FIVE, Duration.ofMinutes(1)))
                .hasMessage("Studio's answer (HTTP 200, text/html) is not JSON");

        answers.add(new StudioResponse(200, "application/json", new byte[10], true));
        assertThatThrownBy(() -> await(FIVE, Duration.ofMinutes(1)))
                .hasMessage("Studio's answer (HTTP 200) is larger than 64 KiB");
    }

    private String await(Duration interval, Duration lifetime) throws InterruptedException {
        clock.now = START;
        pauses.clear();
        polls = 0;
        return poller.await(() -> {
            polls++;
            Object answer = answers.poll();
            if (answer instanceof IOException e) {
                throw e;
            }
            return (StudioResponse) answer;
        }, interval, START.plus(lifetime), lifetime);
    }

    private static StudioResponse pending() {
        return json(400, "{\"detail\": \"authorization_pending\"}");
    }

    private static StudioResponse json(int status, String body) {
        return new StudioResponse(status, "application/json", body.getBytes(StandardCharsets.UTF_8), false);
    }

    /** A clock the pauses move forward. */
    private static final class FakeClock extends Clock {
        Instant now = START;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
