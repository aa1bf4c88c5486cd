package ai.datachain.toolkit.host.plugins;

import ai.datachain.toolkit.api.Command;
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
import java.util.TreeMap;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginStatusProvider;
import org.pf4j.PluginWrapper;

/**
 * The loaded plugins of one run. A plugin that cannot be loaded, resolved or started (a corrupt
 * archive, a bad descriptor, a missing, disabled or cyclic dependency, a {@code requires} range
 * that excludes this host, an extension whose constructor throws, files other users can write) is
 * remembered as a problem and skipped; every other plugin keeps working.
 *
 * <p>Started {@linkplain #startFor for a command line}, it loads only the plugin that owns the
 * command (found in the {@link CommandIndex}) and, when the configuration is needed, the config
 * format plugins: start-up cost does not grow with plugins the command does not use. Without a
 * valid index entry it loads every plugin, and the run that does so rewrites the index.
 *
 * <p>Started without user plugin code, it reads every plugin's descriptor and checks its
 * dependencies, but starts only the image's own plugins: the commands that manage plugins and
 * show help must keep working whatever a user plugin does when it runs. For help it starts no
 * plugin at all while the index is current: what help shows of plugins comes from the index.
 */
public final class PluginHost {

    /** How much plugin code a run starts. */
    public enum Reach {
        /** The plugin that owns the command, found in the index; every plugin when the index cannot tell. */
        COMMAND,
        /** The config format plugins, when the configuration is read, while the index is current; else as COMMAND. */
        FORMATS,
        /** The image's own plugins only: user plugins are read and checked, never started. */
        IMAGE,
        /** No plugin while the index is current (help reads what it shows from there); else as {@link #IMAGE}. */
        INDEX
    }

    private final RecordingPluginManager manager;
    private final List<Path> roots;
    private final Path imageRoot;
    /** The index this run used to load only some plugins; absent when every plugin was loaded. */
    private final CommandIndex selective;
    /** A valid index this run did not need to load plugins, kept for what it knows of unstarted plugins. */
    private final CommandIndex known;
    /** Where to store a fresh index after a full load, and for which directories; null when not wanted. */
    private final Path indexFile;
    private final String fingerprint;
    private final List<String> rootProblems;
    private final DisabledPlugins disabled;
    /** False when only the image's plugins were started on purpose. */
    private final boolean pluginCode;

    private PluginHost(RecordingPluginManager manager, List<Path> roots, Path imageRoot, CommandIndex selective,
            CommandIndex known, Path indexFile, String fingerprint, List<String> rootProblems,
            DisabledPlugins disabled) {
        this(manager, roots, imageRoot, selective, known, indexFile, fingerprint, rootProblems, disabled, true);
    }

    private PluginHost(RecordingPluginManager manager, List<Path> roots, Path imageRoot, CommandIndex selective,
            CommandIndex known, Path indexFile, String fingerprint, List<String> rootProblems,
            DisabledPlugins disabled, boolean pluginCode) {
        this.pluginCode = pluginCode;
        this.manager = manager;
        this.roots = List.copyOf(roots);
        this.imageRoot = imageRoot;
        this.selective = selective;
        this.known = known;
        this.indexFile = indexFile;
        this.fingerprint = fingerprint;
        this.rootProblems = List.copyOf(rootProblems);
        this.disabled = disabled;
    }

    /** {@link #startFor(List, List, Path, String, Path, DisabledPlugins, Reach)} with no image root, for a command. */
    public static PluginHost startFor(List<String> words, List<Path> roots, String systemVersion,
            Path indexDirectory, DisabledPlugins disabled) {
        return startFor(words, roots, null, systemVersion, indexDirectory, disabled, Reach.COMMAND);
    }

