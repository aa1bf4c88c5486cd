package ai.datachain.toolkit.host.plugins;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A plugin project's Maven build directory ({@code target/}) named as a plugin root: it holds
 * {@code classes/plugin.properties}. It is one plugin, loaded in place from {@code classes/} and
 * {@code lib/*.jar} (PF4J's plugin directory layout), so {@code DATACHAIN_PLUGINS_DIR=$PWD/target}
 * runs what was just compiled; the jar, the zip and Maven's other directories beside it are not
 * plugins of their own, and the host writes nothing there.
 */
final class BuildDirectory {

    static final String CLASSES = "classes";

    private BuildDirectory() {}

    /** True when {@code root} is a plugin project's build directory. */
    static boolean isPluginBuild(Path root) {
        return Files.isRegularFile(descriptor(root));
    }

    /** Where a build directory keeps the plugin's descriptor: among the compiled resources. */
    static Path descriptor(Path root) {
        return root.resolve(CLASSES).resolve(PluginArchive.PROPERTIES);
    }
}
