package ai.datachain.toolkit.host.plugins;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginStatusProvider;
import org.pf4j.PluginWrapper;

/**
 * The loaded plugins of one run. A plugin that cannot be loaded or started, or whose
 * {@code requires} range excludes this host, is remembered as a problem and skipped; every other
 * plugin keeps working.
 */
public final class PluginHost {

    private final RecordingPluginManager manager;
    private final List<Path> roots;

    private PluginHost(RecordingPluginManager manager, List<Path> roots) {
        this.manager = manager;
        this.roots = List.copyOf(roots);
    }

    /** Loads and starts every plugin found in {@code roots}, checking each against {@code systemVersion}. */
    public static PluginHost start(List<Path> roots, String systemVersion) {
        return start(roots, systemVersion, new NothingDisabled());
    }

    /**
     * Loads and starts every plugin found in {@code roots} that {@code status} does not disable,
     * checking each against {@code systemVersion}.
     */
    public static PluginHost start(List<Path> roots, String systemVersion, PluginStatusProvider status) {
        RecordingPluginManager manager = new RecordingPluginManager(roots, status);
        manager.setSystemVersion(systemVersion);
        if (!roots.isEmpty()) {
            manager.loadPlugins();
            manager.startPlugins();
        }
        return new PluginHost(manager, roots);
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
        protected PluginStatusProvider createPluginStatusProvider() {
            // Replaced in the constructor: PF4J's default reads the first root, the image's.
            return new NothingDisabled();
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
            throw new UnsupportedOperationException("this run keeps no list of disabled plugins");
        }

        @Override
        public void enablePlugin(String pluginId) {
            throw new UnsupportedOperationException("this run keeps no list of disabled plugins");
        }
    }
}
