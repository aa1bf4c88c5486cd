package ai.datachain.toolkit.host.builtin;

import ai.datachain.toolkit.api.Argument;
import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandDeclaration;
import ai.datachain.toolkit.api.CommandException;
import ai.datachain.toolkit.api.Example;
import ai.datachain.toolkit.api.Invocation;
import ai.datachain.toolkit.host.ToolkitVersion;
import ai.datachain.toolkit.host.cli.CommandTree;
import ai.datachain.toolkit.host.plugins.PluginHost;
import ai.datachain.toolkit.host.plugins.UserPluginDirectory;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.pf4j.PluginWrapper;

/** {@code datachain plugins install PATH}: checks a plugin archive and installs it for this user. */
final class PluginsInstallCommand implements Command {

    private final PluginHost plugins;
    private final Path imageHome;
    private final Supplier<CommandTree> tree;

    PluginsInstallCommand(PluginHost plugins, Path imageHome, Supplier<CommandTree> tree) {
        this.plugins = plugins;
        this.imageHome = imageHome;
        this.tree = tree;
    }

    @Override
    public CommandDeclaration declaration() {
        return CommandDeclaration.of("plugins install", "Install a plugin (.zip or .jar) for your user.")
                .withDescription("Install a plugin archive into your plugin directory ($XDG_DATA_HOME/datachain/plugins,"
                        + " else ~/.local/share/datachain/plugins). The archive is checked first: it must be a"
                        + " readable .zip or .jar with a PF4J descriptor (plugin.properties or a manifest with"
                        + " Plugin-Id), no entry may point outside the plugin's directory, it may unpack to at most"
                        + " 10000 entries and 256 MiB, its 'requires' range must admit this datachain, its id must not"
                        + " be installed already, and its commands must be new: none of the datachain image's own,"
                        + " none of another installed plugin's (this creates the plugin's commands, so it runs the"
                        + " plugin's code). Nothing is copied unless every check passes.")
                .withArguments(Argument.required("PATH", "The plugin archive, a .zip or .jar file."))
                .withExamples(new Example("datachain plugins install hello-plugin-1.0.0.zip",
                        "Install a plugin; its commands are available from the next run."));
    }

    @Override
    public Options options() {
        return new Options().addOption(Option.builder("f").longOpt("force")
                .desc("Replace an installed plugin with the same id.").get());
    }

    @Override
    public int run(Invocation invocation) throws CommandException {
        String path = invocation.commandLine().getArgList().get(0);
        Path file = invocation.environment().workingDirectory().resolve(path).normalize();
        PluginLocations locations = new PluginLocations(plugins, imageHome, invocation.environment());
        UserPluginDirectory.InstalledPlugin installed = locations.user().install(file,
                invocation.commandLine().hasOption("force"), invocation.toolkitVersion(),
                locations.providedElsewhere(), this::refuseClashes);
        invocation.console().out().println((installed.replaced() ? "Replaced" : "Installed") + " plugin "
                + installed.id() + " " + installed.version() + " in " + installed.location());
        if (locations.disabled().isPluginDisabled(installed.id())) {
            invocation.console().err().println("note: plugin " + installed.id()
                    + " is disabled; 'datachain plugins enable " + installed.id() + "' turns it on");
        }
        return 0;
    }

    /**
     * Refuses a plugin that cannot be created, or whose commands the image already has (a plugin
     * never replaces those) or another installed plugin already provides (only one could win).
     */
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
