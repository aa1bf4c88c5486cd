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
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code datachain plugins update [ID…]}: moves plugins installed by coordinates to the newest
 * release that admits this toolkit. Each replacement is one atomic install: on any failure the
 * installed release stays as it was.
 */
final class PluginsUpdateCommand implements Command {

    private final PluginHost plugins;
    private final Path imageHome;

    PluginsUpdateCommand(PluginHost plugins, Path imageHome) {
        this.plugins = plugins;
        this.imageHome = imageHome;
    }

    @Override
    public CommandDeclaration declaration() {
        return CommandDeclaration.of("plugins update",
                        "Update plugins installed by Maven coordinates to their newest compatible release.")
                .withDescription("Look up newer releases of the plugins installed with 'datachain plugins install"
                        + " GROUP:ARTIFACT', in the repositories of the plugins.repositories setting, and install the"
                        + " newest one whose 'requires' range admits this datachain, checked like any install."
                        + " Without IDs, every plugin installed by coordinates. A failed update leaves the installed"
                        + " release in place.")
                .withArguments(Argument.any("ID", "A plugin to update; all installed by coordinates when none is given."))
                .withExamples(new Example("datachain plugins update", "Update every plugin installed by coordinates."),
                        new Example("datachain plugins update hello", "Update one plugin."));
    }

    @Override
    public int run(Invocation invocation) throws CommandException {
        PluginLocations locations = new PluginLocations(plugins, imageHome, invocation.environment());
        PluginOrigins origins = PluginOrigins.in(locations.user().root());
        Map<String, PluginCoordinates> updatable = updatable(invocation.commandLine().getArgList(), locations, origins);
        PrintStream out = invocation.console().out();
        if (updatable.isEmpty()) {
            out.println("No plugins installed by coordinates; 'datachain plugins install GROUP:ARTIFACT' installs one.");
            return 0;
        }
        PluginsByCoordinates releases = PluginRepositories.open(invocation, imageHome);
        for (Map.Entry<String, PluginCoordinates> plugin : updatable.entrySet()) {
            Path scratch = PluginRepositories.scratch();
            try {
                Optional<PluginsByCoordinates.Download> newer = releases.newer(plugin.getValue(), scratch);
                if (newer.isEmpty()) {
                    out.println("Plugin " + plugin.getKey() + " is up to date (" + plugin.getValue().version().orElseThrow()
                            + ")");
                    continue;
                }
                PluginsByCoordinates.Download download = newer.get();
                UserPluginDirectory.InstalledPlugin installed = locations.user().install(download.artifact().file(),
                        true, invocation.toolkitVersion(), locations.providedElsewhere());
                if (!installed.id().equals(plugin.getKey())) {
                    // The new release renamed itself: keep both honest rather than guess.
                    throw new CommandException(download.coordinates() + " is plugin " + installed.id() + ", not "
                            + plugin.getKey() + "; it was installed beside it, remove the one you do not want");
                }
                origins.recordCoordinates(installed.id(), download.coordinates(),
                        download.artifact().repository().toString());
                out.println("Updated plugin " + installed.id() + " from " + plugin.getValue().version().orElseThrow()
                        + " to " + installed.version());
            } finally {
                UserPluginDirectory.deleteQuietly(scratch);
            }
        }
        return 0;
    }

    /** The plugins to look at, by id: those named, which must be installed by coordinates, or all such. */
    private static Map<String, PluginCoordinates> updatable(List<String> ids, PluginLocations locations,
            PluginOrigins origins) {
        Map<String, PluginCoordinates> updatable = new LinkedHashMap<>();
        List<String> candidates = ids.isEmpty() ? new ArrayList<>(locations.user().installed().keySet()) : ids;
        for (String id : candidates) {
            Optional<PluginCoordinates> coordinates = origins.coordinates(id);
            if (coordinates.isPresent()) {
                updatable.put(id, coordinates.get());
            } else if (!ids.isEmpty()) {
                if (!locations.user().installed().containsKey(id)) {
                    throw PluginIdArgument.unknown(id, locations.knownIds());
                }
                throw new CommandException("plugin " + id + " was installed from a file, not by coordinates;"
                        + " install a newer file with 'datachain plugins install PATH --force'");
            }
        }
        return updatable;
    }
}
