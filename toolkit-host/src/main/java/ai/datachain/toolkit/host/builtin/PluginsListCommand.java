package ai.datachain.toolkit.host.builtin;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandDeclaration;
import ai.datachain.toolkit.api.Example;
import ai.datachain.toolkit.api.Invocation;
import ai.datachain.toolkit.host.cli.CommandTree;
import ai.datachain.toolkit.host.plugins.PluginDirectories;
import ai.datachain.toolkit.host.plugins.PluginHost;
import ai.datachain.toolkit.host.plugins.PluginOrigins;
import ai.datachain.toolkit.host.plugins.SkippedPlugin;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/** {@code datachain plugins list}: every plugin found, its state, origin and commands. */
final class PluginsListCommand implements Command {

    private final PluginHost plugins;
    private final Path imageHome;
    private final Supplier<CommandTree> tree;

    PluginsListCommand(PluginHost plugins, Path imageHome, Supplier<CommandTree> tree) {
        this.plugins = plugins;
        this.imageHome = imageHome;
        this.tree = tree;
    }

    @Override
    public CommandDeclaration declaration() {
        return CommandDeclaration.of("plugins list",
                        "List the plugins found, their state, where they came from and their commands.")
                .withExamples(new Example("datachain plugins list", "Show every plugin and the commands it adds."));
    }

    @Override
    public int run(Invocation invocation) {
        PrintStream out = invocation.console().out();
        List<PluginWrapper> found = plugins.plugins();
        List<SkippedPlugin> unresolved = plugins.skipped().stream()
                .filter(skipped -> plugins.manager().getPlugin(skipped.id()) == null).toList();
        List<SkippedPlugin> disabled = plugins.disabledAndUnresolvable();
        if (found.isEmpty() && unresolved.isEmpty() && disabled.isEmpty()) {
            out.println("No plugins found.");
            return 0;
        }
        PluginLocations locations = new PluginLocations(plugins, imageHome, invocation.environment());
        PluginOrigins origins = PluginOrigins.in(PluginDirectories.user(invocation.environment()));
        for (PluginWrapper plugin : found) {
            String id = plugin.getPluginId();
            String state = plugins.incompatibility(id).or(() -> failure(plugin)).map(reason -> "skipped: " + reason)
                    .orElseGet(() -> state(plugin));
            out.println(id + " " + plugin.getDescriptor().getVersion() + " (" + state + ")");
            // A bundled plugin comes with the image: 'plugins remove' refuses it, 'plugins disable' works.
            out.println("  from: " + plugin.getPluginPath() + (locations.isBundled(plugin) ? " (bundled)" : ""));
            origins.describe(id).ifPresent(origin -> out.println("  installed from: " + origin));
            List<String> commands = plugin.getPluginState().isStarted()
                    ? tree.get().leaves().stream()
                            .filter(node -> node.source().equals(id))
                            .map(node -> String.join(" ", node.path()))
                            .toList()
                    : plugins.lastCommands(id);
            out.println("  commands: " + (commands.isEmpty() ? "(none)" : String.join(", ", commands)));
        }
        for (SkippedPlugin plugin : unresolved) {
            print(out, origins, plugin, "skipped: " + plugin.reason());
        }
        for (SkippedPlugin plugin : disabled) {
            print(out, origins, plugin, "disabled");
        }
        return 0;
    }

    private static void print(PrintStream out, PluginOrigins origins, SkippedPlugin plugin, String state) {
        out.println(plugin.id() + " " + plugin.version() + " (" + state + ")");
        out.println("  from: " + plugin.path());
        origins.describe(plugin.id()).ifPresent(origin -> out.println("  installed from: " + origin));
        out.println("  commands: (none)");
    }

    /** Why a plugin failed in this run, or, when this run did not start it, in the last run that did. */
    private Optional<String> failure(PluginWrapper plugin) {
        if (plugin.getPluginState().isFailed()) {
            return plugins.skipped().stream().filter(skipped -> skipped.id().equals(plugin.getPluginId()))
                    .map(SkippedPlugin::reason).findFirst();
        }
        if (plugin.getPluginState() == PluginState.RESOLVED) {
            return plugins.lastFailure(plugin.getPluginId());
        }
        return Optional.empty();
    }

    private static String state(PluginWrapper plugin) {
        PluginState state = plugin.getPluginState();
        if (state.isStarted()) {
            return "started";
        }
        if (state.isDisabled()) {
            return "disabled";
        }
        if (state.isFailed()) {
            return "failed";
        }
        if (state == PluginState.RESOLVED) {
            return "enabled"; // this run did not start it: listing plugins runs none of their code
        }
        return state.toString().toLowerCase(Locale.ROOT);
    }
}
