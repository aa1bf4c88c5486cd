package ai.datachain.toolkit.host.config;

import ai.datachain.toolkit.api.config.ConfigFormat;
import ai.datachain.toolkit.host.SystemEnvironment;
import ai.datachain.toolkit.toml.TomlFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A temporary machine for configuration tests: an image, a system directory, a home and a
 * project, each level pointed at by its variable, with the real TOML format.
 */
final class TestLayers {

    final Path image;
    final Path system;
    final Path global;
    final Path local;
    final Map<String, String> variables = new HashMap<>();
    final Map<String, String> properties = new HashMap<>();

    TestLayers(Path root) {
        image = root.resolve("image");
        system = root.resolve("etc");
        global = root.resolve("home/.config/datachain");
        local = root.resolve("project/.datachain");
        variables.put("DATACHAIN_SYSTEM_CONFIG_DIR", system.toString());
        variables.put("DATACHAIN_GLOBAL_CONFIG_DIR", global.toString());
        variables.put("DATACHAIN_DIR", local.toString());
    }

    ConfigurationLayers load() {
        return load(List.of(new TomlFormat()));
    }

    /** The same machine with no configuration format plugin loaded. */
    ConfigurationLayers loadWithoutFormats() {
        return load(List.of());
    }

    private ConfigurationLayers load(List<ConfigFormat> formats) {
        SystemEnvironment environment = new SystemEnvironment(variables, image.getParent().resolve("home"),
                image.getParent().resolve("project"));
        return new ConfigurationLayers(new ConfigLocations(environment, image), new ConfigFileReader(formats),
                new EnvironmentSource(environment), new SystemPropertiesSource(properties));
    }

    static void write(Path directory, String toml) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("config"), toml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path directory) {
        try {
            return Files.readString(directory.resolve("config"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
