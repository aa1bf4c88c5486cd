package ai.datachain.toolkit.host.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileWriterTest {

    @TempDir
    Path dir;

    @Test
    void aNewFileIsOwnerOnlyAndAnExistingOneKeepsItsMode() throws Exception {
        Path fresh = dir.resolve("fresh");
        Path shared = dir.resolve("shared");
        Files.writeString(shared, "old");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-r--r--"));

        AtomicFileWriter.replace(fresh, bytes("new"));
        AtomicFileWriter.replaceLocked(shared, bytes("new"));

        assertThat(mode(fresh)).isEqualTo("rw-------");
        assertThat(mode(shared)).isEqualTo("rw-r--r--");
        assertThat(Files.readString(shared)).isEqualTo("new");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(fresh, shared);
        }
    }

    @Test
    void aLockedWriterReplacesALeftoverTemporaryFile() throws Exception {
        Path file = dir.resolve("config");
        Files.writeString(dir.resolve("config.tmp"), "torn by a killed writer");

        AtomicFileWriter.replaceLocked(file, bytes("[studio]\n"));

        assertThat(Files.readString(file)).isEqualTo("[studio]\n");
        assertThat(dir.resolve("config.tmp")).doesNotExist();
    }

    @Test
    void writersWithoutALockLeaveOneCompleteFile() throws Exception {
        Path file = dir.resolve("index");
        List<String> contents = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            contents.add(String.valueOf(i).repeat(200_000));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (String content : contents) {
                writes.add(pool.submit(() -> {
                    AtomicFileWriter.replace(file, bytes(content));
                    return null;
                }));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(contents).contains(Files.readString(file));
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String mode(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }
}
