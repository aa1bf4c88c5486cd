package ai.datachain.toolkit.http;

import ai.datachain.toolkit.api.CommandException;
import ai.datachain.toolkit.api.Environment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The certificate authorities TLS connections trust: the JDK's, plus those in PEM bundles named by
 * {@code DATACHAIN_CA_BUNDLE} and {@code SSL_CERT_FILE}, for networks that inspect TLS with a
 * private authority. Certificates are still verified, host names included; only the set of trusted
 * roots grows.
 */
public final class TrustedCertificates {

    public static final String CA_BUNDLE_VARIABLE = "DATACHAIN_CA_BUNDLE";
    public static final String CERT_FILE_VARIABLE = "SSL_CERT_FILE";
    static final List<String> VARIABLES = List.of(CA_BUNDLE_VARIABLE, CERT_FILE_VARIABLE);

    private static final Pattern PEM_CERTIFICATE = Pattern.compile(
            "-----BEGIN (?:TRUSTED )?CERTIFICATE-----([A-Za-z0-9+/=\\s]*?)-----END (?:TRUSTED )?CERTIFICATE-----");

    private TrustedCertificates() {}

    /**
     * An SSL context trusting the JDK's authorities and the bundles' certificates; empty when no
     * bundle is named, so the JDK's default context serves.
     *
     * @throws CommandException when a named bundle is missing, unreadable or holds no certificate
     */
    public static Optional<SSLContext> fromEnvironment(Environment environment) {
        List<X509Certificate> extra = new ArrayList<>();
        for (String variable : VARIABLES) {
            environment.variable(variable).ifPresent(file -> extra.addAll(read(variable, Path.of(file.strip()))));
        }
        return extra.isEmpty() ? Optional.empty() : Optional.of(context(extra));
    }

    /** Every certificate in a PEM file. */
    static List<X509Certificate> read(String variable, Path file) {
        if (!Files.exists(file)) {
            throw new CommandException(variable + " names " + file + ", which does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new CommandException(variable + " names " + file + ", which is a directory, not a PEM file");
        }
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new CommandException("cannot read " + variable + " file " + file + ": " + e.getMessage(), e);
        }
        List<X509Certificate> certificates = new ArrayList<>();
        Matcher matcher = PEM_CERTIFICATE.matcher(text);
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            while (matcher.find()) {
                byte[] der;
                try {
                    der = Base64.getMimeDecoder().decode(matcher.group(1));
                    Certificate certificate = factory.generateCertificate(new ByteArrayInputStream(der));
                    certificates.add((X509Certificate) certificate);
                } catch (IllegalArgumentException | GeneralSecurityException e) {
                    throw new CommandException(variable + " file " + file + ": certificate "
                            + (certificates.size() + 1) + " cannot be read (" + e.getMessage() + ")", e);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always has X.509 certificates", e);
        }
        if (certificates.isEmpty()) {
            throw new CommandException(variable + " file " + file + " holds no PEM certificate (expected blocks"
                    + " starting with -----BEGIN CERTIFICATE-----)");
        }
        return certificates;
    }

    private static SSLContext context(List<X509Certificate> extra) {
        try {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int index = 0;
            for (X509Certificate authority : jdkAuthorities()) {
                trusted.setCertificateEntry("jdk-" + index++, authority);
            }
            for (X509Certificate certificate : extra) {
                trusted.setCertificateEntry("bundle-" + index++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new CommandException("cannot set up TLS with the extra certificates: " + e.getMessage(), e);
        }
    }

    /** The roots the JDK trusts by default (its cacerts, or javax.net.ssl.trustStore when set). */
    private static List<X509Certificate> jdkAuthorities() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        List<X509Certificate> authorities = new ArrayList<>();
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                authorities.addAll(List.of(x509.getAcceptedIssuers()));
            }
        }
        return authorities;
    }
}
