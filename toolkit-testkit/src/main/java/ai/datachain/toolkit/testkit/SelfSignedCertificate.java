package ai.datachain.toolkit.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed TLS certificate made at test time with the JDK's {@code keytool}, so no key ever
 * sits in the repository: an EC key, valid for the names given, its certificate also written as
 * PEM for clients told to trust it ({@code DATACHAIN_CA_BUNDLE}, {@code SSL_CERT_FILE}).
 */
public final class SelfSignedCertificate {

    private static final String PASSWORD = "stand-in";
    private static final String ALIAS = "studio";

    private final Path keyStore;
    private final Path pemFile;

    private SelfSignedCertificate(Path keyStore, Path pemFile) {
        this.keyStore = keyStore;
        this.pemFile = pemFile;
    }

    /**
     * Makes a key and certificate in {@code directory}.
     *
     * @param names the DNS names and IP addresses the certificate is valid for, e.g.
     *     {@code studio.invalid}, {@code 127.0.0.1}; the first is also its common name
     *
     * @param directory an existing directory for the key store and the PEM file
     * @return the certificate, valid for two days
     * @throws IllegalArgumentException when no name is given
     */
    public static SelfSignedCertificate generate(Path directory, String... names) {
        if (names.length == 0) {
            throw new IllegalArgumentException("a certificate needs at least one name");
        }
        Path keyStore = directory.resolve(names[0] + ".p12");
        Path pemFile = directory.resolve(names[0] + ".pem");
        List<String> alternativeNames = new ArrayList<>();
        for (String name : names) {
            alternativeNames.add((name.matches("[0-9.]+") || name.contains(":") ? "ip:" : "dns:") + name);
        }
        keytool(directory, "-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + names[0], "-ext", "SAN=" + String.join(",", alternativeNames), "-validity", "2",
                "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool(directory, "-exportcert", "-rfc", "-alias", ALIAS, "-keystore", keyStore.toString(),
                "-storepass", PASSWORD, "-file", pemFile.toString());
        return new SelfSignedCertificate(keyStore, pemFile);
    }

    /**
     * The certificate in PEM, to hand to a client that should trust it.
     *
     * @return the PEM file, e.g. for {@code DATACHAIN_CA_BUNDLE} or {@code SSL_CERT_FILE}
     */
    public Path pemFile() {
        return pemFile;
    }

    /**
     * A server-side TLS context presenting this certificate.
     *
     * @return a new context, e.g. for {@link FakeStudio#startHttps}
     */
    public SSLContext serverContext() {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the generated key", e);
        }
    }

    private static void keytool(Path directory, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        try {
            Files.createDirectories(directory);
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run keytool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running keytool", e);
        }
    }
}
