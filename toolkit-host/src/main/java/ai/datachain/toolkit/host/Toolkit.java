package ai.datachain.toolkit.host;

import ai.datachain.toolkit.api.Environment;
import ai.datachain.toolkit.host.cli.CommandDispatcher;
import ai.datachain.toolkit.host.config.InterpolationLookups;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * One run of {@code datachain}: wires the environment, the terminal and the image into a
 * dispatcher. Tests create it with their own environment and streams to run commands in-process.
 */
public final class Toolkit {

    /** System property the launcher sets to the image directory. */
    public static final String HOME_PROPERTY = "datachain.home";
    /** System property the launcher sets when stderr is a terminal. */
    public static final String INTERACTIVE_PROPERTY = "datachain.interactive";

    private final CommandDispatcher dispatcher;
    private final PrintStream out;
    private final PrintStream err;

    public Toolkit(Environment environment, Path imageHome, InputStream in, PrintStream out, PrintStream err,
            boolean interactive) {
        InterpolationLookups.none();
        this.dispatcher = new CommandDispatcher(environment, imageHome, in, out, err, interactive);
        this.out = out;
        this.err = err;
    }

    /** The toolkit as the launcher started it: real environment, real terminal. */
    public static Toolkit forThisProcess() {
        String home = System.getProperty(HOME_PROPERTY, System.getProperty("java.home"));
        return new Toolkit(SystemEnvironment.current(), Path.of(home), System.in, System.out, System.err,
                Boolean.getBoolean(INTERACTIVE_PROPERTY));
    }

    /**
     * Runs one command line and returns its exit code; never calls {@link System#exit}. A result
     * that could not be written (a full disk, a closed pipe) is a failure: a PrintStream only
     * remembers such errors, so they are checked here, once, after the last flush.
     */
    public int run(String... args) {
        int exitCode = 1;
        try {
            exitCode = dispatcher.dispatch(args);
        } finally {
            out.flush();
            if (out.checkError()) {
                err.println("Error: could not write the output (standard output is closed or its disk is full)");
                exitCode = exitCode == 0 ? 1 : exitCode;
            }
            err.flush();
        }
        return exitCode;
    }
}
