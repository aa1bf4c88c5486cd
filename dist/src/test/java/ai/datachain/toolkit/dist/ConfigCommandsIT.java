package ai.datachain.toolkit.dist;

import static org.assertj.core.api.Assertions.assertThat;

import ai.datachain.toolkit.dist.hostile.GreetCommand;
import ai.datachain.toolkit.testkit.CommandResult;
import ai.datachain.toolkit.testkit.DatachainRunner;
import ai.datachain.toolkit.testkit.PluginArchives;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code datachain config ...} through the real launcher in a temporary home. */
class ConfigCommandsIT {

    private static final String RICH = """
            # DataChain settings for this machine
            [core]
            minimum_version = "0.20"  # keep in sync with CI

            # remote storage used by the team
            [remote]
            name = "s3://bucket/path"
            regions = ["eu-west-1", "us-east-1"]

            [studio]
            url = "https://studio.example.com"
            token = "isat_old"
            team = "old-team"  # set by hand
            """;

    @TempDir
    Path home;

    private Path globalFile() {
        return home.resolve(".config/datachain/config");
    }

    @Test
    void configCommandsStartOnlyTheFormatPluginWhileTheCommandIndexIsCurrent() throws IOException {
        Path userPlugins = home.resolve(".local/share/datachain/plugins");
        PluginArchives.jar("greeter").extension(GreetCommand.class).writeTo(userPlugins);
        Files.createDirectories(globalFile().getParent());
        Files.writeString(globalFile(), "[studio]\nteam = \"ml-team\"\n");
        assertThat(Launcher.in(home).run("greet").stdout()).isEqualTo("greet from the first\n"); // writes the index
        Path classes = home.resolve("classes.log");

        CommandResult get = Launcher.in(home).env("DATACHAIN_JAVA_OPTS", "-Xlog:class+load:file=" + classes)
                .run("config", "get", "studio.team");

        assertThat(get.exitCode()).as(get.toString()).isZero();
        assertThat(get.stdout()).isEqualTo("ml-team\n");
        assertThat(get.stderr()).isEmpty();
        String plugins = Launcher.path().toRealPath().getParent().getParent().resolve("plugins").toString();
        List<String> loaded = Files.readAllLines(classes);
        assertThat(loaded).as("classes from the config-toml plugin")
                .anyMatch(line -> line.contains(plugins + "/config-toml/"));
        assertThat(loaded).as("classes from any other plugin").noneMatch(line -> line.contains(userPlugins.toString())
                || line.contains(plugins + "/") && !line.contains(plugins + "/config-toml/"));
    }

    @Test
    void aProjectFileCannotReadFilesOrTheEnvironmentThroughInterpolation() throws IOException {
        Path secret = Files.writeString(home.resolve("secret.txt"), "isat_secret");
        Path project = home.resolve("project");
        Files.createDirectories(project.resolve(".datachain"));
        Files.writeString(project.resolve(".datachain/config"), "[studio]\nurl = \"${file:UTF-8:" + secret
                + "}\"\nteam = \"${env:HOME}${sys:user.home}\"\n");
        DatachainRunner datachain = Launcher.in(home).workingDirectory(project);

        CommandResult url = datachain.run("config", "get", "studio.url");
        CommandResult team = datachain.run("config", "get", "studio.team");

        assertThat(url.exitCode()).as(url.toString()).isZero();
        assertThat(url.stdout()).isEqualTo("${file:UTF-8:" + secret + "}\n");
        assertThat(team.stdout()).as(team.toString()).isEqualTo("${env:HOME}${sys:user.home}\n");
        assertThat(url.stderr() + team.stderr()).isEmpty();
    }

