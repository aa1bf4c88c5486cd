package ai.datachain.toolkit.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import ai.datachain.toolkit.host.testplugin.EchoCommand;
import ai.datachain.toolkit.host.testplugin.FailingCommand;
import ai.datachain.toolkit.testkit.PluginArchives;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command starts only its own plugin once a full run has written the command index. */
class SelectivePluginLoadingTest {

    private static final List<String> ECHO = List.of("test", "echo", "hello");

    @TempDir
    Path plugins;

    @TempDir
    Path cache;

    @TempDir
    Path userPlugins;

    private Path echoJar;
    private Path indexFile;

    @BeforeEach
    void twoPlugins() throws IOException {
        echoJar = PluginArchives.jar("echo-plugin").extension(EchoCommand.class).writeTo(plugins);
        PluginArchives.jar("fail-plugin").extension(FailingCommand.class).writeTo(plugins);
        indexFile = CommandIndex.file(cache, List.of(plugins));
    }

    private PluginHost start(List<String> words) {
        return PluginHost.startFor(words, List.of(plugins), "0.1.0", cache, DisabledPlugins.in(userPlugins));
    }

    private static void rememberBoth(PluginHost host) {
        host.remember(Map.of("test echo", "echo-plugin", "test fail", "fail-plugin"));
    }

    @Test
    void withoutAnIndexEveryPluginLoadsAndTheIndexIsWritten() {
        PluginHost host = start(ECHO);
        assertThat(host.isSelective()).isFalse();
        assertThat(host.plugins()).hasSize(2);

        rememberBoth(host);
        assertThat(indexFile).exists();
    }

    @Test
    void withAnIndexOnlyTheOwningPluginLoads() {
        rememberBoth(start(ECHO));

        PluginHost host = start(ECHO);
        assertThat(host.isSelective()).isTrue();
        assertThat(host.plugins()).extracting(plugin -> plugin.getPluginId()).containsExactly("echo-plugin");
        assertThat(host.extensions(ai.datachain.toolkit.api.Command.class, "echo-plugin")).hasSize(1);
    }

    @Test
    void aCommandTheIndexDoesNotKnowLoadsEverything() {
        rememberBoth(start(ECHO));

        assertThat(start(List.of("plugins", "list")).plugins()).hasSize(2);
        assertThat(start(List.of("test")).plugins()).hasSize(2);
    }

    @Test
    void aChangedPluginFileMakesTheIndexStale() throws IOException {
        rememberBoth(start(ECHO));
        Files.setLastModifiedTime(echoJar, FileTime.fromMillis(Files.getLastModifiedTime(echoJar).toMillis() + 5000));

        assertThat(start(ECHO).isSelective()).isFalse();
    }

    @Test
    void anAddedPluginMakesTheIndexStale() throws IOException {
        rememberBoth(start(ECHO));
        PluginArchives.jar("third-plugin").extension(EchoCommand.class).writeTo(plugins);

        assertThat(start(ECHO).isSelective()).isFalse();
    }

    @Test
    void aSkippedPluginIsRememberedSoTheNextRunsWarnTheSameAndStillLoadOnlyTheOwner() throws IOException {
        Files.writeString(plugins.resolve("broken.jar"), "this is not a jar");

        PluginHost host = start(ECHO);
        assertThat(host.problems()).hasSize(1);
        rememberBoth(host);

        PluginHost next = start(ECHO);
        assertThat(next.isSelective()).isTrue();
        assertThat(next.problems()).isEqualTo(host.problems());
    }

    @Test
    void anIndexPointingOutsideThePluginDirectoriesIsNotUsed() throws IOException {
        rememberBoth(start(ECHO));
        Path elsewhere = Files.createDirectories(cache.resolve("elsewhere"));
        Path moved = Files.copy(echoJar, elsewhere.resolve(echoJar.getFileName()));
        Files.writeString(indexFile, Files.readString(indexFile).replace(echoJar.toString().replace(":", "\\:"),
                moved.toString()));
        assertThat(Files.readString(indexFile)).contains(moved.toString());

        PluginHost host = start(ECHO);

        assertThat(host.isSelective()).isFalse();
        assertThat(host.plugins()).extracting(plugin -> plugin.getPluginPath()).doesNotContain(moved);
    }

    @Test
    void aDamagedIndexIsIgnored() throws IOException {
        Files.writeString(indexFile, "fingerprint=nonsense\ncommand.test\\ echo=missing-plugin\n");

        assertThat(start(ECHO).isSelective()).isFalse();
    }

    @Test
    void disablingAPluginInvalidatesTheIndexAndLeavesTheListAlone() throws IOException {
        rememberBoth(start(ECHO));
        DisabledPlugins.in(userPlugins).disablePlugin("echo-plugin");

        PluginHost host = start(ECHO);

        assertThat(host.isSelective()).isFalse();
        assertThat(host.plugins()).filteredOn(p -> p.getPluginId().equals("echo-plugin"))
                .singleElement().satisfies(p -> assertThat(p.getPluginState().isDisabled()).isTrue());
        assertThat(DisabledPlugins.in(userPlugins).ids()).containsExactly("echo-plugin");
    }
}
