package ai.datachain.toolkit.host.cli;

import ai.datachain.toolkit.api.Console;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * The console of one invocation.
 *
 * @param out results
 * @param err progress, warnings and errors
 * @param in standard input
 * @param verbosity 0 normally, above with {@code -v}, below with {@code -q}
 * @param interactive whether stderr is a terminal
 */
public record TerminalConsole(PrintStream out, PrintStream err, InputStream in, int verbosity, boolean interactive)
        implements Console {}
