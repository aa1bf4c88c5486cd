package ai.datachain.toolkit.dist;

import static org.assertj.core.api.Assertions.assertThat;

import ai.datachain.toolkit.dist.hostile.BaseCommand;
import ai.datachain.toolkit.dist.hostile.DependentCommand;
import ai.datachain.toolkit.dist.hostile.ExitingCommand;
import ai.datachain.toolkit.dist.hostile.HangingCommand;
import ai.datachain.toolkit.dist.hostile.ThrowingCommand;
import ai.datachain.toolkit.testkit.CommandResult;
import ai.datachain.toolkit.testkit.DatachainRunner;
import ai.datachain.toolkit.testkit.PluginArchives;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins that cannot be resolved, or fail, exit or hang when created: they are skipped or kept
 * out of the way, every other command works, and they can always be listed and removed.
 */
class BrokenPluginsIT {

    @TempDir
    Path home;

    private Path userPlugins() {
        return home.resolve(".local/share/datachain/plugins");
    }

    private DatachainRunner datachain() {
        return Launcher.in(home).timeout(Duration.ofSeconds(30));
    }

    @Test
    void unresolvablePluginsAreSkippedWithOneWarningEachAndEverythingElseWorks() throws IOException {
        PluginArchives.jar("base").extension(BaseCommand.class).writeTo(userPlugins());
        PluginArchives.jar("lonely").dependsOn("zbase").extension(DependentCommand.class).writeTo(userPlugins());
        PluginArchives.jar("picky").dependsOn("base@>=2.0.0").writeTo(userPlugins());
        PluginArchives.jar("cyc-a").dependsOn("cyc-b").writeTo(userPlugins());
        PluginArchives.jar("cyc-b").dependsOn("cyc-a").writeTo(userPlugins());
        Path bad = PluginArchives.jar("bad id").writeTo(userPlugins());
        List<String> warnings = List.of(
                "warning: plugin " + bad + " skipped: its plugin id 'bad id' may only use letters, digits, '.', '_'"
                        + " and '-'",
                "warning: plugin cyc-a skipped: its dependencies form a cycle: cyc-a -> cyc-b -> cyc-a",
                "warning: plugin cyc-b skipped: its dependencies form a cycle: cyc-b -> cyc-a -> cyc-b",
                "warning: plugin lonely skipped: it needs plugin zbase, which is not installed",
                "warning: plugin picky skipped: it needs plugin base >=2.0.0, but base 1.0.0 is installed");

        CommandResult base = datachain().run("base");
        CommandResult again = datachain().run("base");
        CommandResult help = datachain().run("--help");
        CommandResult list = datachain().run("plugins", "list");

        for (CommandResult result : List.of(base, again, help, list)) {
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stderr().lines().sorted()).as(result.toString()).containsExactlyElementsOf(warnings);
        }
        assertThat(base.stdout()).isEqualTo("base ran\n");
        assertThat(again.stdout()).isEqualTo("base ran\n");
        // The root's help starts no user plugin: their commands come from the index the runs above wrote.
        assertThat(help.stdout()).containsPattern("(?m)^  base +A command of a plugin others depend on\\.$");
        assertThat(list.stdout()).contains("lonely 1.0.0 (skipped: it needs plugin zbase, which is not installed)\n"
                + "  from: " + userPlugins().resolve("lonely-1.0.0.jar") + "\n  commands: (none)\n");
    }

    @Test
    void removingAPluginOthersNeedIsRefusedUntilForcedWhichDisablesThem() throws IOException {
        PluginArchives.jar("base").extension(BaseCommand.class).writeTo(userPlugins());
        PluginArchives.jar("dependent").dependsOn("base").extension(DependentCommand.class).writeTo(userPlugins());
        assertThat(datachain().run("dependent").stdout()).isEqualTo("dependent ran\n");

        CommandResult refused = datachain().run("plugins", "remove", "base");
        CommandResult forced = datachain().run("plugins", "remove", "--force", "base");
        CommandResult list = datachain().run("plugins", "list");
        CommandResult dependent = datachain().run("dependent");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).isEqualTo("Error: plugin base is needed by dependent; remove it first, or use"
                + " --force to remove base and disable dependent\n");
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(forced.stdout()).isEqualTo("Removed plugin base\nDisabled plugin dependent, which needs base\n");
        assertThat(userPlugins().resolve("base-1.0.0.jar")).doesNotExist();
        assertThat(list.stdout()).contains("dependent 1.0.0 (disabled)");
        assertThat(list.stderr()).isEmpty();
        assertThat(dependent.exitCode()).isEqualTo(2);
        assertThat(dependent.stderr()).startsWith("Error: unknown command 'dependent' for 'datachain'");
    }

    @Test
    void aConstructorThatThrowsSkipsItsPluginWithAWarningThatPluginsListRepeats() throws IOException {
        PluginArchives.jar("base").extension(BaseCommand.class).writeTo(userPlugins());
        PluginArchives.jar("throwing").extension(ThrowingCommand.class).writeTo(userPlugins());
        String reason = "its extension " + ThrowingCommand.class.getName() + " could not be created:"
                + " IllegalStateException: no configuration for me";

        CommandResult base = datachain().run("base");
        CommandResult throwing = datachain().run("throwing");
        CommandResult list = datachain().run("plugins", "list");

        assertThat(base.exitCode()).as(base.toString()).isZero();
        assertThat(base.stdout()).isEqualTo("base ran\n");
        assertThat(base.stderr()).isEqualTo("warning: plugin throwing skipped: " + reason + "\n");
        assertThat(throwing.exitCode()).isEqualTo(2);
        assertThat(throwing.stderr()).startsWith("warning: plugin throwing skipped: " + reason + "\n"
                + "Error: unknown command 'throwing' for 'datachain'");
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.stdout()).contains("throwing 1.0.0 (skipped: " + reason + ")\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"exiting", "hanging"})
    void aPluginThatExitsOrHangsWhenCreatedNeverStopsHelpOrThePluginCommands(String id) throws IOException {
        Class<?> command = id.equals("exiting") ? ExitingCommand.class : HangingCommand.class;
        PluginArchives.jar(id).extension(command).writeTo(userPlugins());

        for (List<String> line : List.of(List.of("--help"), List.of("--version"), List.of("plugins", "list"),
                List.of("plugins", "--help"), List.of("config", "set", "--help"), List.of("plugins", "install", "-h"),
                List.of("completion", "bash"), List.of("plugins", "disable", id), List.of("plugins", "enable", id))) {
            CommandResult result = datachain().run(line.toArray(String[]::new));
            assertThat(result.exitCode()).as(line + "\n" + result).isZero();
            assertThat(result.stderr()).as(line + "\n" + result).isEmpty();
        }
        CommandResult list = datachain().run("plugins", "list");
        assertThat(list.stdout()).contains(id + " 1.0.0 (enabled)\n  from: " + userPlugins().resolve(id + "-1.0.0.jar"));

        CommandResult recovery = datachain().env("DATACHAIN_NO_PLUGINS", "1").run("auth", "status");
        assertThat(recovery.exitCode()).as(recovery.toString()).isEqualTo(1);
        assertThat(recovery.stderr()).doesNotContain("warning");

        CommandResult remove = datachain().run("plugins", "remove", id);
        assertThat(remove.exitCode()).as(remove.toString()).isZero();
        assertThat(remove.stdout()).isEqualTo("Removed plugin " + id + "\n");
        assertThat(datachain().run("auth", "status").exitCode()).isEqualTo(1);
    }
}
