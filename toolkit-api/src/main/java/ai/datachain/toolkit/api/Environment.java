package ai.datachain.toolkit.api;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The process environment as a command should see it. Tests and embedders supply their own, so
 * commands never call {@link System#getenv()} directly. What the host hands a command does not
 * change while it runs.
 */
public interface Environment {

    /**
     * All variables: the process's own when the launcher runs, the test's in the testkit's
     * in-process runner.
     *
     * @return the variables by name; unmodifiable
     */
    Map<String, String> variables();

    /**
     * One variable, with a blank value counted as unset.
     *
     * @param name the variable's name, e.g. {@code HTTPS_PROXY}
     * @return its value, or empty when unset or blank
     */
    default Optional<String> variable(String name) {
        String value = variables().get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /**
     * The user's home directory. When the launcher runs: {@code $HOME} when set and not blank (as
     * the reference client's {@code ~} is), else Java's {@code user.home}; the testkit's runner
     * gives the test's home.
     *
     * @return the home directory; it may not exist
     */
    Path homeDirectory();

    /**
     * The directory the command was started in, where relative paths the user typed start from.
     *
     * @return the working directory; absolute when the launcher runs
     */
    Path workingDirectory();

    /**
     * The operating system, as Java names it in {@code os.name}: {@code Linux}, {@code Mac OS X},
     * {@code Windows 11}... The host reports the one it runs on, read once when the run starts; an
     * environment supplied by a test or an embedder may name another, and the host then chooses that
     * system's file locations (the config files' directories, the browser opener).
     *
     * @return the system's name; empty when Java does not know it
     */
    default String osName() {
        return System.getProperty("os.name", "");
    }
}
