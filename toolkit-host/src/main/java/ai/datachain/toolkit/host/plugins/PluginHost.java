package ai.datachain.toolkit.host.plugins;

import ai.datachain.toolkit.api.config.ConfigFormat;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
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
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginLoader;
import org.pf4j.PluginManager;
import org.pf4j.PluginRepository;
import org.pf4j.PluginStatusProvider;
import org.pf4j.PluginWrapper;

/**
 * The loaded plugins of one run. A plugin that cannot be loaded or started, or whose
 * {@code requires} range excludes this host, is remembered as a problem and skipped; every other
 * plugin keeps working.
 *
 * <p>Started {@linkplain #startFor for a command line}, it loads only the plugin that owns the
 * command (found in the {@link CommandIndex}) and, when the configuration is needed, the config
 * format plugins: start-up cost does not grow with plugins the command does not use. Without a
 * valid index entry it loads every plugin, and the run that does so rewrites the index.
 */
public final class PluginHost {

    private final RecordingPluginManager manager;
    private final List<Path> roots;
    /** The index this run used to load only some plugins; absent when every plugin was loaded. */
    private final CommandIndex selective;
    /** Where to store a fresh index after a full load, and for which directories; null when not wanted. */
    private final Path indexFile;
    private final String fingerprint;

    private PluginHost(RecordingPluginManager manager, List<Path> roots, CommandIndex selective, Path indexFile,
            String fingerprint) {
        this.manager = manager;
        this.roots = List.copyOf(roots);
        this.selective = selective;
        this.indexFile = indexFile;
        this.fingerprint = fingerprint;
    }

    /**
     * Starts what {@code words} (the command line after the root flags) needs: only the owning
     * plugin when the index in {@code indexDirectory} knows the command and still matches the
     * plugin directories and the disabled list, else every plugin that {@code disabled} does not
     * switch off (and then {@link #remember} refreshes the index).
     */
    public static PluginHost startFor(List<String> words, List<Path> roots, String systemVersion,
            Path indexDirectory, DisabledPlugins disabled) {
        Path indexFile = CommandIndex.file(indexDirectory, roots);
        // The disabled list decides what a full load starts, so an index is only as good as the list it saw.
        String fingerprint = CommandIndex.fingerprint(roots, systemVersion) + " disabled=" + disabled.ids();
        Optional<CommandIndex> index = CommandIndex.read(indexFile)
                .filter(candidate -> candidate.fingerprint().equals(fingerprint));
        Optional<String> owner = index.flatMap(candidate -> candidate.pluginFor(words));
        if (owner.isPresent()) {
            RecordingPluginManager manager = new RecordingPluginManager(roots, disabled);
            manager.setSystemVersion(systemVersion);
            if (manager.loadAndStart(index.get().pluginPaths().get(owner.get()), owner.get())) {
                return new PluginHost(manager, roots, index.get(), null, null);
            }
            // The index promised a plugin that no longer starts: fall back to the full picture.
        }
        // A current index that just does not know these words (help, built-ins) needs no rewrite.
        return new PluginHost(loadAll(roots, systemVersion, disabled), roots, null,
                index.isPresent() ? null : indexFile, fingerprint);
    }

    private static RecordingPluginManager loadAll(List<Path> roots, String systemVersion,
            PluginStatusProvider status) {
        RecordingPluginManager manager = new RecordingPluginManager(roots, status);
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

    /** Why a loaded plugin was kept from starting because of its {@code requires} range, if it was. */
    public Optional<String> incompatibility(String pluginId) {
        return Optional.ofNullable(manager.incompatible.get(pluginId));
    }

    /** One line per plugin that was skipped: which, and why. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>(manager.loadFailures);
        manager.incompatible.forEach((id, reason) -> problems.add("plugin " + id + " skipped: " + reason));
        problems.addAll(unreadableZips());
        for (PluginWrapper plugin : manager.getPlugins()) {
            if (plugin.getPluginState().isFailed()) {
                Throwable cause = plugin.getFailedException();
                problems.add("plugin " + plugin.getPluginId() + " (" + plugin.getPluginPath() + ") skipped: "
                        + (cause == null ? "it failed to start" : describe(cause)));
            } else if (plugin.getPluginState().isResolved()) {
                problems.add("plugin " + plugin.getPluginId() + " (" + plugin.getPluginPath()
                        + ") skipped: it did not start");
            }
        }
        return problems;
    }

    /**
     * PF4J unpacks each {@code name.zip} into {@code name/} before loading and only logs a zip it
     * cannot read; a zip with no such directory beside it is one of those.
     */
    private List<String> unreadableZips() {
        List<String> problems = new ArrayList<>();
        for (Path root : roots) {
            if (BuildDirectory.isPluginBuild(root)) {
                continue; // its zip is the build's output, not a plugin to unpack
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, "*.{zip,ZIP,Zip}")) {
                for (Path zip : entries) {
                    String name = zip.getFileName().toString();
                    Path unpacked = zip.resolveSibling(name.substring(0, name.length() - 4));
                    if (!name.startsWith(".") && !Files.isDirectory(unpacked)) {
                        problems.add("plugin " + zip + " skipped: it is not a readable zip archive");
                    }
                }
            } catch (IOException e) {
                problems.add("plugins in " + root + " skipped: " + e.getMessage());
            }
        }
        return problems;
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

    /**
     * PF4J's manager, but a plugin path that cannot be loaded or a {@code requires} range this host
     * does not satisfy becomes a recorded problem, and one status list decides for every root.
     */
    private static final class RecordingPluginManager extends DefaultPluginManager {

        private final List<String> loadFailures = new ArrayList<>();
        private final Map<String, String> incompatible = new LinkedHashMap<>();

        RecordingPluginManager(List<Path> roots, PluginStatusProvider status) {
            super(roots);
            this.pluginStatusProvider = status;
        }

        @Override
        protected PluginRepository createPluginRepository() {
            return PluginRepositories.of(getPluginsRoots());
        }

        @Override
        protected PluginDescriptorFinder createPluginDescriptorFinder() {
            return PluginDescriptors.finder();
        }

        @Override
        protected PluginLoader createPluginLoader() {
            return PluginLoaders.of(this);
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

        /**
         * Loads and starts the one plugin at {@code path}; true when it is started as {@code id}.
         * A disabled plugin is left alone: PF4J's {@code startPlugin} would enable it and rewrite
         * the user's list.
         */
        boolean loadAndStart(Path path, String id) {
            if (path == null) {
                return false;
            }
            PluginWrapper plugin = loadPluginFromPath(path);
            if (plugin == null || !plugin.getPluginId().equals(id) || plugin.getPluginState().isDisabled()) {
                return false;
            }
            resolvePlugins();
            return startPlugin(id).isStarted();
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

    /** The status of a run that honours no disabled list. */
    private static final class NothingDisabled implements PluginStatusProvider {
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
