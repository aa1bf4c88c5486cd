package ai.datachain.toolkit.host.config;

import ai.datachain.toolkit.api.config.Layer;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A layer whose values are all known when it is built (environment variables, system
 * properties): a sorted map of settings, named after its layer.
 */
abstract class MapLayerSource implements LayerSource {

    private final Layer layer;
    private final Map<String, String> values = new TreeMap<>();

    MapLayerSource(Layer layer) {
        this.layer = layer;
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
        return layer.label();
    }

    @Override
    public final int getOrdinal() {
        return Precedence.ordinal(layer);
    }

    @Override
    public final Layer layer() {
        return layer;
    }
}
