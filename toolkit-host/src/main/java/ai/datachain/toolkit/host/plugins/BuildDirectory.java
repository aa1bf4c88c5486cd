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

    /**
     * True when {@code root} is a plugin project's build directory. A {@code classes/} that has
     * {@code classes/} or {@code lib/} of its own is a plugin directory that happens to be called
     * so (the testkit stages a compiled plugin that way), and its root an ordinary one.
     */
    static boolean isPluginBuild(Path root) {
        Path classes = root.resolve(CLASSES);
        return Files.isRegularFile(descriptor(root)) && !Files.isDirectory(classes.resolve(CLASSES))
                && !Files.isDirectory(classes.resolve("lib"));
    }

    /** Where a build directory keeps the plugin's descriptor: among the compiled resources. */
    static Path descriptor(Path root) {
        return root.resolve(CLASSES).resolve(PluginArchive.PROPERTIES);
    }
}
