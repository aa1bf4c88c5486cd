package ai.datachain.toolkit.host.runtime;

import ai.datachain.toolkit.api.CommandException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Trains an image's class-data sharing archive ({@code lib/datachain.jsa}) for the plugins it
 * holds now, with the script the toolkit build itself uses ({@code lib/train-cds.sh}, the same
 * file as {@code dist/src/build/train-cds.sh}) and the image's own {@code bin/java}: one training
 * procedure, whoever builds the image.
 */
final class ClassDataArchive {

    static final String SCRIPT = "lib/train-cds.sh";
    static final String ARCHIVE = "lib/datachain.jsa";
    /** POSIX's default search path, for a run whose own environment has none (env -i). */
    private static final String DEFAULT_PATH = "/usr/bin:/bin";
    private static final long TIMEOUT_MINUTES = 10;

    private ClassDataArchive() {}

    /** Replaces {@code image}'s archive by one trained on it; {@code work} is scratch space. */
    static void train(Path image, Path work, String searchPath) throws CommandException {
        Path script = image.resolve(SCRIPT);
        if (!Files.isRegularFile(script)) {
            throw new CommandException("the base runtime has no " + SCRIPT + " to train its class-data archive"
                    + " with; create the runtime from a datachain release that has it");
        }
        Path log = work.resolveSibling(work.getFileName() + ".log");
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", script.toString(), image.toString(), work.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.put("PATH", searchPath == null || searchPath.isBlank() ? DEFAULT_PATH : searchPath);
        try {
            Process process = builder.start();
            boolean done;
            try {
                done = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new CommandException("interrupted while training the class-data archive", e);
            }
            if (!done) {
                process.destroyForcibly();
                throw new CommandException("training the class-data archive took over " + TIMEOUT_MINUTES
                        + " minutes; gave up");
            }
            if (process.exitValue() != 0 || !Files.isRegularFile(image.resolve(ARCHIVE))) {
                throw new CommandException("training the class-data archive failed: " + lastLine(log));
            }
        } catch (IOException e) {
            throw new CommandException("cannot train the class-data archive: " + e.getMessage(), e);
        }
    }

    private static String lastLine(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank()).toList();
        return lines.isEmpty() ? "it printed nothing" : lines.get(lines.size() - 1).strip();
    }
}
