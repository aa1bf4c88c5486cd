package ai.datachain.toolkit.host.cli;

import java.util.List;

/**
 * A command line that does not make sense, found by one of the dispatch stages: what is wrong and
 * which command or group to ask for help. The dispatcher prints it and exits with 2.
 */
final class UsageError extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> commandPath;

    /**
     * @param message the problem, one line
     * @param commandPath the command or group the user was addressing
     */
    UsageError(String message, List<String> commandPath) {
        // Never printed with a trace: the message is the whole story.
        super(message, null, false, false);
        this.commandPath = List.copyOf(commandPath);
    }

    /** The lines to print on stderr. */
    String render() {
        return "Error: " + getMessage() + "\nRun '" + HelpRenderer.commandName(commandPath) + " --help' for usage.\n";
    }
}
