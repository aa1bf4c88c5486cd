package ai.datachain.toolkit.host.config;

import ai.datachain.toolkit.api.Environment;
import ai.datachain.toolkit.api.config.ConfigLevel;
import java.nio.file.Path;

/**
 * Where each level's {@code config} file is, as the reference client decides it, from the
 * invocation's environment (never the process's own, so tests and embedders can choose), its
 * operating system included ({@link PlatformConfigDirectories}).
 */
public final class ConfigLocations {

    public static final String FILE_NAME = "config";
    public static final String SYSTEM_DIR_VARIABLE = "DATACHAIN_SYSTEM_CONFIG_DIR";
    public static final String GLOBAL_DIR_VARIABLE = "DATACHAIN_GLOBAL_CONFIG_DIR";
    public static final String LOCAL_DIR_VARIABLE = "DATACHAIN_DIR";
    public static final String ROOT_DIR_VARIABLE = "DATACHAIN_ROOT_DIR";

    private final Environment environment;
    private final Path imageHome;
    private final PlatformConfigDirectories platform;

    public ConfigLocations(Environment environment, Path imageHome) {
        this.environment = environment;
        this.imageHome = imageHome;
        this.platform = new PlatformConfigDirectories(environment);
    }

    /** The file of a level, whether or not it exists. */
    public Path file(ConfigLevel level) {
        return directory(level).resolve(FILE_NAME);
    }

    /** The directory holding a level's file. */
    public Path directory(ConfigLevel level) {
        return switch (level) {
            case DEFAULTS -> imageHome.resolve("conf");
            case SYSTEM -> variable(SYSTEM_DIR_VARIABLE).orElseGet(platform::site);
            case GLOBAL -> variable(GLOBAL_DIR_VARIABLE).orElseGet(platform::user);
            case LOCAL -> variable(LOCAL_DIR_VARIABLE).orElseGet(() -> variable(ROOT_DIR_VARIABLE)
                    .orElse(environment.workingDirectory()).resolve(".datachain"));
        };
    }

    /** A directory variable; a relative one is taken from the invocation's working directory. */
    private java.util.Optional<Path> variable(String name) {
        return environment.variable(name).map(value -> environment.workingDirectory().resolve(value).normalize());
    }
}
