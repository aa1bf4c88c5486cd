package ai.datachain.toolkit.host.plugins;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plugin named by Maven coordinates, {@code GROUP:ARTIFACT[:VERSION]}, as {@code plugins install}
 * accepts it; the version is empty when the newest compatible release is wanted.
 */
public record PluginCoordinates(String groupId, String artifactId, Optional<String> version) {

    private static final Pattern FORM = Pattern.compile(
            "([A-Za-z0-9_][A-Za-z0-9_.-]*):([A-Za-z0-9_][A-Za-z0-9_.-]*)(?::([A-Za-z0-9_][A-Za-z0-9_.+-]*))?");

    /** The coordinates {@code text} spells, or empty when it is not of that form (a path, say). */
    public static Optional<PluginCoordinates> parse(String text) {
        Matcher matcher = FORM.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new PluginCoordinates(matcher.group(1), matcher.group(2),
                Optional.ofNullable(matcher.group(3))));
    }

    /**
     * What a command's plugin argument names: the coordinates {@code text} spells, or empty when
     * {@code file} (the argument as a path) exists, since {@code a:b} can be both and the file wins.
     */
    public static Optional<PluginCoordinates> unlessFile(String text, Path file) {
        return Files.exists(file) ? Optional.empty() : parse(text);
    }

    /** The same artifact at one version. */
    public PluginCoordinates at(String version) {
        return new PluginCoordinates(groupId, artifactId, Optional.of(version));
    }

    @Override
    public String toString() {
        return groupId + ":" + artifactId + version.map(v -> ":" + v).orElse("");
    }
}
