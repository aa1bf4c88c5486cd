package ai.datachain.toolkit.host.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.datachain.toolkit.api.config.ConfigLevel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Editing a config that is a symbolic link, and which mode a replaced file ends up with. */
class LinksAndModesTest {

    @TempDir
    Path root;

    private TestLayers layers;
    private Path config;

    @BeforeEach
    void setUp() throws Exception {
        layers = new TestLayers(root);
        Files.createDirectories(layers.global);
        config = layers.global.resolve("config");
    }

    @Test
    void aSymlinkedConfigIsEditedThroughTheLinkAndStaysALink() throws Exception {
        Path dotfiles = root.resolve("dotfiles/datachain.toml");
        Files.createDirectories(dotfiles.getParent());
        Files.writeString(dotfiles, "# mine\n[core]\nx = 1\n");
        Files.createSymbolicLink(config, Path.of("../../../dotfiles/datachain.toml"));

        Path written = layers.load().settings().edit(ConfigLevel.GLOBAL, doc -> doc.setProperty("studio.team", "t"));

        assertThat(written).isEqualTo(config);
        assertThat(Files.isSymbolicLink(config)).isTrue();
        assertThat(Files.readSymbolicLink(config)).isEqualTo(Path.of("../../../dotfiles/datachain.toml"));
        assertThat(Files.readString(dotfiles)).isEqualTo("# mine\n[core]\nx = 1\n\n[studio]\nteam = \"t\"\n");
        // The lock and the temporary file live beside the real file, so every path to it shares one lock.
        try (var files = Files.list(dotfiles.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("datachain.toml", "datachain.toml.lock");
        }
        try (var files = Files.list(layers.global)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("config");
        }
    }

    @Test
    void aDanglingSymlinkIsAClearErrorAndStaysAsItIs() throws Exception {
        Files.createSymbolicLink(config, root.resolve("unmounted/config"));

        assertThatThrownBy(() -> layers.load().settings().edit(ConfigLevel.GLOBAL, doc -> doc.setProperty("a.b", "c")))
                .hasMessage("cannot write " + config + ": it is a symbolic link to " + root.resolve("unmounted/config")
                        + ", which does not exist; create that file or remove the link");
        assertThat(Files.isSymbolicLink(config)).isTrue();
        assertThat(root.resolve("unmounted")).doesNotExist();
    }

    @Test
    void aSymlinkLoopIsAClearError() throws Exception {
        Files.createSymbolicLink(config, config);

        assertThatThrownBy(() -> layers.load().settings().edit(ConfigLevel.GLOBAL, doc -> doc.setProperty("a.b", "c")))
                .hasMessageStartingWith("cannot write " + config + ": cannot follow the symbolic link: ");
    }

    @Test
    void aReplacedFileKeepsItsModeAndANewOneIsOwnerOnly() throws Exception {
        // An administrator's system config must stay readable by everyone after an edit.
        TestLayers.write(layers.system, "[core]\nx = 1\n");
        Path system = layers.system.resolve("config");
        Files.setPosixFilePermissions(system, PosixFilePermissions.fromString("rw-r--r--"));

        layers.load().settings().edit(ConfigLevel.SYSTEM, doc -> doc.setProperty("core.y", 2));
        layers.load().settings().edit(ConfigLevel.GLOBAL, doc -> doc.setProperty("core.y", 2));

        assertThat(Files.readString(system)).isEqualTo("[core]\nx = 1\ny = 2\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(system))).isEqualTo("rw-r--r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");
    }
}
