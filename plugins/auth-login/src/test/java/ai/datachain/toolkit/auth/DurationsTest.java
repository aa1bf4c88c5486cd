package ai.datachain.toolkit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void describesDurationsInWords() {
        assertThat(Durations.describe(Duration.ofMinutes(15))).isEqualTo("15 minutes");
        assertThat(Durations.describe(Duration.ofMinutes(1))).isEqualTo("1 minute");
        assertThat(Durations.describe(Duration.ofSeconds(90))).isEqualTo("90 seconds");
        assertThat(Durations.describe(Duration.ofSeconds(1))).isEqualTo("1 second");
        assertThat(Durations.describe(Duration.ofMillis(500))).isEqualTo("0.5 seconds");
    }

    @Test
    void countdownClockRoundsUp() {
        assertThat(Durations.clock(Duration.ofSeconds(272))).isEqualTo("4:32");
        assertThat(Durations.clock(Duration.ofMillis(6100))).isEqualTo("0:07");
        assertThat(Durations.clock(Duration.ofSeconds(-3))).isEqualTo("0:00");
    }

    @Test
    void daysLeftReadsNaturally() {
        LocalDate today = LocalDate.of(2026, 11, 28);
        assertThat(StatusCommand.daysLeft(today.plusDays(365), today)).isEqualTo("365 days left");
        assertThat(StatusCommand.daysLeft(today.plusDays(1), today)).isEqualTo("1 day left");
        assertThat(StatusCommand.daysLeft(today, today)).isEqualTo("expires today");
        assertThat(StatusCommand.daysLeft(today.minusDays(3), today)).isEqualTo("expired 3 days ago");
    }
}
