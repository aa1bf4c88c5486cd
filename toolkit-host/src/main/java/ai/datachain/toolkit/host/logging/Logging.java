package ai.datachain.toolkit.host.logging;

import org.slf4j.event.Level;

/**
 * How much PF4J and the libraries log, through slf4j, on stderr: nothing normally, informative
 * with {@code -v}, everything with {@code -vv}. Set first from the root flags, before any plugin
 * loads, then again from the whole command line once it is parsed; loggers made in between follow
 * the second setting too (see {@link StderrLogger}).
 */
public final class Logging {

    /**
     * SmallRye Config logs through JBoss Logging, which otherwise looks for several logging
     * frameworks and settles on java.util.logging: starting its LogManager costs about 10 ms of
     * every run that reads configuration. Pointed at slf4j, it logs where everything else does.
     */
    private static final String JBOSS_PROVIDER_PROPERTY = "org.jboss.logging.provider";

    private Logging() {}

    /** Applies {@code verbosity} (count of {@code -v} minus count of {@code -q}) to every logger, made or to be made. */
    public static void configure(int verbosity) {
        if (System.getProperty(JBOSS_PROVIDER_PROPERTY) == null) {
            System.setProperty(JBOSS_PROVIDER_PROPERTY, "slf4j");
        }
        StderrLogger.threshold(verbosity >= 2 ? Level.DEBUG : verbosity == 1 ? Level.INFO : null);
    }
}
