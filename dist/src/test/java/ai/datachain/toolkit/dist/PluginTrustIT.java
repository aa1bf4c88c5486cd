package ai.datachain.toolkit.dist;

import static org.assertj.core.api.Assertions.assertThat;

import ai.datachain.toolkit.dist.hostile.BaseCommand;
import ai.datachain.toolkit.dist.hostile.ExitingCommand;
import ai.datachain.toolkit.dist.hostile.GreetCommand;
import ai.datachain.toolkit.dist.hostile.OtherGreetCommand;
import ai.datachain.toolkit.dist.hostile.TokenImpostor;
import ai.datachain.toolkit.testkit.CommandResult;
import ai.datachain.toolkit.testkit.DatachainRunner;
import ai.datachain.toolkit.testkit.PluginArchives;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a plugin may not do: replace a command of the image, quietly win a clash, pass as a second
 * copy, load from files other users can write, or be smuggled in through the command index.
 */
class PluginTrustIT {

    @TempDir
    Path home;

    @TempDir
    Path files;

    private Path userPlugins() {
        return home.resolve(".local/share/datachain/plugins");
    }

    private DatachainRunner datachain() {
        return Launcher.in(home).timeout(Duration.ofSeconds(30));
    }

    @Test
    void aPluginCannotReplaceAnImageCommandWhetherInstalledOrDroppedIn() throws IOException {
        Path zip = PluginArchives.jar("impostor").extension(TokenImpostor.class).zipTo(files);

        CommandResult install = datachain().run("plugins", "install", zip.toString());

        assertThat(install.exitCode()).isEqualTo(1);
        assertThat(install.stderr()).isEqualTo("Error: plugin impostor cannot be installed: its command 'auth token'"
                + " is one of the datachain image's own (auth-login), which plugins cannot replace\n");
        assertThat(userPlugins()).doesNotExist();

        PluginArchives.jar("impostor").extension(TokenImpostor.class).writeTo(userPlugins());
        String warning = "warning: command 'auth token' from impostor is ignored: auth-login provides it\n";
        for (int run = 0; run < 2; run++) { // the second run goes through the command index
            CommandResult token = datachain().run("auth", "token");
            assertThat(token.stdout()).as(token.toString()).doesNotContain("impostor ran");
            assertThat(token.exitCode()).as(token.toString()).isEqualTo(1);
            assertThat(token.stderr()).as(token.toString()).startsWith(warning)
                    .doesNotContain(warning + warning);
        }
    }

    @Test
    void aClashBetweenTwoPluginsIsRefusedAtInstallAndOtherwiseNamesTheWinnerOnceAndTheIndexStillWorks()
            throws IOException {
        assertThat(datachain().run("plugins", "install",
                PluginArchives.jar("greet-a").extension(GreetCommand.class).zipTo(files).toString()).exitCode()).isZero();

        CommandResult install = datachain().run("plugins", "install",
                PluginArchives.jar("greet-b").extension(OtherGreetCommand.class).zipTo(files).toString());

        assertThat(install.exitCode()).isEqualTo(1);
        assertThat(install.stderr()).isEqualTo("Error: plugin greet-b cannot be installed: its command 'greet' is"
                + " already provided by plugin greet-a; remove or disable greet-a first\n");

        PluginArchives.jar("greet-b").extension(OtherGreetCommand.class).writeTo(userPlugins());
        for (int run = 0; run < 2; run++) {
            CommandResult greet = datachain().run("greet");
            assertThat(greet.exitCode()).as(greet.toString()).isZero();
            assertThat(greet.stdout()).isEqualTo("greet from the first\n");
            assertThat(greet.stderr()).isEqualTo("warning: command 'greet' from greet-b is ignored: greet-a provides"
                    + " it\n");
        }
        assertThat(indexFile()).content().contains("command.greet=greet-a\n");
        assertThat(datachain().run("plugins", "list").stdout()).contains("greet-b 1.0.0 (enabled)\n  from: "
                + userPlugins().resolve("greet-b-1.0.0.jar") + "\n  commands: (none)\n");
    }

    @Test
    void aSecondCopyOfAPluginIdIsOneLineNamingBothAndTheOneUsed() throws IOException {
        Path used = PluginArchives.jar("base").extension(BaseCommand.class).writeTo(userPlugins());
        Path extra = Files.createDirectories(files.resolve("extra"));
        Path ignored = PluginArchives.jar("base").version("1.0.0").extension(BaseCommand.class).writeTo(extra);

        CommandResult result = datachain().env("DATACHAIN_PLUGINS_DIR", extra.toString()).run("base");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo("base ran\n");
        assertThat(result.stderr()).isEqualTo("warning: plugin base is found twice: " + used + " is used, " + ignored
                + " is ignored\n");
    }

    @Test
    void pluginFilesOtherUsersCanWriteAreNotLoadedUntilTheModeIsFixed() throws IOException {
        Path jar = PluginArchives.jar("base").extension(BaseCommand.class).writeTo(userPlugins());
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-rw-rw-"));
        Path extra = Files.createDirectories(files.resolve("extra"));
        PluginArchives.jar("greet-a").extension(GreetCommand.class).writeTo(extra);
        Files.setPosixFilePermissions(extra, PosixFilePermissions.fromString("rwxrwxrwx"));

        CommandResult refused = datachain().env("DATACHAIN_PLUGINS_DIR", extra.toString()).run("base");
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(extra, PosixFilePermissions.fromString("rwx------"));
        CommandResult fixed = datachain().env("DATACHAIN_PLUGINS_DIR", extra.toString()).run("base");

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.stderr()).startsWith("warning: plugins in " + extra + " skipped: the directory is writable"
                + " by other users; 'chmod go-w " + extra + "' fixes that\n"
                + "warning: plugin " + jar + " skipped: it is writable by other users; 'chmod go-w " + jar
                + "' fixes that\n"
                + "Error: unknown command 'base' for 'datachain'");
        assertThat(fixed.exitCode()).as(fixed.toString()).isZero();
        assertThat(fixed.stdout()).isEqualTo("base ran\n");
        assertThat(fixed.stderr()).isEmpty();
    }

    @Test
    void aCommandIndexEditedToPointOutsideThePluginDirectoriesIsRebuilt() throws IOException {
        PluginArchives.jar("base").extension(BaseCommand.class).writeTo(userPlugins());
        assertThat(datachain().run("base").stdout()).isEqualTo("base ran\n");
        Path index = indexFile();
        Path evil = PluginArchives.jar("base").extension(BaseCommand.class).extension(ExitingCommand.class)
                .writeTo(files.resolve("elsewhere"));
        String edited = Files.readString(index).replaceAll("(?m)^plugin\\.base=.*$",
                "plugin.base=" + evil.toString().replace(":", "\\\\:"));
        Files.writeString(index, edited);

        CommandResult result = datachain().run("base");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo("base ran\n");
        assertThat(Files.readString(index)).doesNotContain(evil.toString())
                .contains("plugin.base=" + userPlugins().resolve("base-1.0.0.jar"));
    }

    /** The index of the runs with the user plugin directory (the first install ran without one). */
    private Path indexFile() throws IOException {
        try (Stream<Path> files = Files.list(home.resolve(".cache/datachain"))) {
            return files.filter(file -> file.getFileName().toString().startsWith("command-index-"))
                    .filter(file -> read(file).contains(userPlugins().toString()))
                    .reduce((a, b) -> {
                        throw new AssertionError("more than one index: " + a + ", " + b);
                    }).orElseThrow();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
