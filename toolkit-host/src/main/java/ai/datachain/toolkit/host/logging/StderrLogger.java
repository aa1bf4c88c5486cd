package ai.datachain.toolkit.host.logging;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * One slf4j logger: a line on stderr, {@code [thread] LEVEL name - message}, for every event at or
 * above the one threshold all loggers share.
 *
 * <p>Written here rather than taken from slf4j-simple, because slf4j-simple fixes every logger's
 * level when the logger is made, and PF4J makes its loggers while the plugins load: before the
 * command, and so its own {@code -v} after the command word, can be parsed. Here the threshold
 * is read on every call.
 */
final class StderrLogger extends LegacyAbstractLogger {

    private static final long serialVersionUID = 1L;

    /** The lowest level printed, as {@link Level#toInt()}; above every level when off. */
    private static volatile int threshold = Integer.MAX_VALUE;

    StderrLogger(String name) {
        this.name = name;
    }

    /** Prints events at {@code level} and above from now on; nothing at all for null. */
    static void threshold(Level level) {
        threshold = level == null ? Integer.MAX_VALUE : level.toInt();
    }

    private static boolean enabled(Level level) {
        return level.toInt() >= threshold;
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return enabled(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
            Throwable throwable) {
        String line = "[" + Thread.currentThread().getName() + "] " + level + " " + name + " - "
                + MessageFormatter.basicArrayFormat(pattern, arguments);
        // System.err as it is now, so a test or an embedder that replaced it gets the lines.
        synchronized (System.err) {
            System.err.println(line);
            if (throwable != null) {
                throwable.printStackTrace(System.err);
            }
        }
    }
}