    /**
     * Starts what {@code words} (the command line after the root flags) needs: only the owning
     * plugin when the index in {@code indexDirectory} knows the command and still matches the
     * plugin directories and the disabled list, else every plugin that {@code disabled} does not
     * switch off (and then {@link #remember} refreshes the index). With {@code reach} {@link Reach#FORMATS}
     * nothing but the format plugins, on demand, while the index is current. With {@link Reach#IMAGE},
     * only the plugins in {@code imageRoot} are started, with {@link Reach#INDEX} none while the
     * index is current; in both the index is read but never written.
     */
    public static PluginHost startFor(List<String> words, List<Path> roots, Path imageRoot, String systemVersion,
            Path indexDirectory, DisabledPlugins disabled, Reach reach) {
        List<String> rootProblems = new ArrayList<>();
        List<Path> usable = new ArrayList<>();
        for (Path root : roots) {
            Optional<String> problem = WritableByOthers.root(root);
            problem.ifPresentOrElse(rootProblems::add, () -> usable.add(root));
        }
        Path image = imageRoot == null ? null : imageRoot.toAbsolutePath().normalize();
        Path indexFile = CommandIndex.file(indexDirectory, usable);
        // The disabled list decides what a full load starts, so an index is only as good as the list it saw.
        String fingerprint = CommandIndex.fingerprint(usable, systemVersion) + " disabled=" + disabled.ids();
        Optional<CommandIndex> index = CommandIndex.read(indexFile)
                .filter(candidate -> candidate.fingerprint().equals(fingerprint))
                .filter(candidate -> candidate.pointsInto(usable));
        if (reach == Reach.INDEX && index.isPresent()) {
            // Help: every plugin's commands, groups and problems as the run that wrote the index saw them.
            RecordingPluginManager manager = new RecordingPluginManager(usable, disabled);
            manager.setSystemVersion(systemVersion);
            return new PluginHost(manager, usable, image, index.get(), index.get(), null, null, rootProblems,
                    disabled, false);
        }
        if (reach == Reach.FORMATS && index.isPresent()) {
            RecordingPluginManager manager = new RecordingPluginManager(usable, disabled);
            manager.setSystemVersion(systemVersion);
            return new PluginHost(manager, usable, image, index.get(), null, null, null, rootProblems, disabled);
        }
        if (reach == Reach.INDEX || reach == Reach.IMAGE) {
            RecordingPluginManager manager = new RecordingPluginManager(usable, disabled);
            manager.setSystemVersion(systemVersion);
            if (!usable.isEmpty()) {
                manager.loadPlugins();
                for (PluginWrapper plugin : manager.getResolvedPlugins()) {
                    if (image != null && isIn(plugin, image) && !plugin.getPluginState().isDisabled()) {
                        manager.startPlugin(plugin.getPluginId());
                    }
                }
            }
            return new PluginHost(manager, usable, image, null, index.orElse(null), null, null, rootProblems,
                    disabled, false);
        }
        Optional<String> owner = index.flatMap(candidate -> candidate.pluginFor(words));
        if (owner.isPresent()) {
            RecordingPluginManager manager = new RecordingPluginManager(usable, disabled);
            manager.setSystemVersion(systemVersion);
            if (manager.loadAndStart(index.get(), owner.get())) {
                return new PluginHost(manager, usable, image, index.get(), null, null, null, rootProblems, disabled);
            }
            // The index promised a plugin that no longer starts: fall back to the full picture.
        }
        // A current index that just does not know these words (help, built-ins) needs no rewrite.
        return new PluginHost(loadAll(usable, systemVersion, disabled), usable, image, null, null,
                index.isPresent() ? null : indexFile, fingerprint, rootProblems, disabled);
    }

    /**
     * The command paths the plugin {@code pluginId} in {@code root} contributes, found by creating
     * its commands (so this runs its code), for the checks of {@code plugins install}; with the
     * reason it would be skipped, if it would. {@code others} are the directories its dependencies
     * may come from; {@code root} comes first, so its copy of {@code pluginId} is the one used.
     */
    public static Probe probe(Path root, List<Path> others, String pluginId, String systemVersion) {
        List<Path> roots = new ArrayList<>();
        roots.add(root);
        roots.addAll(others);
        RecordingPluginManager manager = loadAll(roots, systemVersion, new RecordingPluginManager.NothingDisabled());
        try {
            PluginHost host = new PluginHost(manager, roots, null, null, null, null, null, List.of(),
                    DisabledPlugins.none());
            List<List<String>> paths = new ArrayList<>();
            Optional<String> problem = Optional.empty();
            try {
                for (Command command : host.extensions(Command.class, pluginId)) {
                    paths.add(command.declaration().path());
                }
            } catch (RuntimeException | LinkageError e) {
                problem = Optional.of("its commands could not be created: " + e);
            }
            problem = problem.or(() -> host.skipped().stream().filter(skipped -> skipped.id().equals(pluginId))
                    .map(SkippedPlugin::reason).findFirst());
            PluginWrapper plugin = manager.getPlugin(pluginId);
            if (problem.isEmpty() && (plugin == null || !plugin.getPluginState().isStarted())) {
                problem = Optional.of("it does not start");
            }
            return new Probe(paths, problem);
        } finally {
            manager.unloadPlugins();
        }
    }

    /**
     * What {@link #probe} found.
     *
     * @param commands the command paths of the plugin
     * @param problem why it would be skipped, if it would
     */
    public record Probe(List<List<String>> commands, Optional<String> problem) {}

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

    /** The plugin directories of this run, in load order. */
    public List<Path> roots() {
        return roots;
    }

    /** True when only the plugins one command needs were loaded, so the plugin list is partial. */
    public boolean isSelective() {
        return selective != null;
    }

