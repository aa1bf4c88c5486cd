package ai.datachain.toolkit.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.datachain.toolkit.testkit.CommandResult;
import ai.datachain.toolkit.testkit.DatachainRunner;
import ai.datachain.toolkit.testkit.PluginArchives;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A platform team's runtime: {@code mvn package -Dteam.config=… -Dteam.plugins=…} on this module's
 * pom (a copy, built against the published toolkit so this build's own image stays as it is).
 */
class TeamRuntimeIT {

    static final String TEAM_CONFIG = """
            # Acme's datachain: our Studio, our team.
            [studio]
            url = "https://studio.acme.test"
            team = "acme"

            [hello]
            greeting = "Welcome"
            """;

    private static Path dist;
    private static Path image;

    @TempDir
    Path home;

    @BeforeAll
    static void buildATeamRuntime() throws Exception {
        Path workspace = Path.of("target", "team-build").toAbsolutePath();
        ToolkitMaven maven = new ToolkitMaven(workspace);
        dist = maven.copyProject(ToolkitMaven.sources().resolve("dist"), "dist");
        deleteTree(dist.resolve("src/test"));
        Path config = Files.writeString(workspace.resolve("acme-config"), TEAM_CONFIG);
        Path tools = PluginArchives.pluginZip(workspace.resolve("plugins/acme-tools-2.0.0.zip"), "acme-tools",
                "2.0.0", ">=0.1.0 & <1.0.0");
        // Relative paths are read from the directory Maven runs in, absolute ones as they are.
        maven.run(workspace, "-f", "dist/pom.xml", "package", "-DskipTests", "-Dteam.config=acme-config",
                "-Dteam.plugins=" + ExamplePlugin.zip() + "," + workspace.relativize(tools));
        image = dist.resolve("target/datachain");
    }

    private DatachainRunner datachain() {
        return DatachainRunner.launcher(image.resolve("bin/datachain"), home);
    }

    @Test
    void theConfigFileAndThePluginsAreInTheImageAndTheTarball() throws Exception {
        assertThat(Files.readString(image.resolve("conf/config"))).isEqualTo(TEAM_CONFIG);
        assertThat(image.resolve("plugins/hello/plugin.properties")).exists();
        assertThat(image.resolve("plugins/acme-tools/plugin.properties")).exists();
        assertThat(tarball()).contains("datachain/conf/config\n", "datachain/plugins/hello/plugin.properties\n",
                "datachain/plugins/acme-tools/plugin.properties\n", "datachain/plugins/auth-login/");
    }

    @Test
    void theTeamPluginsAreThoseOfTheImage() {
        CommandResult list = datachain().run("plugins", "list");
        CommandResult hello = datachain().run("hello", "--name", "Ada");
        CommandResult remove = datachain().run("plugins", "remove", "hello");

        assertThat(list.stdout()).contains("hello 1.0.0 (started)\n  from: " + image.resolve("plugins/hello"),
                "acme-tools 2.0.0 (started)", "auth-login", "config-toml");
        assertThat(list.stderr()).isEmpty();
        assertThat(hello.exitCode()).as(hello.toString()).isZero();
        assertThat(remove.stderr()).startsWith("Error: plugin hello is part of the datachain image and cannot be removed");
    }

    @Test
    void thePlainBuildHasNoTeamConfig() {
        assertThat(Launcher.path().getParent().getParent().resolve("conf/config")).doesNotExist();
    }

    /** Needs the configuration commands: the team file is the lowest layer, below the user's own. */
    @Test
    void theTeamConfigIsTheDefaultsLayerThatTheUsersSettingsOverride() {
        assumeTrue(datachain().run("config", "--help").exitCode() == 0, "no 'config' commands in this build");

        CommandResult url = datachain().run("config", "get", "studio.url");
        CommandResult origins = datachain().run("config", "list", "--show-origin");
        CommandResult hello = datachain().run("hello");
        CommandResult set = datachain().run("config", "set", "--global", "studio.team", "mine");
        CommandResult team = datachain().run("config", "get", "studio.team");

        assertThat(url.stdout()).isEqualTo("https://studio.acme.test\n");
        assertThat(origins.stdout()).contains(image.resolve("conf/config").toString()).contains("studio.url");
        assertThat(hello.stdout()).isEqualTo("Welcome, world!\n");
        assertThat(set.exitCode()).as(set.toString()).isZero();
        assertThat(team.stdout()).isEqualTo("mine\n");
    }

    private static String tarball() throws Exception {
        Path tar = dist.resolve("target/datachain-" + System.getProperty("datachain.version") + "-linux-x64.tar.gz");
        Process process = new ProcessBuilder("tar", "-tzf", tar.toString()).redirectErrorStream(true).start();
        String listing = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return listing;
    }

    private static void deleteTree(Path root) throws Exception {
        if (Files.exists(root)) {
            try (var walk = Files.walk(root)) {
                for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
