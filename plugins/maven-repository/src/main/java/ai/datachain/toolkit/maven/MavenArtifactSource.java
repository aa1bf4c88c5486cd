package ai.datachain.toolkit.maven;

import ai.datachain.toolkit.api.CommandException;
import ai.datachain.toolkit.api.plugins.ArtifactQuery;
import ai.datachain.toolkit.api.plugins.ArtifactSource;
import ai.datachain.toolkit.api.plugins.PluginArtifact;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession.CloseableSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.VersionRangeRequest;
import org.eclipse.aether.resolution.VersionRangeResolutionException;
import org.eclipse.aether.resolution.VersionRangeResult;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.transfer.ArtifactNotFoundException;
import org.eclipse.aether.transfer.ChecksumFailureException;
import org.eclipse.aether.version.Version;
import org.pf4j.Extension;

/**
 * Plugin artifacts from Maven repositories through Maven Resolver: versions from the repositories'
 * {@code maven-metadata.xml}, files verified against their published checksums (policy "fail": a
 * mismatch or a missing checksum refuses the file). Every call works in a fresh local repository
 * inside the caller's directory, so nothing is cached between runs and {@code ~/.m2} is never
 * touched. Nothing is built until a command calls: loading the plugin costs start-up nothing.
 */
@Extension
public final class MavenArtifactSource implements ArtifactSource {

    @Override
    public List<String> releases(ArtifactQuery query) {
        Path scratch = scratchDirectory();
        try (Resolver resolver = Resolver.open(query, scratch)) {
            VersionRangeRequest range = new VersionRangeRequest(
                    new DefaultArtifact(query.groupId(), query.artifactId(), "pom", "[0,)"), resolver.remotes(), null);
            VersionRangeResult result = resolver.system().resolveVersionRange(resolver.session(), range);
            List<String> releases = new ArrayList<>();
            for (Version version : result.getVersions()) {
                if (!version.toString().endsWith("-SNAPSHOT")) {
                    releases.add(version.toString());
                }
            }
            if (releases.isEmpty()) {
                unreachable(result.getExceptions()).ifPresent(failure -> {
                    throw failure;
                });
            }
            Collections.reverse(releases);
            return releases;
        } catch (VersionRangeResolutionException e) {
            throw new CommandException("cannot list the versions of " + query.coordinates() + ": " + reason(e));
        } finally {
            deleteRecursively(scratch);
        }
    }