    /** True when this run loaded every plugin without a current index, so {@link #remember} stores one. */
    public boolean rewritesIndex() {
        return indexFile != null;
    }

    /**
     * After a full load: stores which plugin contributes each command ({@code commandSources}: path
     * words joined by spaces to plugin id, with the commands themselves in {@code commands} and the
     * plugins' group summaries in {@code groups}, for help and completion in runs that start no
     * plugin), so the next runs can load only the
     * one they need, and what this run warned about ({@link #problems()} and {@code conflicts}), so
     * those runs warn the same.
     */
    public void remember(Map<String, String> commandSources, Map<String, RecordedCommand> commands,
            Map<String, String> groups, List<String> conflicts) {
        if (indexFile == null) {
            return;
        }
        Map<String, Path> paths = new LinkedHashMap<>();
        Set<String> formats = new LinkedHashSet<>();
        for (PluginWrapper plugin : manager.getPlugins()) {
            if (plugin.getPluginState().isStarted()) {
                paths.put(plugin.getPluginId(), plugin.getPluginPath());
                if (!manager.getExtensionClasses(ConfigFormat.class, plugin.getPluginId()).isEmpty()) {
                    formats.add(plugin.getPluginId());
                }
            }
        }
        Map<String, String> sources = new LinkedHashMap<>(commandSources);
        sources.values().removeIf(id -> !paths.containsKey(id));
        Map<String, RecordedCommand> described = new LinkedHashMap<>();
        commands.forEach((path, command) -> {
            if (sources.containsKey(path)) {
                described.put(path, command);
            }
        });
        // Not what the fingerprint cannot see change: the disabled list's and the roots' own problems.
        List<String> warnings = new ArrayList<>(problems());
        warnings.removeAll(rootProblems);
        disabled.problem().ifPresent(warnings::remove);
        warnings.addAll(conflicts);
        new CommandIndex(fingerprint, sources, paths, formats, described, groups, warnings, skipReasons())
                .write(indexFile);
    }

    /** {@link #remember(Map, Map, Map, List)} without the commands, groups or conflicts. */
    public void remember(Map<String, String> commandSources) {
        remember(commandSources, Map.of(), Map.of(), List.of());
    }

    /** The config formats of every plugin; loads the format plugins first when only some were loaded. */
    public List<ConfigFormat> configFormats() {
        if (selective != null) {
            for (String id : selective.formatPlugins()) {
                if (manager.getPlugin(id) == null) {
                    manager.loadAndStart(selective, id);
                }
            }
        }
        // The host's own class path first, as PF4J's getExtensions does (a format a test puts there).
        List<ConfigFormat> formats = new ArrayList<>(manager.classPathExtensions(ConfigFormat.class));
        for (PluginWrapper plugin : plugins()) {
            formats.addAll(extensions(ConfigFormat.class, plugin.getPluginId()));
        }
        return formats;
    }

    public PluginManager manager() {
        return manager;
    }

    /**
     * Every plugin loaded, the image's first, then by plugin directory and id: the order their
     * commands are added in, so an image command always wins and a clash between two others has
     * the same winner on every run.
     */
    public List<PluginWrapper> plugins() {
        List<PluginWrapper> plugins = new ArrayList<>(manager.getPlugins());
        // Our own lambda, not Comparator's combinators: theirs are spun at every start (not in the CDS archive).
        plugins.sort((a, b) -> {
            int byRoot = Integer.compare(rank(a), rank(b));
            return byRoot != 0 ? byRoot : a.getPluginId().compareTo(b.getPluginId());
        });
        return plugins;
    }

    private int rank(PluginWrapper plugin) {
        if (isImagePlugin(plugin)) {
            return -1;
        }
        for (int i = 0; i < roots.size(); i++) {
            if (isIn(plugin, roots.get(i))) {
                return i;
            }
        }
        return roots.size();
    }

    /** True for a plugin of the image's own plugin directory: trusted, never replaced. */
    public boolean isImagePlugin(PluginWrapper plugin) {
        return imageRoot != null && isIn(plugin, imageRoot);
    }

    private static boolean isIn(PluginWrapper plugin, Path root) {
        return plugin.getPluginPath().toAbsolutePath().normalize().startsWith(root);
    }

    /**
     * The extensions of {@code type} that one started plugin contributes. If one cannot be created
     * (its constructor throws), the plugin is marked failed and contributes nothing.
     */
    public <T> List<T> extensions(Class<T> type, String pluginId) {
        return manager.createExtensions(type, pluginId);
    }

