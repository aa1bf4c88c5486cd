package ai.datachain.toolkit.host.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Optional;

/** Short, human words for file-system failures. */
final class IoMessages {

    private IoMessages() {}

    static String describe(IOException error) {
        if (error instanceof AccessDeniedException denied) {
            return "permission denied" + where(denied);
        }
        if (error instanceof NotDirectoryException notDirectory) {
            return notDirectory.getFile() + " is not a directory";
        }
        if (error instanceof FileSystemException fileSystem && fileSystem.getFile() != null
                && "Not a directory".equals(fileSystem.getReason())) {
            Optional<Path> blocker = fileInTheWay(Path.of(fileSystem.getFile()));
            if (blocker.isPresent()) {
                return blocker.get() + " is not a directory";
            }
        }
        if (error instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason().toLowerCase(java.util.Locale.ROOT) + where(fileSystem);
        }
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            return error.getClass().getSimpleName();
        }
        // The operating system's words, e.g. "No space left on device", read better mid-sentence.
        boolean capitalisedWord = message.length() > 1 && Character.isUpperCase(message.charAt(0))
                && Character.isLowerCase(message.charAt(1));
        return capitalisedWord ? Character.toLowerCase(message.charAt(0)) + message.substring(1) : message;
    }

    /** The nearest parent of {@code path} that exists but is not a directory: a file where a directory should be. */
    private static Optional<Path> fileInTheWay(Path path) {
        for (Path parent = path.getParent(); parent != null; parent = parent.getParent()) {
            if (Files.exists(parent)) {
                return Files.isDirectory(parent) ? Optional.empty() : Optional.of(parent);
            }
        }
        return Optional.empty();
    }

    private static String where(FileSystemException error) {
        return error.getFile() != null ? " (" + error.getFile() + ")" : "";
    }
}
