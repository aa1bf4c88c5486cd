package ai.datachain.toolkit.host.plugins;

import ai.datachain.toolkit.host.config.AtomicFileWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Where each plugin in the user's plugin directory was installed from: a file's path, or Maven
 * coordinates and the repository that served them. Kept in a hidden file beside the plugins (PF4J
 * skips hidden entries) so that {@code plugins list} can say it and {@code plugins update} knows
 * which plugins it can move to a newer release.
 */
public final class PluginOrigins {

    public static final String FILE_NAME = ".origins.properties";
    private static final String COORDINATES = "coordinates ";
    private static final String PATH = "path ";

    private final Path file;
    private final Map<String, String> origins;

    private PluginOrigins(Path file, Map<String, String> origins) {
        this.file = file;
        this.origins = origins;
    }

    /** The origins recorded in a user plugin directory; none when the file is missing or unreadable. */
    public static PluginOrigins in(Path userPluginDirectory) {
        Path file = userPluginDirectory.resolve(FILE_NAME);
        Map<String, String> origins = new TreeMap<>();
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
            properties.forEach((id, origin) -> origins.put(id.toString(), origin.toString()));
        } catch (NoSuchFileException e) {
            // Nothing installed through datachain yet.
        } catch (IOException | IllegalArgumentException e) {
            // Origins only inform; a damaged file must not stop any command.
        }
        return new PluginOrigins(file, origins);
    }

    /** The coordinates (with version) a plugin was installed from, if it was installed that way. */
    public Optional<PluginCoordinates> coordinates(String id) {
        String origin = origins.get(id);
        if (origin == null || !origin.startsWith(COORDINATES)) {
            return Optional.empty();
        }
        String text = origin.substring(COORDINATES.length());
        int space = text.indexOf(' ');
        return PluginCoordinates.parse(space < 0 ? text : text.substring(0, space))
                .filter(coordinates -> coordinates.version().isPresent());
    }

    /** A line for {@code plugins list}: {@code com.example:hello:1.0.0 (from https://…)} or the file's path. */
    public Optional<String> describe(String id) {
        String origin = origins.get(id);
        if (origin == null) {
            return Optional.empty();
        }
        return Optional.of(origin.startsWith(COORDINATES) ? origin.substring(COORDINATES.length())
                : origin.startsWith(PATH) ? origin.substring(PATH.length()) : origin);
    }

    public void recordCoordinates(String id, PluginCoordinates coordinates, String repository) {
        record(id, COORDINATES + coordinates + " (from " + repository + ")");
    }

    public void recordPath(String id, Path archive) {
        record(id, PATH + archive.toAbsolutePath().normalize());
    }

    public void forget(String id) {
        if (origins.remove(id) != null) {
            save();
        }
    }

    private void record(String id, String origin) {
        origins.put(id, origin);
        save();
    }

    private void save() {
        Properties properties = new Properties();
        properties.putAll(origins);
        StringWriter text = new StringWriter();
        try {
            properties.store(text, null);
            // Properties writes the date as a first comment line; the file says what it is instead.
            String body = text.toString().lines().filter(line -> !line.startsWith("#")).sorted()
                    .reduce("", (all, line) -> all + line + "\n");
            AtomicFileWriter.replace(file, ("# Where 'datachain plugins install' got each plugin.\n" + body)
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
