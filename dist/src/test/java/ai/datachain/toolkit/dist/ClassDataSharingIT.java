package ai.datachain.toolkit.dist;

import static org.assertj.core.api.Assertions.assertThat;

import ai.datachain.toolkit.testkit.CommandResult;
import ai.datachain.toolkit.testkit.DatachainRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image's class-data sharing archive: used when it matches, silently ignored when it does not. */
class ClassDataSharingIT {

    private static final String ARCHIVE = "lib/datachain.jsa";

    @TempDir
    Path home;

    @TempDir
    Path copy;

    @Test
    void theShippedArchiveMatchesTheImage() {
        // -Xshare:on fails the JVM instead of falling back, so success proves the archive is mapped.
        CommandResult result = Launcher.in(home).env("DATACHAIN_JAVA_OPTS", "-Xshare:on").run("--help");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void aMissingArchiveChangesNothingVisible() throws IOException {
        Path image = copyOfImage();
        Files.delete(image.resolve(ARCHIVE));

        assertSameAsShipped(image);
    }

    @Test
    void anArchiveOfAnotherKindIsIgnoredSilently() throws IOException {
        Path image = copyOfImage();
        Files.delete(image.resolve(ARCHIVE));
        Files.write(image.resolve(ARCHIVE), new byte[64 * 1024]);

        assertSameAsShipped(image);
    }

    private void assertSameAsShipped(Path image) {
        CommandResult shipped = Launcher.in(home).run("--help");
        CommandResult result = DatachainRunner.launcher(image.resolve("bin/datachain"), home).run("--help");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo(shipped.stdout());
        assertThat(result.stderr()).isEmpty();
    }

    /** The built image, copied so that a test can damage it. */
    private Path copyOfImage() throws IOException {
        Path source = Launcher.path().getParent().getParent();
        Path target = copy.resolve("datachain");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path destination = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(file, destination, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return target;
    }
}
