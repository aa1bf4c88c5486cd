package ai.datachain.toolkit.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import ai.datachain.toolkit.dist.PluginGuide.Snippet;
import ai.datachain.toolkit.testkit.CommandResult;
import ai.datachain.toolkit.testkit.FakeMavenRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/plugin-guide.md as a reader follows it, against the image and the toolkit of this build:
 * every {@code sh} snippet runs in order in one working directory (the archetype generates the
 * project, its own pom builds it offline, the image runs, installs and removes it), and the
 * {@code text} snippet after it is exactly what it prints; every {@code java}, {@code xml} and
 * {@code properties} snippet is text of the generated project; every {@code toml} snippet is a
 * configuration file datachain reads. Datachain commands write nothing into the project's
 * {@code target/}. The Maven repository that plugins install from by coordinates is a
 * {@link FakeMavenRepository} on 127.0.0.1 (named in {@code DATACHAIN_PLUGINS_REPOSITORIES}), where
 * the project's zip is published once it is built.
 */
class PluginGuideIT {

    private static final Duration SNIPPET_TIME_LIMIT = Duration.ofMinutes(5);

    @TempDir
    Path workspace;

    private Path home;
    private Path bin;
    private Path directory;
    private FakeMavenRepository repository;
    private boolean published;

    @Test
    void everySnippetRunsAndShowsWhatTheGuideShows() throws Exception {
        long start = System.nanoTime();
        home = Files.createDirectories(workspace.resolve("home"));
        directory = Files.createDirectories(workspace.resolve("work"));
        bin = workspace.resolve("bin");
        new ToolkitMaven(workspace.resolve("maven")).offlineCommand(bin);
        Path datachain = Files.writeString(bin.resolve("datachain"),
                "#!/bin/sh\nexec '" + Launcher.path() + "' \"$@\"\n");
        datachain.toFile().setExecutable(true);

        List<Snippet> snippets = PluginGuide.snippets();
        List<Snippet> sources = new ArrayList<>();
        try (FakeMavenRepository started = FakeMavenRepository.start()) {
            repository = started;
            runAll(snippets, sources);
        }

        Path project = workspace.resolve("work/greet");
        for (Snippet source : sources) {
            assertThat(projectTexts(project)).as("%s: the project holds this %s snippet:%n%s", source.where(),
                    source.language(), source.text()).anyMatch(text -> text.contains(unindented(source.text())));
        }
        assertThat(Files.readString(project.resolve("target/surefire-reports/TEST-com.example.PluginCommandTest.xml")))
                .contains("tests=\"4\"").contains("failures=\"0\"").contains("errors=\"0\"");
        assertThat(project.resolve("target/greet-1.0.0-plugin.zip")).isRegularFile();
        System.out.printf("PluginGuideIT: %d snippets in %d s%n", snippets.size(),
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
    }

    private void runAll(List<Snippet> snippets, List<Snippet> sources) throws Exception {
        for (int i = 0; i < snippets.size(); i++) {
            Snippet snippet = snippets.get(i);
            switch (snippet.language()) {
                case "sh" -> {
                    Snippet shown = i + 1 < snippets.size() && snippets.get(i + 1).language().equals("text")
                            ? snippets.get(++i) : null;
                    run(snippet, shown);
                }
                case "java", "xml", "properties" -> sources.add(snippet);
                case "toml" -> read(snippet);
                default -> fail("%s: a '%s' snippet, which nothing runs or checks", snippet.where(),
                        snippet.language());
            }
        }
    }

    /** A configuration file snippet: as a user's global config, datachain reads it without a word. */
    private void read(Snippet snippet) throws IOException {
        Path otherHome = Files.createDirectories(workspace.resolve("config-" + snippet.line()));
        Files.createDirectories(otherHome.resolve(".config/datachain"));
        Files.writeString(otherHome.resolve(".config/datachain/config"), snippet.text());

        CommandResult list = Launcher.in(otherHome).run("config", "list");

        assertThat(list.exitCode()).as("%s: %s", snippet.where(), list).isZero();
        assertThat(list.stderr()).as(snippet.where()).isEmpty();
    }

    /**
     * Runs one shell snippet where the previous one left off. One that builds ({@code mvn}) must
     * succeed; any other must print exactly {@code shown} and leave the build directory alone.
     */
    private void run(Snippet snippet, Snippet shown) throws IOException, InterruptedException {
        boolean builds = snippet.text().contains("mvn ");
        if (!builds && shown == null) {
            fail("%s: a command snippet without the output it prints", snippet.where());
        }
        Path target = workspace.resolve("work/greet/target");
        Path zip = target.resolve("greet-1.0.0-plugin.zip");
        if (!published && Files.isRegularFile(zip)) {
            repository.publish("com.example", "greet", "1.0.0", "plugin", "zip", zip);
            published = true;
        }
        String before = listing(target);
        Path script = workspace.resolve("snippet.sh");
        Path cwd = workspace.resolve("cwd");
        Files.writeString(script, "cd '" + directory + "'\n" + snippet.text() + "pwd > '" + cwd + "'\n");
        Path output = workspace.resolve("snippet-" + snippet.line() + ".log");
        ProcessBuilder builder = new ProcessBuilder("bash", "-e", "-o", "pipefail", script.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                        Path.of("/dev/null").toFile()));
        builder.environment().clear();
        builder.environment().put("PATH", bin + ":/usr/local/bin:/usr/bin:/bin");
        builder.environment().put("HOME", home.toString());
        builder.environment().put("LANG", "C.UTF-8");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("DATACHAIN_PLUGINS_REPOSITORIES", repository.uri().toString());
        Process process = builder.start();
        if (!process.waitFor(SNIPPET_TIME_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("%s: did not finish in %s", snippet.where(), SNIPPET_TIME_LIMIT);
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("%s failed:%n%s%n%s", snippet.where(), snippet.text(), printed).isZero();
        directory = Path.of(Files.readString(cwd).strip());
        if (!builds) {
            assertThat(printed.replace(home.toString(), "~")).as("%s: what%n%sprints", snippet.where(), snippet.text())
                    .isEqualTo(shown.text());
            assertThat(listing(target)).as("%s: the build directory after%n%s", snippet.where(), snippet.text())
                    .isEqualTo(before);
        }
    }

    /** Every file below {@code directory} with its size and time; empty when there is none. */
    private static String listing(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return "";
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            StringBuilder listing = new StringBuilder();
            for (Path path : walk.sorted().toList()) {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                listing.append(directory.relativize(path)).append(' ').append(attributes.size()).append(' ')
                        .append(attributes.lastModifiedTime().toMillis()).append('\n');
            }
            return listing.toString();
        }
    }

    /** The project's sources and pom, each with its lines unindented. */
    private static List<String> projectTexts(Path project) throws IOException {
        try (Stream<Path> walk = Files.walk(project)) {
            List<String> texts = new ArrayList<>();
            for (Path file : walk.filter(Files::isRegularFile).filter(path -> !project.relativize(path).startsWith("target"))
                    .toList()) {
                texts.add(unindented(Files.readString(file, StandardCharsets.UTF_8)));
            }
            return texts;
        }
    }

    /** The text with each line's leading spaces removed, so an excerpt matches at any depth. */
    private static String unindented(String text) {
        return text.lines().map(String::stripLeading).collect(Collectors.joining("\n", "", "\n"));
    }
}
