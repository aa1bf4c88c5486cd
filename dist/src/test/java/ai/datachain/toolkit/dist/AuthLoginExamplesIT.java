package ai.datachain.toolkit.dist;

import static ai.datachain.toolkit.dist.AuthSandbox.ALL_SCOPES;
import static ai.datachain.toolkit.dist.AuthSandbox.POST_LOGIN;
import static ai.datachain.toolkit.dist.AuthSandbox.recordLines;
import static org.assertj.core.api.Assertions.assertThat;

import ai.datachain.toolkit.testkit.CommandResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The nine documented {@code auth login} examples, typed exactly as documented, against the Studio
 * stand-in: the JSON each sends, what it prints, and the bytes of the file it writes. Then the
 * reference client's own before/after files.
 */
class AuthLoginExamplesIT {

    @TempDir
    Path home;

    /**
     * @param body the device-login request body, exactly
     * @param scopes the scopes recorded
     * @param teams the --team values
     * @param days the token lifetime
     * @param local whether the local config is written
     * @param browser whether the browser flow runs
     */
    record Example(String commandLine, String body, List<String> scopes, List<String> teams, int days, boolean local,
            boolean browser) {

        @Override
        public String toString() {
            return commandLine;
        }
    }

    static Stream<Arguments> examples() {
        return Stream.of(
                new Example("datachain auth login", "{\"client_name\": \"DataChain\", \"expires_in_days\": 365}",
                        ALL_SCOPES, List.of(), 365, false, true),
                new Example("datachain auth login --scopes EXPERIMENTS,DATASETS", "{\"client_name\": \"DataChain\","
                        + " \"scopes\": [\"EXPERIMENTS\", \"DATASETS\"], \"expires_in_days\": 365}",
                        List.of("EXPERIMENTS", "DATASETS"), List.of(), 365, false, true),
                new Example("datachain auth login --name my-token", "{\"client_name\": \"DataChain\", \"token_name\":"
                        + " \"my-token\", \"expires_in_days\": 365}", ALL_SCOPES, List.of(), 365, false, true),
                new Example("datachain auth login --no-open", "{\"client_name\": \"DataChain\", \"expires_in_days\":"
                        + " 365}", ALL_SCOPES, List.of(), 365, false, false),
                new Example("datachain auth login --local", "{\"client_name\": \"DataChain\", \"expires_in_days\":"
                        + " 365}", ALL_SCOPES, List.of(), 365, true, true),
                new Example("datachain auth login --team data-team", "{\"client_name\": \"DataChain\", \"team_names\":"
                        + " [\"data-team\"], \"expires_in_days\": 365}", ALL_SCOPES, List.of("data-team"), 365, false,
                        true),
                new Example("datachain auth login --team data-team --team ml-team", "{\"client_name\": \"DataChain\","
                        + " \"team_names\": [\"data-team\", \"ml-team\"], \"expires_in_days\": 365}", ALL_SCOPES,
                        List.of("data-team", "ml-team"), 365, false, true),
                new Example("datachain auth login --expires-in 90", "{\"client_name\": \"DataChain\","
                        + " \"expires_in_days\": 90}", ALL_SCOPES, List.of(), 90, false, true),
                new Example("datachain auth login --team data-team --expires-in 30 --name short-term-token",
                        "{\"client_name\": \"DataChain\", \"token_name\": \"short-term-token\", \"team_names\":"
                                + " [\"data-team\"], \"expires_in_days\": 30}",
                        ALL_SCOPES, List.of("data-team"), 30, false, true))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void documentedExampleWorksAsTyped(Example example) throws Exception {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.studio.approveAfterPolls(1);
            sandbox.runner.env("BROWSER", sandbox.recordingBrowser().toString());
            String[] words = example.commandLine().split(" ");

            CommandResult result = sandbox.runner.run(List.of(words).subList(1, words.length).toArray(String[]::new));

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stderr())
                    .isEqualTo(sandbox.loginTarget() + (example.browser() ? "" : sandbox.userCodeLine()));
            assertThat(sandbox.studio.deviceLoginBodies()).containsExactly(example.body());
            Path file = example.local() ? sandbox.localConfig() : sandbox.globalConfig();
            String url = sandbox.verificationUrl();

            List<String> lines = new ArrayList<>();
            lines.add(example.browser() ? "Opening link for login at " + url
                    : "Open this url to continue in your web browser: " + url);
            lines.add("");
            lines.add(POST_LOGIN);
            lines.add("Authentication complete. Saved token to " + file + ".");
            if (!example.teams().isEmpty()) {
                lines.add("Token is scoped to teams: " + String.join(", ", example.teams()));
            }
            lines.add("Token will expire in " + example.days() + " days.");
            lines.add(example.teams().size() == 1 ? "Set default team to '" + example.teams().get(0) + "' in " + file
                    : "You can now use 'datachain auth team' to set the default team.");
            assertThat(result.stdout()).isEqualTo(String.join("\n", lines) + "\n");

            if (example.browser()) {
                assertThat(AuthSandbox.read(sandbox.browserLog())).isEqualTo(url + "\n");
            } else {
                assertThat(sandbox.browserLog()).doesNotExist();
            }

            String team = example.teams().size() == 1 ? "team = \"" + example.teams().get(0) + "\"\n" : "";
            assertThat(AuthSandbox.read(file)).isEqualTo("[studio]\n"
                    + "url = \"" + sandbox.studio.url() + "\"\n"
                    + "token = \"" + AuthSandbox.TOKEN + "\"\n" + team
                    + recordLines(sandbox.studio.lastTokenName().orElseThrow(), example.scopes(), example.teams(),
                            example.days()));
            assertThat(example.local() ? sandbox.globalConfig() : sandbox.localConfig()).doesNotExist();
        }
    }

    @Test
    void freshLoginWritesTheReferenceBytes() {
        assertFixture("01-login-fresh", "https://studio.datachain.ai", List.of());
    }

    @Test
    void oneTeamLoginWritesTheReferenceBytes() {
        assertFixture("02-login-one-team", "https://studio.datachain.ai", List.of("--team", "data-team"));
    }

    @Test
    void loginKeepsCommentsAndOtherTablesOfARichFile() {
        assertFixture("03-login-into-rich-file", "https://studio.example.com", List.of());
    }

    @Test
    void twoTeamsOverAnotherStudiosLoginClearTheTeam() {
        // Before: a token for https://studio.example.com; the login goes to the stand-in instead.
        assertFixture("04-login-two-teams-clears-team", "https://studio2.example.com",
                List.of("--team", "a", "--team", "b"));
    }

    @Test
    void aLoginAfterAReferenceLogoutWritesTheReferenceBytesThenOurRecord() {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.studio.autoApprove(true);
            String studioUrl = "https://studio.example.com";
            AuthSandbox.write(sandbox.globalConfig(), sandbox.fixture("03-login-into-rich-file.before"));
            CommandResult first = sandbox.runner.run("auth", "login", "--no-open", "-H", sandbox.studio.url(),
                    "--name", "laptop");
            assertThat(first.exitCode()).as(first.toString()).isZero();
            String loggedIn = AuthSandbox.read(sandbox.globalConfig());
            assertThat(loggedIn).isEqualTo(sandbox.fixture("03-login-into-rich-file.after", studioUrl)
                    + recordLines("laptop", ALL_SCOPES, List.of(), 365));

            // The reference's logout removes its token line and leaves our record, as in 05-logout.
            String referenceLogout = loggedIn.replace("token = \"" + AuthSandbox.TOKEN + "\"\n", "");
            assertThat(referenceLogout).isEqualTo(sandbox.fixture("05-logout.after", studioUrl)
                    + recordLines("laptop", ALL_SCOPES, List.of(), 365));
            AuthSandbox.write(sandbox.globalConfig(), referenceLogout);
            sandbox.studio.nextAccessToken(AuthSandbox.TOKEN);

            CommandResult second = sandbox.runner.run("auth", "login", "--no-open", "-H", sandbox.studio.url(),
                    "--name", "desk");

            assertThat(second.exitCode()).as(second.toString()).isZero();
            assertThat(AuthSandbox.read(sandbox.globalConfig()))
                    .isEqualTo(sandbox.fixture("03-login-into-rich-file.after", studioUrl)
                            + recordLines("desk", ALL_SCOPES, List.of(), 365));
        }
    }

    /** Logs in over the fixture's before-file; the after-file plus our record is the expected file. */
    private void assertFixture(String name, String fixtureUrl, List<String> teamOptions) {
        try (AuthSandbox sandbox = new AuthSandbox(home)) {
            sandbox.studio.autoApprove(true);
            String before = sandbox.fixture(name + ".before");
            if (!before.isEmpty()) {
                AuthSandbox.write(sandbox.globalConfig(), before);
            }
            List<String> args = new ArrayList<>(List.of("auth", "login", "--no-open", "-H", sandbox.studio.url()));
            args.addAll(teamOptions);

            CommandResult result = sandbox.runner.run(args.toArray(String[]::new));

            assertThat(result.exitCode()).as(result.toString()).isZero();
            List<String> teams = teamOptions.stream().filter(word -> !word.equals("--team")).toList();
            String expected = sandbox.fixture(name + ".after", fixtureUrl)
                    + recordLines(sandbox.studio.lastTokenName().orElseThrow(), ALL_SCOPES, teams, 365);
            assertThat(AuthSandbox.read(sandbox.globalConfig())).isEqualTo(expected);
            assertThat(Files.exists(sandbox.localConfig())).isFalse();
        }
    }
}
