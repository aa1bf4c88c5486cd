package ai.datachain.toolkit.auth;

import ai.datachain.toolkit.api.Environment;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Whether git would pick up a file: it lies inside a git work tree (a {@code .git} directory or
 * file in it or a parent) and {@code git check-ignore} does not ignore it.
 *
 * <p>Ignore rules are git's to interpret (nested {@code .gitignore} files, negations,
 * {@code info/exclude}, {@code core.excludesFile}), so we ask git and do not parse them ourselves:
 * a partial parser would cry wolf or miss cases. Without git on the {@code PATH}, or when git
 * cannot answer, there is no verdict and so no warning.
 */
final class GitIgnoreCheck {

    private static final long TIMEOUT_SECONDS = 5;

    private final Environment environment;

    GitIgnoreCheck(Environment environment) {
        this.environment = environment;
    }

    /** The work tree that would commit {@code file}, if it would. */
    Optional<Path> committingWorkTree(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Optional<Path> workTree = workTreeOf(absolute.getParent());
        Optional<Path> git = executable("git");
        if (workTree.isEmpty() || git.isEmpty()) {
            return Optional.empty();
        }
        String relative = workTree.get().relativize(absolute).toString();
        try {
            Process process = new ProcessBuilder(git.get().toString(), "-C", workTree.get().toString(), "check-ignore",
                    "-q", "--", relative).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            process.getOutputStream().close();
            process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            // 0: ignored; 1: not ignored; anything else: git could not tell.
            return process.exitValue() == 1 ? workTree : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static Optional<Path> workTreeOf(Path directory) {
        for (Path candidate = directory; candidate != null; candidate = candidate.getParent()) {
            if (Files.exists(candidate.resolve(".git"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private Optional<Path> executable(String name) {
        String path = environment.variable("PATH").orElse("");
        for (String directory : path.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
