package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datachain.toolkit.testkit.CommandResult;
import ai.datachain.toolkit.testkit.DatachainRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code datachain ${command}} in this JVM, in a temporary home, with the plugin as compiled. */
class PluginCommandTest {

    @TempDir
    Path home;

    private DatachainRunner datachain() {
        return DatachainRunner.inProcess(home).plugin(Path.of("target", "classes"));
    }

    @Test
    void greetsTheWorldByDefault() {
        CommandResult result = datachain().run("${command}");

        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("Hello, world!\n", result.stdout());
        assertEquals("", result.stderr());
    }

    @Test
    void greetsByName() {
        CommandResult result = datachain().run("${command}", "Ada");

        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("Hello, Ada!\n", result.stdout());
    }

    @Test
    void takesTheGreetingFromTheEnvironment() {
        CommandResult result = datachain().env("DATACHAIN_${command.toUpperCase()}_GREETING", "Howdy").run("${command}", "Ada");

        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("Howdy, Ada!\n", result.stdout());
    }

    @Test
    void aSecondNameIsAUsageError() {
        CommandResult result = datachain().run("${command}", "Ada", "Grace");

        assertEquals(2, result.exitCode(), result.toString());
        assertTrue(result.stderr().startsWith("Error: unexpected argument 'Grace'\n"), result.stderr());
    }
}
