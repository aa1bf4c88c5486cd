package ai.datachain.toolkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import org.junit.jupiter.api.Test;

class EnvironmentProxiesTest {

    private final VariablesEnvironment environment = new VariablesEnvironment();

    @Test
    void withoutVariablesEverythingGoesDirect() {
        assertThat(proxies().select(URI.create("https://studio.datachain.ai/api"))).containsExactly(Proxy.NO_PROXY);
    }

    @Test
    void eachSchemeHasItsOwnVariableInEitherCaseAndLowerCaseWins() {
        environment.variables().put("HTTPS_PROXY", "http://upper:1");
        environment.variables().put("https_proxy", "http://lower:2");
        environment.variables().put("HTTP_PROXY", "http://plain:3");

        assertThat(proxies().proxyFor(URI.create("https://studio.example.com")).orElseThrow().host()).isEqualTo("lower");
        assertThat(proxies().proxyFor(URI.create("http://studio.example.com")).orElseThrow().host()).isEqualTo("plain");
        Proxy proxy = proxies().select(URI.create("https://studio.example.com/x")).get(0);
        assertThat(proxy.type()).isEqualTo(Proxy.Type.HTTP);
        assertThat(((InetSocketAddress) proxy.address()).getHostString()).isEqualTo("lower");
        assertThat(((InetSocketAddress) proxy.address()).isUnresolved()).isTrue();
    }

    @Test
    void anHttpsAddressDoesNotFallBackToHttpProxy() {
        environment.variables().put("http_proxy", "http://plain:3");

        assertThat(proxies().proxyFor(URI.create("https://studio.example.com"))).isEmpty();
    }

    @Test
    void noProxyMatchesSuffixesPortsAddressesRangesAndStar() {
        environment.variables().put("HTTPS_PROXY", "http://proxy:3128");
        environment.variables().put("no_proxy", " .internal.corp, example.org,studio.local:8443 10.0.0.0/8 [::1] 192.168.1.5");

        assertThat(direct("https://studio.internal.corp")).isTrue();
        assertThat(direct("https://internal.corp")).isTrue();
        assertThat(direct("https://a.b.example.org/x")).isTrue();
        assertThat(direct("https://notexample.org")).isFalse();
        assertThat(direct("https://studio.local:8443")).isTrue();
        assertThat(direct("https://studio.local")).isFalse();
        assertThat(direct("https://10.20.30.40:9000")).isTrue();
        assertThat(direct("https://11.0.0.1")).isFalse();
        assertThat(direct("https://[::1]:8443")).isTrue();
        assertThat(direct("https://192.168.1.5")).isTrue();
        assertThat(direct("https://studio.datachain.ai")).isFalse();

        environment.variables().put("NO_PROXY", "*");
        environment.variables().remove("no_proxy");
        assertThat(direct("https://studio.datachain.ai")).isTrue();
    }

    private boolean direct(String uri) {
        return proxies().proxyFor(URI.create(uri)).isEmpty();
    }

    private EnvironmentProxies proxies() {
        return EnvironmentProxies.from(environment);
    }
}
