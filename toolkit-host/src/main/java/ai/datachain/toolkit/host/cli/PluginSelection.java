package ai.datachain.toolkit.host.cli;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandDeclaration;
import ai.datachain.toolkit.api.CommandGroup;
import ai.datachain.toolkit.api.Environment;
import ai.datachain.toolkit.host.ToolkitVersion;
import ai.datachain.toolkit.host.builtin.BuiltinCommands;
import ai.datachain.toolkit.host.plugins.CommandIndex;
import ai.datachain.toolkit.host.plugins.DisabledPlugins;
import ai.datachain.toolkit.host.plugins.PluginDirectories;
import ai.datachain.toolkit.host.plugins.PluginHost;
import ai.datachain.toolkit.host.plugins.RecordedCommand;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.PluginWrapper;

/**
 * The second stage: starts the plugins the command words need and builds the command tree from
 * them and the built-ins, warning about plugins that could not load and about clashing commands.
 */
final class PluginSelection {

    private static final String BUILTIN_SOURCE = "datachain";

    private final Environment environment;
    private final Path imageHome;
    private final PrintStream err;

    /**
     * The plugins of this run and the tree of every command they and the host contribute.
     *
     * @param plugins the started plugins (all of them, or only the one the command index names)
     * @param tree the commands and groups
     */
    record Commands(PluginHost plugins, CommandTree tree) {}

    PluginSelection(Environment environment, Path imageHome, PrintStream err) {
        this.environment = environment;
        this.imageHome = imageHome;
        this.err = err;
    }

    /**
     * Starts the plugins for {@code words} (the line after the root flags; {@code help} when they
     * asked for help); warnings unless {@code verbosity} is negative.
     */
    Commands select(List<String> words, boolean help, int verbosity) {
        // Only the plugin that owns the command is started when the command index knows it; the plugin
        // commands start no user plugin, help none at all.
        PluginHost plugins = PluginHost.startFor(commandWords(words), PluginDirectories.all(imageHome, environment),
                PluginDirectories.bundled(imageHome), ToolkitVersion.get(), CommandIndex.directory(environment),
                DisabledPlugins.in(PluginDirectories.user(environment)), BuiltinCommands.reach(words, help));
        List<String> warnings = new ArrayList<>();
        Map<String, String> groups = new LinkedHashMap<>();
        CommandTree tree = buildTree(plugins, warnings, groups);
        // After the tree: creating the commands is what finds a constructor that throws.
        warnings.addAll(0, plugins.problems());
        warnings.addAll(tree.conflicts());
        if (verbosity >= 0) {
            warnings.forEach(warning -> err.println("warning: " + warning));
        }
        if (plugins.rewritesIndex()) { // recording the commands asks each for its options: only when stored
            plugins.remember(commandSources(tree), pluginCommands(tree), groups, tree.conflicts());
        }
        return new Commands(plugins, tree);
    }

    /**
     * The words without the flags the tree walk accepts between them, so that {@code auth -v status}
     * finds {@code auth status} in the command index like {@code auth status -v} does. A word after
     * the command is never part of a command path, so dropping flags there changes nothing.
     */
    static List<String> commandWords(List<String> words) {
        return words.stream().filter(word -> !word.startsWith("-")).toList();
    }

    /** The tree of every command; the groups started plugins describe go to {@code groups} (path to summary). */
    private CommandTree buildTree(PluginHost plugins, List<String> warnings, Map<String, String> groups) {
        CommandTree tree = new CommandTree();
        BuiltinCommands builtins = new BuiltinCommands(plugins, imageHome, () -> tree);
        builtins.commands().forEach(command -> tree.add(command, command.declaration(), BUILTIN_SOURCE));
        builtins.groups().forEach(tree::describe);
        for (PluginWrapper plugin : plugins.plugins()) {
            if (!plugin.getPluginState().isStarted()) {
                continue;
            }
            String id = plugin.getPluginId();
            Map<Command, CommandDeclaration> declared = new LinkedHashMap<>();
            List<CommandGroup> described;
            try {
                // Every declaration first: a plugin with one malformed command adds none.
                plugins.extensions(Command.class, id).forEach(command -> declared.put(command, command.declaration()));
                described = plugins.extensions(CommandGroup.class, id);
            } catch (RuntimeException | LinkageError e) {
                warnings.add("plugin " + id + " skipped: its commands could not be created: " + e);
                continue;
            }
            declared.forEach((command, declaration) -> tree.add(command, declaration, id));
            described.forEach(tree::describe);
            described.forEach(group -> groups.putIfAbsent(String.join(" ", group.path()), group.summary()));
        }
        builtins.describedPluginCommands().forEach(tree::describe);
        return tree;
    }

    /** Each plugin command as the command index records it. */
    private static Map<String, RecordedCommand> pluginCommands(CommandTree tree) {
        Map<String, RecordedCommand> commands = new LinkedHashMap<>();
        for (CommandTree.Node leaf : tree.leaves()) {
            if (!leaf.source().equals(BUILTIN_SOURCE)) {
                commands.put(String.join(" ", leaf.path()), RecordedCommand.of(leaf.declaration().orElseThrow(),
                        leaf.command().orElseThrow().options()));
            }
        }
        return commands;
    }

    /** Which plugin contributes each plugin command, for the command index. */
    private static Map<String, String> commandSources(CommandTree tree) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (CommandTree.Node leaf : tree.leaves()) {
            if (!leaf.source().equals(BUILTIN_SOURCE)) {
                sources.put(String.join(" ", leaf.path()), leaf.source());
            }
        }
        return sources;
    }
}