    @Test
    void setWritesTheUsersFileByDefaultAndGetPrintsTheRawValue() throws IOException {
        CommandResult set = Launcher.in(home).run("config", "set", "studio.team", "ml-team");

        assertThat(set.exitCode()).as(set.toString()).isZero();
        assertThat(set.stdout()).isEmpty();
        assertThat(set.stderr()).isEmpty();
        assertThat(Files.readString(globalFile())).isEqualTo("[studio]\nteam = \"ml-team\"\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(globalFile()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(globalFile().getParent())))
                .isEqualTo("rwx------");

        CommandResult get = Launcher.in(home).run("config", "get", "studio.team");
        assertThat(get.exitCode()).isZero();
        assertThat(get.stdout()).isEqualTo("ml-team\n");
        assertThat(get.stderr()).isEmpty();
    }

    @Test
    void setKeepsCommentsOtherTablesAndTheInlineCommentOfTheChangedKey() throws IOException {
        write(globalFile(), RICH);

        CommandResult result = Launcher.in(home).run("config", "set", "studio.team", "new-team");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(Files.readString(globalFile()))
                .isEqualTo(RICH.replace("team = \"old-team\"  # set by hand", "team = \"new-team\"  # set by hand"));
    }

    @Test
    void unsetRemovesOnlyThatLine() throws IOException {
        write(globalFile(), RICH);

        CommandResult result = Launcher.in(home).run("config", "unset", "studio.token");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(Files.readString(globalFile())).isEqualTo(RICH.replace("token = \"isat_old\"\n", ""));
    }

    @Test
    void unsetOfAMissingKeyIsAnErrorAndTouchesNothing() throws IOException {
        write(globalFile(), RICH);

        CommandResult result = Launcher.in(home).run("config", "unset", "studio.nothing");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).isEqualTo("Error: studio.nothing is not set in " + globalFile() + "\n");
        assertThat(Files.readString(globalFile())).isEqualTo(RICH);
    }

    @Test
    void getOfAMissingKeyExitsOneAndPrintsNothing() {
        CommandResult result = Launcher.in(home).run("config", "get", "studio.team");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void localWinsOverGlobalAndTheEnvironmentOverBoth() throws IOException {
        Path project = home.resolve("project");
        Files.createDirectories(project);
        write(globalFile(), "[studio]\nurl = \"https://global.example.com\"\nteam = \"global-team\"\n");
        DatachainRunner runner = Launcher.in(home).workingDirectory(project);

        CommandResult local = runner.run("config", "set", "--local", "studio.team", "local-team");
        assertThat(local.exitCode()).as(local.toString()).isZero();
        assertThat(Files.readString(project.resolve(".datachain/config"))).isEqualTo("[studio]\nteam = \"local-team\"\n");

        assertThat(runner.run("config", "get", "studio.team").stdout()).isEqualTo("local-team\n");
        assertThat(runner.run("config", "get", "--global", "studio.team").stdout()).isEqualTo("global-team\n");
        assertThat(runner.env("DATACHAIN_STUDIO_TEAM", "env-team").run("config", "get", "studio.team").stdout())
                .isEqualTo("env-team\n");
    }

    @Test
    void listShowsTheWinningValuesAndWithShowOriginWhereEachComesFrom() throws IOException {
        Path project = home.resolve("project");
        Path local = project.resolve(".datachain/config");
        write(globalFile(), "[studio]\nurl = \"https://global.example.com\"\nteam = \"global-team\"\n");
        write(local, "[studio]\nteam = \"local-team\"\n");
        DatachainRunner runner = Launcher.in(home).workingDirectory(project).env("DATACHAIN_STUDIO_TOKEN", "isat_env");

        CommandResult plain = runner.run("config", "list");
        assertThat(plain.exitCode()).as(plain.toString()).isZero();
        assertThat(plain.stdout()).isEqualTo("studio.team=local-team\nstudio.token=<secret: shown with --show-secrets>\n"
                + "studio.url=https://global.example.com\n");

        CommandResult origin = runner.run("config", "list", "--show-origin");
        assertThat(origin.stdout()).isEqualTo("local\tfile:" + local + "\tstudio.team=local-team\n"
                + "environment\tenv:DATACHAIN_STUDIO_TOKEN\tstudio.token=<secret: shown with --show-secrets>\n"
                + "global\tfile:" + globalFile() + "\tstudio.url=https://global.example.com\n");

        CommandResult global = runner.run("config", "list", "--global", "--show-origin");
        assertThat(global.stdout()).isEqualTo("global\tfile:" + globalFile() + "\tstudio.url=https://global.example.com\n"
                + "global\tfile:" + globalFile() + "\tstudio.team=global-team\n");
    }

    @Test
    void levelDirectoriesComeFromTheirVariables() throws IOException {
        Path system = home.resolve("etc");
        Path global = home.resolve("elsewhere");
        DatachainRunner runner = Launcher.in(home).env("DATACHAIN_SYSTEM_CONFIG_DIR", system.toString())
                .env("DATACHAIN_GLOBAL_CONFIG_DIR", global.toString());

        assertThat(runner.run("config", "set", "--system", "core.flavour", "system").exitCode()).isZero();
        assertThat(runner.run("config", "set", "core.flavour", "global").exitCode()).isZero();

        assertThat(Files.readString(system.resolve("config"))).isEqualTo("[core]\nflavour = \"system\"\n");
        assertThat(Files.readString(global.resolve("config"))).isEqualTo("[core]\nflavour = \"global\"\n");
        assertThat(runner.run("config", "get", "core.flavour").stdout()).isEqualTo("global\n");
        assertThat(Files.exists(globalFile())).isFalse();
    }

    @Test
    void aFileThatDoesNotParseIsNamedWithItsLineAndLeftAlone() throws IOException {
        String broken = "[studio]\nurl = \"https://studio.example.com\"\nteam = \n";
        write(globalFile(), broken);

        CommandResult set = Launcher.in(home).run("config", "set", "studio.team", "x");
        CommandResult get = Launcher.in(home).run("config", "get", "studio.url");

        String error = "Error: cannot read " + globalFile() + ": missing value at line 3\n";
        assertThat(set.exitCode()).isEqualTo(1);
        assertThat(set.stderr()).isEqualTo(error);
        assertThat(get.exitCode()).isEqualTo(1);
        assertThat(get.stdout()).isEmpty();
        assertThat(get.stderr()).isEqualTo(error);
        assertThat(Files.readString(globalFile())).isEqualTo(broken);
    }

    @Test
    void badKeysAndMissingArgumentsAreUsageErrors() {
        CommandResult missing = Launcher.in(home).run("config", "set", "studio.team");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr()).isEqualTo("Error: expected KEY and VALUE, got 1 argument: studio.team\n"
                + "Run 'datachain config set --help' for usage.\n");

        CommandResult badKey = Launcher.in(home).run("config", "get", "team");
        assertThat(badKey.exitCode()).isEqualTo(2);
        assertThat(badKey.stderr()).startsWith("Error: invalid key 'team': expected SECTION.NAME, e.g. studio.team");

        CommandResult twoLevels = Launcher.in(home).run("config", "set", "--local", "--global", "a.b", "c");
        assertThat(twoLevels.exitCode()).isEqualTo(2);
        assertThat(twoLevels.stderr()).startsWith("Error: --global cannot be used with --local\n");
        assertThat(Files.exists(globalFile())).isFalse();
    }

