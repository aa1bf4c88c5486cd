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
     * True for the command lines that must start no user plugin, so that a plugin that hangs or
     * exits when it is created can always be listed, disabled and removed: the root's help (no
     * command word), the help of built-in commands, {@code completion} and every {@code plugins}
     * command but {@code install} and {@code update}. {@code words} is the command line after the root flags.
     */
    public static boolean needNoPluginCode(List<String> words, boolean help) {
        boolean asksHelp = help || words.contains("-h") || words.contains("--help");
        // Flags may stand between the command words (plugins -v install): the words alone decide.
        List<String> plain = words.stream().filter(word -> !word.startsWith("-")).toList();
        if (plain.isEmpty()) {
            return true;
        }
        return switch (plain.get(0)) {
            case "completion" -> true;
            // install and update check a new plugin's commands against every installed plugin's.
            case "plugins" -> asksHelp || plain.size() < 2 || !List.of("install", "update").contains(plain.get(1));
            case "config" -> asksHelp || plain.size() < 2;
            default -> false;
        };
    }

    /**
     * In a run that started no user plugin: the commands those plugins had in the last run that
     * did, as words with their summaries, so the root's help and completion still name them.
     */
    public List<CommandGroup> describedPluginCommands() {
        List<CommandGroup> described = new ArrayList<>();
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
