package ai.datachain.toolkit.host.plugins;

import java.nio.file.Path;
import java.security.CodeSource;
import java.security.PermissionCollection;
import java.security.Permissions;
import org.pf4j.CompoundPluginLoader;
import org.pf4j.DefaultPluginLoader;
import org.pf4j.DefaultPluginManager;
import org.pf4j.DevelopmentPluginLoader;
import org.pf4j.JarPluginLoader;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;
import org.pf4j.PluginManager;

/**
 * PF4J's plugin loaders (development directories, jars, unpacked plugin directories), chosen as
 * PF4J chooses them, but making class loaders that give the plugin's code no permissions.
 * Permissions are only ever checked by a security manager, which the toolkit does not install;
 * working them out (a {@code FilePermission} per jar) starts the JDK's security properties,
 * reading {@code java.security}, on the first plugin class of every run.
 */
final class PluginLoaders {

    private PluginLoaders() {}

    static PluginLoader of(DefaultPluginManager manager) {
        return new CompoundPluginLoader()
                .add(new DevelopmentPluginLoader(manager), manager::isDevelopment)
                .add(new JarLoader(manager), manager::isNotDevelopment)
                .add(new DirectoryLoader(manager), manager::isNotDevelopment);
    }

    /** PF4J's class loader of one plugin, without permissions. */
    static final class PermissionlessClassLoader extends PluginClassLoader {

        PermissionlessClassLoader(PluginManager manager, PluginDescriptor descriptor, ClassLoader parent) {
            super(manager, descriptor, parent);
        }

        @Override
        protected PermissionCollection getPermissions(CodeSource codeSource) {
            return new Permissions();
        }
    }

    /** A plugin that is one jar. */
    private static final class JarLoader extends JarPluginLoader {

        JarLoader(PluginManager manager) {
            super(manager);
        }

        @Override
        public ClassLoader loadPlugin(Path pluginPath, PluginDescriptor descriptor) {
            PluginClassLoader loader = new PermissionlessClassLoader(pluginManager, descriptor,
                    getClass().getClassLoader());
            loader.addFile(pluginPath.toFile());
            return loader;
        }
    }

    /** A plugin directory: {@code classes/} and {@code lib/*.jar}. */
    private static final class DirectoryLoader extends DefaultPluginLoader {

        DirectoryLoader(PluginManager manager) {
            super(manager);
        }

        @Override
        protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
            return new PermissionlessClassLoader(pluginManager, descriptor, getClass().getClassLoader());
        }
    }
}
