package ai.datachain.toolkit.host.cli;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandException;
import ai.datachain.toolkit.api.Environment;
import ai.datachain.toolkit.api.config.ConfigFormat;
import ai.datachain.toolkit.host.ToolkitVersion;
import ai.datachain.toolkit.host.config.Configuration;
import ai.datachain.toolkit.host.config.ConfigurationLayers;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.apache.commons.cli.CommandLine;

/**
 * The last stage: runs the command with everything the host hands it, and maps every outcome to
 * an exit code: its own, 2 for a usage error it reports, 1 with {@code Error: …} for any other
 * failure, the stack trace only when verbose.
 */
final class CommandExecution {

    private final Environment environment;
    private final Path imageHome;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean interactive;

    CommandExecution(Environment environment, Path imageHome, InputStream in, PrintStream out, PrintStream err,
            boolean interactive) {
        this.environment = environment;
        this.imageHome = imageHome;
        this.in = in;
        this.out = out;
        this.err = err;
        this.interactive = interactive;
    }

    /** Runs {@code command} at {@code path}; the configuration is read from {@code formats} on first use. */
    int run(Command command, List<String> path, CommandLine commandLine, int verbosity,
            Supplier<List<ConfigFormat>> formats) {
        TerminalConsole console = new TerminalConsole(out, err, in, verbosity, interactive);
        Supplier<Configuration> configuration = memoize(() -> ConfigurationLayers.load(environment, imageHome,
                formats.get()));
        CommandInvocation invocation = new CommandInvocation(commandLine, console, configuration, environment,
                ToolkitVersion.get());
        try {
            return command.run(invocation);
        } catch (CommandException e) {
            if (e.exitCode() == CommandException.USAGE) {
                err.print(new UsageError(e.getMessage(), path).render());
            } else {
                err.println("Error: " + e.getMessage());
            }
            printTrace(e, verbosity);
            return e.exitCode();
        } catch (RuntimeException | LinkageError e) {
            // A plugin built against a library it does not ship fails with a LinkageError: still one line.
            String message = e instanceof LinkageError ? e.toString() : e.getMessage();
            err.println("Error: " + (message != null ? message : e.toString()));
            if (verbosity <= 0) {
                err.println("(run again with -v for the stack trace)");
            }
            printTrace(e, verbosity);
            return CommandException.FAILURE;
        }
    }

    private void printTrace(Throwable e, int verbosity) {
        if (verbosity > 0) {
            e.printStackTrace(err);
        }
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
