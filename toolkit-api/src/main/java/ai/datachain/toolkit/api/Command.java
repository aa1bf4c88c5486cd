package ai.datachain.toolkit.api;

import java.util.List;
import org.apache.commons.cli.Options;
import org.pf4j.ExtensionPoint;

/**
 * One leaf command of the {@code datachain} command tree, such as {@code auth login}.
 *
 * <p>Implementations are PF4J extensions ({@code @Extension}). The host asks for the metadata to
 * render help and completion, and calls {@link #run} only for the command the user invoked, so
 * constructors must stay cheap: no network, no file I/O, no heavy objects.
 */
public interface Command extends ExtensionPoint {

    /** Words that invoke the command, e.g. {@code ["auth", "login"]}. */
    List<String> path();

    /** One line for command lists. */
    String summary();

    /** The paragraph shown by {@code --help}; defaults to the summary. */
    default String description() {
        return summary();
    }

    /** Positional arguments for the usage line, e.g. {@code "[NAME]"}; empty when none. */
    default String arguments() {
        return "";
    }

    /**
     * The command's own options, as a fresh instance on every call. The host adds the global
     * {@code -h/--help}, {@code -v/--verbose} and {@code -q/--quiet} itself.
     */
    Options options();

    /** Worked examples shown in help, in the order given. */
    default List<Example> examples() {
        return List.of();
    }

    /**
     * Runs the command.
     *
     * @return the exit code: 0 for success
     * @throws CommandException for a failure the user should read about as {@code Error: ...}
     */
    int run(Invocation invocation) throws CommandException;
}
