package ai.datachain.toolkit.api.plugins;

import java.net.URI;
import java.nio.file.Path;

/**
 * A verified plugin file an {@link ArtifactSource} downloaded.
 *
 * @param file the downloaded {@code .zip} or {@code .jar}
 * @param version the version it is
 * @param repository the repository it came from
 */
public record PluginArtifact(Path file, String version, URI repository) {}
