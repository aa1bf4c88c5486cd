package ai.datachain.toolkit.http;

import ai.datachain.toolkit.api.Environment;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The proxies the environment asks for, as curl and Python's requests honour them:
 * {@code https_proxy}/{@code HTTPS_PROXY} for https:// addresses, {@code http_proxy}/{@code HTTP_PROXY}
 * for http:// ones (the lower-case name wins when both are set), minus the hosts {@code NO_PROXY}
 * lists. Without these variables every request goes direct; Java's own proxy properties play no part.
 */
public final class EnvironmentProxies extends ProxySelector {

    /** The JDK property that lists proxy schemes refused for HTTPS tunnels; it ships with Basic in it. */
    public static final String TUNNELING_DISABLED_SCHEMES = "jdk.http.auth.tunneling.disabledSchemes";

    private final Optional<ProxySetting> https;
    private final Optional<ProxySetting> http;
    private final NoProxyList noProxy;

    EnvironmentProxies(Optional<ProxySetting> https, Optional<ProxySetting> http, NoProxyList noProxy) {
        this.https = https;
        this.http = http;
        this.noProxy = noProxy;
    }

    /**
     * Reads the variables.
     *
     * @throws ai.datachain.toolkit.api.CommandException when a proxy variable is not a usable proxy URL
     */
    public static EnvironmentProxies from(Environment environment) {
        return new EnvironmentProxies(setting(environment, "https_proxy"), setting(environment, "http_proxy"),
                either(environment, "no_proxy").map(entry -> NoProxyList.parse(entry.value)).orElse(NoProxyList.none()));
    }

    /** The proxy for a request to {@code uri}, if it goes through one. */
    public Optional<ProxySetting> proxyFor(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        Optional<ProxySetting> proxy = scheme.equals("https") ? https : scheme.equals("http") ? http : Optional.empty();
        if (proxy.isEmpty() || uri.getHost() == null) {
            return Optional.empty();
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return noProxy.bypasses(uri.getHost(), port) ? Optional.empty() : proxy;
    }

    /**
     * Lets Basic proxy credentials through CONNECT tunnels, as curl and Python do; the JDK's
     * net.properties refuses them. The JDK reads the property once, when its HTTP client first
     * loads, so this must run before any client is built; a value the user set stays.
     */
    public static void allowBasicCredentialsInTunnels() {
        if (System.getProperty(TUNNELING_DISABLED_SCHEMES) == null) {
            System.setProperty(TUNNELING_DISABLED_SCHEMES, "");
        }
    }

    @Override
    public List<Proxy> select(URI uri) {
        return proxyFor(uri).map(proxy -> List.of(new Proxy(Proxy.Type.HTTP,
                        (SocketAddress) InetSocketAddress.createUnresolved(proxy.host(), proxy.port()))))
                .orElse(List.of(Proxy.NO_PROXY));
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException failure) {
        // Nothing to learn: there is one proxy per scheme, and the failure is reported to the user.
    }

    private record Variable(String name, String value) {}

    private static Optional<ProxySetting> setting(Environment environment, String lowerCaseName) {
        return either(environment, lowerCaseName).map(v -> ProxySetting.parse(v.name, v.value));
    }

    private static Optional<Variable> either(Environment environment, String lowerCaseName) {
        String upperCaseName = lowerCaseName.toUpperCase(Locale.ROOT);
        return environment.variable(lowerCaseName).map(v -> new Variable(lowerCaseName, v))
                .or(() -> environment.variable(upperCaseName).map(v -> new Variable(upperCaseName, v)));
    }
}
