package ai.datachain.toolkit.auth;

import ai.datachain.toolkit.api.config.ConfigLevel;
import ai.datachain.toolkit.api.config.Settings;
import ai.datachain.toolkit.api.config.SettingsChange;
import ai.datachain.toolkit.api.config.ValueOrigin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.configuration2.BaseHierarchicalConfiguration;
import org.apache.commons.configuration2.ImmutableHierarchicalConfiguration;

/** Settings held in memory, one document per level, counting the edits. */
final class InMemorySettings implements Settings {

    private final Map<ConfigLevel, BaseHierarchicalConfiguration> files = new EnumMap<>(ConfigLevel.class);
    final List<ConfigLevel> edits = new ArrayList<>();

    InMemorySettings() {
        for (ConfigLevel level : ConfigLevel.values()) {
            files.put(level, new BaseHierarchicalConfiguration());
        }
    }

    InMemorySettings set(ConfigLevel level, String key, Object value) {
        files.get(level).setProperty(key, value);
        return this;
    }

    BaseHierarchicalConfiguration file(ConfigLevel level) {
        return files.get(level);
    }

    /** The keys of a level in file order, for checking where our keys land. */
    List<String> keys(ConfigLevel level) {
        List<String> keys = new ArrayList<>();
        files.get(level).getKeys().forEachRemaining(keys::add);
        return keys;
    }

    @Override
    public Path location(ConfigLevel level) {
        return Path.of("/config", level.name().toLowerCase(java.util.Locale.ROOT), "config");
    }

    @Override
    public ImmutableHierarchicalConfiguration read(ConfigLevel level) {
        return new BaseHierarchicalConfiguration(files.get(level));
    }

    @Override
    public Path edit(ConfigLevel level, SettingsChange change) {
        BaseHierarchicalConfiguration copy = new BaseHierarchicalConfiguration(files.get(level));
        change.apply(copy);
        files.put(level, copy);
        edits.add(level);
        return location(level);
    }

    @Override
    public Optional<ValueOrigin> origin(String key) {
        for (ConfigLevel level : List.of(ConfigLevel.LOCAL, ConfigLevel.GLOBAL, ConfigLevel.SYSTEM,
                ConfigLevel.DEFAULTS)) {
            String value = files.get(level).getString(key, null);
            if (value != null) {
                return Optional.of(new ValueOrigin(level.name().toLowerCase(java.util.Locale.ROOT),
                        location(level).toString(), value));
            }
        }
        return Optional.empty();
    }

    /** The merged view the host would build: local over global over system over defaults, env on top. */
    MapConfig view(Map<String, String> environmentOverrides) {
        Map<String, String> values = new java.util.HashMap<>();
        for (ConfigLevel level : ConfigLevel.values()) {
            files.get(level).getKeys().forEachRemaining(key -> values.put(key, files.get(level).getString(key)));
        }
        values.putAll(environmentOverrides);
        return new MapConfig(values);
    }
}
