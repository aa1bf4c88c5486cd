package ai.datachain.toolkit.api;

import org.apache.commons.cli.Options;
import org.pf4j.ExtensionPoint;

/**
 * One leaf command of the {@code datachain} command tree, such as {@code auth login}.
 *
 * <p>Implementations are PF4J extensions ({@code @Extension}). The host asks every command for
 * its {@link #declaration()} and {@link #options()} to build the command tree, help and
 * completion, and calls {@link #run} only for the command the user invoked, so constructors and
 * both methods must stay cheap: no network, no file I/O, no heavy objects.
 *
 * <p>Before {@link #run} the host guarantees that the command line has been parsed against
 * {@link #options()} plus the common {@code -h/--help}, {@code -v/--verbose} and
 * {@code -q/--quiet}, that every option value with a Commons CLI type converts to it, and that the
 * positional words match the declared {@link CommandDeclaration#arguments() arguments} in number.
 * Anything else is a usage error the host reports itself (exit 2), without calling {@link #run}.
 */
public interface Command extends ExtensionPoint {

    /**
     * What the command is: its words, summary, description, positional arguments and examples.
     * The host reads it once per run, when it builds the command tree. An exception here (such as
     * a malformed declaration) makes the host skip every command of the same plugin, with a
     * warning, and keep the others.
     *
     * @return the declaration; the same one on every call
     */
    CommandDeclaration declaration();

    /**
     * The command's own options, as a fresh instance on every call; none unless overridden. The
     * host adds the common {@code -h/--help}, {@code -v/--verbose} and {@code -q/--quiet} itself
     * (an option of the command's own with the same name wins).
     *
     * @return a new {@code Options} the host may add to
     */
    default Options options() {
        return new Options();
    }

    /**
     * Runs the command.
     *
     * @param invocation the parsed command line, the console, the configuration and the environment
     * @return the exit code the process ends with: 0 for success (see {@link CommandException}
     *     for the others)
     * @throws CommandException for a failure the user should read about as {@code Error: ...}; the
     *     host prints it and exits with its {@link CommandException#exitCode()}
     */
    int run(Invocation invocation) throws CommandException;
}
