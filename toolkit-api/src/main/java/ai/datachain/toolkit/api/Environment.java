package ai.datachain.toolkit.api;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The process environment as a command should see it. Tests and embedders supply their own, so
 * commands never call {@link System#getenv()} directly.
 */
public interface Environment {

    /** All variables. */
    Map<String, String> variables();

    /** One variable, empty when unset or blank. */
    default Optional<String> variable(String name) {
        String value = variables().get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** The user's home directory. */
    Path homeDirectory();

    /** The directory the command was started in. */
    Path workingDirectory();

    /**
     * The operating system, as Java names it in {@code os.name}: {@code Linux}, {@code Mac OS X},
     * {@code Windows 11}... The host reports the one it runs on, read once when the run starts; an
     * environment supplied by a test or an embedder may name another, and the host then chooses that
     * system's file locations (the config files' directories, the browser opener).
     */
    default String osName() {
        return System.getProperty("os.name", "");
    }
}
