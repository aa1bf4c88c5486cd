package ai.datachain.toolkit.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginCoordinatesTest {

    @Test
    void groupAndArtifactWithOrWithoutAVersion() {
        assertThat(PluginCoordinates.parse("com.example:hello-plugin"))
                .contains(new PluginCoordinates("com.example", "hello-plugin", Optional.empty()));
        assertThat(PluginCoordinates.parse("com.example:hello-plugin:1.2.0-rc.1+build5"))
                .contains(new PluginCoordinates("com.example", "hello-plugin", Optional.of("1.2.0-rc.1+build5")));
        assertThat(PluginCoordinates.parse("com.example:hello:1.0").orElseThrow()).hasToString("com.example:hello:1.0");
    }

    @Test
    void pathsAndOtherWordsAreNotCoordinates() {
        assertThat(PluginCoordinates.parse("hello-plugin-1.0.0.zip")).isEmpty();
        assertThat(PluginCoordinates.parse("target/hello.zip")).isEmpty();
        assertThat(PluginCoordinates.parse("C:\\plugins\\hello.zip")).isEmpty();
        assertThat(PluginCoordinates.parse("a:b:c:d")).isEmpty();
        assertThat(PluginCoordinates.parse(":hello")).isEmpty();
        assertThat(PluginCoordinates.parse("com.example:-rf")).isEmpty();
    }

    @Test
    void aFileOfTheArgumentsNameWinsOverCoordinates(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("com.example:hello"), "a plugin archive");

        assertThat(PluginCoordinates.unlessFile("com.example:hello", file)).isEmpty();
        assertThat(PluginCoordinates.unlessFile("com.example:other", directory.resolve("com.example:other")))
                .contains(new PluginCoordinates("com.example", "other", Optional.empty()));
    }
}
