package ai.datachain.toolkit.auth;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Waits between polls. On a terminal it keeps one live line on stderr, "Waiting for
 * authorization... 4:32 left", rewritten every second and erased when the wait is over; elsewhere
 * it just sleeps, so logs and pipes see only the messages. Ctrl-C ends the JVM without unwinding
 * this thread, so while the line is up a shutdown hook ends it, and the shell's prompt starts on a
 * line of its own instead of after "4:32 left".
 */
final class CountdownPause implements TokenPoller.Pause {

    private static final Duration TICK = Duration.ofSeconds(1);
    private static final String ERASE_LINE = "\r\033[K";

    private final Clock clock;
    private final PrintStream err;
    private final boolean live;
    private final Thread lineEnder = new Thread(this::endLine, "datachain-countdown-line");
    /** Read by the shutdown hook's thread. */
    private volatile boolean shown;
    private boolean hooked;

    CountdownPause(Clock clock, PrintStream err, boolean live) {
        this.clock = clock;
        this.err = err;
        this.live = live;
    }

    @Override
    public void pause(Duration duration, Instant deadline) throws InterruptedException {
        if (!live) {
            Thread.sleep(duration.toMillis());
            return;
        }
        Instant end = clock.instant().plus(duration);
        while (true) {
            Duration left = Duration.between(clock.instant(), end);
            if (left.isNegative() || left.isZero()) {
                return;
            }
            show(Duration.between(clock.instant(), deadline));
            Thread.sleep(Math.min(TICK.toMillis(), left.toMillis()));
        }
    }

    private void show(Duration untilDeadline) {
        err.print(ERASE_LINE + "Waiting for authorization... " + Durations.clock(untilDeadline) + " left");
        err.flush();
        shown = true;
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(lineEnder);
            hooked = true;
        }
    }

    /** At exit with the countdown still up (Ctrl-C, SIGTERM): finish its line. */
    private void endLine() {
        if (shown) {
            err.println();
            err.flush();
        }
    }

    /** Erases the countdown line, so what follows starts on a clean line. */
    void clear() {
        if (shown) {
            err.print(ERASE_LINE);
            err.flush();
            shown = false;
        }
        if (hooked) {
            try {
                Runtime.getRuntime().removeShutdownHook(lineEnder);
            } catch (IllegalStateException e) {
                // The JVM is already exiting: the hook runs and, the line being erased, prints nothing.
            }
            hooked = false;
        }
    }
}
