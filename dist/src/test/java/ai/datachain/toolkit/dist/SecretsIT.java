package ai.datachain.toolkit.dist;

import static ai.datachain.toolkit.dist.AuthSandbox.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import ai.datachain.toolkit.testkit.CommandResult;
import ai.datachain.toolkit.testkit.StudioAnswer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No token, device code or {@code Authorization} header in anything an auth command prints, at
 * the highest verbosity (debug lines, library logs and stack traces on), on success and on
 * failure. {@code auth token} is left out: printing the token is its job.
 */
class SecretsIT {

    private static final String PIPED_TOKEN = "isat_piped_9876543210zyxwvutsrqp";
    private static final String MASK = "<secret: shown with --show-secrets>";

    @TempDir
    Path home;

    private final Map<String, CommandResult> outputs = new LinkedHashMap<>();
    private final List<String> deviceCodes = new ArrayList<>();

    @Test
    void everyAuthCommandKeepsSecretsOutOfItsOutputAtDebugVerbosity() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.runner.env("BROWSER", sandbox.recordingBrowser().toString());

            sandbox.studio.autoApprove(true);
            record(sandbox, 0, "login (browser)", "auth", "login");
            record(sandbox, 0, "status", "auth", "status");
            record(sandbox, 0, "status --json", "auth", "status", "--json");
            record(sandbox, 0, "team set", "auth", "team", "ml-team");
            record(sandbox, 0, "team show", "auth", "team");
            record(sandbox, 0, "team --json", "auth", "team", "--json");
            record(sandbox, 1, "login when logged in", "auth", "login", "--no-open");
            sandbox.studio.logoutStatus(500);
            record(sandbox, 1, "logout, Studio fails", "auth", "logout");
            sandbox.studio.scriptLogout(StudioAnswer.dropConnection());
            record(sandbox, 1, "logout, connection dropped", "auth", "logout");
            sandbox.studio.logoutStatus(200);
            record(sandbox, 0, "logout", "auth", "logout");
            record(sandbox, 1, "logout when logged out", "auth", "logout");

            sandbox.studio.autoApprove(false).scriptPolls(StudioAnswer.accessDenied());
            record(sandbox, 1, "login (code), denied", "auth", "login", "--no-open");
            sandbox.studio.scriptPolls(StudioAnswer.expired());
            record(sandbox, 1, "login (code), expired", "auth", "login", "--no-open");
            sandbox.studio.approveAfterPolls(1).scriptPolls(StudioAnswer.serverError(500));
            record(sandbox, 0, "login (code), 500 then approved", "auth", "login", "--no-open", "--local", "--json");
            record(sandbox, 0, "logout --local", "auth", "logout", "--local");

            sandbox.runner.stdin("isat with spaces\n");
            record(sandbox, 1, "login --with-token, bad token", "auth", "login", "--with-token");
            sandbox.runner.stdin(PIPED_TOKEN + "\n");
            record(sandbox, 0, "login --with-token", "auth", "login", "--with-token", "--team", "t");
            record(sandbox, 0, "status, piped token", "auth", "status");
            record(sandbox, 1, "login --with-token when logged in", "auth", "login", "--with-token");
            record(sandbox, 0, "logout, piped token", "auth", "logout");

