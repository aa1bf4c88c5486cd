package ai.datachain.toolkit.dist;

import static ai.datachain.toolkit.dist.AuthSandbox.POST_LOGIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ai.datachain.toolkit.testkit.CommandResult;
import ai.datachain.toolkit.testkit.DatachainRunner;
import ai.datachain.toolkit.testkit.FakeStudio;
import ai.datachain.toolkit.testkit.ProxyRequest;
import ai.datachain.toolkit.testkit.RecordedRequest;
import ai.datachain.toolkit.testkit.RecordingProxy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rows of docs/compatibility.md marked "same" that no other end-to-end test checks, and two
 * deliberate differences no other test shows, each test named after its row.
 * Other operating systems are simulated by setting {@code os.name} for the launcher's JVM (the
 * launcher splits DATACHAIN_JAVA_OPTS on spaces, so macOS is named "Mac" here; Java says "Mac OS X").
 */
class CompatibilityIT {

    private static final String MACOS = "-Dos.name=Mac";
    private static final String WINDOWS = "-Dos.name=Windows";

    @TempDir
    Path home;

    @Test
    void startAndPollAreUnauthenticatedJsonPosts() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.studio.approveAfterPolls(1);

            CommandResult result = sandbox.runner.run("auth", "login", "--no-open");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(sandbox.studio.requests()).hasSize(3).allSatisfy(request -> {
                assertThat(request.method()).isEqualTo("POST");
                assertThat(request.header("Content-Type")).contains("application/json");
                assertThat(request.header("Authorization")).isEmpty();
            });
            assertThat(sandbox.studio.requests()).extracting(RecordedRequest::path).containsExactly(
                    "/api/device-login", "/api/device-login/token", "/api/device-login/token");
        }
    }

    @Test
    void theHostnameComesFromTheOptionThenDatachainStudioUrlThenTheConfig() {
        try (AuthSandbox sandbox = new AuthSandbox(home); FakeStudio fromEnvironment = quick(FakeStudio.start());
                FakeStudio fromOption = quick(FakeStudio.start())) {
            sandbox.studio.autoApprove(true);
            AuthSandbox.write(home.resolve("system/config"), "[studio]\nurl = \"" + sandbox.studio.url() + "\"\n");
            sandbox.runner.env("DATACHAIN_STUDIO_URL", fromEnvironment.url());

            assertThat(sandbox.runner.run("auth", "login", "--no-open", "-H", fromOption.url()).exitCode()).isZero();
            deleteGlobalConfig(sandbox);
            assertThat(sandbox.runner.run("auth", "login", "--no-open").exitCode()).isZero();
            deleteGlobalConfig(sandbox);
            assertThat(sandbox.runner.unsetEnv("DATACHAIN_STUDIO_URL").run("auth", "login", "--no-open").exitCode())
                    .isZero();

            assertThat(fromOption.deviceLoginBodies()).hasSize(1);
            assertThat(fromEnvironment.deviceLoginBodies()).hasSize(1);
            assertThat(sandbox.studio.deviceLoginBodies()).hasSize(1);
        }
    }

    @Test
    void withoutAnyHostnameTheLoginGoesToStudioDatachainAi() {
        // The proxy knows no host names, so nothing leaves this machine; it records where the client went.
        try (AuthSandbox sandbox = new AuthSandbox(home); RecordingProxy proxy = RecordingProxy.start()) {
            CommandResult result = sandbox.runner.unsetEnv("DATACHAIN_STUDIO_URL").env("HTTPS_PROXY", proxy.url())
                    .run("auth", "login", "--no-open");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
            assertThat(result.stderr()).startsWith("Error: Failed to authenticate with Studio: could not reach"
                    + " https://studio.datachain.ai (");
            assertThat(proxy.requests()).extracting(ProxyRequest::method, ProxyRequest::target)
                    .containsExactly(tuple("CONNECT", "studio.datachain.ai:443"));
        }
    }

    @Test
    void withADisplayAndNoBrowserVariableXdgOpenGetsTheLink() throws IOException {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.studio.approveAfterPolls(1);
            Path bin = Files.createDirectories(home.resolve("bin"));
            Path xdgOpen = bin.resolve("xdg-open");
            Files.writeString(xdgOpen, "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + sandbox.browserLog() + "'\n");
            Files.setPosixFilePermissions(xdgOpen, PosixFilePermissions.fromString("rwx------"));

            CommandResult result = sandbox.runner.env("DISPLAY", ":0")
                    .env("PATH", bin + ":" + sandbox.runner.environment().get("PATH")).run("auth", "login");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).startsWith("Opening link for login at " + sandbox.verificationUrl() + "\n\n"
                    + POST_LOGIN + "\n");
            assertThat(result.stderr()).isEqualTo(sandbox.loginTarget());
            assertThat(AuthSandbox.read(sandbox.browserLog())).isEqualTo(sandbox.verificationUrl() + "\n");
        }
    }

    @Test
    void onLinuxTheGlobalConfigIsInXdgConfigHomeElseDotConfig() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            Path xdg = home.resolve("xdg-config");

            CommandResult dotConfig = sandbox.runner.run("auth", "team", "dot-team");
            CommandResult xdgConfig = sandbox.runner.env("XDG_CONFIG_HOME", xdg.toString())
                    .run("auth", "team", "xdg-team");

            assertThat(dotConfig.stdout()).isEqualTo("Set default team to 'dot-team' in " + home.resolve(
                    ".config/datachain/config") + "\n");
            assertThat(xdgConfig.stdout()).isEqualTo("Set default team to 'xdg-team' in " + xdg.resolve(
                    "datachain/config") + "\n");
            assertThat(AuthSandbox.read(xdg.resolve("datachain/config"))).isEqualTo("[studio]\nteam = \"xdg-team\"\n");
        }
    }

    @Test
    void theSystemConfigIsInEtcXdgWhenXdgConfigDirsIsUnsetOrEmpty() throws IOException {
        Path etcXdg = Path.of("/etc/xdg");
        Assumptions.assumeTrue(Files.isDirectory(etcXdg) && ConfinedLauncher.available(), "needs /etc/xdg and a"
                + " private mount namespace (unshare -rm) to put a directory of the test's own in its place");
        Path standIn = home.resolve("etc-xdg");
        AuthSandbox.write(standIn.resolve("datachain/config"), "[studio]\nteam = \"etc-team\"\n");
        DatachainRunner runner = ConfinedLauncher.over(home, standIn, etcXdg);

        CommandResult unset = runner.run("auth", "team");
        CommandResult empty = runner.env("XDG_CONFIG_DIRS", "").run("auth", "team");

        assertThat(unset.exitCode()).as(unset.toString()).isZero();
        assertThat(unset.stdout()).isEqualTo("Default team is 'etc-team'\n");
        assertThat(empty.stdout()).isEqualTo("Default team is 'etc-team'\n");
    }

    @Test
    void theSystemConfigIsInTheFirstXdgConfigDirsEntry() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            Path first = home.resolve("xdg-first");
            Path second = home.resolve("xdg-second");
            AuthSandbox.write(first.resolve("datachain/config"), "[studio]\nteam = \"first-team\"\n");
            AuthSandbox.write(second.resolve("datachain/config"), "[studio]\nteam = \"second-team\"\n");
            sandbox.runner.unsetEnv("DATACHAIN_SYSTEM_CONFIG_DIR").env("XDG_CONFIG_DIRS", first + ":" + second);

            CommandResult result = sandbox.runner.run("auth", "team");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).isEqualTo("Default team is 'first-team'\n");
            assertThat(sandbox.runner.env("XDG_CONFIG_DIRS", second + ":" + first).run("auth", "team").stdout())
                    .isEqualTo("Default team is 'second-team'\n");
        }
    }

    @Test
    void onMacOsTheGlobalConfigIsInApplicationSupport() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            Path file = home.resolve("Library/Application Support/datachain/config");

            CommandResult result = sandbox.runner.env("DATACHAIN_JAVA_OPTS", MACOS).run("auth", "team", "ml-team");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).isEqualTo("Set default team to 'ml-team' in " + file + "\n");
            assertThat(AuthSandbox.read(file)).isEqualTo("[studio]\nteam = \"ml-team\"\n");
            assertThat(sandbox.globalConfig()).doesNotExist();
        }
    }

    @Test
    void onMacOsXdgVariablesTakePrecedence() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            Path xdgHome = home.resolve("xdg-home");
            Path xdgDirs = home.resolve("xdg-dirs");
            AuthSandbox.write(xdgDirs.resolve("datachain/config"), "[studio]\ntoken = \"isat_system\"\n");
            sandbox.runner.env("DATACHAIN_JAVA_OPTS", MACOS).unsetEnv("DATACHAIN_SYSTEM_CONFIG_DIR")
                    .env("XDG_CONFIG_HOME", xdgHome.toString()).env("XDG_CONFIG_DIRS", xdgDirs.toString());

            CommandResult team = sandbox.runner.run("auth", "team", "ml-team");
            CommandResult token = sandbox.runner.run("auth", "token");

            assertThat(team.stdout())
                    .isEqualTo("Set default team to 'ml-team' in " + xdgHome.resolve("datachain/config") + "\n");
            assertThat(token.stdout()).isEqualTo("isat_system\n");
        }
    }

    @Test
    void onWindowsTheConfigsAreInLocalAppDataAndProgramData() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            Path localAppData = home.resolve("AppData/Local");
            Path programData = home.resolve("ProgramData");
            AuthSandbox.write(programData.resolve("iterative/datachain/config"), "[studio]\ntoken = \"isat_system\"\n");
            sandbox.runner.env("DATACHAIN_JAVA_OPTS", WINDOWS).unsetEnv("DATACHAIN_SYSTEM_CONFIG_DIR")
                    .env("LOCALAPPDATA", localAppData.toString()).env("PROGRAMDATA", programData.toString())
                    .env("XDG_CONFIG_HOME", home.resolve("xdg").toString());

            CommandResult team = sandbox.runner.run("auth", "team", "ml-team");
            CommandResult token = sandbox.runner.run("auth", "token");

            Path file = localAppData.resolve("iterative/datachain/config");
            assertThat(team.exitCode()).as(team.toString()).isZero();
            assertThat(team.stdout()).isEqualTo("Set default team to 'ml-team' in " + file + "\n");
            assertThat(AuthSandbox.read(file)).isEqualTo("[studio]\nteam = \"ml-team\"\n");
            assertThat(token.stdout()).isEqualTo("isat_system\n");
            assertThat(home.resolve("xdg")).doesNotExist();
        }
    }

    @Test
    void authWithoutASubcommandShowsItsSubcommands() {
        CommandResult result = Launcher.in(home).run("auth");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).containsPattern("(?m)^  login +").containsPattern("(?m)^  logout +")
                .containsPattern("(?m)^  token +").containsPattern("(?m)^  team +");
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void authTokenAndAuthTeamAlsoReadTheStudioVariables() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            AuthSandbox.write(sandbox.globalConfig(), "[studio]\ntoken = \"isat_file\"\nteam = \"file-team\"\n");
            sandbox.runner.env("DATACHAIN_STUDIO_TOKEN", "isat_environment").env("DATACHAIN_STUDIO_TEAM", "env-team");

            assertThat(sandbox.runner.run("auth", "token").stdout()).isEqualTo("isat_environment\n");
            assertThat(sandbox.runner.run("auth", "team").stdout()).isEqualTo("Default team is 'env-team'\n");
        }
    }

    private static FakeStudio quick(FakeStudio studio) {
        return studio.autoApprove(true).interval(0.05);
    }

    private static void deleteGlobalConfig(AuthSandbox sandbox) {
        try {
            Files.delete(sandbox.globalConfig());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
