package ai.datachain.toolkit.api;

/**
 * A failure to report to the user. When one escapes {@link Command#run} the host prints
 * {@code Error: <message>} as one line on stderr and exits with {@link #exitCode()}; for a
 * {@link #USAGE} error it adds a line pointing to the command's {@code --help}. The stack trace
 * (with the cause's) only appears with {@code -v}. So the message is the whole story for the user:
 * one line, saying what is wrong and, where it helps, what to do.
 *
 * <p>Any other exception escaping a command is printed the same way, with exit code 1 and a hint
 * to run again with {@code -v}.
 */
public class CommandException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Exit code for a failure. */
    public static final int FAILURE = 1;
    /** Exit code for a command line that does not make sense. */
    public static final int USAGE = 2;
    /** Exit code when the user interrupted the command. */
    public static final int INTERRUPTED = 130;

    /** The exit code; serialized with the exception. */
    private final int exitCode;

    /**
     * A failure with exit code {@link #FAILURE}.
     *
     * @param message the line the host prints after {@code Error: }
     */
    public CommandException(String message) {
        this(message, null, FAILURE);
    }

    /**
     * A failure with exit code {@link #FAILURE}, caused by {@code cause}.
     *
     * @param message the line the host prints after {@code Error: }
     * @param cause what went wrong underneath; its stack trace appears only with {@code -v}, so the
     *     message must not rely on it
     */
    public CommandException(String message, Throwable cause) {
        this(message, cause, FAILURE);
    }

    /**
     * A failure with a chosen exit code.
     *
     * @param message the line the host prints after {@code Error: }
     * @param cause what went wrong underneath, or null; its stack trace appears only with {@code -v}
     * @param exitCode the process's exit code: {@link #FAILURE}, {@link #USAGE} (the host then adds
     *     the pointer to {@code --help}) or {@link #INTERRUPTED}, by the toolkit's convention
     */
    public CommandException(String message, Throwable cause, int exitCode) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /**
     * A usage error: the host prints {@code Error: <message>}, then
     * {@code Run 'datachain <command> --help' for usage.}, and exits with 2.
     *
     * @param message what is wrong with the command line, one line
     * @return the exception to throw, with exit code {@link #USAGE} and no cause
     */
    public static CommandException usage(String message) {
        return new CommandException(message, null, USAGE);
    }

    /**
     * The exit code the host ends the process with when this escapes a command.
     *
     * @return {@link #FAILURE} unless the constructor was given another
     */
    public int exitCode() {
        return exitCode;
    }
}
