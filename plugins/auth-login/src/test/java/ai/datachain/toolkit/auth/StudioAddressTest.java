package ai.datachain.toolkit.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.datachain.toolkit.api.CommandException;
import java.net.URI;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The address itself; which setting chooses it is tested through the commands ({@code AuthCommandsTest}). */
class StudioAddressTest {

    @Test
    void trailingSlashesAreRemoved() {
        assertThat(StudioAddress.parse("https://studio.example.com//").url()).isEqualTo("https://studio.example.com");
    }

    @Test
    void pathsAreAppendedSoABasePathIsKept() {
        StudioAddress studio = StudioAddress.parse("https://x/studio");
        assertThat(studio.resolvePath("api/device-login")).hasToString("https://x/studio/api/device-login");
        assertThat(StudioAddress.parse("https://x/studio/").resolvePath("/api/device-logout"))
                .hasToString("https://x/studio/api/device-logout");
        assertThat(StudioAddress.parse("http://127.0.0.1:8080").resolvePath("api/device-login"))
                .hasToString("http://127.0.0.1:8080/api/device-login");
    }

    @Test
    void sameAsIgnoresTrailingSlash() {
        assertThat(StudioAddress.parse("https://x").sameAs("https://x/")).isTrue();
        assertThat(StudioAddress.parse("https://x").sameAs("https://y")).isFalse();
    }

    @Test
    void rejectsWhatIsNotAnHttpUrl() {
        for (String bad : new String[] {"studio.datachain.ai", "ftp://x", "https://", "https://x?a=b", "http//x"}) {
            assertThatThrownBy(() -> StudioAddress.parse(bad)).as(bad).isInstanceOf(CommandException.class)
                    .hasMessageStartingWith("Invalid Studio URL '" + bad + "'");
        }
    }

    @Test
    void theOriginIsSchemeHostAndPortWithDefaultPortsFilledIn() {
        StudioAddress studio = StudioAddress.parse("https://Studio.example.com/base");
        assertThat(studio.sameOrigin(URI.create("https://studio.example.com:443/api/device-login/token"))).isTrue();
        assertThat(studio.sameOrigin(URI.create("http://studio.example.com/api/device-login/token"))).isFalse();
        assertThat(studio.sameOrigin(URI.create("https://studio.example.com:8443/token"))).isFalse();
        assertThat(studio.sameOrigin(URI.create("https://evil.example.com/token"))).isFalse();
        assertThat(studio.origin()).isEqualTo("https://Studio.example.com");
    }

    @Test
    void aPasswordInTheUrlIsNeverShownAndHiddenCharactersAreRefused() {
        assertThat(StudioAddress.parse("https://alice:pw@studio.example.com").toString())
                .isEqualTo("https://***@studio.example.com");
        assertThatThrownBy(() -> StudioAddress.parse("https://alice:pw@studio.example.com?x"))
                .hasMessageStartingWith("Invalid Studio URL 'https://***@studio.example.com?x'");
        assertThatThrownBy(() -> StudioAddress.parse("https://studio.example.com\u202e/x"))
                .hasMessageStartingWith("Invalid Studio URL 'https://studio.example.com\\u202e/x'");
    }
}
