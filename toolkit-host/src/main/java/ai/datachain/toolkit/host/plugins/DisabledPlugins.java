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

    private DisabledPlugins(Path file, Set<String> ids) {
        this.file = file;
        this.ids = ids;
    }

    /** The list kept in {@code userPluginDirectory}; empty when the file does not exist. */
    public static DisabledPlugins in(Path userPluginDirectory) {
        Path file = userPluginDirectory.resolve(FILE_NAME);
        Set<String> ids = new TreeSet<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String id = line.trim();
                if (!id.isEmpty() && !id.startsWith("#")) {
                    ids.add(id);
                }
            }
        } catch (NoSuchFileException e) {
            // Nothing disabled yet.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new DisabledPlugins(file, ids);
    }

    public Path file() {
        return file;
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
