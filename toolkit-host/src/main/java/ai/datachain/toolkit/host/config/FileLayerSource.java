package ai.datachain.toolkit.host.config;

import ai.datachain.toolkit.api.config.ConfigLevel;
import ai.datachain.toolkit.api.config.Layer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One level's file as a configuration source. The file is read and parsed the first time a value
 * is asked for, and again after {@link #reload()}. A missing file is no values, without building
 * an empty document: most runs have no system or local file.
 */
final class FileLayerSource implements LayerSource {

    private final Layer layer;
    private final Path file;
    private final ConfigFileReader reader;
    private Map<String, String> properties;

    FileLayerSource(ConfigLevel level, Path file, ConfigFileReader reader) {
        this.layer = Layer.of(level);
        this.file = file;
        this.reader = reader;
    }

    /** Forgets what was read, so the next value comes from the file as it is now. */
    synchronized void reload() {
        properties = null;
    }

    private synchronized Map<String, String> properties() {
        if (properties == null) {
            Optional<byte[]> bytes = reader.bytes(file);
            properties = bytes.isPresent() ? DocumentProperties.of(reader.parse(file, bytes.get())) : Map.of();
        }
        return properties;
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.copyOf(properties());
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties().keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties().get(propertyName);
    }

    @Override
    public String getName() {
        return layer.label() + ":" + file;
    }

    @Override
    public int getOrdinal() {
        return Precedence.ordinal(layer);
    }

    @Override
    public Layer layer() {
        return layer;
    }

    @Override
    public String location(String key) {
        return file.toString();
    }
}
