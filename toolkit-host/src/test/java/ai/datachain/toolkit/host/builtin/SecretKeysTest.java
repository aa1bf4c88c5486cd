package ai.datachain.toolkit.host.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretKeysTest {

    @Test
    void aSecretIsNamedTokenPasswordOrSecretOrEndsInOne() {
        assertThat(SecretKeys.isSecret("studio.token")).isTrue();
        assertThat(SecretKeys.isSecret("proxy.password")).isTrue();
        assertThat(SecretKeys.isSecret("s3.client_secret")).isTrue();
        assertThat(SecretKeys.isSecret("hello.api-token")).isTrue();
        assertThat(SecretKeys.isSecret("studio.token_name")).isFalse();
        assertThat(SecretKeys.isSecret("studio.token_fingerprint")).isFalse();
        assertThat(SecretKeys.isSecret("studio.url")).isFalse();
        assertThat(SecretKeys.isSecret("tokens.team")).isFalse();
    }

    @Test
    void aSecretIsMaskedAndAPasswordInAUrlToo() {
        assertThat(SecretKeys.masked("studio.token", "isat_x")).isEqualTo(SecretKeys.MASK);
        assertThat(SecretKeys.masked("studio.url", "https://alice:pw@studio.example.com/a@b"))
                .isEqualTo("https://***@studio.example.com/a@b");
        assertThat(SecretKeys.masked("studio.url", "https://studio.example.com/a@b"))
                .isEqualTo("https://studio.example.com/a@b");
        assertThat(SecretKeys.masked("studio.team", "ml@team")).isEqualTo("ml@team");
    }
}
