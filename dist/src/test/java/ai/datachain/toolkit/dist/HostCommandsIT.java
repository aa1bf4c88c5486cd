package ai.datachain.toolkit.dist;

import static org.assertj.core.api.Assertions.assertThat;

import ai.datachain.toolkit.testkit.CommandResult;
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
