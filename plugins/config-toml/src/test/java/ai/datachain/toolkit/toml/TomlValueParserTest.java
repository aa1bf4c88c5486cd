package ai.datachain.toolkit.toml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.configuration2.ex.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The values read without night-config must be exactly what night-config reads. */
class TomlValueParserTest {

    @ParameterizedTest
    @ValueSource(strings = {"\"isat_abc123\"", "\"https://studio.datachain.ai\"", "\"\"", "''", "'C:\\path\\x'",
        "\"it's\"", "'say \"hi\"'", "\"tab\there\"", "\"caf\u00e9 \u2713\"", "true", "false"})
    void readsSimpleValuesAsNightConfigDoes(String text) throws ConfigurationException {
        Object simple = TomlValueParser.simpleValue(text);
        assertThat(simple).isNotNull();
        assertThat(simple).isEqualTo(new NightConfigValues().parse(text, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"a\\nb\"", "\"\"\"x\"\"\"", "'''x'''", "\"x", "'x", "\"a\"b\"", "'a'b'", "3", "True",
        "\"bell\u0007\"", "\"del\u007f\"", "[\"a\"]", "{ a = 1 }", "\"", "'"})
    void leavesEveryOtherFormToNightConfig(String text) {
        assertThat(TomlValueParser.simpleValue(text)).isNull();
    }

    @Test
    void aControlCharacterInAStringIsStillTheParsersError() {
        assertThatThrownBy(() -> new TomlValueParser().parse("\"bell\u0007\"", 4))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("4");
    }
}
