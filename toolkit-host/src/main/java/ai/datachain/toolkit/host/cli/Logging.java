package ai.datachain.toolkit.host.cli;

/**
 * Sets the level of the slf4j-simple binding that PF4J and libraries log through: silent
 * normally, informative with {@code -v}, everything with {@code -vv}. Only the first setting
 * before a logger is created takes effect, which is why the root flags set it first.
 */
final class Logging {

    private static final String LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    private Logging() {}

    static void configure(int verbosity) {
        String level = verbosity >= 2 ? "debug" : verbosity == 1 ? "info" : "off";
        System.setProperty(LEVEL_PROPERTY, level);
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    }
}
