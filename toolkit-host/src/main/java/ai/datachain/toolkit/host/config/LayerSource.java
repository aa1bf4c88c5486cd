package ai.datachain.toolkit.host.config;

import org.eclipse.microprofile.config.spi.ConfigSource;

/** A configuration source that knows which layer it is and where a value of it lives. */
interface LayerSource extends ConfigSource {

    /** {@code defaults}, {@code system}, {@code global}, {@code local}, {@code environment} or {@code system-properties}. */
    String layer();

    /** The file, variable or property that holds {@code key} in this layer. */
    String location(String key);
}
