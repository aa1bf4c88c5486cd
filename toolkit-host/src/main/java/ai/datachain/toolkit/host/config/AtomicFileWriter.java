package ai.datachain.toolkit.host.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Replaces a file so that a reader, or the file after a crash, sees either the old content or
 * the new one and never a mix: write a temporary file in the same directory, sync it, rename it
 * over the target, sync the directory. Callers hold the file's {@link ConfigFileLock}, so one
 * fixed temporary name is enough, and a leftover from a killed writer is simply replaced.
 *
 * <p>A new file is owner-only (0600). A file that exists keeps its mode: an administrator's
 * world-readable system config must stay readable, and a user's looser mode is theirs to change
 * (the auth commands warn when a token sits in a file others can read).
 */
public final class AtomicFileWriter {

    private AtomicFileWriter() {}

    public static void replace(Path file, byte[] content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        try {
            try (FileChannel channel = FileChannel.open(temporary,
                    Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    FilePermissions.privateFile(temporary))) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            keepMode(file, temporary);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        syncDirectory(file.getParent());
    }

    private static void keepMode(Path file, Path temporary) throws IOException {
        if (!temporary.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> mode;
        try {
            mode = Files.getPosixFilePermissions(file);
        } catch (NoSuchFileException e) {
            return;
        }
        Files.setPosixFilePermissions(temporary, mode);
    }

    /** Makes the rename itself durable. Some file systems cannot sync a directory; the rename still happened. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // Not every platform can open a directory for syncing.
        }
    }
}