    @Test
    void aValueCannotReplaceASection() throws IOException {
        write(globalFile(), RICH);

        CommandResult result = Launcher.in(home).run("config", "set", "studio.url.path", "x");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).isEqualTo("Error: cannot set studio.url.path: studio.url is a value, not a section\n");
        assertThat(Files.readString(globalFile())).isEqualTo(RICH);
    }

    @Test
    void concurrentLaunchersEachKeepTheirKey() throws Exception {
        write(globalFile(), RICH);
        List<Process> writers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            writers.add(Launcher.in(home).start("config", "set", "writers.w" + i, "v" + i));
        }
        for (Process writer : writers) {
            assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(writer.exitValue()).isZero();
        }

        String text = Files.readString(globalFile());
        assertThat(text).startsWith(RICH + "\n[writers]\n");
        for (int i = 0; i < 4; i++) {
            assertThat(text).contains("w" + i + " = \"v" + i + "\"\n");
        }
    }

    @Test
    void theImageHasNoJavaNamingOrSqlAndStillWritesConfig() throws Exception {
        Path java = Launcher.path().getParent().resolve("java");
        Process modules = new ProcessBuilder(java.toString(), "--list-modules").start();
        String list = new String(modules.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(modules.waitFor()).isZero();
        assertThat(list).doesNotContain("java.naming@", "java.sql@").contains("org.apache.commons.configuration2");

        CommandResult set = Launcher.in(home).run("config", "set", "studio.url", "https://studio.example.com");

        assertThat(set.exitCode()).as(set.toString()).isZero();
        assertThat(Files.readString(globalFile())).isEqualTo("[studio]\nurl = \"https://studio.example.com\"\n");
    }

    @Test
    void helpDescribesTheGroupAndEachCommand() {
        CommandResult group = Launcher.in(home).run("config", "--help");
        assertThat(group.stdout()).contains("Read and change settings in the configuration files.")
                .containsPattern("(?m)^  get +Print the value of a setting\\.")
                .containsPattern("(?m)^  list +List settings")
                .containsPattern("(?m)^  set +Set a setting")
                .containsPattern("(?m)^  unset +Remove a setting");

        CommandResult list = Launcher.in(home).run("config", "list", "--help");
        assertThat(list.stdout()).contains("--show-origin", "--global", "--local", "--system",
                "datachain config list --show-origin");
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
