package ai.datachain.toolkit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class CleartextWarningTest {

    @Test
    void loopbackIsDecidedWithoutDns() {
        assertThat(CleartextWarning.isLoopback("localhost")).isTrue();
        assertThat(CleartextWarning.isLoopback("127.0.0.1")).isTrue();
        assertThat(CleartextWarning.isLoopback("127.45.6.7")).isTrue();
        assertThat(CleartextWarning.isLoopback("[::1]")).isTrue();
        assertThat(CleartextWarning.isLoopback("10.0.0.1")).isFalse();
        assertThat(CleartextWarning.isLoopback("studio.example.com")).isFalse();
        assertThat(CleartextWarning.isLoopback("localhost.example.com")).isFalse();
    }

    @Test
    void warnsOncePerHostAndOnlyForPlainHttpElsewhere() {
        RecordingConsole console = new RecordingConsole();
        CleartextWarning warning = new CleartextWarning(console);

        warning.check(URI.create("https://studio.example.com/api/device-login"));
        warning.check(URI.create("http://127.0.0.1:8000/api/device-login"));
        warning.check(URI.create("http://studio.example.com/api/device-login"));
        warning.check(URI.create("http://studio.example.com/api/device-login/token"));

        assertThat(console.stderr()).isEqualTo("warning: http://studio.example.com is not encrypted: the login"
                + " code and the token travel in clear text. Use an https:// address unless you trust every network"
                + " in between.\n");
    }
}
