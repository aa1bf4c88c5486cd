package ai.datachain.toolkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.datachain.toolkit.api.CommandException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustedCertificatesTest {

    @TempDir
    Path directory;

    @Test
    void readsEveryCertificateOfABundleWithCommentsBetween() throws Exception {
        List<X509Certificate> authorities = jdkAuthorities().subList(0, 2);
        String bundle = "# Corporate roots\n" + pem(authorities.get(0)) + "\nsubject=something\n" + pem(authorities.get(1));
        Path file = Files.writeString(directory.resolve("corp.pem"), bundle);

        assertThat(TrustedCertificates.read("DATACHAIN_CA_BUNDLE", file)).containsExactlyElementsOf(authorities);
    }

    @Test
    void noVariableMeansTheJdkDefaults() {
        assertThat(TrustedCertificates.fromEnvironment(new VariablesEnvironment())).isEmpty();
    }

    @Test
    void eitherVariableAddsItsBundle() throws Exception {
        Path file = Files.writeString(directory.resolve("corp.pem"), pem(jdkAuthorities().get(0)));
        VariablesEnvironment environment = new VariablesEnvironment();
        environment.variables().put("SSL_CERT_FILE", file.toString());

        assertThat(TrustedCertificates.fromEnvironment(environment)).isPresent();
    }

    @Test
    void aBadBundleIsAClearError() throws Exception {
        Path missing = directory.resolve("missing.pem");
        assertThatThrownBy(() -> TrustedCertificates.read("DATACHAIN_CA_BUNDLE", missing))
                .isInstanceOf(CommandException.class)
                .hasMessage("DATACHAIN_CA_BUNDLE names " + missing + ", which does not exist");
        assertThatThrownBy(() -> TrustedCertificates.read("SSL_CERT_FILE", directory))
                .hasMessage("SSL_CERT_FILE names " + directory + ", which is a directory, not a PEM file");

        Path empty = Files.writeString(directory.resolve("empty.pem"), "not a certificate\n");
        assertThatThrownBy(() -> TrustedCertificates.read("DATACHAIN_CA_BUNDLE", empty))
                .hasMessage("DATACHAIN_CA_BUNDLE file " + empty + " holds no PEM certificate (expected blocks starting"
                        + " with -----BEGIN CERTIFICATE-----)");

        Path broken = Files.writeString(directory.resolve("broken.pem"), pem(jdkAuthorities().get(0))
                + "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        assertThatThrownBy(() -> TrustedCertificates.read("DATACHAIN_CA_BUNDLE", broken))
                .hasMessageStartingWith("DATACHAIN_CA_BUNDLE file " + broken + ": certificate 2 cannot be read (");
    }

    private static String pem(X509Certificate certificate) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    private static List<X509Certificate> jdkAuthorities() throws Exception {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        return List.of(((X509TrustManager) factory.getTrustManagers()[0]).getAcceptedIssuers());
    }
}
