package ai.datachain.toolkit.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginOriginsTest {

    @TempDir
    Path plugins;

    @Test
    void originsSurviveARereadAndOnlyCoordinatesAreUpdatable() {
        PluginOrigins origins = PluginOrigins.in(plugins);
        origins.recordCoordinates("hello", PluginCoordinates.parse("com.example:hello:1.0.0").orElseThrow(),
                "https://repo.example/maven2/");
        origins.recordPath("local", plugins.resolve("../files/local.zip"));

        PluginOrigins reread = PluginOrigins.in(plugins);

        assertThat(reread.coordinates("hello")).map(Object::toString).contains("com.example:hello:1.0.0");
        assertThat(reread.describe("hello")).contains("com.example:hello:1.0.0 (from https://repo.example/maven2/)");
        assertThat(reread.coordinates("local")).isEmpty();
        assertThat(reread.describe("local")).contains(plugins.getParent().resolve("files/local.zip").toString());
        assertThat(reread.describe("other")).isEmpty();
    }

    @Test
    void forgettingRemovesTheLineAndADamagedFileReadsAsNoOrigins() throws Exception {
        PluginOrigins origins = PluginOrigins.in(plugins);
        origins.recordCoordinates("hello", PluginCoordinates.parse("com.example:hello:1.0.0").orElseThrow(), "file:/r/");
        origins.forget("hello");
        assertThat(PluginOrigins.in(plugins).describe("hello")).isEmpty();

        Files.write(plugins.resolve(PluginOrigins.FILE_NAME), new byte[] {'a', '=', '\\', 'u', 'z', 'z'});
        assertThat(PluginOrigins.in(plugins).describe("a")).isEmpty();
    }
}
