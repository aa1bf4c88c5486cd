package ai.datachain.toolkit.host.plugins;

import ai.datachain.toolkit.api.CommandException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A plugin file offered for installation, checked before anything is written: it exists, is a
 * readable {@code .zip} or {@code .jar}, carries a PF4J descriptor at its top, and has no entry
 * that would land outside the directory it is unpacked into.
 */
final class PluginArchive {

    static final String PROPERTIES = "plugin.properties";
    static final String MANIFEST = "META-INF/MANIFEST.MF";

    private final Path file;
    private final boolean jar;

    private PluginArchive(Path file, boolean jar) {
        this.file = file;
        this.jar = jar;
    }

    static PluginArchive open(Path file) throws CommandException {
        if (!Files.exists(file)) {
            throw new CommandException("no such file: " + file);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean jar = name.endsWith(".jar");
        if (Files.isDirectory(file) || !(jar || name.endsWith(".zip"))) {
            throw new CommandException(file + " is not a plugin archive: expected a .zip or .jar file");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            boolean descriptor = false;
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (escapes(entry.getName())) {
                    throw new CommandException(file + " has an entry that would land outside the plugin directory: '"
                            + entry.getName() + "'; refusing to install it");
                }
                descriptor |= entry.getName().equals(PROPERTIES)
                        || entry.getName().equals(MANIFEST) && declaresPlugin(zip, entry);
            }
            if (!descriptor) {
                throw new CommandException(file + " has no plugin descriptor: expected " + PROPERTIES
                        + " or a " + MANIFEST + " with Plugin-Id at its top level");
            }
        } catch (IOException e) {
            throw new CommandException(file + " is not a readable " + (jar ? "jar" : "zip") + " archive ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
        }
        return new PluginArchive(file, jar);
    }

    Path file() {
        return file;
    }

    /** A jar is installed as it is; a zip is unpacked into a directory, as PF4J would do. */
    boolean isJar() {
        return jar;
    }

    /** Unpacks a zip into {@code directory}, which must exist and be empty. */
    void unpackInto(Path directory) throws IOException {
        Path root = directory.toAbsolutePath().normalize();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path target = root.resolve(entry.getName().replace('\\', '/')).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("entry '" + entry.getName() + "' escapes " + root);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, target);
                }
            }
        }
    }

    /** True for a name that is absolute or climbs above the directory it is unpacked into. */
    static boolean escapes(String entryName) {
        String name = entryName.replace('\\', '/');
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
            return true;
        }
        int depth = 0;
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                depth--;
                if (depth < 0) {
                    return true;
                }
            } else if (!part.isEmpty() && !part.equals(".")) {
                depth++;
            }
        }
        return false;
    }

    private static boolean declaresPlugin(ZipFile zip, ZipEntry manifest) throws IOException {
        try (InputStream in = zip.getInputStream(manifest)) {
            String id = new Manifest(in).getMainAttributes().getValue("Plugin-Id");
            return id != null && !id.isBlank();
        }
    }
}
