package ai.datachain.toolkit.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.datachain.toolkit.api.CommandException;
import ai.datachain.toolkit.testkit.PluginArchives;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginArchiveTest {

    @TempDir
    Path dir;

    @Test
    void entryNamesThatClimbOutOrAreAbsoluteEscape() {
        assertThat(PluginArchive.escapes("../evil.txt")).isTrue();
        assertThat(PluginArchive.escapes("lib/../../evil.txt")).isTrue();
        assertThat(PluginArchive.escapes("/etc/passwd")).isTrue();
        assertThat(PluginArchive.escapes("..\\evil.txt")).isTrue();
        assertThat(PluginArchive.escapes("C:/evil.txt")).isTrue();
    }

    @Test
    void entryNamesInsideTheDirectoryDoNotEscape() {
        assertThat(PluginArchive.escapes("plugin.properties")).isFalse();
        assertThat(PluginArchive.escapes("lib/a.jar")).isFalse();
        assertThat(PluginArchive.escapes("lib/../plugin.properties")).isFalse();
        assertThat(PluginArchive.escapes("./lib/x..y.jar")).isFalse();
    }

    @Test
    void aMissingFileIsRefused() {
        assertThatThrownBy(() -> PluginArchive.open(dir.resolve("nope.zip")))
                .isInstanceOf(CommandException.class).hasMessage("no such file: " + dir.resolve("nope.zip"));
    }

    @Test
    void anythingButZipOrJarIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("plugin.tar.gz"), "x");
        assertThatThrownBy(() -> PluginArchive.open(file))
                .hasMessage(file + " is not a plugin archive: expected a .zip or .jar file");
    }

    @Test
    void aFileThatIsNotAZipIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("broken.jar"), "not a zip at all");
        assertThatThrownBy(() -> PluginArchive.open(file)).hasMessageStartingWith(file + " is not a readable jar archive (");
    }

    @Test
    void aZipSlipEntryIsRefusedByName() throws Exception {
        Path file = PluginArchives.write(dir.resolve("slip.zip"), Map.of("plugin.properties",
                PluginArchives.descriptor("slip", "1.0.0", "*"), "../../outside.txt", "gotcha"));
        assertThatThrownBy(() -> PluginArchive.open(file)).hasMessage(file
                + " has an entry that would land outside the plugin directory: '../../outside.txt'; refusing to install it");
    }

    @Test
    void anArchiveWithoutDescriptorIsRefused() throws Exception {
        Path file = PluginArchives.write(dir.resolve("plain.jar"), Map.of("com/example/A.class", "x",
                "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n"));
        assertThatThrownBy(() -> PluginArchive.open(file)).hasMessage(file
                + " has no plugin descriptor: expected plugin.properties or a META-INF/MANIFEST.MF with Plugin-Id at its"
                + " top level");
    }

    @Test
    void aJarWhoseManifestNamesThePluginIsAccepted() throws Exception {
        Path file = PluginArchives.write(dir.resolve("manifest.jar"), Map.of("META-INF/MANIFEST.MF",
                "Manifest-Version: 1.0\nPlugin-Id: m\nPlugin-Version: 1.0.0\n"));
        assertThat(PluginArchive.open(file).isJar()).isTrue();
    }
}
