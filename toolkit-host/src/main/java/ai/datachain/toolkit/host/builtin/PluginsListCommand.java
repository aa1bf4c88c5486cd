package ai.datachain.toolkit.host.builtin;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandDeclaration;
import ai.datachain.toolkit.api.Example;
import ai.datachain.toolkit.api.Invocation;
import ai.datachain.toolkit.host.cli.CommandTree;
import ai.datachain.toolkit.host.plugins.PluginDirectories;
import ai.datachain.toolkit.host.plugins.PluginHost;
import ai.datachain.toolkit.host.plugins.PluginOrigins;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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
        if (found.isEmpty()) {
            out.println("No plugins found.");
            return 0;
        }
        PluginLocations locations = new PluginLocations(plugins, imageHome, invocation.environment());
        PluginOrigins origins = PluginOrigins.in(PluginDirectories.user(invocation.environment()));
        for (PluginWrapper plugin : found) {
            String state = plugins.incompatibility(plugin.getPluginId()).map(reason -> "skipped: " + reason)
                    .orElseGet(() -> state(plugin));
            out.println(plugin.getPluginId() + " " + plugin.getDescriptor().getVersion() + " (" + state + ")");
            // A bundled plugin comes with the image: 'plugins remove' refuses it, 'plugins disable' works.
            out.println("  from: " + plugin.getPluginPath() + (locations.isBundled(plugin) ? " (bundled)" : ""));
            origins.describe(plugin.getPluginId()).ifPresent(origin -> out.println("  installed from: " + origin));
            List<String> commands = tree.get().leaves().stream()
                    .filter(node -> node.source().equals(plugin.getPluginId()))
                    .map(node -> String.join(" ", node.path()))
                    .toList();
            out.println("  commands: " + (commands.isEmpty() ? "(none)" : String.join(", ", commands)));
        }
        return 0;
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
        return state.toString().toLowerCase(Locale.ROOT);
    }
}
