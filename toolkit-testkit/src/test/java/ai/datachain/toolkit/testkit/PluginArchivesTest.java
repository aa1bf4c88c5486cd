package ai.datachain.toolkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginArchivesTest {

    /** Stands in for an extension: the builder copies any class file from the test class path. */
    static final class Greet {}

    @TempDir
    Path dir;

    @Test
    void aJarHasTheDescriptorInItsManifestTheClassesAndTheirIndex() throws IOException {
        Path jar = PluginArchives.jar("greeter").version("2.1.0").requires(">=0.1.0").dependsOn("base@>=1.0.0")
                .attribute("Plugin-Provider", "Example").extension(Greet.class).writeTo(dir.resolve("plugins"));

        assertThat(jar).isEqualTo(dir.resolve("plugins/greeter-2.1.0.jar"));
        try (InputStream in = Files.newInputStream(jar)) {
            assertThat(manifest(in)).containsExactly(Map.entry("Manifest-Version", "1.0"),
                    Map.entry("Plugin-Id", "greeter"), Map.entry("Plugin-Version", "2.1.0"),
                    Map.entry("Plugin-Requires", ">=0.1.0"), Map.entry("Plugin-Dependencies", "base@>=1.0.0"),
                    Map.entry("Plugin-Provider", "Example"));
        }
        assertThat(entries(jar)).containsExactly("META-INF/MANIFEST.MF",
                "ai/datachain/toolkit/testkit/PluginArchivesTest$Greet.class", "META-INF/extensions.idx");
        assertThat(text(jar, "META-INF/extensions.idx")).isEqualTo(Greet.class.getName() + "\n");
    }

    @Test
    void aZipHasThePluginAttributesAsPropertiesAndTheJarInLib() throws IOException {
        Path zip = PluginArchives.jar("greeter").dependsOn("base@>=1.0.0").attribute("Created-By", "a test")
                .extension(Greet.class).zipTo(dir);

        assertThat(zip).isEqualTo(dir.resolve("greeter-1.0.0.zip"));
        assertThat(entries(zip)).containsExactly("plugin.properties", "lib/greeter.jar");
        assertThat(text(zip, "plugin.properties")).isEqualTo(PluginArchives.descriptor("greeter", "1.0.0", "*")
                + "plugin.dependencies=base@>=1.0.0\n");
        try (ZipFile file = new ZipFile(zip.toFile());
                InputStream in = file.getInputStream(file.getEntry("lib/greeter.jar"))) {
            assertThat(manifest(in)).containsEntry("Plugin-Dependencies", "base@>=1.0.0")
                    .containsEntry("Created-By", "a test");
        }
    }

    @Test
    void anAttributeReplacesTheOneOfItsNameWhateverItsCase() throws IOException {
        Path jar = PluginArchives.jar("greeter").attribute("plugin-id", "bad id").writeTo(dir);

        assertThat(jar).isEqualTo(dir.resolve("bad id-1.0.0.jar"));
        try (InputStream in = Files.newInputStream(jar)) {
            assertThat(manifest(in)).containsEntry("Plugin-Id", "bad id").hasSize(4);
        }
    }

    @Test
    void aClassWithoutAClassFileIsAnIOException() {
        Runnable lambda = () -> {};

        assertThatThrownBy(() -> PluginArchives.jar("greeter").extension(lambda.getClass()).writeTo(dir))
                .isInstanceOf(IOException.class).hasMessage("no class file for " + lambda.getClass().getName());
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void writeWritesExactlyTheEntriesGivenInOrder() throws IOException {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("z.txt", "last letter");
        given.put("../outside.txt", "é");

        Path zip = PluginArchives.write(dir.resolve("new/bad.zip"), given);

        assertThat(entries(zip)).containsExactly("z.txt", "../outside.txt");
        assertThat(text(zip, "../outside.txt")).isEqualTo("é");
    }

    private static Map<String, String> manifest(InputStream jar) throws IOException {
        try (JarInputStream in = new JarInputStream(jar)) {
            Map<String, String> attributes = new LinkedHashMap<>();
            for (Map.Entry<Object, Object> entry : in.getManifest().getMainAttributes().entrySet()) {
                attributes.put(((Attributes.Name) entry.getKey()).toString(), (String) entry.getValue());
            }
            return attributes;
        }
    }

    private static List<String> entries(Path archive) throws IOException {
        try (ZipFile file = new ZipFile(archive.toFile())) {
            List<String> names = new ArrayList<>();
            file.stream().map(ZipEntry::getName).forEach(names::add);
            return names;
        }
    }

    private static String text(Path archive, String entry) throws IOException {
        try (ZipFile file = new ZipFile(archive.toFile());
                InputStream in = file.getInputStream(file.getEntry(entry))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
