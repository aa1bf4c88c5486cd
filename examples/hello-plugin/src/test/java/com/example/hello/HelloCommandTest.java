package com.example.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datachain.toolkit.testkit.CommandResult;
import ai.datachain.toolkit.testkit.DatachainRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the plugin's command in datachain, in this JVM, with a temporary home. */
class HelloCommandTest {

    @TempDir
    Path home;

    /** datachain with this plugin loaded from the compiled classes (the zip does not exist yet). */
    private DatachainRunner datachain() {
        return DatachainRunner.inProcess(home).plugin(Path.of("target", "classes"));
    }

    @Test
    void greetsTheWorldByDefault() {
        CommandResult result = datachain().run("hello");

        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("Hello, world!\n", result.stdout());
        assertEquals("", result.stderr());
    }

    @Test
    void greetsByName() {
        CommandResult result = datachain().run("hello", "--name", "Ada");

        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("Hello, Ada!\n", result.stdout());
    }

    @Test
    void helpShowsTheNameOption() {
        CommandResult result = datachain().run("hello", "--help");

        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stdout().contains("-n, --name NAME"), result.stdout());
    }

    @Test
    void anEmptyNameIsAnError() {
        CommandResult result = datachain().run("hello", "--name", "");

        assertEquals(1, result.exitCode(), result.toString());
        assertEquals("Error: --name needs a name, not an empty string\n", result.stderr());
    }

    @Test
    void aMissingNameIsAUsageError() {
        CommandResult result = datachain().run("hello", "--name");

        assertEquals(2, result.exitCode(), result.toString());
        assertTrue(result.stderr().startsWith("Error: option --name needs a value\n"), result.stderr());
    }
}
