package ai.datachain.toolkit.api.config;

/**
 * Where a resolved configuration value comes from.
 *
 * @param layer the layer's name: {@code defaults}, {@code system}, {@code global}, {@code local},
 *     {@code environment} or {@code system-properties}
 * @param location the file, environment variable or system property that holds it
 * @param value the value as that layer gives it
 */
public record ValueOrigin(String layer, String location, String value) {}
