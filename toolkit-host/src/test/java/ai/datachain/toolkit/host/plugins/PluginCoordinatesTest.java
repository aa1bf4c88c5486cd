package ai.datachain.toolkit.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

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
}
