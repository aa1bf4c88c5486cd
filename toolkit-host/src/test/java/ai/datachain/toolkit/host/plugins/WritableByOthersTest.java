package ai.datachain.toolkit.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WritableByOthersTest {

    @TempDir
    Path dir;

    @Test
    void aJarInLibThatOthersCanWriteRefusesItsPlugin() throws Exception {
        Path plugin = Files.createDirectories(dir.resolve("tool/lib"));
        Path jar = Files.writeString(plugin.resolve("tool.jar"), "jar");
        assertThat(WritableByOthers.plugin(dir.resolve("tool"))).isEmpty();

        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--rw-"));

        assertThat(WritableByOthers.plugin(dir.resolve("tool"))).hasValue("plugin " + dir.resolve("tool")
                + " skipped: " + jar + " is writable by other users; 'chmod go-w " + jar + "' fixes that");
    }

    @Test
    void groupWritableIsFineForTheOwnersPrivateGroupOnly() throws Exception {
        Path jar = Files.writeString(dir.resolve("tool.jar"), "jar");
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-rw-r--"));
        PosixFileAttributes attributes = Files.readAttributes(jar, PosixFileAttributes.class);
        assumeTrue(attributes.group().getName().equals(attributes.owner().getName()),
                "the test user has no private group");
        assertThat(WritableByOthers.plugin(jar)).isEmpty();

        GroupPrincipal other;
        try {
            other = jar.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName("daemon");
            Files.getFileAttributeView(jar, PosixFileAttributeView.class).setGroup(other);
        } catch (java.io.IOException e) {
            assumeTrue(false, "cannot give the file another group: " + e);
            return;
        }

        assertThat(WritableByOthers.plugin(jar)).isPresent();
    }
}
