package ai.datachain.toolkit.host.config;

import ai.datachain.toolkit.api.Environment;
import ai.datachain.toolkit.api.config.ConfigFormat;
import ai.datachain.toolkit.api.config.ConfigLevel;
import ai.datachain.toolkit.api.config.Settings;
import ai.datachain.toolkit.api.config.ValueOrigin;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The configuration of one invocation: one source per layer, merged by SmallRye Config. Lowest
 * to highest: image defaults, system, global, local, environment, system properties. Files are
 * parsed when a value is first needed; text values are looked up without building SmallRye
 * Config ({@link TextLookupConfig}); after an edit the view is rebuilt on its next use.
 */
public final class ConfigurationLayers implements Configuration {

    static final Map<ConfigLevel, Integer> FILE_ORDINALS = Map.of(ConfigLevel.DEFAULTS, 100, ConfigLevel.SYSTEM, 110,
            ConfigLevel.GLOBAL, 120, ConfigLevel.LOCAL, 130);
    static final int ENVIRONMENT_ORDINAL = 300;
    static final int SYSTEM_PROPERTIES_ORDINAL = 400;

    private final Map<ConfigLevel, FileLayerSource> files = new EnumMap<>(ConfigLevel.class);
    private final List<LayerSource> byPrecedence = new ArrayList<>();
    private final Settings settings;
    private final Config view;
    private Config smallRye;

    ConfigurationLayers(ConfigLocations locations, ConfigFileReader reader, EnvironmentSource environment,
            SystemPropertiesSource systemProperties) {
        for (ConfigLevel level : ConfigLevel.values()) {
            files.put(level, new FileLayerSource(level, locations.file(level), FILE_ORDINALS.get(level), reader));
        }
        byPrecedence.addAll(files.values());
        byPrecedence.add(environment);
        byPrecedence.add(systemProperties);
        byPrecedence.sort(Comparator.comparingInt(ConfigSource::getOrdinal).reversed());
        settings = new FileSettings(locations, reader, this::changed, this::origin);
        view = new TextLookupConfig(byPrecedence, this::smallRye);
    }

    public static Configuration load(Environment environment, Path imageHome, List<ConfigFormat> formats) {
        return new ConfigurationLayers(new ConfigLocations(environment, imageHome), new ConfigFileReader(formats),
                new EnvironmentSource(environment, ENVIRONMENT_ORDINAL),
                SystemPropertiesSource.ofThisProcess(SYSTEM_PROPERTIES_ORDINAL));
    }

    @Override
    public Config view() {
        return view;
    }

    private synchronized Config smallRye() {
        if (smallRye == null) {
            smallRye = new SmallRyeConfigBuilder().withSources(byPrecedence.toArray(ConfigSource[]::new)).build();
        }
        return smallRye;
    }

    @Override
    public Settings settings() {
        return settings;
    }

    private synchronized void changed(ConfigLevel level) {
        files.get(level).reload();
        smallRye = null;
    }

    private Optional<ValueOrigin> origin(String key) {
        for (LayerSource source : byPrecedence) {
            String value = source.getValue(key);
            if (value != null) {
                return Optional.of(new ValueOrigin(source.layer(), source.location(key), value));
            }
        }
        return Optional.empty();
    }
}
