package ai.datachain.toolkit.host.config;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exclusive access to one configuration file for a read-change-write cycle. Other processes are
 * kept out by an OS lock on {@code <file>.lock} beside it (they wait for it); other threads of
 * this process by a lock in memory, because an OS file lock belongs to the whole process. The lock
 * file stays in place: deleting it would let two writers lock different files.
 */
final class ConfigFileLock implements AutoCloseable {

    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock threadLock;
    private final FileChannel channel;
    private final FileLock fileLock;

    private ConfigFileLock(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
        this.threadLock = threadLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /** Blocks until this thread holds the lock of {@code file}. */
    static ConfigFileLock acquire(Path file) throws IOException {
        Path lockFile = lockFileOf(file);
        ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(lockFile.toAbsolutePath().normalize(),
                path -> new ReentrantLock());
        threadLock.lock();
        FileChannel channel = null;
        try {
            // Never through a link: a planted config.lock link would have us create or truncate a file elsewhere.
            channel = FileChannel.open(lockFile, java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS), FilePermissions.privateFile(lockFile));
            return new ConfigFileLock(threadLock, channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            threadLock.unlock();
            // The JDK reports O_NOFOLLOW's ELOOP as a bare IOException; the link itself is the news.
            if (e instanceof IOException && Files.isSymbolicLink(lockFile)) {
                throw new FileSystemException(lockFile.toString(), null,
                        "it is a symbolic link, which a lock file never is; remove it");
            }
            throw e;
        }
    }

    static Path lockFileOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".lock");
    }

    @Override
    public void close() throws IOException {
        try {
            fileLock.release();
            channel.close();
        } finally {
            threadLock.unlock();
        }
    }
}
