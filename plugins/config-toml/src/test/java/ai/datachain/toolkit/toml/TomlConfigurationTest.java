package ai.datachain.toolkit.toml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.junit.jupiter.api.Test;

/** Reading TOML into the node tree, and edits that must leave everything else alone. */
class TomlConfigurationTest {

    private static final String RICH = """
            # top comment
            title = "demo"   # inline on a root key

            [core]
            # a comment inside the table
            minimum_version = "0.20"  # keep in sync
            retries = 3
            ratio = 0.5
            enabled = true
            since = 2024-05-01
            stamp = 1979-05-27T07:32:00Z
            hex = 0xff

            [remote]
            name = 's3://bucket/path'
            regions = [
                "eu-west-1",  # primary
                "us-east-1",
            ]
            empty = []
            point = { x = 1, y = 2 }
            site."google.com" = true

            [[jobs]]
            name = "first"

            [[jobs]]
            name = "second"
            """;

    @Test
    void readsTablesKeysAndTypedValues() throws Exception {
        TomlConfiguration doc = read(RICH);

        assertThat(doc.getString("title")).isEqualTo("demo");
        assertThat(doc.getString("core.minimum_version")).isEqualTo("0.20");
        assertThat(doc.getProperty("core.retries")).isEqualTo(3);
        assertThat(doc.getProperty("core.ratio")).isEqualTo(0.5);
        assertThat(doc.getProperty("core.enabled")).isEqualTo(true);
        assertThat(doc.getProperty("core.since")).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(doc.getProperty("core.stamp")).isInstanceOf(OffsetDateTime.class);
        assertThat(doc.getProperty("core.hex")).isEqualTo(255);
        assertThat(doc.getString("remote.name")).isEqualTo("s3://bucket/path");
        assertThat(doc.getList(String.class, "remote.regions")).containsExactly("eu-west-1", "us-east-1");
        assertThat(doc.getList("remote.empty")).isEmpty();
        assertThat(doc.getInt("remote.point.y")).isEqualTo(2);
        assertThat(doc.getString("jobs(1).name")).isEqualTo("second");
        assertThat(doc.configurationAt("remote.site").getProperty("google..com")).isEqualTo(true);
    }

    @Test
    void unchangedTextIsWrittenBackByteForByte() throws Exception {
        TomlConfiguration doc = read(RICH);

        assertThat(ReferenceFixturesTest.write(doc)).isEqualTo(RICH);
    }

    @Test
    void changingOneValueKeepsItsInlineCommentAndEveryOtherLine() throws Exception {
        TomlConfiguration doc = read(RICH);

        doc.setProperty("core.minimum_version", "0.21");
        doc.setProperty("title", "renamed");

        assertThat(ReferenceFixturesTest.write(doc)).isEqualTo(RICH
                .replace("minimum_version = \"0.20\"  # keep in sync", "minimum_version = \"0.21\"  # keep in sync")
                .replace("title = \"demo\"   # inline", "title = \"renamed\"   # inline"));
    }

    @Test
    void nonStringValuesSurviveAnUnrelatedEdit() throws Exception {
        TomlConfiguration doc = read(RICH);
        doc.setProperty("remote.name", "s3://other");

        TomlConfiguration again = read(ReferenceFixturesTest.write(doc));

        assertThat(again.getProperty("core.retries")).isEqualTo(3);
        assertThat(again.getProperty("core.ratio")).isEqualTo(0.5);
        assertThat(again.getProperty("core.enabled")).isEqualTo(true);
        assertThat(again.getProperty("core.since")).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(again.getList(String.class, "remote.regions")).containsExactly("eu-west-1", "us-east-1");
        assertThat(ReferenceFixturesTest.write(doc)).contains("hex = 0xff\n", "regions = [\n    \"eu-west-1\",  # primary\n",
                "name = \"s3://other\"\n", "name = \"first\"", "point = { x = 1, y = 2 }");
    }

    @Test
    void newKeyGoesAfterTheLastKeyOfItsTableWithItsIndentation() throws Exception {
        TomlConfiguration doc = read("[a]\n  x = 1\n  y = 2\n\n# about b\n[b]\nz = 3\n");

        doc.setProperty("a.new", "value");
        doc.setProperty("b.more", 4L);

        assertThat(ReferenceFixturesTest.write(doc))
                .isEqualTo("[a]\n  x = 1\n  y = 2\n  new = \"value\"\n\n# about b\n[b]\nz = 3\nmore = 4\n");
    }

    @Test
    void newKeyInAFileWithoutFinalNewlineStartsOnItsOwnLine() throws Exception {
        TomlConfiguration doc = read("[studio]\nurl = \"u\"");

        doc.setProperty("studio.team", "t");
        doc.setProperty("other.key", "v");

        assertThat(ReferenceFixturesTest.write(doc)).isEqualTo("[studio]\nurl = \"u\"\nteam = \"t\"\n\n[other]\nkey = \"v\"\n");
    }

    @Test
    void stringsNeedingEscapesAreWrittenAsValidBasicStrings() throws Exception {
        TomlConfiguration doc = read("");
        String nasty = "quote \" backslash \\ tab \t newline \n bell \u0007 unicode é ${HOME}";

        doc.setProperty("studio.token", nasty);
        String text = ReferenceFixturesTest.write(doc);

        assertThat(text).isEqualTo("[studio]\ntoken = \"quote \\\" backslash \\\\ tab \\t newline \\n bell \\u0007"
                + " unicode é ${HOME}\"\n");
        assertThat(read(text).getString("studio.token")).isEqualTo(nasty);
    }

