package ai.datachain.toolkit.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * A link Studio asks us to open. Only an absolute {@code http} or {@code https} URL with a host
 * goes to a browser: {@code javascript:}, {@code file:} and the like run or read things locally, and
 * a link that begins with {@code -} would reach the browser command as one of its options.
 */
final class WebLink {

    private WebLink() {}

    /** The link's host, lower case, when it is a web link fit for a browser; empty otherwise. */
    static Optional<String> host(String link) {
        if (link.isEmpty() || link.startsWith("-")) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(link);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(uri.getHost().toLowerCase(Locale.ROOT));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
