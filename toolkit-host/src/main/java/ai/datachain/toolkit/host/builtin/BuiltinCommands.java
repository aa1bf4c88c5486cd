package ai.datachain.toolkit.host.builtin;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandGroup;
import ai.datachain.toolkit.host.cli.CommandTree;
import ai.datachain.toolkit.host.plugins.PluginHost;
import java.nio.file.Path;
import java.util.ArrayList;
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
                new PluginsInstallCommand(plugins, imageHome, tree),
                new PluginsUpdateCommand(plugins, imageHome, tree),
                new PluginsRemoveCommand(plugins, imageHome),
                PluginsSwitchCommand.disable(plugins, imageHome),
                PluginsSwitchCommand.enable(plugins, imageHome),
                new RuntimeCreateCommand(plugins, imageHome),
                new CompletionCommand(tree, plugins),
                new ConfigGetCommand(), new ConfigSetCommand(), new ConfigUnsetCommand(), new ConfigListCommand());
    }

    /**
     * How much plugin code the command line {@code words} (after the root flags) needs. None for
     * help that shows only what the index knows of plugins: the root's help (no command word) and
     * the help of built-in commands. No user plugin, so that a plugin that hangs or exits when it
     * is created can always be listed, disabled and removed, for {@code completion} and every
     * {@code plugins} command but {@code install} and {@code update}. Only the config formats for
     * the {@code config} commands, which read and write files and run no plugin's command.
     * Otherwise the command's plugin.
     */
    public static PluginHost.Reach reach(List<String> words, boolean help) {
        boolean asksHelp = help || words.contains("-h") || words.contains("--help");
        // Flags may stand between the command words (plugins -v install): the words alone decide.
        List<String> plain = words.stream().filter(word -> !word.startsWith("-")).toList();
        if (plain.isEmpty()) {
            return PluginHost.Reach.INDEX;
        }
        boolean builtinHelp = asksHelp || plain.size() < 2; // a group's own words print its help
        return switch (plain.get(0)) {
            case "completion" -> asksHelp ? PluginHost.Reach.INDEX : PluginHost.Reach.IMAGE;
            // install and update check a new plugin's commands against every installed plugin's.
            case "plugins" -> builtinHelp ? PluginHost.Reach.INDEX
                    : List.of("install", "update").contains(plain.get(1)) ? PluginHost.Reach.COMMAND
                    : PluginHost.Reach.IMAGE;
            case "config" -> builtinHelp ? PluginHost.Reach.INDEX : PluginHost.Reach.FORMATS;
            case "runtime" -> builtinHelp ? PluginHost.Reach.INDEX : PluginHost.Reach.COMMAND;
            default -> PluginHost.Reach.COMMAND;
        };
    }

    /**
     * In a run that did not start every plugin: the groups and commands of the unstarted ones as
     * the last run that started them saw them, as words with their summaries, so the root's help
     * and completion still name them.
     */
    public List<CommandGroup> describedPluginCommands() {
        List<CommandGroup> described = new ArrayList<>();
        plugins.knownGroups().forEach((path, summary) ->
                described.add(new SimpleGroup(List.of(path.split(" ")), summary)));
        plugins.unstartedCommands().forEach((path, command) ->
                described.add(new SimpleGroup(List.of(path.split(" ")), command.summary())));
        return described;
    }

    public List<CommandGroup> groups() {
        return List.of(new SimpleGroup(List.of("plugins"), "List and manage plugins."),
                new SimpleGroup(List.of("config"), "Read and change settings in the configuration files."),
                new SimpleGroup(List.of("runtime"), "Make a runtime of your own: your defaults and plugins built in."));
    }

    /** A group description given in code. */
    private record SimpleGroup(List<String> path, String summary) implements CommandGroup {}
}
