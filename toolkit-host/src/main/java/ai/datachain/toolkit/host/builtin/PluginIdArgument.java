package ai.datachain.toolkit.host.builtin;

import ai.datachain.toolkit.api.Argument;
import ai.datachain.toolkit.api.CommandException;
import ai.datachain.toolkit.api.Invocation;
import ai.datachain.toolkit.host.cli.Suggestions;
import java.util.Set;

/** The single plugin id the plugin management commands take, and the error for an unknown one. */
final class PluginIdArgument {

    /** How the commands declare it. */
    static final Argument ID = Argument.required("ID", "The plugin's id, as 'datachain plugins list' shows it.");

    private PluginIdArgument() {}

    static String from(Invocation invocation) {
        return invocation.commandLine().getArgList().get(0);
    }

    static CommandException unknown(String id, Set<String> known) {
        String message = "no plugin " + id + " is installed";
        return new CommandException(Suggestions.closest(id, known)
                .map(suggestion -> message + ". Did you mean '" + suggestion + "'?")
                .orElse(message + " ('datachain plugins list' shows them)"));
    }
}
