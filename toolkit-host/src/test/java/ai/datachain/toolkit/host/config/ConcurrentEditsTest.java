package ai.datachain.toolkit.host.config;

import static org.assertj.core.api.Assertions.assertThat;

import ai.datachain.toolkit.api.config.ConfigLevel;
import ai.datachain.toolkit.api.config.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.commons.configuration2.ImmutableHierarchicalConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many writers of one file, at once: none loses another's change and the file stays valid. */
class ConcurrentEditsTest {

    @TempDir
    Path root;

    @Test
    void threadsEditingOneFileKeepEveryWritersKey() throws Exception {
        TestLayers layers = new TestLayers(root);
        TestLayers.write(layers.global, "# kept\n[core]\nminimum_version = \"0.20\"  # keep in sync\n");
        int threads = 8;
        int edits = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String name = "thread" + t;
            // Each thread has its own invocation, as separate commands would.
            Settings settings = layers.load().settings();
            done.add(pool.submit(() -> {
                for (int i = 0; i < edits; i++) {
                    String key = "writers." + name + "_" + i;
                    settings.edit(ConfigLevel.GLOBAL, doc -> {
                        doc.setProperty(key, "done");
                        doc.setProperty("shared.last", name);
                    });
                }
            }));
        }
        for (Future<?> future : done) {
            future.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertEveryKey(layers, "thread", threads, edits);
    }

    @Test
    void processesEditingOneFileKeepEveryWritersKey() throws Exception {
        TestLayers layers = new TestLayers(root);
        TestLayers.write(layers.global, "# kept\n[core]\nminimum_version = \"0.20\"  # keep in sync\n");
        int processes = 4;
        int edits = 15;
        List<Process> writers = new ArrayList<>();
        for (int p = 0; p < processes; p++) {
            writers.add(JavaProcess.start(ConfigWriterProcess.class, layers.global.toString(), "keys", "process" + p,
                    String.valueOf(edits)));
        }
        for (Process writer : writers) {
            assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(writer.exitValue()).isZero();
        }

        assertEveryKey(layers, "process", processes, edits);
    }

    private static void assertEveryKey(TestLayers layers, String prefix, int writers, int edits) {
        ImmutableHierarchicalConfiguration file = layers.load().settings().read(ConfigLevel.GLOBAL);
        for (int w = 0; w < writers; w++) {
            for (int i = 0; i < edits; i++) {
                assertThat(file.getString("writers." + prefix + w + "_" + i)).as(prefix + w + "_" + i).isEqualTo("done");
            }
        }
        assertThat(file.getString("shared.last")).startsWith(prefix);
        assertThat(TestLayers.read(layers.global)).startsWith("# kept\n[core]\nminimum_version = \"0.20\"  # keep in sync\n");
    }
}
