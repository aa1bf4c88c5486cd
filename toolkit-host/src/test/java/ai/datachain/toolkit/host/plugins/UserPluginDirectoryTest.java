package ai.datachain.toolkit.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.datachain.toolkit.testkit.PluginArchives;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserPluginDirectoryTest {

    @TempDir
    Path dir;

    private UserPluginDirectory user() {
        return new UserPluginDirectory(dir.resolve("data/datachain/plugins"));
    }

    @Test
    void anEntryLargerThanItsHeaderSaysIsStoppedWhileUnpackingAndNothingIsLeft() throws Exception {
        Path zip = dir.resolve("liar.zip");
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("plugin.properties"));
            out.write(PluginArchives.descriptor("liar", "1.0.0", "*").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.putNextEntry(new java.util.zip.ZipEntry("lib/zeros.bin"));
            out.write(new byte[4 * 1024 * 1024]);
        }
        understateLastEntry(zip, 1000);

        assertThatThrownBy(() -> user().install(zip, false, "0.1.0", Map.of()))
                .hasMessage("cannot install " + zip + " into " + user().root() + ": entry 'lib/zeros.bin' is larger"
                        + " than it declares or than 256 MiB in all");
        assertThat(user().root()).doesNotExist();
    }

    /** Rewrites the uncompressed size the central directory gives the last entry, as a zip bomb would. */
    private static void understateLastEntry(Path zip, int size) throws Exception {
        byte[] bytes = Files.readAllBytes(zip);
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int header = -1;
        for (int i = 0; i + 4 <= bytes.length; i++) {
            if (buffer.getInt(i) == 0x02014b50) {
                header = i;
            }
        }
        buffer.putInt(header + 24, size);
        Files.write(zip, bytes);
    }

    @Test
    void aZipIsUnpackedIntoADirectoryNamedAfterTheId() throws Exception {
        Path zip = PluginArchives.pluginZip(dir.resolve("hello-1.0.0.zip"), "hello", "1.0.0", ">=0.1.0");

        UserPluginDirectory.InstalledPlugin installed = user().install(zip, false, "0.1.0", Map.of());

        assertThat(installed.id()).isEqualTo("hello");
        assertThat(installed.location()).isEqualTo(user().root().resolve("hello"));
        assertThat(installed.location().resolve("plugin.properties")).exists();
        assertThat(installed.location().resolve("lib/readme.txt")).exists();
        assertThat(user().installed()).containsOnlyKeys("hello");
        assertThat(entries(user().root())).containsExactly("hello");
    }

    @Test
    void aJarIsInstalledAsItIs() throws Exception {
        Path jar = PluginArchives.write(dir.resolve("x.jar"), Map.of("plugin.properties",
                PluginArchives.descriptor("jarred", "2.0.0", "*")));

        UserPluginDirectory.InstalledPlugin installed = user().install(jar, false, "0.1.0", Map.of());

        assertThat(installed.location()).isEqualTo(user().root().resolve("jarred.jar"));
        assertThat(Files.readAllBytes(installed.location())).isEqualTo(Files.readAllBytes(jar));
    }

    @Test
    void anIncompatiblePluginLeavesNothingBehind() throws Exception {
        Path zip = PluginArchives.pluginZip(dir.resolve("future.zip"), "future", "1.0.0", ">=2.0.0");

        assertThatThrownBy(() -> user().install(zip, false, "0.1.0", Map.of()))
                .hasMessage("plugin future 1.0.0 requires datachain >=2.0.0, this is 0.1.0");
        assertThat(user().root()).doesNotExist();
    }

    @Test
    void anInstalledIdIsRefusedUnlessForcedAndForceReplacesIt() throws Exception {
        user().install(PluginArchives.pluginZip(dir.resolve("a.zip"), "hello", "1.0.0", "*"), false, "0.1.0", Map.of());
        Path newer = PluginArchives.pluginZip(dir.resolve("b.zip"), "hello", "1.1.0", "*");

        assertThatThrownBy(() -> user().install(newer, false, "0.1.0", Map.of()))
                .hasMessage("plugin hello is already installed (" + user().root().resolve("hello")
                        + "); use --force to replace it");
        UserPluginDirectory.InstalledPlugin replaced = user().install(newer, true, "0.1.0", Map.of());

        assertThat(replaced.replaced()).isTrue();
        assertThat(Files.readString(user().root().resolve("hello/plugin.properties"))).contains("1.1.0");
        assertThat(entries(user().root())).containsExactly("hello");
    }

    @Test
    void anIdProvidedByAnotherRootIsRefused() throws Exception {
        Path zip = PluginArchives.pluginZip(dir.resolve("a.zip"), "auth-login", "9.0.0", "*");

        assertThatThrownBy(() -> user().install(zip, true, "0.1.0", Map.of("auth-login", "the datachain image")))
                .hasMessage("plugin auth-login is already provided by the datachain image; an installed copy would"
                        + " never load");
    }

    @Test
    void anUnsafeIdIsAnInvalidDescriptor() throws Exception {
        Path zip = PluginArchives.pluginZip(dir.resolve("a.zip"), "../up", "1.0.0", "*");

        assertThatThrownBy(() -> user().install(zip, false, "0.1.0", Map.of()))
                .hasMessage(zip + " has an invalid plugin descriptor: its plugin id '../up' may only use letters,"
                        + " digits, '.', '_' and '-'");
        assertThat(user().root()).doesNotExist();
    }

    @Test
    void removeTakesAwayADroppedInZipAndWhatPf4jUnpackedFromIt() throws Exception {
        Path root = Files.createDirectories(user().root());
        PluginArchives.pluginZip(root.resolve("dropped-1.0.zip"), "dropped", "1.0", "*");
        Files.createDirectories(root.resolve("dropped-1.0"));
        Files.writeString(root.resolve("dropped-1.0/plugin.properties"), PluginArchives.descriptor("dropped", "1.0", "*"));

        assertThat(user().installed().get("dropped")).containsExactly(root.resolve("dropped-1.0"),
                root.resolve("dropped-1.0.zip"));
        user().remove("dropped");

        assertThat(entries(root)).isEmpty();
    }

    private static List<String> entries(Path directory) throws Exception {
        try (Stream<Path> list = Files.list(directory)) {
            return list.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
