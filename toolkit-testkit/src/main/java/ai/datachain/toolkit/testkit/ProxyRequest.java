package ai.datachain.toolkit.testkit;

import java.util.Optional;

/**
 * One request a {@link RecordingProxy} received.
 *
 * @param method {@code CONNECT} for a tunnel, else the HTTP method
 * @param target {@code host:port} for a tunnel, else the absolute URL asked for
 * @param proxyAuthorization the {@code Proxy-Authorization} header, if one was sent
 */
public record ProxyRequest(String method, String target, Optional<String> proxyAuthorization) {}
