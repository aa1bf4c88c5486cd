package ai.datachain.toolkit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrowserCommandsTest {

    private static final String URL = "https://studio.datachain.ai/auth/device-login?code=ABCD-EFGH";

    @Test
    void browserVariableGetsTheUrlAppended() {
        assertThat(BrowserCommands.forUrl(URL, Map.of("BROWSER", "firefox --new-tab"), "Linux"))
                .containsExactly(List.of("firefox", "--new-tab", URL));
    }

    @Test
    void percentSIsReplacedInsteadOfAppending() {
        assertThat(BrowserCommands.forUrl(URL, Map.of("BROWSER", "'/opt/my browser/run' --url=%s --quiet"), "Linux"))
                .containsExactly(List.of("/opt/my browser/run", "--url=" + URL, "--quiet"));
    }

    @Test
    void eachEntryOfTheListIsTriedThenThePlatformOpener() {
        assertThat(BrowserCommands.forUrl(URL, Map.of("BROWSER", "w3m:lynx %s", "DISPLAY", ":0"), "Linux"))
                .containsExactly(List.of("w3m", URL), List.of("lynx", URL), List.of("xdg-open", URL));
    }

    @Test
    void xdgOpenOnlyWithADisplay() {
        assertThat(BrowserCommands.forUrl(URL, Map.of(), "Linux")).isEmpty();
        assertThat(BrowserCommands.forUrl(URL, Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux"))
                .containsExactly(List.of("xdg-open", URL));
    }

    @Test
    void macOsUsesOpen() {
        assertThat(BrowserCommands.forUrl(URL, Map.of(), "Mac OS X")).containsExactly(List.of("open", URL));
    }

    @Test
    void wordsSplitLikeAShell() {
        assertThat(BrowserCommands.splitWords(" a  'b c' \"d \\\"e\\\"\" f\\ g ")).containsExactly("a", "b c", "d \"e\"",
                "f g");
        assertThat(BrowserCommands.splitWords("   ")).isEmpty();
    }
}
