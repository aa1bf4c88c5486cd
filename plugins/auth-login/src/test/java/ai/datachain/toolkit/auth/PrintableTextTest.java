package ai.datachain.toolkit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTextTest {

    @Test
    void controlAndFormatCharactersAreShownAsEscapes() {
        assertThat(PrintableText.of("a\u001b]0;title\u0007b")).isEqualTo("a\\x1b]0;title\\x07b");
        assertThat(PrintableText.of("x\u009b31m\u007f")).isEqualTo("x\\x9b31m\\x7f");
        assertThat(PrintableText.of("evil\u202eoc.lad\u200b\u2066\u2028")).isEqualTo("evil\\u202eoc.lad\\u200b\\u2066\\u2028");
        assertThat(PrintableText.of("tag\udb40\udc01")).isEqualTo("tag\\U000e0001");
        assertThat(PrintableText.of("équipe ✓ 数据")).isEqualTo("équipe ✓ 数据");
    }

    @Test
    void aUrlLosesItsPasswordAndItsEscapes() {
        assertThat(PrintableText.url("https://alice:pw@studio.example.com/x@y")).isEqualTo("https://***@studio.example.com/x@y");
        assertThat(PrintableText.url("https://studio.example.com/a@b")).isEqualTo("https://studio.example.com/a@b");
        assertThat(PrintableText.url("https://h/\u001b[2J")).isEqualTo("https://h/\\x1b[2J");
    }

    @Test
    void onlyBearerTokenCharactersMakeAToken() {
        assertThat(AccessToken.problem("isat_AZaz09-._~+/=")).isEmpty();
        assertThat(AccessToken.problem("isat_\u200bx")).contains("it contains invisible, control or space characters");
        assertThat(AccessToken.problem("isat\u001b[2J")).contains("it contains invisible, control or space characters");
        assertThat(AccessToken.problem("isat\"x")).hasValueSatisfying(p -> assertThat(p).startsWith("it contains characters"));
        assertThat(AccessToken.problem("")).contains("it is empty");
    }
}
