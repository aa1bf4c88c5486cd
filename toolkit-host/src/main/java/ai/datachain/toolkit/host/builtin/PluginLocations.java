package ai.datachain.toolkit.host.builtin;

import ai.datachain.toolkit.api.Environment;
import ai.datachain.toolkit.host.plugins.DisabledPlugins;
import ai.datachain.toolkit.host.plugins.PluginDirectories;
import ai.datachain.toolkit.host.plugins.PluginHost;
import ai.datachain.toolkit.host.plugins.UserPluginDirectory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.pf4j.PluginWrapper;

/**
 * Where each plugin of this run came from, for the commands that manage plugins: the image's own
 * (never removed), the user's (installed, removable), or a {@code DATACHAIN_PLUGINS_DIR} directory.
 */
final class PluginLocations {

    private final PluginHost plugins;
    private final Path bundled;
    private final UserPluginDirectory user;

    PluginLocations(PluginHost plugins, Path imageHome, Environment environment) {
        this.plugins = plugins;
        this.bundled = PluginDirectories.bundled(imageHome).toAbsolutePath().normalize();
        this.user = new UserPluginDirectory(PluginDirectories.user(environment));
    }

    UserPluginDirectory user() {
        return user;
    }

    DisabledPlugins disabled() {
        return DisabledPlugins.in(user.root());
    }

    /** The plugin of {@code id} loaded from a root other than the user's, if any. */
    Optional<PluginWrapper> elsewhere(String id) {
        PluginWrapper plugin = plugins.manager().getPlugin(id);
        if (plugin == null || isIn(plugin, user.root())) {
            return Optional.empty();
        }
        return Optional.of(plugin);
    }

    boolean isBundled(PluginWrapper plugin) {
        return isIn(plugin, bundled);
    }

    /** Plugin ids loaded from other roots, each with a description of where from. */
    Map<String, String> providedElsewhere() {
        Map<String, String> elsewhere = new LinkedHashMap<>();
        for (PluginWrapper plugin : plugins.plugins()) {
            if (!isIn(plugin, user.root())) {
                elsewhere.put(plugin.getPluginId(), describe(plugin));
            }
        }
        return elsewhere;
    }

    /** Every plugin id this run knows of: loaded from any root, or installed by the user. */
    Set<String> knownIds() {
        Set<String> ids = new TreeSet<>(user.installed().keySet());
        plugins.plugins().forEach(plugin -> ids.add(plugin.getPluginId()));
        plugins.skipped().forEach(plugin -> ids.add(plugin.id()));
        plugins.disabledAndUnresolvable().forEach(plugin -> ids.add(plugin.id()));
        return ids;
    }

    String describe(PluginWrapper plugin) {
        if (isBundled(plugin)) {
            return "the datachain image (" + plugin.getPluginPath() + ")";
        }
        return plugin.getPluginPath() + " (from " + PluginDirectories.PLUGINS_DIR_VARIABLE + ")";
    }

    private static boolean isIn(PluginWrapper plugin, Path root) {
        return plugin.getPluginPath().toAbsolutePath().normalize().startsWith(root);
    }
}
