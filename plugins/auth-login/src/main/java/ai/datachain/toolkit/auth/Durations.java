package ai.datachain.toolkit.auth;

import java.time.Duration;

/** Durations in words for messages: "15 minutes", "90 seconds", "0.5 seconds". */
final class Durations {

    private Durations() {}

    static String describe(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 60_000 == 0 && millis >= 120_000) {
            return millis / 60_000 + " minutes";
        }
        if (millis == 60_000) {
            return "1 minute";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + (millis == 1000 ? " second" : " seconds");
        }
        return String.format(java.util.Locale.ROOT, "%.1f seconds", millis / 1000.0);
    }

    /** A countdown clock: "4:32", "0:07". */
    static String clock(Duration remaining) {
        long seconds = Math.max(0, (remaining.toMillis() + 999) / 1000);
        return seconds / 60 + ":" + String.format(java.util.Locale.ROOT, "%02d", seconds % 60);
    }
}
