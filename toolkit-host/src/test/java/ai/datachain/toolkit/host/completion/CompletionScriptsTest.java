package ai.datachain.toolkit.host.completion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.datachain.toolkit.api.Argument;
import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandDeclaration;
import ai.datachain.toolkit.api.CommandGroup;
import ai.datachain.toolkit.api.Invocation;
import ai.datachain.toolkit.host.cli.CommandTree;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated scripts parse in their shell and complete words from the tree they were made from. */
class CompletionScriptsTest {

    @TempDir
    Path dir;

    private static CompletionTree tree() {
        CommandTree tree = new CommandTree();
        add(tree, new Leaf("auth login", new Options()
                .addOption(Option.builder("H").longOpt("hostname").hasArg().desc("Studio's URL.").get())
                .addOption(Option.builder().longOpt("no-open").desc("Don't open a browser; it's fine.").get())), "x");
        add(tree, new Leaf("plugins install", new Options(), Argument.required("PATH", "The archive.")), "datachain");
        add(tree, new Leaf("hello", new Options()
                .addOption(Option.builder("n").longOpt("name").hasArg().desc("Who to greet.").get())), "hello");
        tree.describe(new Group(List.of("auth"), "Log in to 'Studio': tokens and teams."));
        return CompletionTree.of(tree);
    }

    private static void add(CommandTree tree, Leaf leaf, String source) {
        tree.add(leaf, leaf.declaration(), source);
    }

    @Test
    void theTreeHasAPositionPerGroupAndCommand() {
        assertThat(tree().positions()).extracting(CompletionTree.Position::key)
                .containsExactly("", "auth", "auth login", "hello", "plugins", "plugins install");
    }

    @Test
    void bashScriptIsValidAndCompletesCommandsOptionsAndSkipsOptionValues() throws Exception {
        Path script = Files.writeString(dir.resolve("datachain.bash"), BashCompletion.render(tree(), "0.1.0"));

        assertThat(run("bash", "-n", script.toString())).isEmpty();
        assertThat(complete(script, "datachain", "")).isEqualTo("auth hello plugins");
        assertThat(complete(script, "datachain", "au")).isEqualTo("auth");
        assertThat(complete(script, "datachain", "auth", "l")).isEqualTo("login");
        assertThat(complete(script, "datachain", "auth", "login", "--")).isEqualTo("--help --hostname --no-open --quiet --verbose");
        assertThat(complete(script, "datachain", "-v", "hello", "--n")).isEqualTo("--name");
        assertThat(complete(script, "datachain", "auth", "login", "-H", "plugins", "--no")).isEqualTo("--no-open");
        assertThat(complete(script, "datachain", "--v")).isEqualTo("--verbose --version");
    }

    @Test
    void bashOffersFileNamesOnlyWhileTheCommandTakesAnotherArgument() throws Exception {
        Path script = Files.writeString(dir.resolve("datachain.bash"), BashCompletion.render(tree(), "0.1.0"));

        assertThat(offersFiles(script, "datachain", "plugins", "install", "")).isTrue();
        assertThat(offersFiles(script, "datachain", "plugins", "install", "-v", "")).isTrue();
        assertThat(offersFiles(script, "datachain", "plugins", "install", "a.zip", "")).isFalse();
        assertThat(offersFiles(script, "datachain", "hello", "")).isFalse();
        assertThat(offersFiles(script, "datachain", "hello", "--name", "")).isTrue();
    }

    @Test
    void zshScriptIsValidWhenZshIsInstalled() throws Exception {
        assumeTrue(onPath("zsh"), "zsh is not installed");
        Path script = Files.writeString(dir.resolve("_datachain"), ZshCompletion.render(tree(), "0.1.0"));

        assertThat(run("zsh", "-n", script.toString())).isEmpty();
    }

    @Test
    void fishScriptIsValidAndCompletesWhenFishIsInstalled() throws Exception {
        assumeTrue(onPath("fish"), "fish is not installed");
        Path script = Files.writeString(dir.resolve("datachain.fish"), FishCompletion.render(tree(), "0.1.0"));

        assertThat(run("fish", "--no-execute", script.toString())).isEmpty();
        assertThat(run("fish", "-c", "source " + script + "; complete -C 'datachain au'"))
                .isEqualTo("auth\tLog in to 'Studio': tokens and teams.\n");
        assertThat(run("fish", "-c", "source " + script + "; complete -C 'datachain auth login -H x --no'"))
                .isEqualTo("--no-open\tDon't open a browser; it's fine.\n");
    }

    @Test
    void quotesInSummariesAreEscapedForEachShell() {
        assertThat(ZshCompletion.render(tree(), "0.1.0")).contains("'auth:Log in to '\\''Studio'\\'': tokens and teams.'");
        assertThat(FishCompletion.render(tree(), "0.1.0")).contains("-d 'Log in to \\'Studio\\': tokens and teams.'");
    }

    /** What bash offers after the words typed, the last one being the word under the cursor. */
    private String complete(Path script, String... words) throws Exception {
        StringBuilder array = new StringBuilder();
        for (String word : words) {
            array.append(" '").append(word).append('\'');
        }
        String program = "source '" + script + "'; COMP_WORDS=(" + array + "); COMP_CWORD=" + (words.length - 1)
                + "; _datachain; echo \"${COMPREPLY[*]}\"";
        return run("bash", "-c", program).strip();
    }

    /** Whether bash's own file name completion stays on (the script turns it off with {@code compopt}). */
    private boolean offersFiles(Path script, String... words) throws Exception {
        StringBuilder array = new StringBuilder();
        for (String word : words) {
            array.append(" '").append(word).append('\'');
        }
        String program = "compopt() { echo \"compopt $*\"; }; source '" + script + "'; COMP_WORDS=(" + array
                + "); COMP_CWORD=" + (words.length - 1) + "; _datachain";
        String output = run("bash", "-c", program);
        assertThat(output).isIn("", "compopt +o default\n");
        return output.isEmpty();
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private record Group(List<String> path, String summary) implements CommandGroup {}

    private record Leaf(String words, Options options, Argument... arguments) implements Command {
        @Override
        public CommandDeclaration declaration() {
            return CommandDeclaration.of(words, "Does " + words + ".").withArguments(arguments);
        }

        @Override
        public int run(Invocation invocation) {
            return 0;
        }
    }
}