    @Test
    void changedArrayIsRewrittenAsAnArray() throws Exception {
        TomlConfiguration doc = read("[remote]\nregions = [\"a\"]  # one\n");

        doc.setProperty("remote.regions", List.of("b", "c"));
        assertThat(ReferenceFixturesTest.write(doc)).isEqualTo("[remote]\nregions = [\"b\", \"c\"]  # one\n");

        doc.setProperty("remote.regions", "d");
        assertThat(ReferenceFixturesTest.write(doc)).isEqualTo("[remote]\nregions = [\"d\"]  # one\n");
    }

    @Test
    void aNewKeySetFromAOneElementListIsWrittenAsAnArray() throws Exception {
        TomlConfiguration doc = read("[studio]\nurl = \"https://x\"\n");

        doc.setProperty("studio.teams", List.of("data-team"));
        doc.setProperty("studio.scopes", List.of("DATASETS", "MODELS"));
        assertThat(ReferenceFixturesTest.write(doc)).isEqualTo("[studio]\nurl = \"https://x\"\n"
                + "teams = [\"data-team\"]\nscopes = [\"DATASETS\", \"MODELS\"]\n");

        doc.setProperty("studio.teams", "plain");
        assertThat(ReferenceFixturesTest.write(doc)).contains("teams = [\"plain\"]");
    }

    @Test
    void removingKeysDropsTheirLinesOnly() throws Exception {
        TomlConfiguration doc = read(RICH);

        doc.clearProperty("core.retries");
        doc.clearProperty("remote.regions");

        assertThat(ReferenceFixturesTest.write(doc)).isEqualTo(RICH.replace("retries = 3\n", "")
                .replace("regions = [\n    \"eu-west-1\",  # primary\n    \"us-east-1\",\n]\n", ""));
    }

    @Test
    void removingAWholeTableDropsItsHeaderAndKeysButKeepsComments() throws Exception {
        TomlConfiguration doc = read("[a]\nx = 1\n# stays\n[b]\ny = 2\n");

        doc.clearTree("a");

        assertThat(ReferenceFixturesTest.write(doc)).isEqualTo("# stays\n[b]\ny = 2\n");
    }

    @Test
    void removingTheLastKeyOfATableRemovesTheTableAndTheBlankLineBeforeIt() throws Exception {
        TomlConfiguration doc = read("[a]\nx = 1\n\n[studio]\nteam = \"t\"\n\n[c]\ny = 2\n");

        doc.clearProperty("studio.team");

        assertThat(ReferenceFixturesTest.write(doc)).isEqualTo("[a]\nx = 1\n\n[c]\ny = 2\n");
    }

    @Test
    void keysMadeWithDotsGetTheirNewSiblingsTheSameWay() throws Exception {
        TomlConfiguration doc = read("site.name = \"x\"\n\n[t]\nk = 1\n");

        doc.setProperty("site.owner", "me");

        assertThat(ReferenceFixturesTest.write(doc)).isEqualTo("site.name = \"x\"\nsite.owner = \"me\"\n\n[t]\nk = 1\n");
    }

    @Test
    void newTablesAreAppendedOnePerBlock() throws Exception {
        TomlConfiguration doc = read("[a]\nx = 1\n");

        doc.setProperty("b.c.d", true);
        doc.setProperty("b.e", 2.5);

        assertThat(ReferenceFixturesTest.write(doc)).isEqualTo("[a]\nx = 1\n\n[b]\ne = 2.5\n\n[b.c]\nd = true\n");
    }

    @Test
    void aSecondWriteEditsTheTextTheFirstOneWrote() throws Exception {
        TomlConfiguration doc = read("");
        doc.setProperty("studio.url", "u");
        ReferenceFixturesTest.write(doc);

        doc.setProperty("studio.url", "v");
        doc.setProperty("studio.team", "t");

        assertThat(ReferenceFixturesTest.write(doc)).isEqualTo("[studio]\nurl = \"v\"\nteam = \"t\"\n");
    }

    @Test
    void crlfFilesStayCrlf() throws Exception {
        TomlConfiguration doc = read("[studio]\r\nurl = \"u\"\r\n");

        doc.setProperty("studio.team", "t");

        assertThat(ReferenceFixturesTest.write(doc)).isEqualTo("[studio]\r\nurl = \"u\"\r\nteam = \"t\"\r\n");
    }

    @Test
    void syntaxErrorsNameTheLine() {
        assertError("[core]\nx = 1\ny = \n", "missing value at line 3");
        assertError("a = \"open\nb = 1\n", "at line 1");
        assertError("[a]\nx = 1\n[a]\n", "table with path [a] has been declared twice at line 3");
        assertError("x = 1\n\nx = 2\n", "at line 3");
        assertError("\n\nkey = @\n", "at line 3");
        assertError("a = 1 2\n", "at line 1");
        assertError("a = 99999999999999999999\n", "integer out of range: 99999999999999999999 at line 1");
        assertError("[a\nb = 1\n", "invalid separator 'U+000A' in table name at line 1");
        assertError("ok = 1\nlist = [1,\n2\n", "unexpected end of the file at line 3");
        assertError("x = \"\\q\"\n", "at line 1");
        assertError("just words\n", "at line 1");
        assertError("a.b = 1\n[a]\nc = 2\n", "at line 2");
        assertError("x = { a = 1 }\n[x]\n", "at line 2");
        assertError("ok = 1\nx = 1 # bell \u0007\n", "at line 2");
    }

    private static void assertError(String text, String message) {
        assertThatThrownBy(() -> read(text)).as(text).isInstanceOf(ConfigurationException.class)
                .hasMessageEndingWith(message);
    }

    private static TomlConfiguration read(String text) throws Exception {
        TomlConfiguration doc = new TomlConfiguration();
        doc.read(new StringReader(text));
        return doc;
    }
}