    @Override
    public PluginArtifact download(ArtifactQuery query, String version,
            Path directory) {
        try (Resolver resolver = Resolver.open(query, directory.resolve(".repository"))) {
            ArtifactResult result;
            try {
                result = resolver.resolve(new DefaultArtifact(query.groupId(), query.artifactId(), "plugin", "zip",
                        version));
            } catch (ArtifactResolutionException e) {
                if (!isNotFound(e)) {
                    throw failure(query, version, e);
                }
                query.console().debug("no -plugin.zip of " + query.coordinates() + ":" + version
                        + "; trying its jar");
                try {
                    result = resolver.resolve(new DefaultArtifact(query.groupId(), query.artifactId(), "", "jar",
                            version));
                } catch (ArtifactResolutionException jar) {
                    throw failure(query, version, jar);
                }
            }
            Artifact artifact = result.getArtifact();
            String name = artifact.getArtifactId() + "-" + artifact.getVersion()
                    + (artifact.getClassifier().isEmpty() ? "" : "-" + artifact.getClassifier()) + "." + artifact.getExtension();
            Path file = Files.copy(artifact.getPath(), directory.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            URI repository = result.getRepository() instanceof RemoteRepository remote
                    ? URI.create(remote.getUrl()) : query.repositories().get(0);
            return new PluginArtifact(file, artifact.getVersion(), repository);
        } catch (IOException e) {
            throw new CommandException("cannot store " + query.coordinates() + ":" + version + " in " + directory
                    + ": " + e.getMessage(), e);
        } finally {
            deleteRecursively(directory.resolve(".repository"));
        }
    }

    private static CommandException failure(ArtifactQuery query, String version,
            ArtifactResolutionException e) {
        String coordinates = query.coordinates() + ":" + version;
        if (isNotFound(e)) {
            return new CommandException(coordinates + " is not in " + describe(query.repositories()));
        }
        Throwable checksum = find(e, ChecksumFailureException.class);
        if (checksum != null) {
            return new CommandException(coordinates + " failed verification, refusing it: " + checksum.getMessage());
        }
        return new CommandException("cannot download " + coordinates + ": " + reason(e));
    }

    private static Optional<CommandException> unreachable(List<Exception> exceptions) {
        for (Exception exception : exceptions) {
            if (find(exception, org.eclipse.aether.transfer.MetadataNotFoundException.class) == null) {
                return Optional.of(new CommandException("cannot read the versions: " + reason(exception)));
            }
        }
        return Optional.empty();
    }

    private static boolean isNotFound(ArtifactResolutionException e) {
        for (ArtifactResult result : e.getResults()) {
            for (Exception exception : result.getExceptions()) {
                if (!(exception instanceof ArtifactNotFoundException)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                T found = find(suppressed, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The innermost message, which names what went wrong rather than what was being done. */
    private static String reason(Throwable error) {
        java.net.ConnectException refused = find(error, java.net.ConnectException.class);
        if (refused != null) {
            return "connection refused" + (refused.getMessage() == null || refused.getMessage().isBlank() ? ""
                    : " (" + refused.getMessage() + ")");
        }
        java.net.http.HttpTimeoutException late = find(error, java.net.http.HttpTimeoutException.class);
        if (late != null) {
            return "no answer in time (" + late.getMessage() + ")";
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null || root.getMessage().isBlank()
                ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static String describe(List<URI> repositories) {
        return repositories.size() == 1 ? repositories.get(0).toString() : "any of " + repositories;
    }

    private static Path scratchDirectory() {
        try {
            return Files.createTempDirectory("datachain-maven-");
        } catch (IOException e) {
            throw new CommandException("cannot create a temporary directory: " + e.getMessage(), e);
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // A scratch directory in the temporary folder; the system cleans it.
        }
    }

    /** One Resolver session over the request's repositories. */
    private record Resolver(RepositorySystem system, CloseableSession session, List<RemoteRepository> remotes)
            implements AutoCloseable {

        static Resolver open(ArtifactQuery query, Path localRepository) {
            JdkHttpTransporterFactory http = new JdkHttpTransporterFactory(query.environment(),
                    "datachain-java/maven-repository");
            RepositorySystem system = new PluginRepositorySystem(http).get();
            CloseableSession session = new SessionBuilderSupplier(system).get()
                    .withLocalRepositoryBaseDirectories(localRepository)
                    .setChecksumPolicy(RepositoryPolicy.CHECKSUM_POLICY_FAIL)
                    .setUpdatePolicy(RepositoryPolicy.UPDATE_POLICY_ALWAYS)
                    .build();
            List<RemoteRepository> remotes = new ArrayList<>();
            for (int i = 0; i < query.repositories().size(); i++) {
                URI uri = query.repositories().get(i);
                RepositoryPolicy releases = new RepositoryPolicy(true, RepositoryPolicy.UPDATE_POLICY_ALWAYS,
                        RepositoryPolicy.CHECKSUM_POLICY_FAIL);
                remotes.add(new RemoteRepository.Builder("plugins-" + (i + 1), "default", uri.toString())
                        .setReleasePolicy(releases)
                        .setSnapshotPolicy(new RepositoryPolicy(false, RepositoryPolicy.UPDATE_POLICY_NEVER,
                                RepositoryPolicy.CHECKSUM_POLICY_FAIL))
                        .build());
            }
            return new Resolver(system, session, system.newResolutionRepositories(session, remotes));
        }

        ArtifactResult resolve(Artifact artifact) throws ArtifactResolutionException {
            return system.resolveArtifact(session, new ArtifactRequest(artifact, remotes, null));
        }

        @Override
        public void close() {
            session.close();
            system.shutdown();
        }
    }
}
