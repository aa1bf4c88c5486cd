package ai.datachain.toolkit.maven;

import java.util.Map;
import org.eclipse.aether.spi.connector.transport.TransporterFactory;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.transport.file.FileTransporterFactory;

/**
 * Maven Resolver wired without a DI container (the supplier is Resolver's own way to do that),
 * with our HTTP transport in place of the Apache one and {@code file:} repositories for mirrors on
 * disk.
 */
final class PluginRepositorySystem extends RepositorySystemSupplier {

    private final JdkHttpTransporterFactory http;

    PluginRepositorySystem(JdkHttpTransporterFactory http) {
        this.http = http;
    }

    @Override
    protected Map<String, TransporterFactory> createTransporterFactories() {
        return Map.of("http", http, FileTransporterFactory.NAME, new FileTransporterFactory());
    }
}
