package ai.datachain.toolkit.host.plugins;

import ai.datachain.toolkit.api.CommandException;
import ai.datachain.toolkit.api.plugins.ArtifactQuery;
import ai.datachain.toolkit.api.plugins.ArtifactSource;
import ai.datachain.toolkit.api.plugins.PluginArtifact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Chooses and downloads the release of a plugin to install: the version asked for, or else the
 * newest release whose {@code plugin.requires} admits this toolkit. What the source downloads is
 * then installed like any plugin file, with every check that implies.
 */
public final class PluginsByCoordinates {

    /** How many releases, newest first, are tried for one that admits this toolkit. */
    static final int MAX_CANDIDATES = 10;

    private final ArtifactSource source;
    private final Function<PluginCoordinates, ArtifactQuery> queries;
    private final String hostVersion;

    public PluginsByCoordinates(ArtifactSource source, Function<PluginCoordinates, ArtifactQuery> queries,
            String hostVersion) {
        this.source = source;
        this.queries = queries;
        this.hostVersion = hostVersion;
    }

    /** A downloaded release: its file (inside {@code directory}) and its exact coordinates. */
    public record Download(PluginArtifact artifact, PluginCoordinates coordinates) {}

    /**
     * Downloads the release to install into {@code directory}, an empty directory the caller owns.
     *
     * @throws CommandException when no release fits, or a download or its verification fails
     */
    public Download fetch(PluginCoordinates coordinates, Path directory) {
        ArtifactQuery query = queries.apply(coordinates);
        if (coordinates.version().isPresent()) {
            PluginArtifact artifact = source.download(query, coordinates.version().get(), directory);
            return new Download(artifact, coordinates);
        }
        List<String> releases = source.releases(query);
        if (releases.isEmpty()) {
            throw new CommandException("no release of " + coordinates + " in " + repositories(query));
        }
        return newestCompatible(coordinates, query, releases, directory);
    }

    /**
     * The newest release that admits this toolkit and is newer than {@code installed}; empty when
     * the installed release is the newest, or no newer one admits this toolkit.
     */
    public Optional<Download> newer(PluginCoordinates installed, Path directory) {
        ArtifactQuery query = queries.apply(installed);
        List<String> releases = source.releases(query);
        int current = releases.indexOf(installed.version().orElseThrow());
        List<String> newer = current < 0 ? releases : releases.subList(0, current);
        if (newer.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(newestCompatible(installed, query, newer, directory));
        } catch (IncompatibleReleases e) {
            query.console().debug(e.getMessage());
            return Optional.empty();
        }
    }

    private Download newestCompatible(PluginCoordinates coordinates, ArtifactQuery query, List<String> releases,
            Path directory) {
        StringBuilder refused = new StringBuilder();
        for (String version : releases.subList(0, Math.min(MAX_CANDIDATES, releases.size()))) {
            PluginArtifact artifact = source.download(query, version, subdirectory(directory, version));
            Optional<String> problem = requiresProblem(artifact.file());
            if (problem.isEmpty()) {
                return new Download(artifact, coordinates.at(version));
            }
            query.console().debug(coordinates.at(version) + " skipped: " + problem.get());
            refused.append(refused.length() == 0 ? "" : "; ").append(version).append(": ").append(problem.get());
        }
        throw new IncompatibleReleases("no release of " + new PluginCoordinates(coordinates.groupId(),
                coordinates.artifactId(), Optional.empty()) + " works with datachain " + hostVersion + " (" + refused
                + ")");
    }

    /** Every release tried needs another toolkit. */
    private static final class IncompatibleReleases extends CommandException {
        private static final long serialVersionUID = 1L;

        IncompatibleReleases(String message) {
            super(message);
        }
    }

    /** Why this toolkit cannot use the plugin in {@code file}, read as an install would read it. */
    private Optional<String> requiresProblem(Path file) {
        PluginArchive archive = PluginArchive.open(file);
        Path plugin = file;
        try {
            if (!archive.isJar()) {
                plugin = Files.createDirectory(file.resolveSibling("unpacked"));
                archive.unpackInto(plugin);
            }
            return PluginCompatibility.problem(PluginDescriptors.read(plugin).getRequires(), hostVersion);
        } catch (PluginDescriptors.InvalidDescriptorException e) {
            return Optional.of("it has an invalid plugin descriptor: " + e.getMessage());
        } catch (IOException e) {
            throw new CommandException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String repositories(ArtifactQuery query) {
        return query.repositories().size() == 1 ? query.repositories().get(0).toString()
                : "any of " + query.repositories();
    }

    private static Path subdirectory(Path directory, String version) {
        try {
            return Files.createDirectory(directory.resolve(version.replaceAll("[^A-Za-z0-9._+-]", "_")));
        } catch (IOException e) {
            throw new CommandException("cannot create a download directory in " + directory + ": " + e.getMessage(), e);
        }
    }
}