    /**
     * The loaded plugins that need {@code pluginId} (a required, not optional, dependency), directly
     * or through another, in load order.
     */
    public List<String> dependantsOf(String pluginId) {
        Set<String> dependants = new LinkedHashSet<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (PluginWrapper plugin : plugins()) {
                String id = plugin.getPluginId();
                boolean needs = plugin.getDescriptor().getDependencies().stream().anyMatch(dependency ->
                        !dependency.isOptional() && (dependency.getPluginId().equals(pluginId)
                                || dependants.contains(dependency.getPluginId())));
                if (needs && !id.equals(pluginId) && dependants.add(id)) {
                    changed = true;
                }
            }
        }
        return new ArrayList<>(dependants);
    }

    /** Why a loaded plugin was kept from starting because of its {@code requires} range, if it was. */
    public Optional<String> incompatibility(String pluginId) {
        return Optional.ofNullable(manager.incompatible().get(pluginId));
    }

    /**
     * Plugins left out of this run, with why: unresolvable ones (dependencies, descriptor) and
     * those that failed in this run or, for plugins this run did not start, in the last full run.
     */
    public List<SkippedPlugin> skipped() {
        List<SkippedPlugin> skipped = new ArrayList<>(manager.unresolved().values());
        for (PluginWrapper plugin : plugins()) {
            if (plugin.getPluginState().isFailed()) {
                skipped.add(new SkippedPlugin(plugin.getPluginId(), plugin.getDescriptor().getVersion(),
                        plugin.getPluginPath(), failure(plugin)));
            }
        }
        return skipped;
    }

    /** Disabled plugins that could not have been resolved anyway (a plugin they need is gone). */
    public List<SkippedPlugin> disabledAndUnresolvable() {
        return new ArrayList<>(manager.disabledAside().values());
    }

    /** Why a plugin this run did not start failed in the last run that did, if the index says so. */
    public Optional<String> lastFailure(String pluginId) {
        return known == null ? Optional.empty() : Optional.ofNullable(known.skipped().get(pluginId));
    }

    /** The commands the last full run saw from a plugin this run did not start, if the index says so. */
    public List<String> lastCommands(String pluginId) {
        if (known == null) {
            return List.of();
        }
        return known.commands().entrySet().stream().filter(entry -> entry.getValue().equals(pluginId))
                .map(Map.Entry::getKey).sorted().toList();
    }

    /**
     * What the last full run knew of the commands of the enabled plugins this run did not start:
     * path (words joined by spaces) to the command as recorded.
     */
    public Map<String, RecordedCommand> unstartedCommands() {
        Map<String, RecordedCommand> commands = new TreeMap<>();
        if (known == null) {
            return commands;
        }
        known.commands().forEach((path, id) -> {
            PluginWrapper plugin = manager.getPlugin(id);
            RecordedCommand command = known.described().get(path);
            // Not loaded in a run that answers from the index alone: the index vouches for it.
            boolean unstarted = plugin == null ? answersFromIndex() : plugin.getPluginState() == PluginState.RESOLVED;
            if (command != null && unstarted) {
                commands.put(path, command);
            }
        });
        return commands;
    }

    /**
     * The summaries of the command groups plugins described in the last full run (path, words
     * joined by spaces, to summary), if the index says so: for help in a run that started none.
     */
    public Map<String, String> knownGroups() {
        return known == null ? Map.of() : known.groups();
    }

    /** True in a run that loaded no plugin because the index told everything it needs (help). */
    private boolean answersFromIndex() {
        return known != null && selective == known;
    }

    private Map<String, String> skipReasons() {
        Map<String, String> reasons = new LinkedHashMap<>();
        skipped().forEach(plugin -> reasons.put(plugin.id(), plugin.reason()));
        manager.incompatible().forEach(reasons::put);
        return reasons;
    }

    /** One line per plugin that was skipped, and per plugin directory or list that was: which, and why. */
    public List<String> problems() {
        Set<String> problems = new LinkedHashSet<>(rootProblems);
        disabled.problem().ifPresent(problems::add);
        if (selective != null) {
            problems.addAll(selective.warnings()); // what the full run that wrote the index saw
        }
        problems.addAll(manager.loadFailures());
        manager.unresolved().values().forEach(plugin -> problems.add(plugin.warning()));
        manager.incompatible().forEach((id, reason) -> problems.add("plugin " + id + " skipped: " + reason));
        problems.addAll(unreadableZips());
        for (PluginWrapper plugin : plugins()) {
            if (plugin.getPluginState().isFailed()) {
                problems.add("plugin " + plugin.getPluginId() + " skipped: " + failure(plugin));
            } else if (plugin.getPluginState().isResolved() && pluginCode) {
                problems.add("plugin " + plugin.getPluginId() + " (" + plugin.getPluginPath()
                        + ") skipped: it did not start");
            }
        }
        return new ArrayList<>(problems);
    }

    private static String failure(PluginWrapper plugin) {
        Throwable cause = plugin.getFailedException();
        return cause == null ? "it failed to start" : describe(cause);
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
}
