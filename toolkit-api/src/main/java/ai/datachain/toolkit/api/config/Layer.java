package ai.datachain.toolkit.api.config;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A source of settings. Constants are declared lowest precedence first, and that order is the one
 * precedence the host applies everywhere: system properties over the environment over the local,
 * global and system files over the image defaults. The first four are the configuration files of
 * the {@link ConfigLevel levels} of the same name; the last two are not files and cannot be
 * changed through {@link Settings#edit}.
 */
public enum Layer {
    /** The image defaults' file, {@link ConfigLevel#DEFAULTS}. */
    DEFAULTS(ConfigLevel.DEFAULTS),
    /** The machine-wide file, {@link ConfigLevel#SYSTEM}. */
    SYSTEM(ConfigLevel.SYSTEM),
    /** The user's file, {@link ConfigLevel#GLOBAL}. */
    GLOBAL(ConfigLevel.GLOBAL),
    /** The project's file, {@link ConfigLevel#LOCAL}. */
    LOCAL(ConfigLevel.LOCAL),
    /**
     * {@code DATACHAIN_<SECTION>_<NAME>} environment variables: {@code DATACHAIN_STUDIO_URL} sets
     * {@code studio.url}. A variable set to a blank value counts as unset.
     */
    ENVIRONMENT(null),
    /** {@code -D} system properties named like keys, e.g. {@code -Dstudio.url=…} in {@code DATACHAIN_JAVA_OPTS}. */
    SYSTEM_PROPERTIES(null);

    /** Every layer. */
    public static final Set<Layer> ALL = Collections.unmodifiableSet(EnumSet.allOf(Layer.class));

    /** The layers that are configuration files: {@link #DEFAULTS}, {@link #SYSTEM}, {@link #GLOBAL}, {@link #LOCAL}. */
    public static final Set<Layer> FILES = Collections.unmodifiableSet(EnumSet.range(DEFAULTS, LOCAL));

    private final ConfigLevel level;

    Layer(ConfigLevel level) {
        this.level = level;
    }

    /**
     * The level whose file this layer is.
     *
     * @return the level; empty for {@link #ENVIRONMENT} and {@link #SYSTEM_PROPERTIES}
     */
    public Optional<ConfigLevel> level() {
        return Optional.ofNullable(level);
    }

    /**
     * The layer that is the file of a level.
     *
     * @param level the level
     * @return the file layer of the same name
     */
    public static Layer of(ConfigLevel level) {
        return switch (level) {
            case DEFAULTS -> DEFAULTS;
            case SYSTEM -> SYSTEM;
            case GLOBAL -> GLOBAL;
            case LOCAL -> LOCAL;
        };
    }

    /**
     * How output names the layer: {@code defaults}, {@code system}, {@code global}, {@code local},
     * {@code environment} or {@code system-properties}. For people and scripts reading output, never
     * to be parsed back into a layer.
     *
     * @return the lower-case name, with {@code -} for {@code _}
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
