package ai.datachain.toolkit.auth;

import ai.datachain.toolkit.api.CommandException;
import java.util.List;
import org.apache.commons.cli.CommandLine;

/**
 * Refuses words a command does not take. The reference client's argument parser rejects them, and
 * accepting them silently would hide mistakes such as {@code auth login my-token} for
 * {@code auth login --name my-token}.
 */
final class UnexpectedArguments {

    private UnexpectedArguments() {}

    /**
     * Fails when the command line holds positional words.
     *
     * @throws CommandException a usage error naming the first stray word
     */
    static void refuse(CommandLine commandLine) {
        List<String> arguments = commandLine.getArgList();
        if (!arguments.isEmpty()) {
            throw CommandException.usage("unexpected argument '" + arguments.get(0) + "'");
        }
    }
}
