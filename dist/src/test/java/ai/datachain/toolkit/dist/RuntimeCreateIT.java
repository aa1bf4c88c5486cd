package ai.datachain.toolkit.dist;

import static org.assertj.core.api.Assertions.assertThat;

import ai.datachain.toolkit.dist.acmetools.StudioCommand;
import ai.datachain.toolkit.testkit.CommandResult;
import ai.datachain.toolkit.testkit.DatachainRunner;
import ai.datachain.toolkit.testkit.FakeMavenRepository;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code datachain runtime create}, as a platform team's CI runs it: the released tarball unpacked
 * anywhere, a search path with a shell and a few POSIX tools but no JDK, one command. The runtime
 * it makes is unpacked from its own tarball elsewhere and run with an empty environment. One of its
 * plugins comes by path, the other by coordinates from a Maven repository on 127.0.0.1.
 */
class RuntimeCreateIT {

    private static final String VERSION = System.getProperty("datachain.version");
    private static final String TARBALL = "acme-datachain-2026.12-linux-x64.tar.gz";
    /** What the launcher and the training script call; nothing else is on the search path. */
    private static final List<String> TOOLS = List.of("sh", "dirname", "ls", "sed", "env", "rm", "mkdir", "awk", "cat");
    private static final Duration CREATE_TIMEOUT = Duration.ofMinutes(5);
    /** acme-tools by coordinates, without a version: the newest release that admits this toolkit. */
    private static final String ACME_TOOLS = "com.acme:acme-tools";

    private static Path work;
    private static Path tools;
    private static Path base;
    private static Path config;
    private static Path hello;
    private static Path acmeTools;
    private static Path created;
    private static CommandResult first;
    private static Path unpacked;
    private static FakeMavenRepository repository;

    @TempDir
    Path home;

    @TempDir
    Path scratch;

    @BeforeAll
    static void createATeamRuntimeFromTheReleasedTarball() throws Exception {
        work = Path.of("target", "runtime-create").toAbsolutePath();
        deleteTree(work);
        tools = Files.createDirectories(work.resolve("tools"));
        for (String tool : TOOLS) {
            Path found = Stream.of("/usr/bin/", "/bin/").map(dir -> Path.of(dir + tool)).filter(Files::isExecutable)
                    .findFirst().orElseThrow(() -> new IllegalStateException("no " + tool + " on this machine"));
            Files.createSymbolicLink(tools.resolve(tool), found);
        }
        Path released = Launcher.path().getParent().getParent().resolveSibling("datachain-" + VERSION + "-linux-x64.tar.gz");
        base = untar(released, Files.createDirectories(work.resolve("released"))).resolve("datachain");
        config = Files.writeString(work.resolve("acme-config"), TeamRuntimeIT.TEAM_CONFIG);
        hello = ExamplePlugin.zip();
        acmeTools = PluginArchives.pluginJar(work.resolve("acme-tools-2.0.0.jar"), "acme-tools", "2.0.0",
                ">=0.1.0 & <1.0.0", StudioCommand.class);
        repository = FakeMavenRepository.start();
        repository.publish("com.acme", "acme-tools", "2.0.0", null, "jar", acmeTools);
        repository.publish("com.acme", "acme-tools", "3.0.0", null, "jar", PluginArchives.pluginJar(
                work.resolve("acme-tools-3.0.0.jar"), "acme-tools", "3.0.0", ">=9.0.0", StudioCommand.class));

        created = work.resolve("build/acme");
        first = create(base, Files.createDirectories(work.resolve("ci-home")), "--output", created.toString(),
                "--config", config.toString(), "--plugin", hello.toString(), "--plugin", ACME_TOOLS,
                "--name", "acme-datachain", "--version", "2026.12");
        unpacked = untar(created.resolveSibling(TARBALL), Files.createDirectories(work.resolve("elsewhere")))
                .resolve("acme-datachain");
    }

    @AfterAll
    static void stopRepository() {
        repository.close();
    }

