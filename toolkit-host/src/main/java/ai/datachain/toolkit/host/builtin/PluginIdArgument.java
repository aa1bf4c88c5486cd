package ai.datachain.toolkit.host.builtin;

import ai.datachain.toolkit.api.CommandException;
import ai.datachain.toolkit.api.Invocation;
import ai.datachain.toolkit.host.cli.Suggestions;
import java.util.List;
import java.util.Set;

/** The single plugin id the plugin management commands take, and the error for an unknown one. */
final class PluginIdArgument {

    private PluginIdArgument() {}

    static String from(Invocation invocation) throws CommandException {
        List<String> arguments = invocation.commandLine().getArgList();
        if (arguments.size() != 1) {
            throw CommandException.usage("expected one plugin id (ID), got " + arguments.size());
        }
        return arguments.get(0);
    }

    static CommandException unknown(String id, Set<String> known) {
        String message = "no plugin " + id + " is installed";
        return new CommandException(Suggestions.closest(id, known)
                .map(suggestion -> message + ". Did you mean '" + suggestion + "'?")
                .orElse(message + " ('datachain plugins list' shows them)"));
    }
}
