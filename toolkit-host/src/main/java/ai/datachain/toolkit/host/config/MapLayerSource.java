package ai.datachain.toolkit.host.config;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A layer whose values are all known when it is built (environment variables, system
 * properties): a sorted map of settings, named after its layer.
 */
abstract class MapLayerSource implements LayerSource {

    private final String layer;
    private final int ordinal;
    private final Map<String, String> values = new TreeMap<>();

    MapLayerSource(String layer, int ordinal) {
        this.layer = layer;
        this.ordinal = ordinal;
    }

    /** Adds one setting while the subclass is being built. */
    final void put(String key, String value) {
        values.put(key, value);
    }

    @Override
    public final Map<String, String> getProperties() {
        return Map.copyOf(values);
    }

    @Override
    public final Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public final String getValue(String propertyName) {
        return values.get(propertyName);
    }

    @Override
    public final String getName() {
        return layer;
    }

    @Override
    public final int getOrdinal() {
        return ordinal;
    }

    @Override
    public final String layer() {
        return layer;
    }
}
