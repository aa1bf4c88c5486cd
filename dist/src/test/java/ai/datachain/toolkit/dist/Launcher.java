package ai.datachain.toolkit.dist;

import ai.datachain.toolkit.testkit.DatachainRunner;
import java.nio.file.Files;
import java.nio.file.Path;

/** The image built by this module, as the end-to-end tests reach it. */
final class Launcher {

    private Launcher() {}

    static Path path() {
        String launcher = System.getProperty("datachain.launcher");
        if (launcher == null || !Files.isExecutable(Path.of(launcher))) {
            throw new IllegalStateException("no built launcher at " + launcher + "; run 'mvn verify'");
        }
        return Path.of(launcher);
    }

    /** A runner for the launcher with {@code home} as the user's home directory. */
    static DatachainRunner in(Path home) {
        return DatachainRunner.launcher(path(), home);
    }
}
