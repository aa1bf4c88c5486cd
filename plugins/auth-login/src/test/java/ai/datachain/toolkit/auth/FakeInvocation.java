package ai.datachain.toolkit.auth;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.Console;
import ai.datachain.toolkit.api.Environment;
import ai.datachain.toolkit.api.Invocation;
import ai.datachain.toolkit.api.config.Settings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.ParseException;
import org.eclipse.microprofile.config.Config;

/** Runs a command in memory: parsed arguments, captured output, in-memory settings. */
final class FakeInvocation implements Invocation, Console, Environment {

    final InMemorySettings settings = new InMemorySettings();
    final Map<String, String> variables = new HashMap<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    private InputStream in = new ByteArrayInputStream(new byte[0]);
    private CommandLine commandLine;
    int verbosity;

    FakeInvocation() {
        variables.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    }

    FakeInvocation stdin(String text) {
        in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Parses the arguments with the command's options and runs it. */
    int run(Command command, String... args) {
        try {
            commandLine = DefaultParser.builder().get().parse(command.options(), args);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
        return command.run(this);
    }

    String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Override
    public CommandLine commandLine() {
        return commandLine;
    }

    @Override
    public Console console() {
        return this;
    }

    @Override
    public Config config() {
        Map<String, String> overrides = new HashMap<>();
        variable(StudioAddress.URL_VARIABLE).ifPresent(url -> overrides.put(StudioKeys.URL, url));
        return settings.view(overrides);
    }

    @Override
    public Settings settings() {
        return settings;
    }

    @Override
    public Environment environment() {
        return this;
    }

    @Override
    public String toolkitVersion() {
        return "0.0.0-test";
    }

    @Override
    public PrintStream out() {
        return outStream;
    }

    @Override
    public PrintStream err() {
        return errStream;
    }

    @Override
    public InputStream in() {
        return in;
    }

    @Override
    public int verbosity() {
        return verbosity;
    }

    @Override
    public boolean interactive() {
        return false;
    }

    @Override
    public Map<String, String> variables() {
        return variables;
    }

    @Override
    public Path homeDirectory() {
        return Path.of("/home/test");
    }

    @Override
    public Path workingDirectory() {
        return Path.of("/home/test/project");
    }
}
