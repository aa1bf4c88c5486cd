package ai.datachain.toolkit.dist;

import static org.assertj.core.api.Assertions.assertThat;

import ai.datachain.toolkit.testkit.CommandResult;
import ai.datachain.toolkit.testkit.DatachainRunner;
import ai.datachain.toolkit.testkit.FakeMavenRepository;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plugins install GROUP:ARTIFACT[:VERSION]} and {@code plugins update} through the launcher,
 * against a Maven repository served on 127.0.0.1: what is installed, what is refused, and that a
 * refusal leaves nothing behind.
 */
class PluginsByCoordinatesIT {

    private static final String GROUP = "com.example";

    @TempDir
    Path home;

    @TempDir
    Path files;

    private final FakeMavenRepository repository = FakeMavenRepository.start();

    @AfterEach
    void stopRepository() {
        repository.close();
    }

    private Path userPlugins() {
        return home.resolve(".local/share/datachain/plugins");
    }

    private DatachainRunner datachain() {
        return Launcher.in(home).env("DATACHAIN_PLUGINS_REPOSITORIES", repository.uri().toString());
    }

    private Path publishZip(String artifact, String id, String version, String requires) throws IOException {
        Path zip = PluginArchives.pluginZip(files.resolve(artifact + "-" + version + "-plugin.zip"), id, version,
                requires);
        return repository.publish(GROUP, artifact, version, "plugin", "zip", zip);
    }

    @Test
    void aVersionNamedIsDownloadedVerifiedAndInstalled() throws Exception {
        publishZip("tool", "tool", "1.0.0", ">=0.1.0");

        CommandResult install = datachain().run("plugins", "install", GROUP + ":tool:1.0.0");
        CommandResult list = datachain().run("plugins", "list");

        assertThat(install.exitCode()).as(install.toString()).isZero();
        assertThat(install.stdout()).isEqualTo("Installed plugin tool 1.0.0 in " + userPlugins().resolve("tool") + "\n");
        assertThat(install.stderr()).isEmpty();
        assertThat(userPlugins().resolve("tool/plugin.properties")).exists();
        assertThat(repository.requests()).contains("/maven2/com/example/tool/1.0.0/tool-1.0.0-plugin.zip",
                "/maven2/com/example/tool/1.0.0/tool-1.0.0-plugin.zip.sha1");
        assertThat(list.stdout()).contains("tool 1.0.0 (started)\n  from: " + userPlugins().resolve("tool")
                + "\n  installed from: com.example:tool:1.0.0 (from " + repository.uri() + ")\n");
        assertNoDownloadsLeft();
    }

    @Test
    void withoutAVersionTheNewestReleaseThatAdmitsThisToolkitIsChosen() throws Exception {
        publishZip("tool", "tool", "1.0.0", ">=0.1.0");
        publishZip("tool", "tool", "1.1.0", ">=0.1.0");
        publishZip("tool", "tool", "2.0.0", ">=9.0.0");

        CommandResult install = datachain().run("plugins", "install", GROUP + ":tool");

        assertThat(install.exitCode()).as(install.toString()).isZero();
        assertThat(install.stdout()).isEqualTo("Installed plugin tool 1.1.0 in " + userPlugins().resolve("tool") + "\n");
    }

    @Test
    void aPlainJarIsTheFallbackWhenNoPluginZipIsPublished() throws Exception {
        Path jar = PluginArchives.write(files.resolve("lib-1.0.0.jar"), Map.of("META-INF/MANIFEST.MF",
                "Manifest-Version: 1.0\nPlugin-Id: lib\nPlugin-Version: 1.0.0\nPlugin-Requires: *\n"));
        repository.publish(GROUP, "lib", "1.0.0", null, "jar", jar);

        CommandResult install = datachain().run("plugins", "install", GROUP + ":lib:1.0.0");

        assertThat(install.exitCode()).as(install.toString()).isZero();
        assertThat(install.stdout()).isEqualTo("Installed plugin lib 1.0.0 in " + userPlugins().resolve("lib.jar") + "\n");
    }

