package ai.datachain.toolkit.api.config;

/**
 * A configuration file, lowest precedence first. Each is also a {@link Layer} of the same name;
 * the environment and system properties are layers above all of these but are not files.
 */
public enum ConfigLevel {
    /** {@code <image>/conf/config}: defaults a team bakes into its runtime image. Read-only. */
    DEFAULTS,
    /** Machine-wide: {@code $DATACHAIN_SYSTEM_CONFIG_DIR/config}, else {@code /etc/xdg/datachain/config}. */
    SYSTEM,
    /** The user's: {@code $DATACHAIN_GLOBAL_CONFIG_DIR}, else the XDG config directory. */
    GLOBAL,
    /** The project's: {@code .datachain/config} of the current directory or {@code $DATACHAIN_DIR}. */
    LOCAL
}
