package ai.datachain.toolkit.host.builtin;

import ai.datachain.toolkit.api.Argument;
import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandDeclaration;
import ai.datachain.toolkit.api.CommandException;
import ai.datachain.toolkit.api.Example;
import ai.datachain.toolkit.api.Invocation;
import ai.datachain.toolkit.host.plugins.PluginHost;
import ai.datachain.toolkit.host.plugins.UserPluginDirectory;
import java.nio.file.Path;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code datachain plugins install PATH}: checks a plugin archive and installs it for this user. */
final class PluginsInstallCommand implements Command {

    private final PluginHost plugins;
    private final Path imageHome;

    PluginsInstallCommand(PluginHost plugins, Path imageHome) {
        this.plugins = plugins;
        this.imageHome = imageHome;
    }

    @Override
    public CommandDeclaration declaration() {
        return CommandDeclaration.of("plugins install", "Install a plugin (.zip or .jar) for your user.")
                .withDescription("Install a plugin archive into your plugin directory ($XDG_DATA_HOME/datachain/plugins,"
                        + " else ~/.local/share/datachain/plugins). The archive is checked first: it must be a"
                        + " readable .zip or .jar with a PF4J descriptor (plugin.properties or a manifest with"
                        + " Plugin-Id), no entry may point outside the plugin's directory, its 'requires' range must"
                        + " admit this datachain, and its id must not be installed already. Nothing is copied unless"
                        + " every check passes.")
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
                locations.providedElsewhere());
        invocation.console().out().println((installed.replaced() ? "Replaced" : "Installed") + " plugin "
                + installed.id() + " " + installed.version() + " in " + installed.location());
        if (locations.disabled().isPluginDisabled(installed.id())) {
            invocation.console().err().println("note: plugin " + installed.id()
                    + " is disabled; 'datachain plugins enable " + installed.id() + "' turns it on");
        }
        return 0;
    }
}
