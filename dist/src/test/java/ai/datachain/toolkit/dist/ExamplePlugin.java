package ai.datachain.toolkit.dist;

import java.nio.file.Path;

/**
 * {@code examples/hello-plugin}, built once per test run with its own pom against the published
 * toolkit, exactly as a plugin author builds it.
 */
final class ExamplePlugin {

    private static Path project;

    private ExamplePlugin() {}

    /** The built project directory (a copy of the example, with its {@code target}). */
    static synchronized Path project() throws Exception {
        if (project == null) {
            ToolkitMaven maven = new ToolkitMaven(Path.of("target", "example-build").toAbsolutePath());
            Path copy = maven.copyProject(ToolkitMaven.sources().resolve("examples/hello-plugin"), "hello-plugin");
            maven.run(copy, "package");
            project = copy;
        }
        return project;
    }

    /** The plugin zip the build produced. */
    static Path zip() throws Exception {
        return project().resolve("target/hello-plugin-1.0.0-plugin.zip");
    }
}
