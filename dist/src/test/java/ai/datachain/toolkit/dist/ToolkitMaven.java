package ai.datachain.toolkit.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs Maven the way someone outside the toolkit does: against the toolkit as published (this
 * build's artifacts in a repository layout) and a private local repository, with every other
 * artifact taken from the local repository this build already filled, and Maven Central only for
 * what that lacks.
 */
final class ToolkitMaven {

    /** Shared by every outsider build of a test run; cached artifacts make the second one fast. */
    private static final Path LOCAL_REPOSITORY = Path.of("target", "outsider-m2").toAbsolutePath();
    private static boolean toolkitForgotten;

    private final Path workspace;

    ToolkitMaven(Path workspace) {
        this.workspace = workspace;
    }

    /**
     * Maven never downloads a release it already holds: drop the toolkit artifacts a previous test
     * run cached, so this run builds against the toolkit just built.
     */
    private static synchronized void forgetCachedToolkit() throws IOException {
        if (toolkitForgotten) {
            return;
        }
        Path cached = LOCAL_REPOSITORY.resolve("ai/datachain/toolkit");
        if (Files.exists(cached)) {
            try (Stream<Path> walk = Files.walk(cached)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        toolkitForgotten = true;
    }

    static Path sources() {
        return Path.of(System.getProperty("datachain.sources"));
    }

    /** Copies a project directory (without its {@code target}) into the workspace, to build it there. */
    Path copyProject(Path project, String name) throws IOException {
        Path target = workspace.resolve(name);
        try (Stream<Path> walk = Files.walk(project)) {
            for (Path path : walk.filter(p -> !project.relativize(p).startsWith("target")).toList()) {
                Path destination = target.resolve(project.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }

    /** Runs {@code mvn -B -q <arguments>} in {@code directory}; fails the test with Maven's output if it fails. */
    void run(Path directory, String... arguments) throws IOException, InterruptedException {
        forgetCachedToolkit();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("datachain.maven.home"), "bin", "mvn").toString());
        command.addAll(List.of("-B", "-q", "-s", settings().toString(),
                "-Dmaven.repo.local=" + LOCAL_REPOSITORY));
        command.addAll(Arrays.asList(arguments));
        Path log = workspace.resolve("maven-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("MAVEN_ARGS");
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("mvn " + arguments[arguments.length - 1] + " did not finish in 10 minutes");
        }
        assertThat(process.exitValue()).as("%s failed:%n%s", command,
                Files.readString(log, StandardCharsets.UTF_8)).isZero();
    }

    /**
     * Writes an executable {@code mvn} into {@code bin}: Maven as {@link #run} runs it, but offline,
     * reading only the two file repositories (so what it builds uses the toolkit of this run and the
     * artifacts this build already holds, and never the network).
     */
    Path offlineCommand(Path bin) throws IOException {
        forgetCachedToolkit();
        Path maven = Path.of(System.getProperty("datachain.maven.home"), "bin", "mvn");
        String script = "#!/bin/sh\n"
                + "exec '" + maven + "' -o -Daether.offline.protocols=file --no-transfer-progress"
                + " -s '" + settings() + "' '-Dmaven.repo.local=" + LOCAL_REPOSITORY + "' \"$@\"\n";
        Files.createDirectories(bin);
        Path command = Files.writeString(bin.resolve("mvn"), script);
        command.toFile().setExecutable(true);
        return command;
    }

    /**
     * Two file repositories before Maven Central: the published toolkit, and the build's own local
     * repository, which already holds nearly everything an outsider build needs (checksums are not
     * kept locally, so not checked). Central stays behind them for the rest, such as a transitive
     * version the reactor itself overrides and so never fetched.
     */
    private Path settings() throws IOException {
        Path file = workspace.resolve("settings.xml");
        if (Files.exists(file)) {
            return file;
        }
        String toolkit = Path.of(System.getProperty("datachain.toolkit.repo")).toUri().toString();
        String buildLocal = Path.of(System.getProperty("datachain.maven.repo")).toUri().toString();
        String repository = """
                        <%1$s>
                          <id>%2$s</id>
                          <url>%3$s</url>
                          <releases><checksumPolicy>ignore</checksumPolicy></releases>
                          <snapshots><enabled>false</enabled></snapshots>
                        </%1$s>
                """;
        String xml = "<settings>\n  <profiles>\n    <profile>\n      <id>published-toolkit</id>\n"
                + "      <repositories>\n"
                + repository.formatted("repository", "datachain-toolkit", toolkit)
                + repository.formatted("repository", "build-local", buildLocal)
                + "      </repositories>\n      <pluginRepositories>\n"
                + repository.formatted("pluginRepository", "build-local", buildLocal)
                + "      </pluginRepositories>\n    </profile>\n  </profiles>\n"
                + "  <activeProfiles>\n    <activeProfile>published-toolkit</activeProfile>\n  </activeProfiles>\n"
                + "</settings>\n";
        Files.createDirectories(workspace);
        return Files.writeString(file, xml);
    }
}
