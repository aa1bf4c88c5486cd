package ai.datachain.toolkit.host.plugins;

import ai.datachain.toolkit.api.Environment;
import ai.datachain.toolkit.host.files.AtomicFileWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Which installed plugin contributes which command, remembered from the last run that loaded them
 * all. With it, {@code datachain auth token} starts only the plugin that owns {@code auth token}
 * (and the config format plugins) instead of every plugin found. It is a cache: valid only while
 * the plugin directories look exactly as they did (names, sizes and times of every plugin file),
 * rewritten after any change, and safe to delete.
 *
 * @param fingerprint the plugin directories and toolkit version it was built for
 * @param commands command path (words joined by spaces) to the id of the plugin that contributes it
 * @param pluginPaths plugin id to the path PF4J loaded it from
 * @param formatPlugins ids of the plugins that contribute config formats
 * @param described command path to what help and completion show of it, for runs that start no user plugin
 * @param groups command group path (words joined by spaces) to its summary, as plugins described them
 * @param warnings what the run that wrote it warned about, for the runs that use it to warn the same
 * @param skipped plugin id to why that run skipped it
 */
public record CommandIndex(String fingerprint, Map<String, String> commands, Map<String, Path> pluginPaths,
        Set<String> formatPlugins, Map<String, RecordedCommand> described, Map<String, String> groups,
        List<String> warnings, Map<String, String> skipped) {

    private static final String FINGERPRINT = "fingerprint";
    private static final String COMMAND = "command.";
    private static final String PLUGIN = "plugin.";
    private static final String FORMATS = "formats";
    private static final String SUMMARY = "summary.";
    private static final String GROUP = "group.";
    private static final String ARGUMENTS = "arguments.";
    private static final String OPTIONS = "options.";
    private static final String WARNING = "warning.";
    private static final String SKIPPED = "skipped.";

    public CommandIndex {
        commands = Map.copyOf(commands);
        pluginPaths = Map.copyOf(pluginPaths);
        formatPlugins = Set.copyOf(formatPlugins);
        described = Map.copyOf(described);
        groups = Map.copyOf(groups);
        warnings = List.copyOf(warnings);
        skipped = Map.copyOf(skipped);
    }

    public CommandIndex(String fingerprint, Map<String, String> commands, Map<String, Path> pluginPaths,
            Set<String> formatPlugins) {
        this(fingerprint, commands, pluginPaths, formatPlugins, Map.of(), Map.of(), List.of(), Map.of());
    }

    /**
     * True when every plugin path is an entry of one of {@code roots}: a cache edited to point at a
     * jar anywhere else is not used (the run loads everything and rewrites it).
     */
    public boolean pointsInto(List<Path> roots) {
        for (Path path : pluginPaths.values()) {
            Path normal = path.toAbsolutePath().normalize();
            // An entry of a root, or a root itself (a plugin project's target/ is one plugin).
            boolean inside = roots.contains(normal) || normal.getParent() != null && roots.contains(normal.getParent());
            if (!normal.equals(path) || !inside) {
                return false;
            }
        }
        return true;
    }

    /** {@code $XDG_CACHE_HOME/datachain}, else {@code ~/.cache/datachain}: where the indexes live. */
    public static Path directory(Environment environment) {
        Path cacheHome = environment.variable("XDG_CACHE_HOME").map(Path::of)
                .orElse(environment.homeDirectory().resolve(".cache"));
        return cacheHome.resolve("datachain");
    }

    /**
     * The index file for one list of plugin directories: one file per list, so runs with and
     * without {@code DATACHAIN_PLUGINS_DIR} do not keep overwriting each other's index.
     */
    public static Path file(Path directory, List<Path> roots) {
        return directory.resolve("command-index-" + Integer.toHexString(roots.toString().hashCode()));
    }

    /** The plugin that contributes the longest command path that {@code words} starts with. */
    public Optional<String> pluginFor(List<String> words) {
        for (int length = words.size(); length > 0; length--) {
            String plugin = commands.get(String.join(" ", words.subList(0, length)));
            if (plugin != null) {
                return Optional.of(plugin);
            }
        }
        return Optional.empty();
    }

    /**
     * What the plugin directories look like: every entry of every root with its size and time, and
     * for a plugin directory the files PF4J reads from it. Stat calls only: no file is opened.
     */
    public static String fingerprint(List<Path> roots, String systemVersion) {
        StringBuilder print = new StringBuilder(systemVersion).append('\n');
        for (Path root : roots) {
            print.append(root).append('\n');
            if (BuildDirectory.isPluginBuild(root)) {
                describeTree(root.resolve(BuildDirectory.CLASSES), print);
                describeTree(root.resolve("lib"), print);
                continue;
            }
            for (Path entry : sortedEntries(root)) {
                describe(entry, print);
                if (Files.isDirectory(entry)) {
                    describe(entry.resolve("plugin.properties"), print);
                    describe(entry.resolve("META-INF").resolve("MANIFEST.MF"), print);
                    for (String inner : List.of("lib", "classes")) {
                        describe(entry.resolve(inner), print);
                        for (Path file : sortedEntries(entry.resolve(inner))) {
                            describe(file, print);
                        }
                    }
                }
            }
        }
        return print.toString();
    }

    /** Every file below {@code directory}: a build directory changes deep inside on every compile. */
    private static void describeTree(Path directory, StringBuilder print) {
        for (Path entry : sortedEntries(directory)) {
            describe(entry, print);
            if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                describeTree(entry, print);
            }
        }
    }

    private static List<Path> sortedEntries(Path directory) {
        List<Path> entries = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return entries;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            stream.forEach(entries::add);
        } catch (IOException e) {
            entries.add(directory.resolve("(unreadable)"));
        }
        entries.sort(null);
        return entries;
    }

    private static final boolean POSIX = java.nio.file.FileSystems.getDefault().supportedFileAttributeViews()
            .contains("posix");

    private static void describe(Path path, StringBuilder print) {
        print.append(path.getFileName()).append(' ');
        try {
            BasicFileAttributes attributes = POSIX
                    ? Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                    : Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            print.append(attributes.size()).append(' ').append(attributes.lastModifiedTime().toMillis());
            if (attributes instanceof PosixFileAttributes posix) {
                // A chmod changes no size or time, but whether the plugin may load (WritableByOthers).
                print.append(' ').append(PosixFilePermissions.toString(posix.permissions()));
            }
            if (attributes.isSymbolicLink()) {
                BasicFileAttributes target = Files.readAttributes(path, BasicFileAttributes.class);
                print.append(" -> ").append(path.toRealPath()).append(' ').append(target.size()).append(' ')
                        .append(target.lastModifiedTime().toMillis());
            }
        } catch (IOException e) {
            print.append('-');
        }
        print.append('\n');
    }

    /** The index stored at {@code file}, if there is a readable one. */
    public static Optional<CommandIndex> read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        String fingerprint = properties.getProperty(FINGERPRINT);
        if (fingerprint == null) {
            return Optional.empty();
        }
        Map<String, String> commands = new LinkedHashMap<>();
        Map<String, Path> plugins = new LinkedHashMap<>();
        Map<String, String> summaries = new LinkedHashMap<>();
        Map<String, String> groups = new LinkedHashMap<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        java.util.SortedMap<Integer, String> warnings = new java.util.TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key);
            if (key.startsWith(COMMAND)) {
                commands.put(key.substring(COMMAND.length()), value);
            } else if (key.startsWith(PLUGIN)) {
                try {
                    plugins.put(key.substring(PLUGIN.length()), Path.of(value));
                } catch (java.nio.file.InvalidPathException e) {
                    return Optional.empty();
                }
            } else if (key.startsWith(SUMMARY)) {
                summaries.put(key.substring(SUMMARY.length()), value);
            } else if (key.startsWith(GROUP)) {
                groups.put(key.substring(GROUP.length()), value);
            } else if (key.startsWith(SKIPPED)) {
                skipped.put(key.substring(SKIPPED.length()), value);
            } else if (key.startsWith(WARNING) && key.substring(WARNING.length()).matches("\\d{1,6}")) {
                warnings.put(Integer.parseInt(key.substring(WARNING.length())), value);
            }
        }
        Set<String> formats = new LinkedHashSet<>();
        for (String id : properties.getProperty(FORMATS, "").split(",")) {
            if (!id.isEmpty()) {
                formats.add(id);
            }
        }
        if (!plugins.keySet().containsAll(commands.values()) || !plugins.keySet().containsAll(formats)) {
            return Optional.empty();
        }
        Map<String, RecordedCommand> described = new LinkedHashMap<>();
        summaries.forEach((path, summary) -> described.put(path, new RecordedCommand(summary,
                properties.getProperty(ARGUMENTS + path), properties.getProperty(OPTIONS + path))));
        return Optional.of(new CommandIndex(fingerprint, commands, plugins, formats, described, groups,
                new ArrayList<>(warnings.values()), skipped));
    }

    /** Stores the index at {@code file} by an atomic replace; a failure is ignored (a cache). */
    public void write(Path file) {
        Properties properties = new Properties();
        properties.setProperty(FINGERPRINT, fingerprint);
        commands.forEach((path, plugin) -> properties.setProperty(COMMAND + path, plugin));
        pluginPaths.forEach((id, path) -> properties.setProperty(PLUGIN + id, path.toString()));
        properties.setProperty(FORMATS, String.join(",", formatPlugins));
        described.forEach((path, command) -> {
            properties.setProperty(SUMMARY + path, command.summary());
            properties.setProperty(ARGUMENTS + path, command.encodedArguments());
            properties.setProperty(OPTIONS + path, command.encodedOptions());
        });
        groups.forEach((path, summary) -> properties.setProperty(GROUP + path, summary));
        skipped.forEach((id, reason) -> properties.setProperty(SKIPPED + id, reason));
        for (int i = 0; i < warnings.size(); i++) {
            properties.setProperty(WARNING + i, warnings.get(i));
        }
        StringWriter text = new StringWriter();
        try {
            properties.store(text, "datachain: which plugin contributes which command (a cache, safe to delete)");
            Files.createDirectories(file.getParent());
            AtomicFileWriter.replace(file, text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            // A cache: the next run that loads every plugin writes it again.
        }
    }
}
