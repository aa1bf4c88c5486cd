package ai.datachain.toolkit.testkit;

import java.util.Map;
import java.util.Optional;

/**
 * A request the {@link FakeStudio} received.
 *
 * @param method e.g. {@code POST}
 * @param path the path with its query, e.g. {@code /api/device-login}
 * @param headers the headers, names in lower case, first value of each
 * @param body the body as text
 */
public record RecordedRequest(String method, String path, Map<String, String> headers, String body) {

    /**
     * Copies the headers.
     *
     * @param method e.g. {@code POST}
     * @param path the path with its query
     * @param headers the headers, names in lower case; kept as an unmodifiable copy
     * @param body the body as text
     */
    public RecordedRequest {
        headers = Map.copyOf(headers);
    }

    /**
     * One header.
     *
     * @param name the header's name, in any case
     * @return its first value, or empty when it was not sent
     */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }
}
