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

    public RecordedRequest {
        headers = Map.copyOf(headers);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }
}
