package ai.datachain.toolkit.auth;

import ai.datachain.toolkit.http.ProxySetting;
import ai.datachain.toolkit.http.TrustedCertificates;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * A request that got no HTTP answer, and a one-line reason a user can act on: the host name that
 * does not resolve, the refused port, the untrusted certificate and how to trust it, the proxy
 * that was in the way.
 */
final class TransportFailure extends IOException {

    private static final long serialVersionUID = 1L;

    /** Certificates are a setting to fix, not a hiccup to retry. */
    private final boolean settingProblem;

    private TransportFailure(String reason, boolean settingProblem, Throwable cause) {
        super(reason, cause);
        this.settingProblem = settingProblem;
    }

    /** A proxy refused to carry the request (HTTP 407 or 5xx from the proxy itself). */
    static TransportFailure proxyRefused(ProxySetting proxy, int status) {
        String reason = "the proxy " + proxy + " (from " + proxy.variable() + ") answered HTTP " + status;
        if (status == 407) {
            reason += proxy.user().isPresent()
                    ? ": it did not accept the user name and password in " + proxy.variable()
                    : ": it wants a user name and password; put them in " + proxy.variable()
                            + " as http://user:password@host:port";
        }
        return new TransportFailure(reason, true, null);
    }

    /** The connection (TCP, a proxy tunnel, TLS) was not ready within its time-out. */
    static TransportFailure noConnection(URI uri, Optional<ProxySetting> proxy, Duration timeout) {
        return noConnection(uri, proxy, timeout, null);
    }

    private static TransportFailure noConnection(URI uri, Optional<ProxySetting> proxy, Duration timeout,
            Throwable cause) {
        return new TransportFailure("no connection to " + proxy.map(p -> "the proxy " + p).orElse(uri.getHost())
                + " within " + timeout.toSeconds() + " s", false, cause);
    }

    /** The request went out, and the whole answer did not come back within its time-out. */
    static TransportFailure noAnswer(Duration timeout) {
        return new TransportFailure("no answer within " + timeout.toSeconds() + " s", false, null);
    }

    /**
     * Why a request to {@code uri} failed, through {@code proxy} if there was one.
     *
     * @param connectTimeout the connection's time-out, for the JDK's own connect time-out failure
     */
    static TransportFailure of(IOException failure, URI uri, Optional<ProxySetting> proxy, Duration connectTimeout) {
        if (failure instanceof TransportFailure known) {
            return known;
        }
        String host = uri.getHost();
        if (failure instanceof HttpConnectTimeoutException) {
            return noConnection(uri, proxy, connectTimeout, failure);
        }
        if (failure instanceof SSLHandshakeException || failure instanceof SSLException) {
            return tls(failure, host);
        }
        boolean unresolved = has(failure, UnresolvedAddressException.class) || has(failure, UnknownHostException.class);
        if (proxy.isPresent()) {
            ProxySetting via = proxy.get();
            if (unresolved) {
                return new TransportFailure("cannot resolve the proxy host " + via.host() + " (from " + via.variable()
                        + ")", false, failure);
            }
            if (failure instanceof ConnectException || has(failure, NoRouteToHostException.class)) {
                return new TransportFailure("cannot connect to the proxy " + via + " (from " + via.variable() + "): "
                        + plain(failure, "connection refused"), false, failure);
            }
            return new TransportFailure(plain(failure, "the connection failed") + " (through the proxy " + via + ")",
                    false, failure);
        }
        if (unresolved) {
            return new TransportFailure("cannot resolve the host name " + host, false, failure);
        }
        if (failure instanceof ConnectException) {
            return new TransportFailure(plain(failure, "connection refused"), false, failure);
        }
        return new TransportFailure(plain(failure, "the connection failed"), false, failure);
    }

    /** Whether retrying cannot help: a certificate or proxy setting has to change first. */
    boolean needsSettingChange() {
        return settingProblem;
    }

    private static TransportFailure tls(IOException failure, String host) {
        if (has(failure, CertificateExpiredException.class)) {
            return new TransportFailure("the TLS certificate of " + host + " has expired", true, failure);
        }
        if (has(failure, CertificateNotYetValidException.class)) {
            return new TransportFailure("the TLS certificate of " + host + " is not valid yet (check the clock)",
                    true, failure);
        }
        if (has(failure, CertPathBuilderException.class) || has(failure, CertPathValidatorException.class)) {
            return new TransportFailure("the TLS certificate of " + host + " is not trusted: no trusted certificate"
                    + " authority signed it. If your network uses its own certificate authority, set "
                    + TrustedCertificates.CA_BUNDLE_VARIABLE + " (or " + TrustedCertificates.CERT_FILE_VARIABLE
                    + ") to a PEM file holding its certificate", true, failure);
        }
        String detail = chainMessage(failure);
        if (detail.contains("No subject alternative") || detail.contains("No name matching")) {
            return new TransportFailure("the TLS certificate of " + host + " is not valid for that host name",
                    true, failure);
        }
        return new TransportFailure("TLS with " + host + " failed (" + detail + ")", true, failure);
    }

    private static String plain(IOException failure, String fallback) {
        String message = chainMessage(failure);
        return message.isBlank() ? fallback : message.substring(0, 1).toLowerCase(java.util.Locale.ROOT)
                + message.substring(1);
    }

    /** The first non-blank message along the cause chain. */
    private static String chainMessage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return "";
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
