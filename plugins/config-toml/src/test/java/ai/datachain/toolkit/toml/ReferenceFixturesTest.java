package ai.datachain.toolkit.toml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each edit the reference client makes, applied through the document API to the file it started
 * from, must give exactly the bytes the reference's TOML library (tomlkit) wrote.
 */
class ReferenceFixturesTest {

    private static final String TOKEN = "isat_0123456789abcdefghijABCDEFGHIJ";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("01-login-fresh", edit(doc -> {
                    doc.setProperty("studio.url", "https://studio.datachain.ai");
                    doc.setProperty("studio.token", TOKEN);
                    doc.clearProperty("studio.team");
                })),
                Arguments.of("02-login-one-team", edit(doc -> {
                    doc.setProperty("studio.url", "https://studio.datachain.ai");
                    doc.setProperty("studio.token", TOKEN);
                    doc.setProperty("studio.team", "data-team");
                })),
                Arguments.of("03-login-into-rich-file", edit(doc -> {
                    doc.setProperty("studio.url", "https://studio.example.com");
                    doc.setProperty("studio.token", TOKEN);
                    doc.clearProperty("studio.team");
                })),
                Arguments.of("04-login-two-teams-clears-team", edit(doc -> {
                    doc.setProperty("studio.url", "https://studio2.example.com");
                    doc.setProperty("studio.token", TOKEN);
                    doc.clearProperty("studio.team");
                })),
                Arguments.of("05-logout", edit(doc -> {
                    doc.clearProperty("studio.token");
                    doc.clearProperty("studio.team");
                })),
                Arguments.of("06-team-set", edit(doc -> doc.setProperty("studio.team", "ml-team"))),
                Arguments.of("07-team-replace", edit(doc -> doc.setProperty("studio.team", "new-team"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void editGivesTheReferenceBytes(String name, Consumer<TomlConfiguration> edit) throws Exception {
        String before = fixture(name + ".before");
        TomlConfiguration document = new TomlConfiguration();
        document.read(new StringReader(before));

        edit.accept(document);

        assertThat(write(document)).isEqualTo(fixture(name + ".after"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void writingWithoutAnEditKeepsEveryByte(String name, Consumer<TomlConfiguration> edit) throws Exception {
        for (String file : new String[] {name + ".before", name + ".after"}) {
            TomlConfiguration document = new TomlConfiguration();
            document.read(new StringReader(fixture(file)));

            assertThat(write(document)).isEqualTo(fixture(file));
        }
    }

    private static Consumer<TomlConfiguration> edit(Consumer<TomlConfiguration> edit) {
        return edit;
    }

    static String write(TomlConfiguration document) throws ConfigurationException, IOException {
        StringWriter out = new StringWriter();
        document.write(out);
        return out.toString();
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = ReferenceFixturesTest.class.getResourceAsStream("/fixtures/toml/" + name)) {
            assertThat(in).as("fixture " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
