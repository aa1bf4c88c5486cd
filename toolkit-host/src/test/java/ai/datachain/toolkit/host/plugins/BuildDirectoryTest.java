package ai.datachain.toolkit.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.host.testplugin.EchoCommand;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin project's {@code target/} as a plugin root: one plugin, loaded from {@code classes/},
 * with nothing else there reported and nothing written there.
 */
class BuildDirectoryTest {

    private static final List<String> ECHO = List.of("test", "echo", "hello");

    @TempDir
    Path target;

    @TempDir
    Path cache;

    @TempDir
    Path userPlugins;

    /** What {@code mvn package} leaves: classes with the descriptor, the jar, the zip, Maven's own directories. */
    @BeforeEach
    void aPackagedPluginProject() throws IOException {
        Path classes = target.resolve("classes");
        String resource = EchoCommand.class.getName().replace('.', '/') + ".class";
        Path compiled = Files.createDirectories(classes.resolve(resource).getParent()).resolve(
                Path.of(resource).getFileName().toString());
        try (InputStream bytes = EchoCommand.class.getClassLoader().getResourceAsStream(resource)) {
            Files.copy(bytes, compiled);
        }
        Files.createDirectories(classes.resolve("META-INF"));
        Files.writeString(classes.resolve("META-INF/extensions.idx"), EchoCommand.class.getName() + "\n");
        Files.writeString(classes.resolve("plugin.properties"),
                "plugin.id=echo-plugin\nplugin.version=1.0.0\nplugin.requires=*\n");
        Files.createDirectories(target.resolve("test-classes"));
        Files.createDirectories(target.resolve("maven-status/maven-compiler-plugin"));
        Files.createDirectories(target.resolve("surefire-reports"));
        Files.writeString(target.resolve("echo-plugin-1.0.0.jar"), "a jar of the same plugin");
        TestArchives.write(target.resolve("echo-plugin-1.0.0-plugin.zip"),
                Map.of("plugin.properties", "plugin.id=echo-plugin\nplugin.version=1.0.0\n"));
    }

    private PluginHost start() {
        return PluginHost.startFor(ECHO, List.of(target), "0.1.0", cache, DisabledPlugins.in(userPlugins));
    }

    private List<Path> contents() throws IOException {
        try (Stream<Path> walk = Files.walk(target)) {
            return walk.sorted().toList();
        }
    }

    @Test
    void isOnePluginLoadedFromItsClassesWithNothingReported() throws IOException {
        List<Path> before = contents();

        PluginHost host = start();

        assertThat(host.problems()).isEmpty();
        assertThat(host.plugins()).extracting(plugin -> plugin.getPluginId()).containsExactly("echo-plugin");
        assertThat(host.plugins().get(0).getPluginPath()).isEqualTo(target);
        assertThat(host.extensions(Command.class, "echo-plugin")).hasSize(1);
        assertThat(contents()).isEqualTo(before);
    }

    @Test
    void aRecompiledClassMakesTheCommandIndexStale() throws IOException {
        start().remember(Map.of("test echo", "echo-plugin"));
        assertThat(start().isSelective()).isTrue();

        Path compiled = target.resolve("classes").resolve(EchoCommand.class.getName().replace('.', '/') + ".class");
        Files.write(compiled, Files.readAllBytes(compiled));
        Files.setLastModifiedTime(compiled, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(compiled).toMillis() + 5000));

        assertThat(start().isSelective()).isFalse();
    }

    @Test
    void aBuildWithTheIdOfAnInstalledPluginLeavesTheInstalledOneInPlace() throws IOException {
        Path installed = TestPluginJar.withId("echo-plugin").version("0.9.0").extension(EchoCommand.class)
                .writeTo(userPlugins.resolve("plugins"));

        PluginHost host = PluginHost.startFor(ECHO, List.of(installed.getParent(), target), "0.1.0", cache,
                DisabledPlugins.in(userPlugins));

        assertThat(host.plugins()).extracting(plugin -> plugin.getPluginPath()).containsExactly(installed);
        assertThat(host.problems()).singleElement().asString().startsWith("plugin " + target + " skipped: ");
    }

    @Test
    void aPluginDirectoryNamedClassesLeavesItsRootOrdinary() throws IOException {
        Path root = cache.resolve("staged");
        Files.createDirectories(root.resolve("classes/classes"));
        Files.writeString(root.resolve("classes/plugin.properties"), "plugin.id=staged\nplugin.version=1.0.0\n");

        assertThat(BuildDirectory.isPluginBuild(root)).isFalse();
        assertThat(BuildDirectory.isPluginBuild(target)).isTrue();
    }

    @Test
    void theDescriptorOfAJarIsItsPluginProperties() throws Exception {
        Path jar = TestArchives.write(cache.resolve("plain.jar"),
                Map.of("plugin.properties", TestArchives.descriptor("plain", "2.0.0", ">=0.1.0")));

        assertThat(PluginDescriptors.read(jar).getPluginId()).isEqualTo("plain");
        assertThat(PluginDescriptors.read(jar).getVersion()).isEqualTo("2.0.0");
    }
}
