package ai.datachain.toolkit.host.runtime;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

/**
 * Copies a runtime image as it is: modes kept (bin/ stays executable), symbolic links kept as
 * links (jlink links the legal notices of one module to another's).
 */
final class ImageCopy {

    private ImageCopy() {}

    /** Copies {@code image} to {@code target}, which must not exist, leaving out {@code skipped} (relative paths). */
    static void copy(Path image, Path target, Set<String> skipped) throws IOException {
        Files.walkFileTree(image, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) throws IOException {
                Files.copy(directory, destination(directory), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (skipped.contains(image.relativize(file).toString())) {
                    return FileVisitResult.CONTINUE;
                }
                if (attributes.isSymbolicLink()) {
                    Files.createSymbolicLink(destination(file), Files.readSymbolicLink(file));
                } else {
                    Files.copy(file, destination(file), StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                }
                return FileVisitResult.CONTINUE;
            }

            private Path destination(Path path) {
                return target.resolve(image.relativize(path).toString());
            }
        });
    }
}
