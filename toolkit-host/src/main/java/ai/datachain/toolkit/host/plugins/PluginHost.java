package ai.datachain.toolkit.host.plugins;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;

/**
 * The loaded plugins of one run. A plugin that cannot be loaded or started is remembered as a
 * problem and skipped; every other plugin keeps working.
 */
public final class PluginHost {

    private final RecordingPluginManager manager;

    private PluginHost(RecordingPluginManager manager) {
        this.manager = manager;
    }

    /** Loads and starts every plugin found in {@code roots}, checking each against {@code systemVersion}. */
    public static PluginHost start(List<Path> roots, String systemVersion) {
        RecordingPluginManager manager = new RecordingPluginManager(roots);
        manager.setSystemVersion(systemVersion);
        if (!roots.isEmpty()) {
            manager.loadPlugins();
            manager.startPlugins();
        }
        return new PluginHost(manager);
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
