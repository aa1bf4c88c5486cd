package ai.datachain.toolkit.auth;

import ai.datachain.toolkit.api.CommandException;
import ai.datachain.toolkit.api.config.ConfigLevel;
import ai.datachain.toolkit.api.config.Layer;
import ai.datachain.toolkit.api.config.SettingValue;
import ai.datachain.toolkit.api.config.Settings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.Set;

/**
 * The base URL of a Studio instance. Paths below it are appended, never resolved, so a Studio
 * served under {@code https://host/studio} keeps its {@code /studio}.
 */
record StudioAddress(String url) {

    static final String DEFAULT_URL = "https://studio.datachain.ai";

    StudioAddress {
        url = withoutTrailingSlash(url);
    }

    /**
     * The instance to talk to: {@code -H}, else {@code studio.url} as every layer resolves it (a
     * {@code -Dstudio.url} system property, {@code $DATACHAIN_STUDIO_URL}, the local, global and
     * system files, the image defaults), else the public Studio.
     *
     * @throws CommandException when the chosen value is not an http(s) URL
     */
    static StudioAddress resolve(String hostnameOption, Settings settings) {
        Optional<String> option = Optional.ofNullable(hostnameOption).filter(h -> !h.isBlank());
        return chosen(option.isPresent() ? option : text(settings.value(StudioKeys.URL)));
    }

    /**
     * Where the token of one level's file belongs, as the reference client's logout decides it:
     * {@code studio.url} from the system properties or the environment, else that same file, else
     * the default (the image's, else the public Studio). Never a URL from another level, so a
     * project's file cannot choose where the user's global token goes.
     *
     * @throws CommandException when the chosen value is not an http(s) URL
     */
    static StudioAddress ofLevel(ConfigLevel level, Settings settings) {
        return chosen(text(settings.value(StudioKeys.URL,
                Set.of(Layer.SYSTEM_PROPERTIES, Layer.ENVIRONMENT, Layer.of(level), Layer.DEFAULTS))));
    }

    private static Optional<String> text(Optional<SettingValue> value) {
        return value.map(SettingValue::value).filter(url -> !url.isBlank());
    }

    private static StudioAddress chosen(Optional<String> url) {
        return parse(url.orElse(DEFAULT_URL).strip());
    }

    static StudioAddress parse(String url) {
        if (url.codePoints().anyMatch(PrintableText::hidden)) {
            throw invalid(url);
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw invalid(url);
            }
        } catch (URISyntaxException e) {
            throw invalid(url);
        }
        return new StudioAddress(url);
    }

    private static CommandException invalid(String url) {
        return new CommandException("Invalid Studio URL '" + PrintableText.url(url) + "': expected an address such as "
                + DEFAULT_URL);
    }

    /** {@code path} below this instance, e.g. {@code api/device-login}. */
    URI resolvePath(String path) {
        return URI.create(url + "/" + (path.startsWith("/") ? path.substring(1) : path));
    }

    /** This instance's host, lower case. */
    String host() {
        return URI.create(url).getHost().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Whether {@code uri} has this instance's origin: scheme, host and port (a missing port is the
     * scheme's default). The device code and the token go nowhere else, and an https Studio is never
     * left for plain http.
     */
    boolean sameOrigin(URI uri) {
        URI own = URI.create(url);
        return uri.getScheme() != null && uri.getHost() != null
                && own.getScheme().equalsIgnoreCase(uri.getScheme())
                && own.getHost().equalsIgnoreCase(uri.getHost())
                && port(own) == port(uri);
    }

    /** scheme://host[:port] of this instance, for messages. */
    String origin() {
        URI own = URI.create(url);
        return PrintableText.of(own.getScheme() + "://" + own.getHost() + (own.getPort() < 0 ? "" : ":" + own.getPort()));
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    /** Whether a stored URL names this instance, ignoring a trailing slash. */
    boolean sameAs(String otherUrl) {
        return url.equals(withoutTrailingSlash(otherUrl.strip()));
    }

    private static String withoutTrailingSlash(String url) {
        String result = url;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    /** The URL for messages: without a password, escaped. */
    @Override
    public String toString() {
        return PrintableText.url(url);
    }
}
