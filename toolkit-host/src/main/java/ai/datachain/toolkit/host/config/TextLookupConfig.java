package ai.datachain.toolkit.host.config;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * The MicroProfile Config view of the layers. A text value ({@code String.class}), what most
 * commands ask for, is the layers' own answer ({@link Precedence}, SmallRye Config's meaning). Any
 * other question goes to the SmallRye Config that {@code full} builds, so building it is paid only
 * by commands that need conversions or the source list. A start-up measure: SmallRye Config built
 * for every text read costs {@code auth token} 7–10 % more CPU, measured in docs/performance.md,
 * row "Text lookups without SmallRye Config, measured alone".
 */
final class TextLookupConfig implements Config {

    private final Function<String, Optional<String>> text;
    private final Supplier<Config> full;

    TextLookupConfig(Function<String, Optional<String>> text, Supplier<Config> full) {
        this.text = text;
        this.full = full;
    }

    @Override
    public <T> T getValue(String propertyName, Class<T> propertyType) {
        if (propertyType == String.class) {
            Optional<String> value = text.apply(propertyName);
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
            return text.apply(propertyName).map(propertyType::cast);
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
