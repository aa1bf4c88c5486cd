package ai.datachain.toolkit.http;

import ai.datachain.toolkit.api.CommandException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * One proxy from {@code HTTPS_PROXY} or {@code HTTP_PROXY}: {@code http://[user:password@]host[:port]},
 * the scheme optional as curl allows. The password is kept only to build the
 * {@code Proxy-Authorization} header and never appears in {@link #toString()}.
 *
 * @param variable the variable it came from, for messages
 * @param host the proxy's host name or address
 * @param port the proxy's port (80 when none is given)
 * @param user the user name, empty for a proxy without credentials
 * @param password the password, empty when none is given
 */
public record ProxySetting(String variable, String host, int port, Optional<String> user, Optional<String> password) {

    static final int DEFAULT_PORT = 80;

    /**
     * Parses a proxy variable's value.
     *
     * @throws CommandException when it is not an http proxy URL; the message masks any password
     */
    static ProxySetting parse(String variable, String value) {
        String text = value.strip();
        String withScheme = text.contains("://") ? text : "http://" + text;
        URI uri;
        try {
            uri = new URI(withScheme);
        } catch (URISyntaxException e) {
            throw invalid(variable, text, "it is not a URL");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http")) {
            throw invalid(variable, text, "only http:// proxies are supported, not " + scheme + "://");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw invalid(variable, text, "it names no host");
        }
        String path = uri.getRawPath();
        if ((path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null) {
            throw invalid(variable, text, "a proxy URL has no path");
        }
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = Optional.of(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            password = colon < 0 ? Optional.empty() : Optional.of(decode(userInfo.substring(colon + 1)));
        }
        return new ProxySetting(variable, host, uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), user, password);
    }

    /** The value of a {@code Proxy-Authorization} header for these credentials, if there are any. */
    public Optional<String> basicAuthorization() {
        return user.map(name -> "Basic " + Base64.getEncoder().encodeToString(
                (name + ":" + password.orElse("")).getBytes(StandardCharsets.UTF_8)));
    }

    /** For messages and debug lines: the URL with the password replaced by {@code ***}. */
    @Override
    public String toString() {
        String credentials = user.map(name -> name + password.map(p -> ":***").orElse("") + "@").orElse("");
        return "http://" + credentials + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static CommandException invalid(String variable, String value, String reason) {
        return new CommandException(variable + " '" + masked(value) + "' is not a usable proxy: " + reason
                + ". Expected e.g. http://proxy.example.com:3128 or http://user:password@proxy.example.com:3128");
    }

    /** The value with anything between {@code :} and {@code @} after the scheme hidden. */
    static String masked(String value) {
        int start = value.indexOf("://");
        int from = start < 0 ? 0 : start + 3;
        int at = value.lastIndexOf('@');
        if (at < from) {
            return value;
        }
        int colon = value.indexOf(':', from);
        return colon < 0 || colon > at ? value : value.substring(0, colon + 1) + "***" + value.substring(at);
    }
}
