package ai.datachain.toolkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.datachain.toolkit.api.CommandException;
import java.util.Base64;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProxySettingTest {

    @Test
    void readsHostPortAndPercentEncodedCredentials() {
        ProxySetting proxy = ProxySetting.parse("HTTPS_PROXY", "http://ada:p%40ss%3Aword@proxy.corp:3128/");

        assertThat(proxy.host()).isEqualTo("proxy.corp");
        assertThat(proxy.port()).isEqualTo(3128);
        assertThat(proxy.user()).contains("ada");
        assertThat(proxy.password()).contains("p@ss:word");
        assertThat(proxy.basicAuthorization()).contains("Basic "
                + Base64.getEncoder().encodeToString("ada:p@ss:word".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void neverShowsThePassword() {
        ProxySetting proxy = ProxySetting.parse("https_proxy", "http://ada:secret@proxy.corp:3128");

        assertThat(proxy.toString()).isEqualTo("http://ada:***@proxy.corp:3128");
        assertThatThrownBy(() -> ProxySetting.parse("HTTPS_PROXY", "socks5://ada:secret@proxy:1080"))
                .isInstanceOf(CommandException.class)
                .hasMessage("HTTPS_PROXY 'socks5://ada:***@proxy:1080' is not a usable proxy: only http:// proxies"
                        + " are supported, not socks5://. Expected e.g. http://proxy.example.com:3128 or"
                        + " http://user:password@proxy.example.com:3128")
                .hasMessageNotContaining("secret");
    }

    @Test
    void aBareHostAndPortIsAnHttpProxyAndPortEightyIsTheDefault() {
        assertThat(ProxySetting.parse("HTTP_PROXY", "proxy.corp:8080"))
                .isEqualTo(new ProxySetting("HTTP_PROXY", "proxy.corp", 8080, Optional.empty(), Optional.empty()));
        assertThat(ProxySetting.parse("HTTP_PROXY", "http://proxy.corp").port()).isEqualTo(80);
    }

    @Test
    void aUserWithoutPasswordSendsAnEmptyPassword() {
        ProxySetting proxy = ProxySetting.parse("HTTP_PROXY", "http://ada@proxy.corp:8080");

        assertThat(proxy.toString()).isEqualTo("http://ada@proxy.corp:8080");
        assertThat(proxy.basicAuthorization()).contains("Basic " + Base64.getEncoder().encodeToString(
                "ada:".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void refusesWhatIsNotAProxy() {
        assertThatThrownBy(() -> ProxySetting.parse("HTTP_PROXY", "http://proxy.corp:8080/some/path"))
                .hasMessageContaining("a proxy URL has no path");
        assertThatThrownBy(() -> ProxySetting.parse("HTTP_PROXY", "http://"))
                .hasMessageStartingWith("HTTP_PROXY 'http://' is not a usable proxy");
        assertThatThrownBy(() -> ProxySetting.parse("HTTPS_PROXY", "https://proxy.corp:443"))
                .hasMessageContaining("only http:// proxies are supported, not https://");
    }
}
