package ai.datachain.toolkit.api.config;

import java.util.Objects;

/**
 * A setting's value and where it comes from, as the host resolved it.
 *
 * @param key the dotted key, e.g. {@code studio.url}
 * @param value the value as its layer gives it; never empty (an empty value is no value). Several
 *     values of a file (a TOML array) come joined with commas, each comma inside one escaped as
 *     {@code \,}, as MicroProfile Config expects them
 * @param layer the layer that decided
 * @param location what holds the value in that layer: the file's path for a file layer, the
 *     variable's name for {@link Layer#ENVIRONMENT} ({@code DATACHAIN_STUDIO_URL}), the property's
 *     name for {@link Layer#SYSTEM_PROPERTIES} ({@code studio.url})
 */
public record SettingValue(String key, String value, Layer layer, String location) {

    /**
     * Checks the components.
     *
     * @param key the dotted key
     * @param value the value as its layer gives it
     * @param layer the layer that decided
     * @param location what holds the value in that layer
     * @throws NullPointerException when a component is null
     */
    public SettingValue {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(location, "location");
    }

    /** Leaves the value out: it may be a token, and records end up in debug lines. */
    @Override
    public String toString() {
        return "SettingValue[key=" + key + ", layer=" + layer + ", location=" + location + "]";
    }
}
