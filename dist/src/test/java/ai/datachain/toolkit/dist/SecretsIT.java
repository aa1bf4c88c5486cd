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
