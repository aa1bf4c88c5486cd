package ai.datachain.toolkit.host.plugins;

import ai.datachain.toolkit.api.CommandException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Enumeration;
import java.util.Locale;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A plugin file offered for installation, checked before anything is written: it exists, is a
 * regular, readable {@code .zip} or {@code .jar}, carries a PF4J descriptor at its top, has no
 * entry that would land outside the directory it is unpacked into, and stays within the limits
 * below (a 300 KB zip must not fill the disk with 300 MB).
 */
final class PluginArchive {

    static final String PROPERTIES = "plugin.properties";
    static final String MANIFEST = "META-INF/MANIFEST.MF";
    /** More entries than any plugin needs (a plugin with its libraries has a few dozen). */
    static final int MAX_ENTRIES = 10_000;
    /** What the archive may unpack to in all. */
    static final long MAX_TOTAL_BYTES = 256L * 1024 * 1024;
    /** How much one entry may expand; checked for entries above {@link #RATIO_FLOOR}, where it means a bomb. */
    static final long MAX_RATIO = 100;
    static final long RATIO_FLOOR = 1024 * 1024;

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
        if (!Files.isRegularFile(file)) {
            // Opening a FIFO would wait for a writer forever.
            throw new CommandException(file + " is not a regular file (a pipe, socket or device):"
                    + " expected a .zip or .jar file");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            boolean descriptor = false;
            if (zip.size() > MAX_ENTRIES) {
                throw tooLarge(file, "has " + zip.size() + " entries, more than " + MAX_ENTRIES);
            }
            long total = 0;
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                total += Math.max(0, entry.getSize());
                if (total > MAX_TOTAL_BYTES) {
                    throw tooLarge(file, "unpacks to more than " + mebibytes(MAX_TOTAL_BYTES));
                }
                checkRatio(file, entry.getName(), entry.getCompressedSize(), entry.getSize());
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

    private static CommandException tooLarge(Path file, String what) {
        return new CommandException(file + " " + what + "; refusing to install it");
    }

    private static void checkRatio(Path file, String entry, long compressed, long size) throws CommandException {
        if (size > RATIO_FLOOR && size > MAX_RATIO * Math.max(1, compressed)) {
            throw tooLarge(file, "has an entry that expands more than " + MAX_RATIO + " times ('" + entry + "': "
                    + compressed + " bytes to " + size + ")");
        }
    }

    private static String mebibytes(long bytes) {
        return bytes / (1024 * 1024) + " MiB";
    }

    /** A jar is installed as it is; a zip is unpacked into a directory, as PF4J would do. */
    boolean isJar() {
        return jar;
    }

    /** Unpacks a zip into {@code directory}, which must exist and be empty. */
    void unpackInto(Path directory) throws IOException {
        Path root = directory.toAbsolutePath().normalize();
        long written = 0;
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
                    written += copyAtMost(in, target, entry, MAX_TOTAL_BYTES - written);
                }
            }
        }
    }

    /**
     * Copies one entry, stopping at what its header declared and at what the archive has left of
     * {@link #MAX_TOTAL_BYTES}: the sizes checked in {@link #open} come from the archive and may lie.
     */
    private long copyAtMost(InputStream in, Path target, ZipEntry entry, long left) throws IOException {
        long limit = entry.getSize() >= 0 ? Math.min(entry.getSize(), left) : left;
        long copied = 0;
        byte[] buffer = new byte[8192];
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                copied += n;
                if (copied > limit) {
                    throw new IOException("entry '" + entry.getName() + "' is larger than it declares or than "
                            + mebibytes(MAX_TOTAL_BYTES) + " in all");
                }
                out.write(buffer, 0, n);
            }
        }
        return copied;
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
