package ai.datachain.toolkit.auth;

import ai.datachain.toolkit.api.Environment;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Whether git would pick up a file: it lies inside a git work tree (a {@code .git} directory or
 * file in it or a parent) and {@code git check-ignore} does not ignore it.
 *
 * <p>Ignore rules are git's to interpret (nested {@code .gitignore} files, negations,
 * {@code info/exclude}, {@code core.excludesFile}), so we ask git and do not parse them ourselves:
 * a partial parser would cry wolf or miss cases. Without git on the {@code PATH} there is no verdict
 * and so no warning; when git runs but cannot answer, that is a concern of its own.
 *
 * <p>The work tree is not ours: its {@code .git/config} may name commands git runs on its own
 * ({@code core.fsmonitor} runs while git reads the index), and its {@code .datachain} may be a
 * link into a tracked directory. So git runs with those commands switched off, is asked about the
 * file's real path, and gets a time-limit that covers reading its output too.
 */
final class GitIgnoreCheck {

    private static final long TIMEOUT_SECONDS = 5;
    /**
     * Command-line settings win over every config file, the work tree's included. fsmonitor is the one
     * check-ignore would run; hooks and the pager are off so that no later git change here can start one.
     */
    private static final List<String> SAFE_SETTINGS = List.of("--no-pager", "-c", "core.fsmonitor=false",
            "-c", "core.hooksPath=/dev/null", "-c", "core.untrackedCache=false");

    /**
     * Why the warning is due.
     *
     * @param workTree the work tree the file's real path lies in
     * @param file the file's real path
     * @param doubt empty when git says it would commit the file; otherwise why git could not tell
     */
    record Concern(Path workTree, Path file, Optional<String> doubt) {}

    private final Environment environment;

    GitIgnoreCheck(Environment environment) {
        this.environment = environment;
    }

    /** What to warn about before a token lands in {@code file}; empty when git would leave it alone. */
    Optional<Concern> concern(Path file) {
        Path real = realPath(file.toAbsolutePath().normalize());
        Optional<Path> workTree = workTreeOf(real.getParent());
        Optional<Path> git = executable("git");
        if (workTree.isEmpty() || git.isEmpty()) {
            return Optional.empty();
        }
        String relative = workTree.get().relativize(real).toString();
        List<String> command = new java.util.ArrayList<>(List.of(git.get().toString()));
        command.addAll(SAFE_SETTINGS);
        command.addAll(List.of("-C", workTree.get().toString(), "check-ignore", "-q", "--", relative));
        Path errors = null;
        try {
            // Output goes to a file, not a pipe: a pipe would have to be read before waiting, and
            // a stuck git (or a child it left running) would then hold us past the time-limit.
            errors = Files.createTempFile("datachain-git", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(errors.toFile()).redirectInput(new File("/dev/null"));
            builder.environment().put("GIT_OPTIONAL_LOCKS", "0");
            builder.environment().put("GIT_TERMINAL_PROMPT", "0");
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return doubt(workTree.get(), real, "git did not answer within " + TIMEOUT_SECONDS + " s");
            }
            // 0: ignored; 1: not ignored; anything else: git could not tell.
            return switch (process.exitValue()) {
                case 0 -> Optional.empty();
                case 1 -> Optional.of(new Concern(workTree.get(), real, Optional.empty()));
                default -> doubt(workTree.get(), real, "git check-ignore failed with status " + process.exitValue()
                        + firstLine(errors).map(line -> ": " + line).orElse(""));
            };
        } catch (IOException e) {
            return doubt(workTree.get(), real, "git could not be run");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (errors != null) {
                errors.toFile().delete();
            }
        }
    }

    private static Optional<Concern> doubt(Path workTree, Path file, String why) {
        return Optional.of(new Concern(workTree, file, Optional.of(why)));
    }

    /** git's first error line, escaped: it may quote names from the work tree. */
    private static Optional<String> firstLine(Path errors) {
        try (var in = Files.newInputStream(errors)) {
            String text = new String(in.readNBytes(512), StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(PrintableText.of(text.lines().findFirst().orElse("")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The path with every link resolved that exists so far ({@code .datachain} may be a link, the
     * file may not exist yet): a link into a tracked directory must not hide the file from git.
     */
    static Path realPath(Path absolute) {
        Deque<Path> missing = new ArrayDeque<>();
        Path existing = absolute;
        while (existing != null) {
            try {
                Path real = existing.toRealPath();
                for (Path name : missing) {
                    real = real.resolve(name);
                }
                return real;
            } catch (IOException e) {
                if (existing.getFileName() == null) {
                    break;
                }
                missing.addFirst(existing.getFileName());
                existing = existing.getParent();
            }
        }
        return absolute;
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
