package ai.datachain.toolkit.host.config;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * The MicroProfile Config view of the layers. A text value ({@code String.class}), what most
 * commands ask for, is read straight from the layers with SmallRye Config's meaning: the highest
 * layer that has the key decides, an empty value is no value, and every layer is read, so a file
 * that does not parse is reported whichever layer holds the key. Any other
 * question goes to the SmallRye Config that {@code full} builds, so building it (about 10 ms of
 * class loading and set-up) is paid only by commands that need conversions or the source list.
 */
final class TextLookupConfig implements Config {

    private final List<LayerSource> byPrecedence;
    private final Supplier<Config> full;

    TextLookupConfig(List<LayerSource> byPrecedence, Supplier<Config> full) {
        this.byPrecedence = List.copyOf(byPrecedence);
        this.full = full;
    }

    private Optional<String> text(String name) {
        String found = null;
        for (LayerSource source : byPrecedence) {
            String value = source.getValue(name);
            if (found == null) {
                found = value;
            }
        }
        return found == null || found.isEmpty() ? Optional.empty() : Optional.of(found);
    }

    @Override
    public <T> T getValue(String propertyName, Class<T> propertyType) {
        if (propertyType == String.class) {
            Optional<String> value = text(propertyName);
            if (value.isPresent()) {
                return propertyType.cast(value.get());
            }
        }
        // Absent or not text: SmallRye converts, or throws with its own message.
        return full.get().getValue(propertyName, propertyType);
    }

    @Override
    public <T> Optional<T> getOptionalValue(String propertyName, Class<T> propertyType) {
        if (propertyType == String.class) {
            return text(propertyName).map(propertyType::cast);
        }
        return full.get().getOptionalValue(propertyName, propertyType);
    }

    @Override
    public ConfigValue getConfigValue(String propertyName) {
        return full.get().getConfigValue(propertyName);
    }

    @Override
    public <T> List<T> getValues(String propertyName, Class<T> propertyType) {
        return full.get().getValues(propertyName, propertyType);
    }

    @Override
    public <T> Optional<List<T>> getOptionalValues(String propertyName, Class<T> propertyType) {
        return full.get().getOptionalValues(propertyName, propertyType);
    }

    @Override
    public Iterable<String> getPropertyNames() {
        return full.get().getPropertyNames();
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
        return full.get().getConfigSources();
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> forType) {
        return full.get().getConverter(forType);
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return full.get().unwrap(type);
    }
}
