package ai.datachain.toolkit.host.plugins;

import ai.datachain.toolkit.host.files.AtomicFileWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.pf4j.PluginStatusProvider;

/**
 * The plugins the user switched off, one id per line in {@code disabled.txt} of the user plugin
 * directory (PF4J's own file name and format). It applies to plugins of every root, the image's
 * included, and is rewritten atomically so a crash never leaves half a list.
 */
public final class DisabledPlugins implements PluginStatusProvider {

    public static final String FILE_NAME = "disabled.txt";

    private final Path file;
    private final Set<String> ids;
    /** Why the file could not be read, if it could not; then nothing is disabled and nothing is written. */
    private final String unreadable;

    private DisabledPlugins(Path file, Set<String> ids, String unreadable) {
        this.file = file;
        this.ids = ids;
        this.unreadable = unreadable;
    }

    /**
     * The list kept in {@code userPluginDirectory}; empty when the file does not exist, and empty
     * with a {@link #problem} when it cannot be read (a directory, no permission, not UTF-8).
     */
    public static DisabledPlugins in(Path userPluginDirectory) {
        Path file = userPluginDirectory.resolve(FILE_NAME);
        Set<String> ids = new TreeSet<>();
        try {
            if (Files.isDirectory(file)) {
                return unreadable(file, "it is a directory, not a file");
            }
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String id = line.trim();
                if (!id.isEmpty() && !id.startsWith("#")) {
                    ids.add(id);
                }
            }
        } catch (NoSuchFileException e) {
            // Nothing disabled yet.
        } catch (java.nio.charset.CharacterCodingException e) {
            return unreadable(file, "it is not UTF-8 text");
        } catch (IOException e) {
            return unreadable(file, e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : String.valueOf(e.getMessage()));
        }
        return new DisabledPlugins(file, ids, null);
    }

    /** A list that disables nothing and is never written, for a run that keeps none. */
    static DisabledPlugins none() {
        return new DisabledPlugins(Path.of(FILE_NAME), new TreeSet<>(), null);
    }

    private static DisabledPlugins unreadable(Path file, String why) {
        return new DisabledPlugins(file, new TreeSet<>(), why);
    }

    public Path file() {
        return file;
    }

    /** The warning for a list that could not be read; empty when it was read (or does not exist). */
    public Optional<String> problem() {
        return Optional.ofNullable(unreadable)
                .map(why -> "cannot read " + file + " (" + why + "): no plugin is disabled by it");
    }

    /** The error for a change to a list that could not be read; empty when it can be changed. */
    public Optional<String> refusal() {
        return Optional.ofNullable(unreadable)
                .map(why -> "cannot change " + file + " (" + why + "); fix or remove it, then try again");
    }

    public Set<String> ids() {
        return Collections.unmodifiableSet(ids);
    }

    @Override
    public boolean isPluginDisabled(String pluginId) {
        return ids.contains(pluginId);
    }

    @Override
    public void disablePlugin(String pluginId) {
        if (ids.add(pluginId)) {
            save();
        }
    }

    @Override
    public void enablePlugin(String pluginId) {
        if (ids.remove(pluginId)) {
            save();
        }
    }

    private void save() {
        if (file.getParent() == null) {
            throw new IllegalStateException("this run keeps no list of disabled plugins");
        }
        if (unreadable != null) {
            // Rewriting a list we could not read would silently drop what the user wrote there.
            throw new IllegalStateException(refusal().orElseThrow());
        }
        List<String> lines = new ArrayList<>();
        lines.add("# Plugins disabled with 'datachain plugins disable'; one id per line.");
        lines.addAll(ids);
        String text = String.join(System.lineSeparator(), lines) + System.lineSeparator();
        try {
            Files.createDirectories(file.getParent());
            AtomicFileWriter.replace(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