    @Test
    void createReportsWhatItWrote() {
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.stdout()).isEqualTo("Created acme-datachain 2026.12 (datachain toolkit " + VERSION + ") in "
                + created + "\nTarball: " + created.resolveSibling(TARBALL) + "\nSHA-256: "
                + created.resolveSibling(TARBALL + ".sha256") + "\n");
        assertThat(first.stderr()).doesNotContain("Error", "warning");
    }

    @Test
    void aPluginByCoordinatesWithoutAVersionIsTheNewestCompatibleRelease() {
        assertThat(repository.requests()).contains("/maven2/com/acme/acme-tools/2.0.0/acme-tools-2.0.0.jar",
                "/maven2/com/acme/acme-tools/2.0.0/acme-tools-2.0.0.jar.sha1",
                "/maven2/com/acme/acme-tools/3.0.0/acme-tools-3.0.0.jar");
        assertThat(unpacked.resolve("plugins/acme-tools.jar")).hasSameBinaryContentAs(acmeTools);
    }

    @Test
    void theTarballComesWithItsChecksumInSha256sumFormat() throws Exception {
        Path tarball = created.resolveSibling(TARBALL);
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(tarball)));

        assertThat(Files.readString(created.resolveSibling(TARBALL + ".sha256"))).isEqualTo(digest + "  " + TARBALL + "\n");
        assertThat(TarEntries.describe(TarEntries.read(tarball))).startsWith("acme-datachain/\nacme-datachain/bin/\n")
                .contains("acme-datachain/conf/config\n", "acme-datachain/plugins/hello/plugin.properties\n",
                        "acme-datachain/plugins/acme-tools.jar\n", "acme-datachain/lib/datachain.jsa\n");
    }

    @Test
    void theRuntimeNamesItselfAndWhatItIsBuiltOn() {
        CommandResult version = runtime(unpacked).run("--version");

        assertThat(version.stdout()).isEqualTo("acme-datachain 2026.12 (datachain toolkit " + VERSION + ")\n");
        assertThat(version.exitCode()).isZero();
        assertThat(version.stderr()).isEmpty();
    }

    @Test
    void theConfigFileIsItsImageDefaultsLayer() {
        CommandResult origins = runtime(unpacked).run("config", "list", "--show-origin");

        String file = "defaults\tfile:" + unpacked.resolve("conf/config") + "\t";
        assertThat(origins.stdout()).isEqualTo(file + "hello.greeting=Welcome\n" + file + "studio.team=acme\n" + file
                + "studio.url=https://studio.acme.test\n");
        assertThat(origins.stderr()).isEmpty();
    }

    @Test
    void theBundledPluginsCommandsRun() {
        CommandResult helloRun = runtime(unpacked).run("hello");
        CommandResult studio = runtime(unpacked).run("acme", "studio");

        assertThat(helloRun.stdout()).isEqualTo("Welcome, world!\n");
        assertThat(helloRun.exitCode()).as(helloRun.toString()).isZero();
        assertThat(studio.stdout()).isEqualTo("studio https://studio.acme.test\n");
        assertThat(studio.exitCode()).as(studio.toString()).isZero();
    }

    @Test
    void pluginsListMarksTheBundledPluginsAndRemoveRefusesThem() {
        CommandResult list = runtime(unpacked).run("plugins", "list");
        CommandResult remove = runtime(unpacked).run("plugins", "remove", "acme-tools");
        CommandResult disable = runtime(unpacked).run("plugins", "disable", "acme-tools");
        CommandResult gone = runtime(unpacked).run("acme", "studio");

        assertThat(list.stdout()).contains("hello 1.0.0 (started)\n  from: " + unpacked.resolve("plugins/hello")
                + " (bundled)\n  commands: hello\n", "acme-tools 2.0.0 (started)\n  from: "
                + unpacked.resolve("plugins/acme-tools.jar") + " (bundled)\n  commands: acme studio\n",
                "auth-login " + VERSION + " (started)\n  from: " + unpacked.resolve("plugins/auth-login") + " (bundled)\n");
        assertThat(remove.exitCode()).isEqualTo(1);
        assertThat(remove.stderr()).isEqualTo("Error: plugin acme-tools is part of the datachain image and cannot be"
                + " removed; 'datachain plugins disable acme-tools' switches it off\n");
        assertThat(disable.exitCode()).as(disable.toString()).isZero();
        assertThat(gone.exitCode()).isEqualTo(2);
    }

    @Test
    void theRetrainedArchiveIsMapped() {
        // -Xshare:on fails the JVM rather than run without the archive.
        CommandResult run = runtime(unpacked).env("DATACHAIN_JAVA_OPTS", "-Xshare:on -Xlog:class+load").run("hello");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).contains("ai.datachain.toolkit.host.Main source: shared objects file",
                "\nWelcome, world!\n");
    }

    @Test
    void theSameInputsGiveTheSameTarballButForTheClassDataArchive() throws Exception {
        // A runtime of an earlier run in the way: --force replaces it.
        Path again = scratch.resolve("acme");
        Files.createDirectories(again.resolve("bin"));
        Files.writeString(again.resolve("bin/datachain"), "#!/bin/sh\n");
        Files.createDirectories(again.resolve("lib"));
        Files.writeString(again.resolve("lib/modules"), "earlier");
        Files.writeString(scratch.resolve(TARBALL), "earlier");

        CommandResult second = create(base, home, "--output", again.toString(), "--config", config.toString(),
                "--plugin", hello.toString(), "--plugin", ACME_TOOLS, "--name", "acme-datachain",
                "--version", "2026.12", "--force");

        assertThat(second.exitCode()).as(second.toString()).isZero();
        List<TarEntries.Entry> one = TarEntries.read(created.resolveSibling(TARBALL));
        List<TarEntries.Entry> two = TarEntries.read(scratch.resolve(TARBALL));
        assertThat(TarEntries.describe(two)).isEqualTo(TarEntries.describe(one));
        List<String> differing = new ArrayList<>();
        for (int i = 0; i < one.size(); i++) {
            if (!TarEntries.same(one.get(i), two.get(i), one.get(i).name().equals("acme-datachain/lib/datachain.jsa"))) {
                differing.add(one.get(i).name());
            }
        }
        assertThat(differing).isEmpty();
        assertThat(again.resolve("lib/modules")).hasSameBinaryContentAs(created.resolve("lib/modules"));
        assertThat(Files.readString(scratch.resolve(TARBALL + ".sha256"))).endsWith("  " + TARBALL + "\n");
    }

    @Test
    void aRuntimeIsTheBaseOfAnotherAndKeepsItsDefaultsAndPlugins() throws Exception {
        CommandResult made = create(unpacked, home, "--output", scratch.resolve("ml").toString(), "--name", "acme-ml",
                "--version", "1.0");
        Path ml = untar(scratch.resolve("acme-ml-1.0-linux-x64.tar.gz"), Files.createDirectories(scratch.resolve("x")))
                .resolve("acme-ml");

        assertThat(made.exitCode()).as(made.toString()).isZero();
        assertThat(runtime(ml).run("--version").stdout())
                .isEqualTo("acme-ml 1.0 (acme-datachain 2026.12, datachain toolkit " + VERSION + ")\n");
        assertThat(ml.resolve("conf/config")).hasContent(TeamRuntimeIT.TEAM_CONFIG);
        assertThat(runtime(ml).run("acme", "studio").stdout()).isEqualTo("studio https://studio.acme.test\n");
        assertThat(runtime(ml).env("DATACHAIN_JAVA_OPTS", "-Xshare:on").run("hello").stdout())
                .isEqualTo("Welcome, world!\n");
    }

    @Test
    void anInterruptedCreateLeavesNothingBehind() throws Exception {
        Path output = scratch.resolve("out/acme");
        Process running = runner(base, home).start("runtime", "create", "-q", "--output", output.toString(),
                "--config", config.toString());
        long deadline = System.nanoTime() + CREATE_TIMEOUT.toNanos();
        // Interrupt while the class-data archive trains: the slowest step, with processes of its own.
        while (!training(output.getParent()) && running.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(running.isAlive()).as("still creating").isTrue();
        new ProcessBuilder("kill", "-INT", Long.toString(running.pid())).start().waitFor();

        assertThat(running.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(running.exitValue()).isEqualTo(130);
        assertThat(list(scratch)).isEmpty();
    }

    /** Whether a build directory beside {@code parent}'s output has reached the training step. */
    private static boolean training(Path parent) throws IOException {
        if (!Files.isDirectory(parent)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(parent)) {
            return entries.anyMatch(entry -> Files.exists(entry.resolve("cds-training/1.classlist")));
        }
    }

    @Test
    void aNonEmptyOutputDirectoryIsRefusedWithoutForce() throws Exception {
        Path output = Files.createDirectories(scratch.resolve("out"));
        Files.writeString(output.resolve("notes.txt"), "mine");

        CommandResult result = create(base, home, "--output", output.toString());

        assertRefused(result, "Error: output directory " + output + " is not empty; use --force to replace it\n");
        assertThat(list(scratch)).containsExactly("out");
        assertThat(list(output)).containsExactly("notes.txt");
    }

    @Test
    void forceNeverReplacesADirectoryThatIsNotARuntime() throws Exception {
        Path output = Files.createDirectories(scratch.resolve("out"));
        Files.writeString(output.resolve("notes.txt"), "mine");

        CommandResult result = create(base, home, "--output", output.toString(), "--force");

        assertRefused(result, "Error: output directory " + output + " is not a datachain runtime; refusing to replace"
                + " it even with --force\n");
        assertThat(list(output)).containsExactly("notes.txt");
    }

    @Test
    void anOutputThatOverlapsTheBaseIsRefused() {
        CommandResult inside = create(base, home, "--output", base.resolve("plugins/acme").toString(), "--force");
        CommandResult above = create(base, home, "--output", base.getParent().toString(), "--force");

        assertRefused(inside, "Error: --output " + base.resolve("plugins/acme") + " overlaps the runtime it is made"
                + " from (" + base + "); choose a directory outside it\n");
        assertRefused(above, "Error: --output " + base.getParent() + " overlaps the runtime it is made from (" + base
                + "); choose a directory outside it\n");
        assertThat(base.resolve("plugins/acme")).doesNotExist();
    }

    @Test
    void aPluginForAnotherToolkitVersionIsRefused() throws Exception {
        Path newer = PluginArchives.pluginZip(scratch.resolve("in/newer.zip"), "newer", "1.0.0", ">=2.0.0");

        CommandResult result = create(base, home, "--output", scratch.resolve("out/acme").toString(), "--plugin",
                hello.toString(), "--plugin", newer.toString());

        assertRefused(result, "Error: plugin newer 1.0.0 requires datachain >=2.0.0, this is " + VERSION + "\n");
        assertThat(list(scratch)).containsExactly("in");
    }

    @Test
    void aPluginWithAnIdOfTheBaseIsRefused() throws Exception {
        Path clash = PluginArchives.pluginZip(scratch.resolve("auth-login.zip"), "auth-login", "9.0.0", "*");

        CommandResult result = create(base, home, "--output", scratch.resolve("out").toString(), "--plugin",
                clash.toString());

        assertRefused(result, "Error: plugin auth-login is already provided by the base runtime ("
                + base.resolve("plugins/auth-login") + "); an installed copy would never load\n");
        assertThat(list(scratch)).containsExactly("auth-login.zip");
    }

    @Test
    void twoPluginsWithOneIdAreRefused() throws Exception {
        CommandResult result = create(base, home, "--output", scratch.resolve("out").toString(), "--plugin",
                acmeTools.toString(), "--plugin", acmeTools.toString());

        assertRefused(result, "Error: plugin acme-tools is already provided by --plugin " + acmeTools
                + "; an installed copy would never load\n");
        assertThat(list(scratch)).isEmpty();
    }

    @Test
    void aPluginArchiveWithAnEscapingEntryIsRefused() throws Exception {
        Path evil = PluginArchives.write(scratch.resolve("evil.zip"), Map.of(
                "plugin.properties", PluginArchives.descriptor("evil", "1.0.0", "*"), "../../escaped.txt", "x"));

        CommandResult result = create(base, home, "--output", scratch.resolve("out").toString(), "--plugin",
                evil.toString());

        assertRefused(result, "Error: " + evil + " has an entry that would land outside the plugin directory:"
                + " '../../escaped.txt'; refusing to install it\n");
        assertThat(list(scratch)).containsExactly("evil.zip");
    }

    @Test
    void aPluginByCoordinatesWithNoRepositoryReachableIsRefusedAndTheBuildDirectoryRemoved() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        CommandResult result = runner(base, home).env("DATACHAIN_PLUGINS_REPOSITORIES", "http://127.0.0.1:" + port
                + "/maven2/").run("runtime", "create", "-q", "--output", scratch.resolve("out/acme").toString(),
                "--plugin", hello.toString(), "--plugin", ACME_TOOLS + ":2.0.0");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).startsWith("Error: cannot download " + ACME_TOOLS + ":2.0.0: connection refused")
                .hasLineCount(1);
        assertThat(list(scratch)).isEmpty();
    }

    @Test
    void aPluginByCoordinatesThatFailsVerificationIsRefused() throws Exception {
        Path zip = PluginArchives.pluginZip(scratch.resolve("in/broken-1.0.0-plugin.zip"), "broken", "1.0.0", "*");
        repository.breakChecksums(repository.publish("com.acme", "broken", "1.0.0", "plugin", "zip", zip));

        CommandResult result = create(base, home, "--output", scratch.resolve("out/acme").toString(), "--plugin",
                "com.acme:broken:1.0.0");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).startsWith("Error: com.acme:broken:1.0.0 failed verification, refusing it:")
                .hasLineCount(1);
        assertThat(list(scratch)).containsExactly("in");
    }

    @Test
    void aConfigFileThatDoesNotParseIsRefused() throws Exception {
        Path bad = Files.writeString(scratch.resolve("bad-config"), "[studio\nurl = \"https://studio.acme.test\"\n");

        CommandResult result = create(base, home, "--output", scratch.resolve("out").toString(), "--config",
                bad.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).startsWith("Error: cannot read " + bad + ": ").contains("line 1").endsWith("\n")
                .hasLineCount(1);
        assertThat(list(scratch)).containsExactly("bad-config");
    }

    @Test
    void noOutputDirectoryOrANameThatCannotBeAFileNameIsAUsageError() throws IOException {
        CommandResult noOutput = create(base, home, "--name", "acme");
        CommandResult badName = create(base, home, "--output", scratch.resolve("out").toString(), "--name", "acme/../x");

        assertThat(noOutput.exitCode()).isEqualTo(2);
        assertThat(noOutput.stderr()).isEqualTo("Error: --output DIR is required\n"
                + "Run 'datachain runtime create --help' for usage.\n");
        assertThat(badName.exitCode()).isEqualTo(2);
        assertThat(badName.stderr()).isEqualTo("Error: invalid value 'acme/../x' for --name: expected letters, digits,"
                + " '.', '_' and '-', starting with a letter or digit\nRun 'datachain runtime create --help' for usage.\n");
        assertThat(list(scratch)).isEmpty();
    }

    private static void assertRefused(CommandResult result, String stderr) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).isEqualTo(stderr);
    }

    /** {@code runtime create} of {@code image}, with a search path that holds no JDK. */
    private static CommandResult create(Path image, Path home, String... args) {
        List<String> words = new ArrayList<>(List.of("runtime", "create", "-q"));
        words.addAll(List.of(args));
        return runner(image, home).run(words.toArray(String[]::new));
    }

    private static DatachainRunner runner(Path image, Path home) {
        return DatachainRunner.launcher(image.resolve("bin/datachain"), home).env("PATH", tools.toString())
                .env("DATACHAIN_PLUGINS_REPOSITORIES", repository.uri().toString()).unsetEnv("LANG")
                .timeout(CREATE_TIMEOUT).workingDirectory(work);
    }

    /** The runtime's launcher with nothing in its environment but HOME: env -i. */
    private DatachainRunner runtime(Path image) {
        return DatachainRunner.launcher(image.resolve("bin/datachain"), home).unsetEnv("PATH").unsetEnv("LANG");
    }

    private static List<String> list(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    private static Path untar(Path tarball, Path into) throws Exception {
        Process process = new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", into.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return into;
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
