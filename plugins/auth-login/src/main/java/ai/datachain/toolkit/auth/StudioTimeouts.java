package ai.datachain.toolkit.auth;

import java.time.Duration;

/**
 * How long a request to Studio may take, in the reference client's two phases: getting a
 * connection (TCP, a proxy's CONNECT tunnel, the TLS handshake), then getting the whole answer
 * once the request is on its way. A slow handshake never eats into the time the answer has.
 *
 * @param connect the time to get a connection ready to carry the request
 * @param answer the time from sending the request to the last byte of the answer
 */
record StudioTimeouts(Duration connect, Duration answer) {

    /** {@code auth login}: the device login and every poll, as the reference's {@code timeout=5}. */
    static final StudioTimeouts LOGIN = new StudioTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5));
    /** {@code auth logout}: the revocation, as the reference's {@code timeout=10}. */
    static final StudioTimeouts LOGOUT = new StudioTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(10));
}
