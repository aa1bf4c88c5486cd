package ai.datachain.toolkit.dist;

import static org.assertj.core.api.Assertions.assertThat;

import ai.datachain.toolkit.dist.grouped.GreetingsGroup;
import ai.datachain.toolkit.dist.grouped.HelloCommand;
import ai.datachain.toolkit.testkit.CommandResult;
import ai.datachain.toolkit.testkit.PluginArchives;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host's own behaviour through the real launcher: help, version, plugins, usage errors. */
class HostCommandsIT {

    @TempDir
    Path home;

    @Test
    void helpListsTheCommandGroupsOfTheBundledPlugins() {
        CommandResult result = Launcher.in(home).run("--help");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("Usage: datachain <command> [options]")
                .containsPattern("(?m)^  auth +Log in to DataChain Studio")
                .containsPattern("(?m)^  plugins +List and manage plugins");
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void helpWithACurrentCommandIndexRunsNoPluginCodeAndPrintsTheSame() throws IOException {
        CommandResult first = Launcher.in(home).run("--help"); // no index yet: the image's plugins start
        Launcher.in(home).run("auth", "status"); // a full load writes the index
        Path classes = home.resolve("classes.log");

        CommandResult help = Launcher.in(home).env("DATACHAIN_JAVA_OPTS", "-Xlog:class+load:file=" + classes)
                .run("--help");

        assertThat(help.exitCode()).as(help.toString()).isZero();
        assertThat(help.stdout()).isEqualTo(first.stdout());
        assertThat(help.stderr()).isEmpty();
        String pluginsDirectory = Launcher.path().toRealPath().getParent().getParent().resolve("plugins").toString();
        assertThat(Files.readAllLines(classes)).as("the classes the JVM loaded").isNotEmpty()
                .noneMatch(line -> line.contains(pluginsDirectory));
    }

    @Test
    void helpDescribesAUserPluginsGroupAsThePluginDoesWithoutStartingIt() throws IOException {
        PluginArchives.jar("greetings").extension(GreetingsGroup.class).extension(HelloCommand.class)
                .writeTo(home.resolve(".local/share/datachain/plugins"));
        CommandResult hello = Launcher.in(home).run("greetings", "hello");

        CommandResult help = Launcher.in(home).run("--help");

        assertThat(hello.stdout()).as(hello.toString()).isEqualTo("hello\n");
        assertThat(help.exitCode()).as(help.toString()).isZero();
        assertThat(help.stdout()).containsPattern("(?m)^  greetings +Say hello in several ways\\.$");
        assertThat(help.stderr()).isEmpty();
    }

    @Test
    void versionPrintsTheToolkitVersion() {
        CommandResult result = Launcher.in(home).run("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).matches("datachain \\d+\\.\\d+\\.\\d+\\S*\n");
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void pluginsListShowsEachBundledPluginStartedWithItsCommands() {
        CommandResult result = Launcher.in(home).run("plugins", "list");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).containsPattern("(?m)^auth-login \\S+ \\(started\\)$")
                .containsPattern("(?m)^config-toml \\S+ \\(started\\)$")
                .containsPattern("(?m)^  commands: .*auth login");
    }

    @Test
    void loginHelpShowsEveryDocumentedOption() {
        CommandResult result = Launcher.in(home).run("auth", "login", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("-H, --hostname HOSTNAME", "-s, --scopes SCOPES", "-n, --name NAME",
                "--no-open", "--local", "--team TEAM", "--expires-in EXPIRES_IN", "-h, --help", "-v, --verbose",
                "-q, --quiet", "datachain auth login --team data-team --expires-in 30 --name short-term-token");
    }

    @Test
    void unknownCommandIsAUsageErrorWithASuggestion() {
        CommandResult result = Launcher.in(home).run("auth", "lgin");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).isEqualTo("Error: unknown command 'lgin' for 'datachain auth'. Did you mean"
                + " 'login'?\nRun 'datachain auth --help' for usage.\n");
    }

    @Test
    void nonIntegerExpiryIsAUsageError() {
        CommandResult result = Launcher.in(home).run("auth", "login", "--expires-in", "soon");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).startsWith("Error: invalid value 'soon' for --expires-in: expected a whole number\n");
    }

    @Test
    void missingOptionValueIsAUsageError() {
        CommandResult result = Launcher.in(home).run("auth", "login", "--team");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).startsWith("Error: option --team needs a value\n");
    }
}
