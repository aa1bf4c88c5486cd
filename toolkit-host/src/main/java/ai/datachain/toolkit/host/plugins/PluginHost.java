package ai.datachain.toolkit.host.plugins;

import ai.datachain.toolkit.api.config.ConfigFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;

/**
 * The loaded plugins of one run. A plugin that cannot be loaded or started is remembered as a
 * problem and skipped; every other plugin keeps working.
 *
 * <p>Started {@linkplain #startFor for a command line}, it loads only the plugin that owns the
 * command (found in the {@link CommandIndex}) and, when the configuration is needed, the config
 * format plugins: start-up cost does not grow with plugins the command does not use. Without a
 * valid index entry it loads every plugin, and the run that does so rewrites the index.
 */
public final class PluginHost {

    private final RecordingPluginManager manager;
    /** The index this run used to load only some plugins; absent when every plugin was loaded. */
    private final CommandIndex selective;
    /** Where to store a fresh index after a full load, and for which directories; null when not wanted. */
    private final Path indexFile;
    private final String fingerprint;

    private PluginHost(RecordingPluginManager manager, CommandIndex selective, Path indexFile, String fingerprint) {
        this.manager = manager;
        this.selective = selective;
        this.indexFile = indexFile;
        this.fingerprint = fingerprint;
    }

    /** Loads and starts every plugin found in {@code roots}, checking each against {@code systemVersion}. */
    public static PluginHost start(List<Path> roots, String systemVersion) {
        return new PluginHost(loadAll(roots, systemVersion), null, null, null);
    }

    /**
     * Starts what {@code words} (the command line after the root flags) needs: only the owning
     * plugin when the index in {@code indexDirectory} knows the command and still matches the
     * plugin directories, else every plugin (and then {@link #remember} refreshes the index).
     */
    public static PluginHost startFor(List<String> words, List<Path> roots, String systemVersion,
            Path indexDirectory) {
        Path indexFile = CommandIndex.file(indexDirectory, roots);
        String fingerprint = CommandIndex.fingerprint(roots, systemVersion);
        Optional<CommandIndex> index = CommandIndex.read(indexFile)
                .filter(candidate -> candidate.fingerprint().equals(fingerprint));
        Optional<String> owner = index.flatMap(candidate -> candidate.pluginFor(words));
        if (owner.isPresent()) {
            RecordingPluginManager manager = new RecordingPluginManager(roots);
            manager.setSystemVersion(systemVersion);
            if (manager.loadAndStart(index.get().pluginPaths().get(owner.get()), owner.get())) {
                return new PluginHost(manager, index.get(), null, null);
            }
            // The index promised a plugin that no longer starts: fall back to the full picture.
        }
        // A current index that just does not know these words (help, built-ins) needs no rewrite.
        return new PluginHost(loadAll(roots, systemVersion), null, index.isPresent() ? null : indexFile, fingerprint);
    }

    private static RecordingPluginManager loadAll(List<Path> roots, String systemVersion) {
        RecordingPluginManager manager = new RecordingPluginManager(roots);
        manager.setSystemVersion(systemVersion);
        if (!roots.isEmpty()) {
            manager.loadPlugins();
            manager.startPlugins();
        }
        return manager;
    }

    /** True when only the plugins one command needs were loaded, so the plugin list is partial. */
    public boolean isSelective() {
        return selective != null;
    }

