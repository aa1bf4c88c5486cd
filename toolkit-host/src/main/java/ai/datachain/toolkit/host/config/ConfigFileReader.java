package ai.datachain.toolkit.host.config;

import ai.datachain.toolkit.api.CommandException;
import ai.datachain.toolkit.api.config.ConfigDocument;
import ai.datachain.toolkit.api.config.ConfigFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.commons.configuration2.BaseHierarchicalConfiguration;
import org.apache.commons.configuration2.ImmutableHierarchicalConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.commons.configuration2.io.FileHandler;
import org.apache.commons.configuration2.io.FileLocatorAware;
import org.apache.commons.configuration2.io.InputStreamSupport;
import org.apache.commons.configuration2.sync.LockMode;

/**
 * Loads configuration files into documents of the installed format. Every failure is a
 * {@link CommandException} that names the file: {@code cannot read <path>: <why>}.
 */
public final class ConfigFileReader {

    private final List<ConfigFormat> formats;

    public ConfigFileReader(List<ConfigFormat> formats) {
        this.formats = List.copyOf(formats);
    }

    /**
     * The largest config file read. Real ones are a few hundred bytes; the cap keeps a link to
     * {@code /dev/zero} or a runaway file from exhausting memory.
     */
    public static final int MAX_BYTES = 1024 * 1024;

    /**
     * The file's bytes, or empty when there is no file. Only a regular file is opened: opening a
     * FIFO blocks until someone writes to it, and a device may never end.
     */
    public Optional<byte[]> bytes(Path file) {
        if (Files.isDirectory(file)) {
            throw new CommandException("cannot read " + file + ": it is a directory, not a file");
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                throw new CommandException("cannot read " + file + ": it is not a regular file (a pipe, socket or"
                        + " device)");
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES) {
                throw new CommandException("cannot read " + file + ": it is larger than " + MAX_BYTES / 1024 / 1024
                        + " MiB, too large for a config file");
            }
            return Optional.of(bytes);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (AccessDeniedException e) {
            throw new CommandException("cannot read " + file + ": permission denied", e);
        } catch (IOException e) {
            throw new CommandException("cannot read " + file + ": " + IoMessages.describe(e), e);
        }
    }

    /**
     * A document holding {@code bytes}, the content of {@code file}. A document that only reads
     * text gets it straight; one that wants a stream or its file's location goes through
     * Commons Configuration's {@link FileHandler}, whose set-up (locators, location strategies,
     * logging discovery) is otherwise a third of what reading a config file costs.
     */
    public ConfigDocument parse(Path file, byte[] bytes) {
        ConfigDocument document = newDocument(file);
        try {
            if (document instanceof FileLocatorAware || document instanceof InputStreamSupport) {
                FileHandler handler = new FileHandler(document);
                handler.setEncoding(StandardCharsets.UTF_8.name());
                handler.load(new ByteArrayInputStream(bytes));
            } else {
                document.lock(LockMode.WRITE);
                try {
                    document.read(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
                } finally {
                    document.unlock(LockMode.WRITE);
                }
            }
        } catch (ConfigurationException e) {
            throw new CommandException("cannot read " + file + ": " + innermost(e), e);
        } catch (IOException e) {
            throw new CommandException("cannot read " + file + ": " + IoMessages.describe(e), e);
        } catch (StackOverflowError e) {
            // Any format's parser recurses on nested arrays and tables; within MAX_BYTES only a file
            // built to break it nests this deep. Parsing touches nothing shared, so the stack unwinds clean.
            throw new CommandException("cannot read " + file + ": it nests arrays or tables too deeply");
        }
        return document;
    }

    /**
     * The file's content for reading: empty when there is no file. A missing file needs no format
     * plugin, so commands that only read settings still run where none is installed.
     */
    public ImmutableHierarchicalConfiguration read(Path file) {
        Optional<byte[]> bytes = bytes(file);
        return bytes.isPresent() ? parse(file, bytes.get()) : new BaseHierarchicalConfiguration();
    }

    /** A new, empty document of the installed format. */
    public ConfigDocument newDocument(Path file) {
        ConfigFormat format = formats.stream().filter(f -> f.name().equals("toml")).findFirst()
                .orElseGet(() -> formats.isEmpty() ? null : formats.get(0));
        if (format == null) {
            throw new CommandException("cannot read or write " + file + ": no configuration format is installed"
                    + " (the config-toml plugin is missing or failed to load; see 'datachain plugins list')");
        }
        return format.newDocument();
    }

    /** The message of the deepest configuration error: the one that names the line. */
    private static String innermost(ConfigurationException error) {
        Throwable deepest = error;
        for (Throwable cause = error.getCause(); cause != null && cause != deepest; cause = cause.getCause()) {
            if (cause instanceof ConfigurationException) {
                deepest = cause;
            }
        }
        return deepest.getMessage() != null ? deepest.getMessage() : deepest.toString();
    }
}
