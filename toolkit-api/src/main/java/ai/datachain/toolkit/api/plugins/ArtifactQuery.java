package ai.datachain.toolkit.api.plugins;

import ai.datachain.toolkit.api.Console;
import ai.datachain.toolkit.api.Environment;
import java.net.URI;
import java.util.List;

/**
 * What an {@link ArtifactSource} is asked for, and with what.
 *
 * @param groupId the artifact's Maven group, e.g. {@code com.example}
 * @param artifactId the artifact's Maven id, e.g. {@code hello-plugin}
 * @param repositories the Maven repositories to search, in order: the {@code plugins.repositories}
 *     setting, or Maven Central when it is unset; never empty
 * @param environment for proxies ({@code HTTPS_PROXY}, {@code NO_PROXY}) and extra certificate
 *     authorities ({@code DATACHAIN_CA_BUNDLE}, {@code SSL_CERT_FILE}), as for Studio
 * @param console for progress and {@code -v} debug lines
 */
public record ArtifactQuery(String groupId, String artifactId, List<URI> repositories, Environment environment,
        Console console) {

    /**
     * Copies the repositories.
     *
     * @param groupId the artifact's Maven group
     * @param artifactId the artifact's Maven id
     * @param repositories the Maven repositories to search, in order; kept as an unmodifiable copy
     * @param environment for proxies and extra certificate authorities
     * @param console for progress and debug lines
     */
    public ArtifactQuery {
        repositories = List.copyOf(repositories);
    }

    /**
     * The coordinates without a version, as messages name the artifact.
     *
     * @return {@code groupId:artifactId}
     */
    public String coordinates() {
        return groupId + ":" + artifactId;
    }
}