    /**
     * After a full load: stores which plugin contributes each command ({@code commandSources}: path
     * words joined by spaces to plugin id), so the next runs can load only the one they need. Not
     * stored when anything was reported (a skipped plugin, a clash), so every warning keeps being
     * shown, nor when a plugin depends on another (it cannot be loaded alone).
     */
    public void remember(Map<String, String> commandSources) {
        if (indexFile == null || !problems().isEmpty()) {
            return;
        }
        Map<String, Path> paths = new LinkedHashMap<>();
        Set<String> formats = new LinkedHashSet<>();
        for (PluginWrapper plugin : manager.getPlugins()) {
            if (!plugin.getDescriptor().getDependencies().isEmpty()) {
                return;
            }
            if (plugin.getPluginState().isStarted()) {
                paths.put(plugin.getPluginId(), plugin.getPluginPath());
                if (!manager.getExtensionClasses(ConfigFormat.class, plugin.getPluginId()).isEmpty()) {
                    formats.add(plugin.getPluginId());
                }
            }
        }
        Map<String, String> commands = new LinkedHashMap<>(commandSources);
        commands.values().removeIf(id -> !paths.containsKey(id));
        new CommandIndex(fingerprint, commands, paths, formats).write(indexFile);
    }

    /** The config formats of every plugin; loads the format plugins first when only some were loaded. */
    public List<ConfigFormat> configFormats() {
        if (selective != null) {
            for (String id : selective.formatPlugins()) {
                if (manager.getPlugin(id) == null) {
                    manager.loadAndStart(selective.pluginPaths().get(id), id);
                }
            }
        }
        return manager.getExtensions(ConfigFormat.class);
    }

    public PluginManager manager() {
        return manager;
    }

    public List<PluginWrapper> plugins() {
        return manager.getPlugins();
    }

    /** The extensions of {@code type} that one started plugin contributes. */
    public <T> List<T> extensions(Class<T> type, String pluginId) {
        return manager.getExtensions(type, pluginId);
    }

    /** One line per plugin that was skipped: which, and why. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>(manager.loadFailures);
        for (PluginWrapper plugin : manager.getPlugins()) {
            if (plugin.getPluginState().isFailed()) {
                Throwable cause = plugin.getFailedException();
                problems.add("plugin " + plugin.getPluginId() + " (" + plugin.getPluginPath() + ") skipped: "
                        + (cause == null ? "it failed to start" : describe(cause)));
            } else if (plugin.getPluginState().isDisabled() && !isCompatible(plugin)) {
                problems.add("plugin " + plugin.getPluginId() + " (" + plugin.getPluginPath() + ") skipped: requires"
                        + " datachain " + plugin.getDescriptor().getRequires() + ", this is "
                        + manager.getSystemVersion());
            } else if (plugin.getPluginState().isResolved()) {
                problems.add("plugin " + plugin.getPluginId() + " (" + plugin.getPluginPath()
                        + ") skipped: it did not start");
            }
        }
        return problems;
    }

    /** PF4J disables a plugin whose {@code requires} the host does not meet; tell that apart from a user's choice. */
    private boolean isCompatible(PluginWrapper plugin) {
        return manager.getVersionManager().checkVersionConstraint(manager.getSystemVersion(),
                plugin.getDescriptor().getRequires());
    }

    static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        if (root != error && error.getMessage() != null && !error.getMessage().contains(message)) {
            return error.getMessage() + ": " + message;
        }
        return error.getMessage() != null ? error.getMessage() : message;
    }

    /** PF4J's manager, but a plugin path that cannot be loaded becomes a recorded problem. */
    private static final class RecordingPluginManager extends DefaultPluginManager {

        private final List<String> loadFailures = new ArrayList<>();

        RecordingPluginManager(List<Path> roots) {
            super(roots);
        }

        /** Loads and starts the one plugin at {@code path}; true when it is started as {@code id}. */
        boolean loadAndStart(Path path, String id) {
            if (path == null) {
                return false;
            }
            PluginWrapper plugin = loadPluginFromPath(path);
            if (plugin == null || !plugin.getPluginId().equals(id)) {
                return false;
            }
            resolvePlugins();
            return startPlugin(id).isStarted();
        }

        @Override
        protected PluginWrapper loadPluginFromPath(Path pluginPath) {
            try {
                return super.loadPluginFromPath(pluginPath);
            } catch (RuntimeException | LinkageError e) {
                loadFailures.add("plugin " + pluginPath + " skipped: " + describe(e));
                return null;
            }
        }
    }
}
