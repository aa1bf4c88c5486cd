package ai.datachain.toolkit.host.plugins;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginWrapper;

/**
 * An extension of one of the image's own plugins, started on demand for a host command that needs
 * it ({@code plugins install GROUP:ARTIFACT} needs the {@code maven-repository} plugin's source).
 * Only the image's plugin directory is looked at: a user's plugin can never stand in for it.
 */
public final class ImagePluginExtensions {

    private ImagePluginExtensions() {}

    /** The first extension of {@code type} that the image's plugin {@code pluginId} contributes. */
    public static <T> Optional<T> first(Path imageHome, String pluginId, Class<T> type, String systemVersion) {
        Path root = PluginDirectories.bundled(imageHome);
        Path plugin = root.resolve(pluginId);
        if (!Files.isDirectory(plugin)) {
            return Optional.empty();
        }
        DefaultPluginManager manager = new DefaultPluginManager(List.of(root));
        manager.setSystemVersion(systemVersion);
        String id = manager.loadPlugin(plugin);
        PluginWrapper wrapper = manager.getPlugin(id);
        if (!pluginId.equals(id) || !manager.startPlugin(id).isStarted()) {
            return Optional.empty();
        }
        return manager.getExtensions(type, wrapper.getPluginId()).stream().findFirst();
    }
}
