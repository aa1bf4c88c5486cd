package ai.datachain.toolkit.host.builtin;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandDeclaration;
import ai.datachain.toolkit.api.CommandException;
import ai.datachain.toolkit.api.Example;
import ai.datachain.toolkit.api.Invocation;
import ai.datachain.toolkit.host.plugins.DisabledPlugins;
import ai.datachain.toolkit.host.plugins.PluginHost;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code datachain plugins disable ID} and {@code plugins enable ID}: switch any plugin off or on
 * for this user, the image's included. The choice lives in the user plugin directory and takes
 * effect from the next run.
 */
final class PluginsSwitchCommand implements Command {

    private final PluginHost plugins;
    private final Path imageHome;
    private final boolean enable;

    private PluginsSwitchCommand(PluginHost plugins, Path imageHome, boolean enable) {
        this.plugins = plugins;
        this.imageHome = imageHome;
        this.enable = enable;
    }

    static PluginsSwitchCommand enable(PluginHost plugins, Path imageHome) {
        return new PluginsSwitchCommand(plugins, imageHome, true);
    }

    static PluginsSwitchCommand disable(PluginHost plugins, Path imageHome) {
        return new PluginsSwitchCommand(plugins, imageHome, false);
    }

    private String verb() {
        return enable ? "enable" : "disable";
    }

    @Override
    public CommandDeclaration declaration() {
        return CommandDeclaration.of("plugins " + verb(),
                        enable ? "Turn a disabled plugin back on." : "Turn a plugin off without removing it.")
                .withDescription(enable
                        ? "Turn a plugin switched off with 'datachain plugins disable' back on, from the next run."
                        : "Turn a plugin off, from the next run: its commands disappear until 'datachain plugins"
                                + " enable ID'. Works for plugins that come with the datachain image too.")
                .withArguments(PluginIdArgument.ID)
                .withExamples(new Example("datachain plugins " + verb() + " hello",
                        enable ? "Turn the plugin 'hello' back on." : "Turn the plugin 'hello' off."));
    }

    @Override
    public int run(Invocation invocation) throws CommandException {
        String id = PluginIdArgument.from(invocation);
        PluginLocations locations = new PluginLocations(plugins, imageHome, invocation.environment());
        DisabledPlugins disabled = locations.disabled();
        Set<String> known = new TreeSet<>(locations.knownIds());
        known.addAll(disabled.ids());
        if (!known.contains(id)) {
            throw PluginIdArgument.unknown(id, known);
        }
        PrintStream out = invocation.console().out();
        if (disabled.isPluginDisabled(id) != enable) {
            out.println("Plugin " + id + " is already " + verb() + "d");
            return 0;
        }
        if (enable) {
            disabled.enablePlugin(id);
        } else {
            disabled.disablePlugin(id);
        }
        out.println((enable ? "Enabled" : "Disabled") + " plugin " + id);
        return 0;
    }
}
