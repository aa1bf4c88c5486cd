package ai.datachain.toolkit.dist;

import static org.assertj.core.api.Assertions.assertThat;

import ai.datachain.toolkit.testkit.CommandResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code datachain completion}: scripts from the live command tree, checked in a real bash. */
class CompletionIT {

    @TempDir
    Path home;

    @Test
    void bashScriptParsesAndCompletesCommandsAndOptionsOfPlugins() throws Exception {
        Path script = script("bash");

        assertThat(bash("-n", script.toString())).isEmpty();
        assertThat(complete(script, "au")).isEqualTo("auth");
        assertThat(complete(script, "plugins", "")).isEqualTo("disable enable install list remove update");
        assertThat(complete(script, "auth", "login", "--ex")).isEqualTo("--expires-in");
        assertThat(complete(script, "completion", "--h")).isEqualTo("--help");
    }

    @Test
    void anUnknownShellIsAUsageError() {
        CommandResult result = Launcher.in(home).run("completion", "tcsh");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).isEqualTo("Error: unknown shell 'tcsh': expected bash, zsh or fish\n"
                + "Run 'datachain completion --help' for usage.\n");
    }

    @Test
    void zshAndFishScriptsAreGenerated() {
        CommandResult zsh = Launcher.in(home).run("completion", "zsh");
        CommandResult fish = Launcher.in(home).run("completion", "fish");

        assertThat(zsh.exitCode()).isZero();
        assertThat(zsh.stdout()).startsWith("#compdef datachain\n").contains("'login:");
        assertThat(fish.exitCode()).isZero();
        assertThat(fish.stdout()).contains("complete -c datachain -n '__datachain_at \\'auth\\'' -a login");
    }

    private Path script(String shell) throws Exception {
        CommandResult result = Launcher.in(home).run("completion", shell);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stderr()).isEmpty();
        return Files.writeString(home.resolve("datachain." + shell), result.stdout());
    }

    /** What bash offers after {@code datachain} and the words typed, the last being under the cursor. */
    static String complete(Path script, String... words) throws Exception {
        StringBuilder array = new StringBuilder("datachain");
        for (String word : words) {
            array.append(" '").append(word).append('\'');
        }
        return bash("-c", "source '" + script + "'; COMP_WORDS=(" + array + "); COMP_CWORD=" + words.length
                + "; _datachain; echo \"${COMPREPLY[*]}\"").strip();
    }

    static String bash(String... arguments) throws Exception {
        String[] command = new String[arguments.length + 1];
        command[0] = "bash";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
