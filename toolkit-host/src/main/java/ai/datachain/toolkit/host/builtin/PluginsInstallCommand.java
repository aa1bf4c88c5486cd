package ai.datachain.toolkit.host.builtin;

import ai.datachain.toolkit.api.Argument;
import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandDeclaration;
import ai.datachain.toolkit.api.CommandException;
import ai.datachain.toolkit.api.Example;
import ai.datachain.toolkit.api.Invocation;
import ai.datachain.toolkit.host.plugins.PluginCoordinates;
import ai.datachain.toolkit.host.plugins.PluginHost;
import ai.datachain.toolkit.host.plugins.PluginOrigins;
import ai.datachain.toolkit.host.plugins.PluginsByCoordinates;
import ai.datachain.toolkit.host.plugins.UserPluginDirectory;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code datachain plugins install PATH|GROUP:ARTIFACT[:VERSION]}: checks a plugin archive, from a
 * file or downloaded by coordinates, and installs it for this user.
 */
final class PluginsInstallCommand implements Command {

    private final PluginHost plugins;
    private final Path imageHome;

    PluginsInstallCommand(PluginHost plugins, Path imageHome) {
        this.plugins = plugins;
        this.imageHome = imageHome;
    }

    @Override
    public CommandDeclaration declaration() {
        return CommandDeclaration.of("plugins install",
                        "Install a plugin for your user, from a file or by Maven coordinates.")
                .withDescription("Install a plugin archive into your plugin directory ($XDG_DATA_HOME/datachain/plugins,"
                        + " else ~/.local/share/datachain/plugins). The archive is checked first: it must be a"
                        + " readable .zip or .jar with a PF4J descriptor (plugin.properties or a manifest with"
                        + " Plugin-Id), no entry may point outside the plugin's directory, its 'requires' range must"
                        + " admit this datachain, and its id must not be installed already. Nothing is copied unless"
                        + " every check passes. GROUP:ARTIFACT[:VERSION] downloads the plugin's -plugin.zip (else its"
                        + " jar) from the repositories in the plugins.repositories setting (Maven Central when"
                        + " unset), verified against the checksums published beside it; without a version, the"
                        + " newest release whose 'requires' range admits this datachain.")
                .withArguments(Argument.required("PLUGIN",
                        "The plugin archive (a .zip or .jar file), or GROUP:ARTIFACT[:VERSION] to download."))
                .withExamples(new Example("datachain plugins install hello-plugin-1.0.0.zip",
                                "Install a plugin; its commands are available from the next run."),
                        new Example("datachain plugins install com.example:hello-plugin",
                                "Install the newest release that works with this datachain from Maven Central."),
                        new Example("datachain plugins install com.example:hello-plugin:1.2.0",
                                "Install one release."));
    }

    @Override
    public Options options() {
        return new Options().addOption(Option.builder("f").longOpt("force")
                .desc("Replace an installed plugin with the same id.").get());
    }

    @Override
    public int run(Invocation invocation) throws CommandException {
        String argument = invocation.commandLine().getArgList().get(0);
        boolean force = invocation.commandLine().hasOption("force");
        Path file = invocation.environment().workingDirectory().resolve(argument).normalize();
        PluginLocations locations = new PluginLocations(plugins, imageHome, invocation.environment());
        PluginOrigins origins = PluginOrigins.in(locations.user().root());
        Optional<PluginCoordinates> coordinates = PluginCoordinates.unlessFile(argument, file);
        UserPluginDirectory.InstalledPlugin installed;
        if (coordinates.isPresent()) {
            Path scratch = PluginRepositories.scratch();
            try {
                PluginsByCoordinates.Download download = PluginRepositories.open(invocation, imageHome)
                        .fetch(coordinates.get(), scratch);
                installed = locations.user().install(download.artifact().file(), force, invocation.toolkitVersion(),
                        locations.providedElsewhere());
                origins.recordCoordinates(installed.id(), download.coordinates(),
                        download.artifact().repository().toString());
            } finally {
                UserPluginDirectory.deleteQuietly(scratch);
            }
        } else {
            installed = locations.user().install(file, force, invocation.toolkitVersion(),
                    locations.providedElsewhere());
            origins.recordPath(installed.id(), file);
        }
        invocation.console().out().println((installed.replaced() ? "Replaced" : "Installed") + " plugin "
                + installed.id() + " " + installed.version() + " in " + installed.location());
        if (locations.disabled().isPluginDisabled(installed.id())) {
            invocation.console().err().println("note: plugin " + installed.id()
                    + " is disabled; 'datachain plugins enable " + installed.id() + "' turns it on");
        }
        return 0;
    }
}
