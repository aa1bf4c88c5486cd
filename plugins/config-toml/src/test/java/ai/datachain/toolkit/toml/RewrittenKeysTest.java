package ai.datachain.toolkit.toml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A key cleared and set again in one edit is rewritten: its old line goes and it is written after
 * the last key of its table, in the order set, as a new key is. That is how a login puts its own
 * keys after the reference client's keys even when a stale copy of them sat above. A key only set
 * keeps its place and its comment.
 */
class RewrittenKeysTest {

    private static final String URL = "studio.url";
    private static final String TOKEN = "studio.token";
    private static final String NAME = "studio.token_name";
    private static final String SCOPES = "studio.token_scopes";
    private static final String FINGERPRINT = "studio.token_fingerprint";

    /** What a reference logout leaves of our login: url and our record, no token. */
    private static final String AFTER_REFERENCE_LOGOUT = """
            [studio]
            url = "https://studio.datachain.ai"
            token_name = "laptop"
            token_scopes = ["EXPERIMENTS", "DATASETS"]
            token_fingerprint = "aaaaaaaaaaaa"
            """;

    @Test
    void aLoginAfterAReferenceLogoutWritesTheTokenBeforeTheRewrittenRecord() throws Exception {
        TomlConfiguration doc = read(AFTER_REFERENCE_LOGOUT);

        login(doc, "https://studio.datachain.ai", "isat_new", "desk");

        assertThat(ReferenceFixturesTest.write(doc)).isEqualTo("""
                [studio]
                url = "https://studio.datachain.ai"
                token = "isat_new"
                token_name = "desk"
                token_scopes = ["EXPERIMENTS", "DATASETS"]
                token_fingerprint = "bbbbbbbbbbbb"
                """);
    }

    @Test
    void rewrittenKeysGoAfterTheLastKeyOfTheirTableNotAfterTheNextTable() throws Exception {
        TomlConfiguration doc = read(AFTER_REFERENCE_LOGOUT + "\n# remote storage\n[remote]\nname = \"s3://b\"\n");

        login(doc, "https://studio.datachain.ai", "isat_new", "desk");

        assertThat(ReferenceFixturesTest.write(doc)).isEqualTo("""
                [studio]
                url = "https://studio.datachain.ai"
                token = "isat_new"
                token_name = "desk"
                token_scopes = ["EXPERIMENTS", "DATASETS"]
                token_fingerprint = "bbbbbbbbbbbb"

                # remote storage
                [remote]
                name = "s3://b"
                """);
    }

    @Test
    void aRewrittenKeyWithItsOldValueStillMoves() throws Exception {
        TomlConfiguration doc = read("[studio]\nurl = \"u\"\ntoken_name = \"same\"\ntoken = \"t\"\n");

        doc.clearProperty(NAME);
        doc.setProperty(TOKEN, "t2");
        doc.setProperty(NAME, "same");

        assertThat(ReferenceFixturesTest.write(doc))
                .isEqualTo("[studio]\nurl = \"u\"\ntoken = \"t2\"\ntoken_name = \"same\"\n");
    }

    @Test
    void aKeyPlacedByHandThatIsOnlySetOrLeftAloneKeepsItsPlaceAndComment() throws Exception {
        String byHand = """
                [studio]
                token_name = "mine"  # by hand
                custom = 1
                url = "https://studio.datachain.ai"
                token = "isat_old"
                """;
        TomlConfiguration doc = read(byHand);

        doc.setProperty("studio.team", "ml-team");
        doc.setProperty(NAME, "renamed");

        assertThat(ReferenceFixturesTest.write(doc)).isEqualTo("""
                [studio]
                token_name = "renamed"  # by hand
                custom = 1
                url = "https://studio.datachain.ai"
                token = "isat_old"
                team = "ml-team"
                """);
    }

    @Test
    void aLoginMovesOnlyTheKeysItRewritesOutOfAHandWrittenOrder() throws Exception {
        TomlConfiguration doc = read("""
                [studio]
                token_name = "mine"  # by hand
                custom = 1
                url = "https://studio.datachain.ai"
                """);

        login(doc, "https://studio.example.com", "isat_new", "desk");

        assertThat(ReferenceFixturesTest.write(doc)).isEqualTo("""
                [studio]
                custom = 1
                url = "https://studio.example.com"
                token = "isat_new"
                token_name = "desk"
                token_scopes = ["EXPERIMENTS", "DATASETS"]
                token_fingerprint = "bbbbbbbbbbbb"
                """);
    }

    @Test
    void aClearedKeyThatIsNotSetAgainIsRemoved() throws Exception {
        TomlConfiguration doc = read(AFTER_REFERENCE_LOGOUT);

        doc.clearProperty(NAME);
        doc.clearProperty(SCOPES);
        doc.clearProperty(FINGERPRINT);

        assertThat(ReferenceFixturesTest.write(doc)).isEqualTo("[studio]\nurl = \"https://studio.datachain.ai\"\n");
    }

    @Test
    void aSecondWriteOnlyMovesWhatWasRewrittenSinceTheFirst() throws Exception {
        TomlConfiguration doc = read("[studio]\ntoken_name = \"a\"\nurl = \"u\"\n");
        doc.clearProperty(NAME);
        doc.setProperty(NAME, "b");
        ReferenceFixturesTest.write(doc);

        doc.setProperty(TOKEN, "t");

        assertThat(ReferenceFixturesTest.write(doc)).isEqualTo("[studio]\nurl = \"u\"\ntoken_name = \"b\"\ntoken = \"t\"\n");
    }

    @Test
    void aKeyWithADotInItsNameIsRewrittenByItsEscapedName() throws Exception {
        TomlConfiguration doc = read("\"a.b\" = 1\nc = 2\n");

        doc.clearProperty("a..b");
        doc.setProperty("c", 3);
        doc.setProperty("a..b", 1);

        assertThat(ReferenceFixturesTest.write(doc)).isEqualTo("c = 3\n\"a.b\" = 1\n");
    }

    @Test
    void aKeyNamingOneArrayElementIsEditedInPlace() throws Exception {
        TomlConfiguration doc = read("[[jobs]]\nname = \"first\"\nretries = 1\n");

        doc.clearProperty("jobs(0).name");
        doc.setProperty("jobs(0).name", "renamed");

        assertThat(ReferenceFixturesTest.write(doc)).isEqualTo("[[jobs]]\nname = \"renamed\"\nretries = 1\n");
    }

    /** The keys a login writes, in the order it writes them: our record cleared, then set after the reference's keys. */
    private static void login(TomlConfiguration doc, String url, String token, String tokenName) {
        List.of(NAME, SCOPES, FINGERPRINT).forEach(doc::clearProperty);
        doc.setProperty(URL, url);
        doc.setProperty(TOKEN, token);
        doc.clearProperty("studio.team");
        doc.setProperty(NAME, tokenName);
        doc.setProperty(SCOPES, List.of("EXPERIMENTS", "DATASETS"));
        doc.setProperty(FINGERPRINT, "bbbbbbbbbbbb");
    }

    private static TomlConfiguration read(String text) throws Exception {
        TomlConfiguration doc = new TomlConfiguration();
        doc.read(new StringReader(text));
        return doc;
    }
}
