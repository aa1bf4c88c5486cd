package ai.datachain.toolkit.host;

import static org.assertj.core.api.Assertions.assertThat;

import ai.datachain.toolkit.host.plugins.TestPluginJar;
import ai.datachain.toolkit.host.testplugin.CrashingCommand;
import ai.datachain.toolkit.host.testplugin.UnlinkedCommand;
import ai.datachain.toolkit.host.testplugin.EchoCommand;
import ai.datachain.toolkit.host.testplugin.FailingCommand;
import ai.datachain.toolkit.host.testplugin.MisdeclaredCommand;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the toolkit in-process against an image holding a throw-away plugin built by the test. */
class ToolkitRunTest {

    @TempDir
    Path image;

    @TempDir
    Path home;

    private String stdout;
    private String stderr;

    @BeforeEach
    void installThrowAwayPlugin() throws IOException {
        TestPluginJar.withId("test-plugin")
                .extension(EchoCommand.class)
                .extension(FailingCommand.class)
                .extension(CrashingCommand.class)
                .extension(UnlinkedCommand.class)
                .writeTo(image.resolve("plugins"));
    }

    private int run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        SystemEnvironment environment = new SystemEnvironment(Map.of(), home, home);
        int code = new Toolkit(environment, image, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false).run(args);
        stdout = out.toString(StandardCharsets.UTF_8);
        stderr = err.toString(StandardCharsets.UTF_8);
        return code;
    }

    @Test
    void aPluginCommandAppearsInHelpAndRuns() {
        assertThat(run("--help")).isZero();
        assertThat(stdout).containsPattern("(?m)^  test +Commands: crash, echo, fail, unlinked$");

        assertThat(run("test", "echo", "--loud", "hello", "world")).isZero();
        assertThat(stdout).isEqualTo("HELLO WORLD\n");
        assertThat(stderr).isEmpty();
    }

    @Test
    void verboseFlagsReachTheCommandFromEitherSide() {
        assertThat(run("-v", "test", "echo", "a")).isZero();
        assertThat(stderr).contains("debug: echoed 1 words");

        assertThat(run("test", "echo", "a", "-v")).isZero();
        assertThat(stderr).contains("debug: echoed 1 words");

        assertThat(run("test", "echo", "a", "-v", "-q")).isZero();
        assertThat(stderr).doesNotContain("debug:");
    }

    @Test
    void groupHelpListsItsCommands() {
        assertThat(run("test")).isZero();
        assertThat(stdout).startsWith("Usage: datachain test <command> [options]\n")
                .containsPattern("(?m)^  echo +Print the arguments\\.$");
    }

    @Test
    void commandHelpShowsUsageWithArguments() {
        assertThat(run("test", "echo", "--help")).isZero();
        assertThat(stdout).startsWith("Usage: datachain test echo [options] WORD...\n")
                .containsPattern("(?m)^Arguments:\n  WORD\\.\\.\\. +A word to print\\.$")
                .containsPattern("(?m)^      --loud +Shout\\.$");
    }

    @Test
    void aCommandFailureIsOneErrorLineAndExitOne() {
        assertThat(run("test", "fail")).isEqualTo(1);
        assertThat(stdout).isEmpty();
        assertThat(stderr).isEqualTo("Error: the thing did not work\n");
    }

    @Test
    void anUnexpectedExceptionShowsItsTraceOnlyWhenVerbose() {
        assertThat(run("test", "crash")).isEqualTo(1);
        assertThat(stderr).isEqualTo("Error: bug in plugin\n(run again with -v for the stack trace)\n");

        assertThat(run("-v", "test", "crash")).isEqualTo(1);
        assertThat(stderr).startsWith("Error: bug in plugin\njava.lang.IllegalStateException: bug in plugin\n")
                .contains("at ai.datachain.toolkit.host.testplugin.CrashingCommand.run");
    }

    @Test
    void aMissingClassInAPluginIsOneErrorLineNotACrash() {
        assertThat(run("test", "unlinked")).isEqualTo(1);
        assertThat(stderr).isEqualTo("Error: java.lang.NoClassDefFoundError: com/example/MissingLibrary\n"
                + "(run again with -v for the stack trace)\n");
    }

    @Test
    void unknownOptionIsAUsageErrorNamingTheClosestOption() {
        assertThat(run("test", "echo", "--lod")).isEqualTo(2);
        assertThat(stderr).isEqualTo("Error: unknown option '--lod' for 'datachain test echo'. Did you mean"
                + " '--loud'?\nRun 'datachain test echo --help' for usage.\n");
    }

    @Test
    void aStrayWordForACommandWithoutArgumentsIsAUsageError() {
        assertThat(run("test", "fail", "extra")).isEqualTo(2);
        assertThat(stderr).isEqualTo("Error: unexpected argument 'extra'\nRun 'datachain test fail --help' for usage.\n");
    }

    @Test
    void unknownTopLevelCommandSuggestsTheClosest() {
        assertThat(run("tets")).isEqualTo(2);
        assertThat(stderr).startsWith("Error: unknown command 'tets' for 'datachain'. Did you mean 'test'?\n");
    }

    @Test
    void unknownRootFlagIsAUsageError() {
        assertThat(run("--frobnicate")).isEqualTo(2);
        assertThat(stderr).startsWith("Error: unknown option '--frobnicate' for 'datachain'\n");
    }

    @Test
    void aCorruptPluginIsReportedOnceAndTheRestKeepsWorking() throws IOException {
        Files.writeString(image.resolve("plugins").resolve("broken.jar"), "this is not a jar");

        assertThat(run("test", "echo", "still", "here")).isZero();
        assertThat(stdout).isEqualTo("still here\n");
        assertThat(stderr).startsWith("warning: plugin ").contains("broken.jar skipped: ")
                .satisfies(text -> assertThat(text.lines().count()).isEqualTo(1));
    }

    @Test
    void aPluginNeedingANewerToolkitIsSkippedWithTheReason() throws IOException {
        TestPluginJar.withId("future-plugin").requires(">=99.0.0").extension(EchoCommand.class)
                .writeTo(image.resolve("extra"));

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        SystemEnvironment environment = new SystemEnvironment(
                Map.of("DATACHAIN_PLUGINS_DIR", image.resolve("extra").toString()), home, home);
        int code = new Toolkit(environment, image, new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false).run("--help");

        assertThat(code).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("future-plugin").contains(">=99.0.0");
    }

    @Test
    void aPluginWithAMisdeclaredCommandIsSkippedWholeAndTheRestKeepsWorking() throws IOException {
        TestPluginJar.withId("odd-plugin").extension(MisdeclaredCommand.class).extension(FailingCommand.class)
                .writeTo(image.resolve("extra"));
        SystemEnvironment environment = new SystemEnvironment(
                Map.of("DATACHAIN_PLUGINS_DIR", image.resolve("extra").toString()), home, home);
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = new Toolkit(environment, image, new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false).run("test", "echo", "still");

        assertThat(code).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("warning: plugin odd-plugin skipped: its commands"
                + " could not be created: java.lang.IllegalArgumentException: argument TO of 'odd copy' is required"
                + " but follows an optional one\n");
    }

    @Test
    void commonFlagsAreAcceptedBetweenGroupWords() {
        assertThat(run("test", "-v", "echo", "a")).isZero();
        assertThat(stderr).contains("debug: echoed 1 words");

        assertThat(run("test", "-h", "echo")).isZero();
        assertThat(stdout).startsWith("Usage: datachain test echo [options] WORD...\n");
    }

    @Test
    void aMissingArgumentIsAUsageErrorNamingIt() {
        assertThat(run("test", "echo")).isEqualTo(2);
        assertThat(stderr).isEqualTo("Error: expected WORD..., got none\nRun 'datachain test echo --help' for usage.\n");
    }

    @Test
    void versionFlagPrintsTheVersion() {
        assertThat(run("--version")).isZero();
        assertThat(stdout).matches("datachain \\d+\\.\\d+\\.\\d+\\S*\n");
    }
}
