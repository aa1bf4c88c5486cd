package ai.datachain.toolkit.host.cli;

import java.util.List;

/**
 * A command line that does not make sense: what is wrong and which command to ask for help.
 *
 * @param message the problem, one line
 * @param commandPath the command or group the user was addressing
 */
record UsageError(String message, List<String> commandPath) {

    /** The lines to print on stderr. */
    String render() {
        String name = HelpRenderer.commandName(commandPath);
        return "Error: " + message + "\nRun '" + name + " --help' for usage.\n";
    }
}
