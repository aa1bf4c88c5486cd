package ai.datachain.toolkit.host.builtin;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandDeclaration;
import ai.datachain.toolkit.api.CommandException;
import ai.datachain.toolkit.api.Example;
import ai.datachain.toolkit.api.Invocation;
import ai.datachain.toolkit.host.plugins.PluginHost;
import ai.datachain.toolkit.host.plugins.PluginOrigins;
import java.nio.file.Path;
import java.util.Optional;
import org.pf4j.PluginWrapper;

/** {@code datachain plugins remove ID}: uninstalls a plugin the user installed. */
final class PluginsRemoveCommand implements Command {

    private final PluginHost plugins;
    private final Path imageHome;

    PluginsRemoveCommand(PluginHost plugins, Path imageHome) {
        this.plugins = plugins;
        this.imageHome = imageHome;
    }

    @Override
    public CommandDeclaration declaration() {
        return CommandDeclaration.of("plugins remove", "Remove a plugin you installed.")
                .withDescription("Remove a plugin from your plugin directory. Plugins that come with the datachain"
                        + " image cannot be removed; 'datachain plugins disable ID' switches one off instead.")
                .withArguments(PluginIdArgument.ID)
                .withExamples(new Example("datachain plugins remove hello", "Uninstall the plugin with id 'hello'."));
    }

    @Override
    public int run(Invocation invocation) throws CommandException {
        String id = PluginIdArgument.from(invocation);
        PluginLocations locations = new PluginLocations(plugins, imageHome, invocation.environment());
        if (!locations.user().installed().containsKey(id)) {
            Optional<PluginWrapper> other = locations.elsewhere(id);
            if (other.isPresent() && locations.isBundled(other.get())) {
                throw new CommandException("plugin " + id + " is part of the datachain image and cannot be removed;"
                        + " 'datachain plugins disable " + id + "' switches it off");
            }
            if (other.isPresent()) {
                throw new CommandException("plugin " + id + " is not installed but loaded from "
                        + locations.describe(other.get()) + "; remove it there");
            }
            throw PluginIdArgument.unknown(id, locations.knownIds());
        }
        locations.user().remove(id);
        locations.disabled().enablePlugin(id);
        PluginOrigins.in(locations.user().root()).forget(id);
        invocation.console().out().println("Removed plugin " + id);
        return 0;
    }
}
