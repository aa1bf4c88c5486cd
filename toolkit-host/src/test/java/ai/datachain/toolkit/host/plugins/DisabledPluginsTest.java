package ai.datachain.toolkit.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DisabledPluginsTest {

    @TempDir
    Path dir;

    @Test
    void aMissingFileDisablesNothingAndIsNotCreatedByReading() {
        DisabledPlugins disabled = DisabledPlugins.in(dir.resolve("plugins"));

        assertThat(disabled.ids()).isEmpty();
        assertThat(dir.resolve("plugins")).doesNotExist();
    }

    @Test
    void disablingAndEnablingSurviveARestartAndLeaveNoTemporaryFiles() throws Exception {
        Path plugins = dir.resolve("plugins");
        DisabledPlugins.in(plugins).disablePlugin("hello");
        DisabledPlugins.in(plugins).disablePlugin("auth-login");

        assertThat(DisabledPlugins.in(plugins).ids()).containsExactly("auth-login", "hello");
        DisabledPlugins.in(plugins).enablePlugin("hello");
        assertThat(DisabledPlugins.in(plugins).isPluginDisabled("hello")).isFalse();
        assertThat(DisabledPlugins.in(plugins).isPluginDisabled("auth-login")).isTrue();
        try (var files = Files.list(plugins)) {
            assertThat(files).containsExactly(plugins.resolve("disabled.txt"));
        }
    }

    @Test
    void readsPf4jsFormatWithCommentsAndBlankLines() throws Exception {
        Files.writeString(dir.resolve("disabled.txt"), "# off\n\n  hello  \n");

        assertThat(DisabledPlugins.in(dir).ids()).containsExactly("hello");
    }
}
