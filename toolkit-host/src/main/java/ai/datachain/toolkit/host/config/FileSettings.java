package ai.datachain.toolkit.host.config;

import ai.datachain.toolkit.api.CommandException;
import ai.datachain.toolkit.api.config.ConfigDocument;
import ai.datachain.toolkit.api.config.ConfigLevel;
import ai.datachain.toolkit.api.config.Settings;
import ai.datachain.toolkit.api.config.SettingsChange;
import ai.datachain.toolkit.api.config.Layer;
import ai.datachain.toolkit.api.config.SettingValue;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.apache.commons.configuration2.ImmutableHierarchicalConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.commons.configuration2.io.FileHandler;

/**
 * The settings of one invocation: queries go to the layers' {@link Precedence}; a level's file is
 * read alone, or changed under its lock with an atomic replace. A file that does not parse is
 * reported and never written over.
 */
final class FileSettings implements Settings {

    private final ConfigLocations locations;
    private final ConfigFileReader reader;
    private final Consumer<ConfigLevel> changed;
    private final BiFunction<String, Set<Layer>, Optional<SettingValue>> values;

    FileSettings(ConfigLocations locations, ConfigFileReader reader, Consumer<ConfigLevel> changed,
            BiFunction<String, Set<Layer>, Optional<SettingValue>> values) {
        this.locations = locations;
        this.reader = reader;
        this.changed = changed;
        this.values = values;
    }

    @Override
    public Optional<SettingValue> value(String key, Set<Layer> layers) {
        return values.apply(key, layers);
    }

    @Override
    public Path location(ConfigLevel level) {
        return locations.file(level);
    }

    @Override
    public ImmutableHierarchicalConfiguration read(ConfigLevel level) {
        return reader.read(location(level));
    }

    @Override
    public Path edit(ConfigLevel level, SettingsChange change) {
        Path file = location(level);
        if (level == ConfigLevel.DEFAULTS) {
            throw new CommandException("cannot change " + file + ": the image defaults are read-only; change the"
                    + " system, global or local configuration instead");
        }
        Path target = ConfigFileTarget.of(file);
        prepareDirectory(target);
        try (ConfigFileLock lock = ConfigFileLock.acquire(target)) {
            Optional<byte[]> before = reader.bytes(target);
            ConfigDocument document = before.isPresent() ? reader.parse(file, before.get()) : reader.newDocument(file);
            change.apply(document);
            byte[] after = render(file, document);
            boolean unchanged = before.map(bytes -> Arrays.equals(bytes, after)).orElse(after.length == 0);
            if (!unchanged) {
                AtomicFileWriter.replace(target, after);
            }
        } catch (IOException e) {
            // Every failure in here comes before the rename, or is the rename: the old file is intact.
            throw new CommandException("cannot write " + file + ": " + IoMessages.describe(e)
                    + "; the file was not changed", e);
        }
        changed.accept(level);
        return file;
    }

    /** Creates missing directories owner-only, and refuses a file where the directory should be. */
    private static void prepareDirectory(Path file) {
        Path directory = file.getParent();
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new CommandException("cannot write " + file + ": it is a directory, not a file");
        }
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new CommandException("cannot write " + file + ": " + directory + " is not a directory");
        }
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory, FilePermissions.privateDirectory(directory));
            }
        } catch (IOException e) {
            throw new CommandException("cannot write " + file + ": cannot create " + directory + ": "
                    + IoMessages.describe(e), e);
        }
    }

    private static byte[] render(Path file, ConfigDocument document) {
        StringWriter out = new StringWriter();
        try {
            new FileHandler(document).save(out);
        } catch (ConfigurationException e) {
            throw new CommandException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
