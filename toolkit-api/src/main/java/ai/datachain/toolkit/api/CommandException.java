package ai.datachain.toolkit.api;

/**
 * A failure to report to the user. The host prints {@code Error: <message>} on stderr and exits
 * with {@link #exitCode()}; the stack trace only appears with {@code -v}.
 */
public class CommandException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Exit code for a failure. */
    public static final int FAILURE = 1;
    /** Exit code for a command line that does not make sense. */
    public static final int USAGE = 2;
    /** Exit code when the user interrupted the command. */
    public static final int INTERRUPTED = 130;

    private final int exitCode;

    public CommandException(String message) {
        this(message, null, FAILURE);
    }

    public CommandException(String message, Throwable cause) {
        this(message, cause, FAILURE);
    }

    public CommandException(String message, Throwable cause, int exitCode) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** A usage error: the host prints the message with a pointer to {@code --help}, exit 2. */
    public static CommandException usage(String message) {
        return new CommandException(message, null, USAGE);
    }

    public int exitCode() {
        return exitCode;
    }
}
