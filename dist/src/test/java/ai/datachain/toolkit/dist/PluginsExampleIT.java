package ai.datachain.toolkit.dist;

import static org.assertj.core.api.Assertions.assertThat;

import ai.datachain.toolkit.testkit.CommandResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example plugin, built with its own pom against the published toolkit as a plugin author
 * would, then installed into the image and used.
 */
class PluginsExampleIT {

    private static Path project;
    private static Path zip;

    @TempDir
    Path home;

    @BeforeAll
    static void buildTheExampleAsAnOutsiderWould() throws Exception {
        project = ExamplePlugin.project();
        zip = ExamplePlugin.zip();
    }

    @Test
    void theExampleZipHoldsTheDescriptorAndItsJarButNoProvidedLibraries() throws Exception {
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            List<String> names = Collections.list(archive.entries()).stream().map(e -> e.getName())
                    .filter(name -> !name.endsWith("/")).sorted().toList();
            assertThat(names).containsExactly("lib/hello-plugin-1.0.0.jar", "plugin.properties");
        }
        assertThat(Files.readString(project.resolve("target/surefire-reports/TEST-com.example.hello.HelloCommandTest.xml")))
                .contains("tests=\"5\"").contains("failures=\"0\"").contains("errors=\"0\"");
    }

    @Test
    void aFailingPluginCommandIsOneErrorLineWithItsTraceOnlyWhenVerboseAndHarmsNothingElse() throws Exception {
        assertThat(Launcher.in(home).run("plugins", "install", zip.toString()).exitCode()).isZero();

        CommandResult failed = Launcher.in(home).run("hello", "--name", " ");
        CommandResult verbose = Launcher.in(home).run("hello", "--name", " ", "-v");
        CommandResult hello = Launcher.in(home).run("hello", "--name", "Ada");
        CommandResult host = Launcher.in(home).run("plugins", "list");
        CommandResult auth = Launcher.in(home).run("auth", "team");

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.stdout()).isEmpty();
        assertThat(failed.stderr()).isEqualTo("Error: --name needs a name, not an empty string\n");
        assertThat(verbose.exitCode()).isEqualTo(1);
        assertThat(verbose.stderr()).startsWith("Error: --name needs a name, not an empty string\n")
                .contains("\tat com.example.hello.HelloCommand.run(");
        assertThat(hello.stdout()).isEqualTo("Hello, Ada!\n");
        assertThat(host.exitCode()).as(host.toString()).isZero();
        assertThat(host.stdout()).contains("hello 1.0.0");
        assertThat(auth.stderr()).isEqualTo("Error: No default team set. Use `datachain auth team <team_name>` to set"
                + " one.\n");
    }

    @Test
    void theInstalledExampleRunsAndCompletesAndCanBeSwitchedOffAndRemoved() throws Exception {
        CommandResult install = Launcher.in(home).run("plugins", "install", zip.toString());
        CommandResult hello = Launcher.in(home).run("hello", "--name", "Ada");
        CommandResult list = Launcher.in(home).run("plugins", "list");

        assertThat(install.exitCode()).as(install.toString()).isZero();
        assertThat(install.stdout()).startsWith("Installed plugin hello 1.0.0 in ");
        assertThat(hello.exitCode()).as(hello.toString()).isZero();
        assertThat(hello.stdout()).isEqualTo("Hello, Ada!\n");
        assertThat(hello.stderr()).isEmpty();
        assertThat(list.stdout()).containsPattern("(?m)^hello 1\\.0\\.0 \\(started\\)\n  from: .*\n  installed from: .*"
                + "hello-plugin-1\\.0\\.0-plugin\\.zip\n  commands: hello$");

        Path script = Files.writeString(home.resolve("datachain.bash"),
                Launcher.in(home).run("completion", "bash").stdout());
        assertThat(CompletionIT.complete(script, "hel")).isEqualTo("hello");
        assertThat(CompletionIT.complete(script, "hello", "--n")).isEqualTo("--name");

        assertThat(Launcher.in(home).run("plugins", "disable", "hello").exitCode()).isZero();
        CommandResult disabled = Launcher.in(home).run("hello");
        assertThat(disabled.exitCode()).isEqualTo(2);
        assertThat(disabled.stderr()).startsWith("Error: unknown command 'hello' for 'datachain'");
        assertThat(Launcher.in(home).run("plugins", "enable", "hello").exitCode()).isZero();
        assertThat(Launcher.in(home).run("hello").stdout()).isEqualTo("Hello, world!\n");

        CommandResult remove = Launcher.in(home).run("plugins", "remove", "hello");
        assertThat(remove.exitCode()).as(remove.toString()).isZero();
        assertThat(Launcher.in(home).run("hello").exitCode()).isEqualTo(2);
    }
}
