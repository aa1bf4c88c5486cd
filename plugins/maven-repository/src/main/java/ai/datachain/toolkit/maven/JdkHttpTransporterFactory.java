package ai.datachain.toolkit.maven;

import ai.datachain.toolkit.api.Environment;
import ai.datachain.toolkit.http.EnvironmentProxies;
import ai.datachain.toolkit.http.TrustedCertificates;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Locale;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.spi.connector.transport.Transporter;
import org.eclipse.aether.spi.connector.transport.TransporterFactory;
import org.eclipse.aether.transfer.NoTransporterException;

/** Makes {@link JdkHttpTransporter}s for http(s) repositories, sharing one client per run. */
final class JdkHttpTransporterFactory implements TransporterFactory {

    private final EnvironmentProxies proxies;
    private final HttpClient client;
    private final String userAgent;

    /**
     * @throws ai.datachain.toolkit.api.CommandException when a proxy variable or a CA bundle is unusable
     */
    JdkHttpTransporterFactory(Environment environment, String userAgent) {
        this.proxies = EnvironmentProxies.from(environment);
        EnvironmentProxies.allowBasicCredentialsInTunnels();
        // Repositories redirect to mirrors; NORMAL never follows https to http.
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(JdkHttpTransporter.CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).proxy(proxies);
        TrustedCertificates.fromEnvironment(environment).ifPresent(builder::sslContext);
        this.client = builder.build();
        this.userAgent = userAgent;
    }

    @Override
    public Transporter newInstance(RepositorySystemSession session, RemoteRepository repository)
            throws NoTransporterException {
        String protocol = repository.getProtocol().toLowerCase(Locale.ROOT);
        if (!protocol.equals("http") && !protocol.equals("https")) {
            throw new NoTransporterException(repository);
        }
        return new JdkHttpTransporter(URI.create(repository.getUrl()), client, proxies, userAgent);
    }

    @Override
    public float getPriority() {
        return 10;
    }
}
