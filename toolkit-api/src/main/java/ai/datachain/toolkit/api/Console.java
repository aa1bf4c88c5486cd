package ai.datachain.toolkit.api;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * The terminal. Results go to {@link #out()} (what scripts pipe), progress, warnings and errors
 * to {@link #err()}.
 */
public interface Console {

    PrintStream out();

    PrintStream err();

    InputStream in();

    /** 0 normally; each {@code -v} adds one, each {@code -q} takes one away. */
    int verbosity();

    /** True when stderr is an interactive terminal, so live progress lines make sense. */
    boolean interactive();

    /** Writes a debug line to stderr when verbosity is above 0. Never pass secrets. */
    default void debug(String message) {
        if (verbosity() > 0) {
            err().println("debug: " + message);
        }
    }

    /** Writes a warning to stderr unless quieted. */
    default void warn(String message) {
        if (verbosity() >= 0) {
            err().println("warning: " + message);
        }
    }
}
