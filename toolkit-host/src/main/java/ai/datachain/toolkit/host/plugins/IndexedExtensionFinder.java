package ai.datachain.toolkit.host.plugins;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.pf4j.ExtensionDescriptor;
import org.pf4j.ExtensionWrapper;
import org.pf4j.LegacyExtensionFinder;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PF4J's finder of the extensions a plugin lists in {@code META-INF/extensions.idx}, with each
 * extension's ordinal read from its class file ({@link ExtensionOrdinal}) instead of through
 * reflection on its annotation. Everything else is PF4J's: the index, the class loading, the
 * check of {@code Extension.plugins} when a plugin has optional dependencies, and the
 * host's own (class path) extensions.
 */
final class IndexedExtensionFinder extends LegacyExtensionFinder {

    private static final Logger log = LoggerFactory.getLogger(IndexedExtensionFinder.class);

    IndexedExtensionFinder(PluginManager pluginManager) {
        super(pluginManager);
    }

    @Override
    public <T> List<ExtensionWrapper<T>> find(Class<T> type, String pluginId) {
        if (pluginId == null || isCheckForExtensionDependencies()) {
            return super.find(type, pluginId);
        }
        List<ExtensionWrapper<T>> result = new ArrayList<>();
        for (Class<?> extensionClass : extensionClasses(pluginId)) {
            if (type.isAssignableFrom(extensionClass)) {
                result.add(wrapper(extensionClass));
            }
        }
        Collections.sort(result);
        return result;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List<ExtensionWrapper> find(String pluginId) {
        if (pluginId == null) {
            return super.find(pluginId);
        }
        List<ExtensionWrapper> result = new ArrayList<>();
        for (Class<?> extensionClass : extensionClasses(pluginId)) {
            result.add(wrapper(extensionClass));
        }
        Collections.sort(result);
        return result;
    }

    /** The classes a started plugin lists; one that cannot be loaded is logged and left out, as PF4J does. */
    private List<Class<?>> extensionClasses(String pluginId) {
        Set<String> classNames = findClassNames(pluginId);
        PluginWrapper plugin = pluginManager.getPlugin(pluginId);
        if (classNames.isEmpty() || plugin == null || plugin.getPluginState() != PluginState.STARTED) {
            return List.of();
        }
        ClassLoader loader = pluginManager.getPluginClassLoader(pluginId);
        List<Class<?>> classes = new ArrayList<>(classNames.size());
        for (String className : classNames) {
            try {
                classes.add(loader.loadClass(className));
            } catch (ClassNotFoundException | NoClassDefFoundError e) {
                log.error(e.getMessage(), e);
            }
        }
        return classes;
    }

    private <T> ExtensionWrapper<T> wrapper(Class<?> extensionClass) {
        ExtensionDescriptor descriptor = new ExtensionDescriptor(ExtensionOrdinal.of(extensionClass), extensionClass);
        return new ExtensionWrapper<>(descriptor, pluginManager.getExtensionFactory());
    }
}
