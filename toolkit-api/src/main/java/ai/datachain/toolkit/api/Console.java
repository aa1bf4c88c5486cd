package ai.datachain.toolkit.api;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * The terminal. Results go to {@link #out()} (what scripts pipe), progress, warnings and errors
 * to {@link #err()}. The host flushes both when {@link Command#run} returns or throws, so a command
 * need not; it only flushes itself where order matters, such as a prompt printed without a line
 * end before it reads {@link #in()}. A command must not close them.
 */
public interface Console {

    /**
     * Where results go: what a script pipes or captures, so nothing else belongs here. The
     * launcher's standard output, or the buffer of the testkit's in-process runner. Output that
     * cannot be written (a closed pipe, a full disk) makes the host print an {@code Error: } line
     * and exit with 1 even when the command returned 0, so a command need not check it.
     *
     * @return standard output, the same stream for the whole invocation
     */
    PrintStream out();

    /**
     * Where progress, prompts, warnings and errors go, so that they never mix with results; the
     * host writes its own {@code Error: ...} lines here too.
     *
     * @return standard error, the same stream for the whole invocation
     */
    PrintStream err();

    /**
     * What the user types or pipes in. The testkit's in-process runner gives the bytes a test
     * supplied, or none.
     *
     * @return standard input, the same stream for the whole invocation
     */
    InputStream in();

    /**
     * How chatty to be.
     *
     * @return 0 normally; each {@code -v} adds one, each {@code -q} takes one away
     */
    int verbosity();

    /**
     * Whether live progress lines (carriage returns, redrawn lines) make sense. The launcher
     * answers true only when stderr is a terminal; when it is redirected to a file or a pipe, and
     * in the testkit's in-process runner, the answer is false. It says nothing about standard
     * input, which may still be a terminal or not.
     *
     * @return true when stderr is an interactive terminal
     */
    boolean interactive();

    /**
     * Writes {@code debug: <message>} as one line to stderr when verbosity is above 0 ({@code -v}).
     * Never pass secrets.
     *
     * @param message the line, without its prefix
     */
    default void debug(String message) {
        if (verbosity() > 0) {
            err().println("debug: " + message);
        }
    }

    /**
     * Writes {@code warning: <message>} as one line to stderr unless quieted (verbosity below 0,
     * {@code -q}).
     *
     * @param message the warning, without its prefix
     */
    default void warn(String message) {
        if (verbosity() >= 0) {
            err().println("warning: " + message);
        }
    }
}
