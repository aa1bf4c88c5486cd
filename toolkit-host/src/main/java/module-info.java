/** The datachain executable: plugin loading, the command tree, parsing, dispatch, configuration. */
module ai.datachain.toolkit.host {
    requires ai.datachain.toolkit.api;
    requires io.smallrye.config;
    requires org.slf4j;
    // Carried for plugins, which use them as provided libraries from the image.
    requires com.fasterxml.jackson.databind;
    requires java.net.http;

    exports ai.datachain.toolkit.host;

    // PF4J and the libraries log through slf4j into the host's own stderr logger.
    provides org.slf4j.spi.SLF4JServiceProvider with ai.datachain.toolkit.host.logging.StderrLoggerProvider;
}
