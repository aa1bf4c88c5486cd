package ai.datachain.toolkit.host.plugins;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ExtensionFinder;
import org.pf4j.ExtensionWrapper;
import org.pf4j.PluginDependency;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginRepository;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginState;
import org.pf4j.PluginStatusProvider;
import org.pf4j.PluginWrapper;

/**
 * PF4J's manager, but a plugin that cannot be loaded, resolved or created becomes a recorded
 * problem instead of an exception that stops the run, and one status list decides for every root.
 */
final class RecordingPluginManager extends DefaultPluginManager {

    private final List<String> loadFailures = new ArrayList<>();
    private final Map<String, String> incompatible = new LinkedHashMap<>();
    private final Map<String, SkippedPlugin> unresolved = new LinkedHashMap<>();
    /** Disabled plugins that could not be resolved either: left out without a warning, still listed. */
    private final Map<String, SkippedPlugin> disabledAside = new LinkedHashMap<>();
    /** The path being loaded, for the message about a second copy of an id. */
    private Path loading;

    RecordingPluginManager(List<Path> roots, PluginStatusProvider status) {
        super(roots);
        this.pluginStatusProvider = status;
    }

    /** One line per plugin path that could not be loaded, or was refused before loading. */
    List<String> loadFailures() {
        return loadFailures;
    }

    /** Plugin id to why its {@code requires} range excludes this host. */
    Map<String, String> incompatible() {
        return incompatible;
    }

    /** Plugins left out because they cannot be resolved, by id. */
    Map<String, SkippedPlugin> unresolved() {
        return unresolved;
    }

    /** Disabled plugins that could not be resolved either, by id. */
    Map<String, SkippedPlugin> disabledAside() {
        return disabledAside;
    }

    @Override
    protected ExtensionFinder createExtensionFinder() {
        IndexedExtensionFinder finder = new IndexedExtensionFinder(this);
        addPluginStateListener(finder);
        return finder;
    }

    @Override
    protected PluginStatusProvider createPluginStatusProvider() {
        // Replaced in the constructor: PF4J's default reads the first root, the image's.
        return new NothingDisabled();
    }

    @Override
    protected PluginDescriptorFinder createPluginDescriptorFinder() {
        return PluginDescriptors.finder();
    }

    @Override
    protected PluginRepository createPluginRepository() {
        PluginRepository found = PluginRepositories.of(getPluginsRoots());
        return new PluginRepository() {
            @Override
            public List<Path> getPluginPaths() {
                List<Path> paths = new ArrayList<>();
                for (Path path : found.getPluginPaths()) {
                    if (path.getFileName().toString().equals(DisabledPlugins.FILE_NAME)) {
                        continue; // ours, even when it is a directory; DisabledPlugins warns about that
                    }
                    Optional<String> problem = WritableByOthers.plugin(path);
                    problem.ifPresentOrElse(loadFailures::add, () -> paths.add(path));
                }
                return paths;
            }

            @Override
            public boolean deletePluginPath(Path pluginPath) {
                return found.deletePluginPath(pluginPath);
            }
        };
    }

    /**
     * Loads and starts the plugin {@code id} at the path the index gives, with the plugins it
     * requires; true when it is started. A disabled plugin is left alone: PF4J's
     * {@code startPlugin} would enable it and rewrite the user's list.
     */
    boolean loadAndStart(CommandIndex index, String id) {
        if (!loadWithDependencies(index, id, new LinkedHashSet<>())) {
            return false;
        }
        resolvePlugins();
        PluginWrapper plugin = getPlugin(id);
        return plugin != null && plugin.getPluginState().isResolved() && startPlugin(id).isStarted();
    }

    private boolean loadWithDependencies(CommandIndex index, String id, Set<String> seen) {
        if (getPlugin(id) != null || !seen.add(id)) {
            return getPlugin(id) != null;
        }
        Path path = index.pluginPaths().get(id);
        if (path == null || WritableByOthers.plugin(path).isPresent()) {
            return false; // the full load that follows reports it
        }
        PluginWrapper plugin = loadPluginFromPath(path);
        if (plugin == null || !plugin.getPluginId().equals(id) || plugin.getPluginState().isDisabled()) {
            return false;
        }
        for (PluginDependency dependency : plugin.getDescriptor().getDependencies()) {
            if (!dependency.isOptional() && !loadWithDependencies(index, dependency.getPluginId(), seen)) {
                return false;
            }
        }
        return true;
    }

