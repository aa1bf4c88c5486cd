package ai.datachain.toolkit.host.config;

import ai.datachain.toolkit.api.Environment;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The directories platformdirs gives the reference client ({@code appname} "datachain",
 * {@code appauthor} "iterative") when no {@code DATACHAIN_*_CONFIG_DIR} variable says otherwise:
 * {@code user_config_dir} for the global level, {@code site_config_dir} for the system level, on
 * the operating system the environment names.
 *
 * <ul>
 *   <li>Unix: {@code $XDG_CONFIG_HOME} (else {@code ~/.config}) and the first entry of
 *       {@code $XDG_CONFIG_DIRS} (else {@code /etc/xdg}), plus {@code datachain};
 *   <li>macOS: the same XDG variables when set, else {@code ~/Library/Application Support} and
 *       {@code /Library/Application Support}, plus {@code datachain};
 *   <li>Windows: the local and the common application data folders plus {@code iterative\datachain}.
 * </ul>
 */
final class PlatformConfigDirectories {

    static final String APP_NAME = "datachain";
    static final String APP_AUTHOR = "iterative";
    static final Path DEFAULT_XDG_CONFIG_DIR = Path.of("/etc/xdg");
    static final String MACOS_APPLICATION_SUPPORT = "Library/Application Support";
    /** What Windows itself names the common application data folder when no variable says so. */
    static final Path DEFAULT_WINDOWS_PROGRAM_DATA = Path.of("C:\\ProgramData");

    private final Environment environment;
    private final OperatingSystem system;

    PlatformConfigDirectories(Environment environment) {
        this.environment = environment;
        this.system = OperatingSystem.named(environment.osName());
    }

    /** {@code user_config_dir}: the global level's directory. */
    Path user() {
        return switch (system) {
            case UNIX -> variable("XDG_CONFIG_HOME").orElseGet(() -> environment.homeDirectory().resolve(".config"))
                    .resolve(APP_NAME);
            case MACOS -> variable("XDG_CONFIG_HOME")
                    .orElseGet(() -> environment.homeDirectory().resolve(MACOS_APPLICATION_SUPPORT)).resolve(APP_NAME);
            // platformdirs asks the Windows shell for the folder; Java cannot, so it takes the
            // variables that hold the same folder, and the folder's default place below the profile.
            case WINDOWS -> variable("WIN_PD_OVERRIDE_LOCAL_APPDATA").or(() -> variable("LOCALAPPDATA"))
                    .or(() -> variable("USERPROFILE").map(profile -> profile.resolve("AppData").resolve("Local")))
                    .orElseGet(() -> environment.homeDirectory().resolve("AppData").resolve("Local"))
                    .resolve(APP_AUTHOR).resolve(APP_NAME);
        };
    }

    /** {@code site_config_dir}: the system level's directory. */
    Path site() {
        return switch (system) {
            case UNIX -> firstXdgConfigDir().orElse(DEFAULT_XDG_CONFIG_DIR).resolve(APP_NAME);
            case MACOS -> firstXdgConfigDir().orElse(Path.of("/").resolve(MACOS_APPLICATION_SUPPORT))
                    .resolve(APP_NAME);
            case WINDOWS -> variable("WIN_PD_OVERRIDE_COMMON_APPDATA").or(() -> variable("PROGRAMDATA"))
                    .or(() -> variable("ALLUSERSPROFILE")).orElse(DEFAULT_WINDOWS_PROGRAM_DATA)
                    .resolve(APP_AUTHOR).resolve(APP_NAME);
        };
    }

    /** The first entry of {@code $XDG_CONFIG_DIRS}; blank entries count as absent, as in platformdirs. */
    private Optional<Path> firstXdgConfigDir() {
        return environment.variable("XDG_CONFIG_DIRS").flatMap(dirs -> Arrays.stream(dirs.split(":"))
                .filter(entry -> !entry.isBlank()).findFirst()).map(this::fromWorkingDirectory);
    }

    private Optional<Path> variable(String name) {
        return environment.variable(name).map(this::fromWorkingDirectory);
    }

    /** A relative directory starts at the invocation's working directory, as it would for the reference. */
    private Path fromWorkingDirectory(String value) {
        return environment.workingDirectory().resolve(value).normalize();
    }
}
