package ai.datachain.toolkit.testkit;

import ai.datachain.toolkit.host.SystemEnvironment;
import ai.datachain.toolkit.host.Toolkit;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code datachain} commands in a temporary home, either through the built launcher as a
 * real process or in this JVM, and captures what they print.
 *
 * <p>The environment starts empty but for {@code PATH}, {@code LANG} and {@code HOME}, so a
 * developer's own {@code DATACHAIN_*} variables and config files never leak into a test.
 */
public final class DatachainRunner {

    private static final String PLUGINS_DIR_VARIABLE = "DATACHAIN_PLUGINS_DIR";
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final Path launcher;
    private final Path imageHome;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Path home;
    private Path workingDirectory;
    private byte[] stdin = new byte[0];
    private Duration timeout = DEFAULT_TIMEOUT;
    private PluginStaging staging;

    private DatachainRunner(Path launcher, Path imageHome, Path home) {
        this.launcher = launcher;
        this.imageHome = imageHome;
        this.home = home;
        this.workingDirectory = home;
        environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        environment.put("LANG", "C.UTF-8");
    }

    /**
     * Runs the launcher script of a built image, e.g. {@code dist/target/datachain/bin/datachain}.
     *
     * @param launcher the launcher script
     * @param home the temporary home the runs get as {@code HOME}
     * @return a runner that starts a process per run
     */
    public static DatachainRunner launcher(Path launcher, Path home) {
        return new DatachainRunner(launcher.toAbsolutePath(), launcher.toAbsolutePath().getParent().getParent(), home);
    }

    /**
     * Runs the toolkit in this JVM, loading plugins from {@code imageHome/plugins}, from those added
     * with {@link #plugin} and from {@code DATACHAIN_PLUGINS_DIR} if set with {@link #env}.
     *
     * @param imageHome the image directory, as the launcher would set it
     * @param home the temporary home the runs get as {@code HOME}
     * @return a runner that runs the toolkit in this JVM
     */
    public static DatachainRunner inProcess(Path imageHome, Path home) {
        return new DatachainRunner(null, imageHome, home);
    }

    /**
     * Runs the toolkit in this JVM with an empty image: only the host's own commands and the
     * plugins added with {@link #plugin}. What a plugin's own tests use:
     *
     * <pre>{@code
     * CommandResult result = DatachainRunner.inProcess(home)
     *         .plugin(Path.of("target/classes"))
     *         .run("hello", "--name", "Ada");
     * }</pre>
     *
     * <p>The toolkit and the plugin share the test's class path here, so this checks the
     * plugin's behaviour; run the packaged archive through {@link #launcher} to check its packaging.
     *
     * @param home the temporary home the runs get as {@code HOME}
     * @return a runner that runs the toolkit in this JVM
     */
    public static DatachainRunner inProcess(Path home) {
        return new DatachainRunner(null, PluginStaging.temporaryDirectory("datachain-image-"), home);
    }

    /**
     * Loads a plugin in the runs that follow, as {@code DATACHAIN_PLUGINS_DIR} would: a plugin
     * {@code .zip} or {@code .jar} as built, a PF4J plugin directory, or a compiled classes
     * directory with {@code plugin.properties} in it (Maven's {@code target/classes}), so a plugin's
     * unit tests can run its commands before it is packaged. Works with both kinds of runner.
     *
     * @param plugin the plugin file or directory
     * @return this runner
     */
    public DatachainRunner plugin(Path plugin) {
        if (staging == null) {
            staging = PluginStaging.create();
        }
        staging.add(plugin);
        return this;
    }

    /**
     * Sets an environment variable for the runs that follow.
     *
     * @param name the variable's name
     * @param value its value
     * @return this runner
     */
    public DatachainRunner env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /**
     * Removes an environment variable for the runs that follow.
     *
     * @param name the variable's name
     * @return this runner
     */
    public DatachainRunner unsetEnv(String name) {
        environment.remove(name);
        return this;
    }

    /**
     * Sets the directory the runs that follow start in; the home by default.
     *
     * @param directory where the runs start; created when missing (launcher runs)
     * @return this runner
     */
    public DatachainRunner workingDirectory(Path directory) {
        this.workingDirectory = directory;
        return this;
    }

    /**
     * Sets what the runs that follow read on standard input; nothing by default.
     *
     * @param text the input, sent as UTF-8
     * @return this runner
     */
    public DatachainRunner stdin(String text) {
        this.stdin = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /**
     * Sets how long a launcher run may take before it is killed and the test fails.
     *
     * @param timeout how long to wait; 60 seconds by default
     * @return this runner
     */
    public DatachainRunner timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /**
     * The temporary home.
     *
     * @return the home directory the runs get as {@code HOME}
     */
    public Path home() {
        return home;
    }

    /**
     * The environment the next run gets, {@code HOME} included.
     *
     * @return a copy; changing it changes no run
     */
    public Map<String, String> environment() {
        Map<String, String> all = new LinkedHashMap<>(environment);
        all.put("HOME", home.toString());
        if (staging != null) {
            String added = staging.root().toString();
            all.merge(PLUGINS_DIR_VARIABLE, added, (given, ours) -> given + File.pathSeparator + ours);
        }
        return all;
    }

    /**
     * Runs one command line to completion.
     *
     * @param args the arguments after {@code datachain}
     * @return the exit code and everything printed
     */
    public CommandResult run(String... args) {
        return launcher != null ? runProcess(args) : runInProcess(args);
    }

    /**
     * Starts the launcher without waiting, for tests that interrupt or talk to a running command.
     *
     * @param args the arguments after {@code datachain}
     * @return the running process; pass it to {@link #finish}
     * @throws IllegalStateException for an in-process runner
     */
    public Process start(String... args) {
        if (launcher == null) {
            throw new IllegalStateException("start() needs a launcher; in-process runs cannot be signalled");
        }
        try {
            Files.createDirectories(workingDirectory);
            List<String> command = new ArrayList<>();
            command.add(launcher.toString());
            command.addAll(Arrays.asList(args));
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment());
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits for a process from {@link #start} and collects its output.
     *
     * @param process a process from {@link #start}; its standard input gets the {@link #stdin} text
     * @return the exit code and everything printed
     * @throws AssertionError when it does not finish within the timeout (it is killed then)
     */
    public CommandResult finish(Process process) {
        try {
            CompletableFuture<byte[]> out = drain(process.getInputStream());
            CompletableFuture<byte[]> err = drain(process.getErrorStream());
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin);
            } catch (IOException ignored) {
                // The command may exit without reading its input.
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("datachain did not finish within " + timeout + "\n--- stderr so far ---\n"
                        + new String(err.getNow(new byte[0]), StandardCharsets.UTF_8));
            }
            return new CommandResult(process.exitValue(), new String(out.join(), StandardCharsets.UTF_8),
                    new String(err.join(), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new AssertionError("interrupted while waiting for datachain", e);
        }
    }

    private CommandResult runProcess(String[] args) {
        return finish(start(args));
    }

    private static CompletableFuture<byte[]> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private CommandResult runInProcess(String[] args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            SystemEnvironment env = new SystemEnvironment(environment(), home, workingDirectory);
            int code = new Toolkit(env, imageHome, new ByteArrayInputStream(stdin), outStream, errStream, false)
                    .run(args);
            return new CommandResult(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }
}
