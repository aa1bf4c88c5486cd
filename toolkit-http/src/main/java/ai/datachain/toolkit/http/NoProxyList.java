package ai.datachain.toolkit.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * {@code NO_PROXY}, read as curl and Python's requests read it: entries separated by commas or
 * spaces; {@code *} alone turns proxies off; {@code example.com} and {@code .example.com} match that
 * host and every host below it; {@code host:port} matches one port only; an IP address matches
 * itself and {@code 10.0.0.0/8} a range of literal addresses. Nothing is looked up in DNS.
 */
public final class NoProxyList {

    private record Entry(String host, OptionalInt port, int prefixLength) {}

    private final boolean everything;
    private final List<Entry> entries;

    private NoProxyList(boolean everything, List<Entry> entries) {
        this.everything = everything;
        this.entries = entries;
    }

    static NoProxyList parse(String value) {
        List<Entry> entries = new ArrayList<>();
        boolean everything = false;
        for (String raw : value.split("[,\\s]+")) {
            String entry = raw.strip().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("*")) {
                everything = true;
                continue;
            }
            entries.add(entry(entry));
        }
        return new NoProxyList(everything, List.copyOf(entries));
    }

    static NoProxyList none() {
        return new NoProxyList(false, List.of());
    }

    /** Whether a request to {@code host:port} goes straight to the host. */
    boolean bypasses(String host, int port) {
        if (everything) {
            return true;
        }
        String name = unbracketed(host.toLowerCase(Locale.ROOT));
        while (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        for (Entry entry : entries) {
            if (entry.port.isPresent() && entry.port.getAsInt() != port) {
                continue;
            }
            if (entry.prefixLength >= 0 ? inRange(name, entry) : matchesName(name, entry.host)) {
                return true;
            }
        }
        return false;
    }

    private static Entry entry(String text) {
        String host = text;
        OptionalInt port = OptionalInt.empty();
        int slash = host.indexOf('/');
        if (slash > 0 && isAddress(host.substring(0, slash))) {
            try {
                return new Entry(host.substring(0, slash), port, Integer.parseInt(host.substring(slash + 1)));
            } catch (NumberFormatException e) {
                return new Entry(host, port, -1);
            }
        }
        // host:port, [v6]:port; a bare IPv6 address has more than one colon and no port.
        int colon = host.lastIndexOf(':');
        boolean bracketed = host.startsWith("[");
        if (colon > 0 && (bracketed ? host.indexOf(']') < colon : host.indexOf(':') == colon)) {
            try {
                port = OptionalInt.of(Integer.parseInt(host.substring(colon + 1)));
                host = host.substring(0, colon);
            } catch (NumberFormatException e) {
                // not a port: keep the entry as written, it will simply match nothing
            }
        }
        host = unbracketed(host);
        while (host.startsWith("*.") || host.startsWith(".")) {
            host = host.substring(host.startsWith("*") ? 2 : 1);
        }
        return new Entry(host, port, -1);
    }

    private static boolean matchesName(String host, String entry) {
        return host.equals(entry) || host.endsWith("." + entry);
    }

    private static boolean inRange(String host, Entry entry) {
        if (!isAddress(host)) {
            return false;
        }
        byte[] address = literal(host);
        byte[] network = literal(entry.host);
        if (address == null || network == null || address.length != network.length) {
            return false;
        }
        int bits = Math.min(entry.prefixLength, address.length * 8);
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >>> (i % 8);
            if ((address[i / 8] & mask) != (network[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** An IPv4 or IPv6 literal (never a name, so no lookup happens). */
    public static boolean isAddress(String host) {
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || (host.contains(":") && host.matches("[0-9a-fA-F:.%]+"));
    }

    private static byte[] literal(String address) {
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
