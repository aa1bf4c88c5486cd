package ai.datachain.toolkit.host.config;

import static org.assertj.core.api.Assertions.assertThat;

import ai.datachain.toolkit.api.config.ConfigLevel;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A writer killed with SIGKILL at any moment leaves the old file or the new one, never a mix. */
class CrashSafetyTest {

    private static final String BEFORE = "# DataChain settings\n[core]\nminimum_version = \"0.20\"  # keep in sync\n";
    private static final int ROUNDS = 6;

    @TempDir
    Path root;

    @Test
    void aKilledWriterLeavesACompleteFile() throws Exception {
        TestLayers layers = new TestLayers(root);
        TestLayers.write(layers.global, BEFORE);
        String first = BEFORE + "\n[studio]\ntoken = \"" + ConfigWriterProcess.FIRST_TOKEN + "\"\n";
        String second = BEFORE + "\n[studio]\ntoken = \"" + ConfigWriterProcess.SECOND_TOKEN + "\"\n";
        Random random = new Random(42);

        for (int round = 0; round < ROUNDS; round++) {
            Process writer = JavaProcess.start(ConfigWriterProcess.class, layers.global.toString(), "toggle");
            try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                    StandardCharsets.UTF_8))) {
                assertThat(out.readLine()).isEqualTo("ready");
                Thread.sleep(random.nextInt(60));
                writer.destroyForcibly();
                assertThat(writer.waitFor(10, TimeUnit.SECONDS)).isTrue();
            }

            assertThat(TestLayers.read(layers.global)).as("round %d", round).isIn(first, second);
        }

        // Whatever the last writer left behind (a lock file, a temporary file) does not stop the next one.
        layers.load().settings().edit(ConfigLevel.GLOBAL, doc -> doc.clearProperty("studio.token"));
        assertThat(TestLayers.read(layers.global)).isEqualTo(BEFORE);
    }
}