            assertThat(deviceCodes).hasSize(4);
            List<String> secrets = new ArrayList<>(sandbox.studio.issuedTokens());
            assertThat(secrets).hasSize(2).contains(TOKEN);
            secrets.add(PIPED_TOKEN);
            secrets.add("isat with spaces");
            secrets.addAll(deviceCodes);
            // Every token was really used: Studio saw each in an Authorization header.
            assertThat(sandbox.studio.revokedTokens()).containsExactlyInAnyOrderElementsOf(secrets.subList(0, 3));
            outputs.forEach((name, result) -> {
                String everything = result.stdout() + result.stderr();
                assertThat(everything).as(name + "\n" + result).doesNotContainIgnoringCase("authorization");
                for (String secret : secrets) {
                    assertThat(everything).as(name + "\n" + result).doesNotContain(secret);
                }
            });
            // The highest verbosity really was on: debug lines, and a stack trace for a failure.
            assertThat(outputs.get("logout, Studio fails").stderr()).contains("debug: POST ")
                    .contains("\tat ai.datachain.toolkit.");
        }
    }

    @Test
    void configCommandsMaskTheTokenUnlessAskedAndEveryNewMessageKeepsItOut() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            Path global = sandbox.globalConfig();
            sandbox.runner.stdin(TOKEN + "\n");
            record(sandbox, 0, "config set studio.token -", "config", "set", "studio.token", "-");
            assertThat(AuthSandbox.read(global)).isEqualTo("[studio]\ntoken = \"" + TOKEN + "\"\n");
            AuthSandbox.write(sandbox.localConfig(), "[studio]\nteam = \"t\"\n[s3]\nclient_secret = \"" + PIPED_TOKEN
                    + "\"\n");

            record(sandbox, 0, "config list", "config", "list");
            record(sandbox, 0, "config list --show-origin", "config", "list", "--show-origin");
            record(sandbox, 0, "config list --global", "config", "list", "--global");
            assertThat(outputs.get("config list").stdout()).isEqualTo("s3.client_secret=" + MASK + "\n"
                    + "studio.team=t\nstudio.token=" + MASK + "\nstudio.url=" + sandbox.studio.url() + "\n");
            assertThat(outputs.get("config list --show-origin").stdout()).contains("global\tfile:" + global
                    + "\tstudio.token=" + MASK + "\n");
            assertThat(outputs.get("config list --global").stdout()).isEqualTo("studio.token=" + MASK + "\n");

            // Asked for, the secrets are there: these outputs are left out of the check below.
            CommandResult shown = sandbox.runner.run("config", "list", "--global", "--show-secrets");
            CommandResult get = sandbox.runner.run("config", "get", "studio.token");
            assertThat(shown.stdout()).isEqualTo("studio.token=" + TOKEN + "\n");
            assertThat(get.stdout()).isEqualTo(TOKEN + "\n");

            // The new refusals: a token that is not one, from a file or from Studio, and a token_uri elsewhere.
            AuthSandbox.write(global, "[studio]\ntoken = \"" + TOKEN + "\\u200b\"\n");
            record(sandbox, 1, "auth token, invisible character", "auth", "token");
            record(sandbox, 1, "logout, invisible character", "auth", "logout");
            AuthSandbox.write(global, "");
            sandbox.runner.stdin(PIPED_TOKEN + "\u2066\n");
            record(sandbox, 1, "login --with-token, invisible character", "auth", "login", "--with-token");
            sandbox.studio.autoApprove(true).scriptPolls(StudioAnswer.json(200, "{\"access_token\": \"" + TOKEN
                    + "\\u001b\"}"));
            record(sandbox, 1, "login, Studio's token has an escape", "auth", "login", "--no-open");
            sandbox.studio.scriptDeviceLogin(StudioAnswer.json(200, "{\"verification_uri\": \"javascript:x\","
                    + " \"user_code\": \"U\", \"device_code\": \"" + PIPED_TOKEN + "\", \"token_uri\":"
                    + " \"http://127.0.0.2:1/t\"}"));
            record(sandbox, 1, "login, token_uri elsewhere", "auth", "login");
            sandbox.studio.logoutStatus(200);

            List<String> secrets = List.of(TOKEN, PIPED_TOKEN);
            outputs.forEach((name, result) -> {
                String everything = result.stdout() + result.stderr();
                for (String secret : secrets) {
                    assertThat(everything).as(name + "\n" + result).doesNotContain(secret);
                }
            });
            assertThat(sandbox.studio.revokedTokens()).isEmpty();
        }
    }

    @Test
    void aPasswordInTheStudioUrlIsNeverShown() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            String url = sandbox.studio.url().replace("http://", "http://alice:s3cr3t-pw@");
            sandbox.runner.env("DATACHAIN_STUDIO_URL", url);
            sandbox.studio.autoApprove(true);

            record(sandbox, 0, "login", "auth", "login", "--no-open");
            record(sandbox, 0, "status", "auth", "status");
            sandbox.studio.logoutStatus(500);
            record(sandbox, 1, "logout, Studio fails", "auth", "logout");
            record(sandbox, 0, "config list", "config", "list");
            sandbox.runner.env("DATACHAIN_STUDIO_URL", url + "?bad");
            record(sandbox, 1, "status, invalid URL", "auth", "status");

            assertThat(outputs.get("status").stdout()).startsWith("Logged in to Studio at "
                    + sandbox.studio.url().replace("http://", "http://***@") + "\n");
            outputs.forEach((name, result) -> assertThat(result.stdout() + result.stderr()).as(name + "\n" + result)
                    .doesNotContain("s3cr3t-pw").doesNotContain(TOKEN));
        }
    }

    private void record(AuthSandbox sandbox, int exitCode, String name, String... command) {
        String before = sandbox.studio.lastDeviceCode().orElse("");
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("-v", "-v"));
        CommandResult result = sandbox.runner.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(name + "\n" + result).isEqualTo(exitCode);
        sandbox.studio.lastDeviceCode().filter(code -> !code.equals(before)).ifPresent(deviceCodes::add);
        outputs.put(name, result);
    }
}
