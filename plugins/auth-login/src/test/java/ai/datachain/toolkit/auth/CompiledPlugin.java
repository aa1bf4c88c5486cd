package ai.datachain.toolkit.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * This plugin before it is packaged, laid out as a PF4J plugin directory: the descriptor Maven
 * filters into {@code target/plugin} beside the compiled {@code target/classes}. Made once per test
 * run, for {@code DatachainRunner.plugin}.
 */
final class CompiledPlugin {

    private static Path directory;

    private CompiledPlugin() {}

    static synchronized Path directory() {
        if (directory == null) {
            try {
                Path root = Files.createTempDirectory("auth-login-plugin-").resolve("auth-login");
                Files.createDirectories(root);
                Files.copy(Path.of("target", "plugin", "plugin.properties"), root.resolve("plugin.properties"));
                Path classes = Path.of("target", "classes");
                try (Stream<Path> walk = Files.walk(classes)) {
                    for (Path path : walk.toList()) {
                        Path target = root.resolve("classes").resolve(classes.relativize(path).toString());
                        if (Files.isDirectory(path)) {
                            Files.createDirectories(target);
                        } else {
                            Files.copy(path, target);
                        }
                    }
                }
                directory = root;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lay out the compiled plugin", e);
            }
        }
        return directory;
    }
}
