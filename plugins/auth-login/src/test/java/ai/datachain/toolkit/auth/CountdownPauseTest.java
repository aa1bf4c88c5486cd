package ai.datachain.toolkit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CountdownPauseTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);

    @Test
    void onATerminalOneLineCountsDownAndIsErasedAfterwards() throws Exception {
        Clock clock = Clock.systemUTC();
        CountdownPause pause = new CountdownPause(clock, stream, true);

        pause.pause(Duration.ofMillis(30), clock.instant().plusSeconds(272));
        pause.clear();

        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("\r\033[KWaiting for authorization... 4:32 left\r\033[K");
    }

    @Test
    void elsewhereItOnlyWaits() throws Exception {
        CountdownPause pause = new CountdownPause(Clock.systemUTC(), stream, false);

        long started = System.nanoTime();
        pause.pause(Duration.ofMillis(30), Instant.now().plusSeconds(60));
        pause.clear();

        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(30_000_000L);
        assertThat(err.size()).isZero();
    }
}
