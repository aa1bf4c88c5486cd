package ai.datachain.toolkit.host.config;

/**
 * Keeps Commons Configuration's default interpolation lookups ({@code ${env:…}}, {@code ${file:…}},
 * {@code ${sys:…}} and the rest) out of the process. The toolkit never interpolates: a config value
 * is text, and a project's file must not read other files or the environment through one. Yet every
 * configuration object builds the default lookups when the first one is created (commons-text's
 * lookup classes, 36 of them) and only then is told to interpolate nothing. An empty default list,
 * Commons Configuration's own switch, leaves them unbuilt in every configuration, plugins' too.
 *
 * <p>Measured: docs/performance.md, "Start-up tricks, re-measured", row {@code InterpolationLookups}.
 */
public final class InterpolationLookups {

    /** Commons Configuration's system property naming the default lookups (comma-separated). */
    static final String DEFAULT_LOOKUPS_PROPERTY =
            "org.apache.commons.configuration2.interpol.ConfigurationInterpolator.defaultPrefixLookups";

    private InterpolationLookups() {}

    /** Before the first configuration object: no default lookups, unless the JVM was told otherwise. */
    public static void none() {
        if (System.getProperty(DEFAULT_LOOKUPS_PROPERTY) == null) {
            System.setProperty(DEFAULT_LOOKUPS_PROPERTY, "");
        }
    }
}