    /** Leaves out every plugin PF4J's resolver would throw for, with why, then lets PF4J order the rest. */
    @Override
    protected void resolvePlugins() {
        Map<String, PluginDescriptor> descriptors = new LinkedHashMap<>();
        Set<String> disabledIds = new LinkedHashSet<>();
        for (PluginWrapper plugin : getPlugins()) {
            descriptors.put(plugin.getPluginId(), plugin.getDescriptor());
            if (plugin.getPluginState().isDisabled()) {
                disabledIds.add(plugin.getPluginId());
            }
        }
        PluginDependencies.unresolvable(descriptors, disabledIds, getVersionManager()).forEach((id, reason) -> {
            PluginWrapper plugin = getPlugin(id);
            SkippedPlugin skipped = new SkippedPlugin(id, plugin.getDescriptor().getVersion(),
                    plugin.getPluginPath(), reason);
            // Switched off on purpose: no warning.
            (disabledIds.contains(id) ? disabledAside : unresolved).put(id, skipped);
            unloadPlugin(id, false, false);
        });
        super.resolvePlugins();
    }

    /** The extensions of {@code type} on the host's class path (no plugin): trusted, created as PF4J does. */
    <T> List<T> classPathExtensions(Class<T> type) {
        return getExtensions(extensionFinder.find(type, null));
    }

    /** The extensions of one started plugin; the first that cannot be created fails the whole plugin. */
    <T> List<T> createExtensions(Class<T> type, String id) {
        PluginWrapper plugin = getPlugin(id);
        if (plugin == null || !plugin.getPluginState().isStarted()) {
            return List.of();
        }
        List<T> created = new ArrayList<>();
        for (ExtensionWrapper<T> wrapper : extensionFinder.find(type, id)) {
            try {
                created.add(wrapper.getExtension());
            } catch (RuntimeException | LinkageError e) {
                plugin.setFailedException(new IllegalStateException("its extension "
                        + wrapper.getDescriptor().extensionClass.getName() + " could not be created: "
                        + rootCause(e), e));
                plugin.setPluginState(PluginState.FAILED);
                startedPlugins.remove(plugin);
                return List.of();
            }
        }
        return created;
    }

    /** The innermost cause of {@code error}, as its class's simple name and message. */
    private static String rootCause(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    @Override
    protected boolean isPluginValid(PluginWrapper plugin) {
        if (isPluginDisabled(plugin.getPluginId())) {
            return true; // switched off on purpose: no warning about a plugin the user set aside
        }
        Optional<String> problem = PluginCompatibility.problem(plugin.getDescriptor().getRequires(),
                getSystemVersion());
        problem.ifPresent(reason -> incompatible.put(plugin.getPluginId(), reason));
        return problem.isEmpty();
    }

    /** Our own words for a descriptor PF4J would refuse, and for a second copy of an id. */
    @Override
    protected void validatePluginDescriptor(PluginDescriptor descriptor) {
        Optional<String> problem = PluginDescriptors.problem(descriptor);
        if (problem.isPresent()) {
            throw new PluginRuntimeException(problem.get());
        }
        PluginWrapper first = getPlugin(descriptor.getPluginId());
        if (first != null) {
            throw new DuplicatePlugin("plugin " + descriptor.getPluginId() + " is found twice: "
                    + first.getPluginPath() + " is used, " + loading + " is ignored");
        }
    }

    @Override
    protected PluginWrapper loadPluginFromPath(Path pluginPath) {
        loading = pluginPath;
        try {
            return super.loadPluginFromPath(pluginPath);
        } catch (DuplicatePlugin e) {
            loadFailures.add(e.getMessage());
            return null;
        } catch (RuntimeException | LinkageError e) {
            String reason = String.valueOf(e.getMessage()).startsWith("No PluginDescriptorFinder")
                    ? "it has no plugin descriptor (plugin.properties, or a manifest with Plugin-Id)"
                    : PluginHost.describe(e);
            loadFailures.add("plugin " + pluginPath + " skipped: " + reason);
            return null;
        }
    }

    /** A second plugin with an id already loaded. */
    private static final class DuplicatePlugin extends PluginRuntimeException {
        DuplicatePlugin(String message) {
            super(message);
        }
    }

    /** The status of a run that honours no disabled list. */
    static final class NothingDisabled implements PluginStatusProvider {
        @Override
        public boolean isPluginDisabled(String pluginId) {
            return false;
        }

        @Override
        public void disablePlugin(String pluginId) {
            throw new IllegalStateException("this run keeps no list of disabled plugins");
        }

        @Override
        public void enablePlugin(String pluginId) {
            throw new IllegalStateException("this run keeps no list of disabled plugins");
        }
    }
}
