package ai.datachain.toolkit.host.config;

import ai.datachain.toolkit.api.Environment;
import ai.datachain.toolkit.api.config.ConfigFormat;
import ai.datachain.toolkit.api.config.ConfigLevel;
import ai.datachain.toolkit.api.config.Settings;
import ai.datachain.toolkit.api.config.Layer;
import ai.datachain.toolkit.api.config.SettingValue;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The configuration of one invocation: one source per layer ({@link Precedence} orders them and
 * resolves every query), with SmallRye Config as the typed view over the same sources. Files are
 * parsed when a value is first needed; text values are looked up without building SmallRye
 * Config ({@link TextLookupConfig}); after an edit the view is rebuilt on its next use.
 */
public final class ConfigurationLayers implements Configuration {

    private final Map<ConfigLevel, FileLayerSource> files = new EnumMap<>(ConfigLevel.class);
    private final Precedence precedence;
    private final Settings settings;
    private final Config view;
    private Config smallRye;

    ConfigurationLayers(ConfigLocations locations, ConfigFileReader reader, EnvironmentSource environment,
            SystemPropertiesSource systemProperties) {
        for (ConfigLevel level : ConfigLevel.values()) {
            files.put(level, new FileLayerSource(level, locations.file(level), reader));
        }
        List<LayerSource> sources = new ArrayList<>(files.values());
        sources.add(environment);
        sources.add(systemProperties);
        precedence = new Precedence(sources);
        settings = new FileSettings(locations, reader, this::changed, precedence::value);
        view = new TextLookupConfig(key -> precedence.value(key, Layer.ALL).map(SettingValue::value), this::smallRye);
    }

    public static Configuration load(Environment environment, Path imageHome, List<ConfigFormat> formats) {
        return new ConfigurationLayers(new ConfigLocations(environment, imageHome), new ConfigFileReader(formats),
                new EnvironmentSource(environment), SystemPropertiesSource.ofThisProcess());
    }

    @Override
    public Config view() {
        return view;
    }

    private synchronized Config smallRye() {
        if (smallRye == null) {
            smallRye = new SmallRyeConfigBuilder().withSources(precedence.sources().toArray(ConfigSource[]::new))
                    .build();
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
}
