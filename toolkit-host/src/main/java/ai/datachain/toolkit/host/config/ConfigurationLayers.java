package ai.datachain.toolkit.host.config;

import ai.datachain.toolkit.api.Environment;
import ai.datachain.toolkit.api.config.ConfigFormat;
import ai.datachain.toolkit.api.config.Settings;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/** Builds the configuration of one invocation from the files and the environment. */
public final class ConfigurationLayers {

    private ConfigurationLayers() {}

    public static Configuration load(Environment environment, Path imageHome, List<ConfigFormat> formats) {
        Config view = new SmallRyeConfigBuilder().build();
        return new Configuration() {
            @Override
            public Config view() {
                return view;
            }

            @Override
            public Settings settings() {
                throw new IllegalStateException("configuration files are not wired yet");
            }
        };
    }
}
