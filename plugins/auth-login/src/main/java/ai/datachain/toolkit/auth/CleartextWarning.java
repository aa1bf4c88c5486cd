package ai.datachain.toolkit.auth;

import ai.datachain.toolkit.api.Console;
import ai.datachain.toolkit.http.NoProxyList;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Warns once per host when a request goes out over plain {@code http://} to a host other than this
 * machine: the device code and the token would cross the network unencrypted.
 */
final class CleartextWarning {

    private final Console console;
    private final Set<String> warned = new HashSet<>();

    CleartextWarning(Console console) {
        this.console = console;
    }

    void check(URI uri) {
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || isLoopback(uri.getHost())) {
            return;
        }
        String origin = PrintableText.url("http://" + uri.getRawAuthority());
        if (warned.add(origin)) {
            console.warn(origin + " is not encrypted: the login code and the token travel in clear text."
                    + " Use an https:// address unless you trust every network in between.");
            console.err().flush();
        }
    }

    /** localhost, 127.0.0.0/8 and ::1, decided without asking DNS. */
    static boolean isLoopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return true;
        }
        if (!NoProxyList.isAddress(name)) {
            return false;
        }
        try {
            return InetAddress.getByName(name).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
