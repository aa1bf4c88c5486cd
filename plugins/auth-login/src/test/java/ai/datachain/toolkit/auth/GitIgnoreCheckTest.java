package ai.datachain.toolkit.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When git would commit the local config: inside a work tree, not ignored, and git there to ask. */
class GitIgnoreCheckTest {

    @TempDir
    Path root;

    private final Variables environment = new Variables();
    private Path project;
    private Path config;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(new GitIgnoreCheck(environment).concern(root.resolve("x")).isEmpty(),
                "the temporary directory is itself inside a git work tree");
        project = root.resolve("repo");
        config = project.resolve("sub/.datachain/config");
        Files.createDirectories(project);
    }

    private void gitInit() throws Exception {
        Process init = new ProcessBuilder("git", "init", "-q", project.toString()).inheritIO().start();
        assumeTrue(init.waitFor() == 0, "git is not available");
    }

    @Test
    void outsideAWorkTreeThereIsNothingToWarnAbout() {
        assertThat(new GitIgnoreCheck(environment).concern(config)).isEmpty();
    }

    @Test
    void anUnignoredFileInAWorkTreeWouldBeCommitted() throws Exception {
        gitInit();

        assertThat(committingWorkTree(config)).isEqualTo(Optional.of(project));
    }

    @Test
    void anIgnoredFileWouldNot() throws Exception {
        gitInit();
        Files.writeString(project.resolve(".gitignore"), "# local settings\n.datachain/\n");

        assertThat(new GitIgnoreCheck(environment).concern(config)).isEmpty();
    }

    @Test
    void aNegatedRuleIsGitsToInterpret() throws Exception {
        gitInit();
        Files.writeString(project.resolve(".gitignore"), "*/.datachain/*\n!*/.datachain/config\n");

        assertThat(committingWorkTree(config)).isEqualTo(Optional.of(project));
    }

    @Test
    void withoutGitOnThePathThereIsNoVerdict() throws Exception {
        gitInit();
        environment.variables.put("PATH", root.resolve("empty-bin").toString());

        assertThat(new GitIgnoreCheck(environment).concern(config)).isEmpty();
    }

    @Test
    void aGitFileMarksAWorkTreeToo() throws Exception {
        // Linked work trees and submodules have a .git file pointing elsewhere; git still answers for them.
        Path main = root.resolve("main");
        Process init = new ProcessBuilder("git", "init", "-q", main.toString()).inheritIO().start();
        assumeTrue(init.waitFor() == 0, "git is not available");
        Files.writeString(project.resolve(".git"), "gitdir: " + main.resolve(".git") + "\n");

        assertThat(committingWorkTree(config)).isEqualTo(Optional.of(project));
    }

    /** The work tree when git says it would commit the file, with no doubt. */
    private Optional<Path> committingWorkTree(Path file) {
        return new GitIgnoreCheck(environment).concern(file).filter(c -> c.doubt().isEmpty())
                .map(GitIgnoreCheck.Concern::workTree);
    }
}
