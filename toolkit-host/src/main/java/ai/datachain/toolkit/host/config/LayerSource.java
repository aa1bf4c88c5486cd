package ai.datachain.toolkit.host.config;

import ai.datachain.toolkit.api.config.Layer;
import org.eclipse.microprofile.config.spi.ConfigSource;

/** A configuration source that knows which layer it is and where a value of it lives. */
interface LayerSource extends ConfigSource {

    Layer layer();

    /** The file, variable or property that holds {@code key} in this layer. */
    String location(String key);
}
