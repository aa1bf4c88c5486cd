package ai.datachain.toolkit.host.plugins;

import ai.datachain.toolkit.api.CommandException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.pf4j.PluginDescriptor;

/**
 * The plugins a user installed ({@code $XDG_DATA_HOME/datachain/plugins}): what is there, adding
 * one, taking one away. Every change is prepared in a hidden directory beside the plugins (PF4J
 * ignores hidden entries) and put in place with one rename, so a failed install leaves nothing.
 */
public final class UserPluginDirectory {

    private final Path root;

    public UserPluginDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** What one install did. */
    public record InstalledPlugin(String id, String version, Path location, boolean replaced) {}

    /**
     * Every installed plugin id with the paths that make it up: a directory or a jar, plus for a
     * dropped-in zip both the zip and the directory PF4J unpacked from it.
     */
    public Map<String, List<Path>> installed() {
        Map<String, List<Path>> byId = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return byId;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            List<Path> sorted = new ArrayList<>();
            entries.forEach(sorted::add);
            sorted.sort(Comparator.naturalOrder());
            for (Path entry : sorted) {
                String name = entry.getFileName().toString();
                String lower = name.toLowerCase(Locale.ROOT);
                boolean zip = lower.endsWith(".zip");
                if (name.startsWith(".") || !(Files.isDirectory(entry) || zip || lower.endsWith(".jar"))) {
                    continue;
                }
                if (zip && Files.isDirectory(unpackedDirectoryOf(entry))) {
                    continue; // listed with the directory PF4J unpacked it into
                }
                Optional<PluginDescriptor> descriptor = PluginDescriptors.find(entry);
                if (descriptor.isEmpty()) {
                    continue;
                }
                List<Path> paths = byId.computeIfAbsent(descriptor.get().getPluginId(), id -> new ArrayList<>());
                paths.add(entry);
                Path archive = root.resolve(name + ".zip");
                if (Files.isDirectory(entry) && Files.exists(archive)) {
                    paths.add(archive);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
        }
        return byId;
    }

    /**
     * Validates {@code file} and installs it under its plugin id. Plugins that other roots already
     * provide (the image's, {@code DATACHAIN_PLUGINS_DIR}'s) are refused: PF4J loads one plugin per id.
     *
     * @param elsewhere plugin ids loaded from other roots, with a description of where from
     */
    public InstalledPlugin install(Path file, boolean force, String hostVersion, Map<String, String> elsewhere)
            throws CommandException {
        PluginArchive archive = PluginArchive.open(file);
        boolean created = !Files.exists(root);
        Path staging = null;
        try {
            Files.createDirectories(root);
            staging = Files.createTempDirectory(root, ".install-");
            Path staged = staging.resolve(archive.isJar() ? "plugin.jar" : "plugin");
            if (archive.isJar()) {
                Files.copy(archive.file(), staged);
            } else {
                Files.createDirectory(staged);
                archive.unpackInto(staged);
            }
            PluginDescriptor descriptor = describe(file, staged);
            String id = descriptor.getPluginId();
            Optional<String> incompatible = PluginCompatibility.problem(descriptor.getRequires(), hostVersion);
            if (incompatible.isPresent()) {
                throw new CommandException("plugin " + id + " " + descriptor.getVersion() + " "
                        + incompatible.get());
            }
            if (elsewhere.containsKey(id)) {
                throw new CommandException("plugin " + id + " is already provided by " + elsewhere.get(id)
                        + "; an installed copy would never load");
            }
            List<Path> existing = installed().getOrDefault(id, List.of());
            if (!existing.isEmpty() && !force) {
                throw new CommandException("plugin " + id + " is already installed (" + existing.get(0)
                        + "); use --force to replace it");
            }
            Path target = root.resolve(archive.isJar() ? id + ".jar" : id);
            if (Files.exists(target) && !existing.contains(target)) {
                throw new CommandException(target + " already exists and is not plugin " + id
                        + "; move it away first");
            }
            List<Path> setAside = new ArrayList<>();
            try {
                for (Path old : existing) {
                    Path aside = staging.resolve("old-" + old.getFileName());
                    Files.move(old, aside, StandardCopyOption.ATOMIC_MOVE);
                    setAside.add(old);
                }
                Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                for (Path old : setAside) {
                    Files.move(staging.resolve("old-" + old.getFileName()), old, StandardCopyOption.ATOMIC_MOVE);
                }
                throw e;
            }
            return new InstalledPlugin(id, descriptor.getVersion(), target, !existing.isEmpty());
        } catch (IOException e) {
            throw new CommandException("cannot install " + file + " into " + root + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(staging);
            if (created) {
                deleteIfEmpty(root);
            }
        }
    }

    /** Removes every path of an installed plugin. */
    public void remove(String id) throws CommandException {
        List<Path> paths = installed().getOrDefault(id, List.of());
        if (paths.isEmpty()) {
            throw new CommandException("plugin " + id + " is not installed in " + root);
        }
        Path trash = null;
        try {
            trash = Files.createTempDirectory(root, ".remove-");
            for (Path path : paths) {
                Files.move(path, trash.resolve(path.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new CommandException("cannot remove plugin " + id + " from " + root + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(trash);
        }
    }

    private static PluginDescriptor describe(Path file, Path staged) throws CommandException {
        try {
            return PluginDescriptors.read(staged);
        } catch (PluginDescriptors.InvalidDescriptorException e) {
            throw new CommandException(file + " has an invalid plugin descriptor: " + e.getMessage());
        }
    }

    /** PF4J unpacks {@code name.zip} into {@code name/}. */
    private static Path unpackedDirectoryOf(Path zip) {
        String name = zip.getFileName().toString();
        return zip.resolveSibling(name.substring(0, name.length() - ".zip".length()));
    }

    private static void deleteIfEmpty(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            if (entries.findAny().isEmpty()) {
                Files.delete(directory);
            }
        } catch (IOException e) {
            // Left for the next install; an empty directory loads nothing.
        }
    }

    /** Deletes a file or a directory tree, leaving what cannot be deleted. */
    public static void deleteQuietly(Path path) {
        if (path == null || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A hidden leftover is invisible to PF4J and removed with the next change.
        }
    }
}
