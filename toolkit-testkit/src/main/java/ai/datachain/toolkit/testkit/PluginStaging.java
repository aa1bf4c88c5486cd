package ai.datachain.toolkit.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A plugin root ({@code DATACHAIN_PLUGINS_DIR}) made for one runner from the plugins a test names:
 * built archives are copied in, a PF4J plugin directory is copied in, and a compiled classes
 * directory is wrapped in the plugin layout (descriptor beside {@code classes/}), so a plugin's
 * unit tests can run its commands before it is packaged. Removed when the JVM exits.
 */
final class PluginStaging {

    private static final List<Path> STAGED = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(PluginStaging::deleteAll, "datachain-testkit-cleanup"));
    }

    private final Path root;

    private PluginStaging(Path root) {
        this.root = root;
    }

    static PluginStaging create() {
        return new PluginStaging(temporaryDirectory("datachain-test-plugins-"));
    }

    /** An empty directory that lives until the JVM exits. */
    static Path temporaryDirectory(String prefix) {
        try {
            Path directory = Files.createTempDirectory(prefix);
            synchronized (STAGED) {
                STAGED.add(directory);
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path root() {
        return root;
    }

    void add(Path plugin) {
        Path source = plugin.toAbsolutePath().normalize();
        try {
            if (Files.isRegularFile(source)) {
                String name = source.getFileName().toString().toLowerCase(Locale.ROOT);
                if (!name.endsWith(".zip") && !name.endsWith(".jar")) {
                    throw new IllegalArgumentException(source + " is not a plugin .zip or .jar");
                }
                Files.copy(source, root.resolve(source.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            } else if (Files.isDirectory(source)) {
                addDirectory(source);
            } else {
                throw new IllegalArgumentException("no plugin at " + source + " (build it first?)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage plugin " + source, e);
        }
    }

    private void addDirectory(Path source) throws IOException {
        boolean descriptor = Files.exists(source.resolve("plugin.properties"))
                || Files.exists(source.resolve("META-INF/MANIFEST.MF"));
        if (!descriptor) {
            throw new IllegalArgumentException(source + " holds no plugin.properties or META-INF/MANIFEST.MF");
        }
        Path target = root.resolve(source.getFileName().toString());
        if (Files.isDirectory(source.resolve("classes")) || Files.isDirectory(source.resolve("lib"))) {
            copyTree(source, target);
            return;
        }
        // A classes directory: PF4J expects the descriptor at the top and the classes below it.
        Files.createDirectories(target);
        if (Files.exists(source.resolve("plugin.properties"))) {
            Files.copy(source.resolve("plugin.properties"), target.resolve("plugin.properties"));
        }
        copyTree(source, target.resolve("classes"));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path path : walk.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteAll() {
        synchronized (STAGED) {
            for (Path directory : STAGED) {
                try (Stream<Path> walk = Files.walk(directory)) {
                    for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(path);
                    }
                } catch (IOException e) {
                    // A leftover in the temporary directory is harmless.
                }
            }
        }
    }
}
