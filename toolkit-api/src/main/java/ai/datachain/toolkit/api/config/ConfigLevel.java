package ai.datachain.toolkit.api.config;

/**
 * A configuration file, lowest precedence first. Each is also a {@link Layer} of the same name;
 * the environment and system properties are layers above all of these but are not files.
 */
public enum ConfigLevel {
    /** {@code <image>/conf/config}: defaults a team bakes into its runtime image. Read-only. */
    DEFAULTS,
    /**
     * Machine-wide: {@code $DATACHAIN_SYSTEM_CONFIG_DIR/config}, else the system's shared config
     * directory (on Linux the first entry of {@code $XDG_CONFIG_DIRS}, else {@code /etc/xdg}, plus
     * {@code datachain/config}).
     */
    SYSTEM,
    /** The user's: {@code $DATACHAIN_GLOBAL_CONFIG_DIR}, else the system's user config directory. */
    GLOBAL,
    /** The project's: {@code .datachain/config} of the current directory or {@code $DATACHAIN_DIR}. */
    LOCAL
}
