package ai.datachain.toolkit.host.builtin;

import ai.datachain.toolkit.api.CommandException;
import ai.datachain.toolkit.api.Invocation;
import ai.datachain.toolkit.api.plugins.ArtifactQuery;
import ai.datachain.toolkit.api.plugins.ArtifactSource;
import ai.datachain.toolkit.host.plugins.ImagePluginExtensions;
import ai.datachain.toolkit.host.plugins.PluginsByCoordinates;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The Maven repositories plugins are installed from by coordinates: the {@code plugins.repositories}
 * setting (a TOML array of URLs; a team runtime bakes its own in), else Maven Central. The download
 * itself is the image's {@code maven-repository} plugin's work, started only for these commands.
 */
final class PluginRepositories {

    static final String SETTING = "plugins.repositories";
    static final URI MAVEN_CENTRAL = URI.create("https://repo.maven.apache.org/maven2/");
    static final String SOURCE_PLUGIN = "maven-repository";

    private PluginRepositories() {}

    /** What resolves coordinates for this invocation. */
    static PluginsByCoordinates open(Invocation invocation, Path imageHome) {
        List<URI> repositories = configured(invocation);
        ArtifactSource source = ImagePluginExtensions.first(imageHome, SOURCE_PLUGIN, ArtifactSource.class,
                invocation.toolkitVersion()).orElseThrow(() -> new CommandException("this datachain image has no "
                + SOURCE_PLUGIN + " plugin, so it cannot install plugins by coordinates; install the plugin's file"
                + " by path instead"));
        Function<ai.datachain.toolkit.host.plugins.PluginCoordinates, ArtifactQuery> queries = coordinates ->
                new ArtifactQuery(coordinates.groupId(), coordinates.artifactId(), repositories,
                        invocation.environment(), invocation.console());
        return new PluginsByCoordinates(source, queries, invocation.toolkitVersion());
    }

    /** The configured repositories, each an http(s) or file URL ending in '/'. */
    static List<URI> configured(Invocation invocation) {
        List<String> values = invocation.config().getOptionalValues(SETTING, String.class).orElse(List.of());
        List<URI> repositories = new ArrayList<>();
        for (String value : values) {
            repositories.add(repository(value.strip(), invocation));
        }
        return repositories.isEmpty() ? List.of(MAVEN_CENTRAL) : repositories;
    }

    private static URI repository(String value, Invocation invocation) {
        URI uri;
        try {
            uri = new URI(value.endsWith("/") ? value : value + "/");
        } catch (java.net.URISyntaxException e) {
            throw new CommandException(SETTING + ": '" + value + "' is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") && !scheme.equals("file")) {
            throw new CommandException(SETTING + ": '" + value + "' is not an https, http or file URL");
        }
        if (uri.getUserInfo() != null) {
            // The URL ends up in messages and in the plugin list; credentials belong in a proxy or a mirror.
            throw new CommandException(SETTING + ": a repository URL may not carry a user name or password");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            invocation.console().warn(SETTING + ": " + value + " is not encrypted; anyone on the way can change"
                    + " what it serves, checksums included");
        }
        return uri;
    }

    private static boolean isLoopback(String host) {
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
    }

    /** A scratch directory for downloads; the caller deletes it. */
    static Path scratch() {
        try {
            return Files.createTempDirectory("datachain-plugin-download-");
        } catch (IOException e) {
            throw new CommandException("cannot create a temporary directory: " + e.getMessage(), e);
        }
    }
}
