/** The datachain executable: plugin loading, the command tree, parsing, dispatch, configuration. */
module ai.datachain.toolkit.host {
    requires ai.datachain.toolkit.api;
    requires io.smallrye.config;
    requires org.slf4j;
    // Carried for plugins, which use them as provided libraries from the image.
    requires com.fasterxml.jackson.databind;
    requires java.net.http;

    exports ai.datachain.toolkit.host;
}
