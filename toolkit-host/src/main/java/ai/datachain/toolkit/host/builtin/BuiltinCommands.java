package ai.datachain.toolkit.host.builtin;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandGroup;
import ai.datachain.toolkit.host.cli.CommandTree;
import ai.datachain.toolkit.host.plugins.PluginHost;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/** The commands the host itself provides, whatever plugins are installed. */
public final class BuiltinCommands {

    private final PluginHost plugins;
    private final Path imageHome;
    private final Supplier<CommandTree> tree;

    public BuiltinCommands(PluginHost plugins, Path imageHome, Supplier<CommandTree> tree) {
        this.plugins = plugins;
        this.imageHome = imageHome;
        this.tree = tree;
    }

    public List<Command> commands() {
        return List.of(new PluginsListCommand(plugins, imageHome, tree),
                new PluginsInstallCommand(plugins, imageHome),
                new PluginsUpdateCommand(plugins, imageHome),
                new PluginsRemoveCommand(plugins, imageHome),
                PluginsSwitchCommand.disable(plugins, imageHome),
                PluginsSwitchCommand.enable(plugins, imageHome),
                new RuntimeCreateCommand(plugins, imageHome),
                new CompletionCommand(tree),
                new ConfigGetCommand(), new ConfigSetCommand(), new ConfigUnsetCommand(), new ConfigListCommand());
    }

    public List<CommandGroup> groups() {
        return List.of(new SimpleGroup(List.of("plugins"), "List and manage plugins."),
                new SimpleGroup(List.of("config"), "Read and change settings in the configuration files."),
                new SimpleGroup(List.of("runtime"), "Make a runtime of your own: your defaults and plugins built in."));
    }

    /** A group description given in code. */
    private record SimpleGroup(List<String> path, String summary) implements CommandGroup {}
}
