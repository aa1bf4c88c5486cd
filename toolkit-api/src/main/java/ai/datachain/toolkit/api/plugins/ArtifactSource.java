package ai.datachain.toolkit.api.plugins;

import ai.datachain.toolkit.api.CommandException;
import java.nio.file.Path;
import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * Finds and downloads plugin artifacts by Maven coordinates, for {@code datachain plugins install
 * GROUP:ARTIFACT[:VERSION]} and {@code plugins update}. The image's {@code maven-repository} plugin
 * provides it; the host only ever asks the image's own plugins for one, never a user's.
 *
 * <p>The host decides what to install: it reads the descriptor of what {@link #download} returns
 * and checks it exactly as it checks a plugin file given by path. A source only finds and verifies.
 */
public interface ArtifactSource extends ExtensionPoint {

    /**
     * The released versions (no snapshots) of the request's artifact that the repositories list,
     * newest first; empty when no repository knows the artifact.
     *
     * @param request the artifact and the repositories to search
     * @return the versions, newest first
     * @throws CommandException when no repository can be reached or a listing cannot be read
     */
    List<String> releases(ArtifactQuery request) throws CommandException;

    /**
     * Downloads one version's plugin file into {@code directory}: the artifact with classifier
     * {@code plugin} and extension {@code zip} when it is published, else the plain jar. The file
     * is verified against the checksum files published beside it; a mismatch, or no checksum file
     * at all, is a failure and leaves no file behind.
     *
     * @param request the artifact and the repositories to search
     * @param version the version the user named, or one that {@link #releases} listed
     * @param directory an existing, empty directory the caller owns and deletes
     * @return the downloaded file, inside {@code directory}, named {@code ARTIFACT-VERSION-plugin.zip}
     *     or {@code ARTIFACT-VERSION.jar}
     * @throws CommandException when the version is not found, cannot be fetched or fails verification
     */
    PluginArtifact download(ArtifactQuery request, String version, Path directory) throws CommandException;
}
