package ai.datachain.toolkit.host.config;

import ai.datachain.toolkit.api.config.ConfigLevel;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One level's file as a configuration source. The file is read and parsed the first time a value
 * is asked for, and again after {@link #reload()}.
 */
final class FileLayerSource implements LayerSource {

    private final ConfigLevel level;
    private final Path file;
    private final int ordinal;
    private final ConfigFileReader reader;
    private Map<String, String> properties;

    FileLayerSource(ConfigLevel level, Path file, int ordinal, ConfigFileReader reader) {
        this.level = level;
        this.file = file;
        this.ordinal = ordinal;
        this.reader = reader;
    }

    /** Forgets what was read, so the next value comes from the file as it is now. */
    synchronized void reload() {
        properties = null;
    }

    private synchronized Map<String, String> properties() {
        if (properties == null) {
            properties = DocumentProperties.of(reader.read(file));
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
        return layer() + ":" + file;
    }

    @Override
    public int getOrdinal() {
        return ordinal;
    }

    @Override
    public String layer() {
        return level.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String location(String key) {
        return file.toString();
    }
}
