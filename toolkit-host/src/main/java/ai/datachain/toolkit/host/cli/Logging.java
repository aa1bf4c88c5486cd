package ai.datachain.toolkit.host.cli;

/**
 * Sets the level of the slf4j-simple binding that PF4J and libraries log through: silent
 * normally, informative with {@code -v}, everything with {@code -vv}. Only the first setting
 * before a logger is created takes effect, which is why the root flags set it first.
 */
final class Logging {

    private static final String LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";
    /**
     * SmallRye Config logs through JBoss Logging, which otherwise looks for several logging
     * frameworks and settles on java.util.logging: starting its LogManager costs about 10 ms of
     * every run that reads configuration. Pointed at slf4j, it logs where everything else does.
     */
    private static final String JBOSS_PROVIDER_PROPERTY = "org.jboss.logging.provider";

    private Logging() {}

    static void configure(int verbosity) {
        String level = verbosity >= 2 ? "debug" : verbosity == 1 ? "info" : "off";
        System.setProperty(LEVEL_PROPERTY, level);
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        if (System.getProperty(JBOSS_PROVIDER_PROPERTY) == null) {
            System.setProperty(JBOSS_PROVIDER_PROPERTY, "slf4j");
        }
    }
}