    @Test
    void updateMovesToTheNewestCompatibleReleaseAndSaysWhenThereIsNone() throws Exception {
        publishZip("tool", "tool", "1.0.0", ">=0.1.0");
        assertThat(datachain().run("plugins", "install", GROUP + ":tool").exitCode()).isZero();
        publishZip("tool", "tool", "1.2.0", ">=0.1.0");
        publishZip("tool", "tool", "3.0.0", ">=9.0.0");

        CommandResult update = datachain().run("plugins", "update");
        CommandResult again = datachain().run("plugins", "update", "tool");

        assertThat(update.exitCode()).as(update.toString()).isZero();
        assertThat(update.stdout()).isEqualTo("Updated plugin tool from 1.0.0 to 1.2.0\n");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.stdout()).isEqualTo("Plugin tool is up to date (1.2.0)\n");
        assertThat(datachain().run("plugins", "list").stdout()).contains("tool 1.2.0 (started)");
    }

    @Test
    void aFailedUpdateKeepsTheInstalledRelease() throws Exception {
        publishZip("tool", "tool", "1.0.0", ">=0.1.0");
        assertThat(datachain().run("plugins", "install", GROUP + ":tool:1.0.0").exitCode()).isZero();
        repository.breakChecksums(publishZip("tool", "tool", "1.1.0", ">=0.1.0"));

        CommandResult update = datachain().run("plugins", "update");

        assertThat(update.exitCode()).as(update.toString()).isEqualTo(1);
        assertThat(update.stderr()).startsWith("Error: com.example:tool:1.1.0 failed verification, refusing it:");
        assertThat(datachain().run("plugins", "list").stdout()).contains("tool 1.0.0 (started)");
        assertNoDownloadsLeft();
    }

    @Test
    void aPluginInstalledFromAFileIsNotUpdatedByCoordinates() throws Exception {
        Path zip = PluginArchives.pluginZip(files.resolve("local.zip"), "local", "1.0.0", "*");
        assertThat(datachain().run("plugins", "install", zip.toString()).exitCode()).isZero();

        CommandResult named = datachain().run("plugins", "update", "local");
        CommandResult all = datachain().run("plugins", "update");

        assertThat(named.exitCode()).isEqualTo(1);
        assertThat(named.stderr()).isEqualTo("Error: plugin local was installed from a file, not by coordinates;"
                + " install a newer file with 'datachain plugins install PATH --force'\n");
        assertThat(all.exitCode()).isZero();
        assertThat(all.stdout()).isEqualTo(
                "No plugins installed by coordinates; 'datachain plugins install GROUP:ARTIFACT' installs one.\n");
        assertThat(datachain().run("plugins", "list").stdout()).contains("  installed from: " + zip + "\n");
    }

    @Test
    void anArtifactNoRepositoryHasIsAClearError() {
        CommandResult named = datachain().run("plugins", "install", GROUP + ":missing:1.0.0");
        CommandResult newest = datachain().run("plugins", "install", GROUP + ":missing");

        assertRefused(named, "Error: com.example:missing:1.0.0 is not in " + repository.uri() + "\n");
        assertRefused(newest, "Error: no release of com.example:missing in " + repository.uri() + "\n");
    }

    @Test
    void aChecksumMismatchIsRefusedAndNothingIsInstalled() throws Exception {
        repository.breakChecksums(publishZip("tool", "tool", "1.0.0", "*"));

        CommandResult result = datachain().run("plugins", "install", GROUP + ":tool:1.0.0");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).startsWith("Error: com.example:tool:1.0.0 failed verification, refusing it:")
                .contains("Checksum validation failed");
        assertNothingInstalled();
    }

    @Test
    void aFileWithoutChecksumsIsRefused() throws Exception {
        repository.removeChecksums(publishZip("tool", "tool", "1.0.0", "*"));

        CommandResult result = datachain().run("plugins", "install", GROUP + ":tool:1.0.0");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).startsWith("Error: com.example:tool:1.0.0 failed verification, refusing it:")
                .contains("no checksums available");
        assertNothingInstalled();
    }

    @Test
    void anUnreachableRepositoryIsAClearError() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/maven2/";

        CommandResult result = Launcher.in(home).env("DATACHAIN_PLUGINS_REPOSITORIES", url)
                .run("plugins", "install", GROUP + ":tool:1.0.0");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).startsWith("Error: cannot download com.example:tool:1.0.0: connection refused");
        assertThat(result.stderr().lines().count()).isEqualTo(1);
        assertNothingInstalled();
    }

    @Test
    void aRequiresRangeThatExcludesThisToolkitIsRefused() throws Exception {
        publishZip("tool", "tool", "2.0.0", ">=9.0.0");

        CommandResult named = datachain().run("plugins", "install", GROUP + ":tool:2.0.0");
        CommandResult newest = datachain().run("plugins", "install", GROUP + ":tool");

        assertThat(named.exitCode()).isEqualTo(1);
        assertThat(named.stderr()).startsWith("Error: plugin tool 2.0.0 ");
        assertThat(newest.exitCode()).isEqualTo(1);
        assertThat(newest.stderr()).startsWith("Error: no release of com.example:tool works with datachain ");
        assertNothingInstalled();
    }

    @Test
    void aRepositoryListInTheConfigurationIsUsedAndBadEntriesAreRefused() throws Exception {
        publishZip("tool", "tool", "1.0.0", "*");
        Path global = home.resolve(".config/datachain/config");
        Files.createDirectories(global.getParent());
        Files.writeString(global, "[plugins]\nrepositories = [\"" + repository.uri() + "\"]\n");

        CommandResult install = Launcher.in(home).run("plugins", "install", GROUP + ":tool:1.0.0");
        Files.writeString(global, "[plugins]\nrepositories = [\"ftp://mirror.example/maven2\"]\n");
        CommandResult refused = Launcher.in(home).run("plugins", "install", GROUP + ":other:1.0.0");

        assertThat(install.exitCode()).as(install.toString()).isZero();
        assertRefused(refused, "Error: plugins.repositories: 'ftp://mirror.example/maven2' is not an https, http or"
                + " file URL\n");
    }

    private void assertRefused(CommandResult result, String stderr) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr()).isEqualTo(stderr);
        assertThat(result.stdout()).isEmpty();
    }

    private void assertNothingInstalled() throws IOException {
        if (Files.isDirectory(userPlugins())) {
            try (Stream<Path> entries = Files.list(userPlugins())) {
                assertThat(entries.map(path -> path.getFileName().toString())
                        .filter(name -> !name.equals(".origins.properties"))).isEmpty();
            }
        }
        assertNoDownloadsLeft();
    }

    private void assertNoDownloadsLeft() throws IOException {
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> entries = Files.list(temporary)) {
            assertThat(entries.map(path -> path.getFileName().toString())
                    .filter(name -> name.startsWith("datachain-plugin-download-"))).isEmpty();
        }
    }
}
