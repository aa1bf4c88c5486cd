package ai.datachain.toolkit.host;

import ai.datachain.toolkit.api.Environment;
import java.nio.file.Path;
import java.util.Map;

/**
 * An {@link Environment} from explicit values; {@link #current()} reads the process's own.
 *
 * @param variables the environment variables
 * @param homeDirectory the user's home
 * @param workingDirectory where the command runs
 * @param osName the operating system as {@code os.name} names it
 */
public record SystemEnvironment(Map<String, String> variables, Path homeDirectory, Path workingDirectory,
        String osName) implements Environment {

    public SystemEnvironment {
        variables = Map.copyOf(variables);
    }

    /** An environment on the operating system this JVM runs on. */
    public SystemEnvironment(Map<String, String> variables, Path homeDirectory, Path workingDirectory) {
        this(variables, homeDirectory, workingDirectory, System.getProperty("os.name", ""));
    }

    /** The process's environment; the home is {@code $HOME} when set, as the reference client's {@code ~} is. */
    public static SystemEnvironment current() {
        String home = System.getenv("HOME");
        return new SystemEnvironment(System.getenv(),
                Path.of(home == null || home.isBlank() ? System.getProperty("user.home") : home),
                Path.of("").toAbsolutePath());
    }
}
