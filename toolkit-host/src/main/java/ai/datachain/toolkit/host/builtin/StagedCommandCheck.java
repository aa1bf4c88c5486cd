package ai.datachain.toolkit.host.builtin;

import ai.datachain.toolkit.api.CommandException;
import ai.datachain.toolkit.host.ToolkitVersion;
import ai.datachain.toolkit.host.cli.CommandTree;
import ai.datachain.toolkit.host.plugins.PluginHost;
import ai.datachain.toolkit.host.plugins.UserPluginDirectory;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.pf4j.PluginWrapper;

/**
 * The last check of {@code plugins install} and {@code plugins update}: the staged plugin's
 * commands, created once (so this runs its code), must be new. None may be a command of the
 * image (a plugin never replaces those) or one another installed plugin provides (only one could
 * win); a plugin whose commands cannot be created is refused too.
 */
final class StagedCommandCheck implements UserPluginDirectory.StagedCheck {

    private final PluginHost plugins;
    private final Supplier<CommandTree> tree;

    StagedCommandCheck(PluginHost plugins, Supplier<CommandTree> tree) {
        this.plugins = plugins;
        this.tree = tree;
    }

    @Override
    public void check(Path root, String id) throws CommandException {
        refuseClashes(root, id);
    }

    private void refuseClashes(Path root, String id) throws CommandException {
        // The other directories too: a plugin's dependencies may be installed already.
        PluginHost.Probe probe = PluginHost.probe(root, plugins.roots(), id, ToolkitVersion.get());
        if (probe.problem().isPresent()) {
            throw new CommandException("plugin " + id + " cannot be installed: " + probe.problem().get());
        }
        for (List<String> path : probe.commands()) {
            Optional<CommandTree.Node> node = find(path);
            if (node.isEmpty() || !node.get().isLeaf() || node.get().source().equals(id)) {
                continue;
            }
            String source = node.get().source();
            String command = String.join(" ", path);
            PluginWrapper owner = plugins.manager().getPlugin(source);
            if (owner == null || plugins.isImagePlugin(owner)) {
                throw new CommandException("plugin " + id + " cannot be installed: its command '" + command
                        + "' is one of the datachain image's own (" + source + "), which plugins cannot replace");
            }
            throw new CommandException("plugin " + id + " cannot be installed: its command '" + command
                    + "' is already provided by plugin " + source + "; remove or disable " + source + " first");
        }
    }

    private Optional<CommandTree.Node> find(List<String> path) {
        CommandTree.Node node = tree.get().root();
        for (String word : path) {
            Optional<CommandTree.Node> child = node.child(word);
            if (child.isEmpty()) {
                return Optional.empty();
            }
            node = child.get();
        }
        return Optional.of(node);
    }
}
