package ai.datachain.toolkit.host.config;

import static org.assertj.core.api.Assertions.assertThat;

import ai.datachain.toolkit.api.config.ConfigLevel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer killed with SIGKILL at any moment leaves the old file or the new one, never a mix.
 *
 * <p>Killing at random times mostly lands while the writer parses or renders, not while it
 * writes. So most kills here aim at the write window itself: the test watches the writer's
 * temporary file from outside and kills the writer as soon as that file is seen incomplete, or
 * once it has all its bytes but is not renamed yet (while it is synced). A temporary file left
 * behind proves a kill landed in the window; the test demands that most aimed kills did. Each
 * round has its own writer process and file; the next writer starts while the current one is
 * watched, so a round costs about one JVM start.
 */
class CrashSafetyTest {

    private static final String BEFORE = "# DataChain settings\n[core]\nminimum_version = \"0.20\"  # keep in sync\n";
    private static final int ROUNDS = 12;

    @TempDir
    Path root;

    private enum Aim {
        /** As soon as the temporary file is seen incomplete: before or while its bytes are written. */
        MID_WRITE,
        /** Once the temporary file has all its bytes: during the sync or the rename. */
        BEFORE_RENAME,
        /** Anywhere in the writer's loop. */
        ANY_TIME
    }

    @Test
    void aKilledWriterLeavesACompleteFile() throws Exception {
        String first = BEFORE + "\n[studio]\ntoken = \"" + ConfigWriterProcess.FIRST_TOKEN + "\"\n";
        String second = BEFORE + "\n[studio]\ntoken = \"" + ConfigWriterProcess.SECOND_TOKEN + "\"\n";
        long firstSize = first.getBytes(StandardCharsets.UTF_8).length;
        long secondSize = second.getBytes(StandardCharsets.UTF_8).length;
        Random random = new Random(42);
        int aimed = 0;
        int inWindow = 0;
        int torn = 0;

        Process next = startWriter(0);
        for (int round = 0; round < ROUNDS; round++) {
            Aim aim = Aim.values()[round % Aim.values().length];
            Process writer = next;
            Path global = directory(round);
            Path temporary = global.resolve("config.tmp");
            try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                    StandardCharsets.UTF_8)); OutputStream in = writer.getOutputStream()) {
                assertThat(out.readLine()).isEqualTo("ready");
                next = round + 1 < ROUNDS ? startWriter(round + 1) : null;
                in.write("go\n".getBytes(StandardCharsets.UTF_8));
                in.flush();
                if (aim == Aim.ANY_TIME) {
                    Thread.sleep(random.nextInt(40));
                } else {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                    while (System.nanoTime() < deadline) {
                        long size = sizeOf(temporary);
                        boolean hit = aim == Aim.MID_WRITE ? size >= 0 && size < secondSize
                                : size == firstSize || size == secondSize;
                        if (hit) {
                            break;
                        }
                    }
                }
                writer.destroyForcibly();
                assertThat(writer.waitFor(10, TimeUnit.SECONDS)).isTrue();
            }

            long leftover = sizeOf(temporary);
            if (aim != Aim.ANY_TIME) {
                aimed++;
                inWindow += leftover >= 0 ? 1 : 0;
            }
            torn += leftover >= 0 && leftover != firstSize && leftover != secondSize ? 1 : 0;
            assertThat(TestLayers.read(global)).as("round %d (%s)", round, aim).isIn(first, second);
        }

        System.out.printf("crash safety: %d kills, %d of %d aimed kills landed between creating and renaming the"
                + " temporary file, %d left it torn%n", ROUNDS, inWindow, aimed, torn);
        assertThat(inWindow).as("aimed kills inside the write window").isGreaterThanOrEqualTo(aimed * 2 / 3);

        // Whatever a killed writer left behind (a lock file, a temporary file) does not stop the next one.
        for (int round = 0; round < ROUNDS; round++) {
            TestLayers layers = layers(round);
            layers.load().settings().edit(ConfigLevel.GLOBAL, doc -> doc.clearProperty("studio.token"));
            assertThat(TestLayers.read(layers.global)).isEqualTo(BEFORE);
            assertThat(layers.global.resolve("config.tmp")).doesNotExist();
        }
    }

    private Process startWriter(int round) throws IOException {
        TestLayers.write(directory(round), BEFORE);
        return JavaProcess.start(ConfigWriterProcess.class, directory(round).toString(), "toggle");
    }

    private TestLayers layers(int round) {
        return new TestLayers(root.resolve("round" + round));
    }

    private Path directory(int round) {
        return layers(round).global;
    }

    /** The file's size, or -1 when there is none. */
    private static long sizeOf(Path file) throws IOException {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            return -1;
        }
    }
}
