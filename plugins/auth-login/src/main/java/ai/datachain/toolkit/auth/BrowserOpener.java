package ai.datachain.toolkit.auth;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts a browser on a URL without {@code java.desktop}: runs the {@link BrowserCommands} one
 * after the other until one starts and does not fail straight away.
 */
final class BrowserOpener {

    /** How long a browser command may take to fail before we count it as started. */
    private static final long SETTLE_MILLIS = 2000;

    private final Map<String, String> environment;
    private final String osName;

    BrowserOpener(Map<String, String> environment, String osName) {
        this.environment = environment;
        this.osName = osName;
    }

    /**
     * Opens the URL.
     *
     * @return empty when a browser started, otherwise why none did
     */
    Optional<String> open(String url) throws InterruptedException {
        List<List<String>> commands = BrowserCommands.forUrl(url, environment, osName);
        if (commands.isEmpty()) {
            return Optional.of("no BROWSER is set and there is no display");
        }
        String failure = null;
        for (List<String> command : commands) {
            Optional<String> problem = run(command);
            if (problem.isEmpty()) {
                return Optional.empty();
            }
            failure = problem.get();
        }
        return Optional.of(failure);
    }

    private Optional<String> run(List<String> command) throws InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return Optional.of("'" + command.get(0) + "' could not be started");
        }
        if (process.waitFor(SETTLE_MILLIS, TimeUnit.MILLISECONDS) && process.exitValue() != 0) {
            return Optional.of("'" + command.get(0) + "' exited with status " + process.exitValue());
        }
        return Optional.empty();
    }
}
