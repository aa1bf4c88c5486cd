package ai.datachain.toolkit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ai.datachain.toolkit.testkit.CommandResult;
import ai.datachain.toolkit.testkit.DatachainRunner;
import ai.datachain.toolkit.testkit.FakeStudio;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a login puts its keys in a {@code [studio]} table that already holds some: the reference
 * client's keys first, our record after them, whatever an earlier login or logout left behind.
 */
class LoginKeyOrderTest {

    private static final String TOKEN = "isat_0123456789abcdefghijABCDEFGHIJ";
    private static final String SECOND_TOKEN = "isat_second0123456789abcdefghijABCD";
    private static final String SCOPES = "token_scopes = [\"EXPERIMENTS\", \"DATASETS\", \"MODELS\"]\n";

    @TempDir
    Path home;

    private final FakeStudio studio = FakeStudio.start().interval(0.02).nextAccessToken(TOKEN).autoApprove(true);
    private DatachainRunner datachain;

    @BeforeEach
    void setUp() throws IOException {
        Path project = Files.createDirectories(home.resolve("project"));
        datachain = DatachainRunner.inProcess(home).plugin(CompiledPlugin.directory()).workingDirectory(project)
                .env("DATACHAIN_SYSTEM_CONFIG_DIR", home.resolve("system").toString());
    }

    @AfterEach
    void stop() {
        studio.close();
    }

    @Test
    void aLoginAfterAReferenceLogoutPutsTheTokenBeforeOurStaleRecord() {
        // What the reference's logout leaves of our login: url and our record, token and team removed.
        write("[studio]\nurl = \"" + studio.url() + "\"\ntoken_name = \"laptop\"\n" + SCOPES
                + "token_teams = [\"data-team\"]\ntoken_expires = \"2027-01-01\"\n"
                + "token_fingerprint = \"0123456789ab\"\n");

        login("--name", "desk");

        assertThat(read()).isEqualTo("[studio]\nurl = \"" + studio.url() + "\"\ntoken = \"" + TOKEN + "\"\n"
                + record("desk"));
    }

    @Test
    void aSecondNamedLoginAfterOurLogoutWritesTheSameOrder() {
        login("--name", "first");
        CommandResult logout = datachain.run("auth", "logout");
        assertThat(logout.exitCode()).as(logout.toString()).isZero();
        assertThat(read()).isEqualTo("[studio]\nurl = \"" + studio.url() + "\"\n");
        studio.nextAccessToken(SECOND_TOKEN);

        login("--name", "second");

        assertThat(read()).isEqualTo("[studio]\nurl = \"" + studio.url() + "\"\ntoken = \"" + SECOND_TOKEN
                + "\"\n" + record("second", SECOND_TOKEN));
    }

    @Test
    void aSecondNamedLoginAfterAReferenceLogoutWritesTheSameOrder() {
        login("--name", "first");
        // The reference's logout drops the token's line (and team's) and nothing else.
        write(read().replace("token = \"" + TOKEN + "\"\n", ""));
        assertThat(read()).isEqualTo("[studio]\nurl = \"" + studio.url() + "\"\n" + record("first"));
        studio.nextAccessToken(SECOND_TOKEN);

        login("--name", "second");

        assertThat(read()).isEqualTo("[studio]\nurl = \"" + studio.url() + "\"\ntoken = \"" + SECOND_TOKEN
                + "\"\n" + record("second", SECOND_TOKEN));
    }

    @Test
    void aLoginMovesTheRecordKeysItRewritesButNotTheUsersOwnKeys() {
        write("[studio]\n# mine\ntoken_name = \"by-hand\"  # placed here\nmy_note = \"keep\"\nurl = \""
                + studio.url() + "\"\n");

        login("--name", "desk");

        assertThat(read()).isEqualTo("[studio]\n# mine\nmy_note = \"keep\"\nurl = \"" + studio.url() + "\"\n"
                + "token = \"" + TOKEN + "\"\n" + record("desk"));
    }

    @Test
    void anEditThatDoesNotRewriteTheRecordLeavesAHandPlacedRecordWhereItIs() {
        String byHand = "[studio]\ntoken_name = \"by-hand\"  # placed here\nurl = \"" + studio.url() + "\"\n"
                + "token = \"isat_old\"\n";
        write(byHand);

        CommandResult result = datachain.run("auth", "team", "ml-team");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(read()).isEqualTo(byHand + "team = \"ml-team\"\n");
    }

    private void login(String... options) {
        List<String> arguments = new ArrayList<>(List.of("auth", "login", "--no-open", "-H", studio.url()));
        arguments.addAll(List.of(options));
        CommandResult result = datachain.run(arguments.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.toString()).isZero();
    }

    private static String record(String tokenName) {
        return record(tokenName, TOKEN);
    }

    /** Our record of a default login (every scope, no team, 365 days), as the login writes it. */
    private static String record(String tokenName, String token) {
        return "token_name = \"" + tokenName + "\"\n" + SCOPES + "token_expires = \"" + LocalDate.now().plusDays(365)
                + "\"\ntoken_fingerprint = \"" + TokenRecord.fingerprint(token) + "\"\n";
    }

    private Path global() {
        return home.resolve(".config/datachain/config");
    }

    private String read() {
        try {
            return Files.readString(global(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String text) {
        try {
            Files.createDirectories(global().getParent());
            Files.writeString(global(), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
